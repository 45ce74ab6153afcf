// The raw-parse floor for the lint benchmark: read every YAML file in a directory and parse it with
// one library on one core, nothing else (no validation, no positions, no rules).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [library, dir] = process.argv.slice(2);
const parse =
  library === 'js-yaml'
    ? (
        (m) => (text) =>
          m.load(text)
      )((await import('js-yaml')).default)
    : (
        (m) => (text) =>
          m.parseDocument(text).toJS()
      )(await import('yaml'));
let count = 0;
for (const name of readdirSync(dir).sort()) {
  if (name.endsWith('.yaml')) count += parse(readFileSync(join(dir, name), 'utf8'))?.questions?.length ?? 0;
}
if (count === 0) process.exitCode = 1;
