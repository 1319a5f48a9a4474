import { append, assign, aug, bin, call, comp, emptyList, forLoop, ifStmt, ifexp, index, int, ref, seq, zipNext } from '../ast/nodes.js';
import type { Stage } from './stage.js';
import { ELEMENT, arith, intCond } from './exprs.js';

/** Running computations over a list: prefix sums, running extremes, neighbour differences. */
export const LIST_SCAN: Stage[] = [
  {
    family: 'list_scan',
    from: 'list_int',
    build(ctx, cur, level) {
      const xs = ctx.hold(cur, 'nums');
      const x = ctx.slot('x');
      const acc = ctx.slot('running');
      const out = ctx.slot('prefix');
      const step = level >= 2 && ctx.chance(0.5)
        ? ifStmt(intCond(ctx, ref(x), level - 1, null, ELEMENT), [aug(acc, '+', arith(ctx, ref(x), level >> 1))], [aug(acc, '-', int(ctx.rng.int(1, 3)))])
        : aug(acc, '+', arith(ctx, ref(x), level >> 1));
      if (step.k === 'if') ctx.tag('branch', 'adds or subtracts depending on a test');
      ctx.body.push(assign(acc, int(0)), assign(out, emptyList), forLoop(x, seq(xs), [step, append(out, ref(acc))]));
      ctx.tag('list_scan', 'keeps a running total');
      return { e: ref(out), ty: 'list_int' };
    },
  },
  {
    family: 'list_scan',
    from: 'list_int',
    build(ctx, cur) {
      const xs = ctx.hold(cur, 'nums');
      const x = ctx.slot('x');
      const best = ctx.slot('best');
      const out = ctx.slot('peaks');
      const wantMax = ctx.chance(0.5);
      ctx.body.push(
        assign(best, ifexp(xs, index(xs, int(0)), int(0))),
        assign(out, emptyList),
        forLoop(x, seq(xs), [assign(best, call(wantMax ? 'max2' : 'min2', ref(best), ref(x))), append(out, ref(best))]),
      );
      ctx.tag('list_scan', wantMax ? 'tracks the largest value so far' : 'tracks the smallest value so far');
      return { e: ref(out), ty: 'list_int' };
    },
  },
  {
    family: 'list_scan',
    from: 'list_int',
    build(ctx, cur, level) {
      const xs = ctx.hold(cur, 'nums');
      const a = ctx.slot('a');
      const b = ctx.slot('b');
      const elem = level >= 1 && ctx.chance(0.5) ? arith(ctx, bin('-', ref(b), ref(a)), level >> 1) : bin(ctx.chance(0.6) ? '-' : '+', ref(b), ref(a));
      ctx.tag('list_scan', 'combines each number with the next one');
      return { e: comp('list', elem, a, zipNext(xs), null, b), ty: 'list_int' };
    },
  },
];
