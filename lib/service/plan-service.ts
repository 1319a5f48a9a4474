import { randomUUID } from 'node:crypto';
import { overlayTunables, tunablesFromEnv, type Tunables } from '../config/tunables.js';
import { generate as defaultGenerate } from '../generator/index.js';
import { mergeObservation, type Observed } from '../planner/merge.js';
import { makePlan, type PlanInputs, type TaskGenerator } from '../planner/plan.js';
import { warn, type PlanWarning } from '../planner/warnings.js';
import { freshSeed } from '../random/rng.js';
import type { Plan } from '../schema/plan.js';
import type { PlannerState } from '../schema/state.js';
import { withDeadline } from './deadline.js';
import type { StateSource, TunablesSource } from './ports.js';
import { toBody, type BodyPlanner, type PlanBody } from './plan-body.js';

export interface PlanServiceOptions {
  env: Readonly<Record<string, string | undefined>>;
  tunablesSource?: TunablesSource;
  stateSource?: StateSource;
  clock?: () => Date;
  random?: () => number;
  /** Each plan's id: a random version-4 UUID unless a test fixes it. */
  planId?: () => string;
  generate?: TaskGenerator;
  /** Where HTTP bodies are planned: inline by default; the container server hands run plans to worker threads. */
  bodyPlanner?: BodyPlanner;
}

export interface TunablesView {
  tunables: Tunables;
  source: Plan['sources']['tunables'];
  warnings: PlanWarning[];
  degraded: boolean;
}

export interface PlanService {
  plan(state: PlannerState): Promise<Plan>;
  /** The same plan as an HTTP body (JSON text and a log summary), made by the bodyPlanner when there is one. */
  body(state: PlannerState): Promise<PlanBody>;
  tunables(): Promise<TunablesView>;
  /**
   * The tunables as last loaded, at once (undefined before the first load), and a refresh started in the
   * background: what a readiness probe may report without waiting on SSM.
   */
  lastTunables(): TunablesView | undefined;
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
  const envWarnings = fromEnv.issues.map((i) => warn.tunableIgnored(i.source, i.key, i.message));
  const envSource: TunablesView['source'] = fromEnv.applied.length > 0 ? 'env' : 'default';
  const clock = opts.clock ?? (() => new Date());
  const random = opts.random ?? Math.random;
  const planId = opts.planId ?? randomUUID;
  const generate = opts.generate ?? defaultGenerate;

  /** The last view read from the source without error: kept, with a warning, while the source is down. */
  let lastGood: { view: TunablesView; at: Date } | undefined;
  let latest: TunablesView | undefined;
  /** One load at a time: in a brown-out, concurrent plans share one wait on the source instead of one each. */
  let loading: Promise<TunablesView> | undefined;

  async function load(): Promise<TunablesView> {
    const base = { tunables: fromEnv.tunables, source: envSource, warnings: [...envWarnings], degraded: false };
    const source = opts.tunablesSource;
    if (!source) return base;
    try {
      const loaded = await withDeadline((s) => source.load(s), deadlineFor(fromEnv.tunables), `${source.name} tunables`);
      const layered = overlayTunables(fromEnv.tunables, loaded.values, source.name);
      const view: TunablesView = {
        tunables: layered.tunables,
        source: source.name,
        warnings: [
          ...base.warnings,
          ...loaded.warnings.map((w) => warn.tunablesSource(source.name, w)),
          ...layered.issues.map((i) => warn.tunableIgnored(i.source, i.key, i.message)),
        ],
        degraded: false,
      };
      lastGood = { view, at: clock() };
      return view;
    } catch (error) {
      if (lastGood) {
        const { view, at } = lastGood;
        const fallback = `the values last read at ${at.toISOString()}`;
        return { ...view, warnings: [...view.warnings, warn.tunablesUnavailable(source.name, error, fallback)], degraded: true };
      }
      return { ...base, warnings: [...base.warnings, warn.tunablesUnavailable(source.name, error, `${envSource} values`)], degraded: true };
    }
  }

  function tunables(): Promise<TunablesView> {
    loading ??= load().then((view) => {
      latest = view;
      loading = undefined;
      return view;
    });
    return loading;
  }

  async function observe(t: Tunables): Promise<{ observed?: Observed; warning?: PlanWarning }> {
    const source = opts.stateSource;
    if (!source) return {};
    try {
      const observation = await withDeadline((s) => source.observe(t, s), deadlineFor(t), `${source.name} state`);
      return { observed: { source: source.name, observation } };
    } catch (error) {
      return { warning: warn.stateUnavailable(source.name, error) };
    }
  }

  /** The request merged over what was observed, and every input of makePlan but the generator. */
  async function prepare(state: PlannerState): Promise<{ state: PlannerState; inputs: PlanInputs }> {
    const view = await tunables();
    const seed = state.seed ?? freshSeed(random);
    const seen = await observe(view.tunables);
    const merged = mergeObservation(state, seen.observed);
    const remarks = seen.observed?.observation.warnings.map((w) => warn.observation(seen.observed!.source, w)) ?? [];
    const warnings = [...view.warnings, ...remarks, ...merged.warnings];
    if (seen.warning) warnings.push(seen.warning);
    return {
      state: merged.state,
      inputs: {
        tunables: view.tunables,
        seed,
        planId: planId(),
        now: clock(),
        sources: { ...merged.sources, tunables: view.source },
        warnings,
        degraded: view.degraded || seen.warning !== undefined,
      },
    };
  }

  return {
    tunables,
    lastTunables() {
      void tunables();
      return latest;
    },
    async plan(state) {
      const p = await prepare(state);
      return makePlan(p.state, { ...p.inputs, generate });
    },
    async body(state) {
      const p = await prepare(state);
      return opts.bodyPlanner ? opts.bodyPlanner(p.state, p.inputs) : toBody(makePlan(p.state, { ...p.inputs, generate }));
    },
  };
}
