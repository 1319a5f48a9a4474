import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { MAX_PLAN_TASKS, tunablesFromEnv } from '../../lib/config/index.js';
import { httpApiEvent } from '../../fixtures/gateway-events.js';

/** Lambda's limit on a synchronous invocation's response (6 MB as AWS counts: 6 × 2^20 bytes). */
const LAMBDA_SYNC_RESPONSE_BYTES = 6 * 1024 * 1024;

describe('plans fit what the entry points can return', () => {
  it('MAX_TASKS above the bound is refused (the default stands), at the bound accepted', () => {
    expect(tunablesFromEnv({ MAX_TASKS: '10000' }).tunables.maxTasks).toBe(64);
    expect(tunablesFromEnv({ MAX_TASKS: String(MAX_PLAN_TASKS + 1) }).tunables.maxTasks).toBe(64);
    expect(tunablesFromEnv({ MAX_TASKS: String(MAX_PLAN_TASKS) }).tunables.maxTasks).toBe(MAX_PLAN_TASKS);
  });

  it('the largest plan the tunables allow, of the largest tasks (induction), fits a Lambda response', async () => {
    const bound = MAX_PLAN_TASKS;
    // The API function as deployed, with every tunable at the value that makes its answer biggest.
    Object.assign(process.env, {
      MAX_TASKS: String(bound),
      ALPHA_TASKS_PER_UNIT: '1000',
      BETA_TASKS_PER_UNIT: '1000',
      ENABLE_DEDUCTION: 'false',
      ENABLE_ABDUCTION: 'false',
      LOG_LEVEL: 'SILENT',
    });
    const { handler } = await import('../../functions/api.js');
    for (const seed of [1, 2]) {
      const event = httpApiEvent('POST', '/plan', JSON.stringify({ alpha_free: 1, beta_free: 1, seed }));
      const answer = (await handler(event as never, {} as Context)) as { statusCode: number; body: string };
      expect(answer.statusCode).toBe(200);
      expect((JSON.parse(answer.body) as { tasks: unknown[] }).tasks).toHaveLength(bound);
      // What Lambda counts: the whole response object as JSON, the plan escaped inside it.
      expect(Buffer.byteLength(JSON.stringify(answer))).toBeLessThan(LAMBDA_SYNC_RESPONSE_BYTES);
    }
  }, 60_000);
});
