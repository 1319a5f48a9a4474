import type { Plan } from '../schema/plan.js';
import type { PlannerState } from '../schema/state.js';
import { MODES } from '../schema/task.js';
import type { Observation } from '../sources/types.js';

type Origin = 'request' | 'cloudwatch';
type SourceLabel = Plan['sources']['resources'];

function label(origins: Set<Origin>): SourceLabel {
  if (origins.size === 0) return 'default';
  if (origins.size === 2) return 'mixed';
  return origins.has('request') ? 'request' : 'cloudwatch';
}

/** Sources outside the request are not schema-checked: a non-finite number is dropped, never planned on. */
function finite(value: number | undefined, field: string, warnings: string[]): number | undefined {
  if (value === undefined || Number.isFinite(value)) return value;
  warnings.push(`observed ${field} ${value} is not a finite number; ignored`);
  return undefined;
}

/**
 * The request's own values win field by field over the observed ones; `sources` says which filled what.
 * Observed values are written into the richer form of the state so normalisation treats both alike.
 */
export function mergeObservation(
  state: PlannerState,
  observation: Observation | undefined,
): { state: PlannerState; sources: Pick<Plan['sources'], 'resources' | 'performance'>; warnings: string[] } {
  const warnings: string[] = [];
  const resourceOrigins = new Set<Origin>();
  const performanceOrigins = new Set<Origin>();
  const resources = { ...state.resources };
  for (const pool of ['alpha', 'beta'] as const) {
    const asked = state.resources?.[pool] ?? {};
    const seen = {
      utilization: finite(observation?.resources[pool]?.utilization, `${pool} utilization`, warnings),
      total_units: finite(observation?.resources[pool]?.total_units, `${pool} total_units`, warnings),
    };
    const askedFree =
      state[`${pool}_free`] !== undefined ||
      asked.free_fraction !== undefined ||
      asked.utilization !== undefined ||
      asked.free_units !== undefined;
    const merged = { ...asked };
    if (askedFree) resourceOrigins.add('request');
    else if (seen.utilization !== undefined) {
      merged.utilization = seen.utilization;
      resourceOrigins.add('cloudwatch');
    }
    if (asked.total_units !== undefined) resourceOrigins.add('request');
    else if (seen.total_units !== undefined) {
      merged.total_units = seen.total_units;
      resourceOrigins.add('cloudwatch');
    }
    if (Object.keys(merged).length > 0) resources[pool] = merged;
  }
  const performance = { ...state.performance };
  for (const mode of MODES) {
    const asked = state.performance?.[mode] ?? {};
    const seen = {
      success_rate: finite(observation?.performance[mode]?.success_rate, `${mode} success_rate`, warnings),
      difficulty: finite(observation?.performance[mode]?.difficulty, `${mode} difficulty`, warnings),
    };
    const merged = { ...asked };
    if (asked.success_rate !== undefined || state.performance_metrics?.[`${mode}_success`] !== undefined) {
      performanceOrigins.add('request');
    } else if (seen.success_rate !== undefined) {
      merged.success_rate = seen.success_rate;
      performanceOrigins.add('cloudwatch');
    }
    if (asked.difficulty === undefined && seen.difficulty !== undefined) {
      merged.difficulty = seen.difficulty;
      performanceOrigins.add('cloudwatch');
    }
    const history = observation?.performance[mode]?.history;
    if (asked.history === undefined && history !== undefined && history.length > 0) {
      merged.history = history;
      performanceOrigins.add('cloudwatch');
    }
    if (Object.keys(merged).length > 0) performance[mode] = merged;
  }
  const merged: PlannerState = { ...state };
  if (Object.keys(resources).length > 0) merged.resources = resources;
  if (Object.keys(performance).length > 0) merged.performance = performance;
  return {
    state: merged,
    sources: { resources: label(resourceOrigins), performance: label(performanceOrigins) },
    warnings,
  };
}
