import type { Rng } from '../../random/rng.js';
import type { Mode } from '../../schema/task.js';
import type { Probe } from '../tasks/candidate.js';
import type { PlanScope } from './plan-scope.js';
import type { OutputSpread } from './sample.js';
import { DEDUCTION_SAMPLE_SIZE, SAMPLE_SIZE, spreadOf } from './sample.js';
import { abductionShortcut, deductionShortcut } from './shortcut.js';

/**
 * Largest share of sampled random inputs that may reach an abduction task's output: none of the 16.
 * Allowing 1 in 16 left 23% of abduction tasks answerable by another task's input in 128-task plans
 * without the plan scope; with none, the scope catches the rest (measured in test/generator/shortcuts.test.ts).
 */
export const MAX_PREIMAGE_SHARE = 0;

/**
 * Whether a deduction or abduction probe makes a task worth a solver's attempt, with the spread of its
 * outputs (null: drop it). Dropped: a shortcut answer (shortcut.ts), an output that ignores the input,
 * and for abduction an output many inputs reach or that another task of the plan shares an answer with.
 * The free checks come first, then the sample.
 */
export function screen(mode: Exclude<Mode, 'induction'>, p: Probe, rng: Rng, scope: PlanScope | undefined): OutputSpread | null {
  const program = p.built.program;
  if (mode === 'deduction' ? deductionShortcut(p.args, p.output) : abductionShortcut(program, p.argTypes, p.args, p.output)) return null;
  const s =
    mode === 'abduction'
      ? spreadOf(program, p.argTypes, p.size, p.output, rng, SAMPLE_SIZE, MAX_PREIMAGE_SHARE * SAMPLE_SIZE)
      : spreadOf(program, p.argTypes, p.size, p.output, rng, DEDUCTION_SAMPLE_SIZE);
  if (s === null || !s.varies) return null;
  if (mode === 'abduction' && (s.preimageShare > MAX_PREIMAGE_SHARE || scope?.clashes(program, p.args, p.output) === true)) return null;
  return s;
}
