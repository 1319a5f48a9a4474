import { CloudWatchClient, CloudWatchServiceException, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import type { GetMetricDataCommandOutput, MetricDataResult } from '@aws-sdk/client-cloudwatch';
import { GetParametersByPathCommand, SSMClient, ThrottlingException } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createSources } from '../../lib/compose/index.js';
import { tunablesFromEnv } from '../../lib/config/index.js';
import { PlanSchema, type Plan } from '../../lib/schema/index.js';
import type { PlannerState } from '../../lib/schema/index.js';
import type { StateSource, TunablesSource } from '../../lib/service/index.js';
import { postJson, testApp } from '../support/app.js';

/**
 * Dependency faults the emulator cannot produce (slowness, throttling, malformed answers), injected at the SDK
 * client with aws-sdk-client-mock under the real adapters and service; the happy paths run against moto in
 * test/aws. The mock replaces the client's send, so SDK retries are not exercised here: the deadline is.
 */
const ENV = {
  USE_CLOUDWATCH: 'true',
  USE_SSM: 'true',
  AWS_REGION: 'us-east-1',
  AWS_TIMEOUT_MS: '200',
  AWS_MAX_ATTEMPTS: '1',
  SSM_CACHE_SECONDS: '0',
  MAX_TASKS: '20',
};
/** The service's deadline per source: timeout × attempts + 250 ms slack (plan-service.ts). */
const SOURCE_BUDGET_MS = 200 * 1 + 250;
/** Said by a plan whose source the deadline cut: the only way a plan can come while a source never answers. */
const CUT_AT_BUDGET = new RegExp(`timed out after ${SOURCE_BUDGET_MS} ms`);

const cloudWatch = mockClient(CloudWatchClient);
const ssm = mockClient(SSMClient);
afterAll(() => {
  cloudWatch.restore();
  ssm.restore();
});

const STATE: PlannerState = { performance_metrics: { deduction_success: 0.7, abduction_success: 0.5, induction_success: 0.3 }, seed: 3 };
/** A call that never answers: a plan then comes only through the deadline, however slow the machine. */
const never = <T>() => new Promise<T>(() => undefined);

function metric(id: string, values: unknown[]): MetricDataResult {
  return { Id: id, Values: values as number[], Timestamps: values.map(() => new Date()), StatusCode: 'Complete' };
}
const HEALTHY_METRICS: GetMetricDataCommandOutput = {
  $metadata: {},
  MetricDataResults: [
    metric('utilization_alpha', [50]),
    metric('total_units_alpha', [8]),
    metric('utilization_beta', [25]),
    metric('total_units_beta', [32]),
  ],
};
const HEALTHY_PARAMETERS = { Parameters: [{ Name: '/osiris/azr-planner/max-tasks', Value: '12', Type: 'String' as const }] };

/** The real app over the real service with the real AWS adapters, the clients' send mocked. */
function awsApp(overrides: { stateSource?: StateSource; tunablesSource?: TunablesSource } = {}) {
  const sources = createSources(tunablesFromEnv(ENV).tunables, ENV);
  return testApp({ env: ENV, ...sources, ...overrides });
}

async function planned(app: ReturnType<typeof testApp>): Promise<Plan> {
  const res = await app.request('/plan', postJson(JSON.stringify(STATE)));
  expect(res.status).toBe(200);
  const plan = PlanSchema.parse(await res.json());
  expect(plan.tasks.length).toBeGreaterThan(0);
  return plan;
}

beforeEach(() => {
  cloudWatch.reset();
  ssm.reset();
  cloudWatch.on(GetMetricDataCommand).resolves(HEALTHY_METRICS);
  ssm.on(GetParametersByPathCommand).resolves(HEALTHY_PARAMETERS);
});

describe('faults: healthy sources, for contrast', () => {
  it('plans from CloudWatch and SSM, not degraded', async () => {
    const plan = await planned(awsApp());
    expect(plan.degraded).toBe(false);
    expect(plan.sources).toEqual({ resources: 'cloudwatch', performance: 'request', tunables: 'ssm' });
    // SSM's max-tasks 12 wins over the environment's 20.
    expect(plan.tasks.length).toBe(12);
  });
});

