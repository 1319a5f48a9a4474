/** The Hono app behind every HTTP entry point; its OpenAPI document is generated from its routes. */
export { createApp, type AppDeps } from './app.js';
export type { AppEnv } from './access-log.js';
export { ErrorSchema } from './schemas.js';
export { bearerAuth } from './auth.js';
export { planAdmission, RETRY_AFTER_SECONDS, type PlanAdmission } from './backpressure.js';
export { createDrainer, type Drainer, type DrainOutcome } from './shutdown.js';
export { guardEvents } from './lambda-event.js';
