import { GetParametersByPathCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createSources } from '../../lib/compose/index.js';
import { tunablesFromEnv } from '../../lib/config/index.js';
import { createApp } from '../../lib/http/index.js';
import { createLogger } from '../../lib/log/index.js';
import { PlanSchema } from '../../lib/schema/index.js';
import { createPlanService } from '../../lib/service/index.js';
import { postJson } from '../support/app.js';

/**
 * An SSM brown-out, injected at the SDK client under the real SSM adapter and service (as test/hardening/faults
 * does): SSM answers, then hangs.
 */
const ENV = { USE_SSM: 'true', AWS_REGION: 'us-east-1', AWS_TIMEOUT_MS: '2000', AWS_MAX_ATTEMPTS: '1', SSM_CACHE_SECONDS: '0' };
const ssm = mockClient(SSMClient);
afterAll(() => ssm.restore());
beforeEach(() => ssm.reset());

const STATE = JSON.stringify({ alpha_free: 1, beta_free: 1, seed: 4 });
const hang = () => new Promise<never>(() => undefined);

function ssmApp(draining = () => false) {
  const service = createPlanService({ env: ENV, ...createSources(tunablesFromEnv(ENV).tunables, ENV) });
  return { service, app: createApp({ service, logger: createLogger('SILENT'), bodyLimitBytes: 65_536, draining }) };
}

describe('readiness and SSM brown-outs', () => {
  it('/readyz answers from cached state while SSM hangs, and plans keep the last good SSM values with a warning', async () => {
    ssm.on(GetParametersByPathCommand).resolves({ Parameters: [{ Name: '/osiris/azr-planner/max-tasks', Value: '12', Type: 'String' }] });
    const { app, service } = ssmApp();
    await service.tunables();
    expect(await (await app.request('/readyz')).json()).toEqual({ status: 'ready', tunables: 'ssm', degraded: false });

    ssm.on(GetParametersByPathCommand).callsFake(hang);
    // A plan now waits out SSM's deadline (2.25 s); the probe must not.
    let planDone = false;
    const planned = Promise.resolve(app.request('/plan', postJson(STATE))).then((res) => ((planDone = true), res));
    const probe = await app.request('/readyz');
    expect(planDone).toBe(false);
    expect(probe.status).toBe(200);

    const plan = PlanSchema.parse(await (await planned).json());
    expect(plan.degraded).toBe(true);
    expect(plan.sources.tunables).toBe('ssm');
    expect(plan.tasks.length).toBe(12);
    expect(plan.warnings.find((w) => w.startsWith('ssm tunables unavailable'))).toMatch(/using the values last read at \d{4}-/);
    // The probe now reports the brown-out, still at once and still ready: the service plans.
    expect(await (await app.request('/readyz')).json()).toEqual({ status: 'ready', tunables: 'ssm', degraded: true });
  }, 20_000);

  it('concurrent plans in a brown-out share one wait on SSM', async () => {
    ssm.on(GetParametersByPathCommand).callsFake(hang);
    const { app } = ssmApp();
    const answers = await Promise.all(Array.from({ length: 5 }, () => app.request('/plan', postJson(STATE))));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(ssm.commandCalls(GetParametersByPathCommand)).toHaveLength(1);
  }, 20_000);

  it('503 while draining at shutdown, the one time the service cannot take a plan', async () => {
    ssm.on(GetParametersByPathCommand).resolves({ Parameters: [] });
    const { app } = ssmApp(() => true);
    const res = await app.request('/readyz');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'draining' });
  });
});
