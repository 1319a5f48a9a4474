import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { Plan } from '../../schema/plan.js';
import type { PlanSink } from '../../service/ports.js';
import { planEntry } from './plan-entry.js';
import type { PlanEntry } from './plan-entry.js';

export interface PublishOptions {
  busName: string;
  /** Tries of an entry EventBridge accepted the call for but rejected (FailedEntryCount), first try included. */
  attempts: number;
  /** Pause before the second try, doubled for each try after it. */
  backoffMs: number;
  signal?: AbortSignal;
}

export interface Published extends Omit<PlanEntry, 'entry'> {
  eventId: string;
  attempts: number;
}

/** The plan could not be published: thrown so the invocation fails and the schedule's retry and DLQ see it. */
export class PublishError extends Error {
  override readonly name = 'PublishError';
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((done, fail) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), fail(new PublishError('publish aborted'))), { once: true });
  });

/**
 * Publishes a plan with PutEvents. Transport errors, throttling and 5xx are already retried by the SDK
 * (maxAttempts) and fail at once here; what the SDK cannot see is an entry rejected inside a 200 answer,
 * so those are retried here, then thrown.
 */
export async function publishPlan(client: EventBridgeClient, plan: Plan, options: PublishOptions): Promise<Published> {
  const { entry, ...size } = planEntry(plan, options.busName);
  let failure = 'no attempt made';
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    if (attempt > 1) await sleep(options.backoffMs * 2 ** (attempt - 2), options.signal);
    let answer;
    try {
      answer = await client.send(new PutEventsCommand({ Entries: [entry] }), { abortSignal: options.signal });
    } catch (error) {
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw new PublishError(`PutEvents to bus "${options.busName}" failed: ${reason}`, { cause: error });
    }
    const result = answer.Entries?.[0];
    if (!answer.FailedEntryCount && result?.EventId) return { ...size, eventId: result.EventId, attempts: attempt };
    failure = result?.ErrorCode ? `${result.ErrorCode}: ${result.ErrorMessage ?? ''}` : 'answer carried no event id';
  }
  throw new PublishError(`PutEvents to bus "${options.busName}" rejected the plan after ${options.attempts} attempt(s): ${failure}`);
}

/** The scheduled run's plan sink: EventBridge, the destination being the bus name. */
export function createEventBridgePlanSink(client: EventBridgeClient, backoffMs = 200): PlanSink {
  return {
    name: 'eventbridge',
    publish: (plan, { destination, attempts }) => publishPlan(client, plan, { busName: destination, attempts, backoffMs }),
  };
}
