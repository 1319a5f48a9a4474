import type { Program, Value } from '../ast/types.js';
import { sameRepr } from '../eval/same.js';
import { outputOf } from './reach.js';

interface Held {
  program: Program;
  args: readonly Value[];
  output: Value;
  /** Signatures of answers this program raised on: it takes no argument of those types (see answersHeld). */
  refuses: Set<string>;
}

/** Tasks held under one signature (parameter types), with its kind (see kindOf). */
interface Group {
  kind: string;
  tasks: Held[];
}

/** The parameter types, joined: the key tasks are grouped under. */
function signature(p: Program): string {
  let s = '';
  for (const q of p.params) s += q.ty + ',';
  return s;
}

/**
 * Sequence types (str, list_int, list_str) as one kind: CPython runs many programs on a sequence of
 * another type (len, slicing, set, iteration), so answers cross between them; an int and a sequence,
 * or another arity, make it raise.
 */
function kindOf(p: Program): string {
  let s = '';
  for (const q of p.params) s += q.ty === 'int' ? 'n' : 's';
  return s;
}

/**
 * The abduction tasks a plan holds so far. AZR grades an abduction answer by running it, so an input
 * of one task that also reaches another task's output answers both: in AZR's audit 19% of abduction
 * tasks could be answered by an input of another task of the same plan. A new task is kept only when
 * no held answer reaches its output (`heldAnswerReaches`) and its answer reaches no held output
 * (`answersHeld`). Tasks of another kind are not
 * compared; within a kind, another signature's tasks are skipped once a program raises on their type,
 * which is what keeps the comparison near one signature's cost.
 */
export class PlanScope {
  private readonly groups = new Map<string, Group>();

  /**
   * Whether a held answer reaches `output` when given to a new task's program: every one of its
   * signature is tried, and of another signature of its kind, those of a group whose first answer the
   * program does not raise on.
   */
  heldAnswerReaches(program: Program, output: Value): boolean {
    const sig = signature(program);
    const kind = kindOf(program);
    for (const [s, g] of this.groups) {
      if (g.kind !== kind) continue;
      const first = outputOf(program, (g.tasks[0] as Held).args);
      if (s !== sig && first === undefined) continue;
      for (const h of g.tasks) {
        const v = h === g.tasks[0] ? first : outputOf(program, h.args);
        if (v !== undefined && sameRepr(v, output)) return true;
      }
    }
    return false;
  }

  /** Whether `args`, the answer of a new task f, reach the output of a held task of f's kind. */
  answersHeld(program: Program, args: readonly Value[]): boolean {
    const sig = signature(program);
    const kind = kindOf(program);
    for (const [s, g] of this.groups) {
      if (g.kind !== kind) continue;
      for (const h of g.tasks) {
        if (s !== sig && h.refuses.has(sig)) continue;
        const v = outputOf(h.program, args);
        if (v === undefined && s !== sig) h.refuses.add(sig);
        else if (v !== undefined && sameRepr(v, h.output)) return true;
      }
    }
    return false;
  }

  add(program: Program, args: readonly Value[], output: Value): void {
    const sig = signature(program);
    const h = { program, args, output, refuses: new Set<string>() };
    const g = this.groups.get(sig);
    if (g === undefined) this.groups.set(sig, { kind: kindOf(program), tasks: [h] });
    else g.tasks.push(h);
  }
}

/** Each plan's scope, under the plan's own object: it goes when the plan does. */
const SCOPES = new WeakMap<object, PlanScope>();

/** The scope of the plan `plan` stands for (GenerateOptions.plan), made on its first task. */
export function scopeOf(plan: object): PlanScope {
  let s = SCOPES.get(plan);
  if (s === undefined) {
    s = new PlanScope();
    SCOPES.set(plan, s);
  }
  return s;
}