describe('faults: CloudWatch', () => {
  const cases: [string, () => void, RegExp][] = [
    ['never answering', () => cloudWatch.on(GetMetricDataCommand).callsFake(() => never()), CUT_AT_BUDGET],
    ['throwing', () => cloudWatch.on(GetMetricDataCommand).rejects(new Error('connect ECONNREFUSED 10.0.0.1:443')), /ECONNREFUSED/],
    [
      'throttling',
      () =>
        cloudWatch.on(GetMetricDataCommand).rejects(
          new CloudWatchServiceException({ name: 'Throttling', $fault: 'client', message: 'Rate exceeded', $metadata: { httpStatusCode: 400 } }),
        ),
      /Rate exceeded/,
    ],
    ['answering without results (malformed)', () => cloudWatch.on(GetMetricDataCommand).resolves({ $metadata: {} }), /no MetricDataResults/],
  ];
  for (const [name, inject, reason] of cases) {
    it(`${name}: a degraded plan from the request and defaults`, async () => {
      inject();
      const plan = await planned(awsApp());
      expect(plan.degraded).toBe(true);
      expect(plan.sources.resources).toBe('default');
      const warning = plan.warnings.find((w) => w.startsWith('cloudwatch state unavailable'));
      expect(warning).toMatch(reason);
      // Pools unknown: the fallback capacity of one task each, never a guess above it.
      expect(plan.allocation.alpha_capacity + plan.allocation.beta_capacity).toBe(2);
    });
  }

  it('answering empty: plans on defaults and names every missing series', async () => {
    cloudWatch.on(GetMetricDataCommand).resolves({ $metadata: {}, MetricDataResults: [] });
    const plan = await planned(awsApp());
    expect(plan.sources.resources).toBe('default');
    for (const series of ['Utilization Pool=alpha', 'TotalUnits Pool=beta', 'SolveRate Mode=induction']) {
      expect(plan.warnings.some((w) => w.includes(`no result for ${series}`))).toBe(true);
    }
    expect(plan.allocation.alpha_capacity + plan.allocation.beta_capacity).toBe(2);
  });

  it('answering garbage values: drops each unbelievable one with a warning, never plans on it', async () => {
    cloudWatch.on(GetMetricDataCommand).resolves({
      $metadata: {},
      MetricDataResults: [
        metric('utilization_alpha', [Number.NaN, -40, 250]),
        metric('total_units_alpha', [1e308 * 10, -8]),
        metric('utilization_beta', ['75', null]),
        { Id: 'total_units_beta', StatusCode: 'InternalError', Values: [32] },
        metric('no_such_series', [1]),
      ],
    });
    const plan = await planned(awsApp());
    expect(plan.sources.resources).toBe('default');
    expect(plan.warnings.filter((w) => w.startsWith('CloudWatch: dropped')).length).toBe(3);
    expect(plan.warnings.some((w) => w.includes('InternalError'))).toBe(true);
    expect(plan.allocation.alpha_capacity + plan.allocation.beta_capacity).toBe(2);
  });
});

describe('faults: SSM', () => {
  const cases: [string, () => void, RegExp][] = [
    ['never answering', () => ssm.on(GetParametersByPathCommand).callsFake(() => never()), CUT_AT_BUDGET],
    ['throwing', () => ssm.on(GetParametersByPathCommand).rejects(new Error('getaddrinfo ENOTFOUND ssm.us-east-1.amazonaws.com')), /ENOTFOUND/],
    [
      'throttling',
      () => ssm.on(GetParametersByPathCommand).rejects(new ThrottlingException({ message: 'Rate exceeded', Message: 'Rate exceeded', $metadata: { httpStatusCode: 400 } })),
      /Rate exceeded/,
    ],
  ];
  for (const [name, inject, reason] of cases) {
    it(`${name}: a degraded plan on the environment's tunables`, async () => {
      inject();
      const plan = await planned(awsApp());
      expect(plan.degraded).toBe(true);
      expect(plan.sources.tunables).toBe('env');
      expect(plan.warnings.find((w) => w.startsWith('ssm tunables unavailable'))).toMatch(reason);
      // The environment's MAX_TASKS=20 stands in for SSM's 12.
      expect(plan.tasks.length).toBe(20);
    });
  }

  it('answering empty: the environment and defaults stand, not degraded', async () => {
    ssm.on(GetParametersByPathCommand).resolves({ Parameters: [] });
    const plan = await planned(awsApp());
    expect(plan.degraded).toBe(false);
    expect(plan.tasks.length).toBe(20);
  });

  it('answering malformed parameters: each bad one is ignored by name, the good ones apply', async () => {
    ssm.on(GetParametersByPathCommand).resolves({
      Parameters: [
        { Name: '/osiris/azr-planner/max-tasks', Value: 'lots', Type: 'String' },
        { Name: '/osiris/azr-planner/rasch-slope', Value: 'NaN', Type: 'String' },
        { Name: '/osiris/azr-planner/headroom-fraction', Value: '7', Type: 'String' },
        { Name: '/osiris/azr-planner/no-such-tunable', Value: '1', Type: 'String' },
        { Name: '/osiris/azr-planner/min-tasks', Type: 'String' },
        { Name: '/osiris/azr-planner/diversity-floor', Value: '2', Type: 'String' },
      ],
    });
    const plan = await planned(awsApp());
    expect(plan.degraded).toBe(false);
    for (const name of ['max-tasks', 'rasch-slope', 'headroom-fraction', 'no-such-tunable']) {
      expect(plan.warnings.some((w) => w.includes(`/osiris/azr-planner/${name}`))).toBe(true);
    }
    expect(plan.tasks.length).toBe(20);
    expect(Math.min(...plan.modes.map((m) => m.tasks))).toBeGreaterThanOrEqual(2);
  });
});

