import { serveJobs } from '../../../lib/pool/worker-pool.js';

/** A test worker: holds its thread for `ms` (a plan that never ends, as far as the pool can tell), then echoes it. */
serveJobs<number, number>((ms) => {
  const until = Date.now() + ms;
  while (Date.now() < until);
  return ms;
});
