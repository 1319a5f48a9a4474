import type { Tunables, TunableKey } from '../config/tunables.js';
import type { Mode } from '../schema/task.js';
import type { Pool } from '../schema/plan.js';

/** What a metrics source saw of one pool; absent fields were not measured (no datapoints), never zero. */
export interface ObservedPool {
  /** Busy share of the pool, 0..1 (CloudWatch's Utilization percent / 100). */
  utilization?: number;
  total_units?: number;
}

/** What a metrics source saw of one reasoning mode. */
export interface ObservedMode {
  success_rate?: number;
  difficulty?: number;
}

export interface Observation {
  resources: Partial<Record<Pool, ObservedPool>>;
  performance: Partial<Record<Mode, ObservedMode>>;
  /** Missing datapoints, unknown dimension values and the like: shown in the plan's warnings. */
  warnings: string[];
}

/**
 * Where the cluster's state comes from besides the request (CloudWatch in production).
 * It may throw or be aborted; the caller turns that into a degraded plan.
 */
export interface StateSource {
  readonly name: string;
  observe(tunables: Tunables, signal: AbortSignal): Promise<Observation>;
}

/** Where tunables come from besides defaults and the environment (SSM in production). Values are raw strings. */
export interface TunablesSource {
  readonly name: string;
  load(signal: AbortSignal): Promise<{ values: [TunableKey, string][]; warnings: string[] }>;
}
