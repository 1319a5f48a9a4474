import type { Expr, Helper, Iter, Program, Stmt, Value } from '../ast/types.js';
import { callBuiltin } from './builtins.js';
import { checkInt, checkSize, floorDiv, lessThan, pyIndex, pyMod, pySlice, scalarEq, truthy } from './pyops.js';
import { REJECT } from './rejected.js';

/** Evaluator steps one call may take; AZR's validator gives 10 s, we give a budget a solver can trace. */
export const STEP_BUDGET = 20_000;

export interface Run {
  value: Value;
  /** Expression nodes evaluated plus statements executed. */
  steps: number;
  /** Loop and comprehension iterations. */
  trips: number;
}

/**
 * A tree-walking evaluator with a step counter. Throws a `Rejected` when the program leaves the subset
 * whose meaning matches CPython exactly (or would raise in CPython); the generator then discards it.
 */
class Machine {
  steps = 0;
  trips = 0;
  ret: Value = 0;
  /** An expression whose outcome is already known in this frame (see Known), or null. */
  known: Known | null = null;
  knownExpr: Expr | null = null;
  constructor(
    readonly frame: (Value | undefined)[],
    readonly helpers: readonly Helper[],
  ) {}

  private tick(): void {
    if (++this.steps > STEP_BUDGET) throw REJECT.steps;
  }

  /** Counts the known expression's steps and trips as if it had been evaluated again, and gives its value. */
  private recall(k: Known): Value {
    this.steps += k.steps;
    if (this.steps > STEP_BUDGET) throw REJECT.steps;
    this.trips += k.trips;
    return fresh(k.value);
  }

  ev(e: Expr): Value {
    if (e === this.knownExpr) return this.recall(this.known as Known);
    this.tick();
    switch (e.k) {
      // Cases in order of frequency on the generator's mix (a string switch tests them in turn).
      case 'var': {
        const v = this.frame[e.slot];
        if (v === undefined) throw REJECT.unbound;
        return v;
      }
      case 'int':
      case 'str':
      case 'bool':
        return e.v;
      case 'bin':
        return this.bin(e.op, this.ev(e.a), this.ev(e.b));
      case 'call': {
        const args = e.args;
        const a = this.ev(args[0] as Expr);
        const b = args.length > 1 ? this.ev(args[1] as Expr) : undefined;
        const c = args.length > 2 ? this.ev(args[2] as Expr) : undefined;
        return callBuiltin(e.fn, a, b, c);
      }
      case 'cmp': {
        const a = this.ev(e.a);
        const b = this.ev(e.b);
        switch (e.op) {
          case '<':
            return lessThan(a, b);
          case '<=':
            return !lessThan(b, a);
          case '>':
            return lessThan(b, a);
          case '>=':
            return !lessThan(a, b);
          case '==':
            return scalarEq(a, b);
          case '!=':
            return !scalarEq(a, b);
        }
        break;
      }
      case 'slice':
        return pySlice(this.ev(e.a), e.lo, e.hi, e.step);
      case 'ifexp':
        return truthy(this.ev(e.c)) ? this.ev(e.a) : this.ev(e.b);
      case 'comp':
        return this.comp(e);
      case 'empty':
        return e.of === 'list' ? [] : new Map<string, number>();
      case 'and': {
        const a = this.ev(e.a);
        return truthy(a) ? this.ev(e.b) : a;
      }
      case 'or': {
        const a = this.ev(e.a);
        return truthy(a) ? a : this.ev(e.b);
      }
      case 'index': {
        const a = this.ev(e.a);
        const i = this.ev(e.i);
        if (a instanceof Map) {
          if (typeof i !== 'string') throw REJECT.type;
          const v = a.get(i);
          if (v === undefined) throw REJECT.key;
          return v;
        }
        if (typeof i !== 'number') throw REJECT.type;
        return pyIndex(a, i);
      }
      case 'not':
        return !truthy(this.ev(e.a));
      case 'helper':
        return this.callHelper(e.h, e.args);
      case 'in': {
        const a = this.ev(e.a);
        const b = this.ev(e.b);
        let found: boolean;
        if (typeof b === 'string') {
          if (typeof a !== 'string') throw REJECT.type;
          found = b.includes(a);
        } else if (Array.isArray(b)) {
          // A loop rather than b.some(x => ...): no closure per evaluation.
          found = false;
          for (let j = 0; j < b.length && !found; j++) found = scalarEq(b[j] as Value, a);
        } else if (b instanceof Map) {
          if (typeof a !== 'string') throw REJECT.type;
          found = b.has(a);
        } else throw REJECT.type;
        return found !== e.negate;
      }
    }
    throw REJECT.type;
  }

  /** Runs helper h in a frame of its own; its steps and trips count against this call's budget. */
  private callHelper(h: number, args: readonly Expr[]): Value {
    const def = this.helpers[h] as Helper;
    const frame: (Value | undefined)[] = [];
    for (let i = 0; i < def.names.length; i++) frame.push(i < args.length ? this.ev(args[i] as Expr) : undefined);
    const m = new Machine(frame, this.helpers);
    m.steps = this.steps;
    m.trips = this.trips;
    if (!m.exec(def.body)) throw REJECT.type;
    this.steps = m.steps;
    this.trips = m.trips;
    return m.ret;
  }

