import fc from 'fast-check';
import { MODES, perMode } from '../../lib/modes/index.js';
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
    progress: fc.array(
      fc.record({ target_success: fc.double({ min: 0, max: 1, noNaN: true }), ability_gain: fc.double({ min: -1, max: 1, noNaN: true }) }),
      { maxLength: 12 },
    ),
  },
  { requiredKeys: [] },
);

/** Per-mode fields come from the mode registry, so the property tests exercise a new mode unasked. */
export const stateArb: fc.Arbitrary<PlannerState> = fc.record(
  {
    alpha_free: rate,
    beta_free: rate,
    performance_metrics: fc.record(Object.fromEntries(MODES.map((m) => [`${m}_success`, rate])), { requiredKeys: [] }),
    resources: fc.record({ alpha: pool, beta: pool }, { requiredKeys: [] }),
    performance: fc.record(perMode(() => modePerf), { requiredKeys: [] }),
    max_tasks: fc.integer({ min: 0, max: 48 }),
    seed: fc.integer({ min: 0, max: 2147483647 }),
  },
  { requiredKeys: [] },
);
