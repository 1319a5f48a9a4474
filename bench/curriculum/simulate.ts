import type { TaskGenerator } from '../../lib/planner/index.js';
import { createRng, type Rng } from '../../lib/random/index.js';
import { DEFAULT_TUNABLES } from '../../lib/config/index.js';
import type { HistoryStep } from '../../lib/schema/index.js';
import { MODES, type Mode } from '../../lib/schema/index.js';
import { binomial, Learner, ROLLOUTS, START, TARGET_ABILITY, type Family } from './learner.js';
import type { Realise } from './realise.js';
import type { Observed, StepView, Strategy } from './strategies.js';

/**
 * Recent steps a trainer keeps per mode and sends as `history`: twice the estimator's window, so the policy's
 * replay of its past judgements sees the windows they had (the README's trainer loop sends as many).
 */
export const HISTORY_KEPT = 2 * DEFAULT_TUNABLES.historyWindow;
const EVAL_TASKS = 8;

export interface RunResult {
  /** Steps until every mode reached the target ability; undefined when the horizon ran out first. */
  steps: number | undefined;
  /** Per step, the fraction of the way from the start to the target, averaged over modes (each capped at 1). */
  curve: number[];
}

const startMean = MODES.reduce((s, m) => s + START[m], 0) / MODES.length;
function progressFraction(learner: Learner): number {
  const capped = MODES.reduce((s, m) => s + Math.min(TARGET_ABILITY, learner.ability[m]), 0) / MODES.length;
  return (capped - startMean) / (TARGET_ABILITY - startMean);
}

/**
 * What the trainer measures of a mode's tasks: successes over 8 rollouts each, or (`exact`, the labelled upper
 * bound) the expected successes, as infinitely many rollouts would give.
 */
function measure(chances: readonly number[], exact: boolean, rng: Rng): number {
  return chances.reduce((s, p) => s + (exact ? ROLLOUTS * p : binomial(ROLLOUTS, p, rng)), 0);
}

export interface RunOptions {
  seed: number;
  horizon: number;
  generate: TaskGenerator;
  realise: Realise;
  /** Feed back expected rather than sampled solve rates: the estimator without measurement noise (upper bound). */
  exact?: boolean;
}

/**
 * One training run. Before the first step the trainer measures each mode once (as AZR's seeding stage does): 8
 * tasks at the base difficulty, nobody learns from them, and the measurement opens each mode's history (0 tasks
 * trained). Each step the strategy picks tasks, the learner attempts each 8 times and learns from it by its
 * family's gain; the trainer records per mode what it can measure (mean difficulty, solve rate, rollouts, tasks,
 * the target the plan set) and never the gain.
 */
export function simulate(strategy: Strategy, family: Family, { seed, horizon, generate, realise, exact = false }: RunOptions): RunResult {
  const rng = createRng(seed);
  const learner = new Learner(family);
  const choose = strategy.start({ rng, learner, generate, realise });
  const view: StepView = { observed: {}, history: { deduction: [], abduction: [], induction: [] } };
  const record = (mode: Mode, difficulties: readonly number[]): Observed => {
    const chances = difficulties.map((d) => learner.solveChance(mode, d));
    return {
      successes: measure(chances, exact, rng),
      trials: ROLLOUTS * difficulties.length,
      meanDifficulty: difficulties.reduce((a, b) => a + b, 0) / Math.max(1, difficulties.length),
    };
  };
  const remember = (mode: Mode, step: HistoryStep) => (view.history[mode] = [...view.history[mode], step].slice(-HISTORY_KEPT));
  for (const mode of MODES) {
    const difficulties = Array.from({ length: EVAL_TASKS }, () => realise(mode, DEFAULT_TUNABLES.baseDifficulty, rng));
    const o = record(mode, difficulties);
    view.observed[mode] = o;
    remember(mode, { difficulty: o.meanDifficulty, success_rate: o.successes / o.trials, rollouts: o.trials, tasks: 0, target_success: DEFAULT_TUNABLES.targetSuccess });
  }
  const curve: number[] = [];
  for (let step = 1; step <= horizon; step++) {
    const choice = choose(view);
    const gain: Record<Mode, number> = { deduction: 0, abduction: 0, induction: 0 };
    for (const mode of MODES) {
      const difficulties = choice.tasks.filter((t) => t.mode === mode).map((t) => t.difficulty);
      for (const d of difficulties) gain[mode] += family.gain(learner.solveChance(mode, d));
      if (difficulties.length === 0) continue;
      const o = record(mode, difficulties);
      view.observed[mode] = o;
      const target = choice.targets[mode];
      if (target !== undefined) {
        remember(mode, { difficulty: o.meanDifficulty, success_rate: o.successes / o.trials, rollouts: o.trials, tasks: difficulties.length, target_success: target });
      }
    }
    for (const mode of MODES) learner.ability[mode] += gain[mode];
    curve.push(progressFraction(learner));
    if (learner.reached()) {
      // Training is done: the curve stays at the target for the rest of the horizon.
      while (curve.length < horizon) curve.push(1);
      return { steps: step, curve };
    }
  }
  return { steps: undefined, curve };
}
