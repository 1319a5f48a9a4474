import { parentPort, Worker } from 'node:worker_threads';
import { describeError } from '../errors/describe.js';

/**
 * A fixed pool of worker threads, each running one script that answers jobs with serveJobs(). Written here
 * rather than taken from piscina: piscina starts its workers from a file beside its own module, which the
 * image's self-contained bundles do not ship; what is needed is this much.
 */
export interface WorkerPool<In, Out> {
  run(input: In): Promise<Out>;
  /** Terminates every worker; jobs still running are rejected. */
  close(): Promise<void>;
}

export interface WorkerPoolOptions {
  size: number;
  /** Node flags of the workers (default: the parent's), e.g. a TypeScript loader for a .ts script. */
  execArgv?: string[];
}

type Job<In> = { id: number; input: In };
type Reply<Out> = { id: number; ok: true; output: Out } | { id: number; ok: false; message: string };
type Pending<Out> = { resolve: (out: Out) => void; reject: (error: Error) => void };

interface Slot<Out> {
  worker: Worker;
  pending: Map<number, Pending<Out>>;
}

export function createWorkerPool<In, Out>(script: URL, { size, execArgv }: WorkerPoolOptions): WorkerPool<In, Out> {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`worker pool size must be a positive integer, got ${size}`);
  let nextId = 0;
  let closed = false;
  const slots: Slot<Out>[] = [];

  const start = (index: number): Slot<Out> => {
    const slot: Slot<Out> = { worker: new Worker(script, execArgv ? { execArgv } : {}), pending: new Map() };
    const failAll = (error: Error) => {
      for (const job of slot.pending.values()) job.reject(error);
      slot.pending.clear();
    };
    slot.worker.on('message', (reply: Reply<Out>) => {
      const job = slot.pending.get(reply.id);
      slot.pending.delete(reply.id);
      if (reply.ok) job?.resolve(reply.output);
      else job?.reject(new Error(reply.message));
    });
    slot.worker.on('error', failAll);
    slot.worker.on('exit', (code) => {
      failAll(new Error(`worker exited with code ${code}`));
      // A crashed worker is replaced, so one bad job costs that job, not the pool.
      if (!closed) slots[index] = start(index);
    });
    // The pool never keeps a process alive by itself: servers have their listener, tools simply end.
    slot.worker.unref();
    return slot;
  };
  for (let i = 0; i < size; i++) slots.push(start(i));

  return {
    run(input) {
      if (closed) return Promise.reject(new Error('worker pool is closed'));
      const slot = slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      const id = nextId++;
      return new Promise<Out>((resolve, reject) => {
        slot.pending.set(id, { resolve, reject });
        slot.worker.postMessage({ id, input } satisfies Job<In>);
      });
    },
    async close() {
      closed = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
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
