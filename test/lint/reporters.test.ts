import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { LintResult } from '../../src/lint/lint.js';
import { RULES } from '../../src/lint/problem.js';
import { github } from '../../src/reporters/github.js';
import { LINT_REPORTERS, type LintFormat, type ReportContext } from '../../src/reporters/index.js';
import { json } from '../../src/reporters/json.js';
import { sarif } from '../../src/reporters/sarif.js';
import { stylish } from '../../src/reporters/stylish.js';
import { useTempDir, writeFiles, yaml } from '../helpers/fs.js';
import { lintIn } from '../helpers/lint.js';

const plain: ReportContext = { color: new Chalk({ level: 0 }), version: '9.8.7' };
const coloured: ReportContext = { color: new Chalk({ level: 1 }), version: '9.8.7' };
const ANSI = /\u001b\[[0-9;]*m/g;

const RESULT: LintResult = {
  problems: [
    {
      file: 'banks/a.yaml',
      line: 3,
      column: 5,
      endLine: 3,
      endColumn: 9,
      severity: 'error',
      rule: 'unknown-key',
      message: 'unknown key "tilte"; did you mean "title"?',
    },
    {
      file: 'banks/a.yaml',
      line: 12,
      column: 13,
      endLine: 14,
      endColumn: 1,
      severity: 'warning',
      rule: 'near-duplicate-prompt',
      message: 'prompt of "q-two" is 80% similar to "q-one"',
    },
    {
      file: 'rubrics/r.yaml',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
      severity: 'error',
      rule: 'yaml-syntax',
      message: 'Unexpected end of flow sequence',
    },
  ],
  files: 4,
  questions: 10,
  rubrics: 1,
  errorCount: 2,
  warningCount: 1,
  ioError: false,
};

const CLEAN: LintResult = {
  problems: [],
  files: 2,
  questions: 3,
  rubrics: 1,
  errorCount: 0,
  warningCount: 0,
  ioError: false,
};

describe('reporter registry', () => {
  it('offers exactly stylish, json, github and sarif', () => {
    expect(Object.keys(LINT_REPORTERS)).toEqual(['stylish', 'json', 'github', 'sarif']);
  });

  it('every reporter ends its output with exactly one newline', () => {
    for (const format of Object.keys(LINT_REPORTERS) as LintFormat[]) {
      for (const result of [RESULT, CLEAN]) {
        const out = LINT_REPORTERS[format](result, plain);
        expect(out.endsWith('\n'), format).toBe(true);
        expect(out.endsWith('\n\n'), format).toBe(false);
      }
    }
  });
});

describe('stylish', () => {
  it('groups problems by file, aligns positions, and ends with a summary line', () => {
    expect(stylish(RESULT, plain)).toBe(
      [
        'banks/a.yaml',
        '  3:5    error    unknown key "tilte"; did you mean "title"?  unknown-key',
        '  12:13  warning  prompt of "q-two" is 80% similar to "q-one"  near-duplicate-prompt',
        '',
        'rubrics/r.yaml',
        '  1:1  error    Unexpected end of flow sequence  yaml-syntax',
        '',
        '✖ 3 problems (2 errors, 1 warning) in 4 files (10 questions, 1 rubric)',
        '',
      ].join('\n'),
    );
  });

  it('says "no problems" with the counts when clean', () => {
    expect(stylish(CLEAN, plain)).toBe('✔ 2 files (3 questions, 1 rubric): no problems\n');
  });

  it('uses singular words for one, and the warning mark when there are only warnings', () => {
    const one: LintResult = {
      ...CLEAN,
      problems: [RESULT.problems[1]!],
      files: 1,
      questions: 1,
      rubrics: 0,
      warningCount: 1,
    };
    expect(stylish(one, plain).split('\n').at(-2)).toBe(
      '⚠ 1 problem (0 errors, 1 warning) in 1 file (1 question, 0 rubrics)',
    );
  });

  it('has no ANSI escape codes at colour level 0, and only adds them at level 1', () => {
    const withoutColour = stylish(RESULT, plain);
    const withColour = stylish(RESULT, coloured);
    expect(withoutColour).not.toMatch(ANSI);
    expect(withColour).toMatch(ANSI);
    expect(withColour.replace(ANSI, '')).toBe(withoutColour);
  });
});

describe('json', () => {
  it('is an array of problems with exactly these keys, in this order', () => {
    const rows = JSON.parse(json(RESULT)) as Record<string, unknown>[];
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual([
        'file',
        'line',
        'column',
        'endLine',
        'endColumn',
        'severity',
        'rule',
        'message',
      ]);
    }
    expect(rows).toEqual(RESULT.problems);
  });

  it('keeps only those keys even when a problem object carries more', () => {
    const extra = { ...RESULT, problems: [{ ...RESULT.problems[0]!, internal: 'secret' }] };
    expect(Object.keys(JSON.parse(json(extra))[0])).not.toContain('internal');
  });

  it('is an empty array when clean', () => {
    expect(JSON.parse(json(CLEAN))).toEqual([]);
  });
});

