import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { describe, expect, it } from 'vitest';
import { planMetricData, recordPlanMetrics } from '../../lib/aws/index.js';
import { cloudWatch, motoTunables } from './support/aws.js';
import { samplePlan } from './support/plans.js';

describe('plan metrics', { timeout: 15_000 }, () => {
  it('counts tasks per mode and pool, zeros included', () => {
    const data = planMetricData(samplePlan(6), 'TargetSuccess');
    const count = (mode: string, pool: string) =>
      data.find(
        (d) => d.MetricName === 'TasksPlanned' && d.Dimensions?.some((x) => x.Value === mode) && d.Dimensions.some((x) => x.Value === pool),
      )?.Value;
    expect(count('deduction', 'alpha')).toBe(4);
    expect(count('deduction', 'beta')).toBe(2);
    expect(count('induction', 'alpha')).toBe(0);
    expect(data.find((d) => d.MetricName === 'Priority')?.Value).toBe(6);
    expect(data.find((d) => d.MetricName === 'Degraded')?.Value).toBe(0);
  });

  it('record each mode\'s target success by Mode, for the next run to rebuild its history', () => {
    const plan = samplePlan(6);
    const targets = planMetricData(plan, 'TargetSuccess').filter((d) => d.MetricName === 'TargetSuccess');
    expect(targets.map((d) => [d.Dimensions, d.Value])).toEqual(
      plan.modes.map((m) => [[{ Name: 'Mode', Value: m.mode }], m.target_success]),
    );
    expect(targets.length).toBeGreaterThan(0);
  });

  it('are recorded in CloudWatch, readable back', async () => {
    const t = motoTunables();
    const client = cloudWatch(t);
    const plan = samplePlan(6);
    await recordPlanMetrics(client, t, plan);
    const now = Date.now();
    const read = await client.send(
      new GetMetricDataCommand({
        StartTime: new Date(now - 600_000),
        EndTime: new Date(now + 60_000),
        MetricDataQueries: [
          { Id: 'priority', MetricStat: { Metric: { Namespace: t.planMetricsNamespace, MetricName: 'Priority' }, Period: 60, Stat: 'Maximum' } },
          { Id: 'deferred', MetricStat: { Metric: { Namespace: t.planMetricsNamespace, MetricName: 'TasksDeferred' }, Period: 60, Stat: 'Sum' } },
        ],
      }),
    );
    expect(read.MetricDataResults?.find((r) => r.Id === 'priority')?.Values).toEqual([6]);
    expect(read.MetricDataResults?.find((r) => r.Id === 'deferred')?.Values).toEqual([2]);
  });
});
