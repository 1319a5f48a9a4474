import * as z from 'zod';
import pkg from '../../package.json' with { type: 'json' };
import { PlanSchema } from '../schema/plan.js';
import { PlannerStateSchema } from '../schema/state.js';

export const ErrorSchema = z.strictObject({
  error: z.string().describe('machine-readable error code'),
  message: z.string().optional(),
  issues: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional().describe('the first 20 issues'),
  issue_count: z.number().int().optional().describe('how many issues the request has in all'),
});

function schema(type: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(type, { io, unrepresentable: 'any' });
  return rest;
}

const json = (ref: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } });
const error = (description: string) => ({ description, content: json('Error') });

/** The OpenAPI document, generated from the same zod schemas that validate requests and plans. */
export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: { title: 'AZR planner', version: pkg.version, description: pkg.description },
    paths: {
      '/plan': {
        post: {
          summary: 'Plan the next curriculum step for a training state',
          requestBody: { required: true, content: json('PlannerState') },
          responses: {
            '200': { description: 'The plan', content: json('Plan') },
            '400': error('Invalid state or malformed JSON: every bad field and why'),
            '413': error('Body over the size limit'),
            '415': error('Body is not application/json'),
            '401': error('Missing or wrong bearer token (the container server with PLANNER_AUTH_TOKEN set)'),
            '503': error('Plan queue full or deadline passed: retry after the Retry-After header\'s seconds'),
          },
        },
      },
      '/healthz': { get: { summary: 'Liveness', responses: { '200': { description: 'Alive' } } } },
      '/readyz': {
        get: { summary: 'Readiness, from cached state', responses: { '200': { description: 'Ready' }, '503': { description: 'Draining at shutdown' } } },
      },
      '/openapi.json': { get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1' } } } },
    },
    components: {
      schemas: { PlannerState: schema(PlannerStateSchema, 'input'), Plan: schema(PlanSchema, 'output'), Error: schema(ErrorSchema, 'output') },
    },
  };
}
