import type { PlanInputs } from '../planner/plan.js';
import type { Plan } from '../schema/plan.js';
import type { PlannerState } from '../schema/state.js';

/** What the access log records of a plan. */
export interface PlanSummary {
  plan_id: string;
  tasks: number;
  priority: number;
  action: Plan['action'];
  degraded: boolean;
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
  summary: { plan_id: plan.plan_id, tasks: plan.tasks.length, priority: plan.priority, action: plan.action, degraded: plan.degraded },
});