  private bin(op: string, a: Value, b: Value): Value {
    if (typeof a === 'number' && typeof b === 'number') {
      switch (op) {
        case '+':
          return checkInt(a + b);
        case '-':
          return checkInt(a - b);
        case '*':
          return checkInt(a * b);
        case '//':
          return floorDiv(a, b);
        case '%':
          return pyMod(a, b);
      }
    }
    if (op === '+' && typeof a === 'string' && typeof b === 'string') return checkSize(a + b);
    if (op === '+' && Array.isArray(a) && Array.isArray(b)) return checkSize(a.concat(b));
    throw REJECT.type;
  }

  /**
   * What a loop walks over; enumerate and zip pair up items of the same sequence. A string is walked
   * as it is (indexing gives its characters), not split into an array.
   */
  private seq(it: Iter): readonly Value[] | string {
    if (it.k === 'range') {
      const lo = this.rangeStart(it) as number;
      const hi = this.rangeEnd(it, lo);
      const out: number[] = [];
      for (let i = lo; i < hi; i++) out.push(i);
      return out;
    }
    const v = this.ev(it.a);
    if (typeof v === 'string' || Array.isArray(v)) return v;
    if (v instanceof Map && it.k === 'seq') return [...v.keys()];
    throw REJECT.type;
  }

  /** range()'s start, unchecked until `rangeEnd` has evaluated the end (CPython evaluates both first). */
  private rangeStart(it: Extract<Iter, { k: 'range' }>): Value {
    return it.lo === null ? 0 : this.ev(it.lo);
  }

  /** range()'s end, once both bounds are checked; `lo` is then known to be a number. */
  private rangeEnd(it: Extract<Iter, { k: 'range' }>, lo: Value): number {
    const hi = this.ev(it.hi);
    if (typeof lo !== 'number' || typeof hi !== 'number') throw REJECT.type;
    if (hi - lo > 512) throw REJECT.size;
    return hi;
  }

  /** Binds iteration j's variables; false once the sequence is exhausted (checked live, as CPython does for lists). */
  private bind(it: Iter, xs: readonly Value[] | string, j: number, slot: number, slot2: number): boolean {
    const f = this.frame;
    switch (it.k) {
      case 'seq':
      case 'range':
        if (j >= xs.length) return false;
        f[slot] = xs[j] as Value;
        return true;
      case 'enumerate':
        if (j >= xs.length) return false;
        f[slot] = j;
        f[slot2] = xs[j] as Value;
        return true;
      case 'zip_next':
        if (j + 1 >= xs.length) return false;
        f[slot] = xs[j] as Value;
        f[slot2] = xs[j + 1] as Value;
        return true;
    }
  }

  private comp(e: Extract<Expr, { k: 'comp' }>): Value {
    const xs = this.seq(e.iter);
    const out: Value[] = [];
    let total = 0;
    for (let j = 0; this.bind(e.iter, xs, j, e.slot, e.slot2); j++) {
      this.trips++;
      if (e.cond !== null && !truthy(this.ev(e.cond))) continue;
      const v = this.ev(e.elem);
      switch (e.out) {
        case 'list':
        case 'join':
          out.push(v);
          break;
        case 'sum':
          if (typeof v !== 'number') throw REJECT.type;
          total = checkInt(total + v);
          break;
        // any/all stop at the first decisive item, as CPython's do.
        case 'any':
          if (truthy(v)) return true;
          break;
        case 'all':
          if (!truthy(v)) return false;
          break;
      }
    }
    switch (e.out) {
      case 'list':
        return checkSize(out);
      case 'join':
        for (const p of out) if (typeof p !== 'string') throw REJECT.type;
        return checkSize(out.join(e.sep));
      case 'sum':
        return total;
      case 'any':
        return false;
      case 'all':
        return true;
    }
  }

  /** Executes the statement `return e` (one step, as exec counts it). */
  returns(e: Expr): void {
    this.tick();
    this.ret = this.ev(e);
  }

