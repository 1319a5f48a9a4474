import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { Mode } from '../../modes/index.js';
import type { StateSource } from '../../service/ports.js';
import { historyFrom, historyQueries, lookbackSeconds } from './history-series.js';
import { metricQueries, metricSeries, observationFrom } from './metric-series.js';

/**
 * Pools and modes as CloudWatch sees them, read with one batched GetMetricData call per plan: the current values
 * over the last metricWindowSeconds, and each mode's history over the last historyPeriods periods.
 */
export function createCloudWatchStateSource(client: CloudWatchClient, clock: () => Date = () => new Date()): StateSource {
  return {
    name: 'cloudwatch',
    async observe(tunables, signal) {
      const series = metricSeries(tunables);
      const end = clock();
      const start = new Date(end.getTime() - lookbackSeconds(tunables) * 1000);
      // A period counts toward the current values when it overlaps the window (its start may precede it).
      const since = new Date(end.getTime() - (tunables.metricWindowSeconds + tunables.metricPeriodSeconds) * 1000);
      const output = await client.send(
        new GetMetricDataCommand({
          MetricDataQueries: [...metricQueries(series, tunables), ...historyQueries(tunables)],
          StartTime: start,
          EndTime: end,
          ScanBy: 'TimestampDescending',
        }),
        { abortSignal: signal },
      );
      const observation = observationFrom(series, output, tunables.metricWindowSeconds, since);
      const rebuilt = historyFrom(output.MetricDataResults ?? [], tunables);
      for (const [mode, history] of Object.entries(rebuilt.history)) (observation.performance[mode as Mode] ??= {}).history = history;
      observation.warnings.push(...rebuilt.warnings);
      return observation;
    },
  };
}
