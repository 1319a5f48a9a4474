import fc from 'fast-check';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import { rngFrom } from '../../lib/random/index.js';

// rng.int and rng.pick compute pure-rand's uniformInt themselves (rng.ts says why); every seed must
// keep giving the values it gave before, or replayed plans would change.
describe('rng.int and rng.pick', () => {
  const ranges = fc.array(
    fc.tuple(
      fc.integer({ min: -1e9, max: 1e9 }),
      fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 2 ** 34 }), fc.constantFrom(1, 2, 3, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32)),
    ),
    { minLength: 1, maxLength: 80 },
  );

  it('int draws exactly what uniformInt draws from the same generator state', () => {
    fc.assert(
      fc.property(fc.integer(), ranges, (seed, rs) => {
        const gen = xoroshiro128plus(seed);
        const ref = gen.clone();
        const rng = rngFrom(gen);
        for (const [lo, width] of rs) expect(rng.int(lo, lo + width)).toBe(uniformInt(ref, lo, lo + width));
      }),
      { numRuns: 300 },
    );
  });

  it('pick takes the item uniformInt would index', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 80 }), (seed, lengths) => {
        const gen = xoroshiro128plus(seed);
        const ref = gen.clone();
        const rng = rngFrom(gen);
        for (const n of lengths) {
          const items = Array.from({ length: n }, (_, i) => i);
          expect(rng.pick(items)).toBe(uniformInt(ref, 0, n - 1));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('int stays inside its bounds and reaches both ends of a small range', () => {
    const rng = rngFrom(xoroshiro128plus(7));
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = rng.int(-3, 4);
      expect(v).toBeGreaterThanOrEqual(-3);
      expect(v).toBeLessThanOrEqual(4);
      seen.add(v);
    }
    expect([...seen].sort((a, b) => a - b)).toEqual([-3, -2, -1, 0, 1, 2, 3, 4]);
  });
});
