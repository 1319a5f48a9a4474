import type { Logger } from '../../log/logger.js';
import type { ScheduledRunResult, ScheduledTrigger } from '../../service/scheduled-run.js';
import { describeIssues } from '../../schema/issues.js';
import { parseScheduledEvent } from './event.js';

/** A malformed triggering event: no plan is made, and the invocation fails so the DLQ keeps the event. */
export class InvalidScheduledEventError extends Error {
  override readonly name = 'InvalidScheduledEventError';
}

/** The scheduled run behind an EventBridge (or CronJob) event: the event is checked, then the use case runs. */
export function scheduledHandler(
  run: (trigger: ScheduledTrigger) => Promise<ScheduledRunResult>,
  logger: Logger,
): (event: unknown) => Promise<ScheduledRunResult> {
  return async (event) => {
    const parsed = parseScheduledEvent(event);
    if (!parsed.ok) {
      logger.error('malformed scheduled event; no plan made', { issues: parsed.issues });
      throw new InvalidScheduledEventError(`invalid scheduled event: ${describeIssues(parsed.issues)}`);
    }
    return run(parsed);
  };
}
