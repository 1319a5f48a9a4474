import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkerPool, PoolBusyError, type WorkerPool } from '../../lib/pool/index.js';

const TS = ['--import', 'tsx'];
const BUSY = new URL('./workers/busy-worker.ts', import.meta.url);
const FAILING = new URL('./workers/failing-start.mjs', import.meta.url);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('worker pool under abuse', () => {
  let pool: WorkerPool<number, number> | undefined;
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
  });

  it('a worker failing at start-up is restarted with backoff, not in a tight loop', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'azr-failing-'));
    const log = join(dir, 'starts');
    writeFileSync(log, '');
    process.env.FAILING_START_LOG = log;
    try {
      pool = createWorkerPool<number, number>(FAILING, { size: 1, restartDelayMs: 100 });
      const starts = () => readFileSync(log, 'utf8').split('\n').filter(Boolean).length;
      // Counted from the first start, so a slow machine's slow first boot does not shorten the window.
      while (starts() === 0) await sleep(20);
      await sleep(5_000);
      // Restarts after 0, 100, 200, 400, 800, 1600 ms: at most 7 starts in 5 s however fast the machine (a
      // tight loop makes dozens); a slow machine makes fewer.
      expect(starts()).toBeGreaterThanOrEqual(2);
      expect(starts()).toBeLessThanOrEqual(7);
      // With no worker alive, a job is refused at once (the caller plans inline) rather than left waiting.
      await expect(pool.run(1)).rejects.toThrow(/worker/);
    } finally {
      delete process.env.FAILING_START_LOG;
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('a full queue refuses the next job at once with PoolBusyError', async () => {
    pool = createWorkerPool<number, number>(BUSY, { size: 1, execArgv: TS, maxQueue: 2 });
    await pool.run(1); // started and serving
    const held = [pool.run(400), pool.run(1), pool.run(1)];
    await expect(pool.run(1)).rejects.toBeInstanceOf(PoolBusyError);
    expect(await Promise.all(held)).toEqual([400, 1, 1]);
    expect(pool.stats()).toMatchObject({ queued: 0, running: 0, shed: 1 });
  }, 20_000);

  it('a job past its deadline is rejected and its worker replaced; the pool serves on', async () => {
    // The deadline also covers the replacement worker's tsx start-up (~0.35 s on a loaded machine, more when cold).
    pool = createWorkerPool<number, number>(BUSY, { size: 1, execArgv: TS, jobTimeoutMs: 5_000 });
    await pool.run(1);
    await expect(pool.run(60_000)).rejects.toBeInstanceOf(PoolBusyError);
    expect(await pool.run(1)).toBe(1);
    expect(pool.stats()).toMatchObject({ restarts: 1, shed: 1 });
  }, 20_000);

  it('pool.run() awaited at top level in a process with no other handle: exits 0 with the answer', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [...TS, new URL('./workers/top-level-run.ts', import.meta.url).pathname], {
      timeout: 30_000,
    });
    expect(stdout.trim()).toBe('answer 300');
  }, 40_000);
});
