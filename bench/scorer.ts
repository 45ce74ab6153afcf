// Scorer bench: how many calibration orderings hold, and throughput on 400-word answers, one core.
// Bundled and run by bench/run.mjs (it imports the TypeScript sources directly).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadRegistry } from '../src/banks/registry.js';
import { scoreOffline } from '../src/scoring/offline/index.js';
import { wordsIn } from '../src/text/tokens.js';
import { type CalibrationSet, checkCalibration } from '../test/scoring/calibration-check.js';

const registry = await loadRegistry({ banks: [] }, process.cwd());
const load = (file: string) => parse(readFileSync(file, 'utf8')) as CalibrationSet;
const calibration = load('test/scoring/calibration.yaml');
for (const [name, set] of [
  ['tuning half', calibration],
  ['held-out half', load('test/scoring/calibration-heldout.yaml')],
  ['new rubrics', load('test/scoring/calibration-new-rubrics.yaml')],
] as const) {
  const report = checkCalibration(set, registry);
  const n = report.orderings.length;
  console.log(
    `  calibration, ${name}: orderings held ${report.held}/${n} (word-count baseline ${report.baselineHeld}/${n}); verdict and guard checks ${report.checks.filter((c) => c.ok).length}/${report.checks.length}`,
  );
  for (const failure of report.failures) console.log(`    failed: ${failure}`);
}

// Throughput: 400-word answers drawn from the calibration set, varied so nothing is cached per answer text.
const answers: { input: Parameters<typeof scoreOffline>[0] }[] = [];
for (const q of calibration.questions) {
  const question = registry.questions.find((x) => x.id === q.id)!;
  const rubric = registry.rubrics.get(question.rubric)!;
  const words = `${q.strong} ${q.adequate} ${q.weak}`.split(/\s+/);
  for (let k = 0; k < 20; k++) {
    const answer = words.slice(k, k + 400).join(' ');
    answers.push({ input: { rubric, question, prompt: question.prompt, answer } });
  }
}
// "Per second on one core" is CPU time: on a shared machine, wall time also counts the time this
// process waited for a core. Both are printed. Rounds of 300 ms, alternating with a baseline measured
// in the same run (so machine noise hits both); the first two rounds only warm up the JIT.
// Baseline: the least any scorer must do, reading every word of the answer into a count per word.
function readWordsOnly(answer: string): number {
  const counts = new Map<string, number>();
  for (const w of wordsIn(answer)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts.size;
}

function perCpuSecond(score: (input: (typeof answers)[number]['input']) => unknown): {
  cpu: number;
  wall: number;
} {
  const started = performance.now();
  const cpu = process.cpuUsage();
  let n = 0;
  while (performance.now() - started < 300) {
    for (const a of answers) score(a.input);
    n += answers.length;
  }
  const used = process.cpuUsage(cpu);
  return { cpu: n / ((used.user + used.system) / 1e6), wall: n / ((performance.now() - started) / 1000) };
}

const ROUNDS = Number(process.env.BENCH_RUNS ?? 7) + 2;
const scorer: { cpu: number; wall: number }[] = [];
const baseline: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  const s = perCpuSecond(scoreOffline);
  const b = perCpuSecond((input) => readWordsOnly(input.answer));
  if (r < 2) continue;
  scorer.push(s);
  baseline.push(b.cpu);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cpuRate = Math.round(median(scorer.map((x) => x.cpu)));
const floor = Math.round(median(baseline));
console.log(
  `  throughput, 400-word answers: ${cpuRate} answers per CPU-second, ${Math.round(median(scorer.map((x) => x.wall)))} per wall-second; median of ${scorer.length} rounds`,
);
console.log(
  `  baseline, reading each answer's words into a Map: ${floor} per CPU-second; the scorer costs ${(floor / cpuRate).toFixed(1)}x that`,
);
console.log(`  target >= 2000 answers per CPU-second: ${cpuRate >= 2000 ? 'met' : 'NOT met'}`);
