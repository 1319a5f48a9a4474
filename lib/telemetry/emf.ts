import { MetricUnit, type Metrics } from '@aws-lambda-powertools/metrics';
import { tasksByModeAndPool, type PlanRecorder } from './recorder.js';

/**
 * Plans counted as CloudWatch embedded-metric-format lines (Powertools Metrics), flushed by the Lambda entry
 * after each invocation. Tasks go out one line per mode and pool: EMF gives one set of dimensions per line.
 */
export function createEmfRecorder(metrics: Metrics): PlanRecorder {
  // One single-metric instance for every task line: each publishes its line as it is added and then clears its
  // dimensions. metrics.singleMetric() per line built six instances, each with its own Console, every plan.
  let perTask: Metrics | undefined;
  return {
    record(plan, seconds) {
      metrics.addMetric('Plans', MetricUnit.Count, 1);
      metrics.addMetric('Waiting', MetricUnit.Count, plan.action === 'wait' ? 1 : 0);
      metrics.addMetric('Degraded', MetricUnit.Count, plan.degraded ? 1 : 0);
      metrics.addMetric('PlanLatency', MetricUnit.Milliseconds, seconds * 1000);
      perTask ??= metrics.singleMetric();
      for (const { mode, pool, count } of tasksByModeAndPool(plan)) {
        perTask.addDimensions({ Mode: mode, Pool: pool }).addMetric('TasksPlanned', MetricUnit.Count, count);
      }
    },
    shed: () => metrics.addMetric('Shed', MetricUnit.Count, 1),
  };
}
