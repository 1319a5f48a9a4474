import { and, append, assign, aug, bin, call, callHelper, cmp, emptyList, forLoop, ifStmt, index, int, isIn, ref, ret, seq, str, whileLoop } from '../ast/nodes.js';
import type { Stmt } from '../ast/types.js';
import type { Ctx, Cur } from './context.js';
import { charCond } from './exprs.js';
import type { Stage } from './stage.js';

/**
 * Run-length parsing: a helper measures the run of equal letters starting at i, and f walks the text
 * run by run with a while loop whose index jumps by each run's length.
 */
function runLength(ctx: Ctx, cur: Cur, level: number): Cur {
  const text = ctx.hold(cur, 'text');
  const S = 0;
  const I = 1;
  const g = ctx.helper(['s', 'i'], (h) => {
    const j = h.slot('j');
    const same = and(cmp('<', ref(j), call('len', ref(S))), cmp('==', index(ref(S), ref(j)), index(ref(S), ref(I))));
    return [assign(j, ref(I)), whileLoop(same, [aug(j, '+', int(1))]), ret(bin('-', ref(j), ref(I)))];
  });
  const i = ctx.slot('i');
  const n = ctx.slot('n');
  const out = ctx.slot('out');
  const shape = ctx.rng.int(0, level >= 3 ? 2 : 1);
  const letter = index(text, ref(i));
  const step: Stmt[] =
    shape === 0
      ? [aug(out, '+', bin('+', letter, call('str', ref(n))))]
      : shape === 1
        ? [append(out, ref(n))]
        : [ifStmt(cmp('>', ref(n), int(1)), [aug(out, '+', call('str', ref(n)))]), aug(out, '+', letter)];
  ctx.body.push(
    assign(i, int(0)),
    assign(out, shape === 1 ? emptyList : str('')),
    whileLoop(cmp('<', ref(i), call('len', text)), [assign(n, callHelper(g, text, ref(i))), ...step, aug(i, '+', ref(n))]),
  );
  ctx.tag('parse', shape === 1 ? 'measures the runs of equal letters' : 'writes the text as runs of letters with their lengths');
  ctx.tag('helper', 'with a helper that measures one run');
  if (shape === 2) ctx.tag('branch');
  return { e: ref(out), ty: shape === 1 ? 'list_int' : 'str' };
}

/** Tokenising: letters that pass a test separate pieces, kept (or reversed) while a piece is open. */
function tokens(ctx: Ctx, cur: Cur, level: number): Cur {
  const text = ctx.hold(cur, 'text');
  const c = ctx.slot('c');
  const piece = ctx.slot('piece');
  const parts = ctx.slot('parts');
  const reverse = level >= 3 && ctx.chance(0.5);
  const flush = ifStmt(cmp('>', call('len', ref(piece)), int(0)), [append(parts, ref(piece))]);
  const grow = reverse ? assign(piece, bin('+', ref(c), ref(piece))) : aug(piece, '+', ref(c));
  ctx.body.push(
    assign(parts, emptyList),
    assign(piece, str('')),
    forLoop(c, seq(text), [ifStmt(charCond(ctx, ref(c), level - 1), [flush, assign(piece, str(''))], [grow])]),
    flush,
  );
  ctx.tag('parse', reverse ? 'cuts the text into pieces at some letters and reverses each piece' : 'cuts the text into pieces at some letters');
  ctx.tag('branch');
  return { e: ref(parts), ty: 'list_str' };
}

/** Nesting depth: a helper scores each letter as an opener, a closer or neither; f tracks the depth. */
function depth(ctx: Ctx, cur: Cur, level: number): Cur {
  const text = ctx.hold(cur, 'text');
  const [open, close] = ctx.rng.pick([['ab', 'cd'], ['a', 'b'], ['ace', 'bd'], ['b', 'ae']] as const);
  const g = ctx.helper(['c'], () => [
    ifStmt(isIn(ref(0), str(open)), [ret(int(1))]),
    ifStmt(isIn(ref(0), str(close)), [ret(int(-1))]),
    ret(int(0)),
  ]);
  const c = ctx.slot('c');
  const d = ctx.slot('depth');
  const trace = level >= 3 || ctx.chance(0.5);
  const out = ctx.slot(trace ? 'levels' : 'best');
  const record = trace ? append(out, ref(d)) : ifStmt(cmp('>', ref(d), ref(out)), [assign(out, ref(d))]);
  ctx.body.push(
    assign(d, int(0)),
    assign(out, trace ? emptyList : int(0)),
    forLoop(c, seq(text), [aug(d, '+', callHelper(g, ref(c))), ifStmt(cmp('<', ref(d), int(0)), [assign(d, int(0))]), record]),
  );
  ctx.tag('parse', trace ? 'tracks how deeply nested each letter is' : 'finds the deepest nesting');
  ctx.tag('helper', 'with a helper that says whether a letter opens or closes');
  ctx.tag('branch');
  return { e: ref(out), ty: trace ? 'list_int' : 'int' };
}

export const PARSE: Stage[] = [
  { family: 'parse', from: 'str', build: runLength },
  { family: 'parse', from: 'str', build: tokens },
  { family: 'parse', from: 'str', build: depth },
];
