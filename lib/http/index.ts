/** The Hono app behind every HTTP entry point; its OpenAPI document is generated from its routes. */
export { createApp, type AppDeps } from './app.js';
export type { AppEnv } from './access-log.js';
export { ErrorSchema } from './schemas.js';
