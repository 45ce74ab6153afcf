import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedConfig, rememberConfig } from '../src/config-cache.js';
import type { CoachConfig } from '../src/schema/config.js';
import { useTempDir } from './helpers/fs.js';

// The cache of validated config files (src/config-cache.ts), over a real cache directory in a temp
// COACH_HOME. Under vitest there is no build identity, so each call names one.
const tmp = useTempDir('coach-config-cache-');
const BUILD = '1.0.0+abc';
const FILE = '/work/project/.interview-coach.yaml';
const TEXT = 'level: L6\n';
const CONFIG: CoachConfig = { banks: [], level: 'L6' };

const envIn = (home: string) => ({ COACH_HOME: home });

describe('the cache of validated config files', () => {
  it('gives back what was remembered for the same file, text and build, and nothing otherwise', () => {
    const env = envIn(tmp());
    expect(cachedConfig(FILE, TEXT, env, BUILD)).toBeUndefined();
    rememberConfig(FILE, TEXT, CONFIG, env, BUILD);
    expect(cachedConfig(FILE, TEXT, env, BUILD)).toEqual(CONFIG);
    expect(cachedConfig(FILE, 'level: L7\n', env, BUILD)).toBeUndefined();
    expect(cachedConfig('/work/other/.interview-coach.yaml', TEXT, env, BUILD)).toBeUndefined();
    expect(cachedConfig(FILE, TEXT, env, '1.0.0+def')).toBeUndefined();
  });

  it('is off without a build identity (as under vitest): nothing read, nothing written', () => {
    const home = tmp();
    rememberConfig(FILE, TEXT, CONFIG, envIn(home), undefined);
    expect(existsSync(join(home, 'cache'))).toBe(false);
    rememberConfig(FILE, TEXT, CONFIG, envIn(home), BUILD);
    expect(cachedConfig(FILE, TEXT, envIn(home), undefined)).toBeUndefined();
  });

  it('keeps one entry per file, the newest, and at most 16 files', () => {
    const env = envIn(tmp());
    rememberConfig(FILE, TEXT, CONFIG, env, BUILD);
    rememberConfig(FILE, 'level: L7\n', { banks: [], level: 'L7' }, env, BUILD);
    expect(cachedConfig(FILE, TEXT, env, BUILD)).toBeUndefined();
    expect(cachedConfig(FILE, 'level: L7\n', env, BUILD)).toEqual({ banks: [], level: 'L7' });
    for (let i = 0; i < 16; i++) rememberConfig(`/p${i}/.interview-coach.yaml`, TEXT, CONFIG, env, BUILD);
    expect(cachedConfig('/p15/.interview-coach.yaml', TEXT, env, BUILD)).toEqual(CONFIG);
    expect(cachedConfig('/p0/.interview-coach.yaml', TEXT, env, BUILD)).toEqual(CONFIG);
    // The oldest went when the 17th file came.
    expect(cachedConfig(FILE, 'level: L7\n', env, BUILD)).toBeUndefined();
  });

  it('a damaged cache is a miss, and is replaced by the next entry', () => {
    const home = tmp();
    mkdirSync(join(home, 'cache'));
    const file = join(home, 'cache', 'config-files.json');
    writeFileSync(file, '{"build":"1.0.0+abc","entr');
    expect(cachedConfig(FILE, TEXT, envIn(home), BUILD)).toBeUndefined();
    rememberConfig(FILE, TEXT, CONFIG, envIn(home), BUILD);
    expect(cachedConfig(FILE, TEXT, envIn(home), BUILD)).toEqual(CONFIG);
    expect(JSON.parse(readFileSync(file, 'utf8')).entries).toHaveLength(1);
  });

  it('a cache directory that cannot be written fails nothing: the next run validates again', () => {
    const home = tmp();
    // A regular file where the cache directory should be: it can be neither created nor written.
    writeFileSync(join(home, 'cache'), 'not a directory');
    expect(() => rememberConfig(FILE, TEXT, CONFIG, envIn(home), BUILD)).not.toThrow();
    expect(cachedConfig(FILE, TEXT, envIn(home), BUILD)).toBeUndefined();
  });
});
