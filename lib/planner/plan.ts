import { enabledModes, type Tunables } from '../config/tunables.js';
import { createRng } from '../random/rng.js';
import type { Plan } from '../schema/plan.js';
import { perPool, POOLS } from '../schema/pool.js';
import type { PlannerState } from '../schema/state.js';
import { minimumStep, stepCapacity } from './capacity.js';
import { estimateModes } from './estimate/estimate-modes.js';
import { explain, type ModeDecision, type Trace } from './explain.js';
import { generateTasks, type TaskGenerator } from './generate.js';
import { skipFormerPlanIdDraws } from './ids.js';
import { mixCounts } from './mix.js';
import { normalise } from './normalise.js';
import { round3 } from '../schema/precision.js';
import { allocationOf, place } from './place.js';
import { priority, urgency, WAIT_PRIORITY } from './priority.js';
import { clamp, difficultyFor } from './rasch.js';
import type { PlanWarning } from './warnings.js';

export type { TaskGenerator } from './generate.js';

/** Everything a plan depends on besides the state: plain data, so it can cross to a worker thread. */
export interface PlanInputs {
  tunables: Tunables;
  seed: number;
  /** A fresh random (version-4) UUID per plan, drawn by the edge; the seed, not this, replays the plan. */
  planId: string;
  now: Date;
  sources: Plan['sources'];
  /** Warnings from the edges (sources that failed, bad tunables) carried into the plan. */
  warnings?: readonly PlanWarning[];
  degraded?: boolean;
}

export interface PlanContext extends PlanInputs {
  generate: TaskGenerator;
}

/** Whether makePlan would generate tasks (a `run` plan) rather than answer `wait` before generating any. */
export function generatesTasks(state: PlannerState, t: Tunables): boolean {
  return enabledModes(t).length > 0 && stepCapacity(normalise(state, t), t).total >= minimumStep(t);
}

const summary = (d: ModeDecision, tasks: number) => ({
  mode: d.mode,
  ability: round3(d.ability),
  success_rate: round3(d.success),
  target_success: d.target,
  target_difficulty: round3(d.targetDifficulty),
  tasks,
});

/**
 * The planning algorithm of PLANNER.md §4, pure: same state, tunables, seed, clock and plan id => identical plan.
 * A pipeline of steps, each in its own module: normalise → capacity → ability → target → mix → generate →
 * place → prioritise → explain. A step that leaves nothing to do turns the plan into a `wait`.
 */
export function makePlan(state: PlannerState, ctx: PlanContext): Plan {
  const t = ctx.tunables;
  const rng = createRng(ctx.seed);
  skipFormerPlanIdDraws(rng);
  const plan_id = ctx.planId;
  const n = normalise(state, t);
  const warnings = [...(ctx.warnings ?? []), ...n.warnings];
  const capacity = stepCapacity(n, t);
  const modes = enabledModes(t);
  const decisions: ModeDecision[] = estimateModes(
    modes.map((mode) => ({ mode, ...n.modes[mode] })),
    t,
  ).map(({ mode, success, ability, slope, target, basis }) => ({
    mode,
    view: n.modes[mode],
    success,
    ability,
    slope,
    basis,
    target: target.target,
    reason: target.reason,
    targetDifficulty: clamp(difficultyFor(ability, target.target, slope), 0, 1),
    count: 0,
  }));
  const trace: Trace = { capacity, decisions };

  // Fields in the order of PLANNER.md §3: identity first, the explanation and its provenance last.
  const head = { plan_id, created_at: ctx.now.toISOString(), seed: ctx.seed };
  const tail = () => ({
    rationale: explain(trace, t),
    warnings: warnings.map((w) => w.message),
    sources: ctx.sources,
    degraded: ctx.degraded ?? false,
  });
  const wait = (reason: string, deferred: number): Plan => {
    trace.wait = reason;
    return {
      ...head,
      action: 'wait',
      retry_after_seconds: t.waitRetrySeconds,
      priority: WAIT_PRIORITY,
      tasks: [],
      allocation: allocationOf(perPool(() => 0), capacity.pools, deferred),
      modes: decisions.map((d) => summary(d, 0)),
      ...tail(),
    };
  };

  if (modes.length === 0) return wait('every mode is disabled', 0);
  if (capacity.total < minimumStep(t)) return wait(`${capacity.total} tasks fit, below the minimum step of ${minimumStep(t)}`, 0);

  const counts = mixCounts(decisions.map((d) => d.ability), capacity.total, t);
  decisions.forEach((d, i) => (d.count = counts[i] ?? 0));
  trace.mixed = true;
  const orders = decisions.map((d) => ({ mode: d.mode, difficulty: d.targetDifficulty, count: d.count, ability: d.ability, slope: d.slope }));
  const taskOptions = { visiblePairs: t.inductionVisiblePairs, hiddenPairs: t.inductionHiddenPairs, plan: {} };
  const { generated, failures } = generateTasks(orders, ctx.generate, rng, t.difficultySpread, taskOptions);
  warnings.push(...failures);
  if (generated.length === 0) return wait('no task could be generated', failures.length);

  const { tasks, placed } = place(generated, capacity.pools, plan_id);
  const deferred = failures.length + generated.length - tasks.length;
  trace.placement = { placed, deferred };
  const u = urgency(decisions);
  const p = priority(POOLS.map((pool) => n.pools[pool].freeFraction), u, t);
  trace.priority = { ...p, urgency: u };
  return {
    ...head,
    action: 'run',
    priority: p.value,
    tasks,
    allocation: allocationOf(placed, capacity.pools, deferred),
    modes: decisions.map((d) => summary(d, d.count)),
    ...tail(),
  };
}
