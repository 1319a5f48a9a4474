import type { Plan, StateSourceName } from '../schema/plan.js';
import { MODES } from '../modes/index.js';
import { POOLS } from '../schema/pool.js';
import type { PlannerState } from '../schema/state.js';
import type { Observation } from './observation.js';
import { warn, type PlanWarning } from './warnings.js';

type SourceLabel = Plan['sources']['resources'];
type Origin = 'request' | StateSourceName;

/** Where a group of fields came from: nothing => defaults, one origin => its name, several => mixed. */
function label(origins: Set<Origin>): SourceLabel {
  const [only, ...more] = origins;
  if (only === undefined) return 'default';
  return more.length > 0 ? 'mixed' : only;
}

/** What a state source saw, under the name the plan's `sources` will give it. */
export interface Observed {
  source: StateSourceName;
  observation: Observation;
}

/**
 * The request's own values win field by field over the observed ones; `sources` says which filled what.
 * Observed values are written into the richer form of the state so normalisation treats both alike.
 */
export function mergeObservation(
  state: PlannerState,
  observed: Observed | undefined,
): { state: PlannerState; sources: Pick<Plan['sources'], 'resources' | 'performance'>; warnings: PlanWarning[] } {
  const warnings: PlanWarning[] = [];
  const observation = observed?.observation;
  /** Sources outside the request are not schema-checked: a non-finite number is dropped, never planned on. */
  const finite = (value: number | undefined, field: string): number | undefined => {
    if (value === undefined || Number.isFinite(value) || observed === undefined) return value;
    warnings.push(warn.notFinite(observed.source, field, value));
    return undefined;
  };
  const resourceOrigins = new Set<Origin>();
  const performanceOrigins = new Set<Origin>();
  const resources = { ...state.resources };
  for (const pool of POOLS) {
    const asked = state.resources?.[pool] ?? {};
    const seen = {
      utilization: finite(observation?.resources[pool]?.utilization, `${pool} utilization`),
      total_units: finite(observation?.resources[pool]?.total_units, `${pool} total_units`),
    };
    const askedFree =
      state[`${pool}_free`] !== undefined ||
      asked.free_fraction !== undefined ||
      asked.utilization !== undefined ||
      asked.free_units !== undefined;
    const merged = { ...asked };
    if (askedFree) resourceOrigins.add('request');
    else if (seen.utilization !== undefined && observed) {
      merged.utilization = seen.utilization;
      resourceOrigins.add(observed.source);
    }
    if (asked.total_units !== undefined) resourceOrigins.add('request');
    else if (seen.total_units !== undefined && observed) {
      merged.total_units = seen.total_units;
      resourceOrigins.add(observed.source);
    }
    if (Object.keys(merged).length > 0) resources[pool] = merged;
  }
  const performance = { ...state.performance };
  for (const mode of MODES) {
    const asked = state.performance?.[mode] ?? {};
    const seen = {
      success_rate: finite(observation?.performance[mode]?.success_rate, `${mode} success_rate`),
      difficulty: finite(observation?.performance[mode]?.difficulty, `${mode} difficulty`),
    };
    const merged = { ...asked };
    if (asked.success_rate !== undefined || state.performance_metrics?.[`${mode}_success`] !== undefined) {
      performanceOrigins.add('request');
    } else if (seen.success_rate !== undefined && observed) {
      merged.success_rate = seen.success_rate;
      performanceOrigins.add(observed.source);
    }
    if (asked.difficulty === undefined && seen.difficulty !== undefined && observed) {
      merged.difficulty = seen.difficulty;
      performanceOrigins.add(observed.source);
    }
    const history = observation?.performance[mode]?.history;
    if (asked.history === undefined && history !== undefined && history.length > 0 && observed) {
      merged.history = history;
      performanceOrigins.add(observed.source);
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
