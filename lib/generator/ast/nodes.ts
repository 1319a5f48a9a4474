import type { BinOp, CmpOp, CompOut, Expr, Fn, Iter, Stmt } from './types.js';

// Terse constructors so the builders read like the Python they produce.
//
// Nodes are made by a few private classes rather than one object literal per variant: V8 gives each
// class one hidden class, so the evaluator, the feature walker and the renderer read `k` and the
// operands through at most four shapes (a polymorphic inline cache) instead of a dozen (megamorphic,
// a slower lookup); generation measured ~7% faster. Four classes rather than one keep nodes small:
// a single class with every field was no faster and allocated several times the memory per node.
// The rest of the code sees the discriminated unions of types.ts.

/** Constants, variables and empty containers. */
class Leaf {
  v: number | string | boolean = 0;
  slot = -1;
  of: 'list' | 'dict' = 'list';
  constructor(readonly k: 'int' | 'str' | 'bool' | 'var' | 'empty') {}
}

/** Operators, conditional expressions, indexing and slicing. */
class Op {
  op: BinOp | CmpOp = '+';
  b: Expr | null = null;
  c: Expr | null = null;
  i: Expr | null = null;
  negate = false;
  lo: number | null = null;
  hi: number | null = null;
  step: number | null = null;
  constructor(
    readonly k: 'bin' | 'cmp' | 'and' | 'or' | 'not' | 'in' | 'ifexp' | 'index' | 'slice',
    readonly a: Expr,
  ) {}
}

class Call {
  constructor(
    readonly fn: Fn,
    readonly args: Expr[],
  ) {}
  readonly k = 'call';
}

class Comp {
  constructor(
    readonly out: CompOut,
    readonly elem: Expr,
    readonly slot: number,
    readonly iter: Iter,
    readonly cond: Expr | null,
    readonly slot2: number,
    readonly sep: string,
  ) {}
  readonly k = 'comp';
}

class HelperCall {
  constructor(
    readonly h: number,
    readonly args: Expr[],
  ) {}
  readonly k = 'helper';
}

class IterNode {
  constructor(
    readonly k: Iter['k'],
    readonly a: Expr | null,
    readonly lo: Expr | null,
    readonly hi: Expr | null,
  ) {}
}

class StmtNode {
  slot = -1;
  slot2 = -1;
  op: BinOp = '+';
  e: Expr | null = null;
  key: Expr | null = null;
  c: Expr | null = null;
  iter: Iter | null = null;
  body: Stmt[] | null = null;
  then: Stmt[] | null = null;
  else: Stmt[] | null = null;
  constructor(readonly k: Stmt['k']) {}
}

const expr = (n: Leaf | Op | Call | Comp | HelperCall): Expr => n as unknown as Expr;
const stmt = (n: StmtNode): Stmt => n as unknown as Stmt;

function leaf(k: Leaf['k'], v: number | string | boolean, slot = -1): Expr {
  const n = new Leaf(k);
  n.v = v;
  n.slot = slot;
  return expr(n);
}

function empty(of: 'list' | 'dict'): Expr {
  const n = new Leaf('empty');
  n.of = of;
  return expr(n);
}

function op(k: Op['k'], a: Expr, b: Expr | null = null, o: Op['op'] = '+'): Op {
  const n = new Op(k, a);
  n.b = b;
  n.op = o;
  return n;
}

export const int = (v: number): Expr => leaf('int', v);
export const str = (v: string): Expr => leaf('str', v);
export const emptyList: Expr = empty('list');
export const emptyDict: Expr = empty('dict');
export const ref = (slot: number): Expr => leaf('var', 0, slot);
export const bin = (o: BinOp, a: Expr, b: Expr): Expr => expr(op('bin', a, b, o));
export const cmp = (o: CmpOp, a: Expr, b: Expr): Expr => expr(op('cmp', a, b, o));
export const and = (a: Expr, b: Expr): Expr => expr(op('and', a, b));
export const or = (a: Expr, b: Expr): Expr => expr(op('or', a, b));
export const not = (a: Expr): Expr => expr(op('not', a));
export function isIn(a: Expr, b: Expr, negate = false): Expr {
  const n = op('in', a, b);
  n.negate = negate;
  return expr(n);
}
export function ifexp(c: Expr, a: Expr, b: Expr): Expr {
  const n = op('ifexp', a, b);
  n.c = c;
  return expr(n);
}
export const call = (fn: Fn, ...args: Expr[]): Expr => expr(new Call(fn, args));
export const callHelper = (h: number, ...args: Expr[]): Expr => expr(new HelperCall(h, args));
export function index(a: Expr, i: Expr): Expr {
  const n = op('index', a);
  n.i = i;
  return expr(n);
}
export function slice(a: Expr, lo: number | null, hi: number | null, step: number | null = null): Expr {
  const n = op('slice', a);
  n.lo = lo;
  n.hi = hi;
  n.step = step;
  return expr(n);
}

const iter = (k: Iter['k'], a: Expr | null, lo: Expr | null = null, hi: Expr | null = null): Iter => new IterNode(k, a, lo, hi) as unknown as Iter;
export const seq = (a: Expr): Iter => iter('seq', a);
export const range = (hi: Expr, lo: Expr | null = null): Iter => iter('range', null, lo, hi);
export const enumerate = (a: Expr): Iter => iter('enumerate', a);
export const zipNext = (a: Expr): Iter => iter('zip_next', a);

/** A comprehension; `slot2` is the second target of enumerate/zip (-1 otherwise). */
export function comp(out: CompOut, elem: Expr, slot: number, it: Iter, cond: Expr | null = null, slot2 = -1, sep = ''): Expr {
  return expr(new Comp(out, elem, slot, it, cond, slot2, sep));
}

function withExpr(k: Stmt['k'], e: Expr, slot = -1): StmtNode {
  const n = new StmtNode(k);
  n.e = e;
  n.slot = slot;
  return n;
}

export const assign = (slot: number, e: Expr): Stmt => stmt(withExpr('assign', e, slot));
export function aug(slot: number, o: BinOp, e: Expr): Stmt {
  const n = withExpr('aug', e, slot);
  n.op = o;
  return stmt(n);
}
export const append = (slot: number, e: Expr): Stmt => stmt(withExpr('append', e, slot));
export function setitem(slot: number, key: Expr, e: Expr): Stmt {
  const n = withExpr('setitem', e, slot);
  n.key = key;
  return stmt(n);
}
export function forLoop(slot: number, it: Iter, body: Stmt[], slot2 = -1): Stmt {
  const n = new StmtNode('for');
  n.slot = slot;
  n.slot2 = slot2;
  n.iter = it;
  n.body = body;
  return stmt(n);
}
export function whileLoop(c: Expr, body: Stmt[]): Stmt {
  const n = new StmtNode('while');
  n.c = c;
  n.body = body;
  return stmt(n);
}
export function ifStmt(c: Expr, then: Stmt[], otherwise: Stmt[] = []): Stmt {
  const n = new StmtNode('if');
  n.c = c;
  n.then = then;
  n.else = otherwise;
  return stmt(n);
}
export const ret = (e: Expr): Stmt => stmt(withExpr('return', e));
