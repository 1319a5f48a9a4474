import { afterEach, describe, expect, it, vi } from 'vitest';
import { InvalidScheduledEventError } from '../../lib/aws/index.js';
import { scheduledRunFromEnv } from '../../lib/compose/index.js';
import { PublishError } from '../../lib/aws/index.js';
import { createLogger } from '../../lib/log/index.js';
import { PlanSchema } from '../../lib/schema/index.js';
import type { Plan } from '../../lib/schema/index.js';
import { createPlanService } from '../../lib/service/index.js';
import { motoTunables, putMetrics, tunablesEnv } from './support/aws.js';
import { busWithQueue } from './support/bus.js';
import { CLUSTER_AS_REQUEST, seedCluster } from './support/scenario.js';
import { parameters } from './support/ssm.js';
import { SCHEDULED_EVENT } from './support/scheduled-event.js';


/** The scheduled run wired exactly as the Lambda wires it, from an environment, with its logger watched. */
function scheduled(env: Record<string, string>) {
  const logger = createLogger('SILENT');
  const spies = { error: vi.spyOn(logger, 'error'), warn: vi.spyOn(logger, 'warn'), info: vi.spyOn(logger, 'info') };
  return { ...scheduledRunFromEnv(env, logger), spies };
}

const comparable = (plan: Plan) => ({
  action: plan.action,
  priority: plan.priority,
  allocation: plan.allocation,
  modes: plan.modes,
  tasks: plan.tasks.map(({ task_id: _id, ...task }) => task),
});

afterEach(() => vi.restoreAllMocks());

