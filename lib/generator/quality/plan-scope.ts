import type { Program, Value } from '../ast/types.js';
import { reaches } from './reach.js';

interface Held {
  program: Program;
  args: readonly Value[];
  output: Value;
}

const NONE: readonly Held[] = [];

/** The parameter types, joined: the key tasks are compared under. */
function signature(p: Program): string {
  let s = '';
  for (const q of p.params) s += q.ty + ',';
  return s;
}

/**
 * The abduction tasks a plan holds so far. AZR grades an abduction answer by running it, so an input
 * of one task that also reaches another task's output answers both: in AZR's audit 19% of abduction
 * tasks could be answered by an input of another task of the same plan. A new task is kept only when
 * no held input reaches its output and its input reaches no held output. Only tasks with the same
 * parameter types are compared: another arity makes CPython raise, and an argument of another type
 * makes nearly every program raise or return a value of another kind (the plan test measures the
 * whole plan in python3, every input against every program).
 */
export class PlanScope {
  /** Held tasks by parameter types: a check walks only its own group. */
  private readonly held = new Map<string, Held[]>();

  /** Whether a task (f, its answer input, its output) would be answered by, or answer, a held task. */
  clashes(program: Program, args: readonly Value[], output: Value): boolean {
    for (const h of this.held.get(signature(program)) ?? NONE) {
      if (reaches(program, h.args, output) || reaches(h.program, args, h.output)) return true;
    }
    return false;
  }

  add(program: Program, args: readonly Value[], output: Value): void {
    const sig = signature(program);
    const group = this.held.get(sig);
    const h = { program, args, output };
    if (group === undefined) this.held.set(sig, [h]);
    else group.push(h);
  }
}
