import { and, append, assign, aug, bin, call, callHelper, cmp, emptyList, forLoop, ifStmt, index, int, ref, ret, seq, slice, whileLoop } from '../ast/nodes.js';
import type { CmpOp } from '../ast/types.js';
import type { Ctx, Cur } from './context.js';
import { ELEMENT, arith, intCond } from './exprs.js';
import type { Stage } from './stage.js';

const ORDER: readonly CmpOp[] = ['<', '<=', '>', '>='];

/** Two pointers walking in from both ends; each step takes the end that wins a comparison. */
function twoPointers(ctx: Ctx, cur: Cur, level: number): Cur {
  const xs = ctx.hold(cur, 'nums');
  const i = ctx.slot('i');
  const j = ctx.slot('j');
  const out = ctx.slot('out');
  const left = index(xs, ref(i));
  const right = index(xs, ref(j));
  ctx.body.push(
    assign(i, int(0)),
    assign(j, bin('-', call('len', xs), int(1))),
    assign(out, emptyList),
    whileLoop(cmp('<=', ref(i), ref(j)), [
      ifStmt(cmp(ctx.rng.pick(ORDER), left, right), [append(out, arith(ctx, left, level >> 1)), aug(i, '+', int(1))], [append(out, right), aug(j, '-', int(1))]),
    ]),
  );
  ctx.tag('state', 'walks in from both ends, taking one end at a time');
  ctx.tag('branch');
  return { e: ref(out), ty: 'list_int' };
}

/** The longest streak (or the largest streak total) of numbers a helper's test accepts. */
function streak(ctx: Ctx, cur: Cur, level: number): Cur {
  const xs = ctx.hold(cur, 'nums');
  const g = ctx.helper(['x'], () => [ret(intCond(ctx, ref(0), Math.max(2, level), null, ELEMENT))]);
  const x = ctx.slot('x');
  const run = ctx.slot('run');
  const best = ctx.slot('best');
  const totals = ctx.chance(0.5);
  ctx.body.push(
    assign(best, int(0)),
    assign(run, int(0)),
    forLoop(x, seq(xs), [
      ifStmt(callHelper(g, ref(x)), [aug(run, '+', totals ? ref(x) : int(1)), ifStmt(cmp('>', ref(run), ref(best)), [assign(best, ref(run))])], [assign(run, int(0))]),
    ]),
  );
  ctx.tag('state', totals ? 'finds the largest total of a streak of numbers that pass a test' : 'finds the longest streak of numbers that pass a test');
  ctx.tag('helper', 'with a helper for the test');
  ctx.tag('branch');
  return { e: ref(best), ty: 'int' };
}

/** A stack: a number cancels the top when the two match a test, otherwise it is pushed. */
function stack(ctx: Ctx, cur: Cur, level: number): Cur {
  const xs = ctx.hold(cur, 'nums');
  const x = ctx.slot('x');
  const st = ctx.slot('stack');
  const top = index(ref(st), int(-1));
  const m = ctx.rng.int(2, 5);
  const match = ctx.rng.pick([cmp('==', bin('%', bin('+', top, ref(x)), int(m)), int(0)), cmp('==', top, ref(x)), cmp(ctx.rng.pick(ORDER), top, ref(x))]);
  const push = level >= 3 && ctx.chance(0.5) ? append(st, arith(ctx, ref(x), 1)) : append(st, ref(x));
  ctx.body.push(
    assign(st, emptyList),
    forLoop(x, seq(xs), [ifStmt(and(cmp('>', call('len', ref(st)), int(0)), match), [assign(st, slice(ref(st), null, -1))], [push])]),
  );
  ctx.tag('state', 'keeps a stack where a number cancels the top when the two match');
  ctx.tag('branch');
  return { e: ref(st), ty: 'list_int' };
}

/** A digit-sum helper with a while loop, applied to each number; a test on the sum picks what is kept. */
function digitSums(ctx: Ctx, cur: Cur, level: number): Cur {
  const xs = ctx.hold(cur, 'nums');
  const base = ctx.rng.pick([10, 10, 2, 3]);
  const g = ctx.helper(['n'], (h) => {
    const total = h.slot('total');
    return [
      assign(0, call('abs', ref(0))),
      assign(total, int(0)),
      whileLoop(cmp('>', ref(0), int(0)), [aug(total, '+', bin('%', ref(0), int(base))), aug(0, '//', int(base))]),
      ret(ref(total)),
    ];
  });
  const x = ctx.slot('x');
  const d = ctx.slot('d');
  const out = ctx.slot('out');
  ctx.body.push(
    assign(out, emptyList),
    forLoop(x, seq(xs), [
      assign(d, callHelper(g, ref(x))),
      ifStmt(intCond(ctx, ref(d), level - 1, null, [0, 18]), [append(out, arith(ctx, ref(x), level >> 1))], [append(out, ref(d))]),
    ]),
  );
  ctx.tag('helper', base === 10 ? 'with a helper that adds up the decimal digits' : `with a helper that adds up the base-${base} digits`);
  ctx.tag('state', 'keeps a number or its digit sum depending on a test');
  ctx.tag('branch');
  return { e: ref(out), ty: 'list_int' };
}

export const STATE: Stage[] = [
  { family: 'state', from: 'list_int', build: twoPointers },
  { family: 'state', from: 'list_int', build: streak },
  { family: 'state', from: 'list_int', build: stack },
  { family: 'helper', from: 'list_int', build: digitSums },
];
