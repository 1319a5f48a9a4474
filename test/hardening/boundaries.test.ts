import { describe, it } from 'vitest';
import type { PlannerState } from '../../lib/schema/index.js';
import { FIELDS, RAW_NUMBERS, setPath } from './support/bodies.js';
import { createChecker } from './support/check.js';

/** A state with every field set, so an extreme value at any one field meets all the others. */
const FULL: PlannerState = {
  alpha_free: 0.5,
  beta_free: 0.5,
  performance_metrics: { deduction_success: 0.6, abduction_success: 0.5, induction_success: 0.4 },
  resources: {
    alpha: { free_units: 4, total_units: 8, free_fraction: 0.5, utilization: 0.5 },
    beta: { free_units: 16, total_units: 32, free_fraction: 0.5, utilization: 0.5 },
  },
  performance: {
    deduction: { success_rate: 0.6, difficulty: 0.5, samples: 64, history: [{ difficulty: 0.5, success_rate: 0.6, rollouts: 64, tasks: 8, target_success: 0.5 }] },
    abduction: { success_rate: 0.5, difficulty: 0.5, samples: 64 },
    induction: { success_rate: 0.4, difficulty: 0.5, samples: 64, history: [] },
  },
  max_tasks: 24,
  seed: 1,
};
/** Pools known only by their free share: then total_units alone decides the capacity. */
const SPARSE: PlannerState = { resources: { alpha: { utilization: 0 }, beta: { free_fraction: 1 } }, seed: 2 };
const BASES = { full: FULL, sparse: SPARSE };
const EXTREMES = [0, -0, 1, -1, 0.5, Number.MIN_VALUE, 1e-300, 2 ** 31, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, 1e15, 1e300, 1e308, -1e308];

/**
 * The fuzz meets a given extreme at a given field only by chance; this sweep puts every extreme (and every
 * literal JSON cannot hold exactly) at every numeric field of a full state, so the contract holds at the edges
 * on every run.
 */
describe('boundaries: every extreme number at every field', () => {
  for (const [name, base] of Object.entries(BASES)) {
    it(`${name} state: ${FIELDS.length} fields x ${EXTREMES.length + RAW_NUMBERS.length} values answered by the contract`, async () => {
      const { check } = createChecker();
      for (const field of FIELDS) {
        for (const value of EXTREMES) {
          const state = structuredClone(base) as Record<string, unknown>;
          setPath(state, field, value);
          await check({ text: JSON.stringify(state), contentType: 'application/json' });
        }
        for (const literal of RAW_NUMBERS) {
          const state = structuredClone(base) as Record<string, unknown>;
          setPath(state, field, '@@');
          await check({ text: JSON.stringify(state).replace('"@@"', literal), contentType: 'application/json' });
        }
      }
    }, 120_000);
  }
});
