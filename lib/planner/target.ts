import type { Tunables } from '../config/tunables.js';
import type { ProgressPoint } from '../schema/state.js';
import type { ModeView } from './normalise.js';
import { clamp, difficultyFor } from './rasch.js';

/** Target-success bins the bandit chooses among: 0.5 (peak of p(1-p)) up to the 85% some learners prefer. */
export const TARGET_BINS = [0.5, 0.65, 0.75, 0.85] as const;
/** Recent steps matter more: a learner's best target drifts as it improves. */
const DECAY = 0.9;

export interface TargetChoice {
  target: number;
  reason: string;
}

interface BinEvidence {
  bin: number;
  /** Steps in the history that used this bin. */
  pulls: number;
  /** Decayed mean ability gain per task (per step when the history does not say how many tasks). */
  gain: number;
}

const nearestIndex = (p: number): number =>
  TARGET_BINS.reduce((best, b, i) => (Math.abs(b - p) < Math.abs((TARGET_BINS[best] ?? 0) - p) ? i : best), 0);

function evidence(progress: readonly ProgressPoint[]): BinEvidence[] {
  const sums = TARGET_BINS.map((bin) => ({ bin, pulls: 0, weight: 0, gain: 0 }));
  progress.forEach((point, i) => {
    // A step with no task of the mode taught it nothing about the target.
    if (point.tasks === 0) return;
    const s = sums[nearestIndex(point.target_success)];
    if (!s) return;
    const w = DECAY ** (progress.length - 1 - i);
    s.pulls += 1;
    s.weight += w;
    s.gain += (w * point.ability_gain) / (point.tasks ?? 1);
  });
  return sums.map((s) => ({ bin: s.bin, pulls: s.pulls, gain: s.pulls > 0 ? s.gain / s.weight : Number.NaN }));
}

/**
 * Learning-progress bandit over target-success bins (as SEC/TSCL pick categories), searching locally: the bins
 * are ordered and the gain curve of a learner rises to one peak and falls, so the best bin with evidence is
 * kept and only its untried neighbours are explored, one step each (first upward). Distant bins, which a
 * learner's peak makes costly, are reached only through better neighbours. Bins whose evidence has left the
 * history are retried the same way, so a drifting peak is followed. Gains are compared per task, so a step
 * that gave the mode more tasks does not look better for it. Without history the tunable default stands.
 */
export function chooseTarget(progress: readonly ProgressPoint[], t: Tunables): TargetChoice {
  if (!t.adaptiveTarget || progress.length === 0) {
    return { target: t.targetSuccess, reason: `default target success ${t.targetSuccess}` };
  }
  const bins = evidence(progress);
  const start = nearestIndex(t.targetSuccess);
  let best = -1;
  bins.forEach((b, i) => {
    const incumbent = bins[best];
    const closer = incumbent !== undefined && b.gain === incumbent.gain && Math.abs(i - start) < Math.abs(best - start);
    if (b.pulls > 0 && (incumbent === undefined || b.gain > incumbent.gain || closer)) best = i;
  });
  if (best < 0) return { target: t.targetSuccess, reason: `default target success ${t.targetSuccess} (no step of evidence)` };
  const incumbent = bins[best]!;
  const untried = [bins[best + 1], bins[best - 1]].find((b) => b !== undefined && b.pulls === 0);
  if (untried) {
    return {
      target: untried.bin,
      reason: `exploring target success ${untried.bin} next to the best so far (${incumbent.bin}: ${incumbent.gain.toPrecision(3)} ability per task)`,
    };
  }
  return {
    target: incumbent.bin,
    reason: `target success ${incumbent.bin}: highest recent ability gain (${incumbent.gain.toPrecision(3)} per task over ${incumbent.pulls} steps)`,
  };
}

export interface Target extends TargetChoice {
  /** The difficulty b* at which the mode's ability meets the target success, in 0..1. */
  difficulty: number;
}

/** The mode's target success (the bandit's choice) and the difficulty that gives it at this ability. */
export function targetFor(view: ModeView, ability: number, t: Tunables): Target {
  const choice = chooseTarget(view.progress, t);
  return { ...choice, difficulty: clamp(difficultyFor(ability, choice.target, t.raschSlope), 0, 1) };
}
