import type { InputTy, Value } from '../ast/types.js';
import { sameRepr } from '../eval/same.js';

/**
 * Answers a solver can give without reading the program: each type's empty or zero value, and for
 * numbers the units either side. AZR's 5,060-task audit found 7.6% of deduction outputs among
 * `[]`, `0`, `''`, `True`, `False` (issue 15).
 */
const EMPTY_DICT = new Map<string, number>();
const RESULT_GUESSES: readonly Value[] = [0, 1, -1, '', [], EMPTY_DICT];

/** Whether `v` is a value a solver would guess for a result of its type (any bool is: one of two). */
export function isGuessable(v: Value): boolean {
  if (typeof v === 'boolean') return true;
  for (const g of RESULT_GUESSES) if (sameRepr(v, g)) return true;
  return false;
}

/** Constant arguments a solver would try for an abduction answer, by parameter type (the second is k). */
const ARG_GUESSES: Readonly<Record<InputTy, readonly Value[]>> = {
  int: [0, 1, -1],
  str: ['', 'a', '__not_an_input__'],
  list_int: [[], [0], [1]],
  list_str: [[], ['']],
};
const K_GUESSES: readonly Value[] = [0, 1];

/** Every combination of constant guesses for a signature (first argument by its type, k by K_GUESSES). */
export function argumentGuesses(types: readonly InputTy[]): Value[][] {
  const first = ARG_GUESSES[types[0] as InputTy];
  if (types.length === 1) return first.map((g) => [g]);
  return first.flatMap((g) => K_GUESSES.map((k) => [g, k]));
}
