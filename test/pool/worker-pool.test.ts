import { afterEach, describe, expect, it } from 'vitest';
import { createWorkerPool, type WorkerPool } from '../../lib/pool/index.js';

// The workers load TypeScript sources, so they get tsx as the project's scripts do.
const TS = ['--import', 'tsx'];
const ARITH = new URL('./workers/arith-worker.ts', import.meta.url);

describe('createWorkerPool (real worker threads)', () => {
  let pool: WorkerPool<number, number> | undefined;
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
  });

  it('answers every job, spread over the workers, each with its own result', async () => {
    pool = createWorkerPool<number, number>(ARITH, { size: 3, execArgv: TS });
    const inputs = Array.from({ length: 30 }, (_, i) => i + 1);
    expect(await Promise.all(inputs.map((n) => pool!.run(n)))).toEqual(inputs.map((n) => n * 2));
  });

  it('rejects a job whose handler throws, with its message, and goes on serving', async () => {
    pool = createWorkerPool<number, number>(ARITH, { size: 1, execArgv: TS });
    await expect(pool.run(-4)).rejects.toThrow('negative input -4');
    expect(await pool.run(5)).toBe(10);
  });

  it('rejects the jobs of a worker that dies and replaces it', async () => {
    pool = createWorkerPool<number, number>(ARITH, { size: 1, execArgv: TS });
    await expect(pool.run(0)).rejects.toThrow('worker exited with code 3');
    expect(await pool.run(21)).toBe(42);
  });

  it('refuses jobs once closed', async () => {
    pool = createWorkerPool<number, number>(ARITH, { size: 2, execArgv: TS });
    await pool.close();
    await expect(pool.run(1)).rejects.toThrow('worker pool is closed');
  });

  it('refuses a size that is not a positive integer', () => {
    for (const size of [0, -1, 1.5, Number.NaN]) {
      expect(() => createWorkerPool<number, number>(ARITH, { size })).toThrow(/positive integer/);
    }
  });
});
