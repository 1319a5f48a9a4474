/**
 * Task generator throughput: validated tasks per second on one core, per mode and mixed, the time to
 * generate a plan's worth of tasks (16, 256, 1,024), and issue 15's budget: a whole 384-task plan (one
 * AZR step) in under 25 ms, with the 16-task plan rate of the previous generator beside this one's
 * when OLD_GENERATOR_DIR names its checkout. Run alone with
 * `node_modules/.bin/node --import tsx bench/generator.ts`, or as the `generator` part of `npm run bench`.
 * Rates are given against wall time and against this process's CPU time (which stays meaningful on a
 * shared, busy machine; it also counts the JIT and GC threads, so it errs on the slow side).
 */
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { DEFAULT_TUNABLES } from '../lib/config/index.js';
import { generate } from '../lib/generator/index.js';
import { makePlan } from '../lib/planner/index.js';
import { createRng } from '../lib/random/index.js';
import type { Mode } from '../lib/schema/index.js';
import { MODES, PlannerStateSchema } from '../lib/schema/index.js';

/** Issue 15's budget: one AZR step (64 propose + 64 solve tasks per mode) planned in-process on one core. */
const STEP_TASKS = 384;
const STEP_BUDGET_MS = 25;

interface Timing {
  wallMs: number;
  cpuMs: number;
}

