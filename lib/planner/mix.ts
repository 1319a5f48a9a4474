import type { Tunables } from '../config/tunables.js';

/**
 * Splits `total` integer tasks among weighted items: each gets `floor` first (while the total allows, the
 * neediest first), the rest goes by weight with the largest-remainder method. Ties break by input order.
 */
export function apportion(weights: readonly number[], total: number, floor: number): number[] {
  const counts = weights.map(() => 0);
  const byNeed = weights.map((w, i) => ({ w, i })).sort((a, b) => b.w - a.w || a.i - b.i);
  let left = total;
  for (let round = 0; round < floor; round++) {
    for (const { i } of byNeed) {
      if (left === 0) return counts;
      counts[i]! += 1;
      left -= 1;
    }
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  if (left === 0 || sum <= 0) return counts;
  const quotas = weights.map((w) => (w / sum) * left);
  const base = quotas.map(Math.floor);
  base.forEach((b, i) => (counts[i]! += b));
  let rest = left - base.reduce((a, b) => a + b, 0);
  const order = quotas.map((q, i) => ({ r: q - Math.floor(q), i })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (rest === 0) break;
    counts[i]! += 1;
    rest -= 1;
  }
  return counts;
}

/** Lower ability => more tasks: weights fall off exponentially with the ability gap to the weakest mode. */
export function mixCounts(abilities: readonly number[], total: number, t: Tunables): number[] {
  const weakest = Math.min(...abilities);
  const weights = abilities.map((a) => Math.exp((-t.raschSlope / 2) * (a - weakest)));
  return apportion(weights, total, t.diversityFloor);
}
