import { type Document, isMap, isScalar, type LineCounter, type Node, visit } from 'yaml';
import * as z from 'zod';
import { type Problem, type RuleId, severityOf } from '../lint/problem.js';
import { Slug } from '../schema/common.js';
import {
  FILE_KINDS,
  type FileKind,
  type FollowUpKind,
  type Question,
  QuestionBank,
  type Rubric,
  SCHEMAS,
  type StoriesFile,
  type Story,
} from '../schema/index.js';
import { Question as QuestionSchema } from '../schema/question-bank.js';
import { Rubric as RubricSchema } from '../schema/rubric.js';
import { Story as StorySchema } from '../schema/stories.js';
import { dataOf, isAliasLimit, parseWithPositions, TOO_MANY_ALIASES } from '../yaml/document.js';
import { locate, spanOf } from '../yaml/locate.js';
import { loadPlainYaml } from '../yaml/plain.js';
import { FILE_START, type Span } from '../yaml/span.js';
import { findControlCharacters } from './control-characters.js';
import { describeSchemaIssue } from './schema-issues.js';
import type { SourceResult } from './source.js';

/** What one file holds, validated as far as it goes, with its problems already positioned. */
export interface FileAnalysis {
  file: string;
  kind: FileKind | null;
  problems: Problem[];
  /** Bank metadata when the envelope validated. */
  bank?: { id: string; title: string; description: string };
  /** Questions that validated on their own, with their index in the file (for positions). */
  questions: { index: number; question: Question }[];
  /**
   * Only for banks with schema problems: the fields of every question that are valid on their own,
   * so one bad field does not hide a duplicate id or an unknown rubric in the same question.
   */
  facts?: QuestionFacts[];
  /** When `questions` was dropped to save memory (lint), how many questions were valid. */
  validQuestions?: number;
  rubric?: Rubric;
  /**
   * The rubric's id whenever it is valid on its own, even if the rest of the rubric is not:
   * questions that use a rubric with a typo elsewhere still refer to a rubric that exists.
   */
  rubricId?: string;
  /** Only for stories files: the stories that validated on their own, with their index in the file. */
  stories?: { index: number; story: Story }[];
  /**
   * Only for stories files with schema problems: the id and principles of every story as far as they
   * are valid, so a duplicate id or an unknown principle is reported beside a missing title.
   */
  storyFacts?: StoryFacts[];
}

/** What the story rules need of a story; `id` is absent when it is invalid. */
export interface StoryFacts {
  index: number;
  id?: string;
  principles: string[];
}

export function storyFacts(analysis: FileAnalysis): StoryFacts[] {
  return (
    analysis.storyFacts ??
    (analysis.stories ?? []).map(({ index, story }) => ({
      index,
      id: story.id,
      principles: story.principles,
    }))
  );
}

/** What the cross-file rules need of a question; a field is absent when its value is invalid. */
export interface QuestionFacts {
  index: number;
  id?: string;
  prompt?: string;
  rubric?: string;
  principles: string[];
  timeLimitSeconds?: number;
  /** The criteria a focused question is judged on, checked against its rubric. */
  focusCriteria?: string[];
  /** The kind of each follow-up (null for plain text), when the list is valid. */
  followUpKinds?: (FollowUpKind | null)[];
}

export function questionFacts(analysis: FileAnalysis): QuestionFacts[] {
  return (
    analysis.facts ??
    analysis.questions.map(({ index, question: q }) => ({
      index,
      id: q.id,
      prompt: q.prompt,
      rubric: q.rubric,
      principles: q.principles,
      timeLimitSeconds: q.timeLimitSeconds,
      ...(q.focusCriteria ? { focusCriteria: q.focusCriteria } : {}),
      followUpKinds: q.followUps.map((f) => f.kind ?? null),
    }))
  );
}

