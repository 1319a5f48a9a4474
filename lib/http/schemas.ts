import * as z from 'zod';
import { TunablesSourceSchema } from '../schema/plan.js';

export const FieldIssueSchema = z
  .strictObject({ path: z.string().describe('the field, dotted; (body) for the body itself'), message: z.string() })
  .meta({ id: 'FieldIssue' });

/** Every error the app answers (400, 401, 404, 405, 413, 415, 500, 503) has this body. */
export const ErrorSchema = z
  .strictObject({
    error: z.string().describe('machine-readable error code'),
    message: z.string().optional(),
    issues: z.array(FieldIssueSchema).optional().describe('the first 20 issues'),
    issue_count: z.number().int().optional().describe('how many issues the request has in all'),
  })
  .meta({ id: 'Error' });

export const HealthSchema = z.strictObject({ status: z.literal('ok') }).meta({ id: 'Health' });

export const ReadinessSchema = z
  .strictObject({
    status: z.literal('ready'),
    tunables: z.union([TunablesSourceSchema, z.literal('loading')]).describe('where the tunables in force came from'),
    degraded: z.boolean().describe('true when SSM was configured but could not be read (env and default values in force)'),
  })
  .meta({ id: 'Readiness' });

export const DrainingSchema = z.strictObject({ status: z.literal('draining') }).meta({ id: 'Draining' });

/** API Gateway's own answer when the IAM (SigV4) authorizer refuses a request: it never reaches the app. */
export const GatewayMessageSchema = z.strictObject({ message: z.string() }).meta({ id: 'GatewayMessage' });
