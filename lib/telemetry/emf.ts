import { MetricUnit, type Metrics } from '@aws-lambda-powertools/metrics';
import { tasksByModeAndPool, type PlanRecorder } from './recorder.js';

/**
 * Plans counted as CloudWatch embedded-metric-format lines (Powertools Metrics). Tasks go out one line per mode
 * and pool (EMF gives one set of dimensions per line), each published as it is added and after the plan's own
 * line, through the same instance: singleMetric() built a Metrics, with its own Console, for every line.
 */
export function createEmfRecorder(metrics: Metrics): PlanRecorder {
  return {
    record(plan, seconds) {
      metrics.addMetric('Plans', MetricUnit.Count, 1);
      metrics.addMetric('Waiting', MetricUnit.Count, plan.action === 'wait' ? 1 : 0);
      metrics.addMetric('Degraded', MetricUnit.Count, plan.degraded ? 1 : 0);
      metrics.addMetric('PlanLatency', MetricUnit.Milliseconds, seconds * 1000);
      metrics.publishStoredMetrics();
      for (const { mode, pool, count } of tasksByModeAndPool(plan)) {
        metrics.addDimensions({ Mode: mode, Pool: pool }).addMetric('TasksPlanned', MetricUnit.Count, count);
        metrics.publishStoredMetrics();
      }
    },
    // Flushed by the Lambda entry when the invocation ends (lib/telemetry/lambda.ts).
    shed: () => metrics.addMetric('Shed', MetricUnit.Count, 1),
  };
}
