// `npm run bench`: medians over several runs, each beside a baseline measured in the same run,
// because these machines are noisy and only ratios within one run are comparable.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCorpus, writeDuplicates, writeHistory } from './corpus.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 7);
const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin', 'coach.js');
const env = { ...process.env, NO_COLOR: '1' };
delete env.CI;

// Lint runs over corpora with planted findings exit 1 by design; only other statuses are failures.
function measure(args, okStatuses = [0], home = join(scratch, 'home')) {
  const rssFile = join(scratch, 'rss');
  const fd = openSync(rssFile, 'w');
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['-r', join(root, 'bench', 'max-rss.cjs'), ...args], {
    env: { ...env, COACH_HOME: home, BENCH_RSS_FD: '3' },
    stdio: ['ignore', 'pipe', 'pipe', fd],
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  closeSync(fd);
  if (!okStatuses.includes(result.status)) {
    throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  // Worker threads inherit the preload and report too; the process-wide figure is the largest.
  const kb = Math.max(0, ...readFileSync(rssFile, 'utf8').split('\n').filter(Boolean).map(Number));
  return { ms, mib: kb / 1024 };
}

/**
 * Runs each case RUNS times, interleaved so drift in machine load hits every case alike. `statusOf`
 * names cases whose expected exit status differs from `okStatuses`.
 */
function compare(cases, okStatuses = [0], statusOf = {}, homeOf = {}) {
  const samples = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (let r = 0; r < RUNS; r++)
    for (const [name, args] of Object.entries(cases))
      samples[name].push(measure(args, statusOf[name] ?? okStatuses, homeOf[name]));
  return Object.fromEntries(
    Object.entries(samples).map(([name, s]) => [
      name,
      { ms: median(s.map((x) => x.ms)), mib: median(s.map((x) => x.mib)) },
    ]),
  );
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const fmt = (x) => `${x.ms.toFixed(0).padStart(6)} ms  ${x.mib.toFixed(0).padStart(4)} MiB`;
const scratch = mkdtempSync(join(tmpdir(), 'coach-bench-'));
try {
  console.log(
    `interview-coach bench: node ${process.version}, ${availableParallelism()} cores, median of ${RUNS} runs\n`,
  );

  // Issue 18: commands that read the shipped banks load dist/shipped.json, so they should start
  // about as fast as --version. Any shipped question id will do; take the first in the snapshot.
  const snapshot = JSON.parse(readFileSync(join(root, 'dist', 'shipped.json'), 'utf8'));
  const showId = snapshot.analyses.flatMap((a) => a.questions)[0].question.id;
  const startup = compare(
    {
      "node -e ''": ['-e', ''],
      'coach --version': [bin, '--version'],
      [`coach show ${showId}`]: [bin, 'show', showId],
      'coach questions --json': [bin, 'questions', '--json'],
      // practice loads its whole chunk (session runner, loop plan, UI) before it refuses a stdin that
      // is not a terminal (exit 2): this is the time to that refusal, practice's start-up without typing.
      'coach practice --count 1 (to its non-TTY refusal)': [bin, 'practice', '--count', '1'],
    },
    [0],
    { 'coach practice --count 1 (to its non-TTY refusal)': [2] },
  );
  console.log('Start-up');
  const bare = startup["node -e ''"].ms;
  const version = startup['coach --version'].ms;
  for (const [name, x] of Object.entries(startup)) {
    const vs = name.startsWith('node') ? '' : `  ${(x.ms / bare).toFixed(2)}x bare node`;
    const more =
      name.startsWith('coach ') && name !== 'coach --version'
        ? `, +${(x.ms - version).toFixed(0)} ms over --version`
        : '';
    console.log(`  ${name.padEnd(56)} ${fmt(x)}${vs}${more}`);
  }
  console.log(`  --version target <= 1.5x bare node: ${version / bare <= 1.5 ? 'met' : 'NOT met'}\n`);

  // A user config file: validated once (yaml v2 and zod), then remembered by its exact text in the
  // cache (src/config-cache.ts). The first run below fills the cache; the measured runs hit it.
  const configured = join(scratch, 'home-with-config');
  mkdirSync(configured, { recursive: true });
  writeFileSync(join(configured, 'config.yaml'), 'level: L7\n');
  measure([bin, 'show', showId], [0], configured);
  const withConfig = compare(
    {
      [`coach show ${showId}`]: [bin, 'show', showId],
      'the same, with a config file': [bin, 'show', showId],
    },
    [0],
    {},
    { 'the same, with a config file': configured },
  );
  console.log('Start-up with a config file (validated on a first run, then read from the cache)');
  for (const [name, x] of Object.entries(withConfig)) console.log(`  ${name.padEnd(56)} ${fmt(x)}`);
  console.log('');

  const corpus = join(scratch, 'corpus');
  const made = writeCorpus(corpus, { files: 100, perFile: 100 });
  console.log(
    `Lint: ${made.questions} questions in ${made.files} files of the shipped banks' size and style, ${(made.bytes / 1024 / 1024).toFixed(1)} MB`,
  );
  const cleanCorpus = join(scratch, 'corpus-clean');
  writeCorpus(cleanCorpus, { files: 100, perFile: 100, nearDuplicates: false });
  const lint = compare(
    {
      'parse floor: js-yaml, 1 core': [join(root, 'bench', 'parse-floor.mjs'), 'js-yaml', corpus],
      'parse floor: yaml v2, 1 core': [join(root, 'bench', 'parse-floor.mjs'), 'yaml', corpus],
      'coach lint --threads 1': [bin, 'lint', corpus, '--threads', '1', '--format', 'json'],
      'coach lint --threads 2': [bin, 'lint', corpus, '--threads', '2', '--format', 'json'],
      'coach lint (default)': [bin, 'lint', corpus, '--format', 'json'],
      // The same lint without the planted near duplicates: no file is re-parsed for positions.
      'coach lint (default), no findings': [bin, 'lint', cleanCorpus, '--format', 'json'],
    },
    // The corpus has planted near duplicates (warnings, exit 0 without --max-warnings).
    [0],
  );
  for (const [name, x] of Object.entries(lint)) console.log(`  ${name.padEnd(56)} ${fmt(x)}`);
  const full = lint['coach lint (default)'];
  const ownRatio = full.ms / lint['parse floor: js-yaml, 1 core'].ms;
  const clean = lint['coach lint (default), no findings'];
  console.log(
    `  positioning the findings (a yaml v2 CST re-parse of each file with a planted near duplicate): +${(full.ms - clean.ms).toFixed(0)} ms`,
  );
  console.log(
    `  lint against the js-yaml parse floor: ${ownRatio.toFixed(2)}x (no findings: ${(clean.ms / lint['parse floor: js-yaml, 1 core'].ms).toFixed(2)}x); target < 1000 ms, <= 2.2x and < 150 MiB: ${full.ms < 1000 && ownRatio <= 2.2 && full.mib < 150 ? 'met' : 'NOT met'}`,
  );

  // The same questions as the `yaml` package writes them: outside the fast path's subset.
  const yamlCorpus = join(scratch, 'corpus-yaml');
  const madeYaml = writeCorpus(yamlCorpus, { files: 100, perFile: 100, style: 'yaml' });
  console.log(
    `\nLint: the same ${madeYaml.questions} questions as YAML.stringify writes them (block sequences, multi-line plain scalars), ${(madeYaml.bytes / 1024 / 1024).toFixed(1)} MB`,
  );
  const lintYaml = compare({
    'parse floor: yaml v2, 1 core': [join(root, 'bench', 'parse-floor.mjs'), 'yaml', yamlCorpus],
    'coach lint (default)': [bin, 'lint', yamlCorpus, '--format', 'json'],
  });
  for (const [name, x] of Object.entries(lintYaml)) console.log(`  ${name.padEnd(56)} ${fmt(x)}`);
  const yamlRatio = lintYaml['coach lint (default)'].ms / lintYaml['parse floor: yaml v2, 1 core'].ms;
  console.log(
    `  lint against the yaml v2 parse floor: ${yamlRatio.toFixed(2)}x; target <= 1.5x: ${yamlRatio <= 1.5 ? 'met' : 'NOT met'}`,
  );

  // Issue 17: duplicates are reported once per copy (a cluster with a count), not once per pair.
  const copies = join(scratch, 'copies');
  const sameId = join(scratch, 'copies-same-id');
  writeDuplicates(copies, { copies: 2000 });
  writeDuplicates(sameId, { copies: 2000, sameId: true });
  console.log('\nLint: 2,000 copies of one prompt (one bank)');
  const dups = compare(
    {
      'coach lint, distinct ids': [bin, 'lint', copies, '--format', 'json'],
      'coach lint, one id 2,000 times': [bin, 'lint', sameId, '--format', 'json'],
    },
    [0, 1],
  );
  for (const [name, x] of Object.entries(dups)) console.log(`  ${name.padEnd(56)} ${fmt(x)}`);
  const worst = Object.values(dups).reduce((a, b) => ({
    ms: Math.max(a.ms, b.ms),
    mib: Math.max(a.mib, b.mib),
  }));
  console.log(`  target < 3000 ms and < 200 MiB: ${worst.ms < 3000 && worst.mib < 200 ? 'met' : 'NOT met'}`);

  // Issue 16: the progress report over a long history, beside `coach stats` on the same history.
  const attempts = writeHistory(join(scratch, 'home'), { attempts: 5000, days: 365 });
  console.log(`\nReport: ${attempts} attempts over 365 days`);
  const reportOut = join(scratch, 'report');
  const report = compare({
    'coach stats --json (baseline)': [bin, 'stats', '--json'],
    'coach report (html)': [bin, 'report', '-o', `${reportOut}.html`],
    'coach report --format md': [bin, 'report', '--format', 'md', '-o', `${reportOut}.md`],
  });
  for (const [name, x] of Object.entries(report)) console.log(`  ${name.padEnd(56)} ${fmt(x)}`);
  const page = report['coach report (html)'];
  console.log(
    `  report against stats: ${(page.ms / report['coach stats --json (baseline)'].ms).toFixed(2)}x; target < 2000 ms and < 200 MiB: ${page.ms < 2000 && page.mib < 200 ? 'met' : 'NOT met'}`,
  );

  console.log('\nOffline scorer');
  const { build } = await import('esbuild');
  // Built inside the repo: the scorer finds the shipped banks relative to its own location.
  const scorerBench = join(root, '.bench-tmp', 'scorer-bench.mjs');
  await build({
    entryPoints: [join(root, 'bench', 'scorer.ts')],
    outfile: scorerBench,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);",
    },
    define: { __VERSION__: '"bench"' },
  });
  const result = spawnSync(process.execPath, [scorerBench], { cwd: root, encoding: 'utf8', env });
  process.stdout.write(result.stdout + result.stderr);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
