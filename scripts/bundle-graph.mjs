// The import graph of a split esbuild build, read from its metafile (paths relative to the build's
// working directory): what the build's start-up steps (group-chunks.mjs, flatten-chunks.mjs) reason on.

/** @param {import('esbuild').Metafile} metafile */
export function bundleGraph(metafile) {
  const outputs = metafile.outputs;
  /** The outputs `file` imports, statically (`import-statement`) or with import() (`dynamic-import`). */
  const importsOf = (file, kind = 'import-statement') =>
    (outputs[file]?.imports ?? []).filter((i) => i.kind === kind && !i.external).map((i) => i.path);
  /** `file` and every output it loads through static imports, transitively. */
  const staticClosure = (file, into = new Set()) => {
    if (into.has(file)) return into;
    into.add(file);
    for (const next of importsOf(file)) staticClosure(next, into);
    return into;
  };
  /** Every output that a dynamic import from `files` may load, with what those load in turn. */
  const lazilyLoaded = (files) => {
    const world = new Set();
    const pending = [...files].flatMap((f) => importsOf(f, 'dynamic-import'));
    while (pending.length > 0) {
      for (const file of staticClosure(pending.pop())) {
        if (world.has(file)) continue;
        world.add(file);
        pending.push(...importsOf(file, 'dynamic-import'));
      }
    }
    return world;
  };
  /** The source modules an output holds. */
  const modulesOf = (file) => Object.keys(outputs[file].inputs);
  return { outputs, importsOf, staticClosure, lazilyLoaded, modulesOf };
}
