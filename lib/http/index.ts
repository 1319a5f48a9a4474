/** The Hono app behind every HTTP entry point, and its OpenAPI document. */
export { createApp, type AppDeps } from './app.js';
export { openApiDocument } from './openapi.js';
