import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TUNABLES } from '../../lib/config/index.js';
import { generate } from '../../lib/generator/index.js';
import { makePlan, type PlanContext } from '../../lib/planner/index.js';
import { PlanSchema, type Plan } from '../../lib/schema/index.js';
import type { PlannerState } from '../../lib/schema/index.js';
import { TaskBodySchema } from '../../lib/schema/index.js';
import { stateArb } from '../../fixtures/arbitraries.js';
import { expectWithinAllocation } from '../support/plan-invariants.js';
import { FIXED_NOW } from '../support/states.js';

const ctx = (seed: number): PlanContext => ({
  tunables: DEFAULT_TUNABLES,
  seed,
  now: FIXED_NOW,
  generate,
  sources: { resources: 'request', performance: 'request', tunables: 'default' },
});
const plan = (state: PlannerState): Plan => makePlan(state, ctx(state.seed ?? 0));

describe('planner properties over random states', () => {
  it('never past either capacity or the step cap; allocation counts match the tasks', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        const p = PlanSchema.parse(plan(state));
        expectWithinAllocation(p, Math.min(DEFAULT_TUNABLES.maxTasks, state.max_tasks ?? DEFAULT_TUNABLES.maxTasks));
        if (p.action === 'wait') expect(p.retry_after_seconds).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });

  it('priority stays in 1..10 and never falls when a pool has more free resource', () => {
    fc.assert(
      fc.property(
        stateArb,
        fc.constantFrom('alpha', 'beta'),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (state, pool, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const withFree = (f: number): PlannerState => ({
            ...state,
            [`${pool}_free`]: f,
            resources: { ...state.resources, [pool]: { total_units: state.resources?.[pool]?.total_units ?? 8 } },
          });
          const pLo = plan(withFree(lo)).priority;
          const pHi = plan(withFree(hi)).priority;
          expect(pLo).toBeGreaterThanOrEqual(1);
          expect(pHi).toBeLessThanOrEqual(10);
          expect(pHi).toBeGreaterThanOrEqual(pLo);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('same state and seed => byte-identical plan', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        expect(JSON.stringify(plan(state))).toBe(JSON.stringify(plan(structuredClone(state))));
      }),
      { numRuns: 60 },
    );
  });

  it('every returned task is a valid wire-format task of its mode, in the 0..1 difficulty range', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        for (const task of plan(state).tasks) {
          expect(TaskBodySchema.safeParse({ mode: task.mode, payload: task.payload, answer: task.answer }).success).toBe(true);
          expect(task.difficulty).toBeGreaterThanOrEqual(0);
          expect(task.difficulty).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 60 },
    );
  });
});
