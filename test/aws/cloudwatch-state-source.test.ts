import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { createCloudWatchStateSource } from '../../lib/aws/index.js';
import { cloudWatch, motoTunables, putMetrics } from './support/aws.js';

const observe = (t: ReturnType<typeof motoTunables>) =>
  createCloudWatchStateSource(cloudWatch(t)).observe(t, AbortSignal.timeout(10_000));

describe('CloudWatch state source against moto', { timeout: 15_000 }, () => {
  it('reads pool utilisation and size, solve rate and difficulty, averaged over the window', async () => {
    const t = motoTunables();
    await putMetrics(t, [
      { pool: 'alpha', metric: t.utilizationMetric, value: 20 },
      { pool: 'alpha', metric: t.utilizationMetric, value: 40, ago: 120 },
      { pool: 'alpha', metric: t.totalUnitsMetric, value: 8 },
      { pool: 'beta', metric: t.utilizationMetric, value: 90 },
      { pool: 'beta', metric: t.totalUnitsMetric, value: 32 },
      { mode: 'induction', metric: t.solveRateMetric, value: 0.2 },
      { mode: 'induction', metric: t.difficultyMetric, value: 0.4 },
      { mode: 'deduction', metric: t.solveRateMetric, value: 0.9 },
    ]);
    const observation = await observe(t);
    expect(observation.resources.alpha?.utilization).toBeCloseTo(0.3);
    expect(observation.resources.alpha?.total_units).toBe(8);
    expect(observation.resources.beta).toEqual({ utilization: 0.9, total_units: 32 });
    expect(observation.performance.induction).toEqual({ success_rate: 0.2, difficulty: 0.4 });
    expect(observation.performance.deduction).toEqual({ success_rate: 0.9 });
  });

  it('treats a series without datapoints in the window as missing, with a warning, never as zero', async () => {
    const t = motoTunables({ metricWindowSeconds: 300 });
    await putMetrics(t, [
      { pool: 'alpha', metric: t.utilizationMetric, value: 50 },
      { pool: 'beta', metric: t.utilizationMetric, value: 10, ago: 3600 },
    ]);
    const observation = await observe(t);
    expect(observation.resources.alpha).toEqual({ utilization: 0.5 });
    expect(observation.resources.beta).toBeUndefined();
    expect(observation.performance).toEqual({});
    expect(observation.warnings).toContain(`CloudWatch: no ${t.utilizationMetric} Pool=beta datapoints in the last 300 s; treated as missing`);
    expect(observation.warnings).toContain(`CloudWatch: no ${t.solveRateMetric} Mode=abduction datapoints in the last 300 s; treated as missing`);
    expect(observation.warnings).toHaveLength(9);
  });

  it('never reads series of unknown Pool or Mode values', async () => {
    const t = motoTunables();
    await putMetrics(t, [
      { pool: 'gamma', metric: t.utilizationMetric, value: 99 },
      { pool: 'Alpha', metric: t.utilizationMetric, value: 99 },
      { mode: 'reasoning', metric: t.solveRateMetric, value: 1 },
      { pool: 'alpha', metric: t.utilizationMetric, value: 25 },
    ]);
    const observation = await observe(t);
    expect(observation.resources).toEqual({ alpha: { utilization: 0.25 } });
    expect(observation.performance).toEqual({});
    expect(observation.warnings.join('\n')).not.toMatch(/gamma|Alpha=|reasoning/);
  });

  it('drops out-of-range values with a warning naming metric and dimension', async () => {
    const t = motoTunables();
    await putMetrics(t, [
      { pool: 'alpha', metric: t.utilizationMetric, value: 250 },
      { pool: 'alpha', metric: t.utilizationMetric, value: 60, ago: 120 },
      { pool: 'beta', metric: t.totalUnitsMetric, value: -4 },
      { mode: 'abduction', metric: t.solveRateMetric, value: -1 },
      { mode: 'abduction', metric: t.difficultyMetric, value: 1.5 },
    ]);
    const observation = await observe(t);
    expect(observation.resources.alpha).toEqual({ utilization: 0.6 });
    expect(observation.resources.beta).toBeUndefined();
    expect(observation.performance.abduction).toBeUndefined();
    expect(observation.warnings).toEqual(
      expect.arrayContaining([
        `CloudWatch: dropped 1 ${t.utilizationMetric} Pool=alpha value(s) outside 0..100 (e.g. 250)`,
        `CloudWatch: dropped 1 ${t.totalUnitsMetric} Pool=beta value(s) outside >= 0 (e.g. -4)`,
        `CloudWatch: dropped 1 ${t.solveRateMetric} Mode=abduction value(s) outside 0..1 (e.g. -1)`,
        `CloudWatch: dropped 1 ${t.difficultyMetric} Mode=abduction value(s) outside 0..1 (e.g. 1.5)`,
      ]),
    );
  });

  it('makes exactly one GetMetricData call per observation', async () => {
    const t = motoTunables();
    const client = cloudWatch(t);
    const calls: string[] = [];
    client.middlewareStack.add((next, context) => (args) => (calls.push(String(context.commandName)), next(args)), { step: 'initialize' });
    await createCloudWatchStateSource(client).observe(t, AbortSignal.timeout(10_000));
    expect(calls).toEqual(['GetMetricDataCommand']);
  });
});

// Answers moto cannot give: the SDK client is faked here, in addition to the emulator tests above.
describe('CloudWatch state source on answers moto cannot produce', () => {
  const t = motoTunables();
  const source = () => createCloudWatchStateSource(new CloudWatchClient({ region: 'us-east-1' }));

  it('passes throttling on as an error for the service to degrade on', async () => {
    const mock = mockClient(CloudWatchClient);
    mock.on(GetMetricDataCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));
    await expect(source().observe(t, AbortSignal.timeout(5000))).rejects.toThrow('Rate exceeded');
    mock.restore();
  });

  it('rejects an answer without MetricDataResults', async () => {
    const mock = mockClient(CloudWatchClient);
    mock.on(GetMetricDataCommand).resolves({});
    await expect(source().observe(t, AbortSignal.timeout(5000))).rejects.toThrow('no MetricDataResults');
    mock.restore();
  });

  it('treats NaN, failed series and absent series as missing, each with a warning', async () => {
    const mock = mockClient(CloudWatchClient);
    mock.on(GetMetricDataCommand).resolves({
      NextToken: 'more',
      MetricDataResults: [
        { Id: 'utilization_alpha', Values: [Number.NaN], StatusCode: 'Complete' },
        { Id: 'utilization_beta', Values: [40], StatusCode: 'InternalError' },
        { Id: 'total_units_alpha', Values: [6, 10], StatusCode: 'PartialData' },
      ],
    });
    const observation = await source().observe(t, AbortSignal.timeout(5000));
    expect(observation.resources).toEqual({ alpha: { total_units: 8 } });
    expect(observation.warnings).toEqual(
      expect.arrayContaining([
        'CloudWatch: answer spans several pages; used the first (newest) one only',
        `CloudWatch: dropped 1 ${t.utilizationMetric} Pool=alpha value(s) outside 0..100 (e.g. NaN)`,
        `CloudWatch: ${t.utilizationMetric} Pool=beta answered InternalError; treated as missing`,
        `CloudWatch: no result for ${t.solveRateMetric} Mode=deduction; treated as missing`,
      ]),
    );
    mock.restore();
  });
});
