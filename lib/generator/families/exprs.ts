import { and, bin, call, cmp, int, isIn, not, or, slice, str } from '../ast/nodes.js';
import type { BinOp, CmpOp, Expr } from '../ast/types.js';
import type { Ctx } from './context.js';

const ORDER: readonly CmpOp[] = ['<', '<=', '>', '>='];
const EQ: readonly CmpOp[] = ['==', '!='];
const LETTER_SETS = ['aeiou', 'aei', 'bcd', 'fgh', 'acegi', 'ej'] as const;
export const LETTERS = 'abcdefghij';
/** Letters that most inputs contain (inputs draw from the first 3 to 10 letters), so tests on them vary. */
const COMMON = LETTERS.slice(0, 5).split('');

export function commonLetter(ctx: Ctx): string {
  return ctx.rng.pick(COMMON);
}

const ARITH_OPS: readonly BinOp[] = ['+', '-', '*', '//', '%', '+', '-', '*'];

/**
 * A random integer expression with `ops` operators whose leftmost leaf is `v` (so it depends on it);
 * other leaves are small constants, `extra` (e.g. an index) or k. Divisors are positive constants and
 * multipliers small, so results rarely leave the exact range; a right operand is either a leaf or a
 * term on a variable, never a constant sub-expression a person would fold.
 */
export function arith(ctx: Ctx, v: Expr, ops: number, extra: Expr | null = null): Expr {
  if (ops <= 0) return v;
  const r = ctx.rng;
  const choice = r.int(0, 11);
  if (choice === 0) return call('abs', bin('-', arith(ctx, v, ops - 1, extra), int(r.int(1, 9))));
  if (choice === 1) return call(r.next() < 0.5 ? 'max2' : 'min2', arith(ctx, v, ops - 1, extra), ctx.constOrK(0, 9));
  const op = r.pick(ARITH_OPS);
  if (op === '//' || op === '%') return bin(op, arith(ctx, v, ops - 1, extra), int(r.int(2, 9)));
  const leftOps = r.int(0, ops - 1);
  const left = arith(ctx, v, leftOps, extra);
  const rest = ops - 1 - leftOps;
  // A right operand with operators of its own is a term on a variable, never a constant expression.
  if (rest > 0) return bin(op, left, arith(ctx, extra !== null && r.next() < 0.5 ? extra : v, rest, extra));
  if (op === '*') return bin(op, left, int(r.int(2, 5)));
  return bin(op, left, extra !== null && r.next() < 0.4 ? extra : ctx.constOrK(1, 9));
}

/** A closed integer interval a value is expected to lie in. */
export type Span = readonly [number, number];

/** Typical ranges of the ints the builders test: list elements, positions, and anything else. */
export const ELEMENT: Span = [-5, 30];
export const POSITION: Span = [0, 8];
export const NUMBER: Span = [-10, 40];

/**
 * The interval `e` ranges over when `v` ranges over `vs` (k over 1..9), or null when e reads another
 * variable. Used to draw comparison constants inside the range, so a test is neither always true nor
 * always false (`x % 2 > 9` would make the whole program constant).
 */
function span(ctx: Ctx, e: Expr, v: Expr, vs: Span): Span | null {
  if (e === v) return vs;
  switch (e.k) {
    case 'int':
      return [e.v, e.v];
    case 'var':
      return e.slot === ctx.kSlot ? [1, 9] : null;
    case 'call': {
      const a = span(ctx, e.args[0] as Expr, v, vs);
      if (a === null) return null;
      if (e.fn === 'abs') return a[0] >= 0 ? a : a[1] <= 0 ? [-a[1], -a[0]] : [0, Math.max(-a[0], a[1])];
      const b = span(ctx, e.args[1] as Expr, v, vs);
      if (b === null) return null;
      if (e.fn === 'max2') return [Math.max(a[0], b[0]), Math.max(a[1], b[1])];
      if (e.fn === 'min2') return [Math.min(a[0], b[0]), Math.min(a[1], b[1])];
      return null;
    }
    case 'bin': {
      const a = span(ctx, e.a, v, vs);
      const b = span(ctx, e.b, v, vs);
      if (a === null || b === null) return null;
      switch (e.op) {
        case '+':
          return [a[0] + b[0], a[1] + b[1]];
        case '-':
          return [a[0] - b[1], a[1] - b[0]];
        case '*': {
          const xs = [a[0] * b[0], a[0] * b[1], a[1] * b[0], a[1] * b[1]];
          return [Math.min(...xs), Math.max(...xs)];
        }
        case '//':
          return b[0] > 0 && b[0] === b[1] ? [Math.floor(a[0] / b[0]), Math.floor(a[1] / b[0])] : null;
        case '%':
          return b[0] > 0 && b[0] === b[1] ? [0, b[0] - 1] : null;
      }
      return null;
    }
    default:
      return null;
  }
}

