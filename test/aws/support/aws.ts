import { randomUUID } from 'node:crypto';
import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import type { MetricDatum } from '@aws-sdk/client-cloudwatch';
import { inject } from 'vitest';
import { DEFAULT_TUNABLES, TunablesSchema, envName, tunableKeys } from '../../../lib/config/index.js';
import type { Tunables } from '../../../lib/config/index.js';
import { awsClientConfig } from '../../../lib/aws/index.js';

// moto accepts any credentials; the SDK still needs some to sign with.
process.env.AWS_ACCESS_KEY_ID ??= 'testing';
process.env.AWS_SECRET_ACCESS_KEY ??= 'testing';
delete process.env.AWS_REGION;

export const motoEndpoint = (): string => inject('motoEndpoint');

/** A name no other test uses: moto is shared by the whole run, so tests isolate by names. */
export const unique = (label: string): string => `${label}${randomUUID().replaceAll('-', '').slice(0, 10)}`;

/**
 * Tunables pointing at the shared moto with metric names of this test's own: moto's GetMetricData
 * ignores the namespace when dimensions are given, so only distinct metric names keep tests apart.
 */
export function motoTunables(overrides: Partial<Tunables> = {}): Tunables {
  const tag = unique('');
  return TunablesSchema.parse({
    ...DEFAULT_TUNABLES,
    awsEndpoint: motoEndpoint(),
    awsRegion: 'us-east-1',
    // moto is one Python process shared by parallel test files: slow under load, never down.
    awsTimeoutMs: 10_000,
    utilizationMetric: `Utilization${tag}`,
    totalUnitsMetric: `TotalUnits${tag}`,
    solveRateMetric: `SolveRate${tag}`,
    difficultyMetric: `TaskDifficulty${tag}`,
    rolloutsMetric: `Rollouts${tag}`,
    targetSuccessMetric: `TargetSuccess${tag}`,
    ssmPrefix: `/${unique('test')}/azr-planner/`,
    eventBusName: unique('bus'),
    planMetricsNamespace: `Test/${unique('plan')}`,
    ...overrides,
  });
}

export function cloudWatch(t: Tunables): CloudWatchClient {
  return new CloudWatchClient(awsClientConfig(t));
}

export interface Sample {
  pool?: 'alpha' | 'beta' | string;
  mode?: string;
  metric: string;
  value: number;
  /** Seconds before now; defaults to 30. */
  ago?: number;
  /** Where the datum goes when not the pool or training namespace (e.g. the plan metrics'). */
  namespace?: string;
}

/** Seeds datapoints with PutMetricData, the way the cluster's exporters do. */
export async function putMetrics(t: Tunables, samples: readonly Sample[]): Promise<void> {
  const client = cloudWatch(t);
  const byNamespace = new Map<string, MetricDatum[]>();
  for (const s of samples) {
    const namespace = s.namespace ?? (s.pool !== undefined ? t.computeNamespace : t.azrNamespace);
    const dimension = s.pool !== undefined ? { Name: 'Pool', Value: s.pool } : { Name: 'Mode', Value: s.mode ?? '' };
    const data = byNamespace.get(namespace) ?? [];
    data.push({ MetricName: s.metric, Dimensions: [dimension], Value: s.value, Timestamp: new Date(Date.now() - (s.ago ?? 30) * 1000) });
    byNamespace.set(namespace, data);
  }
  for (const [Namespace, MetricData] of byNamespace) await client.send(new PutMetricDataCommand({ Namespace, MetricData }));
  client.destroy();
}

/** Tunables in their environment spelling, as the entry points read them. */
export function tunablesEnv(t: Tunables, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of tunableKeys()) env[envName(key)] = String(t[key]);
  return { ...env, ...extra };
}
