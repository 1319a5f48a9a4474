import type { Tunables, TunableKey } from '../config/tunables.js';
import type { Observation } from '../planner/observation.js';
import type { Plan, StateSourceName, TunablesSourceName } from '../schema/plan.js';

/**
 * Where the cluster's state comes from besides the request (CloudWatch in production). Its name is the
 * provenance label plans carry in `sources`. It may throw or be aborted; the caller turns that into a
 * degraded plan.
 */
export interface StateSource {
  readonly name: StateSourceName;
  observe(tunables: Tunables, signal: AbortSignal): Promise<Observation>;
}

/** Where tunables come from besides defaults and the environment (SSM in production). Values are raw strings. */
export interface TunablesSource {
  readonly name: TunablesSourceName;
  load(signal: AbortSignal): Promise<{ values: [TunableKey, string][]; warnings: string[] }>;
}

/** Where a scheduled run's plan goes (EventBridge in production); throws when the plan could not be delivered. */
export interface PlanSink {
  readonly name: string;
  publish(plan: Plan, options: { destination: string; attempts: number }): Promise<PublishedPlan>;
}

export interface PublishedPlan {
  eventId: string;
  bytes: number;
  /** Set when the plan had to be cut to fit the sink: what was sent of how many tasks. */
  trimmed?: { sentTasks: number; totalTasks: number; fullBytes: number };
}

/** Where each published plan's metrics go (CloudWatch in production). */
export interface PlanMetrics {
  /** The tunables name where: the namespace, and the metric of each mode's target (read back as history). */
  record(plan: Plan, t: Pick<Tunables, 'planMetricsNamespace' | 'targetSuccessMetric'>): Promise<void>;
}
