import { serveJobs } from '../../../lib/pool/index.js';

/** A test worker: doubles numbers, throws on negatives, and ends its own thread on 0 (a crash). */
serveJobs<number, number>((n) => {
  if (n === 0) process.exit(3);
  if (n < 0) throw new RangeError(`negative input ${n}`);
  return n * 2;
});
