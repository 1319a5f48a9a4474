import fc from 'fast-check';
import type { PlannerState } from '../../lib/schema/state.js';

/** Values a caller might send, out-of-range ones included (normalisation clamps them). */
const rate = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: -2, max: 3, noNaN: true }));
const units = fc.oneof(fc.integer({ min: 0, max: 64 }), fc.double({ min: -5, max: 200, noNaN: true }));
const pool = fc.record(
  { free_units: units, total_units: units, free_fraction: rate, utilization: rate },
  { requiredKeys: [] },
);
const modePerf = fc.record(
  {
    success_rate: rate,
    difficulty: rate,
    samples: fc.integer({ min: 0, max: 4096 }),
    history: fc.array(
      fc.record({
        difficulty: fc.double({ min: 0, max: 1, noNaN: true }),
        success_rate: fc.double({ min: 0, max: 1, noNaN: true }),
        rollouts: fc.integer({ min: 0, max: 512 }),
        tasks: fc.integer({ min: 0, max: 64 }),
        target_success: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      { maxLength: 24 },
    ),
  },
  { requiredKeys: [] },
);

export const stateArb: fc.Arbitrary<PlannerState> = fc.record(
  {
    alpha_free: rate,
    beta_free: rate,
    performance_metrics: fc.record(
      { deduction_success: rate, abduction_success: rate, induction_success: rate },
      { requiredKeys: [] },
    ),
    resources: fc.record({ alpha: pool, beta: pool }, { requiredKeys: [] }),
    performance: fc.record({ deduction: modePerf, abduction: modePerf, induction: modePerf }, { requiredKeys: [] }),
    max_tasks: fc.integer({ min: 0, max: 48 }),
    seed: fc.integer({ min: 0, max: 2147483647 }),
  },
  { requiredKeys: [] },
);
