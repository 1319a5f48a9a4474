import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { StateSource } from '../../service/ports.js';
import { metricQueries, metricSeries, observationFrom } from './metric-series.js';

/** Pools and modes as CloudWatch sees them, read with one batched GetMetricData call per plan. */
export function createCloudWatchStateSource(client: CloudWatchClient, clock: () => Date = () => new Date()): StateSource {
  return {
    name: 'cloudwatch',
    async observe(tunables, signal) {
      const series = metricSeries(tunables);
      const end = clock();
      const start = new Date(end.getTime() - tunables.metricWindowSeconds * 1000);
      const output = await client.send(
        new GetMetricDataCommand({
          MetricDataQueries: metricQueries(series, tunables),
          StartTime: start,
          EndTime: end,
          ScanBy: 'TimestampDescending',
        }),
        { abortSignal: signal },
      );
      return observationFrom(series, output, tunables.metricWindowSeconds);
    },
  };
}
