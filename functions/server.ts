import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import { generate } from '../lib/generator/index.js';
import { createDrainer } from '../lib/http/shutdown.js';
import { poolPlanner, type PlanJob } from '../lib/pool/pool-planner.js';
import { createWorkerPool, type WorkerPool } from '../lib/pool/worker-pool.js';
import type { PlanBody } from '../lib/service/plan-body.js';
import { createPrometheusMetrics } from '../lib/telemetry/prometheus.js';
import { createContext } from './context.js';

// The worker script beside this one: plan-worker.js in the image's dist/, plan-worker.ts under `npm start` (tsx).
const workerScript = new URL(`./plan-worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);
let pool: WorkerPool<PlanJob, PlanBody> | undefined;
const { app, service, logger, tunables } = createContext(process.env, ({ planWorkers, planQueueLimit, planTimeoutMs }) => {
  if (planWorkers === 0) return undefined;
  pool = createWorkerPool<PlanJob, PlanBody>(workerScript, { size: planWorkers, maxQueue: planQueueLimit, jobTimeoutMs: planTimeoutMs });
  return poolPlanner(pool, generate);
}, { authToken: process.env.PLANNER_AUTH_TOKEN || undefined, draining: () => drainer.draining() }, createPrometheusMetrics);
const port = Number(process.env.PORT ?? 8080);
const hostname = process.env.HOST ?? '0.0.0.0';

// Load tunables before taking traffic, so /readyz reflects SSM and the first plan pays no cold fetch.
await service.tunables();
const server = serve({ fetch: app.fetch, port, hostname }, (info) =>
  logger.info('listening', { port: info.port, plan_workers: tunables.planWorkers }),
) as Server;
// A busy port or a bad HOST: one log line naming the address and the cause, not a raw stack, and exit 1.
server.once('error', (error: NodeJS.ErrnoException) => {
  logger.error(`cannot listen on ${hostname}:${port}: ${error.code ?? error.message}`);
  process.exit(1);
});
const drainer = createDrainer(server, logger);

/**
 * Kubernetes sends SIGTERM, then kills after terminationGracePeriodSeconds: stop accepting, finish what is in
 * flight within SHUTDOWN_GRACE_SECONDS (set below that period), exit 0, or 1 when requests had to be cut.
 */
async function shutdown(signal: string): Promise<void> {
  logger.info('shutting down', { signal, grace_seconds: tunables.shutdownGraceSeconds });
  const outcome = await drainer.drain(tunables.shutdownGraceSeconds * 1000);
  await pool?.close();
  logger.info('shut down', { cut: outcome.cut, served_after_signal: outcome.servedAfterSignal, duration_ms: outcome.durationMs });
  process.exit(outcome.cut > 0 ? 1 : 0);
}
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));