/**
 * Parses and validates one file. Pure: text in, data out; never throws.
 *
 * Clean files take a fast path, but only when the text is in the plain, line-shaped subset of YAML
 * that src/yaml/gate.ts accepts, where js-yaml gives yaml v2's data faster (src/yaml/plain.ts); and
 * the result must pass the schema. Everything else goes through yaml v2, the authority for syntax
 * errors, duplicate keys, alias limits and positions.
 */
export function analyzeSource(file: string, source: SourceResult): FileAnalysis {
  if (!source.ok) return failed(file, source.rule, source.message, FILE_START);
  const text = source.text.charCodeAt(0) === 0xfeff ? source.text.slice(1) : source.text;
  const analysis = fastPath(file, text) ?? fullPath(file, text);
  // Bank text reaches terminals; a control character in it is an error wherever it is.
  const controls = findControlCharacters(text).map(({ message, ...span }) =>
    problem(file, 'control-character', message, span),
  );
  return controls.length ? { ...analysis, problems: [...analysis.problems, ...controls] } : analysis;
}

function fastPath(file: string, text: string): FileAnalysis | undefined {
  // Only text in the plain subset (no anchors, aliases, tags or multi-line plain scalars either).
  const data = loadPlainYaml(text);
  if (data === undefined) return undefined;
  const kind = kindOf(data);
  if (!kind) return undefined;
  const parsed = SCHEMAS[kind].safeParse(data);
  if (!parsed.success) return undefined;
  return accepted(file, kind, parsed.data);
}

