import type { HistoryStep, TaskOutcome } from '../../schema/state.js';
import { weightedLeastSquares, type Fit, type Prior, type Row } from './least-squares.js';

/**
 * One mode's ability trajectory, fitted to the steps a trainer recorded. The model is Rasch with an unknown slope:
 * the empirical logit of step t's solve rate is K·(θ_t − d_t), and the ability θ_t grows by a rate per task that
 * may differ with the target the step was trained at. Written as a linear model,
 *
 *   logit(s_t) = α − K·d_t + β·τ_t + Σ_b δ_b·τ_{b,t}
 *
 * with τ_t the mode's tasks before step t (τ_{b,t} those trained at target bin b), the slope K is identified by
 * the spread of difficulties the loop produces (each plan's difficulty carries the last estimate's noise, and a
 * target change moves it by logit(p*)/K at an unchanged ability), so the ability does not jump when the target
 * changes and a learner's true slope far from the tunable one is measured rather than assumed.
 */
export interface TrajectoryFit {
  /** Ability after the last step (its tasks' learning included), on the planner's difficulty scale. */
  ability: number;
  /** Estimated Rasch slope K (logits per unit of difficulty). */
  slope: number;
  /** Steps of evidence per target bin in the fitted window. */
  steps: ReadonlyMap<number, number>;
  /** Ability gain per task of bin a minus bin b, with its variance; undefined when either bin has no step. */
  contrast(a: number, b: number): { mean: number; variance: number } | undefined;
}

export interface TrajectoryOptions {
  /** The tunable slope: the prior mean of K and the scale of its bounds. */
  slope: number;
  /** Bin of an echoed target (targets are compared in bins). */
  bin: (target: number) => number;
  /** Per-task outcomes of the last step, when the trainer kept them. */
  lastOutcomes?: readonly TaskOutcome[];
}

/** The slope is a property of the learner, known only roughly: a prior of half its size either way. */
const SLOPE_PRIOR_SD = 0.5;
/** Fitted slopes are kept within this factor of the tunable one, so a degenerate window never flips the model. */
const SLOPE_RANGE = 4;
/** Target bins are believed to differ by about half the common rate: shrinks contrasts that the data barely show. */
const CONTRAST_PRIOR = 1;

/** Empirical logit of k successes in n trials (the ½ correction keeps 0 and n finite) and its variance. */
function empiricalLogit(successes: number, trials: number): { y: number; variance: number } {
  const s = successes + 0.5;
  const f = trials - successes + 0.5;
  return { y: Math.log(s / f), variance: 1 / s + 1 / f };
}

interface Point {
  difficulty: number;
  successes: number;
  trials: number;
  /** Index of the step the point was measured in. */
  step: number;
}

/** The steps as measured points; the last step's per-task outcomes, when given, become two points (its easier and harder half). */
function points(history: readonly HistoryStep[], lastOutcomes: readonly TaskOutcome[] | undefined): Point[] {
  const all = history.map((h, step) => ({ difficulty: h.difficulty, successes: h.success_rate * h.rollouts, trials: h.rollouts, step }));
  const tried = (lastOutcomes ?? []).filter((o) => o.trials > 0);
  if (tried.length < 2 || history.length === 0) return all.filter((p) => p.trials > 0);
  const sorted = [...tried].sort((a, b) => a.difficulty - b.difficulty);
  const half = Math.floor(sorted.length / 2);
  const group = (os: readonly TaskOutcome[]): Point => {
    const trials = os.reduce((s, o) => s + o.trials, 0);
    return {
      difficulty: os.reduce((s, o) => s + o.difficulty * o.trials, 0) / trials,
      successes: os.reduce((s, o) => s + o.successes, 0),
      trials,
      step: history.length - 1,
    };
  };
  return [...all.slice(0, -1), group(sorted.slice(0, half)), group(sorted.slice(half))].filter((p) => p.trials > 0);
}

/** Fits the trajectory of one mode's history (oldest first); undefined when no step has a rollout. */
export function fitTrajectory(history: readonly HistoryStep[], opts: TrajectoryOptions): TrajectoryFit | undefined {
  const measured = points(history, opts.lastOutcomes);
  if (measured.length === 0) return undefined;
  const binOf = (h: HistoryStep) => opts.bin(h.target_success);
  const bins = [...new Set(history.map(binOf))].sort((a, b) => a - b);
  // Tasks before each step, in total and per bin; index history.length is "after the last step".
  const before = [{ total: 0, byBin: bins.map(() => 0) }];
  history.forEach((h, i) => {
    const prev = before[i]!;
    const b = bins.indexOf(binOf(h));
    before.push({ total: prev.total + h.tasks, byBin: prev.byBin.map((v, j) => v + (j === b ? h.tasks : 0)) });
  });
  // Features: [1, −d, τ, τ_b…]; K is coefficient 1. (A curvature term in τ was tried for distorted scales: it is
  // confounded with a rate change at a target switch and halved the contrasts' power.)
  const features = (step: number, difficulty: number): number[] => {
    const at = before[step]!;
    return [1, -difficulty, at.total, ...at.byBin];
  };
  const size = 3 + bins.length;
  const rows: Row[] = measured.map((p) => {
    const e = empiricalLogit(p.successes, p.trials);
    return { x: features(p.step, p.difficulty), y: e.y, w: 1 / e.variance };
  });
  const slopePrior: Prior = { index: 1, mean: opts.slope, sd: SLOPE_PRIOR_SD * opts.slope };
  // First the common rate alone, to scale the prior on how much bins differ (empirical Bayes).
  const common = weightedLeastSquares(rows, size, [slopePrior, ...bins.map((_, j) => ({ index: 3 + j, mean: 0, sd: 1e-6 }))]);
  const spread = Math.max(CONTRAST_PRIOR * Math.abs(common.coef[2]!), Number.EPSILON);
  const fit: Fit = weightedLeastSquares(rows, size, [slopePrior, ...bins.map((_, j) => ({ index: 3 + j, mean: 0, sd: spread }))]);

  const slope = Math.min(SLOPE_RANGE * opts.slope, Math.max(opts.slope / SLOPE_RANGE, fit.coef[1]!));
  const end = features(history.length, 0);
  // With d = 0 the linear predictor is K·θ: the ability after the last step.
  const ability = end.reduce((s, v, j) => s + v * fit.coef[j]!, 0) / slope;
  // Extreme or degenerate histories (every rate 0 or 1, one difficulty throughout) can leave nothing believable.
  if (!Number.isFinite(ability) || !Number.isFinite(slope)) return undefined;
  const steps = new Map(bins.map((b) => [b, history.filter((h) => binOf(h) === b).length]));
  return {
    ability,
    slope,
    steps,
    contrast(a, b) {
      const i = bins.indexOf(a);
      const j = bins.indexOf(b);
      if (i < 0 || j < 0) return undefined;
      if (i === j) return { mean: 0, variance: 0 };
      const [ci, cj] = [3 + i, 3 + j];
      const variance = fit.cov[ci]![ci]! + fit.cov[cj]![cj]! - 2 * fit.cov[ci]![cj]!;
      return { mean: (fit.coef[ci]! - fit.coef[cj]!) / slope, variance: variance / slope ** 2 };
    },
  };
}
