import { assign, aug, bin, call, cmp, comp, forLoop, ifStmt, ifexp, int, range, ref, whileLoop } from '../ast/nodes.js';
import { POSITION, arith, intCond } from './exprs.js';
import type { Stage } from './stage.js';

/** Moduli that keep accumulators bounded. */
const MODULI = [97, 101, 1000, 1009] as const;

/** Bounded loops driven by a number: digit loops, range accumulators, Collatz walks, range comprehensions. */
export const INT_LOOP: Stage[] = [
  {
    family: 'int_loop',
    from: 'int',
    build(ctx, cur, level) {
      // Digit loop: trips = number of digits, so it always ends.
      const n = ctx.hold(cur, 'n');
      const m = ctx.slot('m');
      const total = ctx.slot('total');
      const base = ctx.rng.pick([10, 10, 2, 3]);
      const digit = bin('%', ref(m), int(base));
      ctx.body.push(
        assign(m, call('abs', n)),
        assign(total, int(0)),
        whileLoop(cmp('>', ref(m), int(0)), [aug(total, '+', arith(ctx, digit, level >> 1)), aug(m, '//', int(base))]),
      );
      ctx.tag('int_loop', base === 10 ? 'walks through the decimal digits' : `walks through the base-${base} digits`);
      return { e: ref(total), ty: 'int' };
    },
  },
  {
    family: 'int_loop',
    from: 'int',
    build(ctx, cur, level) {
      const n = ctx.hold(cur, 'n');
      const acc = ctx.slot('acc');
      const i = ctx.slot('i');
      const trips = bin('+', bin('%', call('abs', n), int(ctx.rng.int(5, 12))), int(1));
      const step = level >= 2 && ctx.chance(0.6)
        ? [ifStmt(intCond(ctx, ref(i), level - 1, ref(acc), POSITION), [aug(acc, '+', arith(ctx, ref(i), level >> 1))], [aug(acc, '-', int(ctx.rng.int(1, 5)))])]
        : [assign(acc, bin('%', bin('+', bin('*', ref(acc), int(ctx.rng.int(2, 3))), arith(ctx, ref(i), level >> 1)), int(ctx.rng.pick(MODULI))))];
      ctx.body.push(assign(acc, int(ctx.rng.int(0, 3))), forLoop(i, range(trips), step));
      ctx.tag('int_loop', 'accumulates over a range that depends on the number');
      if (step[0]?.k === 'if') ctx.tag('branch', 'adds or subtracts depending on a test');
      return { e: ref(acc), ty: 'int' };
    },
  },
  {
    family: 'int_loop',
    from: 'int',
    build(ctx, cur) {
      // Collatz walk from a small start: terminates for every start below 1000 within 180 steps.
      const n = ctx.hold(cur, 'n');
      const m = ctx.slot('m');
      const steps = ctx.slot('steps');
      const mod = ctx.rng.int(10, 60);
      ctx.body.push(
        assign(m, bin('+', bin('%', n, int(mod)), int(1))),
        assign(steps, int(0)),
        whileLoop(cmp('>', ref(m), int(1)), [
          assign(m, ifexp(cmp('==', bin('%', ref(m), int(2)), int(0)), bin('//', ref(m), int(2)), bin('+', bin('*', int(3), ref(m)), int(1)))),
          aug(steps, '+', int(1)),
        ]),
      );
      ctx.tag('int_loop', 'counts the steps of a halve-or-triple walk');
      ctx.tag('branch');
      return { e: ref(steps), ty: 'int' };
    },
  },
  {
    family: 'int_loop',
    from: 'int',
    build(ctx, cur, level) {
      const n = ctx.hold(cur, 'n');
      const i = ctx.slot('i');
      const hi = bin('+', bin('%', call('abs', n), int(ctx.rng.int(4, 9))), int(1));
      const cond = level >= 2 && ctx.chance(0.5) ? intCond(ctx, ref(i), level - 1, null, POSITION) : null;
      ctx.tag('int_loop', cond === null ? 'lists a value for every number below a bound' : 'lists values for the numbers below a bound that pass a test');
      return { e: comp('list', arith(ctx, ref(i), level >> 1), i, range(hi), cond), ty: 'list_int' };
    },
  },
];
