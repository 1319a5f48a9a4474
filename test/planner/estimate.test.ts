import { describe, expect, it } from 'vitest';
import { DEFAULT_TUNABLES } from '../../lib/config/tunables.js';
import { weightedLeastSquares } from '../../lib/planner/estimate/least-squares.js';
import { BLOCK, chooseTargets } from '../../lib/planner/estimate/target-policy.js';
import { fitTrajectory } from '../../lib/planner/estimate/trajectory.js';
import { createRng } from '../../lib/random/rng.js';
import type { HistoryStep } from '../../lib/schema/state.js';
import { MODES } from '../../lib/schema/task.js';
import { closedLoop } from './support/closed-loop.js';

const t = DEFAULT_TUNABLES;
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(p / (1 - p));

/**
 * A trainer's history of a learner with true slope `slope`, noise-free rates (expected successes) over 64 rollouts,
 * difficulties set for each step's target from the true ability plus a small jitter (as a noisy loop sets them).
 */
function history(
  slope: number,
  targets: readonly number[],
  gainPerTask: number | ((target: number) => number) = 0.001,
  seed = 1,
): { steps: HistoryStep[]; abilities: number[] } {
  const rng = createRng(seed);
  const gain = typeof gainPerTask === 'number' ? () => gainPerTask : gainPerTask;
  let ability = 0.3;
  const steps: HistoryStep[] = [];
  const abilities: number[] = [];
  for (const target of targets) {
    const difficulty = ability - logit(target) / slope + 0.04 * (rng.next() - 0.5);
    steps.push({ difficulty, success_rate: sigmoid(slope * (ability - difficulty)), rollouts: 64, tasks: 8, target_success: target });
    ability += 8 * gain(target);
    abilities.push(ability);
  }
  return { steps, abilities };
}

describe('weighted least squares with priors', () => {
  it('recovers exact coefficients, and a prior holds a coefficient the data cannot see', () => {
    const rows = [0, 1, 2, 3, 4].map((x) => ({ x: [1, x, 0], y: 2 + 3 * x, w: 1 }));
    const fit = weightedLeastSquares(rows, 3, [{ index: 2, mean: 7, sd: 0.1 }]);
    expect(fit.coef[0]).toBeCloseTo(2, 4);
    expect(fit.coef[1]).toBeCloseTo(3, 4);
    expect(fit.coef[2]).toBeCloseTo(7, 4);
    expect(fit.cov[2]![2]).toBeCloseTo(0.01, 4);
  });
});

