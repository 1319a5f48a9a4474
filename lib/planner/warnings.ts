import { describeError } from '../errors/describe.js';

/**
 * A warning a plan carries: what happened (`code`, for tests and dashboards), where (`source`: a state
 * field, a source's name, the generator) and the prose of the wire format (PLANNER.md §3 `warnings` is a
 * list of strings: the plan carries `message`). The prose is built here from the same facts, in one place.
 */
export interface PlanWarning {
  code: WarningCode;
  source: string;
  message: string;
}

export type WarningCode =
  | 'out_of_range'
  | 'negative'
  | 'over_total'
  | 'pool_unknown'
  | 'mode_unknown'
  | 'not_finite'
  | 'observation'
  | 'state_unavailable'
  | 'tunable_ignored'
  | 'tunables_source'
  | 'tunables_unavailable'
  | 'generator_failed'
  | 'worker_failed';

const warning = (code: WarningCode, source: string, message: string): PlanWarning => ({ code, source, message });

export const warn = {
  outOfRange: (field: string, value: number, fixed: number) =>
    warning('out_of_range', field, `${field} ${value} is outside 0..1; clamped to ${fixed}`),
  negative: (field: string, value: number) => warning('negative', field, `${field} ${value} is negative; clamped to 0`),
  overTotal: (field: string, value: number, total: number) =>
    warning('over_total', field, `${field} ${value} exceeds total_units ${total}; clamped to ${total}`),
  poolUnknown: (pool: string, fallback: number) =>
    warning('pool_unknown', `resources.${pool}`, `${pool} resource info not provided; assumed ${fallback} task${fallback === 1 ? '' : 's'} of capacity`),
  modeUnknown: (mode: string, difficulty: number) =>
    warning('mode_unknown', `performance.${mode}`, `${mode} performance not provided; treated as unknown (success 0.5 at difficulty ${difficulty})`),
  notFinite: (source: string, field: string, value: number) =>
    warning('not_finite', source, `observed ${field} ${value} is not a finite number; ignored`),
  /** A source's own remark on what it saw (missing datapoints and the like), already in prose. */
  observation: (source: string, message: string) => warning('observation', source, message),
  stateUnavailable: (source: string, error: unknown) =>
    warning('state_unavailable', source, `${source} state unavailable (${describeError(error)}); planning from the request and defaults`),
  tunableIgnored: (source: string, key: string, reason: string) =>
    warning('tunable_ignored', source, `tunable ${key} from ${source} ignored: ${reason}`),
  /** A tunables source's own remark (an unknown parameter and the like), already in prose. */
  tunablesSource: (source: string, message: string) => warning('tunables_source', source, message),
  /** `fallback`: what is used instead, e.g. "env values", "the values last read at <time>". */
  tunablesUnavailable: (source: string, error: unknown, fallback: string) =>
    warning('tunables_unavailable', source, `${source} tunables unavailable (${describeError(error)}); using ${fallback}`),
  generatorFailed: (mode: string, difficulty: number, error: unknown) =>
    warning(
      'generator_failed',
      'generator',
      `task generator failed for a ${mode} task at difficulty ${difficulty.toFixed(2)} (${describeError(error)}); the rest of the plan is returned`,
    ),
  workerFailed: (error: unknown) => warning('worker_failed', 'worker', `plan worker failed (${describeError(error)}); planned on the main thread`),
};
