import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayPath } from '../src/paths.js';

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
