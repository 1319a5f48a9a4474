import { modeDef } from '../modes/index.js';
import type { TaskBody } from '../schema/task.js';
import type { Value } from './ast/types.js';
import { run } from './eval/evaluate.js';
import { Rejected } from './eval/rejected.js';
import { isLiteralChar } from './eval/builtins.js';
import { INT_LIMIT } from './eval/pyops.js';
import { pyRepr } from './render/literal.js';
import type { Candidate } from './tasks/candidate.js';

/** Longest output literal a task may carry (characters), so a solver's answer stays short. */
export const OUTPUT_LIMIT = 160;
/** Longest input (call arguments) a task may carry. */
export const INPUT_LIMIT = 160;

function plainString(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isLiteralChar(s.charCodeAt(i))) return false;
  return true;
}

/** A value whose repr is a plain Python literal that also maps onto JSON (ints, bools, strings, lists, str-keyed dicts). */
export function isPlainLiteral(v: Value): boolean {
  if (typeof v === 'number') return Number.isSafeInteger(v) && Math.abs(v) <= INT_LIMIT;
  if (typeof v === 'boolean') return true;
  if (typeof v === 'string') return plainString(v);
  if (Array.isArray(v)) return allPlain(v);
  for (const [k, n] of v) if (!plainString(k) || !isPlainLiteral(n)) return false;
  return true;
}

/** Whether every item is a plain literal; a loop, not `every` with a callback (called for every value checked). */
function allPlain(xs: readonly Value[]): boolean {
  for (let i = 0; i < xs.length; i++) if (!isPlainLiteral(xs[i] as Value)) return false;
  return true;
}

/** The literal a second, independent evaluation of the first call gives; null if the evaluator refuses (e.g. over the step budget). */
function rerunFirst(c: Candidate): string | null {
  try {
    return pyRepr(run(c.built.program, c.args[0] as Value[]).value);
  } catch (e) {
    if (e instanceof Rejected) return null;
    throw e;
  }
}

/**
 * Every check a task passes before it leaves the generator; returns the first failure, or null.
 * The candidate was evaluated once already. Its first call runs again here, after all the others, and
 * must give the same literal: for abduction that is the proof that the answer input reaches the
 * output, and a call that kept state from an earlier one (an argument or a constant shared between
 * runs) would show here. Running every pair again would prove no more about a pure evaluator, at the price of
 * one run per pair (a third of an induction task's runs); CPython itself checks every pair in
 * test/generator/python-agreement.test.ts, and AZR's own two-run check in test/export.
 */
export function validate(c: Candidate, body: TaskBody): string | null {
  for (let i = 0; i < c.args.length; i++) {
    const args = c.args[i] as Value[];
    const out = c.outputs[i] as Value;
    if (!allPlain(args) || !isPlainLiteral(out)) return 'input or output outside plain literals';
    const claimed = c.outputLiterals[i] as string;
    if (claimed.length > OUTPUT_LIMIT) return 'output over the size limit';
    if ((c.inputs[i] as string).length > INPUT_LIMIT) return 'input over the size limit';
  }
  if (rerunFirst(c) !== c.outputLiterals[0]) return 'second evaluation disagrees with the first';
  return modeDef(body.mode).check(body, c);
}
