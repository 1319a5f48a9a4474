import { describe, expect, it } from 'vitest';
import type { Plan } from '../../lib/schema/plan.js';
import { createPlanService } from '../../lib/service/plan-service.js';
import { FIXED_NOW, SCENARIOS } from '../support/states.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const service = createPlanService({ env: {}, clock: () => FIXED_NOW });
/** A plan with what may differ between two plans of the same state and seed left out. */
const replayed = ({ plan_id: _id, created_at: _at, tasks, ...rest }: Plan) => ({ ...rest, tasks: tasks.map(({ task_id: _t, ...task }) => task) });

describe('plan_id', () => {
  it('is a fresh version-4 UUID per plan, even for different states with the same seed', async () => {
    const plans = await Promise.all([SCENARIOS.baseline, SCENARIOS.allFree, SCENARIOS.struggling].map((s) => service.plan({ ...s, seed: 42 })));
    for (const plan of plans) expect(plan.plan_id).toMatch(UUID_V4);
    expect(new Set(plans.map((p) => p.plan_id)).size).toBe(3);
    const taskIds = plans.flatMap((p) => p.tasks.map((t) => t.task_id));
    expect(new Set(taskIds).size).toBe(taskIds.length);
  });

  it('names every task: the plan id and the task index', async () => {
    const plan = await service.plan({ ...SCENARIOS.allFree, seed: 3 });
    expect(plan.tasks.length).toBeGreaterThan(1);
    plan.tasks.forEach((task, i) => expect(task.task_id).toBe(`${plan.plan_id}-${String(i).padStart(4, '0')}`));
  });

  it('leaves the seed the replay key: same state and seed give the same plan but for ids', async () => {
    const [a, b] = await Promise.all([service.plan({ ...SCENARIOS.baseline, seed: 42 }), service.plan({ ...SCENARIOS.baseline, seed: 42 })]);
    expect(a!.plan_id).not.toBe(b!.plan_id);
    expect(replayed(a!)).toEqual(replayed(b!));
  });
});
