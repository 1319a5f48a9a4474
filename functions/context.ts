import type { Tunables } from '../lib/config/tunables.js';
import { createSources } from '../lib/compose/sources.js';
import { createApp, type AppDeps } from '../lib/http/app.js';
import { planAdmission } from '../lib/http/backpressure.js';
import { startFromEnv } from '../lib/compose/start.js';
import type { BodyPlanner } from '../lib/service/plan-body.js';
import { createPlanService } from '../lib/service/plan-service.js';

/**
 * Wires the app from the environment: the same for the Lambda API and the container server. `plannerFor`
 * replaces the inline body planner (the server's worker threads); `http` adds what only the server has (its
 * bearer token, its shutdown state).
 */
export function createContext(
  env: Readonly<Record<string, string | undefined>> = process.env,
  plannerFor?: (tunables: Tunables) => BodyPlanner | undefined,
  http: Pick<AppDeps, 'authToken' | 'draining'> = {},
) {
  const { tunables, logger } = startFromEnv(env);
  const bodyPlanner = plannerFor?.(tunables);
  const service = createPlanService({ env, ...createSources(tunables, env), ...(bodyPlanner ? { bodyPlanner } : {}) });
  const admission = planAdmission({ limit: tunables.planQueueLimit, timeoutMs: tunables.planTimeoutMs, logger });
  const app = createApp({ service, logger, bodyLimitBytes: tunables.bodyLimitBytes, admission, ...http });
  return { app, service, logger, tunables, admission };
}
