import { tunablesFromEnv } from '../config/tunables.js';
import { createLogger, type Logger } from '../log/logger.js';

/**
 * What every entry point starts from: the environment's tunables and a logger at their level, with each
 * tunable the environment got wrong logged once (the plans carry the same warnings).
 */
export function startFromEnv(env: Readonly<Record<string, string | undefined>>, logger?: Logger) {
  const { tunables, issues } = tunablesFromEnv(env);
  const log = logger ?? createLogger(tunables.logLevel);
  for (const issue of issues) log.warn('tunable ignored', { ...issue });
  return { tunables, logger: log };
}
