/** Rasch (one-parameter item-response) model: P(success) = sigmoid(k * (ability - difficulty)). */

const EPS = 0.01;

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
export const logit = (p: number): number => Math.log(p / (1 - p));
export const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/**
 * Beta-prior smoothing: a handful of rollouts at 0% or 100% says little, so pull the rate toward 0.5
 * by `priorStrength` pseudo-samples before taking its logit.
 */
export function smoothedSuccess(rate: number, samples: number, priorStrength: number): number {
  const n = Math.max(0, samples);
  return clamp((rate * n + 0.5 * priorStrength) / (n + priorStrength || 1), EPS, 1 - EPS);
}

export const abilityFrom = (success: number, difficulty: number, slope: number): number =>
  difficulty + logit(clamp(success, EPS, 1 - EPS)) / slope;

export const expectedSuccess = (ability: number, difficulty: number, slope: number): number =>
  sigmoid(slope * (ability - difficulty));

/** The difficulty at which the model expects `target` success: b* = theta - logit(p*) / k. */
export const difficultyFor = (ability: number, target: number, slope: number): number =>
  ability - logit(clamp(target, EPS, 1 - EPS)) / slope;
