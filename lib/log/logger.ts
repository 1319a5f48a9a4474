import { Logger, LogLevelThreshold } from '@aws-lambda-powertools/logger';
import type { Tunables } from '../config/tunables.js';

export type { Logger };

/** One JSON logger shape for Lambda and the container alike (Powertools works outside Lambda too). */
export function createLogger(level: Tunables['logLevel'], serviceName = 'azr-planner'): Logger {
  return new Logger({ serviceName, logLevel: level });
}

/** Checked by callers before a DEBUG line: below its level, Powertools would still read the environment on every call to drop it. */
export const debugEnabled = (logger: Logger): boolean => logger.level <= LogLevelThreshold.DEBUG;
