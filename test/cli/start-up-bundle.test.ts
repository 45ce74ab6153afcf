import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt } from '../helpers/exec.js';
import { builtCli } from '../helpers/paths.js';

/**
 * What `coach --version` (and every command before its action) loads: the entry of the bundle and
 * the chunks it imports statically. Start-up stays near bare node only while that is commander and
 * our own small modules; a registration module importing a domain module pulls in zod, yaml or an
 * SDK for every command (measured: 2.97x bare node instead of 1.2x). Timing is in `npm run bench`.
 */
function staticGraph(entry: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    const text = readFileSync(file, 'utf8');
    files.set(file, text);
    for (const [, chunk] of text.matchAll(/^import\s[^;]*?from\s*"(\.\/[^"]+)";/gms))
      visit(join(dirname(file), chunk!));
  };
  visit(entry);
  return files;
}

describe('the start-up path of the bundle', () => {
  beforeAll(assertBuilt);

  it('loads commander and no other package before a command runs', () => {
    const packages = new Set<string>();
    for (const text of staticGraph(builtCli).values())
      for (const [, pkg] of text.matchAll(/^\/\/ node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)) packages.add(pkg!);
    expect([...packages]).toEqual(['commander']);
  });

  it('loads no command implementation before its action (each is its own lazy chunk)', () => {
    const sources = [...staticGraph(builtCli).values()].flatMap((text) =>
      [...text.matchAll(/^\/\/ (src\/[^\s]+)$/gm)].map((m) => m[1]!),
    );
    expect(sources.filter((s) => s.startsWith('src/commands/'))).toEqual([]);
    expect(sources).toContain('src/cli/program.ts');
  });
});
