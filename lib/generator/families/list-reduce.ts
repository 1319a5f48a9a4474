import { assign, aug, bin, call, comp, forLoop, ifStmt, index, int, range, ref, seq } from '../ast/nodes.js';
import type { Expr } from '../ast/types.js';
import type { Ctx, Cur } from './context.js';
import type { Span } from './exprs.js';
import { ELEMENT, arith, intCond } from './exprs.js';
import type { Stage } from './stage.js';

/** Sums and differences of two list elements. */
const PAIR: Span = [ELEMENT[0] - ELEMENT[1], 2 * ELEMENT[1]];

/** Folding a list of ints to one value: built-ins, conditional sums and counts, explicit accumulators. */
function reduce(ctx: Ctx, cur: Cur, level: number): Cur {
  const r = ctx.rng;
  switch (r.int(0, level === 0 ? 3 : level === 1 ? 6 : 7)) {
    case 0:
      ctx.tag('list_reduce', 'adds the numbers up');
      return { e: call('sum', cur.e), ty: 'int' };
    case 1:
      ctx.tag('list_reduce', 'counts the numbers');
      return { e: call('len', cur.e), ty: 'int' };
    case 2: {
      const max = r.next() < 0.5;
      ctx.tag('list_reduce', max ? 'finds the largest number' : 'finds the smallest number');
      return { e: call(max ? 'max_default' : 'min_default', cur.e, int(0)), ty: 'int' };
    }
    case 3:
      ctx.tag('list_reduce', r.next() < 0.5 ? 'counts the distinct numbers' : 'counts how many distinct values there are');
      return { e: call('distinct', cur.e), ty: 'int' };
    case 4: {
      const xs = ctx.hold(cur, 'nums');
      const x = ctx.slot('x');
      const count = r.next() < 0.4;
      ctx.tag('list_reduce', count ? 'counts the numbers that pass a test' : 'adds up a value for each number that passes a test');
      return { e: comp('sum', count ? int(1) : arith(ctx, ref(x), level >> 1), x, seq(xs), intCond(ctx, ref(x), level - 1, null, ELEMENT)), ty: 'int' };
    }
    case 5: {
      const xs = ctx.hold(cur, 'nums');
      const x = ctx.slot('x');
      const any = r.next() < 0.5;
      ctx.tag('list_reduce', any ? 'checks whether some number passes a test' : 'checks whether every number passes a test');
      return { e: comp(any ? 'any' : 'all', intCond(ctx, ref(x), level - 1, null, ELEMENT), x, seq(xs)), ty: 'bool' };
    }
    case 7: {
      // Nested loops over index pairs: quadratic trip count, the hardest shape to trace by hand.
      const xs = ctx.hold(cur, 'nums');
      const i = ctx.slot('i');
      const j = ctx.slot('j');
      const pairs = ctx.slot('pairs');
      const pair = bin(r.next() < 0.6 ? '+' : '-', index(xs, ref(i)), index(xs, ref(j)));
      ctx.body.push(
        assign(pairs, int(0)),
        forLoop(i, range(call('len', xs)), [
          forLoop(j, range(call('len', xs), bin('+', ref(i), int(1))), [ifStmt(intCond(ctx, pair, level - 2, null, PAIR), [aug(pairs, '+', int(1))])]),
        ]),
      );
      ctx.tag('list_reduce', 'counts the pairs of numbers that pass a test');
      ctx.tag('branch');
      return { e: ref(pairs), ty: 'int' };
    }
    // 6, and the compiler's catch-all (the draw above never leaves 0..7).
    case 6:
    default: {
      // An explicit accumulator whose update depends on a test: the classic hand-traced loop.
      const xs = ctx.hold(cur, 'nums');
      const x = ctx.slot('x');
      const total = ctx.slot('total');
      const up: Expr = arith(ctx, ref(x), level >> 1);
      const body = level >= 2
        ? [ifStmt(intCond(ctx, ref(x), level - 1, null, ELEMENT), [aug(total, '+', up)], [aug(total, r.next() < 0.5 ? '-' : '+', int(r.int(1, 4)))])]
        : [assign(total, bin('%', bin('+', bin('*', ref(total), int(r.int(2, 3))), up), int(r.pick([97, 1000, 1009]))))];
      if (level >= 2) ctx.tag('branch', 'updates the total depending on a test');
      ctx.body.push(assign(total, int(r.int(0, 2))), forLoop(x, seq(xs), body));
      ctx.tag('list_reduce', level >= 2 ? 'keeps a total' : 'folds the numbers into a checksum');
      return { e: ref(total), ty: 'int' };
    }
  }
}

export const LIST_REDUCE: Stage[] = [{ family: 'list_reduce', from: 'list_int', build: reduce }];
