import type { Tunables } from '../../config/tunables.js';
import type { Mode } from '../../modes/index.js';
import { abilityOf } from '../ability.js';
import type { ModeView } from '../normalise.js';
import { chooseTargets, type TargetChoice } from './target-policy.js';
import { fitTrajectory } from './trajectory.js';

/** What the planner knows of one mode before estimating: its latest rate, and the history when the state has one. */
export type ModeInput = Pick<ModeView, 'successRate' | 'difficulty' | 'samples' | 'history' | 'lastOutcomes'> & { mode: Mode };

export interface ModeEstimate {
  mode: Mode;
  /** Smoothed latest solve rate (reported, and the urgency of the priority). */
  success: number;
  ability: number;
  slope: number;
  target: TargetChoice;
  /** How the ability was estimated, for the rationale. */
  basis: string;
}

/**
 * The ability now is fitted over the last steps only: the trajectory is locally straight, and a slope that drifts
 * (a distorted difficulty scale makes the effective slope change with difficulty) is followed.
 */
const ABILITY_STEPS = 12;

/**
 * Ability, slope and target per mode. Without history it is the single-rate Rasch estimate at the tunable slope;
 * with history a fitted trajectory (see trajectory.ts) gives ability and slope, and the target policy reads the
 * fits over the whole window.
 */
export function estimateModes(inputs: readonly ModeInput[], t: Tunables): ModeEstimate[] {
  const options = (input: ModeInput) => ({ slope: t.raschSlope, reference: t.targetSuccess, ...(input.lastOutcomes ? { lastOutcomes: input.lastOutcomes } : {}) });
  const evidence = inputs.map((input) => {
    const history = input.history.slice(-t.historyWindow);
    return { mode: input.mode, history, fit: fitTrajectory(history, options(input)), local: fitTrajectory(history.slice(-ABILITY_STEPS), options(input)) };
  });
  const targets = chooseTargets(evidence, inputs.map((i) => i.mode), t);
  return inputs.map((input, i) => {
    const { success, ability } = abilityOf(input, t);
    const local = evidence[i]!.local;
    const target = targets.get(input.mode) ?? { target: t.targetSuccess, reason: `default target success ${t.targetSuccess}` };
    if (!local) return { mode: input.mode, success, ability, slope: t.raschSlope, target, basis: 'latest rate' };
    const steps = Math.min(ABILITY_STEPS, evidence[i]!.history.length);
    return { mode: input.mode, success, ability: local.ability, slope: local.slope, target, basis: `trajectory over ${steps} steps, slope ${local.slope.toFixed(1)}` };
  });
}
