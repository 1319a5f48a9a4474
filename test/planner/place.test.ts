import { describe, expect, it } from 'vitest';
import type { Generated } from '../../lib/planner/generate.js';
import { assignPools, place } from '../../lib/planner/place.js';

const body = { mode: 'deduction' as const, payload: { program: 'def f(n):\n    return n', input: '1' }, answer: { output: '1' } };
const task = (weight: number): Generated<{ mode: 'deduction'; difficulty: number; count: number; ability: number; slope: number }> => ({
  order: { mode: 'deduction', difficulty: 0.5, count: 1, ability: 0.5, slope: 6 },
  body,
  difficulty: 0.5,
  weight,
  description: 'deduction: arith, depth 1',
});

describe('place step', () => {
  it('the heaviest tasks go to alpha while it has room, then beta; the rest is left out', () => {
    expect(assignPools([1, 3, 2, 0.5], { alpha: 1, beta: 2 })).toEqual(['beta', 'alpha', 'beta', undefined]);
    expect(assignPools([1, 1], { alpha: 0, beta: 0 })).toEqual([undefined, undefined]);
  });

  it('shapes each placed task in wire order, numbering ids by generated position', () => {
    const { tasks, placed } = place([task(1), task(2), task(0.5)], { alpha: 1, beta: 1 }, 'abcdef01-2345');
    expect(placed).toEqual({ alpha: 1, beta: 1 });
    expect(tasks.map((x) => [x.task_id, x.resource])).toEqual([
      ['abcdef01-0000', 'beta'],
      ['abcdef01-0001', 'alpha'],
    ]);
    expect(Object.keys(tasks[0]!)).toEqual(['task_id', 'mode', 'difficulty', 'expected_success', 'resource', 'weight', 'description', 'payload', 'answer']);
    expect(tasks[0]!.expected_success).toBe(0.5);
  });
});
