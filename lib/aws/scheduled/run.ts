import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { Logger } from '../../log/logger.js';
import { createPlanService } from '../../service/plan-service.js';
import type { PlanServiceOptions } from '../../service/plan-service.js';
import type { Plan } from '../../schema/plan.js';
import type { TunablesSource } from '../../sources/types.js';
import { recordPlanMetrics } from '../cloudwatch/plan-metrics.js';
import { publishPlan } from '../eventbridge/publisher.js';
import { parseScheduledEvent } from './event.js';

export interface ScheduledRunDeps extends Omit<PlanServiceOptions, 'stateSource'> {
  stateSource: NonNullable<PlanServiceOptions['stateSource']>;
  eventBridge: EventBridgeClient;
  cloudWatch: CloudWatchClient;
  logger: Logger;
  /** Pause before re-sending an entry EventBridge rejected; doubled per try. */
  publishBackoffMs?: number;
}

export interface ScheduledRunResult {
  plan_id: string;
  action: Plan['action'];
  tasks: number;
  priority: number;
  degraded: boolean;
  event_id: string;
  bytes: number;
  trimmed: boolean;
  metrics_recorded: boolean;
}

/** A malformed triggering event: no plan is made, and the invocation fails so the DLQ keeps the event. */
export class InvalidScheduledEventError extends Error {
  override readonly name = 'InvalidScheduledEventError';
}

/** One load per run: the run reads tunables for the plan and again for the bus name, and SSM may be down. */
function oncePerRun(source: TunablesSource): TunablesSource {
  let loading: ReturnType<TunablesSource['load']> | undefined;
  return { name: source.name, load: (signal) => (loading ??= source.load(signal)) };
}

/**
 * The scheduled path: plan from the whole observed state, publish the plan, record its metrics.
 * A failed publish throws (after retries) so the schedule's retry and dead-letter queue see it; failed
 * metrics only log, since failing then would make the retry publish the same step twice.
 */
export function createScheduledRun(deps: ScheduledRunDeps): (event: unknown) => Promise<ScheduledRunResult> {
  const { logger } = deps;
  return async (event) => {
    const parsed = parseScheduledEvent(event);
    if (!parsed.ok) {
      logger.error('malformed scheduled event; no plan made', { issues: parsed.issues });
      const detail = parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
      throw new InvalidScheduledEventError(`invalid scheduled event: ${detail}`);
    }
    const tunablesSource = deps.tunablesSource && oncePerRun(deps.tunablesSource);
    const service = createPlanService({ ...deps, ...(tunablesSource ? { tunablesSource } : {}) });
    const plan = await service.plan(parsed.state);
    const { tunables } = await service.tunables();
    // Nobody reads a scheduled plan's warnings as they happen (no caller), so they go to the log too.
    if (plan.warnings.length > 0) {
      logger.warn(plan.degraded ? 'plan degraded' : 'plan has warnings', { plan_id: plan.plan_id, warnings: plan.warnings });
    }

    let published;
    try {
      published = await publishPlan(deps.eventBridge, plan, {
        busName: tunables.eventBusName,
        attempts: tunables.awsMaxAttempts,
        backoffMs: deps.publishBackoffMs ?? 200,
      });
    } catch (error) {
      logger.error('plan not published', { plan_id: plan.plan_id, bus: tunables.eventBusName, error: error as Error });
      throw error;
    }
    if (published.trimmed) logger.warn('plan trimmed to fit EventBridge', { plan_id: plan.plan_id, ...published.trimmed });

    let metricsRecorded = true;
    try {
      await recordPlanMetrics(deps.cloudWatch, tunables, plan);
    } catch (error) {
      metricsRecorded = false;
      logger.error('plan metrics not recorded', { plan_id: plan.plan_id, error: error as Error });
    }
    const result: ScheduledRunResult = {
      plan_id: plan.plan_id,
      action: plan.action,
      tasks: plan.tasks.length,
      priority: plan.priority,
      degraded: plan.degraded,
      event_id: published.eventId,
      bytes: published.bytes,
      trimmed: published.trimmed !== undefined,
      metrics_recorded: metricsRecorded,
    };
    logger.info('plan published', { trigger: parsed.trigger, bus: tunables.eventBusName, ...result });
    return result;
  };
}
