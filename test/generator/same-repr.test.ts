import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Value } from '../../lib/generator/ast/types.js';
import { sameRepr } from '../../lib/generator/eval/same.js';
import { pyRepr } from '../../lib/generator/render/literal.js';

const scalar = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.boolean(), fc.constantFrom('', 'a', 'ab', '1', 'True'));
const dict = fc
  .array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 2 })), { maxLength: 3 })
  .map((kv) => new Map(kv));
const value: fc.Arbitrary<Value> = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), dict);

describe('sameRepr (the input-dependence check compares outputs without rendering them)', () => {
  it('is true exactly when the two values have the same Python repr', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(sameRepr(a, b)).toBe(pyRepr(a) === pyRepr(b));
        expect(sameRepr(a, a)).toBe(true);
      }),
      { seed: 6, numRuns: 5000 },
    );
  });

  it('tells True from 1, a list from a string, and dicts whose keys come in another order', () => {
    expect(sameRepr(true, 1)).toBe(false);
    expect(sameRepr(['a'], 'a')).toBe(false);
    expect(sameRepr(new Map([['a', 1], ['b', 2]]), new Map([['b', 2], ['a', 1]]))).toBe(false);
    expect(sameRepr([1, [2]] as Value, [1, [2]] as Value)).toBe(true);
  });
});
