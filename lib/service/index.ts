/** The use cases: one plan (HTTP, CLI) and the scheduled run, on ports the adapters implement. */
export { createPlanService, type PlanService, type PlanServiceOptions, type TunablesView } from './plan-service.js';
export { createScheduledRun, type ScheduledRunDeps, type ScheduledRunResult, type ScheduledTrigger } from './scheduled-run.js';
export { toBody, type BodyPlanner, type PlanBody, type PlanSummary } from './plan-body.js';
export { withDeadline } from './deadline.js';
export type { PlanMetrics, PlanSink, PublishedPlan, StateSource, TunablesSource } from './ports.js';
