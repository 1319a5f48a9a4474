import { PoolSchema, type Pool } from '../schema/pool.js';
import { MODES, type Mode } from '../schema/task.js';
import type { PlanSummary } from '../service/plan-body.js';

/** Where every plan an entry point serves is counted: Prometheus in the container, EMF on Lambda. */
export interface PlanRecorder {
  record(plan: PlanSummary, seconds: number): void;
  /** A request refused with 503 by the plan admission: queue full, deadline passed or the worker pool busy. */
  shed(): void;
}

/** Text for a scrape: the container's GET /metrics. */
export interface MetricsExposition {
  contentType: string;
  text(): Promise<string>;
}

/**
 * Every mode and pool with its task count, zeros included: a dashboard then shows a starved mode as 0
 * rather than as a gap (the scheduled function's PutMetricData does the same).
 */
export function tasksByModeAndPool(plan: PlanSummary): { mode: Mode; pool: Pool; count: number }[] {
  return MODES.flatMap((mode) => PoolSchema.options.map((pool) => ({ mode, pool, count: plan.task_counts[mode]?.[pool] ?? 0 })));
}
