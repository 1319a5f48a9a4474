import { serve } from '@hono/node-server';
import { createContext } from './context.js';

const { app, service, logger } = createContext();
const port = Number(process.env.PORT ?? 8080);

// Load tunables before taking traffic, so /readyz reflects SSM and the first plan pays no cold fetch.
await service.tunables();
const server = serve({ fetch: app.fetch, port, hostname: process.env.HOST ?? '0.0.0.0' }, (info) =>
  logger.info('listening', { port: info.port }),
);

// Kubernetes sends SIGTERM then waits the grace period: finish in-flight requests, then exit.
function shutdown(signal: string): void {
  logger.info('shutting down', { signal });
  server.close((error) => process.exit(error ? 1 : 0));
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.once('SIGTERM', () => shutdown('SIGTERM'));
process.once('SIGINT', () => shutdown('SIGINT'));
