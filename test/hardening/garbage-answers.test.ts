import { afterEach, describe, expect, it } from 'vitest';
import { createSources } from '../../lib/compose/index.js';
import { tunablesFromEnv } from '../../lib/config/index.js';
import { PlanSchema } from '../../lib/schema/index.js';
import { createPlanService } from '../../lib/service/index.js';
import { answering, json } from './support/aws-endpoint.js';

/** HTTP 200 answers with the wrong types, from a real endpoint through the real SDK clients and adapters. */
const envFor = (endpoint: string, sources: Record<string, string>) => ({
  ...sources,
  AWS_ENDPOINT: endpoint,
  AWS_REGION: 'us-east-1',
  AWS_TIMEOUT_MS: '2000',
  AWS_MAX_ATTEMPTS: '1',
  SSM_CACHE_SECONDS: '0',
});
const serviceFor = (env: Record<string, string>) => createPlanService({ env, ...createSources(tunablesFromEnv(env).tunables, env) });

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

const WRONG_METRICS = {
  MetricDataResults: [
    { Id: 'utilization_alpha', Values: 'fifty', Timestamps: [], StatusCode: 'Complete' },
    { Id: 'total_units_alpha', Values: ['8', { n: 8 }, true], StatusCode: 'Complete' },
    { Id: 42, Values: [50], StatusCode: 'Complete' },
    null,
    'utilization_beta',
  ],
};

describe('garbage that looks like success: degraded, with clear warnings', () => {
  it('CloudWatch answering 200 with wrongly typed data', async () => {
    const aws = await answering({ GetMetricData: json(WRONG_METRICS) });
    close = aws.close;
    const plan = PlanSchema.parse(await serviceFor(envFor(aws.endpoint, { USE_CLOUDWATCH: 'true' })).plan({ seed: 1 }));
    expect(plan.degraded).toBe(true);
    expect(plan.warnings.some((w) => /^cloudwatch state unavailable \(CloudWatch GetMetricData: malformed answer/.test(w))).toBe(true);
    expect(plan.sources.resources).toBe('default');
  });

  it('CloudWatch answering 200 with a results field of the wrong type', async () => {
    const aws = await answering({ GetMetricData: json({ MetricDataResults: { utilization_alpha: [50] } }) });
    close = aws.close;
    const plan = await serviceFor(envFor(aws.endpoint, { USE_CLOUDWATCH: 'true' })).plan({ seed: 1 });
    expect(plan.degraded).toBe(true);
    expect(plan.warnings.some((w) => /cloudwatch state unavailable .*MetricDataResults/.test(w))).toBe(true);
  });

  for (const [name, answer] of [
    ['parameters with a numeric Name and a non-string Value', { Parameters: [{ Name: 42, Value: ['12'] }, { Name: '/osiris/azr-planner/max-tasks', Value: 12 }] }],
    ['Parameters that is not a list', { Parameters: 'max-tasks=12' }],
    ['a parameter that is null', { Parameters: [null] }],
  ] as const) {
    it(`SSM answering 200 with ${name}`, async () => {
      const aws = await answering({ GetParametersByPath: json(answer) });
      close = aws.close;
      const plan = await serviceFor(envFor(aws.endpoint, { USE_SSM: 'true', MAX_TASKS: '20' })).plan({ alpha_free: 1, beta_free: 1, seed: 1 });
      expect(plan.degraded).toBe(true);
      const warning = plan.warnings.find((w) => w.startsWith('ssm tunables unavailable'));
      expect(warning).toMatch(/malformed answer/);
      expect(plan.warnings.join('\n')).not.toMatch(/Cannot read properties|undefined/);
      // The environment's value stands.
      expect(plan.tasks.length).toBe(20);
    });
  }
});
