import { expect } from 'vitest';
import { POOLS } from '../../lib/schema/index.js';
import type { Plan } from '../../lib/schema/index.js';

/**
 * The allocation invariant of PLANNER.md §4: each pool's count is its tasks, never over its capacity, and the
 * step never over `maxTasks` (the smaller of the tunable and the request's cap).
 */
export function expectWithinAllocation(plan: Plan, maxTasks: number): void {
  const counts = { alpha: plan.allocation.alpha_tasks_count, beta: plan.allocation.beta_tasks_count };
  const capacities = { alpha: plan.allocation.alpha_capacity, beta: plan.allocation.beta_capacity };
  let placed = 0;
  for (const pool of POOLS) {
    const tasks = plan.tasks.filter((t) => t.resource === pool).length;
    expect(tasks, pool).toBe(counts[pool]);
    expect(tasks, pool).toBeLessThanOrEqual(capacities[pool]);
    placed += tasks;
  }
  expect(placed).toBe(plan.tasks.length);
  expect(placed).toBeLessThanOrEqual(maxTasks);
}
