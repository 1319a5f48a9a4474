import { describe, expect, it } from 'vitest';
import { DEFAULT_TUNABLES } from '../../lib/config/index.js';
import { explain, type ModeDecision, type Trace } from '../../lib/planner/explain.js';

const decision = (mode: ModeDecision['mode'], ability: number, count: number): ModeDecision => ({
  mode,
  view: { known: true, successRate: 0.5, difficulty: 0.5, samples: 64, history: [] },
  success: 0.5,
  ability,
  slope: 6,
  basis: 'latest rate',
  target: 0.5,
  reason: 'default target success 0.5',
  targetDifficulty: ability,
  count,
});

const capacity = { pools: { alpha: 7, beta: 14 }, total: 21, maxTasks: 24 };

describe('explain step', () => {
  it('one line per step that ran, in order', () => {
    const trace: Trace = {
      capacity,
      decisions: [decision('deduction', 0.7, 3), decision('induction', 0.2, 18)],
      mixed: true,
      placement: { placed: { alpha: 7, beta: 13 }, deferred: 1 },
      priority: { value: 8, idle: 0.6, urgency: 0.59 },
    };
    const lines = explain(trace, DEFAULT_TUNABLES);
    expect(lines[0]).toBe('capacity: alpha 7, beta 14 tasks (headroom 0.1); step of 21 (cap 24)');
    expect(lines[3]).toMatch(/^induction is weakest .*: 18 of 21 tasks; mix deduction 3, induction 18/);
    expect(lines[4]).toBe('placement: 7 heaviest on alpha, 13 on beta, 1 deferred');
    expect(lines[5]).toBe('priority 8: headroom 0.60 (0 busy..1 idle), learning urgency 0.59');
    expect(lines).toHaveLength(6);
  });

  it('a wait ends the rationale; a single mode has no mix line', () => {
    const lines = explain({ capacity, decisions: [decision('abduction', 0.5, 0)], mixed: true, wait: 'no task could be generated' }, DEFAULT_TUNABLES);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe(`wait: no task could be generated; retry in ${DEFAULT_TUNABLES.waitRetrySeconds}s (priority 1)`);
  });
});
