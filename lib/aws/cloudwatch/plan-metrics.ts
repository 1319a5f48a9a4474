import { PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import type { CloudWatchClient, MetricDatum } from '@aws-sdk/client-cloudwatch';
import { PoolSchema } from '../../schema/pool.js';
import type { Tunables } from '../../config/tunables.js';
import type { Plan } from '../../schema/plan.js';
import { MODES } from '../../schema/task.js';
import type { PlanMetrics } from '../../service/ports.js';

/**
 * What each published plan leaves in CloudWatch: tasks per mode and pool (zeros included, so a dashboard
 * shows a mode starved rather than a gap), priority, deferred tasks, whether it waited or was degraded, and the
 * target success per mode (the scheduled run reads it back to rebuild each step's target in the history).
 */
export function planMetricData(plan: Plan, targetMetric: string): MetricDatum[] {
  const Timestamp = new Date(plan.created_at);
  const data: MetricDatum[] = [];
  for (const mode of MODES) {
    for (const pool of PoolSchema.options) {
      const count = plan.tasks.filter((task) => task.mode === mode && task.resource === pool).length;
      data.push({
        MetricName: 'TasksPlanned',
        Dimensions: [
          { Name: 'Mode', Value: mode },
          { Name: 'Pool', Value: pool },
        ],
        Value: count,
        Unit: 'Count',
        Timestamp,
      });
    }
  }
  for (const m of plan.modes) {
    data.push({ MetricName: targetMetric, Dimensions: [{ Name: 'Mode', Value: m.mode }], Value: m.target_success, Unit: 'None', Timestamp });
  }
  data.push(
    { MetricName: 'Priority', Value: plan.priority, Unit: 'None', Timestamp },
    { MetricName: 'TasksDeferred', Value: plan.allocation.deferred, Unit: 'Count', Timestamp },
    { MetricName: 'Waiting', Value: plan.action === 'wait' ? 1 : 0, Unit: 'Count', Timestamp },
    { MetricName: 'Degraded', Value: plan.degraded ? 1 : 0, Unit: 'Count', Timestamp },
  );
  return data;
}

/** Records the plan's metrics with one PutMetricData call. */
export async function recordPlanMetrics(
  client: CloudWatchClient,
  t: Pick<Tunables, 'planMetricsNamespace' | 'targetSuccessMetric'>,
  plan: Plan,
  signal?: AbortSignal,
): Promise<void> {
  const MetricData = planMetricData(plan, t.targetSuccessMetric);
  await client.send(new PutMetricDataCommand({ Namespace: t.planMetricsNamespace, MetricData }), { abortSignal: signal });
}

/** The scheduled run's plan metrics port on CloudWatch. */
export const createCloudWatchPlanMetrics = (client: CloudWatchClient): PlanMetrics => ({
  record: (plan, t) => recordPlanMetrics(client, t, plan),
});