describe('github', () => {
  it('prints one workflow command per problem, then the plain report and a summary', () => {
    expect(github(RESULT).split('\n').slice(0, -2)).toEqual([
      '::error file=banks/a.yaml,line=3,col=5,endLine=3,endColumn=9,title=unknown-key::unknown key "tilte"; did you mean "title"?',
      '::warning file=banks/a.yaml,line=12,col=13,endLine=14,endColumn=1,title=near-duplicate-prompt::prompt of "q-two" is 80%25 similar to "q-one"',
      '::error file=rubrics/r.yaml,line=1,col=1,endLine=1,endColumn=1,title=yaml-syntax::Unexpected end of flow sequence',
      'banks/a.yaml:3:5: error unknown key "tilte"; did you mean "title"? [unknown-key]',
      'banks/a.yaml:12:13: warning prompt of "q-two" is 80% similar to "q-one" [near-duplicate-prompt]',
      'rubrics/r.yaml:1:1: error Unexpected end of flow sequence [yaml-syntax]',
    ]);
    expect(github(RESULT).split('\n').at(-2)).toMatch(/^2 errors, 1 warnings?$/);
  });

  it('the summary line uses singular words for one, as stylish does', () => {
    expect(github(RESULT).split('\n').at(-2)).toBe('2 errors, 1 warning');
  });

  it('escapes % CR LF in messages, and also : and , in properties', () => {
    const tricky: LintResult = {
      ...CLEAN,
      problems: [
        {
          ...RESULT.problems[0]!,
          file: 'dir,v2/a:b%.yaml',
          message: '100% sure\r\nsecond line: a, b %0A',
        },
      ],
      errorCount: 1,
    };
    const [annotation] = github(tricky).split('\n');
    expect(annotation).toBe(
      '::error file=dir%2Cv2/a%3Ab%25.yaml,line=3,col=5,endLine=3,endColumn=9,title=unknown-key::100%25 sure%0D%0Asecond line: a, b %250A',
    );
  });
});

describe('sarif', () => {
  it('is a valid SARIF 2.1.0 log with every rule and one result per problem', () => {
    const log = JSON.parse(sarif(RESULT, plain));
    expectSarifShape(log);
    const run = log.runs[0];
    expect(run.tool.driver.version).toBe('9.8.7');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(Object.keys(RULES));
    expect(run.results).toEqual([
      {
        ruleId: 'unknown-key',
        ruleIndex: Object.keys(RULES).indexOf('unknown-key'),
        level: 'error',
        message: { text: 'unknown key "tilte"; did you mean "title"?' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'banks/a.yaml' },
              region: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 9 },
            },
          },
        ],
      },
      expect.objectContaining({ ruleId: 'near-duplicate-prompt', level: 'warning' }),
      expect.objectContaining({ ruleId: 'yaml-syntax', level: 'error' }),
    ]);
  });

  it('has an empty results array when clean', () => {
    const log = JSON.parse(sarif(CLEAN, plain));
    expectSarifShape(log);
    expect(log.runs[0].results).toEqual([]);
  });

  it('percent-encodes each path segment of a URI, keeping "/" as the separator', () => {
    const odd: LintResult = {
      ...RESULT,
      problems: [{ ...RESULT.problems[0]!, file: 'my banks/c#/100%/ünï.yaml' }],
    };
    const log = JSON.parse(sarif(odd, plain));
    expectSarifShape(log);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(
      'my%20banks/c%23/100%25/%C3%BCn%C3%AF.yaml',
    );
  });

  it('declares that columns count UTF-16 code units', () => {
    expect(JSON.parse(sarif(RESULT, plain)).runs[0].columnKind).toBe('utf16CodeUnits');
  });
});

