import { bin, call, slice } from '../ast/nodes.js';
import type { Expr, Ty } from '../ast/types.js';
import type { Ctx, Cur } from './context.js';
import type { Stage } from './stage.js';

/** Reordering and cutting a list: sorting, reversing, slicing, rotating, de-duplicating. */
function order(ctx: Ctx, cur: Cur, level: number): Cur {
  const r = ctx.rng;
  const pick = r.int(0, level >= 1 ? 7 : 4);
  let e: Expr;
  let phrase: string;
  switch (pick) {
    case 0:
      e = call('sorted', cur.e);
      phrase = 'sorts it';
      break;
    case 1:
      e = call('sorted_desc', cur.e);
      phrase = 'sorts it from largest to smallest';
      break;
    case 2:
      e = slice(cur.e, null, null, -1);
      phrase = 'reverses it';
      break;
    case 3:
      e = r.next() < 0.5 ? slice(cur.e, r.int(1, 2), null) : slice(cur.e, null, r.int(2, 4));
      phrase = 'keeps part of it';
      break;
    case 4:
      e = call('dedupe', cur.e);
      phrase = 'drops repeated items, keeping the first of each';
      break;
    case 5: {
      const xs = ctx.hold(cur, cur.ty === 'list_str' ? 'items' : 'nums');
      const m = r.int(1, 3);
      e = bin('+', slice(xs, m, null), slice(xs, null, m));
      phrase = 'rotates it';
      break;
    }
    case 6:
      e = slice(cur.e, r.int(0, 1), null, r.int(2, 3));
      phrase = 'takes every few items';
      break;
    default:
      e = cur.ty === 'list_str' ? call('sorted_len', cur.e) : slice(call('sorted', cur.e), null, null, -1);
      phrase = cur.ty === 'list_str' ? 'sorts the words by length' : 'sorts it and reverses the order';
      break;
  }
  ctx.tag('list_order', phrase);
  return { e, ty: cur.ty };
}

const from = (ty: Ty): Stage => ({ family: 'list_order', from: ty, build: order });
export const LIST_ORDER: Stage[] = [from('list_int'), from('list_str')];
