import type { MiddlewareHandler } from 'hono';
import { PlannerStateSchema } from '../schema/state.js';
import type { AppEnv } from './access-log.js';
import { PLAN_FORMATS } from './azr-export.js';
import type { ServedRoute } from './documented.js';

/** A route as served and documented, but for its answers (./responses.ts, by operationId). */
const createRoute = <R extends ServedRoute>(route: R): R => route;
type Security = Record<string, string[]>[];
/** Probes and documents: no auth, even where /plan has it (kubelet and load balancers send no credentials). */
const OPEN = { security: [] as Security };
/**
 * On AWS, API Gateway's IAM authorizer (SigV4); the container server, a bearer token when PLANNER_AUTH_TOKEN is
 * set; without a token the container's /plan is open (the empty requirement). Typed apart: an inline `{}` here
 * makes createRoute lose the request body's type.
 */
const PLAN_SECURITY: Security = [{ sigv4: [] }, { bearer: [] }, {}];

export function planRoute(middleware: MiddlewareHandler<AppEnv>[]) {
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
    request: { body: { required: true, description: 'A planner state; every field is optional', content: { 'application/json': { schema: PlannerStateSchema } } } },
  });
}

export const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  operationId: 'getHealth',
  tags: ['probes'],
  summary: 'Liveness: the process answers',
  ...OPEN,
});

export const readyRoute = createRoute({
  method: 'get',
  path: '/readyz',
  operationId: 'getReadiness',
  tags: ['probes'],
  summary: 'Readiness: tunables loaded, ready for plans',
  ...OPEN,
});

export const openApiRoute = createRoute({
  method: 'get',
  path: '/openapi.json',
  operationId: 'getOpenApi',
  tags: ['documents'],
  summary: 'This document, generated from the routes',
  ...OPEN,
});

export const metricsRoute = createRoute({
  method: 'get',
  path: '/metrics',
  operationId: 'getMetrics',
  tags: ['probes'],
  summary: 'Prometheus metrics of the container server: plans, tasks per mode and pool, wait and degraded plans, latency',
  ...OPEN,
});