function fullPath(file: string, text: string): FileAnalysis {
  const { doc, lineCounter } = parseWithPositions(text);
  const problems: Problem[] = [];
  // One problem per (line, column, message): some inputs make yaml v2 repeat an error.
  const seen = new Set<string>();
  const push = (found: Problem) => {
    const key = `${found.line}:${found.column}:${found.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push(found);
  };
  // A stack overflow surfaces once per unwound level, at offsets that depend on the stack size:
  // report it once, at the first of them, in words an author can act on.
  const overflows = doc.errors.filter((e) => isStackOverflow(e.message));
  if (overflows.length > 0) {
    const at = overflows.reduce((min, e) => Math.min(min, e.pos[0]), Number.POSITIVE_INFINITY);
    push(problem(file, 'yaml-syntax', NESTING_TOO_DEEP, spanOf(lineCounter, at, at + 1)));
  }
  for (const error of doc.errors) {
    if (isStackOverflow(error.message)) continue;
    const span = spanOf(lineCounter, error.pos[0], error.pos[1]);
    if (error.code === 'MULTIPLE_DOCS') {
      const message =
        'more than one YAML document (separated by ---): a bank, rubric or stories file is a single document';
      push(problem(file, 'multiple-documents', message, span));
    } else if (error.code === 'DUPLICATE_KEY') {
      push(duplicateKeyProblem(file, doc, lineCounter, text, error.pos));
    } else {
      push(problem(file, 'yaml-syntax', firstLine(error.message), span));
    }
  }
  const repeated = repeatedYamlDirective(text);
  if (repeated !== undefined) {
    const span = spanOf(lineCounter, repeated, repeated + 5);
    push(problem(file, 'yaml-syntax', 'the %YAML directive may appear only once per document', span));
  }
  for (const warning of doc.warnings) {
    if (warning.code !== 'TAG_RESOLVE_FAILED') continue;
    const tag = firstLine(text.slice(warning.pos[0], warning.pos[1])).split(/\s/, 1)[0];
    const span = spanOf(lineCounter, warning.pos[0], warning.pos[1]);
    push(
      problem(
        file,
        'yaml-unsafe',
        `tag ${tag} is not allowed: banks, rubrics and stories use plain YAML values`,
        span,
      ),
    );
  }
  if (problems.length > 0) return { file, kind: null, problems, questions: [] };

  let data: unknown;
  try {
    data = dataOf(doc);
  } catch (error) {
    const reason = String((error as Error)?.message ?? error);
    if (isStackOverflow(reason)) return failed(file, 'yaml-syntax', NESTING_TOO_DEEP, FILE_START);
    const message = isAliasLimit(error) ? TOO_MANY_ALIASES : `cannot load document: ${firstLine(reason)}`;
    return failed(file, 'yaml-unsafe', message, FILE_START);
  }

  const kind = kindOf(data);
  if (!kind) return failed(file, 'unknown-kind', unknownKindMessage(data), kindSpan(doc, lineCounter));

  const parsed = SCHEMAS[kind].safeParse(data);
  if (parsed.success) return accepted(file, kind, parsed.data);

  for (const issue of parsed.error.issues) {
    for (const found of describeSchemaIssue(issue, data, SCHEMAS[kind])) {
      push(problem(file, found.rule, found.message, locate(doc, lineCounter, found.path, found.at)));
    }
  }
  return { file, kind, problems, ...salvage(kind, data) };
}

const NESTING_TOO_DEEP =
  'nesting too deep: the YAML is nested more deeply than a bank, rubric or stories file can be read';

function isStackOverflow(message: string): boolean {
  return /maximum call stack size exceeded/i.test(message);
}

/**
 * yaml v2 reports a duplicate key with a one-character range at the key's start. The key node that
 * starts there gives the whole key, for the message and a span that covers it.
 */
function duplicateKeyProblem(
  file: string,
  doc: Document,
  lineCounter: LineCounter,
  text: string,
  [start, end]: [number, number],
): Problem {
  let keyNode: Node | undefined;
  visit(doc, {
    Pair(_, pair) {
      const key = pair.key as Node | null;
      if (key?.range?.[0] !== start) return undefined;
      keyNode = key;
      return visit.BREAK;
    },
  });
  const range = keyNode?.range ?? [start, end];
  const name = isScalar(keyNode)
    ? String(keyNode.value)
    : firstLine(text.slice(range[0], range[1])).replace(/:$/, '');
  return problem(
    file,
    'yaml-duplicate-key',
    `duplicate key "${name}": a key may appear once per mapping`,
    spanOf(lineCounter, range[0], range[1]),
  );
}

/** yaml v2 accepts a repeated %YAML directive, which the YAML spec (6.8.1) calls an error. */
function repeatedYamlDirective(text: string): number | undefined {
  if (!text.startsWith('%') && !text.includes('\n%YAML')) return undefined;
  const pattern = /^(%YAML\b|---|\.\.\.)/gm;
  let seen = false;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m[1] !== '%YAML') seen = false;
    else if (seen) return m.index;
    else seen = true;
  }
  return undefined;
}

function accepted(file: string, kind: FileKind, data: unknown): FileAnalysis {
  if (kind === 'stories') {
    const stories = (data as StoriesFile).stories.map((story, index) => ({ index, story }));
    return { file, kind, problems: [], questions: [], stories };
  }
  if (kind === 'rubric') {
    const rubric = data as Rubric;
    return { file, kind, problems: [], questions: [], rubric, rubricId: rubric.id };
  }
  const { questions, ...bank } = data as QuestionBank;
  return {
    file,
    kind,
    problems: [],
    bank,
    questions: questions.map((question, index) => ({ index, question })),
  };
}

/**
 * When a bank has errors, its valid questions still take part in cross-file rules
 * (duplicate ids, near duplicates), so one typo does not hide every other finding.
 * A rubric with errors keeps its id, so the questions that use it are not all unknown-rubric.
 */
function salvage(
  kind: FileKind,
  data: unknown,
): Pick<FileAnalysis, 'questions' | 'facts' | 'bank' | 'rubricId' | 'stories' | 'storyFacts'> {
  if (kind === 'stories') return salvageStories(data);
  if (kind === 'rubric') {
    const id = RubricSchema.shape.id.safeParse((data as { id?: unknown }).id);
    return id.success ? { questions: [], rubricId: id.data } : { questions: [] };
  }
  const { id, title, description } = QuestionBank.shape;
  const envelope = z.object({ id, title, description }).safeParse(data);
  const bank = envelope.success ? { bank: envelope.data } : {};
  const raw = (data as { questions?: unknown }).questions;
  if (!Array.isArray(raw)) return { ...bank, questions: [], facts: [] };
  const questions: FileAnalysis['questions'] = [];
  const facts: QuestionFacts[] = [];
  raw.forEach((item, index) => {
    const parsed = QuestionSchema.safeParse(item);
    if (parsed.success) questions.push({ index, question: parsed.data });
    const fields = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
    const valid = <T>(schema: z.ZodType<T>, value: unknown): T | undefined => {
      const r = schema.safeParse(value);
      return r.success ? r.data : undefined;
    };
    const shape = QuestionSchema.shape;
    const principles = Array.isArray(fields.principles)
      ? fields.principles.filter((p): p is string => typeof p === 'string')
      : [];
    facts.push({
      index,
      id: valid(shape.id, fields.id),
      prompt: valid(shape.prompt, fields.prompt),
      rubric: valid(shape.rubric, fields.rubric),
      principles,
      timeLimitSeconds: valid(shape.timeLimitSeconds, fields.timeLimitSeconds),
      ...(Array.isArray(fields.focusCriteria)
        ? { focusCriteria: fields.focusCriteria.filter((c): c is string => typeof c === 'string') }
        : {}),
      // Only for a question that validated: the probe checks are about content, and a broken
      // question's schema errors come first.
      ...(parsed.success ? { followUpKinds: parsed.data.followUps.map((f) => f.kind ?? null) } : {}),
    });
  });
  return { ...bank, questions, facts };
}

/** A stories file with errors: its valid stories, and the id and principles of every story for the rules. */
function salvageStories(data: unknown): Pick<FileAnalysis, 'questions' | 'stories' | 'storyFacts'> {
  const raw = (data as { stories?: unknown }).stories;
  const stories: NonNullable<FileAnalysis['stories']> = [];
  const facts: StoryFacts[] = [];
  if (Array.isArray(raw)) {
    raw.forEach((item, index) => {
      const parsed = StorySchema.safeParse(item);
      if (parsed.success) stories.push({ index, story: parsed.data });
      const fields = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
      const id = Slug.safeParse(fields.id);
      const principles = Array.isArray(fields.principles)
        ? fields.principles.filter((p): p is string => typeof p === 'string')
        : [];
      facts.push({ index, ...(id.success ? { id: id.data } : {}), principles });
    });
  }
  return { questions: [], stories, storyFacts: facts };
}

function kindOf(data: unknown): FileKind | null {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
  const kind = (data as { kind?: unknown }).kind;
  return FILE_KINDS.includes(kind as FileKind) ? (kind as FileKind) : null;
}

function unknownKindMessage(data: unknown): string {
  const expected = 'expected a top-level `kind: question-bank`, `kind: rubric` or `kind: stories`';
  if (data === null || data === undefined) return `empty document: ${expected}`;
  if (typeof data !== 'object' || Array.isArray(data)) {
    return `not a question bank, rubric or stories file (the document is ${Array.isArray(data) ? 'a list' : `a ${typeof data}`}): ${expected}`;
  }
  const kind = (data as { kind?: unknown }).kind;
  if (kind === undefined) return `not a question bank, rubric or stories file: no \`kind:\` key; ${expected}`;
  return `unknown kind ${JSON.stringify(kind)}: ${expected}`;
}

function kindSpan(doc: Document, lineCounter: LineCounter): Span {
  const contents = doc.contents;
  if (isMap(contents) && contents.items.some((p) => isScalar(p.key) && p.key.value === 'kind')) {
    return locate(doc, lineCounter, ['kind']);
  }
  return contents?.range ? spanOf(lineCounter, contents.range[0], contents.range[0]) : FILE_START;
}

function failed(file: string, rule: RuleId, message: string, span: Span): FileAnalysis {
  return { file, kind: null, problems: [problem(file, rule, message, span)], questions: [] };
}

function problem(file: string, rule: RuleId, message: string, span: Span): Problem {
  return { file, ...span, severity: severityOf(rule), rule, message };
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0]!.trim();
}
