import type { Rng } from '../../random/rng.js';
import type { Mode } from '../../schema/task.js';
import type { Value } from '../ast/types.js';
import type { Probe } from '../tasks/candidate.js';
import type { PlanScope } from './plan-scope.js';
import type { OutputSpread } from './sample.js';
import { DEDUCTION_SAMPLE_SIZE, SAMPLE_SIZE, spreadOf } from './sample.js';
import { isGuessable } from './guesses.js';
import { abductionShortcut, deductionShortcut } from './shortcut.js';

/**
 * Whether an output is worth completing into a task of `mode`, judged from the value alone: deduction
 * and abduction drop guessable outputs, and abduction small ints too, whose preimages are nearly always
 * broad (94% of abduction candidates with |output| < 10 had a sampled input reaching the output).
 */
export function promising(mode: Mode, output: Value): boolean {
  if (mode === 'induction') return true;
  if (isGuessable(output)) return false;
  return mode === 'deduction' || typeof output !== 'number' || Math.abs(output) >= 10;
}

/**
 * Whether a deduction or abduction probe makes a task worth a solver's attempt, with the spread of its
 * outputs (null: drop it). Dropped: a shortcut answer (shortcut.ts), an output that ignores the input,
 * and for abduction an output any sampled input reaches or that another task of the plan shares an
 * answer with. The free checks come first, then the sample. No sampled input may reach an abduction
 * output: allowing 1 in 16 left 23% of abduction tasks answerable by another task's input in 128-task
 * plans without the plan scope (measured in test/generator/shortcuts.test.ts).
 */
export function screen(mode: Exclude<Mode, 'induction'>, p: Probe, rng: Rng, scope: PlanScope | undefined): OutputSpread | null {
  const program = p.built.program;
  if (mode === 'deduction' ? deductionShortcut(p.args, p.output) : abductionShortcut(program, p.argTypes, p.args, p.output)) return null;
  if (mode === 'deduction') {
    const s = spreadOf(program, p.argTypes, p.size, p.output, rng, DEDUCTION_SAMPLE_SIZE);
    return s !== null && s.varies ? s : null;
  }
  // The plan's other answers join the sample: with no hit allowed, none of them reaches this output.
  const s = spreadOf(program, p.argTypes, p.size, p.output, rng, SAMPLE_SIZE, 0, scope?.inputsFor(program));
  if (s === null || !s.varies || s.preimageShare > 0 || scope?.answersHeld(program, p.args) === true) return null;
  return s;
}
