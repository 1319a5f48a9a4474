import type { ScheduledRunResult } from '../lib/service/scheduled-run.js';
import { scheduledRunFromEnv } from '../lib/compose/scheduled.js';
import { lambdaTracing, withLambdaContext } from '../lib/telemetry/lambda.js';

// Built once per Lambda container, so SSM's cache and the clients' connections outlive one invocation. It
// always calls AWS, so the tracer is loaded up front.
const { run, logger } = scheduledRunFromEnv(process.env, undefined, undefined, await lambdaTracing());

/**
 * EventBridge schedule target: plans from CloudWatch, publishes the plan; throws when it cannot publish. Its
 * plan metrics go to CloudWatch with PutMetricData (lib/aws/cloudwatch/plan-metrics.ts).
 */
export const handler = withLambdaContext(logger, (event: unknown): Promise<ScheduledRunResult> => run(event));
