import { describe, expect, it } from 'vitest';
import { MAX_ENTRY_BYTES, PLAN_DETAIL_TYPE, PLAN_EVENT_SOURCE, entrySize, planEntry } from '../../lib/aws/eventbridge/plan-entry.js';
import { PlanSchema } from '../../lib/schema/index.js';
import { samplePlan } from './support/plans.js';

describe('plan entry for PutEvents', () => {
  it('sends a plan under the limit whole', () => {
    const plan = samplePlan(10);
    const { entry, bytes, trimmed } = planEntry(plan, 'bus');
    expect(entry).toMatchObject({ EventBusName: 'bus', Source: PLAN_EVENT_SOURCE, DetailType: PLAN_DETAIL_TYPE });
    expect(JSON.parse(entry.Detail ?? '')).toEqual(plan);
    expect(bytes).toBe(14 + PLAN_EVENT_SOURCE.length + PLAN_DETAIL_TYPE.length + Buffer.byteLength(entry.Detail ?? ''));
    expect(trimmed).toBeUndefined();
  });

  it('counts UTF-8 bytes, not characters', () => {
    expect(entrySize({ Source: 'é', DetailType: 'x', Detail: '"€"' })).toBe(2 + 1 + 5);
  });

  it('trims an oversized plan to whole tasks that fit, keeping every other field and saying so', () => {
    const plan = samplePlan(600, 600);
    const { entry, bytes, trimmed } = planEntry(plan, 'bus');
    const sent = PlanSchema.parse(JSON.parse(entry.Detail ?? ''));
    expect(bytes).toBeLessThanOrEqual(MAX_ENTRY_BYTES);
    expect(trimmed?.totalTasks).toBe(600);
    expect(trimmed?.fullBytes).toBeGreaterThan(MAX_ENTRY_BYTES);
    expect(sent.tasks).toEqual(plan.tasks.slice(0, trimmed?.sentTasks));
    expect(sent.allocation).toEqual(plan.allocation);
    expect({ ...sent, tasks: [], warnings: [] }).toEqual({ ...plan, tasks: [], warnings: [] });
    expect(sent.warnings.at(-1)).toMatch(new RegExp(`^plan trimmed .* ${trimmed?.sentTasks} of 600 tasks sent`));
    // As many as fit: the room left is less than one more task (plus a digit of the count in the note).
    const oneTask = Buffer.byteLength(JSON.stringify(plan.tasks[0])) + 1;
    expect(MAX_ENTRY_BYTES - bytes).toBeLessThan(oneTask + 2);
  });

  it('refuses a plan that cannot fit even without tasks', () => {
    const plan = { ...samplePlan(1), rationale: ['x'.repeat(MAX_ENTRY_BYTES)] };
    expect(() => planEntry(plan, 'bus')).toThrow(/even without tasks/);
  });
});
