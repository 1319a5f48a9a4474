import type { Allocation, PlannedTask } from '../schema/plan.js';
import { perPool, POOLS, type Pool } from '../schema/pool.js';
import { round3 } from '../schema/precision.js';
import type { Generated, TaskOrder } from './generate.js';
import { taskId } from './ids.js';
import { clamp, expectedSuccess } from './rasch.js';

/** Heavier tasks go to the first pool while it lasts, then the next; nothing beyond any capacity. */
export function assignPools(weights: readonly number[], capacity: Readonly<Record<Pool, number>>): (Pool | undefined)[] {
  const order = weights.map((w, i) => ({ w, i })).sort((a, b) => b.w - a.w || a.i - b.i);
  const pools: (Pool | undefined)[] = weights.map(() => undefined);
  const left = { ...capacity };
  for (const { i } of order) {
    const pool = POOLS.find((p) => left[p] > 0);
    if (pool === undefined) break;
    pools[i] = pool;
    left[pool] -= 1;
  }
  return pools;
}

/** The wire allocation: tasks placed and capacity per pool, and what was wanted but not placed. */
export function allocationOf(placed: Readonly<Record<Pool, number>>, capacity: Readonly<Record<Pool, number>>, deferred: number): Allocation {
  return {
    alpha_tasks_count: placed.alpha,
    beta_tasks_count: placed.beta,
    alpha_capacity: capacity.alpha,
    beta_capacity: capacity.beta,
    deferred,
  };
}

/**
 * Places generated tasks on the pools and shapes them for the wire; a task no pool has room for is left
 * out (the caller counts it deferred). Task ids number the generated tasks, placed or not.
 */
export function place<O extends TaskOrder & { ability: number; slope: number }>(
  generated: readonly Generated<O>[],
  capacity: Readonly<Record<Pool, number>>,
  plan: string,
): { tasks: PlannedTask[]; placed: Record<Pool, number> } {
  const pools = assignPools(generated.map((g) => g.weight), capacity);
  const tasks: PlannedTask[] = [];
  const placed = perPool(() => 0);
  generated.forEach((g, i) => {
    const resource = pools[i];
    if (resource === undefined) return;
    placed[resource] += 1;
    // The wire's field order puts `mode` second and the body's payload and answer last: `mode` is set first
    // and the body assigned over it (same value, position kept), so the task is typed by its body, no cast.
    const common = {
      task_id: taskId(plan, i),
      mode: g.body.mode,
      difficulty: round3(clamp(g.difficulty, 0, 1)),
      expected_success: round3(expectedSuccess(g.order.ability, g.difficulty, g.order.slope)),
      resource,
      weight: g.weight,
      description: g.description,
    };
    tasks.push(Object.assign(common, g.body));
  });
  return { tasks, placed };
}
