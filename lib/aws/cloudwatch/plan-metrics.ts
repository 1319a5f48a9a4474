import { PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import type { CloudWatchClient, MetricDatum } from '@aws-sdk/client-cloudwatch';
import { PoolSchema } from '../../schema/plan.js';
import type { Plan } from '../../schema/plan.js';
import { MODES } from '../../schema/task.js';
import type { PlanMetrics } from '../../service/ports.js';

/**
 * What each published plan leaves in CloudWatch: tasks per mode and pool (zeros included, so a dashboard
 * shows a mode starved rather than a gap), priority, deferred tasks, and whether it waited or was degraded.
 */
export function planMetricData(plan: Plan): MetricDatum[] {
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
  data.push(
    { MetricName: 'Priority', Value: plan.priority, Unit: 'None', Timestamp },
    { MetricName: 'TasksDeferred', Value: plan.allocation.deferred, Unit: 'Count', Timestamp },
    { MetricName: 'Waiting', Value: plan.action === 'wait' ? 1 : 0, Unit: 'Count', Timestamp },
    { MetricName: 'Degraded', Value: plan.degraded ? 1 : 0, Unit: 'Count', Timestamp },
  );
  return data;
}

/** Records the plan's metrics with one PutMetricData call. */
export async function recordPlanMetrics(client: CloudWatchClient, namespace: string, plan: Plan, signal?: AbortSignal): Promise<void> {
  await client.send(new PutMetricDataCommand({ Namespace: namespace, MetricData: planMetricData(plan) }), { abortSignal: signal });
}

/** The scheduled run's plan metrics port on CloudWatch. */
export const createCloudWatchPlanMetrics = (client: CloudWatchClient): PlanMetrics => ({
  record: (plan, namespace) => recordPlanMetrics(client, namespace, plan),
});
