import type { Tunables } from '../config/tunables.js';
import { PlanScope, type GenerateOptions } from '../generator/index.js';
import type { Rng } from '../random/rng.js';
import { createRng } from '../random/rng.js';
import type { Allocation, Plan, PlannedTask, Pool } from '../schema/plan.js';
import type { PlannerState } from '../schema/state.js';
import { MODES, TaskBodySchema, type GeneratedTask, type Mode } from '../schema/task.js';
import { poolCapacity } from './capacity.js';
import { apportion } from './mix.js';
import { normalise, type NormalisedState } from './normalise.js';
import { priority } from './priority.js';
import { abilityFrom, clamp, difficultyFor, expectedSuccess, smoothedSuccess } from './rasch.js';
import { chooseTarget } from './target.js';

export type TaskGenerator = (mode: Mode, difficulty: number, rng: Rng, opts?: GenerateOptions) => GeneratedTask;

/** Everything a plan depends on besides the state: plain data, so it can cross to a worker thread. */
export interface PlanInputs {
  tunables: Tunables;
  seed: number;
  now: Date;
  sources: Plan['sources'];
  /** Warnings from the edges (sources that failed, bad tunables) carried into the plan. */
  warnings?: readonly string[];
  degraded?: boolean;
}

export interface PlanContext extends PlanInputs {
  generate: TaskGenerator;
}

