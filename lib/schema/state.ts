import * as z from 'zod';
import { MODES, perMode, type Mode } from '../modes/index.js';
import { POOLS, perPool, type Pool } from './pool.js';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
/** Fractions and rates are clamped to [0,1] by normalisation (with a warning), so any finite number is accepted here. */
const fraction = finite.describe('fraction 0..1; values outside are clamped with a warning');

export const PoolStateSchema = z
  .strictObject({
    free_units: finite.optional().describe('free units (nodes) in the pool'),
    total_units: finite.optional().describe('units (nodes) in the pool'),
    free_fraction: fraction.optional().describe('free share of the pool, 0..1'),
    utilization: fraction.optional().describe('busy share of the pool, 0..1 (free = 1 - utilization)'),
  })
  .describe('One compute pool');
export type PoolState = z.infer<typeof PoolStateSchema>;

/** Longest history a state may carry: the upper bound of the historyWindow tunable, so one number limits both. */
export const HISTORY_LIMIT = 256;
const count = z.number().int().min(0);

/** One training step of one mode, as a trainer records it: what it measured, never an estimate. */
export const HistoryStepSchema = z.strictObject({
  difficulty: z.number().min(0).max(1).describe('mean difficulty (0..1) of the mode\'s tasks in that step'),
  success_rate: z.number().min(0).max(1).describe('solve rate of those tasks over all their rollouts, 0..1'),
  rollouts: count.describe('rollouts behind success_rate (tasks x rollouts per task)'),
  tasks: count.describe('tasks of this mode in that step'),
  target_success: z.number().min(0).max(1).describe('the target success the plan had set for the mode (its modes[].target_success)'),
});
export type HistoryStep = z.infer<typeof HistoryStepSchema>;

/** One task of the last step, for trainers that keep per-task outcomes. */
export const TaskOutcomeSchema = z
  .strictObject({
    difficulty: z.number().min(0).max(1).describe('the task\'s difficulty (its plan\'s tasks[].difficulty)'),
    successes: count.describe('rollouts that solved it'),
    trials: count.describe('rollouts tried'),
  })
  .refine((o) => o.successes <= o.trials, { message: 'successes must not exceed trials', path: ['successes'] });
export type TaskOutcome = z.infer<typeof TaskOutcomeSchema>;

export const ModePerformanceSchema = z
  .strictObject({
    success_rate: fraction.optional().describe('observed solve rate, 0..1'),
    difficulty: fraction.optional().describe('mean difficulty (0..1) of the tasks behind success_rate'),
    samples: finite.optional().describe('rollouts behind success_rate'),
    history: z
      .array(HistoryStepSchema)
      .max(HISTORY_LIMIT)
      .optional()
      .describe('recent training steps of this mode, oldest first; the planner estimates ability and target from them'),
    last_outcomes: z
      .array(TaskOutcomeSchema)
      .max(4096)
      .optional()
      .describe('optional per-task outcomes of the last step (sharpens the slope estimate)'),
  })
  .describe('Performance of one reasoning mode');
export type ModePerformance = z.infer<typeof ModePerformanceSchema>;

/** The seed's flat free-share fields, `<pool>_free`, one per pool. */
function flatFree(): { [P in Pool as `${P}_free`]: z.ZodOptional<typeof fraction> } {
  return Object.fromEntries(POOLS.map((p) => [`${p}_free`, fraction.optional().describe(`free fraction of the ${p} pool (seed-compatible form)`)])) as {
    [P in Pool as `${P}_free`]: z.ZodOptional<typeof fraction>;
  };
}

/** The seed's flat solve-rate fields, `<mode>_success`, one per mode. */
function flatRates(): { [M in Mode as `${M}_success`]: z.ZodOptional<typeof fraction> } {
  return Object.fromEntries(MODES.map((m) => [`${m}_success`, fraction.optional()])) as {
    [M in Mode as `${M}_success`]: z.ZodOptional<typeof fraction>;
  };
}

export const PlannerStateSchema = z
  .strictObject({
    ...flatFree(),
    performance_metrics: z
      .strictObject(flatRates())
      .optional()
      .describe('solve rates per mode (seed-compatible form)'),
    resources: z.strictObject(perPool(() => PoolStateSchema.optional())).optional(),
    performance: z.strictObject(perMode(() => ModePerformanceSchema.optional())).optional(),
    max_tasks: z.number().int().min(0).max(100000).optional().describe('cap on tasks for this call'),
    seed: z.number().int().min(0).max(2147483647).optional().describe('same state + same seed => identical plan'),
  })
  .describe('Training state the plan is made for; every field optional');
export type PlannerState = z.infer<typeof PlannerStateSchema>;
