import type { PlannerState } from '../../lib/schema/index.js';

const rates = (d: number, a: number, i: number) => ({ deduction_success: d, abduction_success: a, induction_success: i });

/** The seed's scenarios, in the seed-compatible flat form. */
export const SCENARIOS = {
  baseline: { alpha_free: 0.5, beta_free: 0.5, performance_metrics: rates(0.5, 0.52, 0.48) },
  allFree: { alpha_free: 1, beta_free: 1, performance_metrics: rates(0.5, 0.52, 0.48) },
  scarce: { alpha_free: 0, beta_free: 0.2, performance_metrics: rates(0.5, 0.52, 0.48) },
  exhausted: { alpha_free: 0, beta_free: 0, performance_metrics: rates(0.5, 0.52, 0.48) },
  mastered: { alpha_free: 0.5, beta_free: 0.5, performance_metrics: rates(0.95, 0.9, 0.92) },
  struggling: { alpha_free: 0.5, beta_free: 0.5, performance_metrics: rates(0.1, 0.12, 0.05) },
} satisfies Record<string, PlannerState>;

export const FIXED_NOW = new Date('2026-11-25T12:00:00.000Z');
