import type { Rng } from '../../lib/random/index.js';
import { MODES, type Mode } from '../../lib/schema/index.js';

/** The simulated learner's Rasch slope: the planner's default raschSlope, so the model is well specified. */
export const SLOPE = 6;
/** Abilities the three modes start at (deduction easiest, induction hardest, as in AZR) and must all reach. */
export const START: Readonly<Record<Mode, number>> = { deduction: 0.4, abduction: 0.25, induction: 0.1 };
export const TARGET_ABILITY = 0.9;
/** AZR estimates a task's solve rate from 8 solver rollouts. */
export const ROLLOUTS = 8;
/** Ability gained by one task at the family's best solve rate. */
const PEAK_GAIN = 0.001;

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
export const logit = (p: number): number => Math.log(p / (1 - p));

/** How much one task teaches, as a function of the learner's chance p of solving it. */
export interface Family {
  name: string;
  /** The solve rate at which a task teaches most (known to the oracle only). */
  bestP: number;
  gain(p: number): number;
}

function shaped(name: string, a: number, c: number): Family {
  const bestP = a / (a + c);
  const peak = bestP ** a * (1 - bestP) ** c;
  return { name, bestP, gain: (p) => (PEAK_GAIN * p ** a * (1 - p) ** c) / peak };
}

/** Gain ∝ p(1-p): AZR's learnability, best at p = 0.5. Gain ∝ p^3.4 (1-p)^0.6: best at p = 0.85. */
export const FAMILIES: readonly Family[] = [shaped('p(1-p), best p 0.5', 1, 1), shaped('p^3.4(1-p)^0.6, best p 0.85', 3.4, 0.6)];

export const successProbability = (ability: number, difficulty: number): number => sigmoid(SLOPE * (ability - difficulty));

export function binomial(n: number, p: number, rng: Rng): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (rng.next() < p) k += 1;
  return k;
}

/** Per-mode ability that grows with every task trained on, by the family's gain at that task's solve chance. */
export class Learner {
  readonly ability: Record<Mode, number> = { ...START };
  constructor(readonly family: Family) {}

  meanAbility(): number {
    return MODES.reduce((s, m) => s + this.ability[m], 0) / MODES.length;
  }

  reached(): boolean {
    return MODES.every((m) => this.ability[m] >= TARGET_ABILITY);
  }
}
