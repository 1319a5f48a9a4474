import { describe, expect, it, vi } from 'vitest';
import { PublishError } from '../../lib/aws/index.js';
import { scheduledRunFromEnv } from '../../lib/compose/index.js';
import { createLogger } from '../../lib/log/index.js';
import { PlanSchema } from '../../lib/schema/index.js';
import { motoTunables, tunablesEnv } from './support/aws.js';
import { busWithQueue } from './support/bus.js';
import { freePort } from '../../fixtures/free-port.js';
import { seedCluster } from './support/scenario.js';

const EVENT = { 'detail-type': 'Scheduled Event', source: 'aws.events', time: '2026-11-25T19:00:00Z', detail: {} };

describe('Lambda handler functions/scheduled.ts', { timeout: 20_000 }, () => {
  it('is wired from process.env at cold start and publishes the plan', async () => {
    const t = motoTunables();
    await seedCluster(t);
    const queue = await busWithQueue(t);
    Object.assign(process.env, tunablesEnv(t), { LOG_LEVEL: 'SILENT' });
    const { handler } = await import('../../functions/scheduled.js');
    const result = await handler(EVENT);
    const plan = PlanSchema.parse((await queue.next())?.detail);
    expect(result.plan_id).toBe(plan.plan_id);
    expect(plan.sources.resources).toBe('cloudwatch');
    queue.close();
  });

  it('with AWS unreachable, still plans (degraded) but fails the invocation after bounded publish retries', async () => {
    const t = motoTunables({ awsEndpoint: `http://127.0.0.1:${await freePort()}`, awsMaxAttempts: 3, awsTimeoutMs: 300 });
    const logger = createLogger('SILENT');
    const warn = vi.spyOn(logger, 'warn');
    const { run } = scheduledRunFromEnv(tunablesEnv(t), logger);
    const failure = await run(EVENT).catch((error: unknown) => error);
    const unavailable = expect.arrayContaining([expect.stringMatching(/^cloudwatch state unavailable/)]);
    expect(warn).toHaveBeenCalledWith('plan degraded', expect.objectContaining({ warnings: unavailable }));
    expect(failure).toBeInstanceOf(PublishError);
    expect((failure as Error).message).toMatch(/ECONNREFUSED/);
    expect((failure as Error & { cause: { $metadata: { attempts: number } } }).cause.$metadata.attempts).toBe(3);
  });
});
