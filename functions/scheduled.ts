import type { ScheduledRunResult } from '../lib/service/scheduled-run.js';
import { scheduledRunFromEnv } from '../lib/compose/scheduled.js';

// Built once per Lambda container, so SSM's cache and the clients' connections outlive one invocation.
const { run } = scheduledRunFromEnv(process.env);

/** EventBridge schedule target: plans from CloudWatch, publishes the plan; throws when it cannot publish. */
export const handler = (event: unknown): Promise<ScheduledRunResult> => run(event);
