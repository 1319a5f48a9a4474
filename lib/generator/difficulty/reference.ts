import type { Rng } from '../../random/rng.js';
import { referenceProgram } from '../compose.js';
import { randomArgs } from '../inputs.js';
import { probe } from '../tasks/candidate.js';

/** The sample the stored table was computed from (seed and size); the calibration test recomputes it. */
export const REFERENCE_SEED = 20261125;
export const REFERENCE_SAMPLE = 20_000;

/**
 * Raw scores of `n` reference programs (compose.ts referenceProgram, size uniform in [0, 1]) on one
 * input each. Their percentiles are the calibration table (quantiles.ts); a test recomputes it.
 */
export function referenceRawScores(rng: Rng, n: number): number[] {
  const out: number[] = [];
  while (out.length < n) {
    const size = rng.next();
    const pipe = referenceProgram(rng, size);
    const p = probe(pipe.built(), pipe.argTypes, size, randomArgs(pipe.argTypes, rng, size));
    if (p !== null) out.push(p.raw);
  }
  return out;
}
