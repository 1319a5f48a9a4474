import { scheduledRunFromEnv } from '../lib/compose/scheduled.js';
import { describeError } from '../lib/errors/describe.js';

/** The scheduled run once, as the Helm CronJob's container command: exit 0 when the plan is published. */
const { run, logger } = scheduledRunFromEnv(process.env);
try {
  await run({ 'detail-type': 'Scheduled Event', source: 'osiris.azr-planner.cronjob', time: new Date().toISOString() });
} catch (error) {
  logger.error('scheduled run failed', { error: error as Error });
  process.stderr.write(`azr-planner scheduled run failed: ${describeError(error)}\n`);
  process.exitCode = 1;
}
