import { and, append, assign, bin, cmp, comp, emptyList, enumerate, forLoop, ifStmt, int, or, ref, seq } from '../ast/nodes.js';
import type { Stage } from './stage.js';
import { ELEMENT, arith, intCond } from './exprs.js';

/** Keeping the numbers (or positions) that pass a test, optionally transforming the kept ones. */
export const LIST_FILTER: Stage[] = [
  {
    family: 'list_filter',
    from: 'list_int',
    build(ctx, cur, level) {
      const xs = ctx.hold(cur, 'nums');
      const x = ctx.slot('x');
      const cond = intCond(ctx, ref(x), level, null, ELEMENT);
      const mapped = level >= 1 && ctx.chance(0.4);
      const elem = mapped ? arith(ctx, ref(x), 1 + (level >> 1)) : ref(x);
      ctx.tag('list_filter', 'keeps the numbers that pass a test');
      if (mapped) ctx.tag('list_map', 'transforms the kept numbers');
      if (ctx.chance(0.15 + 0.15 * level)) {
        const out = ctx.slot('kept');
        ctx.body.push(assign(out, emptyList), forLoop(x, seq(xs), [ifStmt(cond, [append(out, elem)])]));
        return { e: ref(out), ty: 'list_int' };
      }
      return { e: comp('list', elem, x, seq(xs), cond), ty: 'list_int' };
    },
  },
  {
    family: 'list_filter',
    from: 'list_int',
    build(ctx, cur, level) {
      // Selection by position: every m-th element counted from r, optionally also tested by value.
      const xs = ctx.hold(cur, 'nums');
      const i = ctx.slot('i');
      const x = ctx.slot('x');
      const m = ctx.rng.int(2, 3);
      let cond = cmp('==', bin('%', ref(i), int(m)), int(ctx.rng.int(0, m - 1)));
      if (level >= 2) cond = (ctx.chance(0.5) ? and : or)(cond, intCond(ctx, ref(x), level - 2, null, ELEMENT));
      ctx.tag('list_filter', 'keeps the numbers at some positions');
      return { e: comp('list', ref(x), i, enumerate(xs), cond, x), ty: 'list_int' };
    },
  },
];
