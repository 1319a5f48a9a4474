import { assign, aug, bin, call, comp, enumerate, forLoop, ifStmt, ifexp, int, ref, seq, slice, str } from '../ast/nodes.js';
import type { Ctx, Cur } from './context.js';
import { POSITION, charCond, commonLetter, intCond } from './exprs.js';
import type { Stage } from './stage.js';

const SEPARATORS = ['', '', '-', '.'] as const;

/** String to string: slicing, case, replacement, Caesar shifts, character filters and rebuilds. */
function text(ctx: Ctx, cur: Cur, level: number): Cur {
  const r = ctx.rng;
  switch (r.int(0, level === 0 ? 4 : 9)) {
    case 0:
      ctx.tag('string', 'reverses the text');
      return { e: slice(cur.e, null, null, -1), ty: 'str' };
    case 1:
      ctx.tag('string', 'upper-cases the text');
      return { e: call('upper', cur.e), ty: 'str' };
    case 2:
      ctx.tag('string', 'replaces one letter with another piece of text');
      return { e: call('replace', cur.e, str(commonLetter(ctx)), str(commonLetter(ctx) + (r.next() < 0.5 ? commonLetter(ctx) : ''))), ty: 'str' };
    case 3:
      ctx.tag('string', 'cuts out part of the text');
      return { e: r.next() < 0.5 ? slice(cur.e, r.int(1, 3), null) : slice(cur.e, r.int(0, 1), null, 2), ty: 'str' };
    case 4: {
      const v = ctx.hold(cur, 'text');
      ctx.tag('string', 'joins the text with a changed copy of itself');
      return { e: bin('+', v, r.next() < 0.5 ? slice(v, null, null, -1) : slice(v, null, r.int(1, 3))), ty: 'str' };
    }
    case 5: {
      const v = ctx.hold(cur, 'text');
      const c = ctx.slot('c');
      ctx.tag('string', 'keeps the letters that pass a test');
      return { e: comp('join', ref(c), c, seq(v), charCond(ctx, ref(c), level), -1, r.pick(SEPARATORS)), ty: 'str' };
    }
    case 6: {
      // Caesar shift within a..z.
      const v = ctx.hold(cur, 'text');
      const c = ctx.slot('c');
      const shift = ctx.constOrK(1, 5);
      const moved = call('chr', bin('+', bin('%', bin('+', bin('-', call('ord', ref(c)), int(97)), shift), int(26)), int(97)));
      ctx.tag('string', 'shifts every letter along the alphabet');
      return { e: comp('join', moved, c, seq(v)), ty: 'str' };
    }
    case 7: {
      const v = ctx.hold(cur, 'text');
      const i = ctx.slot('i');
      const c = ctx.slot('ch');
      const test = r.next() < 0.5 ? intCond(ctx, ref(i), level - 1, null, POSITION) : charCond(ctx, ref(c), level - 1);
      ctx.tag('string', 'changes the letters at some positions');
      ctx.tag('branch');
      return { e: comp('join', ifexp(test, call('upper', ref(c)), ref(c)), i, enumerate(v), null, c), ty: 'str' };
    }
    case 8: {
      // A hand-written rebuild loop, the form that makes a solver trace state.
      const v = ctx.hold(cur, 'text');
      const c = ctx.slot('c');
      const out = ctx.slot('out');
      const front = r.next() < 0.5;
      const add = front ? assign(out, bin('+', ref(c), ref(out))) : aug(out, '+', bin('+', ref(c), ref(c)));
      const body = level >= 2 ? [ifStmt(charCond(ctx, ref(c), level - 1), [add])] : [add];
      if (level >= 2) ctx.tag('branch', 'uses only letters that pass a test');
      ctx.body.push(assign(out, str('')), forLoop(c, seq(v), body));
      ctx.tag('string', front ? 'builds the text back to front' : 'doubles letters');
      return { e: ref(out), ty: 'str' };
    }
    default:
      ctx.tag('string', 'sorts the distinct letters');
      return { e: call('join', str(r.pick(SEPARATORS)), call('sorted', call('dedupe', cur.e))), ty: 'str' };
  }
}

export const STRING: Stage[] = [{ family: 'string', from: 'str', build: text }];
