import { describe, expect, it } from 'vitest';
import { DEFAULT_TUNABLES } from '../../lib/config/index.js';
import { priority, urgency, WAIT_PRIORITY } from '../../lib/planner/priority.js';

const t = DEFAULT_TUNABLES;

describe('priority step', () => {
  it('headroom sets the base: 2 when both pools are busy, 10 when both are idle', () => {
    expect(priority([0, 0], 0, t).value).toBe(2);
    expect(priority([1, 1], 0, t).value).toBe(10);
    expect(priority([undefined, undefined], 0, t).value).toBe(2);
  });

  it('urgency is the worst distance from target, relative to the room on that side, and adds up to urgencyWeight', () => {
    expect(urgency([])).toBe(0);
    expect(urgency([{ success: 0.5, target: 0.5 }])).toBe(0);
    expect(urgency([{ success: 0, target: 0.5 }, { success: 0.6, target: 0.5 }])).toBe(1);
    expect(urgency([{ success: 1, target: 0.75 }])).toBeCloseTo(1 / 3, 12);
    expect(priority([0, 0], 1, t).value).toBe(2 + t.urgencyWeight);
  });

  it('a wait is below every runnable step', () => {
    expect(WAIT_PRIORITY).toBeLessThan(priority([0, 0], 0, t).value);
  });
});
