import type { Context, MiddlewareHandler } from 'hono';
import type { Logger } from '../log/logger.js';
import type { PlanRecorder } from '../telemetry/recorder.js';
import type { AppEnv } from './access-log.js';

export interface AdmissionOptions {
  /** Plan requests held at once (being planned or waiting for a worker); more are refused at once. */
  limit: number;
  /** A request not answered this long after it was admitted gets a 503 (its work is dropped where it can be). */
  timeoutMs: number;
  logger: Logger;
  /** Counts every request shed (Prometheus in the container, EMF on Lambda). */
  recorder?: Pick<PlanRecorder, 'shed'>;
}

export interface PlanAdmission {
  middleware: MiddlewareHandler<AppEnv>;
  /** Answers 503 for work the pool refused (PoolBusyError), counted as shed. */
  refuse(c: Context<AppEnv>, reason: string): Response;
}

/** Seconds a refused caller is told to wait: long enough for a queue of plans to drain, short for a person. */
export const RETRY_AFTER_SECONDS = 1;
/**
 * One log line a second at most while shedding, carrying the count, so a flood cannot flood the log too: the
 * first shed request is logged at once, the ones after it in a line at the end of its second.
 */
const LOG_EVERY_MS = 1_000;

/**
 * A bounded plan queue with a deadline per request: past the limit a request is refused at once with 503 and
 * Retry-After (cheap, so a pipelining flood costs kilobytes, not a plan each); an admitted request is answered
 * by its deadline whatever the planning does.
 */
export function planAdmission({ limit, timeoutMs, logger, recorder }: AdmissionOptions): PlanAdmission {
  let inFlight = 0;
  // Requests refused with 503 (queue full, deadline passed, or the worker pool refused them), for the log line.
  let shed = 0;
  let unlogged = 0;
  let lastReason = '';
  let lastLog = -Infinity;
  let pending: NodeJS.Timeout | undefined;

  function summarise(): void {
    pending = undefined;
    logger.warn('plan shed', { reason: lastReason, shed: unlogged, shed_total: shed, in_flight: inFlight, limit });
    lastLog = Date.now();
    unlogged = 0;
  }

  function refuse(c: Context<AppEnv>, reason: string): Response {
    // Counted once a request: a deadline's 503 may be followed by the pool refusing the same work.
    if (c.get('shed') === undefined) {
      c.set('shed', reason);
      shed += 1;
      unlogged += 1;
      lastReason = reason;
      recorder?.shed();
      const wait = lastLog + LOG_EVERY_MS - Date.now();
      if (wait <= 0) summarise();
      // Unref'd: a process may exit before its last line; the counter holds every shed request.
      else pending ??= setTimeout(summarise, wait).unref();
    }
    return c.json({ error: 'overloaded', message: `${reason}; retry after ${RETRY_AFTER_SECONDS} s` }, 503, {
      'Retry-After': String(RETRY_AFTER_SECONDS),
    });
  }

  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (inFlight >= limit) return refuse(c, `plan queue full (${limit} requests)`);
    inFlight += 1;
    let timer: NodeJS.Timeout | undefined;
    // Counted until the work really ends, not when the deadline answers: the limit tracks the load itself.
    const work = next().finally(() => (inFlight -= 1));
    const expired = new Promise<'expired'>((resolve) => (timer = setTimeout(() => resolve('expired'), timeoutMs)));
    try {
      if ((await Promise.race([work, expired])) === 'expired') {
        // The work may still settle later; its outcome has no one to go to.
        work.catch(() => undefined);
        return refuse(c, `plan not ready within ${timeoutMs} ms`);
      }
    } finally {
      clearTimeout(timer);
    }
  };

  return { middleware, refuse };
}
