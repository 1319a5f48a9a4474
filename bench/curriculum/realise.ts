import type { TaskGenerator } from '../../lib/planner/index.js';
import { createRng, type Rng } from '../../lib/random/index.js';
import { MODES, type Mode } from '../../lib/schema/index.js';

/** Requested difficulties are bucketed to 0.01; each bucket keeps this many real generated tasks' difficulties. */
const BUCKETS = 100;
const POOL = 16;

export type Realise = (mode: Mode, difficulty: number, rng: Rng) => number;

/**
 * The measured difficulty of a task the real generator makes for a requested one, drawn from a pool of real
 * generated tasks per 0.01 bucket: baselines train on the generator's true difficulty spread without paying
 * for hundreds of thousands of generations (the planner itself always generates through makePlan).
 */
export function createRealiser(generate: TaskGenerator): Realise {
  const pools = new Map<string, number[]>();
  return (mode, difficulty, rng) => {
    const bucket = Math.round(Math.min(1, Math.max(0, difficulty)) * BUCKETS);
    const key = `${mode}:${bucket}`;
    let pool = pools.get(key);
    if (!pool) {
      const source = createRng(bucket * MODES.length + MODES.indexOf(mode));
      pool = Array.from({ length: POOL }, () => generate(mode, bucket / BUCKETS, source.fork()).difficulty);
      pools.set(key, pool);
    }
    return pool[rng.int(0, POOL - 1)]!;
  };
}
