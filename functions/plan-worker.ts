import { generate } from '../lib/generator/index.js';
import { planJob, type PlanJob } from '../lib/pool/pool-planner.js';
import { serveJobs } from '../lib/pool/worker-pool.js';
import type { PlanBody } from '../lib/service/plan-body.js';

/** A plan worker thread of the container server (functions/server.ts starts them). */
serveJobs<PlanJob, PlanBody>(planJob(generate));
