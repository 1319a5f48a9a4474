import { describe, expect, it } from 'vitest';
import { generate } from '../../lib/generator/index.js';
import { generateTasks, spreadAround, type TaskGenerator } from '../../lib/planner/generate.js';
import { createRng } from '../../lib/random/index.js';

/** A fresh plan's task options: AZR's pair counts, a plan object of its own. */
const opts = () => ({ visiblePairs: 5, hiddenPairs: 5, plan: {} });

describe('generate step', () => {
  it('spreads difficulties evenly over the band, clamped to 0..1', () => {
    expect(spreadAround(0.5, 1, 0.04)).toEqual([0.5]);
    expect(spreadAround(0.5, 3, 0.04)).toEqual([0.46, 0.5, 0.54]);
    expect(spreadAround(0.99, 2, 0.04)).toEqual([0.95, 1]);
  });

  it('every task carries its checked wire body and its order', () => {
    const orders = [
      { mode: 'deduction' as const, difficulty: 0.3, count: 2 },
      { mode: 'induction' as const, difficulty: 0.6, count: 1 },
    ];
    const { generated, failures } = generateTasks(orders, generate, createRng(3), 0.04, opts());
    expect(failures).toEqual([]);
    expect(generated.map((g) => [g.order.mode, g.body.mode])).toEqual([
      ['deduction', 'deduction'],
      ['deduction', 'deduction'],
      ['induction', 'induction'],
    ]);
    expect(Object.keys(generated[0]!.body)).toEqual(['mode', 'payload', 'answer']);
  });

  it('a failing or lying generator costs only its task, with a generator_failed warning', () => {
    const lying: TaskGenerator = (mode, d, rng, o) => ({ ...generate(mode, d, rng, o), mode: 'abduction' }) as never;
    const throwing: TaskGenerator = () => {
      throw new Error('injected');
    };
    for (const bad of [lying, throwing]) {
      const { generated, failures } = generateTasks([{ mode: 'deduction', difficulty: 0.5, count: 2 }], bad, createRng(1), 0.04, opts());
      expect(generated).toEqual([]);
      expect(failures.map((f) => [f.code, f.source])).toEqual([
        ['generator_failed', 'generator'],
        ['generator_failed', 'generator'],
      ]);
    }
  });

  it("one child stream per task: a sibling's failure never changes the others", () => {
    let calls = 0;
    const flaky: TaskGenerator = (mode, d, rng, o) => {
      calls += 1;
      if (calls === 1) throw new Error('first fails');
      return generate(mode, d, rng, o);
    };
    const order = [{ mode: 'abduction' as const, difficulty: 0.5, count: 3 }];
    const healthy = generateTasks(order, generate, createRng(9), 0.04, opts()).generated;
    const withFailure = generateTasks(order, flaky, createRng(9), 0.04, opts()).generated;
    expect(withFailure.map((g) => g.body)).toEqual(healthy.slice(1).map((g) => g.body));
  });
});
