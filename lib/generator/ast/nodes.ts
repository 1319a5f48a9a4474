import type { BinOp, CmpOp, CompOut, Expr, Fn, Iter, Stmt } from './types.js';

// Terse constructors so the builders read like the Python they produce.

export const int = (v: number): Expr => ({ k: 'int', v });
export const str = (v: string): Expr => ({ k: 'str', v });
export const emptyList: Expr = { k: 'empty', of: 'list' };
export const emptyDict: Expr = { k: 'empty', of: 'dict' };
export const ref = (slot: number): Expr => ({ k: 'var', slot });
export const bin = (op: BinOp, a: Expr, b: Expr): Expr => ({ k: 'bin', op, a, b });
export const cmp = (op: CmpOp, a: Expr, b: Expr): Expr => ({ k: 'cmp', op, a, b });
export const and = (a: Expr, b: Expr): Expr => ({ k: 'and', a, b });
export const or = (a: Expr, b: Expr): Expr => ({ k: 'or', a, b });
export const not = (a: Expr): Expr => ({ k: 'not', a });
export const isIn = (a: Expr, b: Expr, negate = false): Expr => ({ k: 'in', a, b, negate });
export const ifexp = (c: Expr, a: Expr, b: Expr): Expr => ({ k: 'ifexp', c, a, b });
export const call = (fn: Fn, ...args: Expr[]): Expr => ({ k: 'call', fn, args });
export const index = (a: Expr, i: Expr): Expr => ({ k: 'index', a, i });
export const slice = (a: Expr, lo: number | null, hi: number | null, step: number | null = null): Expr => ({
  k: 'slice',
  a,
  lo,
  hi,
  step,
});

export const seq = (a: Expr): Iter => ({ k: 'seq', a });
export const range = (hi: Expr, lo: Expr | null = null): Iter => ({ k: 'range', lo, hi });
export const enumerate = (a: Expr): Iter => ({ k: 'enumerate', a });
export const zipNext = (a: Expr): Iter => ({ k: 'zip_next', a });

/** A comprehension; `slot2` is the second target of enumerate/zip (-1 otherwise). */
export function comp(out: CompOut, elem: Expr, slot: number, iter: Iter, cond: Expr | null = null, slot2 = -1, sep = ''): Expr {
  return { k: 'comp', out, sep, elem, slot, slot2, iter, cond };
}

export const assign = (slot: number, e: Expr): Stmt => ({ k: 'assign', slot, e });
export const aug = (slot: number, op: BinOp, e: Expr): Stmt => ({ k: 'aug', slot, op, e });
export const append = (slot: number, e: Expr): Stmt => ({ k: 'append', slot, e });
export const setitem = (slot: number, key: Expr, e: Expr): Stmt => ({ k: 'setitem', slot, key, e });
export const forLoop = (slot: number, iter: Iter, body: Stmt[], slot2 = -1): Stmt => ({ k: 'for', slot, slot2, iter, body });
export const whileLoop = (c: Expr, body: Stmt[]): Stmt => ({ k: 'while', c, body });
export const ifStmt = (c: Expr, then: Stmt[], otherwise: Stmt[] = []): Stmt => ({ k: 'if', c, then, else: otherwise });
export const ret = (e: Expr): Stmt => ({ k: 'return', e });
