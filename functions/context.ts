import type { Tunables } from '../lib/config/tunables.js';
import { createSources } from '../lib/compose/sources.js';
import { createApp, type AppDeps } from '../lib/http/app.js';
import { planAdmission } from '../lib/http/backpressure.js';
import { startFromEnv } from '../lib/compose/start.js';
import type { BodyPlanner } from '../lib/service/plan-body.js';
import { createPlanService } from '../lib/service/plan-service.js';
import type { TraceClient } from '../lib/telemetry/lambda.js';
import type { MetricsExposition, PlanRecorder } from '../lib/telemetry/recorder.js';

/** Each entry point's metrics and tracing: EMF and X-Ray on Lambda, Prometheus in the container. */
export interface Telemetry {
  recorder?: PlanRecorder;
  exposition?: MetricsExposition;
  /** Loads the SDK clients' instrumentation (with the AWS sources, when there are any). */
  tracing?: () => Promise<TraceClient>;
}

/**
 * Wires the app from the environment: the same for the Lambda API and the container server. `plannerFor`
 * replaces the inline body planner (the server's worker threads); `http` adds what only the server has (its
 * bearer token, its shutdown state); `telemetryFor` gives the entry's metrics and tracing.
 */
export function createContext<T extends Telemetry = Telemetry>(
  env: Readonly<Record<string, string | undefined>> = process.env,
  plannerFor?: (tunables: Tunables) => BodyPlanner | undefined,
  http: Pick<AppDeps, 'authToken' | 'draining'> = {},
  telemetryFor?: (tunables: Tunables) => T,
) {
  const { tunables, logger } = startFromEnv(env);
  const bodyPlanner = plannerFor?.(tunables);
  const telemetry = telemetryFor?.(tunables);
  const { recorder, exposition, tracing } = telemetry ?? {};
  const service = createPlanService({ env, ...createSources(tunables, env, tracing), ...(bodyPlanner ? { bodyPlanner } : {}) });
  const admission = planAdmission({ limit: tunables.planQueueLimit, timeoutMs: tunables.planTimeoutMs, logger, recorder });
  const app = createApp({ service, logger, bodyLimitBytes: tunables.bodyLimitBytes, admission, recorder, exposition, ...http });
  return { app, service, logger, tunables, telemetry };
}
