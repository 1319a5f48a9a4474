import * as z from 'zod';
import { PlanSchema } from '../schema/plan.js';
import { DrainingSchema, ErrorSchema, GatewayMessageSchema, HealthSchema, ReadinessSchema } from './schemas.js';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const error = (description: string) => ({ description, ...json(ErrorSchema) });
/** The router's answers, the same on every path: JSON on the error schema. */
const ROUTER_ERRORS = {
  404: { $ref: '#/components/responses/NotFound' },
  405: { $ref: '#/components/responses/MethodNotAllowed' },
} as const;

/**
 * Each operation's answers, by operationId (./routes.ts declares the rest of each route). Only the document
 * reads them at run time, so they and the plan and error schemas are built on its first request, not at every
 * Lambda cold start; the route handlers are typed against them (./documented.ts).
 */
export const RESPONSES = {
  createPlan: {
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
  getHealth: { 200: { description: 'Alive', ...json(HealthSchema) }, ...ROUTER_ERRORS },
  getReadiness: {
    200: { description: 'Ready', ...json(ReadinessSchema) },
    ...ROUTER_ERRORS,
    503: { description: 'Draining at shutdown: the endpoint leaves the Service', ...json(DrainingSchema) },
  },
  getOpenApi: {
    200: { description: 'OpenAPI 3.1', ...json(z.record(z.string(), z.unknown()).meta({ id: 'OpenApiDocument' })) },
    ...ROUTER_ERRORS,
  },
  getMetrics: {
    200: {
      description: 'Prometheus text exposition format 0.0.4',
      content: { 'text/plain': { schema: z.string() } },
    },
    ...ROUTER_ERRORS,
  },
};
export type Responses = typeof RESPONSES;
