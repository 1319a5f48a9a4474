import type { MiddlewareHandler } from 'hono';
import type { RequestIdVariables } from 'hono/request-id';
import { debugEnabled, type Logger } from '../log/logger.js';
import type { PlanSummary } from '../service/plan-body.js';
import type { PlanRecorder } from '../telemetry/recorder.js';

export type AppEnv = { Variables: RequestIdVariables & { planned?: PlanSummary } };

/** Polled by kubelet, load balancers and Prometheus: ~18 lines a minute per pod at INFO, so DEBUG. */
const POLLED = new Set(['/healthz', '/readyz', '/metrics']);

/** One log line per request, with its request id and the plan's summary; each plan served is recorded. */
export function accessLog(logger: Logger, recorder?: PlanRecorder): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const seconds = (performance.now() - started) / 1000;
    const planned = c.get('planned');
    if (planned) recorder?.record(planned, seconds);
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
