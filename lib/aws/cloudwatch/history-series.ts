import type { MetricDataQuery, MetricDataResult } from '@aws-sdk/client-cloudwatch';
import type { Tunables } from '../../config/tunables.js';
import type { HistoryStep } from '../../schema/state.js';
import { MODES, type Mode } from '../../modes/index.js';
import { modeSeriesId } from './metric-series.js';

/**
 * Tasks of a history step rebuilt from CloudWatch: its rollouts over AZR's 8 solver rollouts per task. The
 * estimator compares gains per task only between steps, so what matters is that the ratio is the same every step.
 */
const ROLLOUTS_PER_TASK = 8;

const rolloutsId = (mode: Mode) => `rollouts_${mode}`;
const targetId = (mode: Mode) => `target_${mode}`;
// The solve-rate and difficulty series the state already reads (metric-series.ts): history reuses them.
const rateId = (mode: Mode) => modeSeriesId('success_rate', mode);
const difficultyId = (mode: Mode) => modeSeriesId('difficulty', mode);

/** How far back one GetMetricData call reads: the current-value window or the history's periods, whichever is longer. */
export const lookbackSeconds = (t: Tunables): number => Math.max(t.metricWindowSeconds, t.historyPeriods * t.metricPeriodSeconds);

/**
 * The series history adds to the plan's one GetMetricData call: the trainer's rollouts per mode (a count, so
 * summed per period) and the target success each published plan recorded per mode.
 */
export function historyQueries(t: Tunables): MetricDataQuery[] {
  const query = (id: string, namespace: string, metric: string, mode: Mode, stat: string): MetricDataQuery => ({
    Id: id,
    Label: `${metric} Mode=${mode}`,
    ReturnData: true,
    MetricStat: { Metric: { Namespace: namespace, MetricName: metric, Dimensions: [{ Name: 'Mode', Value: mode }] }, Period: t.metricPeriodSeconds, Stat: stat },
  });
  return MODES.flatMap((mode) => [
    query(rolloutsId(mode), t.azrNamespace, t.rolloutsMetric, mode, 'Sum'),
    query(targetId(mode), t.planMetricsNamespace, t.targetSuccessMetric, mode, 'Average'),
  ]);
}

/** A series' believable datapoints by timestamp (ms); CloudWatch's answer may come in any order. */
function points(results: readonly MetricDataResult[], id: string, ok: (v: number) => boolean): Map<number, number> {
  const r = results.find((x) => x.Id === id);
  const out = new Map<number, number>();
  const values = r?.Values ?? [];
  (r?.Timestamps ?? []).forEach((ts, i) => {
    const v = values[i];
    if (v !== undefined && Number.isFinite(v) && ok(v)) out.set(new Date(ts).getTime(), v);
  });
  return out;
}

const unit = (v: number) => v >= 0 && v <= 1;

/**
 * Each mode's history, oldest first, rebuilt from the metric periods: a step is a period with a solve rate, a
 * difficulty and rollouts; its target is the last one a plan recorded at or before that period (the plan the
 * trainer was following), or the default when no plan recorded one. Periods missing a measurement are skipped and
 * counted in a warning; only the last historyPeriods steps are kept.
 */
export function historyFrom(results: readonly MetricDataResult[], t: Tunables): { history: Partial<Record<Mode, HistoryStep[]>>; warnings: string[] } {
  const history: Partial<Record<Mode, HistoryStep[]>> = {};
  const warnings: string[] = [];
  for (const mode of MODES) {
    const rate = points(results, rateId(mode), unit);
    const difficulty = points(results, difficultyId(mode), unit);
    const rollouts = points(results, rolloutsId(mode), (v) => v > 0);
    const targets = [...points(results, targetId(mode), unit)].sort((a, b) => a[0] - b[0]);
    const periods = [...new Set([...rate.keys(), ...difficulty.keys(), ...rollouts.keys()])].sort((a, b) => a - b);
    const complete = periods.filter((ts) => rate.has(ts) && difficulty.has(ts) && rollouts.has(ts));
    if (complete.length < periods.length) {
      warnings.push(
        `CloudWatch: ${periods.length - complete.length} period(s) of Mode=${mode} lack one of ${t.solveRateMetric}, ` +
          `${t.difficultyMetric}, ${t.rolloutsMetric}; left out of its history`,
      );
    }
    const steps = complete.slice(-t.historyPeriods).map((ts): HistoryStep => {
      const n = Math.round(rollouts.get(ts)!);
      const target = targets.filter(([at]) => at <= ts).at(-1)?.[1] ?? t.targetSuccess;
      return {
        difficulty: difficulty.get(ts)!,
        success_rate: rate.get(ts)!,
        rollouts: n,
        tasks: Math.max(1, Math.round(n / ROLLOUTS_PER_TASK)),
        target_success: target,
      };
    });
    if (steps.length > 0) history[mode] = steps;
  }
  return { history, warnings };
}