  /** Runs a block; true when it executed a return (the value is in `ret`). */
  exec(body: readonly Stmt[]): boolean {
    const f = this.frame;
    for (const s of body) {
      this.tick();
      switch (s.k) {
        case 'assign':
          f[s.slot] = this.ev(s.e);
          break;
        case 'aug': {
          const cur = f[s.slot];
          if (cur === undefined) throw REJECT.unbound;
          f[s.slot] = this.bin(s.op, cur, this.ev(s.e));
          break;
        }
        case 'append': {
          const xs = f[s.slot];
          if (!Array.isArray(xs)) throw REJECT.type;
          xs.push(this.ev(s.e));
          checkSize(xs);
          break;
        }
        case 'setitem': {
          const d = f[s.slot];
          if (!(d instanceof Map)) throw REJECT.type;
          const key = this.ev(s.key);
          const v = this.ev(s.e);
          if (typeof key !== 'string' || typeof v !== 'number') throw REJECT.type;
          d.set(key, v);
          if (d.size > 512) throw REJECT.size;
          break;
        }
        case 'for': {
          const it = s.iter;
          if (it.k === 'range') {
            // Counts through the bounds rather than walking an array of them (a range's length is fixed).
            const lo = this.rangeStart(it) as number;
            const hi = this.rangeEnd(it, lo);
            for (let i = lo; i < hi; i++) {
              f[s.slot] = i;
              this.trips++;
              if (this.exec(s.body)) return true;
            }
            break;
          }
          const xs = this.seq(it);
          for (let j = 0; this.bind(s.iter, xs, j, s.slot, s.slot2); j++) {
            this.trips++;
            if (this.exec(s.body)) return true;
          }
          break;
        }
        case 'while':
          while (truthy(this.ev(s.c))) {
            this.trips++;
            if (this.exec(s.body)) return true;
            this.tick();
          }
          break;
        case 'if':
          if (this.exec(truthy(this.ev(s.c)) ? s.then : s.else)) return true;
          break;
        case 'return':
          this.ret = this.ev(s.e);
          return true;
      }
    }
    return false;
  }
}

/** Copies an argument so a program that mutates its input cannot change the caller's (or a later run's) value. */
function fresh(v: Value): Value {
  if (Array.isArray(v)) return v.slice();
  if (v instanceof Map) return new Map(v);
  return v;
}

/**
 * The outcome of evaluating expression `e` in a paused state: its value and the steps and trips it
 * took. A search that grows a program nests the previous stage's result in the next stage (or assigns
 * it), so without this every measurement would evaluate all earlier results again. Valid as long as
 * nothing `e` reads changes, which holds because stages only ever write variables they create.
 */
export interface Known {
  readonly e: Expr;
  readonly value: Value;
  readonly steps: number;
  readonly trips: number;
}

/**
 * A call paused between statements: the variables and counters after some prefix of a body. A search
 * that grows a program stage by stage resumes from here and runs only the statements it added; the
 * counts come out exactly as a full run's, since a full run executes the same statements in order.
 */
export interface Paused {
  readonly frame: readonly (Value | undefined)[];
  readonly steps: number;
  readonly trips: number;
  readonly known: Known | null;
  readonly helpers: readonly Helper[];
}

function machineAt(p: Paused): Machine {
  const m = new Machine(p.frame.slice(), p.helpers);
  m.steps = p.steps;
  m.trips = p.trips;
  if (p.known !== null) {
    m.known = p.known;
    m.knownExpr = p.known.e;
  }
  return m;
}

const NO_HELPERS: readonly Helper[] = [];

/**
 * The state before the first statement: arguments bound to their slots (k's too, read or not).
 * `helpers` is the growing program's own list: stages append to it, so it holds every helper the
 * statements run later call.
 */
export function begin(slots: readonly number[], args: readonly Value[], helpers: readonly Helper[] = NO_HELPERS): Paused {
  const frame: (Value | undefined)[] = [];
  for (let i = 0; i < slots.length; i++) frame[slots[i] as number] = fresh(args[i] as Value);
  return { frame, steps: 0, trips: 0, known: null, helpers };
}

/** Runs further statements (which must not return) from a paused state; the state itself is left as it was. */
export function resume(p: Paused, stmts: readonly Stmt[]): Paused {
  // Most stages add only an expression; the paused state is never written, so it can be shared.
  if (stmts.length === 0) return p;
  const m = machineAt(p);
  if (m.exec(stmts)) throw REJECT.type;
  return { frame: m.frame, steps: m.steps, trips: m.trips, known: p.known, helpers: p.helpers };
}

/** Completes a paused call with `return e`. */
export function finish(p: Paused, e: Expr): Run {
  const m = machineAt(p);
  m.returns(e);
  return { value: m.ret, steps: m.steps, trips: m.trips };
}

/**
 * `p` knowing the outcome `r` of `finish(p, e)`, for the statements and result of a stage that
 * builds on e. A bare variable is not worth remembering (and may be mutated later).
 */
export function remember(p: Paused, e: Expr, r: Run): Paused {
  if (e.k === 'var') return p;
  // finish counted one step for the return statement itself.
  return { ...p, known: { e, value: r.value, steps: r.steps - p.steps - 1, trips: r.trips - p.trips } };
}

/**
 * Calls f(*args), reading only as many arguments as f has parameters. Falling off the end returns None
 * in Python, which is outside the subset: rejected.
 */
export function run(p: Program, args: readonly Value[]): Run {
  // Filled by push: a packed array from the start, without the holey array `new Array(n)` makes first.
  const frame: (Value | undefined)[] = [];
  for (let i = 0; i < p.names.length; i++) frame.push(undefined);
  for (let i = 0; i < p.params.length; i++) frame[(p.params[i] as { slot: number }).slot] = fresh(args[i] as Value);
  const m = new Machine(frame, p.helpers ?? NO_HELPERS);
  if (!m.exec(p.body)) throw REJECT.type;
  return { value: m.ret, steps: m.steps, trips: m.trips };
}
