import type { Rng } from '../random/rng.js';

/**
 * The plan id used to be four draws from the plan's seeded stream; it is now a random UUID the edge draws
 * (PlanInputs.planId). The draws are still taken, so every seed keeps giving the tasks it gave before: a plan
 * published earlier replays from its seed.
 */
export function skipFormerPlanIdDraws(rng: Rng): void {
  for (let i = 0; i < 4; i++) rng.int(0, 0xffffffff);
}

/** The id of the i-th task generated for a plan (placed or not, so ids stay put when capacity changes). */
export const taskId = (plan: string, i: number): string => `${plan}-${String(i).padStart(4, '0')}`;
