import type { MiddlewareHandler } from 'hono';
import type { RequestIdVariables } from 'hono/request-id';
import { debugEnabled, type Logger } from '../log/logger.js';
import type { PlanSummary } from '../service/plan-body.js';
import type { PlanRecorder } from '../telemetry/recorder.js';

/** `shed`: why the plan admission refused the request with 503 (./backpressure.ts), once it has. */
export type AppEnv = { Variables: RequestIdVariables & { planned?: PlanSummary; shed?: string } };

/** Polled by kubelet, load balancers and Prometheus: ~18 lines a minute per pod at INFO, so DEBUG. */
const POLLED = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * One log line per request, with its request id and the plan's summary; each plan served is recorded. Requests
 * shed with 503 get none: under a flood that would be a line per refused request, written when the server has
 * least to spare; the admission counts them and logs a summary instead (./backpressure.ts).
 */
export function accessLog(logger: Logger, recorder?: PlanRecorder): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const seconds = (performance.now() - started) / 1000;
    const planned = c.get('planned');
    if (planned) recorder?.record(planned, seconds);
    if (c.get('shed') !== undefined) return;
    const polled = POLLED.has(c.req.path);
    if (polled && !debugEnabled(logger)) return;
    const line = {
      request_id: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      duration_ms: Math.round(seconds * 100_000) / 100,
      ...(planned ?? {}),
    };
    if (polled) logger.debug('request', line);
    else logger.info('request', line);
  };
}
