import { describe, expect, it } from 'vitest';
import { createContext } from '../../functions/context.js';
import { PlanSchema } from '../../lib/schema/index.js';
import { motoTunables, tunablesEnv } from './support/aws.js';
import { seedCluster } from './support/scenario.js';
import { parameters } from './support/ssm.js';

async function postPlan(env: Record<string, string>, state: unknown) {
  const { app } = createContext(env);
  const response = await app.request('/plan', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(state),
  });
  return { status: response.status, plan: PlanSchema.parse(await response.json()) };
}

describe('API and container path with AWS sources', { timeout: 20_000 }, () => {
  it('uses CloudWatch and SSM when configured, the request winning field by field', async () => {
    const t = motoTunables();
    await seedCluster(t);
    await parameters(t).put('max-tasks', '5');
    const env = tunablesEnv(t, { USE_CLOUDWATCH: 'true', USE_SSM: 'true', LOG_LEVEL: 'SILENT' });
    const { status, plan } = await postPlan(env, { alpha_free: 0.9, seed: 5 });
    expect(status).toBe(200);
    expect(plan.sources).toEqual({ resources: 'mixed', performance: 'cloudwatch', tunables: 'ssm' });
    expect(plan.tasks.length).toBeLessThanOrEqual(5);
    expect(plan.degraded).toBe(false);
  });

  it('runs without AWS when no source is configured', async () => {
    const t = motoTunables();
    await seedCluster(t);
    const { status, plan } = await postPlan(tunablesEnv(t, { LOG_LEVEL: 'SILENT' }), { alpha_free: 0.9, seed: 5 });
    expect(status).toBe(200);
    expect(plan.sources.resources).toBe('request');
    expect(plan.sources.performance).toBe('default');
  });
});
