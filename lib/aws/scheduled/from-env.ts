import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { startFromEnv } from '../../log/from-env.js';
import type { Logger } from '../../log/logger.js';
import type { TraceClient } from '../../telemetry/lambda.js';
import { awsClientConfig } from '../client-config.js';
import { createCloudWatchStateSource } from '../cloudwatch/state-source.js';
import { createAwsSources } from '../index.js';
import { createScheduledRun } from './run.js';

/**
 * The scheduled run as the Lambda and the CronJob wire it: CloudWatch always (the run has no caller to give
 * it a state), SSM when useSsm, clients configured from the environment.
 */
export function scheduledRunFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  logger?: Logger,
  /** Instruments each SDK client built (X-Ray subsegments on Lambda). */
  traceClient: TraceClient = (client) => client,
) {
  const { tunables, logger: log } = startFromEnv(env, logger);
  const config = awsClientConfig(tunables, env);
  const cloudWatch = traceClient(new CloudWatchClient(config));
  const { tunablesSource } = createAwsSources(tunables, env, async () => traceClient);
  return {
    logger: log,
    run: createScheduledRun({
      env,
      stateSource: createCloudWatchStateSource(cloudWatch),
      ...(tunablesSource ? { tunablesSource } : {}),
      eventBridge: traceClient(new EventBridgeClient(config)),
      cloudWatch,
      logger: log,
    }),
  };
}