describe('scheduled run against moto', { timeout: 20_000 }, () => {
  it('plans from CloudWatch and publishes a valid plan that arrives on the bus\'s queue', async () => {
    const t = motoTunables();
    await seedCluster(t);
    const queue = await busWithQueue(t);
    const { run, spies } = scheduled(tunablesEnv(t));
    const result = await run({ ...SCHEDULED_EVENT, detail: { seed: 42 } });

    const event = await queue.next();
    const plan = PlanSchema.parse(event?.detail);
    expect(event?.source).toBe('osiris.azr-planner');
    expect(event?.['detail-type']).toBe('AZR Plan Generated');
    expect(plan.plan_id).toBe(result.plan_id);
    expect(plan.sources).toEqual({ resources: 'cloudwatch', performance: 'cloudwatch', tunables: 'env' });
    expect(plan.degraded).toBe(false);
    expect(result).toMatchObject({ tasks: plan.tasks.length, degraded: false, trimmed: false, metrics_recorded: true });
    expect(spies.info).toHaveBeenCalledWith('plan published', expect.objectContaining({ plan_id: plan.plan_id, bus: t.eventBusName }));

    // The planner read the metrics: the same cluster stated in a request gives the same plan.
    const fromRequest = await createPlanService({ env: tunablesEnv(t) }).plan({ ...CLUSTER_AS_REQUEST, seed: 42 });
    expect(comparable(plan)).toEqual(comparable(fromRequest));
    queue.close();
  });

  it('plans differently when a metric changes', async () => {
    const t = motoTunables();
    await seedCluster(t);
    const queue = await busWithQueue(t);
    const { run } = scheduled(tunablesEnv(t));
    await run({ ...SCHEDULED_EVENT, detail: { seed: 1 } });
    const before = PlanSchema.parse((await queue.next())?.detail);

    await putMetrics(t, [{ pool: 'alpha', metric: t.utilizationMetric, value: 100, ago: 1 }]);
    await run({ ...SCHEDULED_EVENT, detail: { seed: 1 } });
    const after = PlanSchema.parse((await queue.next())?.detail);
    expect(after.allocation.alpha_capacity).toBeLessThan(before.allocation.alpha_capacity);
    queue.close();
  });

  it('reads tunables from SSM, and falls back to the environment when a parameter is deleted', async () => {
    const t = motoTunables();
    await seedCluster(t);
    const queue = await busWithQueue(t);
    const ssm = parameters(t);
    await ssm.put('enable-induction', 'false');
    const { run } = scheduled(tunablesEnv(t, { USE_SSM: 'true', SSM_CACHE_SECONDS: '0', ENABLE_INDUCTION: 'true' }));

    await run(SCHEDULED_EVENT);
    const withSsm = PlanSchema.parse((await queue.next())?.detail);
    expect(withSsm.sources.tunables).toBe('ssm');
    expect(withSsm.tasks.filter((task) => task.mode === 'induction')).toEqual([]);

    await ssm.delete('enable-induction');
    await run(SCHEDULED_EVENT);
    const withoutParameter = PlanSchema.parse((await queue.next())?.detail);
    expect(withoutParameter.tasks.some((task) => task.mode === 'induction')).toBe(true);
    queue.close();
  });

  it('skips non-numeric SSM values with a warning naming the parameter, keeping the good ones', async () => {
    const t = motoTunables();
    await seedCluster(t);
    const queue = await busWithQueue(t);
    const ssm = parameters(t);
    await ssm.put('rasch-slope', 'steep');
    await ssm.put('enable-deduction', 'false');
    const { run, spies } = scheduled(tunablesEnv(t, { USE_SSM: 'true' }));
    await run(SCHEDULED_EVENT);
    const plan = PlanSchema.parse((await queue.next())?.detail);
    const warning = `SSM: parameter ${t.ssmPrefix}rasch-slope ignored: expected a number, got "steep"`;
    expect(plan.warnings).toContain(warning);
    expect(spies.warn).toHaveBeenCalledWith('plan has warnings', expect.objectContaining({ warnings: expect.arrayContaining([warning]) }));
    expect(plan.tasks.filter((task) => task.mode === 'deduction')).toEqual([]);
    expect(plan.degraded).toBe(false);
    queue.close();
  });

  it('ignores metrics of unknown pools and modes, planning as if they were absent', async () => {
    const t = motoTunables();
    const queue = await busWithQueue(t);
    await putMetrics(t, [
      { pool: 'gamma', metric: t.utilizationMetric, value: 0 },
      { pool: 'gamma', metric: t.totalUnitsMetric, value: 1000 },
      { mode: 'reasoning', metric: t.solveRateMetric, value: 0.1 },
    ]);
    const { run, spies } = scheduled(tunablesEnv(t));
    await run({ ...SCHEDULED_EVENT, detail: { seed: 3 } });
    const plan = PlanSchema.parse((await queue.next())?.detail);
    const blind = await createPlanService({ env: tunablesEnv(t) }).plan({ seed: 3 });
    expect(plan.sources.resources).toBe('default');
    const missing = `CloudWatch: no ${t.utilizationMetric} Pool=alpha datapoints in the last ${t.metricWindowSeconds} s; treated as missing`;
    expect(plan.warnings).toContain(missing);
    expect(spies.warn).toHaveBeenCalledWith('plan has warnings', expect.objectContaining({ warnings: expect.arrayContaining([missing]) }));
    expect(comparable(plan)).toEqual(comparable(blind));
    queue.close();
  });

  it('rejects a malformed event with a clear log line, planning and publishing nothing', async () => {
    const t = motoTunables();
    const queue = await busWithQueue(t);
    const { run, spies } = scheduled(tunablesEnv(t));
    await expect(run({ ...SCHEDULED_EVENT, detail: { alpha_free: 'lots' } })).rejects.toThrow(InvalidScheduledEventError);
    await expect(run({ 'detail-type': 'AZR Plan Generated', source: 'osiris.azr-planner' })).rejects.toThrow(
      /invalid scheduled event: detail-type: /,
    );
    await expect(run('tick')).rejects.toThrow('invalid scheduled event: (event): Invalid input: expected object, received string');
    expect(spies.error).toHaveBeenCalledWith('malformed scheduled event; no plan made', {
      issues: [{ path: 'detail.alpha_free', message: 'Invalid input: expected number, received string' }],
    });
    expect(await queue.next(1)).toBeUndefined();
    queue.close();
  });

  it('fails the invocation loudly when the bus is missing', async () => {
    const t = motoTunables();
    await seedCluster(t);
    const { run, spies } = scheduled(tunablesEnv(t));
    const running = run(SCHEDULED_EVENT);
    await expect(running).rejects.toThrow(PublishError);
    await expect(running).rejects.toThrow(`PutEvents to bus "${t.eventBusName}" failed: ResourceNotFoundException`);
    expect(spies.error).toHaveBeenCalledWith('plan not published', expect.objectContaining({ bus: t.eventBusName }));
  });
});
