import jsyaml from 'js-yaml';
import { type Document, isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { type Problem, type RuleId, severityOf } from '../lint/problem.js';
import {
  FILE_KINDS,
  type FileKind,
  type Question,
  type QuestionBank,
  type Rubric,
  SCHEMAS,
} from '../schema/index.js';
import { Question as QuestionSchema } from '../schema/question-bank.js';
import { FILE_START, locate, type Span, spanOf, type YamlPath } from './locate.js';
import { describeSchemaIssue } from './schema-issues.js';
import type { SourceResult } from './source.js';

/** Aliases beyond this many are refused: real banks use few or none, alias bombs use millions. */
export const MAX_ALIAS_COUNT = 100;

/** What one file holds, validated as far as it goes, with its problems already positioned. */
export interface FileAnalysis {
  file: string;
  kind: FileKind | null;
  problems: Problem[];
  /** Bank metadata when the envelope validated. */
  bank?: { id: string; title: string; description: string };
  /** Questions that validated on their own, with their index in the file (for positions). */
  questions: { index: number; question: Question }[];
  rubric?: Rubric;
}

/**
 * Parses and validates one file. Pure: text in, data out; never throws.
 *
 * Clean files take a fast path (js-yaml is about ten times faster than yaml v2 here), but only
 * when the text has no anchors, aliases or tags and the result passes the schema. Everything else
 * goes through yaml v2, the authority for syntax errors, duplicate keys, alias limits and positions.
 */
export function analyzeSource(file: string, source: SourceResult): FileAnalysis {
  if (!source.ok) return failed(file, source.rule, source.message, FILE_START);
  const text = source.text.charCodeAt(0) === 0xfeff ? source.text.slice(1) : source.text;
  return fastPath(file, text) ?? fullPath(file, text);
}

const MAY_HAVE_ANCHORS_ALIASES_OR_TAGS = /(?:^|[\s[{,])[&*!][^\s]/m;

function fastPath(file: string, text: string): FileAnalysis | undefined {
  if (MAY_HAVE_ANCHORS_ALIASES_OR_TAGS.test(text)) return undefined;
  let data: unknown;
  try {
    data = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, json: false });
  } catch {
    return undefined;
  }
  const kind = kindOf(data);
  if (!kind) return undefined;
  const parsed = SCHEMAS[kind].safeParse(data);
  if (!parsed.success) return undefined;
  return accepted(file, kind, parsed.data);
}

function fullPath(file: string, text: string): FileAnalysis {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: 'core' });
  const problems: Problem[] = [];
  for (const error of doc.errors) {
    const rule: RuleId = error.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : 'yaml-syntax';
    problems.push(
      problem(file, rule, firstLine(error.message), spanOf(lineCounter, error.pos[0], error.pos[1])),
    );
  }
  for (const warning of doc.warnings) {
    if (warning.code !== 'TAG_RESOLVE_FAILED') continue;
    const span = spanOf(lineCounter, warning.pos[0], warning.pos[1]);
    problems.push(
      problem(file, 'yaml-unsafe', `${firstLine(warning.message)}: custom tags are not allowed`, span),
    );
  }
  if (problems.length > 0) return { file, kind: null, problems, questions: [] };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message =
      error instanceof ReferenceError && /alias/i.test(error.message)
        ? `too many aliases (over ${MAX_ALIAS_COUNT}): refusing a possible alias bomb`
        : `cannot load document: ${firstLine(String((error as Error)?.message ?? error))}`;
    return failed(file, 'yaml-unsafe', message, FILE_START);
  }

  const kind = kindOf(data);
  if (!kind) return failed(file, 'unknown-kind', unknownKindMessage(data), kindSpan(doc, lineCounter));

  const parsed = SCHEMAS[kind].safeParse(data);
  if (parsed.success) return accepted(file, kind, parsed.data);

  for (const issue of parsed.error.issues) {
    for (const found of describeSchemaIssue(issue, data, SCHEMAS[kind])) {
      problems.push(problem(file, found.rule, found.message, locate(doc, lineCounter, found.path, found.at)));
    }
  }
  return { file, kind, problems, ...salvage(kind, data) };
}

function accepted(file: string, kind: FileKind, data: unknown): FileAnalysis {
  if (kind === 'rubric') return { file, kind, problems: [], questions: [], rubric: data as Rubric };
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
 */
function salvage(kind: FileKind, data: unknown): Pick<FileAnalysis, 'questions'> {
  if (kind !== 'question-bank') return { questions: [] };
  const raw = (data as { questions?: unknown }).questions;
  if (!Array.isArray(raw)) return { questions: [] };
  const questions: FileAnalysis['questions'] = [];
  raw.forEach((item, index) => {
    const parsed = QuestionSchema.safeParse(item);
    if (parsed.success) questions.push({ index, question: parsed.data });
  });
  return { questions };
}

function kindOf(data: unknown): FileKind | null {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
  const kind = (data as { kind?: unknown }).kind;
  return FILE_KINDS.includes(kind as FileKind) ? (kind as FileKind) : null;
}

function unknownKindMessage(data: unknown): string {
  const expected = 'expected a top-level `kind: question-bank` or `kind: rubric`';
  if (data === null || data === undefined) return `empty document: ${expected}`;
  if (typeof data !== 'object' || Array.isArray(data)) {
    return `not a question bank or rubric (the document is ${Array.isArray(data) ? 'a list' : `a ${typeof data}`}): ${expected}`;
  }
  const kind = (data as { kind?: unknown }).kind;
  if (kind === undefined) return `not a question bank or rubric: no \`kind:\` key; ${expected}`;
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

/** Parses a file with yaml v2 only to position findings of cross-file rules; null if it no longer parses. */
export function positionsFor(text: string): ((path: YamlPath, at?: 'value' | 'key') => Span) | null {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, {
    lineCounter,
    schema: 'core',
  });
  if (doc.errors.length > 0) return null;
  return (path, at) => locate(doc, lineCounter, path, at);
}
