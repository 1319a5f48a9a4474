import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TUNABLES } from '../../lib/config/index.js';
import { generate } from '../../lib/generator/index.js';
import { makePlan, type PlanInputs } from '../../lib/planner/index.js';
import { warn } from '../../lib/planner/index.js';
import { planJob, poolPlanner, type PlanJob } from '../../lib/pool/index.js';
import { createWorkerPool, PoolBusyError, type WorkerPool } from '../../lib/pool/index.js';
import { PlanSchema } from '../../lib/schema/index.js';
import type { PlannerState } from '../../lib/schema/index.js';
import { toBody, type PlanBody } from '../../lib/service/index.js';
import { createPlanService } from '../../lib/service/index.js';
import { FIXED_NOW, FIXED_PLAN_ID, SCENARIOS } from '../support/states.js';

const inputs = (seed: number): PlanInputs => ({
  tunables: DEFAULT_TUNABLES,
  seed,
  planId: FIXED_PLAN_ID,
  now: FIXED_NOW,
  sources: { resources: 'request', performance: 'request', tunables: 'default' },
  warnings: [warn.observation('cloudwatch', 'carried from the edges')],
});
const inline = (state: PlannerState, seed: number) => makePlan(state, { ...inputs(seed), generate });

/** A fake pool in addition to the real one: records what reaches it, or fails every job. */
function fakePool(fail?: Error): WorkerPool<PlanJob, PlanBody> & { jobs: PlanJob[] } {
  const jobs: PlanJob[] = [];
  return {
    jobs,
    run: async (job) => {
      jobs.push(job);
      if (fail) throw fail;
      return planJob(generate)(job);
    },
    stats: () => ({ queued: 0, running: 0, restarts: 0, shed: 0 }),
    close: async () => undefined,
  };
}

describe('poolPlanner with the real plan worker (functions/plan-worker.ts)', () => {
  let pool: WorkerPool<PlanJob, PlanBody>;
  beforeAll(() => {
    pool = createWorkerPool<PlanJob, PlanBody>(new URL('../../functions/plan-worker.ts', import.meta.url), {
      size: 2,
      execArgv: ['--import', 'tsx'],
    });
  });
  afterAll(() => pool.close());

  it('answers with exactly the body of the plan made inline, for every scenario and several seeds', async () => {
    const planner = poolPlanner(pool, generate);
    for (const [name, state] of Object.entries(SCENARIOS)) {
      for (const seed of [1, 2, 3]) {
        const body = await planner(state, inputs(seed));
        const plan = inline(state, seed);
        expect(PlanSchema.parse(JSON.parse(body.json)), `${name} seed ${seed}`).toEqual(plan);
        expect(body).toEqual(toBody(plan));
      }
    }
  });

  it('serves the plan service: its body is the plan the inline service makes', async () => {
    const fixed = { env: {}, clock: () => FIXED_NOW, planId: () => FIXED_PLAN_ID };
    const threaded = createPlanService({ ...fixed, bodyPlanner: poolPlanner(pool, generate) });
    const plain = createPlanService(fixed);
    const body = await threaded.body({ ...SCENARIOS.allFree, seed: 11 });
    expect(body.summary).toMatchObject({ action: 'run', tasks: expect.any(Number) as number });
    expect(JSON.parse(body.json)).toEqual(await plain.plan({ ...SCENARIOS.allFree, seed: 11 }));
  });
});

describe('poolPlanner routing', () => {
  it('answers wait plans inline: only run plans reach the pool', async () => {
    const pool = fakePool();
    const planner = poolPlanner(pool, generate);
    expect((await planner(SCENARIOS.exhausted, inputs(1))).summary.action).toBe('wait');
    expect(pool.jobs).toHaveLength(0);
    expect((await planner(SCENARIOS.baseline, inputs(1))).summary.action).toBe('run');
    expect(pool.jobs).toHaveLength(1);
  });

  it('passes a busy pool\'s refusal on (to be shed), never planning around it on the event loop', async () => {
    const planner = poolPlanner(fakePool(new PoolBusyError('worker pool queue is full')), generate);
    await expect(planner(SCENARIOS.baseline, inputs(4))).rejects.toBeInstanceOf(PoolBusyError);
  });

  it('plans inline, with a warning, when the pool fails', async () => {
    const planner = poolPlanner(fakePool(new Error('worker exited with code 1')), generate);
    const plan = PlanSchema.parse(JSON.parse((await planner(SCENARIOS.baseline, inputs(4))).json));
    const healthy = inline(SCENARIOS.baseline, 4);
    expect(plan.tasks).toEqual(healthy.tasks);
    expect(plan.warnings).toEqual([
      'carried from the edges',
      'plan worker failed (worker exited with code 1); planned on the main thread',
      ...healthy.warnings.slice(1),
    ]);
  });
});
