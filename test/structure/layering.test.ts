import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir, writeFiles } from '../helpers/fs.js';

/**
 * The layering of shared/STYLE.md, read from the source: commands only adapt (no command imports
 * another; what they share lives in commands/support/), and the domain folders below them never
 * reach up into commands/, ui/ or the CLI, never print, never read stdin and never exit.
 */

const SRC = resolve(import.meta.dirname, '../../src');
const DOMAIN = [
  'answers',
  'banks',
  'history',
  'lint',
  'loop',
  'report',
  'schema',
  'scoring',
  'session',
  'stories',
];
/** The files directly in src/commands/ that are not commands. */
const COMMAND_SUPPORT_FILES = ['context.ts'];

function sourceFiles(root: string, dir = root): { file: string; path: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(root, file);
    return entry.name.endsWith('.ts') ? [{ file, path: relative(root, file) }] : [];
  });
}

/** Comments removed, so a comment that names process.exit or an import is not read as code. */
function code(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** Every module a file imports (static, re-exported, type-only or lazy), relative to the root. */
function importsOf(root: string, file: string): string[] {
  const specifiers = [
    ...code(file).matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm),
  ].map((m) => m[1]!);
  return specifiers
    .filter((s) => s.startsWith('.'))
    .map((s) => relative(root, resolve(dirname(file), s)).replace(/\.js$/, '.ts'));
}

const isCommandModule = (path: string) =>
  /^commands\/[^/]+\.ts$/.test(path) && !COMMAND_SUPPORT_FILES.includes(path.slice('commands/'.length));
const inDomain = (path: string) => DOMAIN.some((d) => path.startsWith(`${d}/`));

/** Every breach of the layering under a source root, one line each. */
function layeringOffences(root: string): string[] {
  const files = sourceFiles(root);
  const commandImports = files
    .filter((f) => f.path.startsWith('commands/'))
    .flatMap(({ file, path }) =>
      importsOf(root, file)
        .filter((target) => isCommandModule(target) && target !== path)
        .map((target) => `${path} imports the command ${target}`),
    );
  const domainImports = files
    .filter((f) => inDomain(f.path))
    .flatMap(({ file, path }) =>
      importsOf(root, file)
        .filter((target) => /^(commands|ui|cli)\//.test(target) || target === 'cli.ts')
        .map((target) => `${path} imports ${target}`),
    );
  const terminal = /\bprocess\s*\.\s*(stdout|stderr|stdin|exit|exitCode)\b|\bconsole\s*\.\s*\w+/g;
  const domainIo = files
    .filter((f) => inDomain(f.path))
    .flatMap(({ file, path }) => [...code(file).matchAll(terminal)].map((m) => `${path} uses ${m[0]}`));
  return [...commandImports, ...domainImports, ...domainIo];
}

describe('layering', () => {
  const dir = useTempDir();

  it('holds in src/', () => {
    const files = sourceFiles(SRC);
    // The checks would pass on nothing: make sure they read the real tree.
    expect(files.filter((f) => isCommandModule(f.path)).length).toBeGreaterThan(10);
    for (const folder of DOMAIN) expect(files.some((f) => f.path.startsWith(`${folder}/`))).toBe(true);
    expect(layeringOffences(SRC)).toEqual([]);
  });

  it('names each kind of breach, and is not fooled by comments, support modules or the context', () => {
    const root = writeFiles(dir(), {
      'commands/drill.ts': [
        "import type { CommandContext } from './context.js';",
        "import { registryFor } from './support/registry.js';",
        "export const run = () => import('./practice.js');",
      ].join('\n'),
      'commands/practice.ts':
        "export { storyHint } from './stories.js';\n// import('./drill.js') in a comment",
      'commands/stories.ts': 'export const storyHint = 1;',
      'commands/context.ts': 'export interface CommandContext {}',
      'commands/support/registry.ts':
        "import type { CommandContext } from '../context.js';\nexport const registryFor = 1;",
      'session/runner.ts': [
        "import { renderScore } from '../ui/score-report.js';",
        "import type { X } from '../commands/context.js';",
        '/** Never calls process.exit: the command does. */',
        "process.stderr.write('no');",
        'console.log(1);',
      ].join('\n'),
      'session/ok.ts': "import { nextStep } from './engine.js';\nconst url = 'http://x'; // process.exit",
    });
    expect(layeringOffences(root).sort()).toEqual([
      'commands/drill.ts imports the command commands/practice.ts',
      'commands/practice.ts imports the command commands/stories.ts',
      'session/runner.ts imports commands/context.ts',
      'session/runner.ts imports ui/score-report.ts',
      'session/runner.ts uses console.log',
      'session/runner.ts uses process.stderr',
    ]);
  });
});
