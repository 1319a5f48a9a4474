import { describe, expect, it } from 'vitest';
import { DEFAULT_TUNABLES } from '../../lib/config/index.js';
import { apportion, mixCounts } from '../../lib/planner/mix.js';

describe('mix step', () => {
  it('apportions exactly the total, floor first, ties by input order', () => {
    expect(apportion([1, 1, 1], 7, 1)).toEqual([3, 2, 2]);
    expect(apportion([5, 1, 1], 2, 1)).toEqual([1, 1, 0]);
    expect(apportion([0, 0], 3, 0)).toEqual([0, 0]);
  });

  it('the weakest mode gets the most tasks, every mode its floor', () => {
    const counts = mixCounts([0.7, 0.5, 0.2], 21, DEFAULT_TUNABLES);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(21);
    expect(counts[2]).toBeGreaterThan(counts[1]!);
    expect(counts[1]).toBeGreaterThan(counts[0]!);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(DEFAULT_TUNABLES.diversityFloor);
  });
});
