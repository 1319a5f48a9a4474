import { describe, expect, it } from 'vitest';
import { DEFAULT_TUNABLES, type Tunables } from '../../lib/config/index.js';
import { chooseTarget, TARGET_BINS } from '../../lib/planner/target.js';
import type { ProgressPoint } from '../../lib/schema/index.js';

const t = DEFAULT_TUNABLES;
const step = (target_success: number, ability_gain: number, tasks?: number): ProgressPoint =>
  tasks === undefined ? { target_success, ability_gain } : { target_success, ability_gain, tasks };

describe('chooseTarget: the learning-progress bandit over target-success bins', () => {
  it('keeps the tunable default without history, or when adaptation is off', () => {
    expect(chooseTarget([], t)).toMatchObject({ target: 0.5 });
    const off: Tunables = { ...t, adaptiveTarget: false, targetSuccess: 0.6 };
    expect(chooseTarget([step(0.85, 1)], off)).toMatchObject({ target: 0.6 });
  });

  it('explores the next bin up from the only one with evidence', () => {
    const choice = chooseTarget([step(0.5, 0.01)], t);
    expect(choice.target).toBe(0.65);
    expect(choice.reason).toMatch(/exploring target success 0.65/);
  });

  it('climbs while each step up pays more, and stays at the peak once both neighbours are known', () => {
    const rising = [step(0.5, 0.01), step(0.65, 0.02)];
    expect(chooseTarget(rising, t).target).toBe(0.75);
    const peaked = [...rising, step(0.75, 0.03), step(0.85, 0.025)];
    const choice = chooseTarget(peaked, t);
    expect(choice.target).toBe(0.75);
    expect(choice.reason).toMatch(/highest recent ability gain/);
  });

  it('returns to a better bin when the explored one teaches less, without trying distant bins', () => {
    const choice = chooseTarget([step(0.5, 0.03), step(0.65, 0.02)], t);
    expect(choice.target).toBe(0.5);
  });

  it('compares gains per task: a step that gave the mode twice the tasks does not win on that alone', () => {
    // 0.65 gained more in total, but over 16 tasks against 8: per task it is worse.
    const history = [step(0.5, 0.016, 8), step(0.65, 0.024, 16), step(0.75, 0.001, 8)];
    expect(chooseTarget(history, t).target).toBe(0.5);
  });

  it('ignores steps that gave the mode no task', () => {
    expect(chooseTarget([step(0.5, 0.01, 8), step(0.65, 0, 0)], t).target).toBe(0.65);
  });

  it('retries a neighbour whose evidence has left the history', () => {
    const settled = Array.from({ length: 10 }, () => step(0.85, 0.02));
    expect(chooseTarget(settled, t).target).toBe(0.75);
  });

  it('weighs recent steps more: a bin that has stopped paying loses to a neighbour that pays now', () => {
    const history = [...Array.from({ length: 6 }, () => step(0.65, 0.03)), step(0.5, 0.02), step(0.75, 0.01), ...Array.from({ length: 6 }, () => step(0.65, 0.005))];
    expect(chooseTarget(history, t).target).toBe(0.5);
  });

  it('starts its search at the bin nearest the tunable default', () => {
    const high: Tunables = { ...t, targetSuccess: 0.8 };
    expect(chooseTarget([step(0.85, 0.01)], high).target).toBe(0.75);
  });

  it('only ever answers a bin or the default', () => {
    const history = [step(0.1, 5), step(0.99, -3), step(0.6, Number.MIN_VALUE)];
    expect([...TARGET_BINS, t.targetSuccess]).toContain(chooseTarget(history, t).target);
  });
});
