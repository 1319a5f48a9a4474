import type { Rng } from '../../random/rng.js';
import { assign, int, ref } from '../ast/nodes.js';
import type { Expr, Helper, Stmt, Ty } from '../ast/types.js';
import type { Family } from './family.js';
import { familyBit } from './family.js';

/** The value a pipeline has computed so far. */
export interface Cur {
  e: Expr;
  ty: Ty;
}

export interface CtxMark {
  names: number;
  helpers: number;
  body: number;
  intent: number;
  families: number;
  kUsed: boolean;
}

/** Helper names in definition order; a program has at most as many helpers as stages. */
const HELPER_NAMES = ['g', 'h', 'g2', 'h2', 'g3'] as const;

/** The slots of a helper under construction: its parameters, then the locals it asks for. */
export class HelperScope {
  readonly names: string[];
  constructor(params: readonly string[]) {
    this.names = [...params];
  }
  slot(base: string): number {
    return newSlot(this.names, base);
  }
}

/** Adds a slot named `base`, or base2, base3... when taken, so every slot has its own Python name. */
function newSlot(names: string[], base: string): number {
  let name = base;
  for (let i = 2; names.includes(name); i++) name = base + i;
  names.push(name);
  return names.length - 1;
}

/** Mutable state of one program under construction: names, emitted statements, families and intent phrases. */
export class Ctx {
  readonly names: string[] = [];
  readonly body: Stmt[] = [];
  /** Helper functions f calls, in definition order. */
  readonly helpers: Helper[] = [];
  families = 0;
  /** Short plain-English phrases of what each stage does, for the induction message and the description. */
  readonly intent: string[] = [];
  /** Slot of the optional extra int parameter `k` (-1 when the program has none). */
  kSlot = -1;
  /** Whether any builder read k; an unread k is dropped from the signature. */
  kUsed = false;

  constructor(readonly rng: Rng) {}

  /** A point to roll back to: builders only append, so truncating undoes a stage. */
  mark(): CtxMark {
    return { names: this.names.length, helpers: this.helpers.length, body: this.body.length, intent: this.intent.length, families: this.families, kUsed: this.kUsed };
  }

  rollback(m: CtxMark): void {
    // Setting an array's length is a call into the runtime even when it does not change; most rollbacks leave some alone.
    if (this.names.length !== m.names) this.names.length = m.names;
    if (this.body.length !== m.body) this.body.length = m.body;
    if (this.helpers.length !== m.helpers) this.helpers.length = m.helpers;
    if (this.intent.length !== m.intent) this.intent.length = m.intent;
    this.families = m.families;
    this.kUsed = m.kUsed;
  }

  /** A new variable slot named `base`, or base2, base3... when taken, so every slot has its own Python name. */
  slot(base: string): number {
    return newSlot(this.names, base);
  }

  /** Records that a stage used family f; `phrase` (if any) says what it does, for the intent line. */
  tag(f: Family, phrase = ''): void {
    this.families |= familyBit(f);
    if (phrase !== '') this.intent.push(phrase);
  }

  /**
   * Defines a helper taking parameters named `params` and returns its number for callHelper. `build`
   * gets the helper's own scope (slot 0.. are the parameters) and returns its body.
   */
  helper(params: readonly string[], build: (scope: HelperScope) => Stmt[]): number {
    const scope = new HelperScope(params);
    // k is f's parameter, out of the helper's sight: its constants stay constants.
    const kSlot = this.kSlot;
    this.kSlot = -1;
    const body = build(scope);
    this.kSlot = kSlot;
    // g, then h: names f never gives a variable, so a call is never shadowed.
    this.helpers.push({ name: HELPER_NAMES[this.helpers.length] as string, params: params.length, names: scope.names, body });
    return this.helpers.length - 1;
  }

  chance(p: number): boolean {
    return this.rng.next() < p;
  }

  /** cur as a variable reference, assigning it to a fresh variable first when it is a compound expression. */
  hold(cur: Cur, base: string): Expr {
    if (cur.e.k === 'var') return cur.e;
    const s = this.slot(base);
    this.body.push(assign(s, cur.e));
    return ref(s);
  }

  /** A constant, or sometimes the parameter k, to make the program depend on a second argument. */
  constOrK(lo: number, hi: number): Expr {
    if (this.kSlot >= 0 && this.chance(0.3)) {
      this.kUsed = true;
      return ref(this.kSlot);
    }
    return int(this.rng.int(lo, hi));
  }
}

/** Builds one pipeline stage at complexity level 0..3 from the current value; emits statements into ctx.body. */
export type StageBuilder = (ctx: Ctx, cur: Cur, level: number) => Cur;
