import { describe, expect, it } from 'vitest';
import { generate } from '../../lib/generator/index.js';
import type { TaskGenerator } from '../../lib/planner/index.js';
import { PlanSchema } from '../../lib/schema/index.js';
import { createPlanService } from '../../lib/service/index.js';
import { FIXED_NOW, SCENARIOS } from '../support/states.js';

describe('generator failure', () => {
  it('one failing task: the rest of the plan is returned, with a warning and the task deferred', async () => {
    let calls = 0;
    const flaky: TaskGenerator = (mode, difficulty, rng) => {
      calls += 1;
      if (calls === 3) throw new Error('injected failure');
      return generate(mode, difficulty, rng);
    };
    const healthy = await createPlanService({ env: {}, clock: () => FIXED_NOW }).plan({ ...SCENARIOS.baseline, seed: 3 });
    const plan = PlanSchema.parse(
      await createPlanService({ env: {}, clock: () => FIXED_NOW, generate: flaky }).plan({ ...SCENARIOS.baseline, seed: 3 }),
    );
    expect(plan.action).toBe('run');
    expect(plan.tasks).toHaveLength(healthy.tasks.length - 1);
    expect(plan.allocation.deferred).toBe(1);
    expect(plan.warnings.join('\n')).toMatch(/task generator failed for a \w+ task .*injected failure.*the rest of the plan is returned/);
    // Child streams per task: the surviving tasks are exactly the healthy plan's, less the failed one.
    const healthyPrograms = new Set(healthy.tasks.map((t) => JSON.stringify(t.payload)));
    for (const task of plan.tasks) expect(healthyPrograms.has(JSON.stringify(task.payload))).toBe(true);
  });

  it('a generator returning a malformed task never reaches the plan', async () => {
    const broken: TaskGenerator = (mode, difficulty, rng) => {
      const task = generate(mode, difficulty, rng);
      return mode === 'abduction' ? ({ ...task, payload: { program: 42 } } as never) : task;
    };
    const plan = await createPlanService({ env: {}, clock: () => FIXED_NOW, generate: broken }).plan({ ...SCENARIOS.baseline, seed: 3 });
    expect(plan.tasks.some((t) => t.mode === 'abduction')).toBe(false);
    expect(plan.tasks.length).toBeGreaterThan(0);
    expect(plan.warnings.some((w) => w.includes('failed validation'))).toBe(true);
  });
});
