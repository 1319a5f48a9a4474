import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rawBody } from './support/bodies.js';
import { createChecker } from './support/check.js';

// With fuzz-state.test.ts: 105,000 bodies per run.
const RAW = 45_000;

describe('fuzz: bodies broken in transport', () => {
  it(`answers ${RAW.toLocaleString()} non-JSON, truncated, deep, huge, empty and mistyped bodies with 400/413/415 (or 200 when valid)`, async () => {
    const { check, tally } = createChecker();
    await fc.assert(fc.asyncProperty(rawBody, check), { numRuns: RAW });
    expect(tally[400]).toBeGreaterThan(0);
    expect(tally[413]).toBeGreaterThan(0);
    expect(tally[415]).toBeGreaterThan(0);
  }, 600_000);
});
