/** The composition root: what the entry points (functions/) wire from the environment. */
export { createSources, stateSource } from './sources.js';
export { scheduledRunFromEnv } from './scheduled.js';
export { startFromEnv } from './start.js';
