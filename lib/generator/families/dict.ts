import { assign, bin, call, cmp, comp, emptyDict, forLoop, index, int, ref, seq, setitem, slice } from '../ast/nodes.js';
import type { CmpOp, Expr } from '../ast/types.js';

const THRESHOLD: readonly CmpOp[] = ['>', '>=', '<'];
import type { Ctx } from './context.js';
import type { Stage } from './stage.js';

/** Emits `counts = {}` and a loop `counts[key] = counts.get(key, 0) + value`; returns the dict's slot. */
function tally(ctx: Ctx, source: Expr, item: number, key: Expr, value: Expr): number {
  const d = ctx.slot('counts');
  ctx.body.push(assign(d, emptyDict), forLoop(item, seq(source), [setitem(d, key, bin('+', call('get', ref(d), key, int(0)), value))]));
  return d;
}

/** Grouping into a dict (str -> int) and questions about one. */
export const DICT: Stage[] = [
  {
    family: 'dict',
    from: 'str',
    build(ctx, cur) {
      const s = ctx.hold(cur, 'text');
      const c = ctx.slot('c');
      ctx.tag('dict', 'counts each letter');
      return { e: ref(tally(ctx, s, c, ref(c), int(1))), ty: 'dict' };
    },
  },
  {
    family: 'dict',
    from: 'list_str',
    build(ctx, cur) {
      const ws = ctx.hold(cur, 'words');
      const w = ctx.slot('w');
      const byFirst = ctx.chance(0.5);
      const key = byFirst ? slice(ref(w), null, 1) : slice(ref(w), -1, null);
      ctx.tag('dict', `totals word lengths by ${byFirst ? 'first' : 'last'} letter`);
      return { e: ref(tally(ctx, ws, w, key, call('len', ref(w)))), ty: 'dict' };
    },
  },
  {
    family: 'dict',
    from: 'list_int',
    build(ctx, cur) {
      const xs = ctx.hold(cur, 'nums');
      const x = ctx.slot('x');
      const m = ctx.rng.int(2, 4);
      const sums = ctx.chance(0.5);
      ctx.tag('dict', sums ? `adds the numbers up by remainder mod ${m}` : `counts the numbers by remainder mod ${m}`);
      return { e: ref(tally(ctx, xs, x, call('str', bin('%', ref(x), int(m))), sums ? ref(x) : int(1))), ty: 'dict' };
    },
  },
  {
    family: 'dict',
    from: 'dict',
    build(ctx, cur, level) {
      const r = ctx.rng;
      switch (r.int(0, level === 0 ? 2 : 4)) {
        case 0:
          ctx.tag('dict', 'takes the largest count');
          return { e: call('dict_values_max', cur.e, int(0)), ty: 'int' };
        case 1:
          ctx.tag('dict', 'lists the keys in order');
          return { e: call('sorted', cur.e), ty: 'list_str' };
        case 2:
          ctx.tag('dict', 'counts the groups');
          return { e: call('len', cur.e), ty: 'int' };
        case 3: {
          const d = ctx.hold(cur, 'counts');
          const key = ctx.slot('key');
          ctx.tag('dict', 'lists the keys whose count passes a threshold');
          return { e: comp('list', ref(key), key, seq(d), cmp(r.pick(THRESHOLD), index(d, ref(key)), int(r.int(1, 3)))), ty: 'list_str' };
        }
        default:
          ctx.tag('dict', 'adds up all the counts');
          return { e: call('dict_values_sum', cur.e), ty: 'int' };
      }
    },
  },
];
