import type { InputTy, Program, Value } from '../ast/types.js';
import { sameRepr } from '../eval/same.js';
import { randomArgs } from '../inputs.js';
import { pyRepr } from '../render/literal.js';
import type { Rng } from '../../random/rng.js';
import { outputOf } from './reach.js';

/**
 * Random inputs an abduction program is run on to see how its outputs spread: enough that a kept task's
 * preimage is narrow. A deduction program needs only the entropy of its outputs and that they vary:
 * half as many (the sample is the largest part of a deduction task's cost).
 */
export const SAMPLE_SIZE = 16;
export const DEDUCTION_SAMPLE_SIZE = 8;

/** How a program's outputs spread over random inputs of its argument types. */
export interface OutputSpread {
  /** Share of the inputs that give the task's own output: the chance an unrelated input answers an abduction task. */
  preimageShare: number;
  /** Shannon entropy (bits) of the outputs: low when a few outputs cover most inputs, so the answer is easy to guess. */
  entropy: number;
  /** Whether any input gave another output than the task's (a program ignoring its input makes no task). */
  varies: boolean;
}

/** Entropy in bits of the distribution of `keys`. */
export function entropyOf(keys: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  let h = 0;
  for (const c of counts.values()) {
    const p = c / keys.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/**
 * Runs f on `n` random inputs and measures the spread of its outputs against `target`, the task's
 * output. Half the inputs are drawn at the task's `size`, half at any size: an unrelated input a
 * solver brings need not be the task's size. Stops at the first hit past `maxHits` (the caller drops
 * the task then; the entropy is not measured). Null when the evaluator refuses every input.
 */
export function spreadOf(p: Program, argTypes: readonly InputTy[], size: number, target: Value, rng: Rng, n: number, maxHits = n): OutputSpread | null {
  const keys: string[] = [];
  let hits = 0;
  let varies = false;
  for (let i = 0; i < n; i++) {
    const v = outputOf(p, randomArgs(argTypes, rng, i % 2 === 0 ? size : rng.next()));
    if (v === undefined) continue;
    const same = sameRepr(v, target);
    if (same && ++hits > maxHits) return { preimageShare: hits / (keys.length + 1), entropy: Number.NaN, varies };
    if (!same) varies = true;
    keys.push(pyRepr(v));
  }
  if (keys.length === 0) return null;
  return { preimageShare: hits / keys.length, entropy: entropyOf(keys), varies };
}
