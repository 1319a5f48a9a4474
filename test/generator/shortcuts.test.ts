import { describe, expect, it } from 'vitest';
import { AZR_PAIRS, generate } from '../../lib/generator/index.js';
import { createRng } from '../../lib/random/rng.js';
import type { GeneratedTask } from '../../lib/schema/task.js';
import { MODES } from '../../lib/schema/task.js';
import { pythonJson } from './python.js';

/** One AZR step: 64 propose + 64 solve tasks per mode, generated as the planner does (a scope per plan, a child stream per task). */
const PER_MODE = 128;
const PLANS = 8;

function plan(seed: number): GeneratedTask[] {
  const rng = createRng(seed);
  const opts = { ...AZR_PAIRS, plan: {} };
  const out: GeneratedTask[] = [];
  for (const mode of MODES) for (let i = 0; i < PER_MODE; i++) out.push(generate(mode, rng.next(), rng.fork(), opts));
  return out;
}

type Counts = Record<'deduction' | 'abduction' | 'induction', { tasks: number; trivial: number; cross?: number; not_an_input?: number; broad?: number; preimage_hits?: number; preimage_runs?: number }>;

const measure = (plans: GeneratedTask[][]): Counts => pythonJson<Counts>('./shortcuts.py', plans);

describe('no shortcut answers (issue 15), measured by python3 over whole plans', () => {
  const plans = Array.from({ length: PLANS }, (_, i) => plan(9100 + i));
  const counts = measure(plans);

  it.each(MODES)(`%s: at most 1 in 100 of ${PLANS * PER_MODE} tasks have an answer a constant guess gets`, (mode) => {
    const c = counts[mode];
    console.log(`${mode}: ${c.trivial} of ${c.tasks} tasks with a shortcut answer`);
    expect(c.tasks).toBe(PLANS * PER_MODE);
    expect(c.trivial / c.tasks).toBeLessThanOrEqual(0.01);
  });

  it('abduction: at most 2% of tasks are answered by another abduction task of the same plan', () => {
    const c = counts.abduction;
    console.log(`abduction: ${c.cross} of ${c.tasks} answered by another task's input; ${c.not_an_input} by '__not_an_input__'`);
    expect(c.cross! / c.tasks).toBeLessThanOrEqual(0.02);
    expect(c.not_an_input! / c.tasks).toBeLessThanOrEqual(0.01);
  });

  // The generator keeps a task only when none of its own 16 sampled inputs reaches the output; python's
  // inputs are drawn independently (other sizes and ranges), so a few tasks come out broader here.
  it('abduction: preimages are narrow under inputs python draws (mean share <= 1%, at most 5% of tasks over 1 in 16)', () => {
    const c = counts.abduction;
    console.log(`abduction: ${c.broad} of ${c.tasks} with a broad preimage; mean preimage share ${(c.preimage_hits! / c.preimage_runs!).toFixed(4)}`);
    expect(c.preimage_hits! / c.preimage_runs!).toBeLessThanOrEqual(0.01);
    expect(c.broad! / c.tasks).toBeLessThanOrEqual(0.05);
  });

  it('the python measure counts the shortcuts it is shown (the check can fail)', () => {
    const abd = (input: string) => ({ mode: 'abduction', payload: { program: 'def f(s):\n    return len(s) % 3 + 5', output: '7' }, answer: { input } });
    const ded = { mode: 'deduction', payload: { program: 'def f(xs):\n    return sorted(xs)', input: '[1, 2]' }, answer: { output: '[1, 2]' } };
    const c = measure([[abd("'ab'"), abd("'cd'"), ded] as unknown as GeneratedTask[]]);
    expect(c.abduction.cross).toBe(2);
    expect(c.abduction.broad).toBe(2);
    expect(c.deduction.trivial).toBe(1);
  });
});
