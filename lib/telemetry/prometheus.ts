import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { tasksByModeAndPool, type MetricsExposition, type PlanRecorder } from './recorder.js';

/** Seconds from a POST /plan arriving to its plan answered: run plans take ~5-50 ms, queued ones longer. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** The container server's metrics, in a registry of their own (prom-client's global one is shared by any importer). */
export function createPrometheusMetrics(): { recorder: PlanRecorder; exposition: MetricsExposition } {
  const registers = [new Registry()];
  const [registry] = registers as [Registry];
  collectDefaultMetrics({ register: registry, prefix: 'azr_planner_' });
  const plans = new Counter({ name: 'azr_planner_plans_total', help: 'Plans answered by POST /plan', registers });
  const waits = new Counter({ name: 'azr_planner_wait_plans_total', help: 'Plans that said wait', registers });
  const degraded = new Counter({ name: 'azr_planner_degraded_plans_total', help: 'Plans made with a failing source', registers });
  const tasks = new Counter({
    name: 'azr_planner_tasks_planned_total',
    help: 'Tasks planned, per mode and pool',
    labelNames: ['mode', 'pool'] as const,
    registers,
  });
  const shed = new Counter({ name: 'azr_planner_shed_requests_total', help: 'Plan requests refused with 503 (queue full, deadline passed, pool busy)', registers });
  const latency = new Histogram({
    name: 'azr_planner_plan_duration_seconds',
    help: 'Seconds from a POST /plan arriving to its plan answered',
    buckets: LATENCY_BUCKETS,
    registers,
  });
  return {
    recorder: {
      record(plan, seconds) {
        plans.inc();
        if (plan.action === 'wait') waits.inc();
        if (plan.degraded) degraded.inc();
        for (const { mode, pool, count } of tasksByModeAndPool(plan)) tasks.inc({ mode, pool }, count);
        latency.observe(seconds);
      },
      shed: () => shed.inc(),
    },
    exposition: { contentType: registry.contentType, text: () => registry.metrics() },
  };
}
