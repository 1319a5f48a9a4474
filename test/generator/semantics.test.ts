import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bin, call, ref, ret, slice, str } from '../../lib/generator/ast/nodes.js';
import type { Expr, InputTy, Program, Value } from '../../lib/generator/ast/types.js';
import { run } from '../../lib/generator/eval/evaluate.js';
import { Rejected } from '../../lib/generator/eval/rejected.js';
import { pyArgs, pyRepr } from '../../lib/generator/render/literal.js';
import { renderProgram } from '../../lib/generator/render/python.js';
import type { PyCheck } from './python.js';
import { formatMismatches, runInPython } from './python.js';

/** f(a, b) = body, over the given parameter types. */
function program(tys: InputTy[], e: Expr): Program {
  return { params: tys.map((ty, slot) => ({ slot, ty })), body: [ret(e)], names: ['a', 'b'].slice(0, tys.length), returns: 'int' };
}

/** The evaluator's claim for f(args), or null when it refuses the call (then nothing is claimed). */
function claim(id: string, p: Program, args: Value[]): PyCheck | null {
  try {
    return { id, program: renderProgram(p), calls: [{ input: pyArgs(args), output: pyRepr(run(p, args).value) }] };
  } catch (e) {
    if (e instanceof Rejected) return null;
    throw e;
  }
}

const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 8 });
const bound = fc.option(fc.integer({ min: -9, max: 9 }), { nil: null });
const step = fc.option(fc.integer({ min: -3, max: 3 }).filter((s) => s !== 0), { nil: null });

describe('the evaluator has CPython semantics on the tricky corners (property-based, checked by python3)', () => {
  it('floor division and modulo of mixed signs, slicing with any bounds and steps, and string built-ins', () => {
    const checks: PyCheck[] = [];
    const add = (c: PyCheck | null): void => {
      if (c !== null) checks.push({ ...c, id: `${checks.length}: ${c.id}` });
    };
    const params = { seed: 20261125, numRuns: 400 };
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: -40, max: 40 }), (a, b) => {
        add(claim('floordiv', program(['int', 'int'], bin('//', ref(0), ref(1))), [a, b]));
        add(claim('mod', program(['int', 'int'], bin('%', ref(0), ref(1))), [a, b]));
      }),
      params,
    );
    fc.assert(
      fc.property(word, bound, bound, step, (s, lo, hi, st) => {
        add(claim('str slice', program(['str'], slice(ref(0), lo, hi, st)), [s]));
        add(claim('list slice', program(['list_str'], slice(ref(0), lo, hi, st)), [s.split('')]));
      }),
      params,
    );
    fc.assert(
      fc.property(word, word, fc.array(word, { maxLength: 6 }), (s, sub, ws) => {
        add(claim('count', program(['str', 'str'], call('count', ref(0), ref(1))), [s, sub]));
        add(claim('find', program(['str', 'str'], call('find', ref(0), ref(1))), [s, sub]));
        add(claim('split', program(['str', 'str'], call('split', ref(0), ref(1))), [s, sub]));
        add(claim('replace', program(['str', 'str'], call('replace', ref(0), ref(1), str('xy'))), [s, sub]));
        add(claim('sorted key=len', program(['list_str'], call('sorted_len', ref(0))), [ws]));
        add(claim('sorted desc', program(['list_str'], call('sorted_desc', ref(0))), [ws]));
        add(claim('dict.fromkeys', program(['list_str'], call('dedupe', ref(0))), [ws]));
        add(claim('max default', program(['list_str'], call('max_default', ref(0), str('none'))), [ws]));
      }),
      params,
    );

    const { checked, mismatches } = runInPython(checks);
    expect(checked).toBe(checks.length);
    expect(checks.length).toBeGreaterThan(4000);
    expect(mismatches, formatMismatches(mismatches)).toEqual([]);
  });
});
