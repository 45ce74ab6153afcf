import { describe, expect, it } from 'vitest';
import { foldPlural, stem } from '../../src/text/stem.js';

describe('foldPlural', () => {
  it('drops a plural s from words longer than the limit, never a double s', () => {
    expect(foldPlural('models')).toBe('model');
    expect(foldPlural('class')).toBe('class');
    expect(foldPlural('bugs')).toBe('bugs'); // four letters: not longer than the default 4
    expect(foldPlural('bugs', 3)).toBe('bug');
    expect(foldPlural('its', 3)).toBe('its');
  });
});

describe('stem', () => {
  it('folds inflections of one verb to one form', () => {
    expect(new Set(['commit', 'commits', 'committed', 'committing'].map(stem))).toEqual(new Set(['commit']));
    expect(new Set(['disagree', 'disagreed'].map(stem))).toEqual(new Set(['disagre']));
    expect(new Set(['decide', 'decided', 'decides'].map(stem))).toEqual(new Set(['decid']));
  });

  it('folds plurals, -ies and possessives', () => {
    expect(stem('databases')).toBe('databas');
    expect(stem('database')).toBe('databas');
    expect(stem('policies')).toBe('policy');
    expect(stem("team's")).toBe('team');
    expect(stem("teams'")).toBe('team');
    expect(stem('bugs')).toBe('bug');
    expect(stem('process')).toBe('proces');
  });

  it('leaves short words alone', () => {
    expect(stem('is')).toBe('is');
    expect(stem('gas')).toBe('gas');
    expect(stem('red')).toBe('red');
  });
});
