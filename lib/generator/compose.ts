import type { Rng } from '../random/rng.js';
import { ref, ret } from './ast/nodes.js';
import type { Expr, Helper, InputTy, Param, Program, Stmt } from './ast/types.js';
import type { Cur, CtxMark } from './families/context.js';
import { Ctx } from './families/context.js';
import { RICH_FROM, STAGES_FROM } from './families/registry.js';
import type { Stage } from './families/stage.js';

export interface Built {
  program: Program;
  /** Family bit set (families/family.ts). */
  families: number;
  /** Plain-English phrases, one per stage, in order. */
  intent: string[];
}

const START: readonly InputTy[] = ['list_int', 'list_int', 'list_int', 'str', 'str', 'int', 'int', 'list_str'];
const PARAM_NAME: Readonly<Record<InputTy, string>> = { int: 'n', str: 's', list_int: 'xs', list_str: 'words' };
/** One shared empty statement list: most stages add only an expression. */
export const NO_STATEMENTS: readonly Stmt[] = [];

export interface PipelineMark {
  ctx: CtxMark;
  cur: Cur;
  /** STAGES_FROM[cur.ty], so a rollback need not look it up again. */
  next: readonly (readonly Stage[])[];
  stages: number;
}

/** How often a level-3 stage is a top-end one, where the current type has any. */
const RICH_CHANCE = 0.5;

/** Longest pipeline; longer ones read as several unrelated programs glued together. */
export const MAX_STAGES = 5;

/**
 * A program under construction as a pipeline of stages, each transforming the value the previous one
 * produced (composition). It can be completed (`built`) after any stage, so a search can grow it until
 * its measured difficulty is high enough.
 */
export class Pipeline {
  private readonly ctx: Ctx;
  private cur: Cur;
  /**
   * The stage groups that accept the current value, STAGES_FROM[cur.ty], kept with it: looking a type
   * name up in that table on every canGrow is a megamorphic keyed load (six names at one site).
   */
  private next: readonly (readonly Stage[])[];
  private readonly main: number;
  /** Argument types in order; k's value is drawn with the others but passed only if a stage reads k. */
  readonly argTypes: readonly InputTy[];
  /** The slot of each argument in argTypes. */
  readonly argSlots: readonly number[];
  stages = 0;

  constructor(rng: Rng, withK: boolean) {
    this.ctx = new Ctx(rng);
    const startTy = rng.pick(START);
    this.main = this.ctx.slot(PARAM_NAME[startTy]);
    if (withK) this.ctx.kSlot = this.ctx.slot('k');
    this.argTypes = withK ? [startTy, 'int'] : [startTy];
    this.argSlots = withK ? [this.main, this.ctx.kSlot] : [this.main];
    this.cur = { e: ref(this.main), ty: startTy };
    this.next = STAGES_FROM[startTy];
  }

  /** Everything needed to undo the stages added after this point. */
  mark(): PipelineMark {
    return { ctx: this.ctx.mark(), cur: this.cur, next: this.next, stages: this.stages };
  }

  rollback(m: PipelineMark): void {
    this.ctx.rollback(m.ctx);
    this.cur = m.cur;
    this.next = m.next;
    this.stages = m.stages;
  }

  /** Whether another stage can follow the current value. */
  canGrow(): boolean {
    return this.stages < MAX_STAGES && this.next.length > 0;
  }

  /**
   * Adds one stage at complexity `level` (0..3); false when the current value's type takes no further
   * stage. At the richest level a top-end stage (parsing, state, helpers) is drawn RICH_CHANCE of the time.
   */
  add(level: number): boolean {
    if (!this.canGrow()) return false;
    const rng = this.ctx.rng;
    const rich = RICH_FROM[this.cur.ty];
    const groups = level >= 3 && rich.length > 0 && rng.next() < RICH_CHANCE ? rich : this.next;
    this.cur = rng.pick(rng.pick(groups)).build(this.ctx, this.cur, level);
    this.next = STAGES_FROM[this.cur.ty];
    this.stages++;
    return true;
  }

  /** Top-level statements emitted so far from index `from` on (the program's body without its return). */
  statements(from: number): readonly Stmt[] {
    // Most stages add only an expression: no copy then.
    return from >= this.ctx.body.length ? NO_STATEMENTS : this.ctx.body.slice(from);
  }

  /** The helpers defined so far (the live list: stages append to it, rollbacks truncate it). */
  get helpers(): readonly Helper[] {
    return this.ctx.helpers;
  }

  get statementCount(): number {
    return this.ctx.body.length;
  }

  /** The expression the program would return now. */
  get result(): Expr {
    return this.cur.e;
  }

  /** f's parameter count now: k is passed only once a stage reads it. */
  get paramCount(): number {
    return this.ctx.kUsed ? 2 : 1;
  }

  /** The program returning the current value; later stages may still be added. */
  built(): Built {
    return this.builtAt(this.mark());
  }

  /**
   * The program as it was at mark `m`, valid while no rollback has gone below it: builders only append,
   * so the first statements, names and phrases are still those of then. Lets a search keep a measured
   * stage as a mark and build its program only if it is the one finally taken.
   */
  builtAt(m: PipelineMark): Built {
    const ctx = this.ctx;
    const params: Param[] = [{ slot: this.main, ty: this.argTypes[0] as InputTy }];
    if (m.ctx.kUsed) params.push({ slot: ctx.kSlot, ty: 'int' });
    const body = ctx.body.slice(0, m.ctx.body);
    body.push(ret(m.cur.e));
    const helpers = m.ctx.helpers === 0 ? undefined : ctx.helpers.slice(0, m.ctx.helpers);
    return {
      program: { params, body, names: ctx.names.slice(0, m.ctx.names), returns: m.cur.ty, ...(helpers && { helpers }) },
      families: m.ctx.families,
      intent: ctx.intent.slice(0, m.ctx.intent),
    };
  }
}

/** Complexity level of a stage in a reference program of the given size. */
function referenceLevel(size: number, rng: Rng): number {
  return Math.max(0, Math.min(3, Math.floor(size * 3.6 + rng.next() - 0.4)));
}

/**
 * A reference program: size in [0, 1] sets the number of stages and their levels. The calibration
 * table is the distribution of these programs' raw scores for size drawn uniformly.
 */
export function referenceProgram(rng: Rng, size: number): Pipeline {
  const pipe = new Pipeline(rng, rng.next() < kChance(size));
  const stages = Math.min(4, 1 + Math.floor(size * 2.6 + rng.next() * 1.2));
  for (let i = 0; i < stages && pipe.add(referenceLevel(size, rng)); i++);
  return pipe;
}

/** How often a program of this size takes a second argument k. */
export function kChance(size: number): number {
  return 0.15 + 0.35 * size;
}
