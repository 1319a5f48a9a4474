import { afterEach, describe, expect, it } from 'vitest';
import { createSources } from '../../lib/compose/index.js';
import { tunablesFromEnv } from '../../lib/config/index.js';
import { PlanSchema } from '../../lib/schema/index.js';
import { createPlanService } from '../../lib/service/index.js';
import { motoTunables, tunablesEnv } from './support/aws.js';
import { blackHole, garbage } from './support/fake-endpoints.js';
import type { FakeEndpoint } from './support/fake-endpoints.js';
import { startMoto } from './support/moto-server.js';
import type { MotoServer } from './support/moto-server.js';
import { seedCluster } from './support/scenario.js';
import { parameters } from './support/ssm.js';

const ATTEMPTS = 2;
/** Both sources are read one after the other, each bounded by timeout × attempts (plus the service's slack). */
const budgetMs = (timeoutMs: number) => 2 * (timeoutMs * ATTEMPTS + 250) + 1000;

/** The API and container path: a plan service with the sources the environment switches on. */
function apiService(endpoint: string, timeoutMs: number) {
  const t = motoTunables({ awsEndpoint: endpoint, awsTimeoutMs: timeoutMs, awsMaxAttempts: ATTEMPTS });
  const env = tunablesEnv(t, { USE_CLOUDWATCH: 'true', USE_SSM: 'true', SSM_CACHE_SECONDS: '0' });
  const sources = createSources(tunablesFromEnv(env).tunables, env);
  return { t, service: createPlanService({ env, ...sources }) };
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('sources failing', { timeout: 30_000 }, () => {
  it('a killed emulator gives a degraded plan naming both sources, within the configured timeout', async () => {
    const moto: MotoServer = await startMoto();
    cleanup = moto.stop;
    // Generous enough for a fresh moto's first calls, which load its service backends.
    const { t, service } = apiService(moto.endpoint, 3000);
    const seeding = { ...t, awsTimeoutMs: 10_000 };
    await seedCluster(seeding);
    await parameters(seeding).put('max-tasks', '9');

    const healthy = await service.plan({ alpha_free: 0.5 });
    expect(healthy.degraded).toBe(false);
    expect(healthy.sources).toEqual({ resources: 'mixed', performance: 'cloudwatch', tunables: 'ssm' });

    moto.process.kill('SIGKILL');
    await moto.stop();
    const { value: plan, ms } = await timed(() => service.plan({ alpha_free: 0.5 }));
    PlanSchema.parse(plan);
    expect(plan.degraded).toBe(true);
    // SSM's last good values (max-tasks 9) stay, named in a warning; CloudWatch's state is gone.
    expect(plan.sources).toEqual({ resources: 'request', performance: 'default', tunables: 'ssm' });
    expect(plan.warnings.find((w) => w.startsWith('ssm tunables unavailable'))).toMatch(/using the values last read at/);
    expect(plan.warnings.some((w) => w.startsWith('cloudwatch state unavailable'))).toBe(true);
    expect(ms).toBeLessThan(budgetMs(3000));
  });

  it('a slow endpoint that never answers gives a degraded plan within the configured timeout', async () => {
    const hole: FakeEndpoint = await blackHole();
    cleanup = hole.close;
    const { service } = apiService(hole.endpoint, 400);
    const { value: plan, ms } = await timed(() => service.plan({}));
    expect(plan.degraded).toBe(true);
    const failures = plan.warnings.filter((w) => /^(ssm tunables|cloudwatch state) unavailable/.test(w));
    expect(failures).toHaveLength(2);
    // The clients' own timeout ended the calls, not just the service's deadline around them.
    for (const failure of failures) expect(failure).toContain('exceeded the configured 400 ms requestTimeout');
    expect(ms).toBeLessThan(budgetMs(400));
  });

  it('an endpoint answering garbage gives a degraded plan, never an exception', async () => {
    const junk: FakeEndpoint = await garbage();
    cleanup = junk.close;
    const { service } = apiService(junk.endpoint, 400);
    const plan = await service.plan({ beta_free: 0.3 });
    PlanSchema.parse(plan);
    expect(plan.degraded).toBe(true);
    expect(plan.sources.resources).toBe('request');
    expect(plan.warnings.filter((w) => /^(ssm tunables|cloudwatch state) unavailable/.test(w))).toHaveLength(2);
  });
});
