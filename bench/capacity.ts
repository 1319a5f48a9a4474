import fc from 'fast-check';
import { DEFAULT_TUNABLES } from '../lib/config/index.js';
import { createPlanService } from '../lib/service/index.js';
import { stateArb } from '../fixtures/arbitraries.js';
import { check, fmt, info, type PartResult } from './support/report.js';

const STATES = Number(process.env.CAPACITY_STATES ?? 10_000);

/**
 * How fully the plans use the free compute they are offered, over random states (the property tests'
 * generator, out-of-range values included), and how often a plan asks for more than is free (must be never).
 */
export async function run(): Promise<PartResult> {
  const service = createPlanService({ env: {} });
  const states = fc.sample(stateArb, { numRuns: STATES, seed: 7 });
  let offered = 0;
  let planned = 0;
  let overAllocations = 0;
  let waits = 0;
  let deferred = 0;
  let fullyUsed = 0;
  for (const state of states) {
    const plan = await service.plan(state);
    const alpha = plan.tasks.filter((t) => t.resource === 'alpha').length;
    const beta = plan.tasks.filter((t) => t.resource === 'beta').length;
    const cap = Math.min(DEFAULT_TUNABLES.maxTasks, state.max_tasks ?? DEFAULT_TUNABLES.maxTasks);
    const available = Math.min(plan.allocation.alpha_capacity + plan.allocation.beta_capacity, cap);
    if (
      alpha > plan.allocation.alpha_capacity ||
      beta > plan.allocation.beta_capacity ||
      alpha + beta > cap ||
      alpha !== plan.allocation.alpha_tasks_count ||
      beta !== plan.allocation.beta_tasks_count
    ) {
      overAllocations += 1;
    }
    offered += available;
    planned += alpha + beta;
    if (alpha + beta === available) fullyUsed += 1;
    if (plan.action === 'wait') waits += 1;
    deferred += plan.allocation.deferred;
  }
  const use = offered === 0 ? 1 : planned / offered;
  const figures = { states: STATES, offered_tasks: offered, planned_tasks: planned, use, states_fully_used: fullyUsed, wait_plans: waits, deferred_tasks: deferred, over_allocations: overAllocations };
  return {
    figures,
    rows: [
      info('random states planned', fmt(STATES)),
      info('planned / available capacity', `${fmt(planned)} / ${fmt(offered)} = ${fmt(use, 4)}`),
      info('states using all available capacity', `${fmt(fullyUsed)} (${fmt((100 * fullyUsed) / STATES, 1)}%)`),
      info('wait plans; tasks deferred', `${fmt(waits)}; ${fmt(deferred)}`),
      check('over-allocations', fmt(overAllocations), '0', overAllocations === 0),
    ],
  };
}
