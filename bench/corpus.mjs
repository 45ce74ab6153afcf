// Generates a synthetic lint corpus: FILES bank files of PER_FILE questions each, plus a rubric.
// Deterministic (seeded), with distinct prompts so near-duplicate detection has real work but few hits.
// Two styles of the same data: 'own' is how the shipped banks are written (block style, `>-`
// prompts, one-line flow lists), which the fast path reads; 'yaml' is what `YAML.stringify` writes
// (block sequences everywhere, long strings folded into multi-line plain scalars), which it does not.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { seededRandom } from '../src/session/random.js';

const WORDS = (
  'latency throughput cache shard replica queue stream batch index ledger tenant quota region zone ' +
  'failover rollback canary feature model drift label embedding ranking retrieval budget invoice ' +
  'thumbnail transcode upload album search photo video metadata audit key token policy cluster ' +
  'container lambda pipeline schema partition consumer producer backlog incident outage customer ' +
  'seller buyer catalog checkout payment refund fraud signal alert dashboard runbook oncall migration ' +
  'database storage archive glacier bucket object dedupe hash checksum encryption rotation secret ' +
  'identity session cookie gateway router balancer mesh sidecar trace metric log sampling anomaly ' +
  'forecast capacity autoscale spot reserved savings carbon energy datacenter mobile desktop device'
).split(' ');

// Real prompts mix a shared domain vocabulary with rarer, specific words; so do these.
const SYLLABLES = 'ka lo mi su te ra no vi de pa zu fe go bi sha tor len mar quo dex'.split(' ');

function phrase(next, n) {
  return Array.from({ length: n }, () => {
    if (next() < 0.45) return WORDS[Math.floor(next() * WORDS.length)];
    let w = '';
    for (let s = 0; s < 3; s++) w += SYLLABLES[Math.floor(next() * SYLLABLES.length)];
    return w;
  }).join(' ');
}

export function writeCorpus(
  dir,
  { files = 100, perFile = 100, seed = 42, style = 'own', nearDuplicates = true } = {},
) {
  mkdirSync(dir, { recursive: true });
  const next = seededRandom(seed);
  writeFileSync(
    join(dir, 'bench-rubric.yaml'),
    [
      'kind: rubric',
      'id: bench-rubric',
      'name: Bench rubric',
      'appliesTo: design',
      'criteria:',
      ...['alpha', 'beta'].flatMap((id) => [
        `  - id: ${id}`,
        `    name: ${id}`,
        '    weight: 0.5',
        '    description: A criterion.',
        '    levels:',
        "      1: 'poor'",
        "      2: 'weak'",
        "      3: 'good'",
        "      4: 'great'",
      ]),
      '',
    ].join('\n'),
  );
  let bytes = 0;
  // A few planted near duplicates (one word changed), so the rule has real findings to report
  // (and lint re-reads those files, with yaml v2's CST parser, to position them).
  const prompts = new Map();
  const prompt = (f, q) => {
    const planted = nearDuplicates && f > 0 && f % 20 === 0 && q === 0;
    const text = planted
      ? prompts.get(`${f - 1}:1`).replace('design', 'build')
      : `How would you design the ${phrase(next, 4)} service so that ${phrase(next, 4)} stays within budget?`;
    prompts.set(`${f}:${q}`, text);
    return text;
  };
  for (let f = 0; f < files; f++) {
    const questions = [];
    for (let q = 0; q < perFile; q++) {
      questions.push({
        id: `bench-${f}-q${q}`,
        category: `topic-${q % 7}`,
        prompt: prompt(f, q),
        levels: ['L6', 'L7'],
        principles: ['dive-deep', 'ownership'],
        rubric: 'bench-rubric',
        timeLimitSeconds: 1800,
        followUps: [
          `What happens to ${phrase(next, 2)} at ten times the traffic?`,
          `How do you monitor ${phrase(next, 2)}?`,
        ],
        signals: [
          `Quantifies ${phrase(next, 2)}.`,
          `Trades ${phrase(next, 1)} against ${phrase(next, 1)}.`,
          `Names failure modes of ${phrase(next, 2)}.`,
        ],
        pitfalls: [`Jumps to ${phrase(next, 3)} without requirements.`],
      });
    }
    const bank = {
      kind: 'question-bank',
      id: `bench-${f}`,
      title: `Bench bank ${f}`,
      description: 'A generated bank for benchmarks.',
      questions,
    };
    const text = style === 'yaml' ? stringify(bank) : ownStyle(bank);
    bytes += text.length;
    writeFileSync(join(dir, `bank-${String(f).padStart(3, '0')}.yaml`), text);
  }
  return { files: files + 1, questions: files * perFile, bytes };
}

