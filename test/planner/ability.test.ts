import { describe, expect, it } from 'vitest';
import { DEFAULT_TUNABLES } from '../../lib/config/index.js';
import { abilityOf } from '../../lib/planner/ability.js';
import type { ModeView } from '../../lib/planner/normalise.js';

const view = (successRate: number, samples: number, difficulty = 0.5): ModeView => ({ known: true, successRate, difficulty, samples, history: [] });

describe('ability step', () => {
  it('at 50% success the ability is the difficulty measured at', () => {
    expect(abilityOf(view(0.5, 64, 0.3), DEFAULT_TUNABLES).ability).toBeCloseTo(0.3, 12);
  });

  it('more success => more ability; few samples pull the rate toward 0.5', () => {
    const strong = abilityOf(view(0.9, 64), DEFAULT_TUNABLES);
    const weak = abilityOf(view(0.2, 64), DEFAULT_TUNABLES);
    expect(strong.ability).toBeGreaterThan(weak.ability);
    expect(abilityOf(view(1, 2), DEFAULT_TUNABLES).success).toBeLessThan(abilityOf(view(1, 200), DEFAULT_TUNABLES).success);
    expect(abilityOf(view(1, 1e6), DEFAULT_TUNABLES).success).toBeLessThan(1);
  });
});
