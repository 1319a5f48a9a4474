import type { Expr, Helper, Iter, Program, Stmt } from '../ast/types.js';

/** Features read off the program text: operation count, nesting depth, decision points. */
export interface StaticFeatures {
  ops: number;
  depth: number;
  branches: number;
}

const NO_HELPERS: readonly Helper[] = [];

class Walker {
  ops = 0;
  depth = 0;
  branches = 0;
  /** Each helper is called once, where it is built: walking its body at the call counts it once. */
  constructor(private readonly helpers: readonly Helper[]) {}

  expr(e: Expr, d: number): void {
    switch (e.k) {
      case 'int':
      case 'str':
      case 'bool':
      case 'var':
      case 'empty':
        return;
      case 'bin':
      case 'cmp':
        this.ops++;
        this.expr(e.a, d);
        this.expr(e.b, d);
        return;
      case 'and':
      case 'or':
        // Short-circuiting is a decision the reader has to follow.
        this.ops++;
        this.branches++;
        this.expr(e.a, d);
        this.expr(e.b, d);
        return;
      case 'in':
        this.ops++;
        this.expr(e.a, d);
        this.expr(e.b, d);
        return;
      case 'not':
        this.ops++;
        this.expr(e.a, d);
        return;
      case 'ifexp':
        this.ops++;
        this.branches++;
        this.enter(d + 1);
        this.expr(e.c, d + 1);
        this.expr(e.a, d + 1);
        this.expr(e.b, d + 1);
        return;
      case 'call':
        this.ops++;
        for (const a of e.args) this.expr(a, d);
        return;
      case 'helper':
        // The call, and the definition the reader has to take in: one level in, as a loop body is.
        this.ops += 2;
        for (const a of e.args) this.expr(a, d);
        this.enter(d + 1);
        this.block((this.helpers[e.h] as Helper).body, d + 1);
        return;
      case 'index':
        this.ops++;
        this.expr(e.a, d);
        this.expr(e.i, d);
        return;
      case 'slice':
        this.ops++;
        this.expr(e.a, d);
        return;
      case 'comp':
        this.ops++;
        this.enter(d + 1);
        this.iter(e.iter, d);
        this.expr(e.elem, d + 1);
        if (e.cond !== null) {
          this.branches++;
          this.expr(e.cond, d + 1);
        }
        return;
    }
  }

  private iter(it: Iter, d: number): void {
    if (it.k === 'range') {
      if (it.lo !== null) this.expr(it.lo, d);
      this.expr(it.hi, d);
    } else this.expr(it.a, d);
  }

  private enter(d: number): void {
    if (d > this.depth) this.depth = d;
  }

  block(body: readonly Stmt[], d: number): void {
    for (const s of body) this.stmt(s, d);
  }

  private stmt(s: Stmt, d: number): void {
    switch (s.k) {
      case 'assign':
      case 'return':
        this.expr(s.e, d);
        return;
      case 'aug':
      case 'append':
        this.ops++;
        this.expr(s.e, d);
        return;
      case 'setitem':
        this.ops++;
        this.expr(s.key, d);
        this.expr(s.e, d);
        return;
      case 'for':
        this.ops++;
        this.enter(d + 1);
        this.iter(s.iter, d);
        this.block(s.body, d + 1);
        return;
      case 'while':
        this.ops++;
        this.branches++;
        this.enter(d + 1);
        this.expr(s.c, d + 1);
        this.block(s.body, d + 1);
        return;
      case 'if':
        this.ops++;
        this.branches++;
        this.enter(d + 1);
        this.expr(s.c, d);
        this.block(s.then, d + 1);
        this.block(s.else, d + 1);
        return;
    }
  }
}

export function staticFeatures(p: Program): StaticFeatures {
  const w = new Walker(p.helpers ?? NO_HELPERS);
  w.block(p.body, 0);
  return { ops: w.ops, depth: w.depth, branches: w.branches };
}

/**
 * Features of the top-level statements `stmts` added after a prefix whose features are `prefix`
 * (counts add up, depth is a maximum), plus the expression `result` if given: lets a search that grows
 * a program measure only what each stage added.
 */
export function extendFeatures(prefix: StaticFeatures, stmts: readonly Stmt[], result: Expr | null, helpers: readonly Helper[] = NO_HELPERS): StaticFeatures {
  const w = new Walker(helpers);
  w.ops = prefix.ops;
  w.depth = prefix.depth;
  w.branches = prefix.branches;
  w.block(stmts, 0);
  if (result !== null) w.expr(result, 0);
  return { ops: w.ops, depth: w.depth, branches: w.branches };
}