describe('reporters over a real lint run', () => {
  const tmp = useTempDir('coach-reporters-');

  it('sarif uses relative URIs with forward slashes for nested files', async () => {
    writeFiles(tmp(), {
      'team/banks/broken.yaml': yaml`
        kind: rubric
        id: [star
      `,
    });
    const log = JSON.parse(sarif(await lintIn(tmp()), plain));
    expectSarifShape(log);
    const uris = log.runs[0].results.map(
      (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
        r.locations[0]!.physicalLocation.artifactLocation.uri,
    );
    expect(uris).toEqual(['team/banks/broken.yaml']);
  });

  it('github keeps each annotation on one line when a message holds a line break', async () => {
    // A quoted key may contain "\n" and "\r": the unknown-key message repeats the key.
    writeFiles(tmp(), {
      'r.yaml': 'kind: rubric\n"bad\\r\\nkey": 1\nid: star\nname: S\nappliesTo: design\ncriteria: []\n',
    });
    const result = await lintIn(tmp());
    const unknown = result.problems.find((p) => p.rule === 'unknown-key');
    expect(unknown?.message).toContain('bad\r\nkey');
    const lines = github(result).split('\n');
    const annotations = lines.filter((l) => l.startsWith('::'));
    expect(annotations).toHaveLength(result.problems.length);
    expect(annotations.find((l) => l.includes('title=unknown-key'))).toContain('bad%0D%0Akey');
  });
});

/** The parts of SARIF 2.1.0 that code-scanning consumers rely on, checked field by field. */
function expectSarifShape(log: unknown): void {
  const isInt = (n: unknown, min: number) => Number.isInteger(n) && (n as number) >= min;
  expect(log).toMatchObject({ version: '2.1.0', runs: expect.any(Array) });
  const { runs } = log as { runs: unknown[] };
  expect(runs).toHaveLength(1);
  const run = runs[0] as {
    tool: { driver: { name: unknown; version: unknown; rules: unknown[] } };
    results: unknown[];
  };
  expect(typeof run.tool.driver.name).toBe('string');
  expect(typeof run.tool.driver.version).toBe('string');
  const rules = run.tool.driver.rules as { id: unknown; shortDescription: { text: unknown } }[];
  expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
  for (const rule of rules) {
    expect(typeof rule.id).toBe('string');
    expect(typeof rule.shortDescription.text).toBe('string');
    expect((rule.shortDescription.text as string).length).toBeGreaterThan(0);
  }
  expect(Array.isArray(run.results)).toBe(true);
  for (const result of run.results) {
    const r = result as {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string };
          region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
        };
      }[];
    };
    expect(rules.map((x) => x.id)).toContain(r.ruleId);
    // Optional in SARIF, but ours always gives it (code-scanning viewers look rules up by it).
    expect(rules[r.ruleIndex]?.id).toBe(r.ruleId);
    expect(['none', 'note', 'warning', 'error']).toContain(r.level);
    expect(typeof r.message.text).toBe('string');
    expect(r.locations).toHaveLength(1);
    const { artifactLocation, region } = r.locations[0]!.physicalLocation;
    expect(artifactLocation.uri).not.toMatch(/^\/|^[a-z]+:|\\/i); // relative, forward slashes
    expect(isInt(region.startLine, 1) && isInt(region.startColumn, 1)).toBe(true);
    expect(isInt(region.endLine, region.startLine)).toBe(true);
    if (region.endLine === region.startLine)
      expect(region.endColumn).toBeGreaterThanOrEqual(region.startColumn);
  }
}
