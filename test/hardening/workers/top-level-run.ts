import { createWorkerPool } from '../../../lib/pool/worker-pool.js';

/** A tool that awaits one job at top level and has no other handle open: it must print the answer and exit 0. */
const pool = createWorkerPool<number, number>(new URL('./busy-worker.ts', import.meta.url), { size: 1, execArgv: ['--import', 'tsx'] });
console.log(`answer ${await pool.run(300)}`);
await pool.close();
