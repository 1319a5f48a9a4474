import { generatesTasks, makePlan, type PlanInputs, type TaskGenerator } from '../planner/plan.js';
import type { PlannerState } from '../schema/state.js';
import { warn } from '../planner/warnings.js';
import { toBody, type BodyPlanner, type PlanBody } from '../service/plan-body.js';
import { PoolBusyError, type WorkerPool } from './worker-pool.js';

/** What a plan worker is sent: the merged state and the plain inputs of makePlan. */
export interface PlanJob {
  state: PlannerState;
  inputs: PlanInputs;
}

/** What a plan worker does with a job, with the generator it was started with. */
export const planJob = (generate: TaskGenerator) => ({ state, inputs }: PlanJob): PlanBody =>
  toBody(makePlan(state, { ...inputs, generate }));

/**
 * Run plans (task generation, nearly all of a plan's CPU) go to the worker threads, leaving the event loop to
 * HTTP, probes and `wait` plans, which are answered inline as a round trip to a thread would cost more than
 * they do. A worker that fails costs nothing but time: the plan is made inline, with a warning. A pool that
 * is full or past a job's deadline is not bypassed (planning inline would move the overload onto the event
 * loop): its PoolBusyError reaches the caller, which sheds the request.
 */
export function poolPlanner(pool: WorkerPool<PlanJob, PlanBody>, generate: TaskGenerator): BodyPlanner {
  const inline = planJob(generate);
  return async (state, inputs) => {
    if (!generatesTasks(state, inputs.tunables)) return inline({ state, inputs });
    try {
      return await pool.run({ state, inputs });
    } catch (error) {
      if (error instanceof PoolBusyError) throw error;
      return inline({ state, inputs: { ...inputs, warnings: [...(inputs.warnings ?? []), warn.workerFailed(error)] } });
    }
  };
}