describe('fitted ability trajectory', () => {
  it('measures a true slope far from the tunable one from the spread of difficulties', () => {
    for (const slope of [3, 10]) {
      const { steps } = history(slope, Array.from({ length: 24 }, (_, i) => (i < 12 ? 0.5 : 0.75)));
      const fit = fitTrajectory(steps, { slope: t.raschSlope, reference: t.targetSuccess })!;
      expect(Math.abs(fit.slope - slope) / slope).toBeLessThan(0.2);
    }
  });

  it('does not jump when only the target changes, where the single-rate estimate does', () => {
    const targets = Array.from({ length: 20 }, (_, i) => (i < 16 ? 0.5 : 0.85));
    const { steps, abilities } = history(3, targets);
    const before = fitTrajectory(steps.slice(0, 16), { slope: t.raschSlope, reference: t.targetSuccess })!.ability;
    const after = fitTrajectory(steps.slice(0, 17), { slope: t.raschSlope, reference: t.targetSuccess })!.ability;
    const single = (h: HistoryStep) => h.difficulty + logit(h.success_rate) / t.raschSlope;
    const singleJump = Math.abs(single(steps[16]!) - single(steps[15]!));
    const trueStep = abilities[16]! - abilities[15]!;
    expect(singleJump).toBeGreaterThan(0.1);
    expect(Math.abs(after - before - trueStep)).toBeLessThan(0.02);
    expect(Math.abs(after - abilities[16]!)).toBeLessThan(0.03);
  });

  it('credits progress to the target it was trained at: the faster target shows a positive contrast', () => {
    const { steps } = history(6, Array.from({ length: 48 }, (_, i) => (Math.floor(i / 8) % 2 ? 0.8 : 0.5)), 0.001);
    // Remake the 0.8 steps' learning twice as fast: the ability after each step depends on the bin it trained at.
    let ability = 0.3;
    const rng = createRng(2);
    const fast = steps.map((s) => {
      const difficulty = ability - logit(s.target_success) / 6 + 0.04 * (rng.next() - 0.5);
      const step = { ...s, difficulty, success_rate: sigmoid(6 * (ability - difficulty)) };
      ability += 8 * (s.target_success === 0.8 ? 0.002 : 0.001);
      return step;
    });
    const contrast = fitTrajectory(fast, { slope: 6, reference: 0.5 })!.contrast(0.8, 0.5)!;
    expect(contrast.mean).toBeGreaterThan(0);
    expect(contrast.mean / Math.sqrt(contrast.variance)).toBeGreaterThan(1);
  });

  it('credits a step the plan clamped to an end of the scale to the success it had, not the target it echoes', () => {
    // A mode no task is easy enough for: 16 steps at difficulty 0 whose rate (~0.2) is far from any target, then 16
    // in range at 0.5. Whatever target the clamped steps echo, they trained at the same success and say the same.
    let ability = -0.25;
    const steps = (echo: number, shift: number): HistoryStep[] =>
      Array.from({ length: 32 }, (_, i) => {
        if (i === 0) ability = -0.25;
        const clamped = i < 16;
        const difficulty = clamped ? 0 : ability;
        const step = { difficulty: difficulty + shift, success_rate: sigmoid(6 * (ability - difficulty)), rollouts: 64, tasks: 8, target_success: clamped ? echo : 0.5 };
        ability += 8 * (clamped ? 0.003 : 0.001);
        return step;
      });
    const fit = (h: HistoryStep[]) => fitTrajectory(h, { slope: 6, reference: 0.5 })!;
    const [low, high] = [fit(steps(0.5, 0)), fit(steps(0.9, 0))];
    expect(high.ability).toBeCloseTo(low.ability, 9);
    expect(high.contrast(0.8, 0.5).mean).toBeCloseTo(low.contrast(0.8, 0.5).mean, 9);
    // Control: the same rates measured inside the scale (every difficulty moved by 0.3) are credited to their echo.
    const [insideLow, insideHigh] = [fit(steps(0.5, 0.3)), fit(steps(0.9, 0.3))];
    expect(Math.abs(insideHigh.contrast(0.8, 0.5).mean - insideLow.contrast(0.8, 0.5).mean)).toBeGreaterThan(1e-4);
  });

  it('gives no fit when no step has a rollout, and none that is not finite', () => {
    expect(fitTrajectory([{ difficulty: 0.5, success_rate: 0, rollouts: 0, tasks: 8, target_success: 0.5 }], { slope: 6, reference: 0.5 })).toBeUndefined();
    const extreme = Array.from({ length: 30 }, (): HistoryStep => ({ difficulty: 1, success_rate: 1, rollouts: 512, tasks: 64, target_success: 0.9 }));
    const fit = fitTrajectory(extreme, { slope: 6, reference: 0.5 });
    expect(fit === undefined || Number.isFinite(fit.ability)).toBe(true);
  });

  it('uses the last step\'s per-task outcomes when given (two points at their own difficulties)', () => {
    const { steps } = history(6, Array.from({ length: 6 }, () => 0.5));
    const last = steps.at(-1)!;
    const outcomes = [
      { difficulty: last.difficulty - 0.1, successes: 28, trials: 32 },
      { difficulty: last.difficulty + 0.1, successes: 4, trials: 32 },
    ];
    const plain = fitTrajectory(steps, { slope: 6, reference: 0.5 })!;
    const withOutcomes = fitTrajectory(steps, { slope: 6, reference: 0.5, lastOutcomes: outcomes })!;
    expect(withOutcomes.slope).not.toBeCloseTo(plain.slope, 3);
  });
});

describe('target policy', () => {
  const evidence = (steps: HistoryStep[]) =>
    MODES.map((mode) => ({ mode, history: steps, fit: fitTrajectory(steps, { slope: 6, reference: 0.5 }) }));

  it('keeps the default without history, and always when adaptation is off', () => {
    expect(chooseTargets([], MODES, t).get('induction')?.target).toBe(t.targetSuccess);
    const { steps } = history(6, Array.from({ length: 40 }, () => 0.8));
    const off = chooseTargets(evidence(steps), MODES, { ...t, adaptiveTarget: false });
    expect([...off.values()].every((c) => c.target === t.targetSuccess && /adaptation off/.test(c.reason))).toBe(true);
  });

  it('holds a target for a block, then probes the next one up', () => {
    const { steps } = history(6, Array.from({ length: BLOCK - 1 }, () => 0.5));
    expect(chooseTargets(evidence(steps), MODES, t).get('deduction')).toMatchObject({ target: 0.5, reason: expect.stringMatching(/holding/) });
    const full = history(6, Array.from({ length: BLOCK }, () => 0.5)).steps;
    expect(chooseTargets(evidence(full), MODES, t).get('deduction')).toMatchObject({ target: 0.65, reason: expect.stringMatching(/probing/) });
  });
});

