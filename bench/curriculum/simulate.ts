import type { TaskGenerator } from '../../lib/planner/index.js';
import { createRng, type Rng } from '../../lib/random/index.js';
import { DEFAULT_TUNABLES } from '../../lib/config/index.js';
import type { ProgressPoint } from '../../lib/schema/index.js';
import { MODES, type Mode } from '../../lib/schema/index.js';
import { binomial, Learner, ROLLOUTS, START, successProbability, TARGET_ABILITY, type Family } from './learner.js';
import type { Realise } from './realise.js';
import type { Observed, StepView, Strategy } from './strategies.js';

/** Recent steps a trainer keeps per mode and sends as `progress`. */
export const PROGRESS_WINDOW = 32;
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
 * Before the first step the trainer has measured each mode once (as AZR's seeding stage does): 8 tasks per mode
 * at the base difficulty, 8 rollouts each. Nobody learns from it; every strategy sees it.
 */
function initialEvaluation(learner: Learner, realise: Realise, rng: Rng): StepView['observed'] {
  const observed: StepView['observed'] = {};
  for (const mode of MODES) {
    const o = { successes: 0, trials: 0, meanDifficulty: 0 };
    for (let i = 0; i < EVAL_TASKS; i++) {
      const difficulty = realise(mode, DEFAULT_TUNABLES.baseDifficulty, rng);
      o.successes += binomial(ROLLOUTS, successProbability(learner.ability[mode], difficulty), rng);
      o.trials += ROLLOUTS;
      o.meanDifficulty += difficulty / EVAL_TASKS;
    }
    observed[mode] = o;
  }
  return observed;
}

/**
 * One training run: each step the strategy picks tasks, the learner attempts each 8 times (Binomial(8, p)) and
 * learns from it by its family's gain; the step's solve rates, mean difficulties, sample counts and ability
 * gains are what the strategy sees next. The ability gain fed back is the true one, as a perfect evaluation
 * would measure it, unless `gainNoise` blurs it (the planner sees abilities only through the Binomial rates).
 */
export interface RunOptions {
  seed: number;
  horizon: number;
  generate: TaskGenerator;
  realise: Realise;
  /** SD of Gaussian noise on the ability gain fed back, as a finite evaluation would add; 0 = a perfect one. */
  gainNoise?: number;
}

/** Standard normal draw (Box-Muller) from the run's own stream. */
const gaussian = (rng: Rng): number => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());

export function simulate(strategy: Strategy, family: Family, { seed, horizon, generate, realise, gainNoise = 0 }: RunOptions): RunResult {
  const rng = createRng(seed);
  const learner = new Learner(family);
  const choose = strategy.start({ rng, learner, generate, realise });
  const view: StepView = { observed: initialEvaluation(learner, realise, rng), progress: { deduction: [], abduction: [], induction: [] } };
  const curve: number[] = [];
  for (let step = 1; step <= horizon; step++) {
    const choice = choose(view);
    const seen: Partial<Record<Mode, Observed & { difficultySum: number }>> = {};
    const gain: Record<Mode, number> = { deduction: 0, abduction: 0, induction: 0 };
    for (const task of choice.tasks) {
      const p = successProbability(learner.ability[task.mode], task.difficulty);
      const o = (seen[task.mode] ??= { successes: 0, trials: 0, meanDifficulty: 0, difficultySum: 0 });
      o.successes += binomial(ROLLOUTS, p, rng);
      o.trials += ROLLOUTS;
      o.difficultySum += task.difficulty;
      gain[task.mode] += family.gain(p);
    }
    for (const mode of MODES) {
      learner.ability[mode] += gain[mode];
      const o = seen[mode];
      if (o) view.observed[mode] = { successes: o.successes, trials: o.trials, meanDifficulty: o.difficultySum / (o.trials / ROLLOUTS) };
      const target = choice.targets[mode];
      if (target !== undefined) {
        const measured = gain[mode] + (gainNoise > 0 ? gainNoise * gaussian(rng) : 0);
        const point: ProgressPoint = { target_success: target, ability_gain: measured, tasks: o ? o.trials / ROLLOUTS : 0 };
        const history = [...view.progress[mode], point];
        view.progress[mode] = history.slice(-PROGRESS_WINDOW);
      }
    }
    curve.push(progressFraction(learner));
    if (learner.reached()) {
      // Training is done: the curve stays at the target for the rest of the horizon.
      while (curve.length < horizon) curve.push(1);
      return { steps: step, curve };
    }
  }
  return { steps: undefined, curve };
}