/** A constant strictly inside `s` when it has an inside, so both outcomes of an order test can happen. */
function inside(ctx: Ctx, s: Span): Expr {
  return s[1] - s[0] >= 2 ? int(ctx.rng.int(s[0] + 1, s[1] - 1)) : int(ctx.rng.int(s[0], s[1]));
}

function intTest(ctx: Ctx, v: Expr, level: number, extra: Expr | null, vs: Span): Expr {
  const r = ctx.rng;
  switch (r.int(0, 3)) {
    case 0: {
      const m = r.int(2, 5);
      return cmp(r.pick(EQ), bin('%', v, int(m)), int(r.int(0, m - 1)));
    }
    case 1:
      return cmp(r.pick(ORDER), v, ctx.kSlot >= 0 && r.next() < 0.3 ? ctx.constOrK(1, 9) : inside(ctx, vs));
    case 2: {
      const e = arith(ctx, v, 1 + (level >> 1), extra);
      const s = span(ctx, e, v, vs);
      // Order tests only: equality with a computed value is too often impossible (i * 4 == 9).
      return cmp(r.pick(ORDER), e, s === null ? ctx.constOrK(0, 15) : inside(ctx, s));
    }
    default:
      return cmp(r.pick(ORDER), v, extra ?? inside(ctx, vs));
  }
}

/** A test on the int `v` (expected to lie in `vs`); higher levels combine tests with and/or/not. */
export function intCond(ctx: Ctx, v: Expr, level: number, extra: Expr | null = null, vs: Span = NUMBER): Expr {
  const r = ctx.rng;
  let c = intTest(ctx, v, level, extra, vs);
  if (level >= 2 && r.next() < 0.6) c = r.next() < 0.5 ? and(c, intTest(ctx, v, level, extra, vs)) : or(c, intTest(ctx, v, level, extra, vs));
  if (level >= 3 && r.next() < 0.3) c = not(c);
  return c;
}

function charTest(ctx: Ctx, c: Expr): Expr {
  const r = ctx.rng;
  switch (r.int(0, 3)) {
    case 0:
      return isIn(c, str(r.pick(LETTER_SETS)), r.next() < 0.4);
    case 1:
      return cmp(r.pick(EQ), c, str(r.pick(COMMON)));
    case 2:
      return cmp(r.pick(ORDER), c, str(r.pick(COMMON)));
    default:
      return cmp('==', bin('%', call('ord', c), int(r.int(2, 3))), int(r.int(0, 1)));
  }
}

/** A test on the one-character string `c`. */
export function charCond(ctx: Ctx, c: Expr, level: number): Expr {
  const r = ctx.rng;
  const e = charTest(ctx, c);
  if (level >= 2 && r.next() < 0.6) return r.next() < 0.5 ? and(e, charTest(ctx, c)) : or(e, charTest(ctx, c));
  return e;
}

function wordTest(ctx: Ctx, w: Expr): Expr {
  const r = ctx.rng;
  switch (r.int(0, 3)) {
    case 0:
      return cmp(r.pick(ORDER), call('len', w), int(r.int(1, 4)));
    case 1:
      // w[:1] / w[-1:]: first or last letter without failing on an empty word.
      return cmp('==', r.next() < 0.5 ? slice(w, null, 1) : slice(w, -1, null), str(r.pick(COMMON)));
    case 2:
      return isIn(str(r.pick(COMMON)), w, r.next() < 0.3);
    default:
      return cmp('==', w, slice(w, null, null, -1));
  }
}

/** A test on the word `w`; slices rather than indexing, so empty words (from split) never fail. */
export function wordCond(ctx: Ctx, w: Expr, level: number): Expr {
  const r = ctx.rng;
  const e = wordTest(ctx, w);
  if (level >= 2 && r.next() < 0.5) return r.next() < 0.5 ? and(e, wordTest(ctx, w)) : or(e, wordTest(ctx, w));
  return e;
}
