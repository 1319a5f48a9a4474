import type { PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import type { Plan } from '../../schema/plan.js';

export const PLAN_EVENT_SOURCE = 'osiris.azr-planner';
export const PLAN_DETAIL_TYPE = 'AZR Plan Generated';
/** EventBridge's limit on one PutEvents entry. */
export const MAX_ENTRY_BYTES = 256 * 1024;

export interface PlanEntry {
  entry: PutEventsRequestEntry;
  /** Size as EventBridge counts it. */
  bytes: number;
  /** Set when the plan had to lose tasks to fit. */
  trimmed?: { sentTasks: number; totalTasks: number; fullBytes: number };
}

const utf8 = (s: string | undefined): number => (s === undefined ? 0 : Buffer.byteLength(s, 'utf8'));

/** EventBridge's entry size rule: Time counts 14 bytes, then Source, DetailType, Detail and Resources as UTF-8. */
export function entrySize(entry: PutEventsRequestEntry): number {
  return (
    (entry.Time ? 14 : 0) +
    utf8(entry.Source) +
    utf8(entry.DetailType) +
    utf8(entry.Detail) +
    (entry.Resources ?? []).reduce((sum, r) => sum + utf8(r), 0)
  );
}

function entryFor(plan: Plan, busName: string): PutEventsRequestEntry {
  return {
    EventBusName: busName,
    Source: PLAN_EVENT_SOURCE,
    DetailType: PLAN_DETAIL_TYPE,
    Time: new Date(plan.created_at),
    Detail: JSON.stringify(plan),
  };
}

function withFirstTasks(plan: Plan, count: number, fullBytes: number, limit: number): Plan {
  const note =
    `plan trimmed to fit EventBridge's ${limit}-byte entry limit (full plan ${fullBytes} bytes): ` +
    `${count} of ${plan.tasks.length} tasks sent; allocation describes the whole plan`;
  return { ...plan, tasks: plan.tasks.slice(0, count), warnings: [...plan.warnings, note] };
}

/**
 * The PutEvents entry of a plan. A plan over the limit keeps every other field (allocation included) and
 * as many whole tasks, in plan order, as fit, with a warning saying so: consumers still get a valid plan.
 */
export function planEntry(plan: Plan, busName: string, limit = MAX_ENTRY_BYTES): PlanEntry {
  const full = entryFor(plan, busName);
  const fullBytes = entrySize(full);
  if (fullBytes <= limit) return { entry: full, bytes: fullBytes };

  const sizeWith = (count: number) => entrySize(entryFor(withFirstTasks(plan, count, fullBytes, limit), busName));
  if (sizeWith(0) > limit) throw new Error(`plan does not fit EventBridge's ${limit}-byte entry limit even without tasks`);
  // Largest task count that fits: size grows with the count, so bisect.
  let fits = 0;
  let tooBig = plan.tasks.length;
  while (tooBig - fits > 1) {
    const mid = Math.floor((fits + tooBig) / 2);
    if (sizeWith(mid) <= limit) fits = mid;
    else tooBig = mid;
  }
  const entry = entryFor(withFirstTasks(plan, fits, fullBytes, limit), busName);
  return { entry, bytes: entrySize(entry), trimmed: { sentTasks: fits, totalTasks: plan.tasks.length, fullBytes } };
}
