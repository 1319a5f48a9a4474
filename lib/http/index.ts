/** The Hono app behind every HTTP entry point, and its OpenAPI document. */
export { createApp, type AppDeps } from './app.js';
export { openApiDocument } from './openapi.js';
export { bearerAuth } from './auth.js';
export { planAdmission, RETRY_AFTER_SECONDS, type AdmissionStats, type PlanAdmission } from './backpressure.js';
export { createDrainer, type Drainer, type DrainOutcome } from './shutdown.js';
export { guardEvents } from './lambda-event.js';
