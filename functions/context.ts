import { createAwsSources } from '../lib/aws/index.js';
import { createApp } from '../lib/http/app.js';
import { startFromEnv } from '../lib/log/from-env.js';
import { createPlanService } from '../lib/service/plan-service.js';

/** Wires the app from the environment: the same for the Lambda API and the container server. */
export function createContext(env: Readonly<Record<string, string | undefined>> = process.env) {
  const { tunables, logger } = startFromEnv(env);
  const service = createPlanService({ env, ...createAwsSources(tunables, env) });
  const app = createApp({ service, logger, bodyLimitBytes: tunables.bodyLimitBytes });
  return { app, service, logger, tunables };
}
