import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { describe, expect, it, vi } from 'vitest';
import { createCloudWatchStateSource } from '../../lib/aws/cloudwatch/state-source.js';
import type { Tunables } from '../../lib/config/tunables.js';
import { cloudWatch, motoTunables, putMetrics, type Sample } from './support/aws.js';

/** A datapoint in the middle of the period `k` periods back (period 60 s), so each lands in its own period. */
const at = (k: number) => 60 * k + 20;

/** One trainer step of a mode `k` periods back: solve rate, difficulty and rollouts, as a trainer publishes them. */
const step = (t: Tunables, mode: string, k: number, rate: number, difficulty: number, rollouts: number): Sample[] => [
  { mode, metric: t.solveRateMetric, value: rate, ago: at(k) },
  { mode, metric: t.difficultyMetric, value: difficulty, ago: at(k) },
  { mode, metric: t.rolloutsMetric, value: rollouts, ago: at(k) },
];
const target = (t: Tunables, mode: string, k: number, value: number): Sample => ({
  mode,
  metric: t.targetSuccessMetric,
  value,
  ago: at(k),
  namespace: t.planMetricsNamespace,
});

describe('CloudWatch history against moto', { timeout: 15_000 }, () => {
  it('rebuilds each mode\'s history oldest first from periods, across gaps and out-of-order datapoints, in one call', async () => {
    const t = motoTunables({ metricPeriodSeconds: 60, metricWindowSeconds: 120, historyPeriods: 10 });
    const samples = [
      ...step(t, 'induction', 1, 0.7, 0.4, 64),
      ...step(t, 'induction', 6, 0.2, 0.3, 32),
      // Period 3 is a gap; period 4 lacks its rollouts (left out, with a warning).
      { mode: 'induction', metric: t.solveRateMetric, value: 0.9, ago: at(4) },
      { mode: 'induction', metric: t.difficultyMetric, value: 0.9, ago: at(4) },
      ...step(t, 'induction', 2, 0.6, 0.38, 64),
      ...step(t, 'induction', 5, 0.4, 0.32, 48),
      target(t, 'induction', 1, 0.65),
      target(t, 'induction', 5, 0.5),
      ...step(t, 'deduction', 2, 0.8, 0.5, 16),
    ];
    // Published newest and oldest mixed, as several trainer processes would.
    await putMetrics(t, samples);
    const client = cloudWatch(t);
    const send = vi.spyOn(client, 'send');
    const observation = await createCloudWatchStateSource(client).observe(t, AbortSignal.timeout(10_000));

    expect(send.mock.calls.filter(([command]) => command instanceof GetMetricDataCommand)).toHaveLength(1);
    expect(observation.performance.induction?.history).toEqual([
      { difficulty: 0.3, success_rate: 0.2, rollouts: 32, tasks: 4, target_success: t.targetSuccess },
      { difficulty: 0.32, success_rate: 0.4, rollouts: 48, tasks: 6, target_success: 0.5 },
      { difficulty: 0.38, success_rate: 0.6, rollouts: 64, tasks: 8, target_success: 0.5 },
      { difficulty: 0.4, success_rate: 0.7, rollouts: 64, tasks: 8, target_success: 0.65 },
    ]);
    expect(observation.performance.deduction?.history).toEqual([
      { difficulty: 0.5, success_rate: 0.8, rollouts: 16, tasks: 2, target_success: t.targetSuccess },
    ]);
    // A mode with no data has no history; the current value still comes from the short window only (the newest
    // period, and the one before when its start falls inside the window: periods are aligned to the clock).
    expect(observation.performance.abduction).toBeUndefined();
    expect([0.7, 0.65]).toContain(Math.round((observation.performance.induction?.success_rate ?? 0) * 100) / 100);
    expect(observation.warnings).toContain(
      `CloudWatch: 1 period(s) of Mode=induction lack one of ${t.solveRateMetric}, ${t.difficultyMetric}, ${t.rolloutsMetric}; left out of its history`,
    );
    client.destroy();
  });

  it('keeps only the last historyPeriods steps', async () => {
    const t = motoTunables({ metricPeriodSeconds: 60, historyPeriods: 2 });
    await putMetrics(t, [1, 2, 3, 4].flatMap((k) => step(t, 'abduction', k, 0.1 * k, 0.1 * k, 8)));
    const observation = await createCloudWatchStateSource(cloudWatch(t)).observe(t, AbortSignal.timeout(10_000));
    expect(observation.performance.abduction?.history?.map((h) => h.success_rate)).toEqual([0.2, 0.1]);
  });

  it('asks for the longer of the current window and the history periods', async () => {
    const t = motoTunables({ metricPeriodSeconds: 300, metricWindowSeconds: 600, historyPeriods: 12 });
    const client = new CloudWatchClient({ region: 'us-east-1' });
    const send = vi.spyOn(client, 'send').mockResolvedValue({ MetricDataResults: [] } as never);
    const now = new Date('2026-01-01T12:00:00Z');
    await createCloudWatchStateSource(client, () => now).observe(t, AbortSignal.timeout(1000));
    const input = (send.mock.calls[0]![0] as GetMetricDataCommand).input;
    expect(input.StartTime).toEqual(new Date(now.getTime() - 12 * 300 * 1000));
    expect(input.MetricDataQueries?.map((q) => q.Id)).toEqual(expect.arrayContaining(['rollouts_induction', 'target_deduction']));
  });
});
