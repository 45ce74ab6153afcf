import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheDir, configDir, dataDir, displayPath } from '../src/paths.js';

describe('displayPath', () => {
  const cwd = join('/work', 'project');

  it('shows a path inside the working directory relative to it', () => {
    expect(displayPath(join(cwd, 'banks', 'mine.yaml'), cwd)).toBe(join('banks', 'mine.yaml'));
  });

  it('keeps a path outside it, or the directory itself, as given', () => {
    expect(displayPath('/etc/coach/stories.yaml', cwd)).toBe('/etc/coach/stories.yaml');
    expect(displayPath(join('/work', 'other', 'a.yaml'), cwd)).toBe(join('/work', 'other', 'a.yaml'));
    expect(displayPath(cwd, cwd)).toBe(cwd);
  });
});

describe('the XDG directories', () => {
  it('COACH_HOME holds data and config, and the cache in cache/ inside it', () => {
    const env = { COACH_HOME: '/tmp/coach-home', HOME: '/home/ann' };
    expect(dataDir(env)).toBe('/tmp/coach-home');
    expect(configDir(env)).toBe('/tmp/coach-home');
    expect(cacheDir(env)).toBe(join('/tmp/coach-home', 'cache'));
  });

  it('an absolute XDG variable, else the default under HOME; a relative one is ignored', () => {
    const env = { HOME: '/home/ann', XDG_CACHE_HOME: '/var/cache/ann', XDG_DATA_HOME: 'relative' };
    expect(cacheDir(env)).toBe('/var/cache/ann/interview-coach');
    expect(dataDir(env)).toBe('/home/ann/.local/share/interview-coach');
    expect(configDir(env)).toBe('/home/ann/.config/interview-coach');
    expect(cacheDir({ HOME: '/home/ann' })).toBe('/home/ann/.cache/interview-coach');
  });
});
