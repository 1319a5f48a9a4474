import type { Program, Value } from '../ast/types.js';
import { run } from '../eval/evaluate.js';
import { Rejected } from '../eval/rejected.js';
import { sameRepr } from '../eval/same.js';

/** The value f(*args) returns, or undefined when the evaluator refuses the call (CPython would raise, or leave the subset). */
export function outputOf(p: Program, args: readonly Value[]): Value | undefined {
  try {
    return run(p, args).value;
  } catch (e) {
    if (e instanceof Rejected) return undefined;
    throw e;
  }
}

/** Whether f(*args) returns exactly `output` (same repr); a refused call reaches nothing. */
export function reaches(p: Program, args: readonly Value[], output: Value): boolean {
  const v = outputOf(p, args);
  return v !== undefined && sameRepr(v, output);
}
