import * as z from 'zod';
import { PlannerStateSchema } from '../../schema/state.js';
import type { PlannerState } from '../../schema/state.js';
import { fieldIssues, type FieldIssue } from '../../schema/issues.js';

/**
 * What may invoke a scheduled run: an EventBridge rule's "Scheduled Event", an EventBridge Scheduler payload
 * (possibly `{}`), or the CronJob's own. `detail` may pin parts of the state (request values win over
 * CloudWatch's, as on the API). Envelope fields EventBridge adds (account, region, resources…) pass.
 */
const ScheduledEventSchema = z.looseObject({
  // Any other detail-type means a rule routed the wrong events here, e.g. the planner's own plans (a loop).
  'detail-type': z.literal('Scheduled Event').optional(),
  source: z.string().optional(),
  id: z.string().optional(),
  time: z.iso.datetime({ offset: true }).optional(),
  detail: PlannerStateSchema.optional(),
});

export type ParsedEvent = { ok: true; state: PlannerState; trigger: string } | { ok: false; issues: FieldIssue[] };

export function parseScheduledEvent(event: unknown): ParsedEvent {
  const parsed = ScheduledEventSchema.safeParse(event);
  if (!parsed.success) {
    return { ok: false, issues: fieldIssues(parsed.error, '(event)') };
  }
  const { detail, source, id } = parsed.data;
  return { ok: true, state: detail ?? {}, trigger: [source ?? 'unknown source', id].filter(Boolean).join(' ') };
}
