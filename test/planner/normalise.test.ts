import { describe, expect, it } from 'vitest';
import { DEFAULT_TUNABLES } from '../../lib/config/index.js';
import { normalise } from '../../lib/planner/index.js';
import { createPlanService } from '../../lib/service/index.js';
import { FIXED_NOW } from '../support/states.js';

describe('normalisation', () => {
  it('clamps out-of-range values with a warning for each', () => {
    const n = normalise(
      {
        alpha_free: -0.3,
        beta_free: 1.7,
        performance_metrics: { deduction_success: 1.2, abduction_success: -1, induction_success: 0.4 },
        resources: { alpha: { total_units: -4 } },
      },
      DEFAULT_TUNABLES,
    );
    expect(n.pools.alpha.freeFraction).toBe(0);
    expect(n.pools.alpha.totalUnits).toBe(0);
    expect(n.pools.beta.freeFraction).toBe(1);
    expect(n.modes.deduction.successRate).toBe(1);
    expect(n.modes.abduction.successRate).toBe(0);
    expect(n.warnings.map((w) => [w.code, w.source])).toEqual([
      ['negative', 'resources.alpha.total_units'],
      ['out_of_range', 'alpha_free'],
      ['out_of_range', 'beta_free'],
      ['out_of_range', 'performance_metrics.deduction_success'],
      ['out_of_range', 'performance_metrics.abduction_success'],
    ]);
    // The wire prose, derived from the same facts.
    expect(n.warnings[0]!.message).toBe('resources.alpha.total_units -4 is negative; clamped to 0');
    expect(n.warnings[1]!.message).toBe('alpha_free -0.3 is outside 0..1; clamped to 0');
  });

  it('missing metrics: a default plan with a warning for every assumption', async () => {
    const plan = await createPlanService({ env: {}, clock: () => FIXED_NOW }).plan({ seed: 1 });
    expect(plan.action).toBe('run');
    expect(plan.allocation.alpha_capacity).toBe(DEFAULT_TUNABLES.fallbackCapacity);
    expect(plan.allocation.beta_capacity).toBe(DEFAULT_TUNABLES.fallbackCapacity);
    expect(plan.warnings).toEqual(
      expect.arrayContaining([
        'alpha resource info not provided; assumed 1 task of capacity',
        'beta resource info not provided; assumed 1 task of capacity',
        'deduction performance not provided; treated as unknown (success 0.5 at difficulty 0.5)',
        'abduction performance not provided; treated as unknown (success 0.5 at difficulty 0.5)',
        'induction performance not provided; treated as unknown (success 0.5 at difficulty 0.5)',
      ]),
    );
    expect(plan.sources).toEqual({ resources: 'default', performance: 'default', tunables: 'default' });
    expect(plan.degraded).toBe(false);
  });

  it('free units above the pool size are clamped, and fractions derive from units', () => {
    const n = normalise({ resources: { alpha: { free_units: 12, total_units: 8 }, beta: { utilization: 0.75, total_units: 40 } } }, DEFAULT_TUNABLES);
    expect(n.pools.alpha.freeUnits).toBe(8);
    expect(n.pools.alpha.freeFraction).toBe(1);
    expect(n.pools.beta.freeUnits).toBe(10);
    expect(n.warnings.filter((w) => w.code === 'over_total')).toEqual([
      { code: 'over_total', source: 'resources.alpha.free_units', message: 'resources.alpha.free_units 12 exceeds total_units 8; clamped to 8' },
    ]);
  });
});
