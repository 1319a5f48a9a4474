import type { GetMetricDataCommandOutput, MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import type { Tunables } from '../../config/tunables.js';
import { PoolSchema } from '../../schema/pool.js';
import type { Pool } from '../../schema/pool.js';
import { MODES } from '../../schema/task.js';
import type { Mode } from '../../schema/task.js';
import type { Observation, ObservedMode, ObservedPool } from '../../planner/observation.js';

type PoolField = keyof ObservedPool;
type ModeField = Exclude<keyof ObservedMode, 'history'>;

/** The id of a mode's series in the batched call; the history read (history-series.ts) joins on the same ids. */
export const modeSeriesId = (field: ModeField, mode: Mode): string => `${field}_${mode}`;

/** One CloudWatch series the planner reads, where its value goes, and which values are believable. */
export interface MetricSeries {
  id: string;
  namespace: string;
  metric: string;
  dimension: { Name: 'Pool' | 'Mode'; Value: string };
  target: { pool: Pool; field: PoolField } | { mode: Mode; field: ModeField };
  min: number;
  max: number;
  /** Multiplier from CloudWatch's unit to the observation's (Utilization is a percent, the observation a fraction). */
  scale: number;
}

const describe = (s: MetricSeries): string => `${s.metric} ${s.dimension.Name}=${s.dimension.Value}`;

/** The series of one plan: per pool utilisation and size, per mode solve rate and difficulty. */
export function metricSeries(t: Tunables): MetricSeries[] {
  const poolSeries = (pool: Pool, field: PoolField, metric: string, max: number, scale: number): MetricSeries => ({
    id: `${field}_${pool}`,
    namespace: t.computeNamespace,
    metric,
    dimension: { Name: 'Pool', Value: pool },
    target: { pool, field },
    min: 0,
    max,
    scale,
  });
  const modeSeries = (mode: Mode, field: ModeField, metric: string): MetricSeries => ({
    id: modeSeriesId(field, mode),
    namespace: t.azrNamespace,
    metric,
    dimension: { Name: 'Mode', Value: mode },
    target: { mode, field },
    min: 0,
    max: 1,
    scale: 1,
  });
  return [
    ...PoolSchema.options.flatMap((pool) => [
      poolSeries(pool, 'utilization', t.utilizationMetric, 100, 0.01),
      poolSeries(pool, 'total_units', t.totalUnitsMetric, Number.MAX_VALUE, 1),
    ]),
    ...MODES.flatMap((mode) => [
      modeSeries(mode, 'success_rate', t.solveRateMetric),
      modeSeries(mode, 'difficulty', t.difficultyMetric),
    ]),
  ];
}

/** Queries by explicit dimension values, so series of unknown pools or modes are never read. */
export function metricQueries(series: readonly MetricSeries[], t: Tunables): MetricDataQuery[] {
  return series.map((s) => ({
    Id: s.id,
    Label: describe(s),
    ReturnData: true,
    MetricStat: {
      Metric: { Namespace: s.namespace, MetricName: s.metric, Dimensions: [s.dimension] },
      Period: t.metricPeriodSeconds,
      Stat: t.metricStat,
    },
  }));
}

/**
 * The observation a GetMetricData answer gives: the mean of each series' believable values over the window.
 * A series with no believable value stays absent (missing, never zero) and says why in a warning.
 */
export function observationFrom(
  series: readonly MetricSeries[],
  output: Pick<GetMetricDataCommandOutput, 'MetricDataResults' | 'NextToken'>,
  windowSeconds: number,
  /** Periods starting before this are history only (the call may reach further back than the window). */
  since?: Date,
): Observation {
  const results = output.MetricDataResults;
  if (!Array.isArray(results)) throw new Error('CloudWatch GetMetricData answer has no MetricDataResults');
  const observation: Observation = { resources: {}, performance: {}, warnings: [] };
  const warn = (message: string) => observation.warnings.push(`CloudWatch: ${message}`);
  if (output.NextToken) warn(`answer spans several pages; used the first (newest) one only`);

  for (const s of series) {
    const result = results.find((r) => r.Id === s.id);
    if (!result) {
      warn(`no result for ${describe(s)}; treated as missing`);
      continue;
    }
    if (result.StatusCode === 'InternalError' || result.StatusCode === 'Forbidden') {
      warn(`${describe(s)} answered ${result.StatusCode}; treated as missing`);
      continue;
    }
    const values: unknown[] = Array.isArray(result.Values) ? result.Values : [];
    const stamps = result.Timestamps;
    const raw = since && stamps ? values.filter((_, i) => stamps[i] === undefined || new Date(stamps[i]).getTime() >= since.getTime()) : values;
    const believable = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= s.min && v <= s.max;
    const good = raw.filter(believable);
    const bad = raw.filter((v) => !believable(v));
    if (bad.length > 0) {
      const range = s.max === Number.MAX_VALUE ? `>= ${s.min}` : `${s.min}..${s.max}`;
      warn(`dropped ${bad.length} ${describe(s)} value(s) outside ${range} (e.g. ${String(bad[0])})`);
    }
    if (good.length === 0) {
      if (raw.length === 0) warn(`no ${describe(s)} datapoints in the last ${windowSeconds} s; treated as missing`);
      continue;
    }
    const value = (good.reduce((a, b) => a + b, 0) / good.length) * s.scale;
    if ('pool' in s.target) {
      const pool = (observation.resources[s.target.pool] ??= {});
      pool[s.target.field] = value;
    } else {
      const mode = (observation.performance[s.target.mode] ??= {});
      mode[s.target.field] = value;
    }
  }
  return observation;
}