/** A bank as the shipped ones are written. */
function ownStyle({ questions, ...bank }) {
  const lines = [
    `kind: ${bank.kind}`,
    `id: ${bank.id}`,
    `title: ${bank.title}`,
    `description: ${bank.description}`,
    'questions:',
  ];
  for (const q of questions) {
    lines.push(
      `  - id: ${q.id}`,
      `    category: ${q.category}`,
      '    prompt: >-',
      `      ${q.prompt}`,
      `    levels: [${q.levels.join(', ')}]`,
      `    principles: [${q.principles.join(', ')}]`,
      `    rubric: ${q.rubric}`,
      `    timeLimitSeconds: ${q.timeLimitSeconds}`,
      '    followUps:',
      ...q.followUps.map((f) => `      - ${f}`),
      '    signals:',
      ...q.signals.map((f) => `      - ${f}`),
      '    pitfalls:',
      ...q.pitfalls.map((f) => `      - ${f}`),
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * One bank holding `copies` questions with the same prompt (distinct ids), or with the same id too
 * (`sameId`): the worst case for the near-duplicate and duplicate-id rules, which must report each
 * copy once against the first, not every pair.
 */
export function writeDuplicates(dir, { copies = 2000, sameId = false } = {}) {
  mkdirSync(dir, { recursive: true });
  const lines = [
    'kind: question-bank',
    'id: copies',
    'title: Copies',
    'description: One question, many times.',
    'questions:',
  ];
  for (let q = 0; q < copies; q++) {
    lines.push(
      `  - id: ${sameId ? 'the-same-id' : `copy-${q}`}`,
      '    category: ownership',
      '    prompt: Tell me about a time you took ownership of a failing project outside your team.',
      '    levels: [L6]',
      '    principles: [ownership]',
      '    rubric: star',
      '    timeLimitSeconds: 240',
      '    followUps: [What was your role?, What would you do differently?, Tell me about another time.]',
      '    signals: [Owns the outcome.]',
      '    pitfalls: [Blames others.]',
    );
  }
  const text = `${lines.join('\n')}\n`;
  writeFileSync(join(dir, 'copies.yaml'), text);
  return { questions: copies, bytes: text.length };
}

/**
 * A history of `attempts` scored attempts spread over `days` days, as `coach report` and `coach
 * stats` read it (`history/attempts.jsonl` under `home`): star-rubric answers of about 300 words to
 * shipped behavioral questions, with criterion scores, evidence, timings and an occasional LLM cost.
 */
export function writeHistory(home, { attempts = 5000, days = 365, seed = 7 } = {}) {
  const next = seededRandom(seed);
  const questions = [
    'bhv-ownership-outside-your-area',
    'bhv-ownership-inherited-fragile-system',
    'bhv-dive-deep-hardest-root-cause',
    'bhv-deliver-multi-team-launch',
    'bhv-simplify-by-deleting',
  ];
  const criteria = [
    'structure',
    'ownership',
    'specificity',
    'results',
    'reflection',
    'principle-alignment',
    'concision',
  ];
  const lines = [];
  for (let i = 0; i < attempts; i++) {
    const day = Math.floor((i / attempts) * days);
    const at = new Date(Date.UTC(2026, 0, 1 + day, 9, 0, i % 60));
    const scores = criteria.map(() => 1 + Math.floor(next() * 4));
    const overall = Math.round(((scores.reduce((a, b) => a + b, 0) / scores.length - 1) / 3) * 100);
    const answer = phrase(next, 300);
    const llm = i % 10 === 0;
    lines.push(
      JSON.stringify({
        v: 1,
        id: `bench-${String(i).padStart(5, '0')}`,
        at: at.toISOString(),
        date: at.toISOString().slice(0, 10),
        source: 'drill',
        questionId: questions[i % questions.length],
        bank: 'behavioral',
        category: 'ownership',
        principles: ['ownership'],
        rubric: 'star',
        level: null,
        answer,
        elapsedMs: 150_000 + Math.floor(next() * 120_000),
        limitSeconds: 240,
        scorer: llm ? 'anthropic' : 'offline',
        model: llm ? 'claude-sonnet-5-5' : null,
        promptVersion: llm ? '1a2b3c4d5e' : 'offline-1',
        rubricVersion: 'bench',
        overall,
        verdict:
          overall < 25 ? 'strong-no-hire' : overall < 50 ? 'no-hire' : overall < 75 ? 'hire' : 'strong-hire',
        criteria: criteria.map((id, c) => ({
          id,
          score: scores[c],
          evidence: [answer.slice(c * 40, c * 40 + 60)],
        })),
        costUsd: llm ? 0.012 : 0,
      }),
    );
  }
  mkdirSync(join(home, 'history'), { recursive: true });
  writeFileSync(join(home, 'history', 'attempts.jsonl'), `${lines.join('\n')}\n`);
  return attempts;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? '.bench-tmp/corpus';
  console.log(writeCorpus(dir));
}
