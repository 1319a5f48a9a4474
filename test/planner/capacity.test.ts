import { describe, expect, it } from 'vitest';
import { DEFAULT_TUNABLES } from '../../lib/config/index.js';
import { minimumStep, poolCapacity, stepCapacity } from '../../lib/planner/capacity.js';
import { normalise } from '../../lib/planner/index.js';

const t = DEFAULT_TUNABLES;

describe('capacity step', () => {
  it('free units × tasks per unit less headroom, floored without float slips', () => {
    expect(poolCapacity('alpha', { freeUnits: 4, totalUnits: 8, freeFraction: 0.5 }, t)).toBe(Math.floor(4 * t.alphaTasksPerUnit * 0.9));
    // 0.1 * 30 is 2.9999999999999996 in floating point: still 3 tasks.
    expect(poolCapacity('beta', { freeUnits: 30, totalUnits: 30, freeFraction: 1 }, { ...t, headroomFraction: 0.9 })).toBe(3);
    expect(poolCapacity('alpha', { freeUnits: undefined, totalUnits: 8, freeFraction: undefined }, t)).toBe(t.fallbackCapacity);
    expect(poolCapacity('alpha', { freeUnits: 1e308, totalUnits: 1e308, freeFraction: 1 }, t)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('the step is the pools summed, capped by the smaller of the tunable and the request', () => {
    const c = stepCapacity(normalise({ alpha_free: 1, beta_free: 1, max_tasks: 10 }, t), t);
    expect(c.pools).toEqual({ alpha: 14, beta: 28 });
    expect(c.total).toBe(10);
    expect(stepCapacity(normalise({ alpha_free: 0.25, beta_free: 0 }, t), t).total).toBe(3);
  });

  it('a step is at least one task, whatever minTasks says', () => {
    expect(minimumStep({ ...t, minTasks: 0 })).toBe(1);
    expect(minimumStep({ ...t, minTasks: 5 })).toBe(5);
  });
});
