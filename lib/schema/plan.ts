import * as z from 'zod';
import { ModeSchema, TaskBodySchema } from './task.js';

import { PoolSchema } from './pool.js';

export { POOLS, PoolSchema, type Pool } from './pool.js';

/**
 * The state and tunables sources besides the request, the environment and the defaults, by the names they
 * give themselves (lib/service/ports.ts): a plan's `sources` labels name them. A new source adds its name here.
 */
export const STATE_SOURCES = ['cloudwatch'] as const;
export const TUNABLES_SOURCES = ['ssm'] as const;
export type StateSourceName = (typeof STATE_SOURCES)[number];
export type TunablesSourceName = (typeof TUNABLES_SOURCES)[number];

export const SourceSchema = z.enum(['request', ...STATE_SOURCES, 'default', 'mixed']).meta({ id: 'Source' });
export const TunablesSourceSchema = z.enum([...TUNABLES_SOURCES, 'env', 'default']).meta({ id: 'TunablesSource' });

const plannedTaskFields = {
  task_id: z.string().describe('the plan id and the task\'s index in the plan, e.g. <plan_id>-0003'),
  difficulty: z.number().min(0).max(1).describe('measured difficulty of the generated program'),
  expected_success: z.number().min(0).max(1).describe('Rasch-predicted solve rate for this mode'),
  resource: PoolSchema,
  weight: z.number().positive().describe('relative compute cost'),
  description: z.string(),
};
/**
 * One member per mode (`PlannedDeductionTask`, …): its body with the planner's fields, whole, so a client
 * generated from the document types each task's `mode` as its literal and narrows the task by it. (An allOf
 * of the fields and the TaskBody union read to openapi-typescript as a subtype, its `mode` "PlannedTask".)
 */
type Planned<B extends readonly z.ZodObject[]> = { [I in keyof B]: z.ZodObject<B[I]['shape'] & typeof plannedTaskFields, z.core.$strict> };
const plannedTasks = TaskBodySchema.options.map((body) =>
  body.extend(plannedTaskFields).meta({ id: `Planned${String(body.meta()?.id)}` }),
) as unknown as Planned<typeof TaskBodySchema.options>;
export const PlannedTaskSchema = z.discriminatedUnion('mode', plannedTasks).meta({ id: 'PlannedTask' });
export type PlannedTask = z.infer<typeof PlannedTaskSchema>;

export const AllocationSchema = z.strictObject({
  alpha_tasks_count: z.number().int().nonnegative(),
  beta_tasks_count: z.number().int().nonnegative(),
  alpha_capacity: z.number().int().nonnegative(),
  beta_capacity: z.number().int().nonnegative(),
  deferred: z.number().int().nonnegative().describe('tasks wanted but not placed (capacity or generator failure)'),
}).meta({ id: 'Allocation' });
export type Allocation = z.infer<typeof AllocationSchema>;

export const ModeSummarySchema = z.strictObject({
  mode: ModeSchema,
  ability: z.number(),
  success_rate: z.number().min(0).max(1),
  target_success: z.number().min(0).max(1),
  target_difficulty: z.number().min(0).max(1),
  tasks: z.number().int().nonnegative(),
}).meta({ id: 'ModeSummary' });

export const PlanSchema = z.strictObject({
  plan_id: z.uuidv4().describe('random per plan: unique even for the same state and seed (the seed replays the plan)'),
  created_at: z.iso.datetime(),
  seed: z.number().int(),
  action: z.enum(['run', 'wait']),
  retry_after_seconds: z.number().int().positive().optional(),
  priority: z.number().int().min(1).max(10),
  tasks: z.array(PlannedTaskSchema),
  allocation: AllocationSchema,
  modes: z.array(ModeSummarySchema),
  rationale: z.array(z.string()),
  warnings: z.array(z.string()),
  sources: z.strictObject({ resources: SourceSchema, performance: SourceSchema, tunables: TunablesSourceSchema }),
  degraded: z.boolean(),
}).meta({ id: 'Plan' });
export type Plan = z.infer<typeof PlanSchema>;
