import { describe, expect, it } from 'vitest';
import { PlanSchema, type Plan } from '../../lib/schema/index.js';
import { MODES } from '../../lib/schema/index.js';
import { createPlanService } from '../../lib/service/index.js';
import { FIXED_NOW, SCENARIOS } from '../support/states.js';

const service = createPlanService({ env: {}, clock: () => FIXED_NOW });
const planFor = async (state: object): Promise<Plan> => PlanSchema.parse(await service.plan({ seed: 7, ...state }));
const meanDifficulty = (plan: Plan, mode: string) => {
  const ds = plan.tasks.filter((t) => t.mode === mode).map((t) => t.difficulty);
  return ds.reduce((a, b) => a + b, 0) / ds.length;
};
const perMode = (plan: Plan) => Object.fromEntries(MODES.map((m) => [m, plan.tasks.filter((t) => t.mode === m).length]));

describe('seed scenarios', () => {
  it('baseline: tasks on both pools, every mode present, priority 7', async () => {
    const plan = await planFor(SCENARIOS.baseline);
    expect(plan.action).toBe('run');
    expect(plan.allocation.alpha_tasks_count).toBeGreaterThan(0);
    expect(plan.allocation.beta_tasks_count).toBeGreaterThan(0);
    for (const mode of MODES) expect(perMode(plan)[mode]).toBeGreaterThan(0);
    expect(plan.priority).toBe(7);
    expect(plan.warnings).toEqual([]);
  });

  it('all free: at least as many tasks as baseline, priority 10', async () => {
    const [base, free] = await Promise.all([planFor(SCENARIOS.baseline), planFor(SCENARIOS.allFree)]);
    expect(free.tasks.length).toBeGreaterThanOrEqual(base.tasks.length);
    expect(free.priority).toBe(10);
  });

  it('scarce: no alpha tasks, fewer tasks, lower priority', async () => {
    const [base, scarce] = await Promise.all([planFor(SCENARIOS.baseline), planFor(SCENARIOS.scarce)]);
    expect(scarce.action).toBe('run');
    expect(scarce.tasks.some((t) => t.resource === 'alpha')).toBe(false);
    expect(scarce.allocation.alpha_capacity).toBe(0);
    expect(scarce.tasks.length).toBeGreaterThan(0);
    expect(scarce.tasks.length).toBeLessThan(base.tasks.length);
    expect(scarce.priority).toBeLessThan(base.priority);
  });

  it('both pools at 0: wait with retry_after_seconds and priority 1', async () => {
    const plan = await planFor(SCENARIOS.exhausted);
    expect(plan.action).toBe('wait');
    expect(plan.tasks).toEqual([]);
    expect(plan.priority).toBe(1);
    expect(plan.retry_after_seconds).toBeGreaterThan(0);
    expect(plan.rationale.at(-1)).toMatch(/^wait:/);
  });

  it('mastered: harder tasks than baseline in every mode, plan not empty', async () => {
    const [base, mastered] = await Promise.all([planFor(SCENARIOS.baseline), planFor(SCENARIOS.mastered)]);
    expect(mastered.tasks.length).toBeGreaterThan(0);
    for (const mode of MODES) expect(meanDifficulty(mastered, mode)).toBeGreaterThan(meanDifficulty(base, mode) + 0.1);
  });

  it('struggling: easier tasks, not empty, not more than baseline, weakest mode gets the most', async () => {
    const [base, weak] = await Promise.all([planFor(SCENARIOS.baseline), planFor(SCENARIOS.struggling)]);
    expect(weak.tasks.length).toBeGreaterThan(0);
    expect(weak.tasks.length).toBeLessThanOrEqual(base.tasks.length);
    for (const mode of MODES) expect(meanDifficulty(weak, mode)).toBeLessThan(meanDifficulty(base, mode) - 0.1);
    const counts = perMode(weak);
    expect(counts.induction).toBe(Math.max(...Object.values(counts)));
    expect(counts.induction).toBeGreaterThan(counts.deduction!);
  });

  it('expected success of each task sits near the target for a calibrated mode', async () => {
    const plan = await planFor({ ...SCENARIOS.baseline, max_tasks: 30 });
    const mean = plan.tasks.reduce((a, t) => a + t.expected_success, 0) / plan.tasks.length;
    expect(mean).toBeGreaterThan(0.35);
    expect(mean).toBeLessThan(0.65);
  });

  it('the richer form wins over the flat form, field by field', async () => {
    const plan = await planFor({
      alpha_free: 1,
      resources: { alpha: { free_units: 1, total_units: 8 } },
      performance_metrics: { induction_success: 0.9 },
      performance: { induction: { success_rate: 0.1, difficulty: 0.5, samples: 512 } },
    });
    expect(plan.allocation.alpha_capacity).toBe(1); // floor(1 unit × 2 per unit × 0.9)
    expect(plan.modes.find((m) => m.mode === 'induction')!.success_rate).toBeLessThan(0.15);
  });
});
