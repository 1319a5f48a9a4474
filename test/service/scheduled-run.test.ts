import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../lib/log/index.js';
import type { Observation } from '../../lib/planner/index.js';
import type { Plan } from '../../lib/schema/index.js';
import { createScheduledRun, type PlanMetrics, type PlanSink, type StateSource } from '../../lib/service/index.js';
import { FIXED_NOW } from '../support/states.js';

/**
 * The scheduled use case on fake ports (the AWS wiring of the same run is tested against moto in
 * test/aws/scheduled.test.ts): what reaches the sink and the metrics, and which failures stop the run.
 */
const OBSERVED: Observation = {
  resources: { alpha: { utilization: 0.25, total_units: 8 }, beta: { utilization: 0.5, total_units: 32 } },
  performance: { deduction: { success_rate: 0.8 }, abduction: { success_rate: 0.5 }, induction: { success_rate: 0.2 } },
  warnings: ['one series had no datapoints'],
};

function ports(fail: { sink?: Error; metrics?: Error } = {}) {
  const published: { plan: Plan; destination: string; attempts: number }[] = [];
  const recorded: { plan: Plan; namespace: string }[] = [];
  const stateSource: StateSource = { name: 'cloudwatch', observe: async () => OBSERVED };
  const sink: PlanSink = {
    name: 'memory',
    publish: async (plan, { destination, attempts }) => {
      if (fail.sink) throw fail.sink;
      published.push({ plan, destination, attempts });
      return { eventId: `event-${published.length}`, bytes: JSON.stringify(plan).length };
    },
  };
  const metrics: PlanMetrics = {
    record: async (plan, t) => {
      if (fail.metrics) throw fail.metrics;
      recorded.push({ plan, namespace: t.planMetricsNamespace });
    },
  };
  const logger = createLogger('SILENT');
  const run = createScheduledRun({ env: { EVENT_BUS_NAME: 'bus-a' }, clock: () => FIXED_NOW, stateSource, sink, metrics, logger });
  return { run, published, recorded, logger };
}

describe('the scheduled run on its ports', () => {
  it('plans from the observed state, publishes the plan to the configured destination and records its metrics', async () => {
    const { run, published, recorded } = ports();
    const result = await run({ state: { seed: 7 }, trigger: 'test' });
    expect(published).toHaveLength(1);
    const plan = published[0]!.plan;
    expect(published[0]).toMatchObject({ destination: 'bus-a', attempts: 2 });
    expect(plan.sources).toEqual({ resources: 'cloudwatch', performance: 'cloudwatch', tunables: 'env' });
    expect(plan.warnings).toContain('one series had no datapoints');
    expect(recorded).toEqual([{ plan, namespace: 'Osiris/AZRPlanner' }]);
    expect(result).toMatchObject({ plan_id: plan.plan_id, event_id: 'event-1', tasks: plan.tasks.length, metrics_recorded: true, trimmed: false });
  });

  it('a failing sink fails the run (so the schedule retries); failing metrics only log', async () => {
    await expect(ports({ sink: new Error('bus down') }).run({ state: {}, trigger: 'test' })).rejects.toThrow('bus down');
    const quiet = ports({ metrics: new Error('metrics down') });
    const error = vi.spyOn(quiet.logger, 'error');
    const result = await quiet.run({ state: {}, trigger: 'test' });
    expect(result.metrics_recorded).toBe(false);
    expect(quiet.published).toHaveLength(1);
    expect(error).toHaveBeenCalledWith('plan metrics not recorded', expect.anything());
  });
});
