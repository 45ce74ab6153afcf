// Scorer bench: how many calibration orderings hold, and throughput on 400-word answers, one core.
// Bundled and run by bench/run.mjs (it imports the TypeScript sources directly).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadRegistry } from '../src/banks/registry.js';
import { scoreOffline } from '../src/scoring/offline/index.js';
import { type CalibrationSet, checkCalibration } from '../test/scoring/calibration-check.js';

const registry = await loadRegistry({ banks: [] }, process.cwd());
const calibration = parse(readFileSync('test/scoring/calibration.yaml', 'utf8')) as CalibrationSet;
const report = checkCalibration(calibration, registry);
console.log(`  calibration orderings held: ${report.held}/${report.total}`);
for (const failure of report.failures) console.log(`    failed: ${failure}`);

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
// process waited for a core. Both are printed. Rounds of 300 ms; the first two only warm up the JIT.
const ROUNDS = Number(process.env.BENCH_RUNS ?? 7) + 2;
const cpuRuns: number[] = [];
const wallRuns: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  let n = 0;
  while (performance.now() - started < 300) {
    for (const a of answers) scoreOffline(a.input);
    n += answers.length;
  }
  const used = process.cpuUsage(cpu);
  if (r < 2) continue;
  cpuRuns.push(n / ((used.user + used.system) / 1e6));
  wallRuns.push(n / ((performance.now() - started) / 1000));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const perCpuSecond = Math.round(median(cpuRuns));
console.log(
  `  throughput, 400-word answers: ${perCpuSecond} answers per CPU-second, ${Math.round(median(wallRuns))} per wall-second; median of ${cpuRuns.length} rounds`,
);
console.log(`  target >= 2000 answers per CPU-second: ${perCpuSecond >= 2000 ? 'met' : 'NOT met'}`);
