import type { PlannerState } from '../../lib/schema/state.js';

/**
 * A mid-training state in the richer form: alpha half free (7 tasks), beta 31% free (9 tasks), three modes
 * at different solve rates with sample counts: a 16-task plan under the default tunables.
 */
export const REALISTIC_STATE: PlannerState = {
  resources: {
    alpha: { free_fraction: 0.5, total_units: 8 },
    beta: { utilization: 0.6875, total_units: 32 },
  },
  performance: {
    deduction: { success_rate: 0.72, difficulty: 0.55, samples: 512 },
    abduction: { success_rate: 0.48, difficulty: 0.45, samples: 512 },
    induction: { success_rate: 0.21, difficulty: 0.4, samples: 512 },
  },
};

/** Both pools full: the planner answers `wait` (the fixed per-request cost, no generation). */
export const WAIT_STATE: PlannerState = {
  alpha_free: 0,
  beta_free: 0,
  performance_metrics: { deduction_success: 0.72, abduction_success: 0.48, induction_success: 0.21 },
};
