import { readFileSync } from 'node:fs';
import { type Document, LineCounter, parseDocument, visit } from 'yaml';
import type * as z from 'zod';
import { locate, type YamlPath } from './banks/locate.js';
import { describeSchemaIssue } from './banks/schema-issues.js';
import { ConfigError } from './errors.js';

/** A small input file needs no aliases at all; past this many it is refused as a possible alias bomb. */
const MAX_ALIAS_COUNT = 100;

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
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError([
      `${name}: cannot read ${subject}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    ]);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, schema: 'core' });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      doc.errors.map((e) => {
        const { line, col } = lineCounter.linePos(e.pos[0]);
        return `${name}:${line}:${col}: ${e.message.split('\n')[0]}`;
      }),
    );
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? empty;
  } catch (error) {
    // toJS throws a ReferenceError past maxAliasCount (an alias bomb): a bad input, not a crash.
    const { line, col } = lineCounter.linePos(firstAliasPos(doc) ?? 0);
    const reason =
      error instanceof ReferenceError && /alias/i.test(error.message)
        ? `too many aliases (over ${MAX_ALIAS_COUNT}): refusing a possible alias bomb`
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
