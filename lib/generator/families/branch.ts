import { assign, call, ifStmt, ref, slice } from '../ast/nodes.js';
import type { Stmt } from '../ast/types.js';
import type { Span } from './exprs.js';
import { arith, intCond } from './exprs.js';

const LENGTH: Span = [0, 8];
const SUM: Span = [-10, 120];
import type { Stage } from './stage.js';

/** Statement-level if/elif/else choosing between computations. */
export const BRANCH: Stage[] = [
  {
    family: 'branch',
    from: 'int',
    build(ctx, cur, level) {
      const n = ctx.hold(cur, 'n');
      const out = ctx.slot('result');
      const arms = level >= 2 ? 3 : 2;
      const ops = 1 + (level >> 1);
      let tail: Stmt[] = [assign(out, arith(ctx, n, ops))];
      for (let i = 1; i < arms; i++) tail = [ifStmt(intCond(ctx, n, level), [assign(out, arith(ctx, n, ops))], tail)];
      ctx.body.push(...tail);
      ctx.tag('branch', arms === 3 ? 'picks one of three formulas depending on the number' : 'picks a formula depending on the number');
      return { e: ref(out), ty: 'int' };
    },
  },
  {
    family: 'branch',
    from: 'list_int',
    build(ctx, cur, level) {
      const xs = ctx.hold(cur, 'nums');
      const out = ctx.slot('chosen');
      const byLength = ctx.rng.next() < 0.5;
      const test = byLength ? intCond(ctx, call('len', xs), level, null, LENGTH) : intCond(ctx, call('sum', xs), level, null, SUM);
      ctx.body.push(ifStmt(test, [assign(out, call('sorted', xs))], [assign(out, slice(xs, null, null, -1))]));
      ctx.tag('branch', 'sorts or reverses the list depending on a test');
      return { e: ref(out), ty: 'list_int' };
    },
  },
];
