import { readdirSync, readFileSync } from 'node:fs';
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
    // Both `import {...} from "./chunk"` and the bare `import "./chunk";` esbuild writes for a chunk
    // whose module only has to run first (a transitive dependency): both load it at start-up.
    for (const [, chunk] of text.matchAll(/^import\s(?:[^;]*?from\s*)?"(\.\/[^"]+)";/gms))
      visit(join(dirname(file), chunk!));
  };
  visit(entry);
  return files;
}

/** The files a dynamic `import()` in `graph` may load, with everything they load in turn. */
function lazilyLoaded(graph: Map<string, string>): Map<string, string> {
  const world = new Map<string, string>();
  const dynamicTargets = (text: string, file: string) =>
    [...text.matchAll(/\bimport\("(\.\/[^"]+)"\)/g)].map(([, chunk]) => join(dirname(file), chunk!));
  const pending = [...graph].flatMap(([file, text]) => dynamicTargets(text, file));
  while (pending.length > 0) {
    for (const [file, text] of staticGraph(pending.pop()!)) {
      if (world.has(file)) continue;
      world.set(file, text);
      pending.push(...dynamicTargets(text, file));
    }
  }
  return world;
}

/** The source modules and package files a bundle file holds, from esbuild's `// path` markers. */
function modulesIn(text: string): string[] {
  return [...text.matchAll(/^\/\/ ((?:src|node_modules)\/\S+)$/gm)].map((m) => m[1]!);
}

/** The packages whose code is in a static graph, from esbuild's `// node_modules/PKG/...` markers. */
function packagesIn(graph: Map<string, string>): string[] {
  const packages = new Set<string>();
  for (const text of graph.values())
    for (const [, pkg] of text.matchAll(/^\/\/ node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)) packages.add(pkg!);
  return [...packages].sort();
}

/** The chunk that holds a source module (the lazy chunk of a command). */
function chunkOf(source: string): string {
  const dist = dirname(builtCli);
  const chunk = readdirSync(dist)
    .filter((f) => f.endsWith('.js'))
    .find((f) => readFileSync(join(dist, f), 'utf8').includes(`\n// ${source}\n`));
  if (!chunk) throw new Error(`no chunk holds ${source}`);
  return join(dist, chunk);
}

describe('the start-up path of the bundle', () => {
  beforeAll(assertBuilt);

  it('loads commander and no other package before a command runs', () => {
    expect(packagesIn(staticGraph(builtCli))).toEqual(['commander']);
  });

  // Issue 18: `coach show` and `coach questions` read the shipped snapshot (dist/shipped.json), so
  // they need neither the YAML parsers nor zod; a config file, when there is one, loads them lazily.
  it('show and questions (the browse chunk) load no YAML parser and no zod', () => {
    const graph = staticGraph(chunkOf('src/commands/browse.ts'));
    // The graph followed the chunk's imports down to the snapshot reader, so it is the real one.
    expect([...graph.values()].some((text) => text.includes('\n// src/banks/shipped.ts\n'))).toBe(true);
    const packages = packagesIn(graph);
    for (const heavy of ['yaml', 'js-yaml', 'zod']) expect(packages).not.toContain(heavy);
  });

  // Issue 18: `coach practice` (and resume, drill, which share its chunk's session code) loads neither
  // zod (the loop plan's schema is loaded only to check a plan read back from a journal) nor ora (loaded
  // when a spinner starts), nor the YAML parsers, before its first question.
  it('practice loads no YAML parser, no zod and no ora before it runs', () => {
    const graph = staticGraph(chunkOf('src/commands/practice.ts'));
    // The graph reached the session runner and the loop plan, so it is the real one.
    const sources = [...graph.values()].join('\n');
    for (const source of ['src/session/runner.ts', 'src/session/loop.ts', 'src/loop/plan.ts'])
      expect(sources).toContain(`\n// ${source}\n`);
    const packages = packagesIn(graph);
    for (const heavy of ['yaml', 'js-yaml', 'zod', 'ora']) expect(packages).not.toContain(heavy);
  });

  it('loads no command implementation before its action (each is its own lazy chunk)', () => {
    const sources = [...staticGraph(builtCli).values()].flatMap((text) =>
      [...text.matchAll(/^\/\/ (src\/[^\s]+)$/gm)].map((m) => m[1]!),
    );
    expect(sources.filter((s) => s.startsWith('src/commands/'))).toEqual([]);
    expect(sources).toContain('src/cli/program.ts');
  });
});

// Issue 18: each ES module costs a resolve, a read, a compile and a link, and esbuild's splitting gave
// `coach show` 19 files and `coach practice` 42. The build groups small shared chunks and folds into
// these commands' chunks every chunk only they load (scripts/group-chunks.mjs, flatten-chunks.mjs);
// what stays separate is shared with something else the same process may load, so that no module is
// ever evaluated twice.
describe('the flattened chunks of the commands that must start fast', () => {
  beforeAll(assertBuilt);

  it.each(['src/commands/browse.ts', 'src/commands/practice.ts'])(
    'the chunk of %s holds every chunk only it loads',
    (source) => {
      const chunk = chunkOf(source);
      const entry = staticGraph(builtCli);
      const own = staticGraph(chunk);
      const later = lazilyLoaded(own);
      const separate = [...own.keys()].filter((f) => f !== chunk && !entry.has(f) && !later.has(f));
      expect(separate).toEqual([]);
      // What was folded in is still named inside the chunk (the packages test above reads these).
      expect(modulesIn(own.get(chunk)!).length).toBeGreaterThan(10);
    },
  );

  // Each file costs a resolve, a read and a link. Split as esbuild splits, the entry loaded 8 files
  // and these commands 16 and 36 more; grouping what the entry loads and the small shared chunks
  // (scripts/group-chunks.mjs) and folding in what only they load brought that to 3, 2 and 7. The
  // bounds leave a little room.
  it('the entry loads at most 3 files', () => {
    expect(staticGraph(builtCli).size).toBeLessThanOrEqual(3);
  });

  it.each([
    ['src/commands/browse.ts', 3],
    ['src/commands/practice.ts', 9],
  ])('the chunk of %s loads at most %i files beyond the entry', (source, most) => {
    const entry = staticGraph(builtCli);
    const beyond = [...staticGraph(chunkOf(source)).keys()].filter((f) => !entry.has(f));
    expect(beyond.length).toBeLessThanOrEqual(most);
  });

  it('no module is in two files that one command can load', () => {
    const entry = staticGraph(builtCli);
    const commandChunks = [...lazilyLoaded(entry).keys()].filter((file) =>
      readFileSync(builtCli, 'utf8').includes(`import("./${file.split('/').at(-1)}")`),
    );
    expect(commandChunks.length).toBeGreaterThan(10);
    for (const chunk of commandChunks) {
      const own = staticGraph(chunk);
      const files = new Map([...entry, ...own, ...lazilyLoaded(own)]);
      const holder = new Map<string, string>();
      const twice: string[] = [];
      for (const [file, text] of files)
        for (const module of modulesIn(text)) {
          const first = holder.get(module);
          if (first && first !== file) twice.push(`${module} in ${first} and ${file}`);
          holder.set(module, file);
        }
      expect(twice, chunk).toEqual([]);
    }
  });
});
