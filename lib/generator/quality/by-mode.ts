import type { Value } from '../ast/types.js';
import { isGuessable } from './guesses.js';
import type { ModeQuality } from './mode-quality.js';
import { scopeOf } from './plan-scope.js';
import { DEDUCTION_SAMPLE_SIZE, SAMPLE_SIZE, spreadOf } from './sample.js';
import { abductionShortcut, deductionShortcut, inductionShortcut } from './shortcut.js';

/**
 * Deduction: no output a solver would guess, nor the argument handed back (shortcut.ts); the outputs
 * over 8 random inputs must vary (a program ignoring its input makes no task) and give the entropy.
 */
export const DEDUCTION_QUALITY: ModeQuality = {
  promising: (output) => !isGuessable(output),
  screen(p, rng) {
    if (deductionShortcut(p.args, p.output)) return null;
    const s = spreadOf(p.built.program, p.argTypes, p.size, p.output, rng, DEDUCTION_SAMPLE_SIZE);
    return s !== null && s.varies ? s : null;
  },
};

/**
 * Abduction: no guessable output and no constant guess reaching it (shortcut.ts); no sampled input may
 * reach the output, nor any answer the plan holds, and the answer may reach no other task's output in
 * the plan (plan-scope.ts). The random sample runs first: it drops about one candidate in four, at a
 * fixed cost, before the plan's answers (as many as it holds) are tried. Allowing 1 sampled input in 16
 * left 23% of abduction tasks answerable by another task's answer in 128-task plans without the plan
 * scope (test/generator/shortcuts.test.ts). Small ints are not worth completing: 94% of abduction
 * candidates with |output| < 10 had a sampled input reaching the output.
 */
export const ABDUCTION_QUALITY: ModeQuality = {
  promising: (output: Value) => !isGuessable(output) && (typeof output !== 'number' || Math.abs(output) >= 10),
  screen(p, rng, { plan }) {
    const program = p.built.program;
    const scope = plan === undefined ? undefined : scopeOf(plan);
    if (abductionShortcut(program, p.argTypes, p.args, p.output)) return null;
    const s = spreadOf(program, p.argTypes, p.size, p.output, rng, SAMPLE_SIZE, 0);
    if (s === null || !s.varies || s.preimageShare > 0) return null;
    if (scope !== undefined && (scope.heldAnswerReaches(program, p.output) || scope.answersHeld(program, p.args))) return null;
    return s;
  },
  keep(c, { plan }) {
    if (plan !== undefined) scopeOf(plan).add(c.built.program, c.args[0] as Value[], c.outputs[0] as Value);
  },
};

/** Induction: no hidden pairs one constant or the identity passes (shortcut.ts). */
export const INDUCTION_QUALITY: ModeQuality = {
  shortcut: (args, outputs, { visiblePairs }) => inductionShortcut(args, outputs, visiblePairs),
};
