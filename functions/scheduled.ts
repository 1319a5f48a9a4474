import type { ScheduledRunResult } from '../lib/aws/scheduled/run.js';
import { scheduledRunFromEnv } from '../lib/aws/scheduled/from-env.js';

// Built once per Lambda container, so SSM's cache and the clients' connections outlive one invocation.
const { run } = scheduledRunFromEnv(process.env);

/** EventBridge schedule target: plans from CloudWatch, publishes the plan; throws when it cannot publish. */
export const handler = (event: unknown): Promise<ScheduledRunResult> => run(event);