describe('target policy on a gain curve', () => {
  const evidence = (steps: HistoryStep[]) => MODES.map((mode) => ({ mode, history: steps, fit: fitTrajectory(steps, { slope: 6, reference: 0.5 }) }));
  // The default, a block's probe one bin up, and the default again: the probe is bracketed.
  const targets = [...Array.from({ length: BLOCK }, () => 0.5), ...Array.from({ length: BLOCK }, () => 0.65), ...Array.from({ length: BLOCK }, () => 0.5)];

  it('adopts a tried target whose gain is clearly higher, and probes further the way the curve rises', () => {
    const { steps } = history(6, targets, (p) => (p > 0.6 ? 0.003 : 0.001));
    const choice = chooseTargets(evidence(steps), MODES, t).get('deduction')!;
    expect(choice.target).toBe(0.8);
    expect(choice.reason).toMatch(/probing target success 0.8 .* beside 0.65 \(target success 0.65: gain/);
  });

  it('keeps the default when the probe taught less, and does not look further up', () => {
    const { steps } = history(6, targets, (p) => (p > 0.6 ? 0.0007 : 0.001));
    const choice = chooseTargets(evidence(steps), MODES, t).get('deduction')!;
    expect(choice.target).toBeLessThanOrEqual(0.5);
    expect(choice.reason).toMatch(/0.5 kept/);
  });

  it('probes downward only once the curve falls clearly upward', () => {
    const probeBelow = (atProbe: number) =>
      chooseTargets(evidence(history(6, targets, (p) => (p > 0.6 ? atProbe : 0.001)).steps), MODES, t).get('deduction')!.target;
    expect(probeBelow(0.0003)).toBe(0.35);
    expect(probeBelow(0.00095)).toBe(0.5);
  });

  it('does not adopt a target on evidence within its noise: a gain 5% higher at the probe keeps the default', () => {
    const adopted = Array.from({ length: 20 }, (_, seed) => {
      const rng = createRng(100 + seed);
      // Each mode its own learner, its rates sampled over 64 rollouts as a trainer measures them.
      const sampled = MODES.map((mode, m) => {
        const { steps } = history(6, targets, (p) => (p > 0.6 ? 0.00105 : 0.001), 3 * seed + m);
        const noisy = steps.map((h) => ({ ...h, success_rate: Array.from({ length: 64 }, () => rng.next() < h.success_rate).filter(Boolean).length / 64 }));
        return { mode, history: noisy, fit: fitTrajectory(noisy, { slope: 6, reference: 0.5 }) };
      });
      return chooseTargets(sampled, MODES, t).get('deduction')!.reason;
    }).filter((reason) => !/0.5 kept/.test(reason)).length;
    expect(adopted).toBeLessThanOrEqual(3);
  });
});

describe('closed loop (estimator driving a simulated trainer, 64 rollouts per mode and step)', () => {
  const SEEDS = 40;

  it('keeps the default under pure noise: a learner whose gain does not depend on the target', () => {
    // Over six blocks the policy probes; on noise alone it must not adopt another target in most runs: the default
    // holds most of the last three blocks (probes take the rest).
    const runs = Array.from({ length: SEEDS }, (_, seed) => closedLoop({ slope: 6, gain: () => 0.001 }, 6 * BLOCK, seed));
    const kept = runs.filter((run) => run.slice(-3 * BLOCK).filter((s) => s.targets.deduction === t.targetSuccess).length >= 1.5 * BLOCK).length;
    expect(kept).toBeGreaterThanOrEqual(Math.ceil(0.75 * SEEDS));
    // And it did look: every run probed a neighbour at least once.
    expect(runs.every((run) => run.some((s) => s.targets.deduction !== t.targetSuccess))).toBe(true);
  });

  it('leaves the default for a learner that learns three times faster at high success, in most runs', () => {
    const gain = (p: number) => 0.0015 * (p ** 3.4 * (1 - p) ** 0.6) / (0.85 ** 3.4 * 0.15 ** 0.6);
    const moved = Array.from({ length: SEEDS }, (_, seed) => closedLoop({ slope: 6, gain }, 64, seed)).filter((run) =>
      run.slice(-BLOCK).every((s) => MODES.every((m) => s.targets[m] >= 0.65)),
    ).length;
    expect(moved).toBeGreaterThanOrEqual(Math.ceil(0.6 * SEEDS));
  });

  it('tracks the ability with a slope of 3 or 10 against the tunable 6: solve rates stay near the target', () => {
    for (const slope of [3, 10]) {
      const chances = Array.from({ length: 10 }, (_, seed) => closedLoop({ slope, gain: () => 0.0005 }, 32, seed, { ...t, adaptiveTarget: false }))
        .flatMap((run) => run.slice(8))
        .flatMap((s) => MODES.map((m) => s.chances[m]));
      const mean = chances.reduce((a, b) => a + b, 0) / chances.length;
      expect(Math.abs(mean - t.targetSuccess)).toBeLessThan(0.05);
      // Overshoot would swing the chance between extremes: most steps stay within 0.25 of the target.
      expect(chances.filter((p) => Math.abs(p - t.targetSuccess) < 0.25).length).toBeGreaterThan(0.9 * chances.length);
    }
  });
});
