import type { Rng } from '../../lib/random/index.js';
import { MODES, type Mode } from '../../lib/schema/index.js';

/** Abilities the three modes start at (deduction easiest, induction hardest, as in AZR) and must all reach. */
export const START: Readonly<Record<Mode, number>> = { deduction: 0.4, abduction: 0.25, induction: 0.1 };
export const TARGET_ABILITY = 0.9;
/** AZR estimates a task's solve rate from 8 solver rollouts. */
export const ROLLOUTS = 8;
/** Ability gained by one task at the family's best solve rate. */
const PEAK_GAIN = 0.001;

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
export const logit = (p: number): number => Math.log(p / (1 - p));

/**
 * A simulated learner kind. Its true difficulty of a task is `scale(d)` of the generator's difficulty d (monotone,
 * not the identity: the planner's difficulty scale is only roughly calibrated), it solves a task with chance
 * sigmoid(slope · (ability − scale(d))), and one task teaches it gain(p) at that chance p. The planner knows none
 * of this; only the oracle looks.
 */
export interface Family {
  name: string;
  slope: number;
  scale(d: number): number;
  /** The solve rate at which a task teaches most. */
  bestP: number;
  gain(p: number): number;
}

/** Gain ∝ p^a (1 − p)^c, peaking at a / (a + c) with PEAK_GAIN. */
function family(name: string, slope: number, scale: (d: number) => number, a: number, c: number): Family {
  const bestP = a / (a + c);
  const peak = bestP ** a * (1 - bestP) ** c;
  return { name, slope, scale, bestP, gain: (p) => (PEAK_GAIN * p ** a * (1 - p) ** c) / peak };
}

const identity = (d: number): number => d;

/**
 * The four (the planner's slope is 6): right slope and p(1−p); slope 3; slope 10 on a stretched scale with
 * best rate ≈ 0.7; a compressed scale with best rate 0.85. Then two not tuned against: a smooth-step scale with
 * best rate 0.6, and a learner that learns most from hard tasks (best rate 1/3) on a square-root scale.
 */
export const FAMILIES: readonly Family[] = [
  family('slope 6, scale d, p(1-p)', 6, identity, 1, 1),
  family('slope 3, scale d, p(1-p)', 3, identity, 1, 1),
  family('slope 10, scale d^1.5, p^2.3(1-p)', 10, (d) => d ** 1.5, 2.3, 1),
  family('slope 6, scale 0.2+0.6d, p^3.4(1-p)^0.6', 6, (d) => 0.2 + 0.6 * d, 3.4, 0.6),
  family('slope 4, scale smoothstep, p^1.5(1-p)', 4, (d) => d * d * (3 - 2 * d), 1.5, 1),
  family('slope 8, scale sqrt d, p^0.5(1-p)', 8, Math.sqrt, 0.5, 1),
];

const successProbability = (f: Family, ability: number, difficulty: number): number =>
  sigmoid(f.slope * (ability - f.scale(Math.min(1, Math.max(0, difficulty)))));

/** The generator difficulty whose true difficulty is `hard` (bisection: the scale is monotone), clamped to 0..1. */
export function difficultyOf(f: Family, hard: number): number {
  let [lo, hi] = [0, 1];
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (f.scale(mid) < hard) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export function binomial(n: number, p: number, rng: Rng): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (rng.next() < p) k += 1;
  return k;
}

/** Per-mode ability that grows with every task trained on, by the family's gain at that task's solve chance. */
export class Learner {
  readonly ability: Record<Mode, number> = { ...START };
  constructor(readonly family: Family) {}

  solveChance(mode: Mode, difficulty: number): number {
    return successProbability(this.family, this.ability[mode], difficulty);
  }

  reached(): boolean {
    return MODES.every((m) => this.ability[m] >= TARGET_ABILITY);
  }
}
