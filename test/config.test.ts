import { mkdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { ConfigError } from '../src/errors.js';
import { useTempDir, writeFiles, yaml } from './helpers/fs.js';
import { aliasBomb } from './helpers/lint.js';

const tmp = useTempDir('coach-config-');

/** A project directory and a separate COACH_HOME, both empty until a test writes into them. */
function dirs() {
  const project = join(tmp(), 'project');
  const home = join(tmp(), 'home');
  mkdirSync(project);
  mkdirSync(home);
  return { project, home };
}

async function configErrorOf(fn: () => Promise<unknown>): Promise<ConfigError> {
  try {
    await fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError, but nothing was thrown');
}

describe('resolveConfig: where bank locations come from', () => {
  it('with no config anywhere: no extra banks and no files read', async () => {
    const { project, home } = dirs();
    expect(await resolveConfig({ cwd: project, env: { COACH_HOME: home } })).toEqual({
      banks: [],
      models: {},
      files: [],
    });
  });

  it('--banks, COACH_BANKS, the project file and the user file all contribute, in that order', async () => {
    const { project, home } = dirs();
    writeFiles(project, { '.interview-coach.yaml': 'banks: [project-banks, ../shared-banks]\n' });
    writeFiles(home, { 'config.yaml': 'banks: [user-banks]\n' });
    const config = await resolveConfig({
      cwd: project,
      env: { COACH_HOME: home, COACH_BANKS: ['env-a', '/abs/env-b'].join(delimiter) },
      banks: ['flag-banks'],
    });
    expect(config.banks).toEqual([
      join(project, 'flag-banks'), // flags: relative to the working directory
      join(project, 'env-a'), // environment: relative to the working directory
      '/abs/env-b',
      join(project, 'project-banks'), // project file: relative to the file
      join(tmp(), 'shared-banks'),
      join(home, 'user-banks'), // user file: relative to the file
    ]);
    expect(config.files).toEqual([join(project, '.interview-coach.yaml'), join(home, 'config.yaml')]);
  });

  it('the same location from several sources is listed once, at its first place', async () => {
    const { project, home } = dirs();
    writeFiles(project, { '.interview-coach.yaml': 'banks: [banks]\n' });
    const config = await resolveConfig({
      cwd: project,
      env: { COACH_HOME: home, COACH_BANKS: join(project, 'banks') },
      banks: ['./banks', 'other'],
    });
    expect(config.banks).toEqual([join(project, 'banks'), join(project, 'other')]);
  });

  it('empty entries in COACH_BANKS are ignored', async () => {
    const { project, home } = dirs();
    const config = await resolveConfig({
      cwd: project,
      env: { COACH_HOME: home, COACH_BANKS: `${delimiter}a${delimiter}${delimiter}` },
    });
    expect(config.banks).toEqual([join(project, 'a')]);
  });

  it('without COACH_HOME the user file is $XDG_CONFIG_HOME/interview-coach/config.yaml', async () => {
    const { project } = dirs();
    const xdg = join(tmp(), 'xdg');
    writeFiles(xdg, { 'interview-coach/config.yaml': 'banks: [from-xdg]\n' });
    const config = await resolveConfig({
      cwd: project,
      env: { XDG_CONFIG_HOME: xdg, HOME: join(tmp(), 'nohome') },
    });
    expect(config.banks).toEqual([join(xdg, 'interview-coach', 'from-xdg')]);
  });

  it('a relative XDG_CONFIG_HOME is ignored (XDG spec) in favour of ~/.config', async () => {
    const { project } = dirs();
    const home = join(tmp(), 'userhome');
    writeFiles(home, { '.config/interview-coach/config.yaml': 'banks: [from-dot-config]\n' });
    const config = await resolveConfig({
      cwd: project,
      env: { XDG_CONFIG_HOME: 'relative/xdg', HOME: home },
    });
    expect(config.banks).toEqual([join(home, '.config', 'interview-coach', 'from-dot-config')]);
  });

  it('"~/" in a config file is the home directory', async () => {
    const { project, home } = dirs();
    const userHome = join(tmp(), 'userhome');
    writeFiles(project, { '.interview-coach.yaml': 'banks: ["~/my-banks", "~"]\n' });
    const config = await resolveConfig({ cwd: project, env: { COACH_HOME: home, HOME: userHome } });
    expect(config.banks).toEqual([join(userHome, 'my-banks'), userHome]);
  });

  it('single values take the project file over the user file', async () => {
    const { project, home } = dirs();
    writeFiles(project, { '.interview-coach.yaml': 'scorer: offline\n' });
    writeFiles(home, { 'config.yaml': 'scorer: anthropic\nmodel: some-model\n' });
    expect(await resolveConfig({ cwd: project, env: { COACH_HOME: home } })).toMatchObject({
      scorer: 'offline',
      model: 'some-model',
    });
  });

  it('an empty config file is allowed', async () => {
    const { project, home } = dirs();
    writeFiles(project, { '.interview-coach.yaml': '# nothing yet\n' });
    expect((await resolveConfig({ cwd: project, env: { COACH_HOME: home } })).banks).toEqual([]);
  });
});

describe('resolveConfig: a malformed config file is a ConfigError with file:line:col', () => {
  it('a YAML syntax error', async () => {
    const { project, home } = dirs();
    const file = join(project, '.interview-coach.yaml');
    writeFiles(project, {
      '.interview-coach.yaml': yaml`
        scorer: offline
        banks: [unclosed
      `,
    });
    const error = await configErrorOf(() => resolveConfig({ cwd: project, env: { COACH_HOME: home } }));
    expect(error.exitCode).toBe(2);
    expect(error.problems).toHaveLength(1);
    expect(error.message).toMatch(new RegExp(`^${escapeRegExp(file)}:3:1: `));
  });

  it('a value of the wrong type, at the value', async () => {
    const { project, home } = dirs();
    writeFiles(home, { 'config.yaml': 'scorer: offline\nbanks: 5\n' });
    const error = await configErrorOf(() => resolveConfig({ cwd: project, env: { COACH_HOME: home } }));
    expect(error.message).toBe(`${join(home, 'config.yaml')}:2:8: banks must be a list, not a number`);
  });

  it('an unknown key, at the key, with a suggestion', async () => {
    const { project, home } = dirs();
    writeFiles(project, { '.interview-coach.yaml': 'scorer: offline\nbank: [a]\n' });
    const error = await configErrorOf(() => resolveConfig({ cwd: project, env: { COACH_HOME: home } }));
    expect(error.message).toBe(
      `${join(project, '.interview-coach.yaml')}:2:1: unknown key "bank"; did you mean "banks"?`,
    );
  });

  it('a value not in the allowed set, and a bad list item, one line each', async () => {
    const { project, home } = dirs();
    writeFiles(project, {
      '.interview-coach.yaml': yaml`
        scorer: gpt
        banks:
          - ok
          - 7
      `,
    });
    const error = await configErrorOf(() => resolveConfig({ cwd: project, env: { COACH_HOME: home } }));
    const file = join(project, '.interview-coach.yaml');
    expect([...error.problems].sort()).toEqual([
      `${file}:1:9: scorer is "gpt"; expected one of: offline, anthropic, openai-compatible`,
      `${file}:4:5: banks[1] must be text, not a number`,
    ]);
  });

  it('the openai-compatible provider: provider and baseUrl are read, a baseUrl that is not http(s) is refused', async () => {
    const { project, home } = dirs();
    writeFiles(project, {
      '.interview-coach.yaml':
        'provider: openai-compatible\nbaseUrl: http://localhost:11434/v1\nmodel: qwen2.5:14b\n',
    });
    expect(await resolveConfig({ cwd: project, env: { COACH_HOME: home } })).toMatchObject({
      provider: 'openai-compatible',
      baseUrl: 'http://localhost:11434/v1',
      model: 'qwen2.5:14b',
    });
    writeFiles(project, { '.interview-coach.yaml': 'baseUrl: localhost:11434\n' });
    const error = await configErrorOf(() => resolveConfig({ cwd: project, env: { COACH_HOME: home } }));
    expect(error.problems).toEqual([expect.stringMatching(/\.interview-coach\.yaml:1:10: baseUrl: /)]);
  });

  it('duplicate keys', async () => {
    const { project, home } = dirs();
    writeFiles(project, { '.interview-coach.yaml': 'banks: [a]\nbanks: [b]\n' });
    const error = await configErrorOf(() => resolveConfig({ cwd: project, env: { COACH_HOME: home } }));
    expect(error.message).toMatch(/\.interview-coach\.yaml:2:1: /);
  });

  it('an alias bomb is refused as a ConfigError naming the file, not an unexpected error', async () => {
    const { project, home } = dirs();
    writeFiles(project, { '.interview-coach.yaml': aliasBomb(5) });
    const error = await configErrorOf(() => resolveConfig({ cwd: project, env: { COACH_HOME: home } }));
    expect(error.message).toContain(join(project, '.interview-coach.yaml'));
  });

  it('an alias bomb is one line, at the first alias, saying why', async () => {
    const { project, home } = dirs();
    writeFiles(project, { '.interview-coach.yaml': aliasBomb(5) });
    const error = await configErrorOf(() => resolveConfig({ cwd: project, env: { COACH_HOME: home } }));
    expect(error.problems).toEqual([
      `${join(project, '.interview-coach.yaml')}:2:8: too many aliases (over 100): refusing a possible alias bomb`,
    ]);
  });

  it('a top-level list names the config file as what must be a mapping', async () => {
    const { project, home } = dirs();
    writeFiles(project, { '.interview-coach.yaml': '- banks\n- scorer\n' });
    const error = await configErrorOf(() => resolveConfig({ cwd: project, env: { COACH_HOME: home } }));
    expect(error.message).toBe(
      `${join(project, '.interview-coach.yaml')}:1:1: the config file must be a mapping, not a list`,
    );
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
