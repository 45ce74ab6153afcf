// Bundles the CLI into dist/: one small entry (commander only) plus a lazy chunk per command,
// and the analysis worker as its own entry. Bundling is what keeps `coach --version` near bare node.
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

await build({
  entryPoints: { cli: 'src/cli.ts', 'analyze-worker': 'src/banks/analyze-worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: '[name]-[hash]',
  define: { __VERSION__: JSON.stringify(version) },
  // Some dependencies are CommonJS and call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __coachRequire } from 'node:module'; const require = __coachRequire(import.meta.url);",
  },
  legalComments: 'none',
  // Optional peer, imported only with --provider bedrock: never bundled.
  external: ['@anthropic-ai/bedrock-sdk'],
  logLevel: 'warning',
});
