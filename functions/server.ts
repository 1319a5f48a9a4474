import { serve } from '@hono/node-server';
import { generate } from '../lib/generator/index.js';
import { poolPlanner, type PlanJob } from '../lib/pool/pool-planner.js';
import { createWorkerPool, type WorkerPool } from '../lib/pool/worker-pool.js';
import type { PlanBody } from '../lib/service/plan-body.js';
import { createContext } from './context.js';

// The worker script beside this one: plan-worker.js in the image's dist/, plan-worker.ts under `npm start` (tsx).
const workerScript = new URL(`./plan-worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);
let pool: WorkerPool<PlanJob, PlanBody> | undefined;
const { app, service, logger, tunables } = createContext(process.env, ({ planWorkers, planQueueLimit, planTimeoutMs }) => {
  if (planWorkers === 0) return undefined;
  pool = createWorkerPool<PlanJob, PlanBody>(workerScript, { size: planWorkers, maxQueue: planQueueLimit, jobTimeoutMs: planTimeoutMs });
  return poolPlanner(pool, generate);
}, { authToken: process.env.PLANNER_AUTH_TOKEN || undefined });
const port = Number(process.env.PORT ?? 8080);

// Load tunables before taking traffic, so /readyz reflects SSM and the first plan pays no cold fetch.
await service.tunables();
const server = serve({ fetch: app.fetch, port, hostname: process.env.HOST ?? '0.0.0.0' }, (info) =>
  logger.info('listening', { port: info.port, plan_workers: tunables.planWorkers }),
);

// Kubernetes sends SIGTERM then waits the grace period: finish in-flight requests, then exit.
function shutdown(signal: string): void {
  logger.info('shutting down', { signal });
  server.close((error) => {
    void (pool?.close() ?? Promise.resolve()).finally(() => process.exit(error ? 1 : 0));
  });
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.once('SIGTERM', () => shutdown('SIGTERM'));
process.once('SIGINT', () => shutdown('SIGINT'));
