import type { Tunables } from '../config/tunables.js';
import type { ModeView } from './normalise.js';
import { abilityFrom, smoothedSuccess } from './rasch.js';

export interface Ability {
  /** The observed solve rate, smoothed toward 0.5 by the prior. */
  success: number;
  /** Rasch ability on the difficulty scale. */
  ability: number;
}

/** A mode's ability from its (smoothed) solve rate at the difficulty it was measured at. */
export function abilityOf(view: Pick<ModeView, 'successRate' | 'samples' | 'difficulty'>, t: Tunables): Ability {
  const success = smoothedSuccess(view.successRate, view.samples, t.priorStrength);
  return { success, ability: abilityFrom(success, view.difficulty, t.raschSlope) };
}
