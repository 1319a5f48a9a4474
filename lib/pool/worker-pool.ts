import { parentPort, Worker } from 'node:worker_threads';
import { describeError } from '../errors/describe.js';

/**
 * A fixed pool of worker threads, each running one script that answers jobs with serveJobs(). Written here
 * rather than taken from piscina: piscina starts its workers from a file beside its own module, which the
 * image's self-contained bundles do not ship; what is needed is this much.
 */
export interface WorkerPool<In, Out> {
  /** Rejects with PoolBusyError when the queue is full or the job's deadline passes, at once when closed. */
  run(input: In): Promise<Out>;
  /** What the pool is doing, for logs and metrics. */
  stats(): PoolStats;
  /** Terminates every worker; jobs still queued or running are rejected. */
  close(): Promise<void>;
}

export interface PoolStats {
  queued: number;
  running: number;
  /** Workers started again after one ended (a crash, or a job past its deadline). */
  restarts: number;
  /** Jobs refused because the queue was full, or given up at their deadline. */
  shed: number;
}

export interface WorkerPoolOptions {
  size: number;
  /** Node flags of the workers (default: the parent's), e.g. a TypeScript loader for a .ts script. */
  execArgv?: string[];
  /** Jobs that may wait for a free worker; run() refuses more at once (default 1,000). */
  maxQueue?: number;
  /** A job unanswered this long after run() is rejected; its worker, if it is running it, is replaced (default 30 s). */
  jobTimeoutMs?: number;
  /** Delay before restarting a worker that ended, doubled per consecutive failure up to 64 times this (default 100 ms). */
  restartDelayMs?: number;
}

/** The job could not be taken (queue full) or not answered in time: the caller should shed load, not retry here. */
export class PoolBusyError extends Error {
  override name = 'PoolBusyError';
}

type Job<In> = { id: number; input: In };
type Reply<Out> = { id: number; ok: true; output: Out } | { id: number; ok: false; message: string };

interface Pending<In, Out> {
  id: number;
  input: In;
  resolve: (out: Out) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

interface Slot<In, Out> {
  worker?: Worker;
  job?: Pending<In, Out>;
  /** Set when the pool itself ended the worker (a job past its deadline): restarted without backoff. */
  expired?: boolean;
  /** Waiting out a restart delay after repeated failures. */
  backoff?: boolean;
  restart?: NodeJS.Timeout;
}

const MAX_BACKOFF_DOUBLINGS = 6;
const noWorker = () => new Error('no plan worker is running (restarting after failures)');

export function createWorkerPool<In, Out>(script: URL, options: WorkerPoolOptions): WorkerPool<In, Out> {
  const { size, execArgv, maxQueue = 1000, jobTimeoutMs = 30_000, restartDelayMs = 100 } = options;
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`worker pool size must be a positive integer, got ${size}`);
  let nextId = 0;
  let closed = false;
  /** Consecutive ends of workers without a job answered in between: a script failing at start-up backs off. */
  let failures = 0;
  const stats = { restarts: 0, shed: 0 };
  const queue: Pending<In, Out>[] = [];
  const slots: Slot<In, Out>[] = Array.from({ length: size }, () => ({}));

  /** Rejects every job still waiting (closing, or no worker left to take them). */
  const refuseQueued = (error: () => Error) => {
    for (const job of queue.splice(0)) {
      clearTimeout(job.timer);
      job.reject(error());
    }
  };

  function dispatch(): void {
    for (const slot of slots) {
      if (queue.length === 0) return;
      if (!slot.worker || slot.job || slot.expired) continue;
      const job = queue.shift()!;
      slot.job = job;
      // Referenced only while busy: an idle pool never keeps a process alive, a busy one always does (a tool
      // awaiting run() at top level would otherwise end with exit code 13, its await unsettled).
      slot.worker.ref();
      slot.worker.postMessage({ id: job.id, input: job.input } satisfies Job<In>);
    }
  }

