import { describe, expect, it } from 'vitest';
import { bin, call, comp, int, ref, ret, slice, str, zipNext } from '../../lib/generator/ast/nodes.js';
import type { Expr, InputTy, Program } from '../../lib/generator/ast/types.js';
import { PlanScope } from '../../lib/generator/quality/plan-scope.js';
import { abductionShortcut, deductionShortcut, inductionShortcut } from '../../lib/generator/quality/shortcut.js';
import { renderProgram } from '../../lib/generator/render/python.js';

/** f(x) = e over one parameter named `name` (slot 0; slots 1.. for comprehension variables). */
function f(ty: InputTy, e: Expr, names = ['xs', 'a', 'b']): Program {
  return { params: [{ slot: 0, ty }], body: [ret(e)], names, returns: 'int' };
}

describe("the shortcut answers of AZR's audit (issue 15) are caught", () => {
  it('deduction: [b - a for a, b in zip(xs, xs[1:])] on [9] gives [], a guess', () => {
    const p = f('list_int', comp('list', bin('-', ref(2), ref(1)), 1, zipNext(ref(0)), null, 2));
    expect(renderProgram(p)).toBe('def f(xs):\n    return [b - a for a, b in zip(xs, xs[1:])]');
    expect(deductionShortcut([[9]], [])).toBe(true);
    expect(deductionShortcut([[9, 4]], [-5])).toBe(false);
    expect(deductionShortcut([[3, 1]], [3, 1])).toBe(true);
  });

  it("abduction: s[::-1].count('b') with output 0 (and any output '__not_an_input__' reaches) is a shortcut", () => {
    const p = f('str', call('count', slice(ref(0), null, null, -1), str('b')), ['s']);
    expect(abductionShortcut(p, ['str'], ['abc'], 0)).toBe(true);
    // 'abbb' -> 3: '' gives 0, 'a' 0, '__not_an_input__' 0; no guess reaches 3.
    expect(abductionShortcut(p, ['str'], ['abbb'], 3)).toBe(false);
    const len = f('str', bin('+', call('len', ref(0)), int(1)), ['s']);
    // '__not_an_input__' has 16 letters: it answers the output 17.
    expect(abductionShortcut(len, ['str'], ['abcdefghijabcdef'], 17)).toBe(true);
  });

  it('induction: hidden pairs one constant passes (guessed or shown), or the identity passes', () => {
    const args = [[1], [2], [3], [4]];
    expect(inductionShortcut(args, [5, 6, 0, 0], 2)).toBe(true);
    expect(inductionShortcut(args, [5, 7, 5, 5], 2)).toBe(true);
    expect(inductionShortcut(args, [5, 6, 7, 7], 2)).toBe(false);
    expect(inductionShortcut(args, [5, 6, 3, 4], 2)).toBe(true);
    expect(inductionShortcut(args, [5, 6, 8, 9], 2)).toBe(false);
  });
});

describe('a plan scope keeps one abduction answer from answering another', () => {
  const times3 = f('str', bin('+', bin('*', call('len', ref(0)), int(3)), int(1)), ['s']);
  const plus5 = f('str', bin('+', call('len', ref(0)), int(5)), ['s']);

  it('a held answer reaching the new output answers the new task', () => {
    const scope = new PlanScope();
    scope.add(times3, ['ab'], 7);
    // plus5('ab') = 7 = its output: the held input answers it.
    expect(scope.heldAnswerReaches(plus5, 7)).toBe(true);
    // len('ab') + 5 = 7, not 8.
    expect(scope.heldAnswerReaches(plus5, 8)).toBe(false);
  });

  it('the new input reaching a held output answers the held task', () => {
    const scope = new PlanScope();
    scope.add(times3, ['ab'], 7);
    // times3('qr') = 7: the new task's answer answers the held one; times3('xyz') = 10 does not.
    expect(scope.answersHeld(plus5, ['qr'])).toBe(true);
    expect(scope.answersHeld(plus5, ['xyz'])).toBe(false);
  });

  it('other sequence types are compared while the program takes them; an int against a sequence never is', () => {
    const scope = new PlanScope();
    scope.add(times3, ['ab'], 7);
    // len works on a list as on a string: 'ab' and [1, 2] answer each other's programs.
    const lenList = f('list_int', bin('+', call('len', ref(0)), int(5)));
    expect(scope.heldAnswerReaches(lenList, 7)).toBe(true);
    expect(scope.answersHeld(lenList, [[1, 2]])).toBe(true);
    // sum raises on a string: the held answers of another type reach nothing.
    expect(scope.heldAnswerReaches(f('list_int', call('sum', ref(0))), 7)).toBe(false);
    const onInt = f('int', bin('+', ref(0), int(5)), ['n']);
    expect(scope.heldAnswerReaches(onInt, 7)).toBe(false);
    expect(scope.answersHeld(onInt, [2])).toBe(false);
  });
});