interface ModeDecision {
  mode: Mode;
  success: number;
  ability: number;
  target: number;
  targetDifficulty: number;
  count: number;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;
const enabledModes = (t: Tunables): Mode[] =>
  MODES.filter((m) => ({ deduction: t.enableDeduction, abduction: t.enableAbduction, induction: t.enableInduction })[m]);

function planId(rng: Rng): string {
  let hex = '';
  for (let i = 0; i < 4; i++) hex += rng.int(0, 0xffffffff).toString(16).padStart(8, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function decideModes(n: NormalisedState, modes: readonly Mode[], t: Tunables, rationale: string[]): ModeDecision[] {
  return modes.map((mode) => {
    const view = n.modes[mode];
    const success = smoothedSuccess(view.successRate, view.samples, t.priorStrength);
    const ability = abilityFrom(success, view.difficulty, t.raschSlope);
    const choice = chooseTarget(view.progress, t);
    const targetDifficulty = clamp(difficultyFor(ability, choice.target, t.raschSlope), 0, 1);
    rationale.push(
      `${mode}: success ${view.known ? view.successRate.toFixed(2) : 'unknown'} at difficulty ${view.difficulty.toFixed(2)} ` +
        `=> ability ${ability.toFixed(2)}; ${choice.reason} => target difficulty ${targetDifficulty.toFixed(2)}`,
    );
    return { mode, success, ability, target: choice.target, targetDifficulty, count: 0 };
  });
}

/** Lower ability => more tasks: weights fall off exponentially with the ability gap to the weakest mode. */
function mixModes(decisions: ModeDecision[], total: number, t: Tunables, rationale: string[]): void {
  const weakest = Math.min(...decisions.map((d) => d.ability));
  const weights = decisions.map((d) => Math.exp((-t.raschSlope / 2) * (d.ability - weakest)));
  const counts = apportion(weights, total, t.diversityFloor);
  decisions.forEach((d, i) => (d.count = counts[i] ?? 0));
  const weak = decisions.reduce((a, b) => (b.ability < a.ability ? b : a));
  if (decisions.length > 1) {
    rationale.push(
      `${weak.mode} is weakest (${weak.success.toFixed(2)} smoothed success): ${weak.count} of ${total} tasks; ` +
        `mix ${decisions.map((d) => `${d.mode} ${d.count}`).join(', ')} (floor ${t.diversityFloor} per mode)`,
    );
  }
}

/** Difficulties spread evenly across [b* - spread, b* + spread], so the step also probes the frontier. */
function spreadAround(center: number, count: number, spread: number): number[] {
  if (count === 1) return [center];
  return Array.from({ length: count }, (_, i) => clamp(center + spread * (-1 + (2 * i) / (count - 1)), 0, 1));
}

function generateAll(
  decisions: readonly ModeDecision[],
  ctx: PlanContext,
  rng: Rng,
  warnings: string[],
): { generated: { task: GeneratedTask; decision: ModeDecision }[]; failed: number } {
  const generated: { task: GeneratedTask; decision: ModeDecision }[] = [];
  let failed = 0;
  const opts: GenerateOptions = {
    visiblePairs: ctx.tunables.inductionVisiblePairs,
    hiddenPairs: ctx.tunables.inductionHiddenPairs,
    scope: new PlanScope(),
  };
  for (const decision of decisions) {
    for (const difficulty of spreadAround(decision.targetDifficulty, decision.count, ctx.tunables.difficultySpread)) {
      // One child stream per task: a failure or a retry inside one task never shifts its siblings.
      const child = rng.fork();
      try {
        const task = ctx.generate(decision.mode, difficulty, child, opts);
        const checked = TaskBodySchema.safeParse({ mode: task.mode, payload: task.payload, answer: task.answer });
        if (!checked.success || task.mode !== decision.mode) throw new Error('generated task failed validation');
        generated.push({ task, decision });
      } catch (error) {
        failed += 1;
        warnings.push(
          `task generator failed for a ${decision.mode} task at difficulty ${difficulty.toFixed(2)} ` +
            `(${error instanceof Error ? error.message : String(error)}); the rest of the plan is returned`,
        );
      }
    }
  }
  return { generated, failed };
}

/** Heavier tasks go to alpha while it lasts, the rest to beta; nothing beyond either capacity. */
function assignPools(weights: readonly number[], alphaCap: number, betaCap: number): (Pool | undefined)[] {
  const order = weights.map((w, i) => ({ w, i })).sort((a, b) => b.w - a.w || a.i - b.i);
  const pools: (Pool | undefined)[] = weights.map(() => undefined);
  let alpha = alphaCap;
  let beta = betaCap;
  for (const { i } of order) {
    if (alpha > 0) [pools[i], alpha] = ['alpha', alpha - 1];
    else if (beta > 0) [pools[i], beta] = ['beta', beta - 1];
  }
  return pools;
}

/** Tasks the step has room for: each pool's capacity, their sum capped by the state's max_tasks. */
function stepCapacity(n: NormalisedState, t: Tunables): { alphaCap: number; betaCap: number; total: number } {
  const alphaCap = poolCapacity('alpha', n.pools.alpha, t);
  const betaCap = poolCapacity('beta', n.pools.beta, t);
  return { alphaCap, betaCap, total: Math.min(alphaCap + betaCap, n.maxTasks) };
}

const minimumStep = (t: Tunables): number => Math.max(1, t.minTasks);

/** Whether makePlan would generate tasks (a `run` plan) rather than answer `wait` before generating any. */
export function generatesTasks(state: PlannerState, t: Tunables): boolean {
  return enabledModes(t).length > 0 && stepCapacity(normalise(state, t), t).total >= minimumStep(t);
}

/**
 * The planning algorithm of PLANNER.md §4, pure: same state, tunables, seed and clock => identical plan.
 */
export function makePlan(state: PlannerState, ctx: PlanContext): Plan {
  const t = ctx.tunables;
  const rng = createRng(ctx.seed);
  const plan_id = planId(rng);
  const n = normalise(state, t);
  const warnings = [...(ctx.warnings ?? []), ...n.warnings];
  const rationale: string[] = [];

  const { alphaCap, betaCap, total } = stepCapacity(n, t);
  rationale.push(
    `capacity: alpha ${alphaCap}, beta ${betaCap} tasks (headroom ${t.headroomFraction}); step of ${total} ` +
      `(cap ${n.maxTasks})`,
  );

  const modes = enabledModes(t);
  const decisions = decideModes(n, modes, t, rationale);
  const urgency = Math.max(0, ...decisions.map((d) => Math.abs(d.success - d.target) / Math.max(d.target, 1 - d.target)));

  const head = { plan_id, created_at: ctx.now.toISOString(), seed: ctx.seed };
  // Fields in the order of PLANNER.md §3: identity first, the explanation and its provenance last (the arrays
  // are still filled after this point).
  const tail = { rationale, warnings, sources: ctx.sources, degraded: ctx.degraded ?? false };
  const summary = (d: ModeDecision) => ({
    mode: d.mode,
    ability: round3(d.ability),
    success_rate: round3(d.success),
    target_success: d.target,
    target_difficulty: round3(d.targetDifficulty),
    tasks: d.count,
  });
  const wait = (reason: string, deferred: number): Plan => {
    rationale.push(`wait: ${reason}; retry in ${t.waitRetrySeconds}s (priority 1)`);
    return {
      ...head,
      action: 'wait',
      retry_after_seconds: t.waitRetrySeconds,
      priority: 1,
      tasks: [],
      allocation: { alpha_tasks_count: 0, beta_tasks_count: 0, alpha_capacity: alphaCap, beta_capacity: betaCap, deferred },
      modes: decisions.map((d) => summary({ ...d, count: 0 })),
      ...tail,
    };
  };

  if (modes.length === 0) return wait('every mode is disabled', 0);
  if (total < minimumStep(t)) return wait(`${total} tasks fit, below the minimum step of ${minimumStep(t)}`, 0);

  mixModes(decisions, total, t, rationale);
  const { generated, failed } = generateAll(decisions, ctx, rng, warnings);
  if (generated.length === 0) return wait('no task could be generated', failed);

  const pools = assignPools(generated.map((g) => g.task.weight), alphaCap, betaCap);
  const tasks: PlannedTask[] = [];
  generated.forEach(({ task, decision }, i) => {
    const resource = pools[i];
    if (resource === undefined) return;
    tasks.push({
      task_id: `${plan_id.slice(0, 8)}-${String(i).padStart(4, '0')}`,
      mode: task.mode,
      difficulty: round3(clamp(task.difficulty, 0, 1)),
      expected_success: round3(expectedSuccess(decision.ability, task.difficulty, t.raschSlope)),
      resource,
      weight: task.weight,
      description: task.description,
      payload: task.payload,
      answer: task.answer,
    } as PlannedTask);
  });
  const allocation: Allocation = {
    alpha_tasks_count: tasks.filter((x) => x.resource === 'alpha').length,
    beta_tasks_count: tasks.filter((x) => x.resource === 'beta').length,
    alpha_capacity: alphaCap,
    beta_capacity: betaCap,
    deferred: failed + generated.length - tasks.length,
  };
  rationale.push(
    `placement: ${allocation.alpha_tasks_count} heaviest on alpha, ${allocation.beta_tasks_count} on beta` +
      (allocation.deferred > 0 ? `, ${allocation.deferred} deferred` : ''),
  );
  const p = priority([n.pools.alpha.freeFraction, n.pools.beta.freeFraction], urgency, t);
  rationale.push(`priority ${p.value}: headroom ${p.idle.toFixed(2)} (0 busy..1 idle), learning urgency ${urgency.toFixed(2)}`);
  return {
    ...head,
    action: 'run',
    priority: p.value,
    tasks,
    allocation,
    modes: decisions.map(summary),
    ...tail,
  };
}
