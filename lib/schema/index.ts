/** The wire and state schemas (zod), the one source of the TS types, validation errors and /openapi.json. */
export * from './task.js';
export { FeaturesSchema } from './features.js';
export * from './state.js';
export { PlanSchema, PlannedTaskSchema, AllocationSchema, ModeSummarySchema, SourceSchema, TunablesSourceSchema, STATE_SOURCES, TUNABLES_SOURCES } from './plan.js';
export type { Plan, PlannedTask, Allocation, StateSourceName, TunablesSourceName } from './plan.js';
export * from './pool.js';
export * from './issues.js';
