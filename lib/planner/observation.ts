import type { Mode } from '../modes/index.js';
import type { Pool } from '../schema/pool.js';
import type { HistoryStep } from '../schema/state.js';

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
  /** Steps rebuilt from metric history, oldest first. */
  history?: HistoryStep[];
}

/** What a state source (CloudWatch in production) saw; the core's own type, which sources produce. */
export interface Observation {
  resources: Partial<Record<Pool, ObservedPool>>;
  performance: Partial<Record<Mode, ObservedMode>>;
  /** Missing datapoints, unknown dimension values and the like: shown in the plan's warnings. */
  warnings: string[];
}
