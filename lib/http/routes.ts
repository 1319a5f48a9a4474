import type { RouteConfig } from '@hono/zod-openapi';
import type { Env, MiddlewareHandler } from 'hono';
import * as z from 'zod';
import { PlanSchema } from '../schema/plan.js';
import { PlannerStateSchema } from '../schema/state.js';
import { PLAN_FORMATS } from './azr-export.js';
import { DrainingSchema, ErrorSchema, GatewayMessageSchema, HealthSchema, ReadinessSchema } from './schemas.js';

/** A route as the document declares it: its method, path, request and answers (served by ./documented.ts). */
const createRoute = <R extends RouteConfig>(route: R): R => route;
const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const error = (description: string) => ({ description, ...json(ErrorSchema) });
/** The router's answers, the same on every path: JSON on the error schema. */
const ROUTER_ERRORS = {
  404: { $ref: '#/components/responses/NotFound' },
  405: { $ref: '#/components/responses/MethodNotAllowed' },
} as const;
type Security = Record<string, string[]>[];
/** Probes and documents: no auth, even where /plan has it (kubelet and load balancers send no credentials). */
const OPEN = { security: [] as Security };
/**
 * On AWS, API Gateway's IAM authorizer (SigV4); the container server, a bearer token when PLANNER_AUTH_TOKEN is
 * set; without a token the container's /plan is open (the empty requirement). Typed apart: an inline `{}` here
 * makes createRoute lose the request body's type.
 */
const PLAN_SECURITY: Security = [{ sigv4: [] }, { bearer: [] }, {}];

export function planRoute(middleware: MiddlewareHandler<Env>[]) {
  return createRoute({
    method: 'post',
    path: '/plan',
    operationId: 'createPlan',
    tags: ['plan'],
    summary: 'Plan the next curriculum step for a training state',
    middleware,
    security: PLAN_SECURITY,
    // Documented, not validated here: the handler answers a bad format with its own invalid_query 400.
    parameters: [
      {
        name: 'format',
        in: 'query',
        required: false,
        description: 'json: the plan; azr_io, azr_code_f: AZR\'s seed file of that kind for the plan\'s tasks (JSON Lines)',
        schema: { type: 'string', enum: [...PLAN_FORMATS], default: 'json' },
      },
    ],
    request: { body: { required: true, description: 'A planner state; every field is optional', ...json(PlannerStateSchema) } },
    responses: {
      200: {
        description: 'The plan, or AZR seed records (one JSON object a line) for format=azr_io or azr_code_f',
        content: {
          'application/json': { schema: PlanSchema },
          'application/jsonl': { schema: z.string().describe('AZR seed records, one JSON object a line') },
        },
      },
      400: error('Invalid state (the first 20 bad fields and why, and their count), malformed JSON, a cut-off upload or an unknown format'),
      401: error('Container server with PLANNER_AUTH_TOKEN set: the bearer token is missing or wrong'),
      403: { description: 'API Gateway: the request is not signed (SigV4) by an allowed IAM principal', ...json(GatewayMessageSchema) },
      ...ROUTER_ERRORS,
      413: error('Body over the size limit (BODY_LIMIT_BYTES)'),
      415: error('Body is not declared as application/json'),
      500: error('The planner failed; its logs say why'),
      503: error('Plan queue full or the request\'s deadline passed: retry after the Retry-After header\'s seconds'),
    },
  });
}

export const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  operationId: 'getHealth',
  tags: ['probes'],
  summary: 'Liveness: the process answers',
  ...OPEN,
  responses: { 200: { description: 'Alive', ...json(HealthSchema) }, ...ROUTER_ERRORS },
});

export const readyRoute = createRoute({
  method: 'get',
  path: '/readyz',
  operationId: 'getReadiness',
  tags: ['probes'],
  summary: 'Readiness: tunables loaded, ready for plans',
  ...OPEN,
  responses: {
    200: { description: 'Ready', ...json(ReadinessSchema) },
    ...ROUTER_ERRORS,
    503: { description: 'Draining at shutdown: the endpoint leaves the Service', ...json(DrainingSchema) },
  },
});

export const openApiRoute = createRoute({
  method: 'get',
  path: '/openapi.json',
  operationId: 'getOpenApi',
  tags: ['documents'],
  summary: 'This document, generated from the routes',
  ...OPEN,
  responses: {
    200: { description: 'OpenAPI 3.1', ...json(z.record(z.string(), z.unknown()).meta({ id: 'OpenApiDocument' })) },
    ...ROUTER_ERRORS,
  },
});

export const metricsRoute = createRoute({
  method: 'get',
  path: '/metrics',
  operationId: 'getMetrics',
  tags: ['probes'],
  summary: 'Prometheus metrics of the container server: plans, tasks per mode and pool, wait and degraded plans, latency',
  ...OPEN,
  responses: {
    200: {
      description: 'Prometheus text exposition format 0.0.4',
      content: { 'text/plain': { schema: z.string() } },
    },
    ...ROUTER_ERRORS,
  },
});
