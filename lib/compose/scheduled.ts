import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { awsClientConfig } from '../aws/client-config.js';
import { createCloudWatchPlanMetrics } from '../aws/cloudwatch/plan-metrics.js';
import { createEventBridgePlanSink } from '../aws/eventbridge/publisher.js';
import { scheduledHandler } from '../aws/scheduled/handler.js';
import type { Logger } from '../log/logger.js';
import type { TraceClient } from '../telemetry/lambda.js';
import { createScheduledRun } from '../service/scheduled-run.js';
import { createSources, stateSource } from './sources.js';
import { startFromEnv } from './start.js';

/**
 * The scheduled run as the Lambda and the CronJob wire it: CloudWatch always (the run has no caller to give
 * it a state), SSM when useSsm, EventBridge as the plan sink, clients configured from the environment.
 */
export function scheduledRunFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  logger?: Logger,
  publishBackoffMs?: number,
  /** Instruments each SDK client built (X-Ray subsegments on Lambda). */
  traceClient: TraceClient = (client) => client,
) {
  const { tunables, logger: log } = startFromEnv(env, logger);
  const config = awsClientConfig(tunables, env);
  const tracing = async () => traceClient;
  const { tunablesSource } = createSources(tunables, env, tracing);
  const run = createScheduledRun({
    env,
    stateSource: stateSource('cloudwatch', tunables, env, tracing()),
    ...(tunablesSource ? { tunablesSource } : {}),
    sink: createEventBridgePlanSink(traceClient(new EventBridgeClient(config)), publishBackoffMs),
    metrics: createCloudWatchPlanMetrics(traceClient(new CloudWatchClient(config))),
    logger: log,
  });
  return { logger: log, run: scheduledHandler(run, log) };
}