  function finish(slot: Slot<In, Out>): Pending<In, Out> | undefined {
    const job = slot.job;
    slot.job = undefined;
    slot.worker?.unref();
    if (job) clearTimeout(job.timer);
    return job;
  }

  function start(slot: Slot<In, Out>): void {
    const worker = new Worker(script, execArgv ? { execArgv } : {});
    slot.worker = worker;
    slot.backoff = false;
    worker.unref();
    worker.on('message', (reply: Reply<Out>) => {
      if (slot.job?.id !== reply.id) return;
      const job = finish(slot)!;
      failures = 0;
      if (reply.ok) job.resolve(reply.output);
      else job.reject(new Error(reply.message));
      dispatch();
    });
    worker.on('error', (error) => finish(slot)?.reject(error));
    worker.on('exit', (code) => {
      finish(slot)?.reject(new Error(`worker exited with code ${code}`));
      slot.worker = undefined;
      if (closed) return;
      // Ended by the pool (a job past its deadline): back at once. Ended by itself: once at once (one bad
      // job), then with a doubling delay, so a script that cannot start does not respawn in a tight loop.
      if (!slot.expired) failures += 1;
      const delay = slot.expired || failures <= 1 ? 0 : restartDelayMs * 2 ** Math.min(failures - 2, MAX_BACKOFF_DOUBLINGS);
      slot.expired = false;
      slot.backoff = delay > 0;
      // Nothing left to take the queue: refuse it now so callers fall back, rather than wait out a backoff.
      if (slots.every((s) => s.backoff)) refuseQueued(noWorker);
      slot.restart = setTimeout(() => {
        slot.restart = undefined;
        stats.restarts += 1;
        start(slot);
        dispatch();
      }, delay);
      // Jobs waiting for this restart keep the process alive; an idle pool does not.
      if (queue.length === 0) slot.restart.unref();
    });
  }
  for (const slot of slots) start(slot);

  function expire(job: Pending<In, Out>): void {
    stats.shed += 1;
    const waiting = queue.indexOf(job);
    if (waiting >= 0) queue.splice(waiting, 1);
    const slot = slots.find((s) => s.job === job);
    // A job still running past its deadline holds a thread that nothing else can use: end the thread.
    if (slot?.worker) {
      finish(slot);
      slot.expired = true;
      void slot.worker.terminate();
    }
    job.reject(new PoolBusyError(`job not answered within ${jobTimeoutMs} ms`));
  }

  return {
    run(input) {
      if (closed) return Promise.reject(new Error('worker pool is closed'));
      if (slots.every((s) => s.backoff)) return Promise.reject(noWorker());
      if (queue.length >= maxQueue) {
        stats.shed += 1;
        return Promise.reject(new PoolBusyError(`worker pool queue is full (${maxQueue} jobs waiting)`));
      }
      return new Promise<Out>((resolve, reject) => {
        const job: Pending<In, Out> = { id: nextId++, input, resolve, reject, timer: setTimeout(() => expire(job), jobTimeoutMs) };
        job.timer.unref();
        queue.push(job);
        for (const slot of slots) slot.restart?.ref();
        dispatch();
      });
    },
    stats: () => ({ queued: queue.length, running: slots.filter((s) => s.job).length, ...stats }),
    async close() {
      closed = true;
      refuseQueued(() => new Error('worker pool is closed'));
      for (const slot of slots) clearTimeout(slot.restart);
      await Promise.all(slots.map((s) => s.worker?.terminate()));
    },
  };
}

/** The worker side: answers every job posted by the pool with handle(input), or with the error it threw. */
export function serveJobs<In, Out>(handle: (input: In) => Out): void {
  const port = parentPort;
  if (!port) throw new Error('serveJobs() runs inside a worker thread started by createWorkerPool()');
  port.on('message', ({ id, input }: Job<In>) => {
    let reply: Reply<Out>;
    try {
      reply = { id, ok: true, output: handle(input) };
    } catch (error) {
      reply = { id, ok: false, message: describeError(error) };
    }
    port.postMessage(reply);
  });
}
