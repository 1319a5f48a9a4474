import type { InputTy, Ty } from '../ast/types.js';
import type { Built } from '../compose.js';

const TAKES: Readonly<Record<InputTy, string>> = {
  int: 'a number',
  str: 'a string of letters',
  list_int: 'a list of numbers',
  list_str: 'a list of words',
};
const GIVES: Readonly<Record<Ty, string>> = {
  int: 'a number',
  bool: 'True or False',
  str: 'a string',
  list_int: 'a list of numbers',
  list_str: 'a list of strings',
  dict: 'a dict of counts',
};

/**
 * The induction message: one line saying what f does, stage by stage, in words only (the intent
 * phrases carry no constants or code), so it guides the solver without giving the program away.
 */
export function inductionMessage(b: Built): string {
  const p = b.program;
  const first = p.params[0];
  const takes = (first === undefined ? 'nothing' : TAKES[first.ty]) + (p.params.length > 1 ? ' and a number k' : '');
  const steps: string[] = [];
  for (const phrase of b.intent) if (!steps.includes(phrase)) steps.push(phrase);
  return `f takes ${takes}; it ${steps.join(', then ')}, and returns ${GIVES[p.returns]}.`;
}

/** One short human line for plans and logs, e.g. "deduction: list_filter+list_reduce, depth 2". */
export function describeTask(mode: string, families: readonly string[], depth: number): string {
  return `${mode}: ${families.join('+')}, depth ${depth}`;
}
