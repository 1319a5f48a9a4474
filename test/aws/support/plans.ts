import { PlanSchema } from '../../../lib/schema/index.js';
import type { Plan, PlannedTask } from '../../../lib/schema/index.js';

function task(i: number, programBytes: number): PlannedTask {
  const pool = i % 3 === 0 ? 'beta' : 'alpha';
  return {
    task_id: `t-${i}`,
    mode: 'deduction',
    difficulty: 0.5,
    expected_success: 0.5,
    resource: pool,
    weight: 1,
    description: `task ${i}`,
    payload: { program: `def f(x):\n    return x  # ${'#'.repeat(programBytes)}\n`, input: '[1, 2, 3]' },
    answer: { output: '[1, 2, 3]' },
  };
}

/** A schema-valid plan of `count` deduction tasks, each about `programBytes` long: publisher fixtures, no planner needed. */
export function samplePlan(count: number, programBytes = 200): Plan {
  const tasks = Array.from({ length: count }, (_, i) => task(i, programBytes));
  const alpha = tasks.filter((t) => t.resource === 'alpha').length;
  return PlanSchema.parse({
    plan_id: `plan-${count}`,
    created_at: new Date().toISOString(),
    seed: 7,
    action: count > 0 ? 'run' : 'wait',
    ...(count > 0 ? {} : { retry_after_seconds: 60 }),
    priority: 6,
    tasks,
    allocation: { alpha_tasks_count: alpha, beta_tasks_count: count - alpha, alpha_capacity: count, beta_capacity: count, deferred: 2 },
    modes: [{ mode: 'deduction', ability: 0.5, success_rate: 0.5, target_success: 0.5, target_difficulty: 0.5, tasks: count }],
    rationale: ['deduction only'],
    warnings: [],
    sources: { resources: 'cloudwatch', performance: 'cloudwatch', tunables: 'env' },
    degraded: false,
  });
}
