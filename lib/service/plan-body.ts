import type { PlanInputs } from '../planner/plan.js';
import type { Plan, Pool } from '../schema/plan.js';
import type { Mode } from '../schema/task.js';
import type { PlannerState } from '../schema/state.js';

/** What the access log and the metrics record of a plan. */
export interface PlanSummary {
  plan_id: string;
  tasks: number;
  /** Tasks per mode and pool, only those with tasks: {deduction: {alpha: 3}}. */
  task_counts: Partial<Record<Mode, Partial<Record<Pool, number>>>>;
  priority: number;
  action: Plan['action'];
  degraded: boolean;
}

function taskCounts(plan: Plan): PlanSummary['task_counts'] {
  const counts: PlanSummary['task_counts'] = {};
  for (const { mode, resource } of plan.tasks) {
    const byPool = (counts[mode] ??= {});
    byPool[resource] = (byPool[resource] ?? 0) + 1;
  }
  return counts;
}

/** A plan as the HTTP answer carries it: its JSON text, and its summary for the access log. */
export interface PlanBody {
  json: string;
  summary: PlanSummary;
}

/**
 * Makes plan bodies from the merged state. The container server's worker threads send theirs back as JSON
 * text: a structured clone of a 16-task plan costs a worker several times what JSON.stringify does, and the
 * event loop would then parse it and stringify it again.
 */
export type BodyPlanner = (state: PlannerState, inputs: PlanInputs) => Promise<PlanBody>;

export const toBody = (plan: Plan): PlanBody => ({
  json: JSON.stringify(plan),
  summary: {
    plan_id: plan.plan_id,
    tasks: plan.tasks.length,
    task_counts: taskCounts(plan),
    priority: plan.priority,
    action: plan.action,
    degraded: plan.degraded,
  },
});
