import { totalUnitsKey, type Tunables } from '../config/tunables.js';
import { perMode, type Mode } from '../modes/index.js';
import { perPool, type Pool } from '../schema/pool.js';
import type { HistoryStep, PlannerState, PoolState, TaskOutcome } from '../schema/state.js';
import { warn, type PlanWarning } from './warnings.js';

export interface PoolView {
  /** Free share 0..1, or undefined when nothing said how busy the pool is. */
  freeFraction: number | undefined;
  totalUnits: number;
  /** Free units, or undefined when unknown (then the fallback capacity applies). */
  freeUnits: number | undefined;
}

export interface ModeView {
  known: boolean;
  successRate: number;
  difficulty: number;
  samples: number;
  history: HistoryStep[];
  lastOutcomes?: TaskOutcome[];
}

export interface NormalisedState {
  pools: Record<Pool, PoolView>;
  modes: Record<Mode, ModeView>;
  maxTasks: number;
  warnings: PlanWarning[];
}

/** AZR's step trains 64 solve sequences per mode: the sample count assumed when a rate comes without one. */
const ASSUMED_SAMPLES = 64;

class Clamp {
  readonly warnings: PlanWarning[] = [];
  unit(value: number | undefined, field: string): number | undefined {
    if (value === undefined) return undefined;
    if (value < 0 || value > 1) {
      const fixed = value < 0 ? 0 : 1;
      this.warnings.push(warn.outOfRange(field, value, fixed));
      return fixed;
    }
    return value;
  }
  count(value: number | undefined, field: string): number | undefined {
    if (value === undefined) return undefined;
    if (value < 0) {
      this.warnings.push(warn.negative(field, value));
      return 0;
    }
    return value;
  }
}

function pool(name: Pool, flatFree: number | undefined, rich: PoolState | undefined, t: Tunables, c: Clamp): PoolView {
  const configured = t[totalUnitsKey(name)];
  let total = c.count(rich?.total_units, `resources.${name}.total_units`) ?? configured;
  const utilization = c.unit(rich?.utilization, `resources.${name}.utilization`);
  // The richer form wins per field: an explicit free share, then utilisation, then the flat seed field.
  const freeFraction =
    c.unit(rich?.free_fraction, `resources.${name}.free_fraction`) ??
    (utilization === undefined ? undefined : 1 - utilization) ??
    c.unit(flatFree, `${name}_free`);
  let freeUnits = c.count(rich?.free_units, `resources.${name}.free_units`);
  if (freeUnits !== undefined && freeUnits > total) {
    if (rich?.total_units !== undefined) {
      c.warnings.push(warn.overTotal(`resources.${name}.free_units`, freeUnits, total));
      freeUnits = total;
    } else total = freeUnits;
  }
  if (freeUnits === undefined && freeFraction !== undefined) freeUnits = freeFraction * total;
  const fraction = freeFraction ?? (freeUnits === undefined ? undefined : total > 0 ? freeUnits / total : 0);
  if (freeUnits === undefined) {
    c.warnings.push(warn.poolUnknown(name, t.fallbackCapacity));
  }
  return { freeFraction: fraction, totalUnits: total, freeUnits };
}

function mode(name: Mode, state: PlannerState, t: Tunables, c: Clamp): ModeView {
  const rich = state.performance?.[name];
  const flat = state.performance_metrics?.[`${name}_success`];
  const history = rich?.history ?? [];
  // A trainer sending history need not repeat its last step as the latest rate.
  const last = history.at(-1);
  const rate =
    c.unit(rich?.success_rate, `performance.${name}.success_rate`) ?? c.unit(flat, `performance_metrics.${name}_success`) ?? last?.success_rate;
  const difficulty = c.unit(rich?.difficulty, `performance.${name}.difficulty`) ?? last?.difficulty ?? t.baseDifficulty;
  const samples = c.count(rich?.samples, `performance.${name}.samples`) ?? last?.rollouts ?? ASSUMED_SAMPLES;
  const extra = rich?.last_outcomes ? { lastOutcomes: rich.last_outcomes } : {};
  if (rate === undefined) {
    c.warnings.push(warn.modeUnknown(name, difficulty));
    return { known: false, successRate: 0.5, difficulty, samples: 0, history, ...extra };
  }
  return { known: true, successRate: rate, difficulty, samples, history, ...extra };
}

/** Clamps and fills the state, leaving a warning for every clamp or assumption. */
export function normalise(state: PlannerState, t: Tunables): NormalisedState {
  const c = new Clamp();
  const pools = perPool((p) => pool(p, state[`${p}_free`], state.resources?.[p], t, c));
  const modes = perMode((m) => mode(m, state, t, c));
  const maxTasks = Math.min(t.maxTasks, state.max_tasks ?? t.maxTasks);
  return { pools, modes, maxTasks, warnings: c.warnings };
}
