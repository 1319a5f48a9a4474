import type { Tunables } from '../../../lib/config/index.js';
import { MODES } from '../../../lib/modes/index.js';
import type { PlannerState } from '../../../lib/schema/index.js';
import { putMetrics } from './aws.js';

/** A cluster as CloudWatch reports it, and the same cluster as a request would state it. */
export const CLUSTER = {
  alpha: { utilization: 20, total_units: 8 },
  beta: { utilization: 50, total_units: 32 },
  deduction: { success_rate: 0.9, difficulty: 0.5 },
  abduction: { success_rate: 0.5, difficulty: 0.5 },
  induction: { success_rate: 0.2, difficulty: 0.4 },
} as const;

export async function seedCluster(t: Tunables): Promise<void> {
  await putMetrics(t, [
    ...(['alpha', 'beta'] as const).flatMap((pool) => [
      { pool, metric: t.utilizationMetric, value: CLUSTER[pool].utilization },
      { pool, metric: t.totalUnitsMetric, value: CLUSTER[pool].total_units },
    ]),
    ...MODES.flatMap((mode) => [
      { mode, metric: t.solveRateMetric, value: CLUSTER[mode].success_rate },
      { mode, metric: t.difficultyMetric, value: CLUSTER[mode].difficulty },
    ]),
  ]);
}

export const CLUSTER_AS_REQUEST: PlannerState = {
  resources: {
    alpha: { utilization: CLUSTER.alpha.utilization / 100, total_units: CLUSTER.alpha.total_units },
    beta: { utilization: CLUSTER.beta.utilization / 100, total_units: CLUSTER.beta.total_units },
  },
  performance: {
    deduction: { ...CLUSTER.deduction },
    abduction: { ...CLUSTER.abduction },
    induction: { ...CLUSTER.induction },
  },
};
