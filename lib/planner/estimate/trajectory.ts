import type { HistoryStep, TaskOutcome } from '../../schema/state.js';
import { clamp, logit } from '../rasch.js';
import { weightedLeastSquares, type Fit, type Prior, type Row } from './least-squares.js';

/**
 * One mode's ability trajectory, fitted to the steps a trainer recorded. The model is Rasch with an unknown slope:
 * the empirical logit of step t's solve rate is K·(θ_t − d_t), and each task the mode trained on raised K·θ by a
 * rate that is a smooth function of the success u the task was trained at (u on the logit scale, relative to the
 * reference target). Written as a linear model,
 *
 *   logit(s_t) = α − K·d_t + β·τ_t + γ₁·Σ_{s<t} n_s·u_s + γ₂·Σ_{s<t} n_s·u_s²
 *
 * with τ_t the mode's tasks before step t and n_s step s's tasks, so β is the rate at the reference target and
 * γ₁, γ₂ the shape of the gain curve around it. The slope K is identified by the spread of difficulties the loop
 * produces (each plan's difficulty carries the last estimate's noise, and a target change moves it by logit(p*)/K
 * at an unchanged ability), so the ability does not jump when the target changes and a learner's true slope far
 * from the tunable one is measured rather than assumed. One curve, not a rate per target: every step informs
 * every target's gain, so a probe at 0.65 also says which way 0.8 lies.
 */
export interface TrajectoryFit {
  /** Ability after the last step (its tasks' learning included), on the planner's difficulty scale. */
  ability: number;
  /** Estimated Rasch slope K (logits per unit of difficulty). */
  slope: number;
  /** Ability gain per task at target success a minus at b, with its variance. */
  contrast(a: number, b: number): { mean: number; variance: number };
}

export interface TrajectoryOptions {
  /** The tunable slope: the prior mean of K and the scale of its bounds. */
  slope: number;
  /** The default target success: the gain curve is centred on it, and its prior says no target beats it. */
  reference: number;
  /** Per-task outcomes of the last step, when the trainer kept them. */
  lastOutcomes?: readonly TaskOutcome[];
}

/** The slope is a property of the learner, known only roughly: a prior of half its size either way. */
const SLOPE_PRIOR_SD = 0.5;
/** Fitted slopes are kept within this factor of the tunable one, so a degenerate window never flips the model. */
const SLOPE_RANGE = 4;
/**
 * Prior sd of the gain curve's shape, as multiples of the common rate β: for gain ∝ p^a(1−p)^c with a, c in
 * 0.5–3.5 the log-gain's slope in logit(p) at p = 0.5 is (a − c)/2, within ±1.5, and its curvature term within ±0.5.
 */
const SHAPE_PRIOR = [1, 0.5] as const;
/**
 * A plan clamps a difficulty to [0, 1]; a step whose mean difficulty sits this near an end may have been far from
 * its target, so its own fitted success stands in for the target it echoes.
 */
const EDGE = 0.05;
/** Successes steps are credited at are bounded (logits from the default): the curve is not believed beyond them. */
const U_RANGE = 3;

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

/** Tasks before each step (index history.length is "after the last step") and their sums of u and u². */
function cumulative(history: readonly HistoryStep[], u: readonly number[]): number[][] {
  const before = [[0, 0, 0]];
  history.forEach((h, i) => {
    const [n, su, su2] = before[i]!;
    before.push([n! + h.tasks, su! + h.tasks * u[i]!, su2! + h.tasks * u[i]! ** 2]);
  });
  return before;
}

const predict = (x: readonly number[], coef: readonly number[]): number => x.reduce((s, v, j) => s + v * coef[j]!, 0);

/** Fits the trajectory of one mode's history (oldest first); undefined when no step has a rollout. */
export function fitTrajectory(history: readonly HistoryStep[], opts: TrajectoryOptions): TrajectoryFit | undefined {
  const measured = points(history, opts.lastOutcomes);
  if (measured.length === 0) return undefined;
  const centre = logit(opts.reference);
  const bounded = (u: number) => clamp(u, -U_RANGE, U_RANGE);
  const uOf = (success: number) => bounded(logit(clamp(success, 0.01, 0.99)) - centre);
  const requested = history.map((h) => uOf(h.target_success));
  const responses = measured.map((p) => empiricalLogit(p.successes, p.trials));
  const slopePrior: Prior = { index: 1, mean: opts.slope, sd: SLOPE_PRIOR_SD * opts.slope };
  const solve = (before: readonly (readonly number[])[], shapeSd: readonly [number, number]): Fit => {
    // Features: [1, −d, τ, Σn·u, Σn·u²]; K is coefficient 1.
    const rows: Row[] = measured.map((p, i) => ({ x: [1, -p.difficulty, ...before[p.step]!], y: responses[i]!.y, w: 1 / responses[i]!.variance }));
    return weightedLeastSquares(rows, 5, [slopePrior, { index: 3, mean: 0, sd: shapeSd[0] }, { index: 4, mean: 0, sd: shapeSd[1] }]);
  };
  // First the common rate alone: it scales the prior on the curve's shape (empirical Bayes), and its fitted
  // success at each step stands in for the target of a step the plan clamped.
  const commonBefore = cumulative(history, requested);
  const common = solve(commonBefore, [1e-6, 1e-6]);
  const credited = history.map((h, i) => {
    if (h.difficulty > EDGE && h.difficulty < 1 - EDGE) return requested[i]!;
    return bounded(predict([1, -h.difficulty, ...commonBefore[i]!], common.coef) - centre);
  });
  const rate = Math.max(Math.abs(common.coef[2]!), Number.EPSILON);
  const before = cumulative(history, credited);
  const fit = solve(before, [SHAPE_PRIOR[0] * rate, SHAPE_PRIOR[1] * rate]);

  const slope = Math.min(SLOPE_RANGE * opts.slope, Math.max(opts.slope / SLOPE_RANGE, fit.coef[1]!));
  // With d = 0 the linear predictor is K·θ: the ability after the last step.
  const ability = predict([1, 0, ...before[history.length]!], fit.coef) / slope;
  // Extreme or degenerate histories (every rate 0 or 1, one difficulty throughout) can leave nothing believable.
  if (!Number.isFinite(ability) || !Number.isFinite(slope)) return undefined;
  return {
    ability,
    slope,
    contrast(a, b) {
      const [ua, ub] = [uOf(a), uOf(b)];
      const v = [ua - ub, ua ** 2 - ub ** 2];
      const variance = v.reduce((s, vi, i) => s + v.reduce((t, vj, j) => t + vi * vj * fit.cov[3 + i]![3 + j]!, 0), 0);
      return { mean: (fit.coef[3]! * v[0]! + fit.coef[4]! * v[1]!) / slope, variance: variance / slope ** 2 };
    },
  };
}
