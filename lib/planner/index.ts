/** The pure planner: a plan from a state, tunables, a seed, a clock and a task generator. */
export { makePlan, generatesTasks, type PlanInputs, type PlanContext, type TaskGenerator } from './plan.js';
export { mergeObservation, type Observed } from './merge.js';
export type { Observation, ObservedMode, ObservedPool } from './observation.js';
export { warn, type PlanWarning, type WarningCode } from './warnings.js';
export { apportion } from './mix.js';
export { normalise, type NormalisedState } from './normalise.js';
