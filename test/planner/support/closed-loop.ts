import { DEFAULT_TUNABLES, type Tunables } from '../../../lib/config/tunables.js';
import { estimateModes } from '../../../lib/planner/estimate/estimate-modes.js';
import { difficultyFor } from '../../../lib/planner/rasch.js';
import { createRng } from '../../../lib/random/rng.js';
import type { HistoryStep } from '../../../lib/schema/state.js';
import { MODES, type Mode } from '../../../lib/schema/task.js';

/** A learner as the estimator meets it: true slope, and ability gained per task at a solve chance p. */
export interface LoopLearner {
  slope: number;
  gain: (p: number) => number;
}

export interface LoopStep {
  targets: Record<Mode, number>;
  /** The learner's true chance of solving the step's tasks. */
  chances: Record<Mode, number>;
  abilities: Record<Mode, number>;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * The estimator driving a simulated trainer, no task generation: per step and mode 8 tasks at the planned
 * difficulty, 64 rollouts, the history the trainer would send. Returns each step's targets and true abilities.
 */
export function closedLoop(learner: LoopLearner, steps: number, seed: number, t: Tunables = DEFAULT_TUNABLES): LoopStep[] {
  const rng = createRng(seed);
  const ability: Record<Mode, number> = { deduction: 0.4, abduction: 0.3, induction: 0.2 };
  const history: Record<Mode, HistoryStep[]> = { deduction: [], abduction: [], induction: [] };
  const out: LoopStep[] = [];
  for (let s = 0; s < steps; s++) {
    const estimates = estimateModes(
      MODES.map((mode) => ({ mode, successRate: 0.5, difficulty: t.baseDifficulty, samples: 0, history: history[mode] })),
      t,
    );
    const targets = {} as Record<Mode, number>;
    const chances = {} as Record<Mode, number>;
    for (const e of estimates) {
      const difficulty = Math.min(1, Math.max(0, difficultyFor(e.ability, e.target.target, e.slope)));
      const p = sigmoid(learner.slope * (ability[e.mode] - difficulty));
      let successes = 0;
      for (let i = 0; i < 64; i++) if (rng.next() < p) successes += 1;
      history[e.mode].push({ difficulty, success_rate: successes / 64, rollouts: 64, tasks: 8, target_success: e.target.target });
      ability[e.mode] += 8 * learner.gain(p);
      targets[e.mode] = e.target.target;
      chances[e.mode] = p;
    }
    out.push({ targets, chances, abilities: { ...ability } });
  }
  return out;
}
