import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { awsClientConfig } from '../aws/client-config.js';
import { createCloudWatchPlanMetrics } from '../aws/cloudwatch/plan-metrics.js';
import { createEventBridgePlanSink } from '../aws/eventbridge/publisher.js';
import { scheduledHandler } from '../aws/scheduled/handler.js';
import type { Logger } from '../log/logger.js';
import { createScheduledRun } from '../service/scheduled-run.js';
import { createSources, stateSource } from './sources.js';
import { startFromEnv } from './start.js';

/**
 * The scheduled run as the Lambda and the CronJob wire it: CloudWatch always (the run has no caller to give
 * it a state), SSM when useSsm, EventBridge as the plan sink, clients configured from the environment.
 */
export function scheduledRunFromEnv(env: Readonly<Record<string, string | undefined>>, logger?: Logger, publishBackoffMs?: number) {
  const { tunables, logger: log } = startFromEnv(env, logger);
  const config = awsClientConfig(tunables, env);
  const { tunablesSource } = createSources(tunables, env);
  const run = createScheduledRun({
    env,
    stateSource: stateSource('cloudwatch', tunables, env),
    ...(tunablesSource ? { tunablesSource } : {}),
    sink: createEventBridgePlanSink(new EventBridgeClient(config), publishBackoffMs),
    metrics: createCloudWatchPlanMetrics(new CloudWatchClient(config)),
    logger: log,
  });
  return { logger: log, run: scheduledHandler(run, log) };
}
