// Start-up (issue 18): esbuild puts each module in the chunk of the exact set of entry points (the CLI
// and every dynamic import()) that reach it, so our many small shared modules became dozens of chunks
// of a few hundred bytes each, and a command paid a resolve, a read and a link for each one. esbuild
// cannot be told to group them, but it groups modules that the same entry points reach: this makes the
// modules of a group reachable from the same entries by importing them all, through one virtual
// module, from every entry point that reaches any of them. They then share one chunk. Two groups:
// - what the CLI entry loads at start besides itself (errors, the output filter: every run loads all
//   of it already, so one file costs nobody anything);
// - the small chunks of our own code (under GROUP_BELOW bytes) that the entry does not load. A chunk
//   joins only if everything it imports is in the group or loaded at start, so the group pulls nothing
//   else into the commands that load it. The `exact` commands are not given this group's import:
//   each splits it into what that command uses and the rest, and loads only the first.
import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { bundleGraph } from './bundle-graph.mjs';

const GROUP_BELOW = 8 * 1024;

/**
 * An esbuild plugin for the second build, from the metafile of a first build with the same options.
 * @param {import('esbuild').Metafile} metafile paths relative to `root`
 * @param {{ root: string, entry: string, exact: string[] }} options `entry`: the output the bin loads
 *   (dist/cli.js); `exact`: entry sources (src/commands/x.ts) that must load only modules they use
 * @returns {import('esbuild').Plugin}
 */
export function groupSharedChunks(metafile, { root, entry, exact }) {
  const { outputs, importsOf, staticClosure, modulesOf } = bundleGraph(metafile);
  const loadedFirst = staticClosure(entry);
  const ours = (file) => modulesOf(file).every((module) => module.startsWith('src/'));
  const sharedChunk = (file) => file.endsWith('.js') && !outputs[file].entryPoint;

  const atStart = new Set([...loadedFirst].filter(sharedChunk));
  const small = new Set(
    Object.keys(outputs).filter(
      (file) =>
        sharedChunk(file) && !loadedFirst.has(file) && outputs[file].bytes < GROUP_BELOW && ours(file),
    ),
  );
  for (let changed = true; changed; ) {
    changed = false;
    for (const file of small)
      if (importsOf(file).some((next) => !small.has(next) && !loadedFirst.has(next))) {
        small.delete(file);
        changed = true;
      }
  }
  const exactSources = new Set(exact.map((source) => resolve(root, source)));
  const loadedFirstModules = new Set([...loadedFirst].flatMap(modulesOf).map((m) => resolve(root, m)));
  const modulesIn = (chunks) =>
    [...chunks]
      .flatMap(modulesOf)
      .filter((m) => !m.startsWith('<')) // esbuild's runtime helpers
      .map((m) => resolve(root, m));
  const atStartModules = new Set(modulesIn(atStart));
  const groups = [
    // The entry imports this group too. No entry point has its module in it (one would import itself).
    { id: 'coach:loaded-at-start', chunks: atStart, leaveOut: (source) => atStartModules.has(source) },
    // Entry points the CLI entry loads at start would bring the group into `coach --version`.
    {
      id: 'coach:small-shared-modules',
      chunks: small,
      leaveOut: (source) => loadedFirstModules.has(source) || exactSources.has(source),
    },
  ].map((group) => ({
    id: group.id,
    modules: modulesIn(group.chunks),
    importers: new Set(
      Object.keys(outputs)
        .filter(
          (file) => outputs[file].entryPoint && [...staticClosure(file)].some((f) => group.chunks.has(f)),
        )
        .map((file) => resolve(root, outputs[file].entryPoint))
        .filter((source) => !group.leaveOut(source)),
    ),
  }));

  return {
    name: 'group-shared-chunks',
    setup(b) {
      b.onResolve({ filter: /^coach:/ }, (args) => ({ path: args.path, namespace: 'group' }));
      b.onLoad({ filter: /.*/, namespace: 'group' }, (args) => ({
        contents: groups
          .find((group) => group.id === args.path)
          .modules.map((m) => `import ${JSON.stringify(m)};`)
          .join('\n'),
        resolveDir: root,
        loader: 'js',
      }));
      b.onLoad({ filter: /\.(?:ts|js)$/ }, (args) => {
        const imports = groups.filter((group) => group.importers.has(args.path));
        if (imports.length === 0) return undefined;
        return {
          contents: `${imports.map((group) => `import '${group.id}';\n`).join('')}${readFileSync(args.path, 'utf8')}`,
          loader: extname(args.path) === '.ts' ? 'ts' : 'js',
        };
      });
    },
  };
}
