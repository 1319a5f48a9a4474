import { assign, ref } from '../ast/nodes.js';
import { arith, intCond } from './exprs.js';
import type { Stage } from './stage.js';

/** Integer arithmetic on a number: +, -, *, //, %, abs, min, max. */
export const ARITH: Stage[] = [
  {
    family: 'arith',
    from: 'int',
    build(ctx, cur, level) {
      const n = ctx.hold(cur, 'n');
      ctx.tag('arith', 'does arithmetic on the number');
      return { e: arith(ctx, n, 1 + level + ctx.rng.int(0, 1)), ty: 'int' };
    },
  },
  {
    family: 'arith',
    from: 'int',
    build(ctx, cur, level) {
      // Two named intermediate results, the way a person splits a formula.
      const n = ctx.hold(cur, 'n');
      const a = ctx.slot('a');
      ctx.body.push(assign(a, arith(ctx, n, 1 + (level >> 1))));
      ctx.tag('arith', 'combines two arithmetic results');
      return { e: arith(ctx, ref(a), 1 + (level >> 1), n), ty: 'int' };
    },
  },
  {
    family: 'arith',
    from: 'int',
    build(ctx, cur, level) {
      const n = ctx.hold(cur, 'n');
      ctx.tag('arith', 'tests a property of the number');
      return { e: intCond(ctx, n, level), ty: 'bool' };
    },
  },
];
