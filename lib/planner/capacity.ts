import { tasksPerUnitKey, type Tunables } from '../config/tunables.js';
import { perPool, POOLS, type Pool } from '../schema/pool.js';
import type { NormalisedState, PoolView } from './normalise.js';

// Guards floor() against 0.1 * 30 = 2.9999999999999996.
const FLOOR_SLACK = 1e-9;

/** Tasks a pool can take this step: free units × tasks per unit, less the reserved headroom. */
export function poolCapacity(name: Pool, view: PoolView, t: Tunables): number {
  if (view.freeUnits === undefined) return t.fallbackCapacity;
  const capacity = Math.floor(view.freeUnits * t[tasksPerUnitKey(name)] * (1 - t.headroomFraction) + FLOOR_SLACK);
  // Astronomical pool sizes (1e308 units) overflow to Infinity, which JSON cannot carry.
  return Math.min(Math.max(0, capacity), Number.MAX_SAFE_INTEGER);
}

export interface StepCapacity {
  pools: Record<Pool, number>;
  /** Tasks the step has room for: the pools' sum, capped by maxTasks. */
  total: number;
  maxTasks: number;
}

/** Tasks the step has room for: each pool's capacity, their sum capped by the state's max_tasks. */
export function stepCapacity(n: NormalisedState, t: Tunables): StepCapacity {
  const pools = perPool((p) => poolCapacity(p, n.pools[p], t));
  const sum = POOLS.reduce((s, p) => s + pools[p], 0);
  return { pools, total: Math.min(sum, n.maxTasks), maxTasks: n.maxTasks };
}

/** The smallest step worth running: below it the plan waits. */
export const minimumStep = (t: Tunables): number => Math.max(1, t.minTasks);
