import { and, bin, call, cmp, int, isIn, not, or, slice, str } from '../ast/nodes.js';
import type { BinOp, CmpOp, Expr } from '../ast/types.js';
import type { Ctx } from './context.js';

const CMP: readonly CmpOp[] = ['<', '<=', '>', '>=', '==', '!='];
const ORDER: readonly CmpOp[] = ['<', '<=', '>', '>='];
const EQ: readonly CmpOp[] = ['==', '!='];
const LETTER_SETS = ['aeiou', 'aei', 'bcd', 'fgh', 'acegi', 'ej'] as const;
export const LETTERS = 'abcdefghij';
const LETTER_LIST = LETTERS.split('');

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

function intTest(ctx: Ctx, v: Expr, level: number, extra: Expr | null): Expr {
  const r = ctx.rng;
  switch (r.int(0, 3)) {
    case 0: {
      const m = r.int(2, 5);
      return cmp(r.pick(EQ), bin('%', v, int(m)), int(r.int(0, m - 1)));
    }
    case 1:
      return cmp(r.pick(ORDER), v, ctx.constOrK(-3, 12));
    case 2:
      return cmp(r.pick(CMP), arith(ctx, v, 1 + (level >> 1), extra), ctx.constOrK(0, 15));
    default:
      return cmp(r.pick(ORDER), v, extra ?? int(r.int(0, 9)));
  }
}

/** A test on the int `v`; higher levels combine tests with and/or/not. */
export function intCond(ctx: Ctx, v: Expr, level: number, extra: Expr | null = null): Expr {
  const r = ctx.rng;
  let c = intTest(ctx, v, level, extra);
  if (level >= 2 && r.next() < 0.6) c = r.next() < 0.5 ? and(c, intTest(ctx, v, level, extra)) : or(c, intTest(ctx, v, level, extra));
  if (level >= 3 && r.next() < 0.3) c = not(c);
  return c;
}

function charTest(ctx: Ctx, c: Expr): Expr {
  const r = ctx.rng;
  switch (r.int(0, 3)) {
    case 0:
      return isIn(c, str(r.pick(LETTER_SETS)), r.next() < 0.4);
    case 1:
      return cmp(r.pick(EQ), c, str(r.pick(LETTER_LIST)));
    case 2:
      return cmp(r.pick(ORDER), c, str(r.pick(LETTER_LIST)));
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
      return cmp('==', r.next() < 0.5 ? slice(w, null, 1) : slice(w, -1, null), str(r.pick(LETTER_LIST)));
    case 2:
      return isIn(str(r.pick(LETTER_LIST)), w, r.next() < 0.3);
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
