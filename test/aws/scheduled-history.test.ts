import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { describe, expect, it } from 'vitest';
import { scheduledRunFromEnv } from '../../lib/compose/index.js';
import { createCloudWatchStateSource } from '../../lib/aws/cloudwatch/state-source.js';
import { createLogger } from '../../lib/log/logger.js';
import { PlanSchema } from '../../lib/schema/plan.js';
import { createPlanService } from '../../lib/service/plan-service.js';
import { cloudWatch, motoTunables, putMetrics, tunablesEnv, type Sample } from './support/aws.js';
import { busWithQueue } from './support/bus.js';
import { seedCluster } from './support/scenario.js';
import { SCHEDULED_EVENT } from './support/scheduled-event.js';


describe('scheduled run closes the curriculum loop through CloudWatch', { timeout: 30_000 }, () => {
  it('plans from the rebuilt history as from the same history in a request, and records the targets it chose', async () => {
    const t = motoTunables({ metricPeriodSeconds: 60, historyPeriods: 12 });
    await seedCluster(t);
    // Ten trainer periods of induction: difficulty climbing with the ability, rates near the 0.5 target.
    const samples: Sample[] = [];
    for (let k = 10; k >= 1; k--) {
      const ago = 60 * k + 20;
      samples.push(
        { mode: 'induction', metric: t.solveRateMetric, value: 0.45 + 0.01 * (k % 3), ago },
        { mode: 'induction', metric: t.difficultyMetric, value: 0.3 + 0.01 * (10 - k), ago },
        { mode: 'induction', metric: t.rolloutsMetric, value: 64, ago },
      );
    }
    samples.push({ mode: 'induction', metric: t.targetSuccessMetric, value: 0.5, ago: 60 * 11 + 20, namespace: t.planMetricsNamespace });
    await putMetrics(t, samples);
    const queue = await busWithQueue(t);
    const { run } = scheduledRunFromEnv(tunablesEnv(t), createLogger('SILENT'));
    const result = await run({ ...SCHEDULED_EVENT, detail: { seed: 7 } });
    const plan = PlanSchema.parse((await queue.next())?.detail);
    queue.close();

    expect(result.metrics_recorded).toBe(true);
    expect(plan.rationale.find((r) => r.startsWith('induction:'))).toMatch(/trajectory over 10 steps/);

    // The same history sent over HTTP gives the same decisions: one estimator for both paths.
    const observed = await createCloudWatchStateSource(cloudWatch(t)).observe(t, AbortSignal.timeout(10_000));
    const history = observed.performance.induction?.history;
    expect(history).toHaveLength(10);
    const fromRequest = await createPlanService({ env: tunablesEnv(t, { USE_CLOUDWATCH: 'false' }) }).plan({
      resources: { alpha: { utilization: 0.2, total_units: 8 }, beta: { utilization: 0.5, total_units: 32 } },
      performance: {
        deduction: { success_rate: 0.9, difficulty: 0.5 },
        abduction: { success_rate: 0.5, difficulty: 0.5 },
        induction: { success_rate: 0.2, difficulty: 0.4, ...(history ? { history } : {}) },
      },
      seed: 7,
    });
    // (The latest rate differs: the schedule's is the window's mean. Ability and target come from the history.)
    const decision = (modes: typeof plan.modes) => {
      const { success_rate: _latest, ...rest } = modes.find((m) => m.mode === 'induction')!;
      return rest;
    };
    expect(decision(plan.modes)).toEqual(decision(fromRequest.modes));

    // The targets it chose are in CloudWatch for the next run to read back.
    const now = Date.now();
    const read = await cloudWatch(t).send(
      new GetMetricDataCommand({
        StartTime: new Date(now - 600_000),
        EndTime: new Date(now + 60_000),
        MetricDataQueries: plan.modes.map((m) => ({
          Id: `t_${m.mode}`,
          MetricStat: {
            Metric: { Namespace: t.planMetricsNamespace, MetricName: t.targetSuccessMetric, Dimensions: [{ Name: 'Mode', Value: m.mode }] },
            Period: 60,
            Stat: 'Average',
          },
        })),
      }),
    );
    for (const m of plan.modes) expect(read.MetricDataResults?.find((r) => r.Id === `t_${m.mode}`)?.Values).toEqual([m.target_success]);
  });
});
