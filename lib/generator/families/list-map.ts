import { append, assign, emptyList, comp, enumerate, forLoop, ifStmt, ifexp, ref, seq } from '../ast/nodes.js';
import type { Expr } from '../ast/types.js';
import type { Ctx, Cur } from './context.js';
import { ELEMENT, arith, intCond } from './exprs.js';
import type { Stage } from './stage.js';

/** Element-wise transforms of a list of ints, as a comprehension or as an explicit loop. */
function mapStage(ctx: Ctx, cur: Cur, level: number): Cur {
  const xs = ctx.hold(cur, 'nums');
  const x = ctx.slot('x');
  const withIndex = level >= 1 && ctx.chance(0.3);
  const i = withIndex ? ctx.slot('i') : -1;
  const extra = withIndex ? ref(i) : null;
  const it = withIndex ? enumerate(xs) : seq(xs);
  const conditional = level >= 2 && ctx.chance(0.5);
  const ops = 1 + (level >> 1);
  const cond = conditional ? intCond(ctx, ref(x), level - 1, extra, ELEMENT) : null;
  const yes: Expr = arith(ctx, ref(x), ops, extra);
  const no: Expr = conditional ? arith(ctx, ref(x), ops - 1 + ctx.rng.int(0, 1), extra) : yes;
  ctx.tag('list_map', withIndex ? 'transforms each number using its position' : 'transforms each number');
  if (cond !== null) ctx.tag('branch', 'treats numbers differently depending on a test');
  if (ctx.chance(0.15 + 0.15 * level)) {
    const out = ctx.slot('result');
    const body = cond === null ? [append(out, yes)] : [ifStmt(cond, [append(out, yes)], [append(out, no)])];
    ctx.body.push(assign(out, emptyList), forLoop(withIndex ? i : x, it, body, withIndex ? x : -1));
    return { e: ref(out), ty: 'list_int' };
  }
  const elem = cond === null ? yes : ifexp(cond, yes, no);
  return withIndex ? { e: comp('list', elem, i, it, null, x), ty: 'list_int' } : { e: comp('list', elem, x, it), ty: 'list_int' };
}

export const LIST_MAP: Stage[] = [{ family: 'list_map', from: 'list_int', build: mapStage }];
