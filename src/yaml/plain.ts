import { CORE_SCHEMA, load } from 'js-yaml';
import { isSimpleYaml } from './gate.js';

/**
 * The data of `text` when it is plain enough to take the fast path: the gate (gate.ts) accepts it and
 * js-yaml reads it with the YAML 1.2 core schema (null, booleans, numbers, strings: no timestamps,
 * no !!binary). On that subset js-yaml gives yaml v2's data, about twice as fast. Undefined means
 * "ask yaml v2": the gate refused the text, or js-yaml threw (a duplicate key, which yaml v2 then
 * reports with its position). Never throws.
 */
export function loadPlainYaml(text: string): unknown {
  if (!isSimpleYaml(text)) return undefined;
  try {
    return load(text, { schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
}
