import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mutatedStateBody, randomJsonBody } from './support/bodies.js';
import { createChecker } from './support/check.js';

// With fuzz-transport.test.ts: 60,000 + 45,000 = 105,000 bodies per run (two files, so both cores work).
const MUTATED = 45_000;
const RANDOM_JSON = 15_000;

describe('fuzz: JSON bodies shaped like states, and any JSON at all', () => {
  it(`answers ${MUTATED.toLocaleString()} broken states by the contract: 200 with a capacity-safe plan or 400 naming the fields`, async () => {
    const { check, tally } = createChecker();
    await fc.assert(fc.asyncProperty(mutatedStateBody, check), { numRuns: MUTATED });
    // Both sides of the contract must have been exercised, or the fuzz proves little.
    expect(tally[200]).toBeGreaterThan(MUTATED / 10);
    expect(tally[400]).toBeGreaterThan(MUTATED / 10);
  }, 600_000);

  it(`answers ${RANDOM_JSON.toLocaleString()} random JSON values by the contract`, async () => {
    const { check, tally } = createChecker();
    await fc.assert(fc.asyncProperty(randomJsonBody, check), { numRuns: RANDOM_JSON });
    expect(tally[400]).toBeGreaterThan(RANDOM_JSON / 2);
  }, 600_000);
});
