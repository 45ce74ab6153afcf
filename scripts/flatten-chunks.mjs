// Start-up (issue 18): esbuild's code splitting gives each set of commands that share some modules a
// chunk of its own, so `coach show` loaded 19 files and `coach practice` 42, and every ES module
// costs a resolve, a read, a compile and a link: about two thirds of what those commands add to
// `coach --version`. esbuild cannot group chunks, so after the split build this folds, into the chunk
// of each hot command, the chunks that only that command can load.
//
// A chunk stays a file of its own (and is imported, not copied) when anything else in the same
// process may load it: the entry's static graph (already loaded when the command starts), and every
// chunk the command can reach through a dynamic import (the YAML path when the snapshot is stale, a
// config file's reader, the scorers, the prompts). So no module is ever evaluated twice in one
// process: the error classes `instanceof` matches on (src/errors.ts) and any module state stay single.
// Folded chunks are deleted when no other file imports them.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { build } from 'esbuild';
import { bundleGraph } from './bundle-graph.mjs';

/**
 * @param {import('esbuild').Metafile} metafile of the split build (paths relative to `root`)
 * @param {{ root: string, entry: string, commands: string[] }} options `entry`: the output the bin
 *   loads (dist/cli.js); `commands`: the sources whose lazy chunks to flatten (src/commands/x.ts)
 */
export async function flattenCommandChunks(metafile, { root, entry, commands }) {
  const { outputs, staticClosure, lazilyLoaded } = bundleGraph(metafile);
  const loadedFirst = staticClosure(entry);
  const folded = new Set();
  const kept = new Set();
  const flattened = new Set();
  for (const command of commands) {
    const chunk = Object.keys(outputs).find((file) => outputs[file].entryPoint === command);
    if (!chunk) throw new Error(`flatten: no chunk has ${command} as its entry`);
    const own = staticClosure(chunk);
    const shared = new Set([...loadedFirst, ...lazilyLoaded(own)]);
    const inline = new Set([...own].filter((file) => file !== chunk && !shared.has(file)));
    for (const file of own) if (!inline.has(file)) kept.add(file);
    for (const file of inline) folded.add(file);
    await foldInto(resolve(root, chunk), new Set([...inline].map((f) => resolve(root, f))));
    flattened.add(chunk);
  }

  // A folded chunk is still needed if a file that was not flattened imports it.
  const stillImported = new Set(
    Object.keys(outputs)
      .filter((file) => !flattened.has(file))
      .flatMap((file) => (outputs[file].imports ?? []).map((i) => i.path)),
  );
  for (const file of folded)
    if (!stillImported.has(file) && !kept.has(file)) rmSync(resolve(root, file), { force: true });
}

/**
 * Re-bundles one output chunk with the chunks in `inline` (absolute paths) copied in and every other
 * import left as it was. esbuild drops ordinary comments when it bundles, so the `// src/...` and
 * `// node_modules/...` lines that say where each piece of code came from (the start-up bundle test
 * reads them) pass through as legal comments (`//!`) and are turned back afterwards; the markers
 * esbuild adds for the chunk files themselves say nothing and are dropped.
 */
async function foldInto(chunk, inline) {
  const result = await build({
    entryPoints: [chunk],
    bundle: true,
    write: false,
    outfile: chunk,
    allowOverwrite: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    legalComments: 'inline',
    logLevel: 'warning',
    plugins: [
      {
        name: 'fold-own-chunks',
        setup(b) {
          b.onResolve({ filter: /.*/ }, (args) => {
            if (args.kind === 'entry-point') return undefined;
            const target = resolve(dirname(args.importer), args.path);
            if (args.kind === 'import-statement' && inline.has(target)) return { path: target };
            // The import stays as written: its target sits beside the chunk in dist/.
            return { path: args.path, external: true };
          });
          b.onLoad({ filter: /\.js$/ }, (args) => ({
            contents: readFileSync(args.path, 'utf8').replace(
              /^\/\/ ((?:src|node_modules)\/\S+)$/gm,
              '//! $1',
            ),
            loader: 'js',
          }));
        },
      },
    ],
  });
  const [output] = result.outputFiles;
  const text = output.text
    .replace(/^\/\/ \S+\.js\n/gm, '')
    .replace(/^\/\/! ((?:src|node_modules)\/\S+)$/gm, '// $1');
  writeFileSync(chunk, text);
}
