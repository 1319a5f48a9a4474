/** Worker threads for run plans (the container server). */
export { createWorkerPool, PoolBusyError, serveJobs, type PoolStats, type WorkerPool } from './worker-pool.js';
export { planJob, poolPlanner, type PlanJob } from './pool-planner.js';
