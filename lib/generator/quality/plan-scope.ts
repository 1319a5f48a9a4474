import type { Program, Value } from '../ast/types.js';
import { reaches } from './reach.js';

interface Held {
  program: Program;
  args: readonly Value[];
  output: Value;
}

/**
 * The abduction tasks a plan holds so far. AZR grades an abduction answer by running it, so an input
 * of one task that also reaches another task's output answers both: in AZR's audit 19% of abduction
 * tasks could be answered by an input of another task of the same plan. A new task is kept only when
 * no held input reaches its output and its input reaches no held output. Inputs of another arity make
 * CPython raise, so only tasks with as many parameters are compared.
 */
export class PlanScope {
  private readonly held: Held[] = [];

  /** Whether a task (f, its answer input, its output) would be answered by, or answer, a held task. */
  clashes(program: Program, args: readonly Value[], output: Value): boolean {
    const n = program.params.length;
    for (const h of this.held) {
      if (h.program.params.length !== n) continue;
      if (reaches(program, h.args, output) || reaches(h.program, args, h.output)) return true;
    }
    return false;
  }

  add(program: Program, args: readonly Value[], output: Value): void {
    this.held.push({ program, args, output });
  }

  get size(): number {
    return this.held.length;
  }
}
