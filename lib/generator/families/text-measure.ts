import { assign, aug, bin, call, cmp, comp, forLoop, ifStmt, int, ref, seq, str } from '../ast/nodes.js';
import type { Ctx, Cur } from './context.js';
import { charCond, commonLetter } from './exprs.js';
import type { Stage } from './stage.js';

/** String to number: lengths, counts, positions, letter tests, run counting. */
function measure(ctx: Ctx, cur: Cur, level: number): Cur {
  const r = ctx.rng;
  switch (r.int(0, level === 0 ? 3 : 6)) {
    case 0:
      ctx.tag('text_measure', 'measures the length of the text');
      return { e: call('len', cur.e), ty: 'int' };
    case 1:
      ctx.tag('text_measure', 'counts a letter');
      return { e: call('count', cur.e, str(commonLetter(ctx))), ty: 'int' };
    case 2:
      ctx.tag('text_measure', 'finds where a letter first appears');
      return { e: call('find', cur.e, str(commonLetter(ctx))), ty: 'int' };
    case 3:
      ctx.tag('text_measure', 'counts the distinct letters');
      return { e: call('distinct', cur.e), ty: 'int' };
    case 4: {
      const s = ctx.hold(cur, 'text');
      const c = ctx.slot('c');
      ctx.tag('text_measure', 'counts the letters that pass a test');
      return { e: comp('sum', int(1), c, seq(s), charCond(ctx, ref(c), level - 1)), ty: 'int' };
    }
    case 5: {
      const s = ctx.hold(cur, 'text');
      const c = ctx.slot('c');
      ctx.tag('text_measure', 'adds up a value computed from each letter code');
      return { e: comp('sum', bin('%', call('ord', ref(c)), int(r.int(3, 11))), c, seq(s)), ty: 'int' };
    }
    default: {
      // Counting runs of equal letters: state carried across iterations.
      const s = ctx.hold(cur, 'text');
      const c = ctx.slot('c');
      const prev = ctx.slot('prev');
      const runs = ctx.slot('runs');
      ctx.body.push(
        assign(runs, int(0)),
        assign(prev, str('')),
        forLoop(c, seq(s), [ifStmt(cmp('!=', ref(c), ref(prev)), [aug(runs, '+', int(1))]), assign(prev, ref(c))]),
      );
      ctx.tag('text_measure', 'counts runs of repeated letters');
      ctx.tag('branch');
      return { e: ref(runs), ty: 'int' };
    }
  }
}

export const TEXT_MEASURE: Stage[] = [{ family: 'text_measure', from: 'str', build: measure }];