function timed(fn: () => void): Timing {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** n tasks, modes in turn (or one mode), difficulties uniform in [0, 1]. */
function batch(n: number, seed: number, mode?: Mode): () => void {
  return () => {
    const rng = createRng(seed);
    for (let i = 0; i < n; i++) generate(mode ?? (MODES[i % MODES.length] as Mode), rng.next(), rng);
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** Rates over `reps` batches of n tasks, each batch a different seed; the median batch is reported (the machine is shared). */
function rate(n: number, reps: number, mode?: Mode): { per_second_wall: number; per_second_cpu: number; us_per_task_cpu: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t = timed(batch(n, 10 + r, mode));
    wall.push(t.wallMs);
    cpu.push(t.cpuMs);
  }
  const cpuMs = median(cpu);
  return {
    per_second_wall: Math.round((n / median(wall)) * 1000),
    per_second_cpu: Math.round((n / cpuMs) * 1000),
    us_per_task_cpu: Math.round((cpuMs / n) * 1000 * 100) / 100,
  };
}

/** A state and tunables under which makePlan plans one AZR step: 384 tasks, 128 per mode. */
const STEP_STATE = PlannerStateSchema.parse({
  alpha_free: 1,
  beta_free: 1,
  resources: { alpha: { total_units: 400 }, beta: { total_units: 400 } },
  performance_metrics: { deduction_success: 0.5, abduction_success: 0.5, induction_success: 0.5 },
  max_tasks: STEP_TASKS,
});
const STEP_TUNABLES = { ...DEFAULT_TUNABLES, maxTasks: STEP_TASKS, alphaTasksPerUnit: 4, betaTasksPerUnit: 4 };

interface Checkout {
  generate: typeof generate;
  makePlan: typeof makePlan;
}

/** CPU and wall ms of one whole plan of one AZR step (makePlan, generator included); its task count. */
function stepPlan(seed: number, { generate, makePlan }: Checkout): Timing & { tasks: number } {
  let tasks = 0;
  const t = timed(() => {
    tasks = makePlan(STEP_STATE, { tunables: STEP_TUNABLES, seed, planId: randomUUID(), now: new Date(0), sources: SOURCES, generate }).tasks.length;
  });
  return { ...t, tasks };
}

/** Plans of 16 tasks (modes in turn, difficulties uniform) of one seed: CPU and wall ms. */
function sixteen(seed: number, { generate }: Checkout): Timing {
  return timed(() => {
    const rng = createRng(seed);
    for (let i = 0; i < 16; i++) generate(MODES[i % MODES.length] as Mode, rng.next(), rng);
  });
}

/**
 * Medians of `reps` runs of `measure` for each checkout, the checkouts taking turns run by run, so a
 * change in the machine's load hits all of them alike.
 */
function inTurn<T extends Timing>(reps: number, checkouts: readonly Checkout[], measure: (seed: number, c: Checkout) => T): { median_ms_cpu: number; median_ms_wall: number; last: T }[] {
  const runs = checkouts.map(() => [] as T[]);
  for (let r = 0; r < reps; r++) checkouts.forEach((c, i) => runs[i]!.push(measure(500 + r, c)));
  return runs.map((rs) => ({
    median_ms_cpu: Math.round(median(rs.map((x) => x.cpuMs)) * 1000) / 1000,
    median_ms_wall: Math.round(median(rs.map((x) => x.wallMs)) * 1000) / 1000,
    last: rs[rs.length - 1] as T,
  }));
}

const SOURCES = { resources: 'request', performance: 'request', tunables: 'default' } as const;

/**
 * Another checkout (OLD_GENERATOR_DIR, e.g. a git worktree of the commit before issue 15), measured in
 * this process beside this one, so both see the same machine.
 */
async function previousCheckout(): Promise<(Checkout & { dir: string }) | undefined> {
  const dir = process.env.OLD_GENERATOR_DIR;
  if (dir === undefined) return undefined;
  const gen = (await import(pathToFileURL(`${dir}/lib/generator/index.ts`).href)) as { generate: typeof generate };
  const planner = (await import(pathToFileURL(`${dir}/lib/planner/plan.ts`).href)) as { makePlan: typeof makePlan };
  return { dir, generate: gen.generate, makePlan: planner.makePlan };
}

export async function run(): Promise<Record<string, unknown>> {
  batch(30_000, 1)(); // warm the JIT on every mode before measuring
  const n = 10_000;
  const perMode: Record<string, unknown> = {};
  for (const mode of MODES) perMode[mode] = rate(n, 5, mode);
  const mixed = rate(n, 5);
  const plans: Record<string, unknown> = {};
  for (const size of [16, 256, 1024]) {
    const reps = size === 16 ? 400 : size === 256 ? 40 : 15;
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let r = 0; r < reps; r++) {
      const t = timed(batch(size, 100 + r));
      wall.push(t.wallMs);
      cpu.push(t.cpuMs);
    }
    plans[`tasks_${size}`] = { median_ms_wall: Math.round(median(wall) * 1000) / 1000, median_ms_cpu: Math.round(median(cpu) * 1000) / 1000 };
  }
  const previous = await previousCheckout();
  const checkouts: Checkout[] = previous === undefined ? [{ generate, makePlan }] : [{ generate, makePlan }, previous];
  inTurn(3, checkouts, stepPlan); // warm the previous checkout's code too
  const [step, stepBefore] = inTurn(20, checkouts, stepPlan);
  const [small, smallBefore] = inTurn(400, checkouts, sixteen);
  const perSecond = (x: { median_ms_cpu: number }) => ({ plans_per_second_cpu: Math.round(1000 / x.median_ms_cpu), median_ms_cpu: x.median_ms_cpu });
  return {
    azr_step_plan: {
      tasks: step!.last.tasks,
      median_ms_cpu: step!.median_ms_cpu,
      median_ms_wall: step!.median_ms_wall,
      budget_ms: STEP_BUDGET_MS,
      meets_budget_cpu: step!.median_ms_cpu < STEP_BUDGET_MS,
      ...(stepBefore && { previous: { dir: previous?.dir, median_ms_cpu: stepBefore.median_ms_cpu, median_ms_wall: stepBefore.median_ms_wall } }),
    },
    sixteen_task_plans: { this: perSecond(small!), ...(smallBefore && { previous: { dir: previous?.dir, ...perSecond(smallBefore) } }) },
    mixed,
    per_mode: perMode,
    plan_generation: plans,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await run(), null, 2));
}
