import type { Rng } from '../random/rng.js';
import { TaskBodySchema, type GeneratedTask, type Mode, type TaskBody } from '../schema/task.js';
import { clamp } from './rasch.js';
import { warn, type PlanWarning } from './warnings.js';

/**
 * What a plan asks of every task besides mode and difficulty: induction's shown and hidden pair counts
 * (tunables), and `plan`, one object for all the plan's tasks, under which a generator may keep what it
 * needs across them (lib/generator keeps the abduction tasks, so no answer of one answers another).
 */
export interface TaskOptions {
  visiblePairs: number;
  hiddenPairs: number;
  plan: object;
}

/** The task generator the planner is handed (lib/generator's `generate`, or a fake in tests). */
export type TaskGenerator = (mode: Mode, difficulty: number, rng: Rng, opts?: TaskOptions) => GeneratedTask;

/** What the step asks of one mode: how many tasks around which difficulty. */
export interface TaskOrder {
  mode: Mode;
  difficulty: number;
  count: number;
}

/** A task that passed the wire schema: its body as sent, and what placement and the plan need of the rest. */
export interface Generated<O extends TaskOrder = TaskOrder> {
  order: O;
  body: TaskBody;
  difficulty: number;
  weight: number;
  description: string;
}

/** Difficulties spread evenly across [b* - spread, b* + spread], so the step also probes the frontier. */
export function spreadAround(center: number, count: number, spread: number): number[] {
  if (count === 1) return [center];
  return Array.from({ length: count }, (_, i) => clamp(center + spread * (-1 + (2 * i) / (count - 1)), 0, 1));
}

/**
 * Every ordered task, generated and checked against the wire schema (the generator is a port: whatever it
 * returns is checked); each failure becomes a warning and the rest of the plan stands.
 */
export function generateTasks<O extends TaskOrder>(
  orders: readonly O[],
  generate: TaskGenerator,
  rng: Rng,
  spread: number,
  opts: TaskOptions,
): { generated: Generated<O>[]; failures: PlanWarning[] } {
  const generated: Generated<O>[] = [];
  const failures: PlanWarning[] = [];
  for (const order of orders) {
    for (const difficulty of spreadAround(order.difficulty, order.count, spread)) {
      // One child stream per task: a failure or a retry inside one task never shifts its siblings.
      const child = rng.fork();
      try {
        const task = generate(order.mode, difficulty, child, opts);
        const checked = TaskBodySchema.safeParse({ mode: task.mode, payload: task.payload, answer: task.answer });
        if (!checked.success || task.mode !== order.mode) throw new Error('generated task failed validation');
        generated.push({ order, body: checked.data, difficulty: task.difficulty, weight: task.weight, description: task.description });
      } catch (error) {
        failures.push(warn.generatorFailed(order.mode, difficulty, error));
      }
    }
  }
  return { generated, failures };
}
