import { type Document, visit } from 'yaml';
import type * as z from 'zod';
import { describeSchemaIssue } from '../banks/schema-issues.js';
import { ConfigError } from '../errors.js';
import { HAND_WRITTEN_MAX_BYTES, readTextBounded } from '../fsx/read-bounded.js';
import { dataOf, isAliasLimit, parseWithPositions, TOO_MANY_ALIASES } from './document.js';
import { locate } from './locate.js';
import type { YamlPath } from './span.js';

export interface ValidatedYaml<T> {
  data: T;
  /** `FILE:LINE:COL` of the node at a path into the data, for problems found after the schema check. */
  at(path: YamlPath, where?: 'value' | 'key'): string;
}

/**
 * Reads a YAML (or JSON, which is YAML) file the user wrote and checks it against a zod schema.
 * Every problem becomes one `FILE:LINE:COL: message` line of a ConfigError (exit 2): syntax errors,
 * an alias bomb, and each schema issue at the node it is about. `subject` names the whole document in
 * messages ("the config file").
 */
export function readValidatedYaml<S extends z.ZodType>(
  file: string,
  schema: S,
  subject: string,
  /** The name to print for the file (default: the path as given). */
  name: string = file,
  /** What an empty file stands for (a config file: no settings). */
  empty: unknown = {},
): ValidatedYaml<z.output<S>> {
  // Checked and bounded: a FIFO or a device named like the file would hang or fill memory, and
  // invalid UTF-8 is reported rather than replaced without a word.
  const text = readTextBounded(file, { maxBytes: HAND_WRITTEN_MAX_BYTES, what: subject, shownAs: name });
  return validatedYaml(text, schema, subject, name, empty);
}

/**
 * readValidatedYaml on text already read (with readTextBounded, as it reads): for a caller that needs
 * the text itself too, so the file is read once.
 */
export function validatedYaml<S extends z.ZodType>(
  text: string,
  schema: S,
  subject: string,
  name: string,
  empty: unknown = {},
): ValidatedYaml<z.output<S>> {
  let yaml: ReturnType<typeof parseWithPositions>;
  try {
    // The same safe options as banks: core schema, YAML 1.1 tags unresolved, duplicate keys refused.
    yaml = parseWithPositions(text);
  } catch (error) {
    throw tooDeep(error, name, subject);
  }
  const { doc, lineCounter } = yaml;
  if (doc.errors.length > 0) {
    throw new ConfigError(
      doc.errors.map((e) => {
        const { line, col } = lineCounter.linePos(e.pos[0]);
        return `${name}:${line}:${col}: ${readableYamlError(e.message)}`;
      }),
    );
  }
  let data: unknown;
  try {
    data = dataOf(doc) ?? empty;
  } catch (error) {
    if (error instanceof RangeError) throw tooDeep(error, name, subject);
    const { line, col } = lineCounter.linePos(firstAliasPos(doc) ?? 0);
    const reason = isAliasLimit(error)
      ? TOO_MANY_ALIASES
      : `cannot load ${subject}: ${String((error as Error)?.message ?? error).split('\n')[0]}`;
    throw new ConfigError([`${name}:${line}:${col}: ${reason}`]);
  }
  const at = (path: YamlPath, where: 'value' | 'key' = 'value') => {
    const span = locate(doc, lineCounter, path, where);
    return `${name}:${span.line}:${span.column}`;
  };
  const parsed = schema.safeParse(data);
  if (parsed.success) return { data: parsed.data, at };
  throw new ConfigError(
    parsed.error.issues.flatMap((issue) =>
      describeSchemaIssue(issue, data, schema, subject).map((f) => `${at(f.path, f.at)}: ${f.message}`),
    ),
  );
}

/** Nesting deep enough to exhaust the stack ("Maximum call stack size exceeded") is bad input, not a crash. */
function tooDeep(error: unknown, name: string, subject: string): unknown {
  return error instanceof RangeError
    ? new ConfigError([`${name}: ${subject} is nested too deeply to read`])
    : error;
}

/** Where the first alias is, to point at when aliases are refused. */
function firstAliasPos(doc: Document): number | undefined {
  let pos: number | undefined;
  visit(doc, {
    Alias(_, node) {
      pos = node.range?.[0];
      return visit.BREAK;
    },
  });
  return pos;
}

/** yaml reports nesting that exhausts the stack with the engine's words; say what it means. */
export function readableYamlError(message: string): string {
  const first = message.split('\n')[0]!;
  return /Maximum call stack/.test(first) ? 'nested too deeply to read' : first;
}
