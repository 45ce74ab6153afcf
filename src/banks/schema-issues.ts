import type { z } from 'zod';
import type { RuleId } from '../lint/problem.js';
import type { YamlPath } from '../yaml/span.js';

export interface SchemaFinding {
  rule: RuleId;
  message: string;
  path: YamlPath;
  at?: 'value' | 'key';
}

/**
 * Turns one zod issue into findings a bank author can act on: the rule, a message naming the field
 * the way it is written in YAML, and the path to point at. An unknown-keys issue becomes one finding
 * per key, each pointing at the key itself, with a "did you mean" when a known key is close.
 */
export function describeSchemaIssue(
  issue: z.core.$ZodIssue,
  data: unknown,
  schema: z.ZodType,
  /** What to call the whole document when the issue is about it (an empty path). */
  subject = 'the document',
): SchemaFinding[] {
  const path = issue.path as YamlPath;
  const where = formatPath(path);
  // The grammatical subject of a message: "questions[0].levels must be...", "the document must be...".
  const name = where || subject;
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = objectKeysAt(schema, path);
      return issue.keys.map((key) => ({
        rule: 'unknown-key' as const,
        message: `unknown key "${key}"${where ? ` in ${where}` : ''}${suggestion(key, known)}`,
        path: [...path, key],
        at: 'key' as const,
      }));
    }
    case 'invalid_type': {
      const value = valueAt(data, path);
      if (value === undefined) {
        return [{ rule: 'missing-key', message: `missing required key "${String(path.at(-1))}"`, path }];
      }
      if (value === null) {
        return [
          { rule: 'wrong-type', message: `${name} is empty; expected ${article(issue.expected)}`, path },
        ];
      }
      return [
        {
          rule: 'wrong-type',
          message: `${name} must be ${article(issue.expected)}, not ${article(typeName(value))}`,
          path,
        },
      ];
    }
    case 'invalid_value': {
      const value = valueAt(data, path);
      // An enum key that is absent fails as an invalid value in zod; to the author it is a missing key.
      if (value === undefined && path.length > 0) {
        return [{ rule: 'missing-key', message: `missing required key "${String(path.at(-1))}"`, path }];
      }
      const allowed = issue.values.map((v) => String(v)).join(', ');
      return [
        {
          rule: 'invalid-value',
          message: `${name} is ${JSON.stringify(value)}; expected one of: ${allowed}`,
          path,
        },
      ];
    }
    case 'too_small': {
      if (issue.origin === 'array') {
        return [
          {
            rule: 'empty-list',
            message: `${name} needs at least ${issue.minimum} ${issue.minimum === 1 ? 'entry' : 'entries'}`,
            path,
          },
        ];
      }
      if (issue.origin === 'string')
        return [{ rule: 'invalid-value', message: `${name} must not be empty`, path }];
      // `.positive()` is an exclusive bound: "at least 0" would be false of the rejected value 0.
      const bound = issue.inclusive === false ? 'greater than' : 'at least';
      return [{ rule: 'invalid-value', message: `${name} must be ${bound} ${issue.minimum}`, path }];
    }
    case 'custom': {
      // A refinement that names its rule (and, with `at: 'key'`, points at the key it is about):
      // its message follows the subject, the object that holds the key.
      const params = issue.params as { rule?: RuleId; at?: 'key' } | undefined;
      if (!params?.rule) break;
      const owner = params.at === 'key' ? formatPath(path.slice(0, -1)) || subject : name;
      return [
        {
          rule: params.rule,
          message: `${owner} ${issue.message}`,
          path,
          ...(params.at ? { at: params.at } : {}),
        },
      ];
    }
    case 'invalid_union': {
      // A value that may be written two ways (a follow-up: text, or {kind, prompt}). Report the
      // problems of the way the value was written, not "invalid input": the branch whose issues
      // are not simply "wrong type here".
      const wrongTypeHere = (issues: readonly z.core.$ZodIssue[]) =>
        issues.every((i) => i.code === 'invalid_type' && i.path.length === 0);
      const fitting = issue.errors.filter((issues) => !wrongTypeHere(issues));
      if (fitting.length === 1) {
        return fitting[0]!.flatMap((inner) =>
          describeSchemaIssue({ ...inner, path: [...path, ...inner.path] }, data, schema, subject),
        );
      }
      if (fitting.length === 0) {
        const expected = issue.errors.flatMap((issues) =>
          issues.flatMap((i) => (i.code === 'invalid_type' ? [article(i.expected)] : [])),
        );
        const value = valueAt(data, path);
        return [
          {
            rule: 'wrong-type',
            message: `${name} must be ${expected.join(' or ')}, not ${value === null ? 'empty' : article(typeName(value))}`,
            path,
          },
        ];
      }
      break;
    }
    case 'too_big': {
      if (issue.origin !== 'number' && issue.origin !== 'int') break;
      const bound = issue.inclusive === false ? 'less than' : 'at most';
      return [{ rule: 'invalid-value', message: `${name} must be ${bound} ${issue.maximum}`, path }];
    }
  }
  return [{ rule: 'invalid-value', message: `${where ? `${where}: ` : ''}${issue.message}`, path }];
}

/** `questions[3].followUps[0]`: how an author would say where a value is. */
function formatPath(path: YamlPath): string {
  let out = '';
  for (const segment of path) {
    out += typeof segment === 'number' ? `[${segment}]` : `${out ? '.' : ''}${String(segment)}`;
  }
  return out;
}

function valueAt(data: unknown, path: YamlPath): unknown {
  let value: unknown = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

function typeName(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'object' : typeof value;
}

function article(type: string): string {
  const names: Record<string, string> = {
    array: 'a list',
    object: 'a mapping',
    string: 'text',
    number: 'a number',
  };
  return names[type] ?? `a ${type}`;
}

/** Follows the schema along a data path to the object there, to list the keys it allows. */
function objectKeysAt(schema: z.ZodType, path: YamlPath): string[] {
  let current: unknown = schema;
  for (const segment of [...path, null]) {
    // Unwrap optional/default/pipe wrappers until an object or array remains; of a union (text or
    // a mapping), follow the mapping.
    for (let i = 0; i < 5; i++) {
      const def = (
        current as { def?: { type?: string; innerType?: unknown; in?: unknown; options?: unknown[] } }
      )?.def;
      if (def?.type === 'optional' || def?.type === 'default' || def?.type === 'nullable')
        current = def.innerType;
      else if (def?.type === 'pipe') current = def.in;
      else if (def?.type === 'union')
        current = def.options?.find((o) => (o as { def?: { type?: string } }).def?.type === 'object');
      else break;
    }
    if (segment === null) break;
    const def = (current as { def?: { type?: string; element?: unknown; shape?: Record<string, unknown> } })
      ?.def;
    if (def?.type === 'array' && typeof segment === 'number') current = def.element;
    else if (def?.type === 'object' && def.shape) current = def.shape[String(segment)];
    else return [];
  }
  const shape = (current as { def?: { type?: string; shape?: Record<string, unknown> } })?.def;
  return shape?.type === 'object' && shape.shape ? Object.keys(shape.shape) : [];
}

function suggestion(key: string, known: string[]): string {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const d = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  const closeEnough = best !== undefined && bestDistance <= Math.max(2, Math.floor(best.length / 3));
  return closeEnough
    ? `; did you mean "${best}"?`
    : known.length
      ? `; allowed keys: ${known.join(', ')}`
      : '';
}

export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}