describe('faults: both sources at once, and sources that misbehave past the SDK', () => {
  it('CloudWatch and SSM both never answering: one degraded plan naming both, each cut at its deadline', async () => {
    cloudWatch.on(GetMetricDataCommand).callsFake(() => never());
    ssm.on(GetParametersByPathCommand).callsFake(() => never());
    const plan = await planned(awsApp());
    expect(plan.degraded).toBe(true);
    expect(plan.warnings.find((w) => w.startsWith('ssm tunables unavailable'))).toMatch(CUT_AT_BUDGET);
    expect(plan.warnings.find((w) => w.startsWith('cloudwatch state unavailable'))).toMatch(CUT_AT_BUDGET);
  });

  it('a state source that never settles and ignores the abort signal: the deadline still holds', async () => {
    const hung: StateSource = { name: 'cloudwatch', observe: () => new Promise(() => undefined) };
    const plan = await planned(awsApp({ stateSource: hung }));
    expect(plan.degraded).toBe(true);
    expect(plan.warnings.find((w) => w.startsWith('cloudwatch state unavailable'))).toMatch(CUT_AT_BUDGET);
  });

  it('sources that throw synchronously: degraded, never a 500', async () => {
    const broken: StateSource = {
      name: 'cloudwatch',
      observe: () => {
        throw new TypeError('cannot read properties of undefined');
      },
    };
    const brokenTunables: TunablesSource = {
      name: 'ssm',
      load: () => {
        throw new RangeError('bad config');
      },
    };
    const plan = await planned(awsApp({ stateSource: broken, tunablesSource: brokenTunables }));
    expect(plan.degraded).toBe(true);
    expect(plan.warnings.some((w) => w.includes('cannot read properties of undefined'))).toBe(true);
    expect(plan.warnings.some((w) => w.includes('bad config'))).toBe(true);
  });

  // The CloudWatch adapter filters such values, but the service boundary must hold for any StateSource.
  it('a state source handing back out-of-range and non-finite values: a valid plan, never NaN', async () => {
    const wild: StateSource = {
      name: 'cloudwatch',
      observe: async () => ({
        resources: { alpha: { utilization: 7, total_units: -3 }, beta: { utilization: Number.NaN, total_units: Number.POSITIVE_INFINITY } },
        performance: { deduction: { success_rate: Number.NaN, difficulty: -2 }, induction: { success_rate: 4 } },
        warnings: [],
      }),
    };
    const plan = await planned(awsApp({ stateSource: wild }));
    for (const m of plan.modes) {
      expect(Number.isFinite(m.ability)).toBe(true);
      expect(Number.isFinite(m.target_difficulty)).toBe(true);
    }
    expect(Number.isFinite(plan.allocation.beta_capacity)).toBe(true);
    expect(plan.warnings).toEqual(
      expect.arrayContaining([
        'observed beta utilization NaN is not a finite number; ignored',
        'observed beta total_units Infinity is not a finite number; ignored',
        'observed deduction success_rate NaN is not a finite number; ignored',
        'resources.alpha.utilization 7 is outside 0..1; clamped to 1',
      ]),
    );
  });
});
