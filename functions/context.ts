import { createAwsSources } from '../lib/aws/index.js';
import { tunablesFromEnv } from '../lib/config/tunables.js';
import { createApp } from '../lib/http/app.js';
import { createLogger } from '../lib/log/logger.js';
import { createPlanService } from '../lib/service/plan-service.js';

/** Wires the app from the environment: the same for the Lambda API and the container server. */
export function createContext(env: Readonly<Record<string, string | undefined>> = process.env) {
  const { tunables, issues } = tunablesFromEnv(env);
  const logger = createLogger(tunables.logLevel);
  for (const issue of issues) logger.warn('tunable ignored', { ...issue });
  const service = createPlanService({ env, ...createAwsSources(tunables, env) });
  const app = createApp({ service, logger, bodyLimitBytes: tunables.bodyLimitBytes });
  return { app, service, logger, tunables };
}
