import { overlayTunables, tunablesFromEnv, type Tunables } from '../config/tunables.js';
import { generate as defaultGenerate } from '../generator/index.js';
import { mergeObservation } from '../planner/merge.js';
import { makePlan, type TaskGenerator } from '../planner/plan.js';
import { freshSeed } from '../random/rng.js';
import type { Plan } from '../schema/plan.js';
import type { PlannerState } from '../schema/state.js';
import type { Observation, StateSource, TunablesSource } from '../sources/types.js';
import { describeError, withDeadline } from './deadline.js';

export interface PlanServiceOptions {
  env: Readonly<Record<string, string | undefined>>;
  tunablesSource?: TunablesSource;
  stateSource?: StateSource;
  clock?: () => Date;
  random?: () => number;
  generate?: TaskGenerator;
}

export interface TunablesView {
  tunables: Tunables;
  source: Plan['sources']['tunables'];
  warnings: string[];
  degraded: boolean;
}

export interface PlanService {
  plan(state: PlannerState): Promise<Plan>;
  tunables(): Promise<TunablesView>;
}

/** Slack over the SDK's own timeout × attempts, so the SDK's error (more telling) normally wins the race. */
const DEADLINE_SLACK_MS = 250;
const deadlineFor = (t: Tunables): number => t.awsTimeoutMs * t.awsMaxAttempts + DEADLINE_SLACK_MS;

/**
 * Orchestrates one plan: tunables (defaults < env < SSM), the observed state (CloudWatch), the request on top,
 * then the pure planner. A failing source degrades the plan and is named in its warnings; it never throws.
 */
export function createPlanService(opts: PlanServiceOptions): PlanService {
  const fromEnv = tunablesFromEnv(opts.env);
  const envWarnings = fromEnv.issues.map((i) => `tunable ${i.key} from ${i.source} ignored: ${i.message}`);
  const envSource: TunablesView['source'] = fromEnv.applied.length > 0 ? 'env' : 'default';
  const clock = opts.clock ?? (() => new Date());
  const random = opts.random ?? Math.random;
  const generate = opts.generate ?? defaultGenerate;

  async function tunables(): Promise<TunablesView> {
    const base = { tunables: fromEnv.tunables, source: envSource, warnings: [...envWarnings], degraded: false };
    const source = opts.tunablesSource;
    if (!source) return base;
    try {
      const loaded = await withDeadline((s) => source.load(s), deadlineFor(fromEnv.tunables), `${source.name} tunables`);
      const layered = overlayTunables(fromEnv.tunables, loaded.values, source.name);
      return {
        tunables: layered.tunables,
        source: 'ssm',
        warnings: [
          ...base.warnings,
          ...loaded.warnings,
          ...layered.issues.map((i) => `tunable ${i.key} from ${i.source} ignored: ${i.message}`),
        ],
        degraded: false,
      };
    } catch (error) {
      return {
        ...base,
        warnings: [...base.warnings, `${source.name} tunables unavailable (${describeError(error)}); using ${envSource} values`],
        degraded: true,
      };
    }
  }

  async function observe(t: Tunables): Promise<{ observation?: Observation; warning?: string }> {
    const source = opts.stateSource;
    if (!source) return {};
    try {
      return { observation: await withDeadline((s) => source.observe(t, s), deadlineFor(t), `${source.name} state`) };
    } catch (error) {
      return { warning: `${source.name} state unavailable (${describeError(error)}); planning from the request and defaults` };
    }
  }

  return {
    tunables,
    async plan(state) {
      const view = await tunables();
      const seed = state.seed ?? freshSeed(random);
      const observed = await observe(view.tunables);
      const merged = mergeObservation(state, observed.observation);
      const warnings = [...view.warnings, ...(observed.observation?.warnings ?? []), ...merged.warnings];
      if (observed.warning) warnings.push(observed.warning);
      return makePlan(merged.state, {
        tunables: view.tunables,
        seed,
        now: clock(),
        generate,
        sources: { ...merged.sources, tunables: view.source },
        warnings,
        degraded: view.degraded || observed.warning !== undefined,
      });
    },
  };
}
