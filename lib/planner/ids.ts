import type { Rng } from '../random/rng.js';

/** A plan id in UUID form, from the plan's own random stream (so a replayed seed gives the same id). */
export function planId(rng: Rng): string {
  let hex = '';
  for (let i = 0; i < 4; i++) hex += rng.int(0, 0xffffffff).toString(16).padStart(8, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The id of the i-th task generated for a plan (placed or not, so ids stay put when capacity changes). */
export const taskId = (plan: string, i: number): string => `${plan.slice(0, 8)}-${String(i).padStart(4, '0')}`;
