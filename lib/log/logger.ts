import { Logger } from '@aws-lambda-powertools/logger';
import type { Tunables } from '../config/tunables.js';

export type { Logger };

/** One JSON logger shape for Lambda and the container alike (Powertools works outside Lambda too). */
export function createLogger(level: Tunables['logLevel'], serviceName = 'azr-planner'): Logger {
  return new Logger({ serviceName, logLevel: level });
}
