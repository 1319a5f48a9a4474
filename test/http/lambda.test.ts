import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { handler } from '../../functions/api.js';
import { PlanSchema } from '../../lib/schema/index.js';
import { SCENARIOS } from '../support/states.js';
import { httpApiEvent } from '../../fixtures/gateway-events.js';

const context = { awsRequestId: 'test', functionName: 'azr-planner-api' } as Context;
const body = JSON.stringify({ ...SCENARIOS.baseline, seed: 5 });

const v2 = httpApiEvent;

const v1 = (method: string, path: string, payload: string | null): APIGatewayProxyEvent =>
  ({
    resource: path,
    path,
    httpMethod: method,
    headers: { 'Content-Type': 'application/json', Host: 'api.example.com' },
    multiValueHeaders: {},
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: null,
    stageVariables: null,
    requestContext: { httpMethod: method, path, stage: 'prod', requestId: 'r1', resourcePath: path } as never,
    body: payload,
    isBase64Encoded: false,
  }) as APIGatewayProxyEvent;

const invoke = (event: unknown) => (handler as (e: unknown, c: Context) => Promise<{ statusCode: number; body: string }>)(event, context);

describe('Lambda handler', () => {
  it('answers an API Gateway v2 (HTTP API) POST /plan', async () => {
    const res = await invoke(v2('POST', '/plan', body));
    expect(res.statusCode).toBe(200);
    expect(PlanSchema.parse(JSON.parse(res.body)).seed).toBe(5);
  });

  it('answers an API Gateway v1 (REST) POST /plan', async () => {
    const res = await invoke(v1('POST', '/plan', body));
    expect(res.statusCode).toBe(200);
    expect(PlanSchema.parse(JSON.parse(res.body)).tasks.length).toBeGreaterThan(0);
  });

  it('turns a bad state into a 400 through the gateway too', async () => {
    const res = await invoke(v2('POST', '/plan', '{"beta_free":"none"}'));
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ error: 'invalid_state', issues: [{ path: 'beta_free' }] });
  });

  it('serves healthz and openapi.json', async () => {
    expect((await invoke(v2('GET', '/healthz'))).statusCode).toBe(200);
    expect(JSON.parse((await invoke(v2('GET', '/openapi.json'))).body).openapi).toBe('3.1.0');
  });
});
