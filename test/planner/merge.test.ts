import { describe, expect, it } from 'vitest';
import { mergeObservation, type Observed } from '../../lib/planner/merge.js';
import type { Observation } from '../../lib/planner/observation.js';

const observed = (observation: Observation): Observed => ({
  source: 'cloudwatch',
  observation,
});

describe('merging an observation under the request', () => {
  it('labels each group by where its values came from: the source by its own name, several origins as mixed', () => {
    const seen = observed({ resources: { alpha: { utilization: 0.5 } }, performance: { induction: { success_rate: 0.3 } }, warnings: [] });
    expect(mergeObservation({}, undefined).sources).toEqual({ resources: 'default', performance: 'default' });
    expect(mergeObservation({}, seen).sources).toEqual({ resources: 'cloudwatch', performance: 'cloudwatch' });
    const both = mergeObservation({ beta_free: 0.2, performance_metrics: { induction_success: 0.9 } }, seen);
    expect(both.sources).toEqual({ resources: 'mixed', performance: 'request' });
    // The request wins field by field.
    expect(both.state.performance?.induction?.success_rate).toBeUndefined();
    expect(both.state.resources?.alpha?.utilization).toBe(0.5);
  });

  it('drops non-finite observed values with a not_finite warning naming the source', () => {
    const merged = mergeObservation({}, observed({ resources: { beta: { total_units: Number.POSITIVE_INFINITY } }, performance: {}, warnings: [] }));
    expect(merged.state.resources?.beta).toBeUndefined();
    expect(merged.warnings).toEqual([
      { code: 'not_finite', source: 'cloudwatch', message: 'observed beta total_units Infinity is not a finite number; ignored' },
    ]);
  });
});
