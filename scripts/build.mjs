// Bundles the CLI into dist/: one small entry (commander only) plus a lazy chunk per command,
// and the analysis worker as its own entry. Bundling is what keeps `coach --version` near bare node.
// Small shared chunks are grouped (scripts/group-chunks.mjs: a first build finds them, the second
// groups them) and the chunks of the commands that must start fast flattened (flatten-chunks.mjs).
// Then validates the shipped banks and rubrics and writes dist/shipped.json, which the commands load
// instead of parsing that YAML at every start (src/banks/shipped.ts); lint errors in them fail the build.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { flattenCommandChunks } from './flatten-chunks.mjs';
import { groupSharedChunks } from './group-chunks.mjs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

const root = fileURLToPath(new URL('..', import.meta.url));
// What a cache of validated config files is valid for (src/config-cache.ts): this version built from
// these sources, so a change to the schema, or to how files are read, never meets an old entry.
const sources = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
  .sort();
const sourcesHash = createHash('sha256');
for (const file of sources) sourcesHash.update(file.slice(root.length)).update(readFileSync(file));
const buildId = `${version}+${sourcesHash.digest('hex').slice(0, 16)}`;
/** The commands that must start about as fast as `coach --version` (issue 18). */
const HOT_COMMANDS = ['src/commands/browse.ts', 'src/commands/practice.ts'];
const options = {
  absWorkingDir: root,
  metafile: true,
  entryPoints: { cli: 'src/cli/index.ts', 'analyze-worker': 'src/banks/analyze-worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: '[name]-[hash]',
  define: { __VERSION__: JSON.stringify(version), __BUILD_ID__: JSON.stringify(buildId) },
  // Some dependencies are CommonJS and call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __coachRequire } from 'node:module'; const require = __coachRequire(import.meta.url);",
  },
  legalComments: 'none',
  // Optional peer, imported only with --provider bedrock: never bundled.
  external: ['@anthropic-ai/bedrock-sdk'],
  logLevel: 'warning',
};
// A first build, not written, finds the small shared chunks; the second groups them (group-chunks.mjs).
const first = await build({ ...options, write: false });
const { metafile } = await build({
  ...options,
  plugins: [groupSharedChunks(first.metafile, { root, entry: 'dist/cli.js', exact: HOT_COMMANDS })],
});

// Issue 18: with the grouping above, the entry loads 3 files instead of 8, and `coach show`,
// `questions`, `banks` (browse.ts) 2 more instead of 16, `coach practice`, `resume` (practice.ts) 7
// instead of 36; the rest are shared with what these commands may load later (flatten-chunks.mjs).
await flattenCommandChunks(metafile, {
  root,
  entry: 'dist/cli.js',
  commands: HOT_COMMANDS,
});

// The snapshot writer is TypeScript that shares the analysis with the CLI: bundle it to a scratch
// file, run it, throw it away.
const scratch = mkdtempSync(join(tmpdir(), 'coach-build-'));
try {
  const writer = join(scratch, 'shipped-snapshot.mjs');
  await build({
    entryPoints: [join(root, 'scripts', 'shipped-snapshot.ts')],
    outfile: writer,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    define: { __VERSION__: JSON.stringify(version) },
    banner: {
      js: "import { createRequire as __coachRequire } from 'node:module'; const require = __coachRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  const { writeShippedSnapshot } = await import(pathToFileURL(writer).href);
  const outcome = await writeShippedSnapshot(root);
  if (!outcome.ok) {
    process.stderr.write(
      `${outcome.report}\nbuild: the shipped banks and rubrics have errors; no snapshot written\n`,
    );
    process.exitCode = 1;
  } else if (outcome.warningCount > 0) {
    process.stderr.write(`${outcome.report}\n`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
