import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { handler } from '../../functions/api.js';
import { PlanSchema } from '../../lib/schema/index.js';
import { httpApiEvent } from '../../fixtures/gateway-events.js';

const context = { awsRequestId: 'test', functionName: 'azr-planner-api' } as Context;
type Answer = { statusCode: number; body: string; headers?: Record<string, string> };
const invoke = (event: unknown) => (handler as (e: unknown, c: Context) => Promise<Answer>)(event, context);

const STATE = JSON.stringify({ alpha_free: 0.5, beta_free: 0.5, seed: 1, max_tasks: 4 });
const v2 = (patch: Record<string, unknown>) => ({ ...httpApiEvent('POST', '/plan', STATE), ...patch });

/** Events no API Gateway sends, but a misconfigured integration, a test console or a hostile invoker can. */
const MALFORMED: [string, unknown][] = [
  ['null', null],
  ['undefined', undefined],
  ['a string', 'GET /plan'],
  ['a number', 42],
  ['an array', [httpApiEvent('GET', '/healthz')]],
  ['an empty object', {}],
  ['v2 with isBase64Encoded and a body that is not base64', v2({ isBase64Encoded: true, body: '{"alpha_free": 0.5} not base64 !!' })],
  ['v2 with isBase64Encoded and a non-string body', v2({ isBase64Encoded: true, body: 17 })],
  ['v2 with a non-string body', v2({ body: { alpha_free: 0.5 } })],
  ['v2 without requestContext', v2({ requestContext: undefined })],
  ['v2 with requestContext.http null', v2({ requestContext: { ...httpApiEvent('POST', '/plan').requestContext, http: null } })],
  ['v2 with headers of non-string values', v2({ headers: { 'content-type': 7 } })],
  ['v2 with a rawPath that is not a string', v2({ rawPath: ['/plan'] })],
  ['v2 GET with a body', { ...httpApiEvent('GET', '/healthz'), body: 'x' }],
  ['v1 without httpMethod', { path: '/plan', headers: {}, body: STATE, isBase64Encoded: false, requestContext: {} }],
  ['v1 with a body that is not base64', { httpMethod: 'POST', path: '/plan', resource: '/plan', headers: { 'content-type': 'application/json' }, requestContext: { path: '/plan' }, body: '%%%', isBase64Encoded: true }],
];

describe('Lambda events that are not API Gateway events: 400, never a throw or a 500', () => {
  for (const [name, event] of MALFORMED) {
    it(name, async () => {
      const answer = await invoke(event);
      expect(answer.statusCode).toBe(400);
      const body = JSON.parse(answer.body) as { error: string; message: string };
      expect(body.error).toBe('invalid_event');
      expect(body.message).not.toMatch(/at .*\.(ts|js):\d+/);
    });
  }

  it('a v2 event with a valid base64 body still plans', async () => {
    const answer = await invoke(v2({ isBase64Encoded: true, body: Buffer.from(STATE).toString('base64') }));
    expect(answer.statusCode).toBe(200);
    expect(PlanSchema.parse(JSON.parse(answer.body)).seed).toBe(1);
  });
});
