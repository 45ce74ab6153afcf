// Start-up (issue 18): esbuild puts each module in the chunk of the exact set of entry points (the CLI
// and every dynamic import()) that reach it, so our many small shared modules became dozens of chunks
// of a few hundred bytes each, and a command paid a resolve, a read and a link for each one. esbuild
// cannot be told to group them, but it groups modules that the same entry points reach: this makes
// the small ones (chunks under GROUP_BELOW bytes of our own code) reachable from the same entries by
// importing them all, through one virtual module, from every entry point that reaches any of them.
// They then share one chunk. A module joins the group only if everything it imports is in the group
// or already loaded by the CLI entry, so the group pulls nothing else into the commands that load it.
import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { bundleGraph } from './bundle-graph.mjs';

const GROUP_BELOW = 4 * 1024;
const GROUP = 'coach:small-shared-modules';

/**
 * An esbuild plugin for the second build, from the metafile of a first build with the same options.
 * @param {import('esbuild').Metafile} metafile paths relative to `root`
 * @param {{ root: string, entry: string, exact: string[] }} options `entry`: the output the bin loads
 *   (dist/cli.js); `exact`: entry sources (src/commands/x.ts) that must load only modules they use
 * @returns {import('esbuild').Plugin}
 */
export function groupSmallChunks(metafile, { root, entry, exact }) {
  const { outputs, importsOf, staticClosure, modulesOf } = bundleGraph(metafile);
  const loadedFirst = staticClosure(entry);
  const ours = (file) => modulesOf(file).every((module) => module.startsWith('src/'));
  const group = new Set(
    Object.keys(outputs).filter(
      (file) =>
        file.endsWith('.js') &&
        !outputs[file].entryPoint &&
        !loadedFirst.has(file) &&
        outputs[file].bytes < GROUP_BELOW &&
        ours(file),
    ),
  );
  for (let changed = true; changed; ) {
    changed = false;
    for (const file of group)
      if (importsOf(file).some((next) => !group.has(next) && !loadedFirst.has(next))) {
        group.delete(file);
        changed = true;
      }
  }
  const modules = [...group].flatMap(modulesOf).map((m) => resolve(root, m));
  // The entry points that reach the group, except any the CLI entry loads at start (the group would
  // then load with `coach --version`) and the `exact` ones: each of those splits the group in two,
  // what it uses and the rest, and loads only the first.
  const loadedFirstModules = new Set([...loadedFirst].flatMap(modulesOf).map((m) => resolve(root, m)));
  const reaching = new Set(
    Object.keys(outputs)
      .filter((file) => outputs[file].entryPoint && [...staticClosure(file)].some((f) => group.has(f)))
      .map((file) => resolve(root, outputs[file].entryPoint))
      .filter((source) => !loadedFirstModules.has(source) && !exact.some((e) => resolve(root, e) === source)),
  );

  return {
    name: 'group-small-chunks',
    setup(b) {
      b.onResolve({ filter: new RegExp(`^${GROUP}$`) }, () => ({ path: GROUP, namespace: 'group' }));
      b.onLoad({ filter: /.*/, namespace: 'group' }, () => ({
        contents: modules.map((m) => `import ${JSON.stringify(m)};`).join('\n'),
        resolveDir: root,
        loader: 'js',
      }));
      b.onLoad({ filter: /\.(?:ts|js)$/ }, (args) => {
        if (!reaching.has(args.path)) return undefined;
        return {
          contents: `import '${GROUP}';\n${readFileSync(args.path, 'utf8')}`,
          loader: extname(args.path) === '.ts' ? 'ts' : 'js',
        };
      });
    },
  };
}
