import type { Tunables } from '../config/tunables.js';
import type { ProgressPoint } from '../schema/state.js';

/** Target-success bins the bandit chooses among: 0.5 (peak of p(1-p)) up to the 85% some learners prefer. */
export const TARGET_BINS = [0.5, 0.65, 0.75, 0.85] as const;
/** Steps of history a bin needs before its mean gain is trusted over the default. */
const MIN_PULLS = 2;
/** Recent steps matter more: a learner's best target drifts as it improves. */
const DECAY = 0.9;

export interface TargetChoice {
  target: number;
  reason: string;
}

const nearestBin = (p: number): number =>
  TARGET_BINS.reduce((best, b) => (Math.abs(b - p) < Math.abs(best - p) ? b : best), TARGET_BINS[0]);

/**
 * Learning-progress bandit over target-success bins (as SEC/TSCL pick categories): each bin is scored by the
 * decayed mean ability gain of the steps that used it; a bin with too little history is tried next, in order,
 * so the choice rests on evidence. Without history the tunable default stands.
 */
export function chooseTarget(progress: readonly ProgressPoint[], t: Tunables): TargetChoice {
  if (!t.adaptiveTarget || progress.length === 0) {
    return { target: t.targetSuccess, reason: `default target success ${t.targetSuccess}` };
  }
  const stats = new Map<number, { weight: number; gain: number; pulls: number }>(
    TARGET_BINS.map((b) => [b, { weight: 0, gain: 0, pulls: 0 }]),
  );
  progress.forEach((point, i) => {
    const s = stats.get(nearestBin(point.target_success));
    if (!s) return;
    const w = DECAY ** (progress.length - 1 - i);
    s.weight += w;
    s.gain += w * point.ability_gain;
    s.pulls += 1;
  });
  const untried = TARGET_BINS.find((b) => (stats.get(b)?.pulls ?? 0) < MIN_PULLS);
  if (untried !== undefined) {
    return { target: untried, reason: `exploring target success ${untried} (fewer than ${MIN_PULLS} steps of evidence)` };
  }
  let best: number = TARGET_BINS[0];
  let bestGain = -Infinity;
  for (const [bin, s] of stats) {
    const mean = s.gain / s.weight;
    if (mean > bestGain) [best, bestGain] = [bin, mean];
  }
  return { target: best, reason: `target success ${best}: highest recent ability gain (${bestGain.toFixed(4)} per step)` };
}
