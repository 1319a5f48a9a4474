import type { Tunables } from '../config/tunables.js';
import type { Pool } from '../schema/plan.js';
import type { PoolView } from './normalise.js';

// Guards floor() against 0.1 * 30 = 2.9999999999999996.
const FLOOR_SLACK = 1e-9;

/** Tasks a pool can take this step: free units × tasks per unit, less the reserved headroom. */
export function poolCapacity(name: Pool, view: PoolView, t: Tunables): number {
  if (view.freeUnits === undefined) return t.fallbackCapacity;
  const perUnit = name === 'alpha' ? t.alphaTasksPerUnit : t.betaTasksPerUnit;
  const capacity = Math.floor(view.freeUnits * perUnit * (1 - t.headroomFraction) + FLOOR_SLACK);
  // Astronomical pool sizes (1e308 units) overflow to Infinity, which JSON cannot carry.
  return Math.min(Math.max(0, capacity), Number.MAX_SAFE_INTEGER);
}
