import { bin, call, comp, int, ref, seq, slice, str } from '../ast/nodes.js';
import type { Expr } from '../ast/types.js';
import type { Stage } from './stage.js';
import { LETTERS, charCond, commonLetter, wordCond } from './exprs.js';

const JOINERS = ['-', ' ', '', '.'] as const;

/** Words: splitting text, filtering and reshaping word lists, joining them back. */
export const WORDS: Stage[] = [
  {
    family: 'words',
    from: 'str',
    build(ctx, cur) {
      const sep = LETTERS[ctx.rng.int(0, 3)] as string;
      ctx.tag('words', `splits the text at the letter ${sep}`);
      return { e: call('split', cur.e, str(sep)), ty: 'list_str' };
    },
  },
  {
    family: 'words',
    from: 'list_str',
    build(ctx, cur, level) {
      const ws = ctx.hold(cur, 'words');
      const w = ctx.slot('w');
      const r = ctx.rng;
      const shape = r.int(0, 3);
      const elem = shape === 0 ? ref(w) : shape === 1 ? slice(ref(w), null, null, -1) : shape === 2 ? call('upper', ref(w)) : bin('+', ref(w), slice(ref(w), null, 1));
      const cond = shape === 0 || (level >= 1 && r.next() < 0.5) ? wordCond(ctx, ref(w), level) : null;
      ctx.tag('words', cond === null ? 'reshapes every word' : shape === 0 ? 'keeps the words that pass a test' : 'reshapes the words that pass a test');
      return { e: comp('list', elem, w, seq(ws), cond), ty: 'list_str' };
    },
  },
  {
    family: 'words',
    from: 'list_str',
    build(ctx, cur, level) {
      const r = ctx.rng;
      if (level === 0 || r.next() < 0.5) {
        ctx.tag('words', 'joins the words');
        return { e: call('join', str(r.pick(JOINERS)), cur.e), ty: 'str' };
      }
      const ws = ctx.hold(cur, 'words');
      const w = ctx.slot('w');
      ctx.tag('words', 'joins a piece of each word');
      return { e: comp('join', r.next() < 0.5 ? slice(ref(w), null, 1) : slice(ref(w), -1, null), w, seq(ws), null, -1, r.pick(JOINERS)), ty: 'str' };
    },
  },
  {
    family: 'words',
    from: 'list_str',
    build(ctx, cur, level) {
      const ws = ctx.hold(cur, 'words');
      const w = ctx.slot('w');
      const r = ctx.rng;
      const cond = level >= 1 && r.next() < 0.4 ? wordCond(ctx, ref(w), level - 1) : null;
      let size: Expr;
      switch (r.int(0, level >= 2 ? 3 : 1)) {
        case 0:
          size = call('len', ref(w));
          break;
        case 1:
          size = call('count', ref(w), str(commonLetter(ctx)));
          break;
        case 2:
          size = call('distinct', ref(w));
          break;
        default: {
          // A comprehension inside a comprehension: letters tested within each word.
          const c = ctx.slot('c');
          size = comp('sum', int(1), c, seq(ref(w)), charCond(ctx, ref(c), level - 2));
          ctx.tag('text_measure', 'counts the letters in each word that pass a test');
        }
      }
      ctx.tag('words', 'measures each word');
      return { e: comp('list', size, w, seq(ws), cond), ty: 'list_int' };
    },
  },
];
