import type { Logger } from '../log/logger.js';
import type { Plan } from '../schema/plan.js';
import type { PlannerState } from '../schema/state.js';
import { createPlanService } from './plan-service.js';
import type { PlanServiceOptions } from './plan-service.js';
import type { PlanMetrics, PlanSink, TunablesSource } from './ports.js';

export interface ScheduledRunDeps extends Omit<PlanServiceOptions, 'stateSource'> {
  stateSource: NonNullable<PlanServiceOptions['stateSource']>;
  sink: PlanSink;
  metrics: PlanMetrics;
  logger: Logger;
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

/** What started a run: the state it may pin (request values win over observed ones) and who triggered it. */
export interface ScheduledTrigger {
  state: PlannerState;
  trigger: string;
}

/** One load per run: the run reads tunables for the plan and again for the sink's settings, and SSM may be down. */
function oncePerRun(source: TunablesSource): TunablesSource {
  let loading: ReturnType<TunablesSource['load']> | undefined;
  return { name: source.name, load: (signal) => (loading ??= source.load(signal)) };
}

/**
 * The scheduled use case: plan from the whole observed state, publish the plan, record its metrics.
 * A failed publish throws (the sink retried already) so the schedule's retry and dead-letter queue see it;
 * failed metrics only log, since failing then would make the retry publish the same step twice.
 */
export function createScheduledRun(deps: ScheduledRunDeps): (run: ScheduledTrigger) => Promise<ScheduledRunResult> {
  const { logger } = deps;
  return async ({ state, trigger }) => {
    const tunablesSource = deps.tunablesSource && oncePerRun(deps.tunablesSource);
    const service = createPlanService({ ...deps, ...(tunablesSource ? { tunablesSource } : {}) });
    const plan = await service.plan(state);
    const { tunables } = await service.tunables();
    // Nobody reads a scheduled plan's warnings as they happen (no caller), so they go to the log too.
    if (plan.warnings.length > 0) {
      logger.warn(plan.degraded ? 'plan degraded' : 'plan has warnings', { plan_id: plan.plan_id, warnings: plan.warnings });
    }

    let published;
    try {
      published = await deps.sink.publish(plan, { destination: tunables.eventBusName, attempts: tunables.awsMaxAttempts });
    } catch (error) {
      logger.error('plan not published', { plan_id: plan.plan_id, bus: tunables.eventBusName, error: error as Error });
      throw error;
    }
    if (published.trimmed) logger.warn('plan trimmed to fit EventBridge', { plan_id: plan.plan_id, ...published.trimmed });

    let metricsRecorded = true;
    try {
      await deps.metrics.record(plan, tunables);
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
    logger.info('plan published', { trigger, bus: tunables.eventBusName, ...result });
    return result;
  };
}
