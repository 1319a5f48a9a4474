/** Worker threads for run plans (the container server). */
export { createWorkerPool, serveJobs, type WorkerPool } from './worker-pool.js';
export { planJob, poolPlanner, type PlanJob } from './pool-planner.js';
