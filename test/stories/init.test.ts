import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { analyzeSource } from '../../src/banks/analyze.js';
import { storiesCheckCommand, storiesInitCommand } from '../../src/commands/stories.js';
import { UsageError } from '../../src/errors.js';
import { starterStories } from '../../src/stories/starter.js';
import { isSimpleYaml } from '../../src/yaml/gate.js';
import { captureContext, parseJson } from '../helpers/command-context.js';
import { lintIn } from '../helpers/lint.js';

describe('coach stories init', () => {
  it('writes a commented starter with two example stories (free text and STAR) that lints clean', async () => {
    const ctx = captureContext();
    expect(await storiesInitCommand({}, ctx)).toBe(0);
    const file = join(ctx.cwd, 'stories.yaml'); // COACH_HOME is the config directory
    expect(ctx.out()).toContain('Wrote stories.yaml with 2 example stories.');
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=.*schemas\/stories\.schema\.json\n/);
    expect(text).toContain('#   coach stories check');
    const { stories } = parse(text) as { stories: { id: string; text?: string; star?: object }[] };
    expect(stories.map((s) => s.id)).toEqual(['billing-migration', 'pushed-back-on-kafka']);
    // The first is free text only, the second STAR parts only.
    expect(stories[0]!.text).toMatch(/^In 2023 I was a senior engineer on the billing team/);
    expect(stories[0]!.star).toBeUndefined();
    expect(stories[1]!.text).toBeUndefined();
    expect(Object.keys(stories[1]!.star!)).toEqual(['situation', 'task', 'action', 'result']);
    const result = await lintIn(ctx.cwd, ['stories.yaml']);
    expect(result.problems).toEqual([]);
    expect(result.stories).toBe(2);
  });

  it('refuses to overwrite an existing file (exit 2) unless --force', async () => {
    const ctx = captureContext();
    const file = join(ctx.cwd, 'mine.yaml');
    writeFileSync(file, 'my own stories\n');
    const again = storiesInitCommand({ stories: 'mine.yaml' }, ctx);
    await expect(again).rejects.toBeInstanceOf(UsageError);
    await expect(storiesInitCommand({ stories: 'mine.yaml' }, ctx)).rejects.toThrow(
      'mine.yaml already exists; edit it, or pass --force to replace it with the starter',
    );
    expect(readFileSync(file, 'utf8')).toBe('my own stories\n');
    expect(await storiesInitCommand({ stories: 'mine.yaml', force: true, json: true }, ctx)).toBe(0);
    expect(parseJson(ctx.out())).toEqual({ file, stories: 2 });
    expect(readFileSync(file, 'utf8')).toContain('kind: stories');
  });

  it('creates missing directories', async () => {
    const ctx = captureContext();
    await storiesInitCommand({ stories: 'deep/er/stories.yaml' }, ctx);
    expect(existsSync(join(ctx.cwd, 'deep', 'er', 'stories.yaml'))).toBe(true);
  });

  it('the starter takes the fast path and the full path to the same data', () => {
    const text = starterStories('/x/stories.schema.json');
    expect(isSimpleYaml(text)).toBe(true);
    const full = text.replace('kind: stories', 'kind: &kind stories');
    expect(isSimpleYaml(full)).toBe(false);
    const fast = analyzeSource('s.yaml', { ok: true, text });
    expect(fast.problems).toEqual([]);
    expect(analyzeSource('s.yaml', { ok: true, text: full })).toEqual(fast);
  });

  it('its example stories are good models: both score strong hire offline', async () => {
    const ctx = captureContext();
    await storiesInitCommand({}, ctx);
    await storiesCheckCommand({ json: true }, ctx);
    const rows = parseJson<{ id: string; verdict: string }[]>(ctx.out().slice(ctx.out().indexOf('[')));
    expect(rows.map((r) => r.verdict)).toEqual(['strong-hire', 'strong-hire']);
  });
});
