import type { InputTy, Program, Value } from '../ast/types.js';
import { sameRepr } from '../eval/same.js';
import { argumentGuesses, isGuessable } from './guesses.js';
import { reaches } from './reach.js';

/**
 * Whether a deduction answer can be had without tracing the program: a value guessed for its type,
 * or the argument handed back unchanged.
 */
export function deductionShortcut(args: readonly Value[], output: Value): boolean {
  return isGuessable(output) || (args.length === 1 && sameRepr(args[0] as Value, output));
}

/**
 * Whether an abduction task can be answered without inverting the program: its output is a guessable
 * value, its own answer is a constant guess, or some constant guess of the argument types reaches the
 * output too (as `'__not_an_input__'` reached `0` for `s[::-1].count('b')` in AZR's audit).
 */
export function abductionShortcut(p: Program, argTypes: readonly InputTy[], args: readonly Value[], output: Value): boolean {
  if (isGuessable(output)) return true;
  const n = p.params.length;
  for (const g of argumentGuesses(argTypes.slice(0, n))) {
    let same = true;
    for (let i = 0; i < n && same; i++) same = sameRepr(g[i] as Value, args[i] as Value);
    if (same || reaches(p, g, output)) return true;
  }
  return false;
}

/**
 * Whether an induction task's hidden pairs can be passed without finding the program: one constant
 * (a guessable value or an output already shown) answers them all, or f hands its argument back.
 */
export function inductionShortcut(args: readonly (readonly Value[])[], outputs: readonly Value[], visible: number): boolean {
  let echo = true;
  let constant = true;
  const first = outputs[visible] as Value;
  for (let i = visible; i < outputs.length; i++) {
    const o = outputs[i] as Value;
    const a = args[i] as readonly Value[];
    echo &&= a.length === 1 && sameRepr(a[0] as Value, o);
    constant &&= sameRepr(o, first);
  }
  if (echo) return true;
  if (!constant) return false;
  if (isGuessable(first)) return true;
  for (let i = 0; i < visible; i++) if (sameRepr(outputs[i] as Value, first)) return true;
  return false;
}
