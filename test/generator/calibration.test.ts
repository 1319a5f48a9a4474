import { describe, expect, it } from 'vitest';
import { difficultyOf, percentiles, rawAt } from '../../lib/generator/difficulty/calibration.js';
import { RAW_QUANTILES } from '../../lib/generator/difficulty/quantiles.js';
import { REFERENCE_SAMPLE, REFERENCE_SEED, referenceRawScores } from '../../lib/generator/difficulty/reference.js';
import { generate } from '../../lib/generator/index.js';
import { createRng } from '../../lib/random/index.js';
import type { Mode } from '../../lib/schema/index.js';
import { MODES } from '../../lib/schema/index.js';

/** Largest allowed |mean delivered - mean requested| within a decile. */
const TOLERANCE = 0.05;
const PER_DECILE = 1000;

describe('difficulty calibration', () => {
  it('the stored percentile table is the one the reference programs produce today', () => {
    const fresh = percentiles(referenceRawScores(createRng(REFERENCE_SEED), REFERENCE_SAMPLE));
    expect(RAW_QUANTILES, 'stale: npm run generate rewrites lib/generator/difficulty/quantiles.ts').toEqual(fresh);
  });

  it('maps raw scores monotonically onto [0, 1] and rawAt inverts it', () => {
    let prev = -1;
    for (let raw = 0; raw <= 150; raw += 0.25) {
      const d = difficultyOf(raw);
      expect(d).toBeGreaterThanOrEqual(prev);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThanOrEqual(1);
      prev = d;
    }
    for (let d = 0.05; d < 1; d += 0.1) expect(difficultyOf(rawAt(d))).toBeCloseTo(d, 2);
  });

  describe.each(MODES)('%s: delivered difficulty tracks the requested one', (mode) => {
    const rng = createRng(314 + MODES.indexOf(mode));
    const means: number[] = [];
    const requested: number[] = [];
    const delivered: number[] = [];
    for (let dec = 0; dec < 10; dec++) {
      let sumReq = 0;
      let sumGot = 0;
      for (let i = 0; i < PER_DECILE; i++) {
        const d = (dec + rng.next()) / 10;
        const got = generate(mode as Mode, d, rng).difficulty;
        sumReq += d;
        sumGot += got;
        delivered.push(got);
      }
      requested.push(sumReq / PER_DECILE);
      means.push(sumGot / PER_DECILE);
    }

    it(`${PER_DECILE} requests per decile: decile means increase and sit within ${TOLERANCE} of the request`, () => {
      const table = means.map((m, i) => `${(i / 10).toFixed(1)}-${((i + 1) / 10).toFixed(1)}: requested ${requested[i]!.toFixed(3)} delivered ${m.toFixed(3)}`);
      console.log(`${mode}\n${table.join('\n')}`);
      for (let i = 1; i < 10; i++) expect(means[i]!, table.join('\n')).toBeGreaterThan(means[i - 1]!);
      for (let i = 0; i < 10; i++) expect(Math.abs(means[i]! - requested[i]!), table[i]).toBeLessThanOrEqual(TOLERANCE);
    });

    it('uniform requests use the whole range evenly (every tenth of [0, 1] holds 10% +- 3%)', () => {
      const counts = new Array<number>(10).fill(0);
      for (const d of delivered) counts[Math.min(9, Math.floor(d * 10))]! += 1;
      for (const c of counts) expect(Math.abs(c / delivered.length - 0.1), counts.join(' ')).toBeLessThanOrEqual(0.03);
    });
  });
});
