import { DEFAULT_TUNABLES, type Tunables } from '../../lib/config/index.js';
import { apportion } from '../../lib/planner/index.js';
import { makePlan, type TaskGenerator } from '../../lib/planner/index.js';
import type { Rng } from '../../lib/random/index.js';
import type { HistoryStep, PlannerState } from '../../lib/schema/index.js';
import { MODES, type Mode } from '../../lib/schema/index.js';
import type { Realise } from './realise.js';
import { binomial, difficultyOf, logit, ROLLOUTS, TARGET_ABILITY, type Learner } from './learner.js';

/** Tasks per step: 8 per mode on average, i.e. AZR's 64 solve rollouts per mode. */
export const STEP_TASKS = 24;

/** What the trainer measured on one mode's tasks of the last step. */
export interface Observed {
  successes: number;
  trials: number;
  meanDifficulty: number;
}

export interface StepView {
  observed: Partial<Record<Mode, Observed>>;
  /** Per mode, the steps the trainer recorded (what it sends as `history`), oldest first. */
  history: Record<Mode, HistoryStep[]>;
}

export interface Choice {
  /** Tasks with their measured (generated) difficulty. */
  tasks: { mode: Mode; difficulty: number }[];
  /** Target solve rate per mode, when the strategy has one (echoed back in the history). */
  targets: Partial<Record<Mode, number>>;
}

/** One simulated run's world: the rng, the learner (only the oracle may look) and real generated tasks. */
export interface World {
  rng: Rng;
  learner: Learner;
  generate: TaskGenerator;
  realise: Realise;
}

export type Chooser = (view: StepView) => Choice;
export interface Strategy {
  name: string;
  start(world: World): Chooser;
}

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));
/** Every strategy trains on tasks of the real generator's measured difficulty (see realise.ts). */
const realise = (world: World, mode: Mode, difficulty: number) => ({ mode, difficulty: world.realise(mode, difficulty, world.rng) });
const EVEN = apportion(MODES.map(() => 1), STEP_TASKS, 0);
const atDifficulties = (world: World, difficulty: (mode: Mode) => number): Choice['tasks'] =>
  MODES.flatMap((mode, i) => Array.from({ length: EVEN[i] ?? 0 }, () => realise(world, mode, difficulty(mode))));

/** The real /plan logic (makePlan) on the state a trainer would send: pools and each mode's recorded history. */
export const plannerWith = (tunables: Tunables): Strategy => ({
  name: 'planner',
  start: ({ rng, generate }) => (view) => {
    const performance: NonNullable<PlannerState['performance']> = {};
    for (const mode of MODES) if (view.history[mode].length > 0) performance[mode] = { history: view.history[mode] };
    const state: PlannerState = {
      resources: { alpha: { free_units: 8, total_units: 8 }, beta: { free_units: 32, total_units: 32 } },
      performance,
      max_tasks: STEP_TASKS,
    };
    const plan = makePlan(state, {
      tunables,
      seed: rng.int(0, 0x7fffffff),
      now: new Date(0),
      generate,
      sources: { resources: 'request', performance: 'request', tunables: 'default' },
    });
    return {
      tasks: plan.tasks.map((t) => ({ mode: t.mode, difficulty: t.difficulty })),
      targets: Object.fromEntries(plan.modes.map((m) => [m.mode, m.target_success])),
    };
  },
});
export const planner = plannerWith(DEFAULT_TUNABLES);

/** What the service answered before this planner: a fixed even mix at the base difficulty, whatever the state. */
export const fixedDummy: Strategy = {
  name: 'fixed dummy plan',
  start: (world) => () => ({ tasks: atDifficulties(world, () => DEFAULT_TUNABLES.baseDifficulty), targets: {} }),
};

export const uniformRandom: Strategy = {
  name: 'uniform random',
  start: (world) => () => ({
    tasks: Array.from({ length: STEP_TASKS }, () => realise(world, world.rng.pick(MODES), world.rng.next())),
    targets: {},
  }),
};

export const alwaysEasiest: Strategy = { name: 'always easiest', start: (world) => () => ({ tasks: atDifficulties(world, () => 0), targets: {} }) };
export const alwaysHardest: Strategy = { name: 'always hardest', start: (world) => () => ({ tasks: atDifficulties(world, () => 1), targets: {} }) };

/**
 * AZR's learnability rule: from random candidates (3 per slot), each with a solve rate observed over 8 rollouts,
 * keep those with the highest 1 - rate (0 when the rate is 0 or 1). The candidates' rollouts are free here.
 */
export const azrRule: Strategy = {
  name: 'AZR rule',
  start: (world) => () => {
    const { rng, learner } = world;
    const candidates = Array.from({ length: 3 * STEP_TASKS }, () => {
      const task = realise(world, rng.pick(MODES), rng.next());
      const solved = binomial(ROLLOUTS, learner.solveChance(task.mode, task.difficulty), rng) / ROLLOUTS;
      return { task, reward: solved > 0 && solved < 1 ? 1 - solved : 0, tie: rng.next() };
    });
    candidates.sort((a, b) => b.reward - a.reward || a.tie - b.tie);
    return { tasks: candidates.slice(0, STEP_TASKS).map((c) => c.task), targets: {} };
  },
};

/**
 * AdaRFT (Shi et al., 2025): a target difficulty per mode moved by eta * tanh(alpha * (success - 0.5)) after each
 * step, tasks drawn at the target. alpha 2 and beta 0.5 as in the paper; eta is given per variant (scanned).
 */
export function adaRft(eta: number, alpha = 2): Strategy {
  return {
    name: `AdaRFT (eta ${eta})`,
    start: (world) => {
      const target: Record<Mode, number> = { deduction: 0.5, abduction: 0.5, induction: 0.5 };
      return (view) => {
        for (const mode of MODES) {
          const seen = view.observed[mode];
          if (seen) target[mode] = clamp01(target[mode] + eta * Math.tanh(alpha * (seen.successes / seen.trials - 0.5)));
        }
        return { tasks: atDifficulties(world, (m) => target[m]), targets: {} };
      };
    },
  };
}

/**
 * Knows the true abilities, slope, difficulty scale and the family's best solve rate: every task at the difficulty
 * giving that rate, and tasks split in proportion to each mode's remaining distance, so all modes arrive together
 * (the fastest split).
 */
export function oracle(bestP: number, label: string): Strategy {
  return {
    name: `oracle (${label})`,
    start: (world) => () => {
      const { learner } = world;
      const remaining = MODES.map((m) => Math.max(0, TARGET_ABILITY - learner.ability[m]));
      const counts = apportion(remaining, STEP_TASKS, 0);
      const tasks = MODES.flatMap((mode, i) =>
        Array.from({ length: counts[i] ?? 0 }, () =>
          realise(world, mode, difficultyOf(learner.family, learner.ability[mode] - logit(bestP) / learner.family.slope)),
        ),
      );
      return { tasks, targets: {} };
    },
  };
}
