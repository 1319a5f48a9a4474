import { describe, expect, it } from 'vitest';
import { assign, bin, int, ref, ret } from '../../lib/generator/ast/nodes.js';
import type { Value } from '../../lib/generator/ast/types.js';
import { Pipeline } from '../../lib/generator/compose.js';
import { run } from '../../lib/generator/eval/evaluate.js';
import { Rejected } from '../../lib/generator/eval/rejected.js';
import { AZR_PAIRS } from '../../lib/generator/options.js';
import { createRng } from '../../lib/random/index.js';
import { assemble } from '../../lib/generator/tasks/assemble.js';
import type { Candidate } from '../../lib/generator/tasks/candidate.js';
import { complete, probe } from '../../lib/generator/tasks/candidate.js';
import { OUTPUT_LIMIT, isPlainLiteral, validate } from '../../lib/generator/validate.js';
import type { Mode, TaskBody } from '../../lib/schema/index.js';

/** A real candidate for `mode`, grown from a fixed seed until one passes validation. */
function candidate(mode: Mode, seed: number): { c: Candidate; body: TaskBody } {
  const rng = createRng(seed);
  for (;;) {
    const pipe = new Pipeline(rng, false);
    pipe.add(1);
    pipe.add(1);
    const drawn = [[3, 1, 4, 1, 5], 'abcab', 7, ['ab', 'c']];
    const p = probe(pipe.built(), pipe.argTypes, 0.5, [drawn[['list_int', 'str', 'int', 'list_str'].indexOf(pipe.argTypes[0]!)]!] as Value[]);
    const c = p && complete(mode, p, rng);
    if (c) {
      const body = assemble(mode, c, AZR_PAIRS);
      if (validate(c, body) === null) return { c, body };
    }
  }
}

describe('validation rejects what must not leave the generator', () => {
  it('accepts a well-formed task of every mode', () => {
    for (const mode of ['deduction', 'abduction', 'induction'] as const) expect(validate(candidate(mode, 1).c, candidate(mode, 1).body)).toBeNull();
  });

  it('a claimed output the program does not produce (non-determinism, or a bad evaluator)', () => {
    const { c, body } = candidate('deduction', 2);
    expect(validate({ ...c, outputLiterals: ['12345'] }, body)).toBe('second evaluation disagrees with the first');
  });

  it('an abduction output that the answer input does not reach', () => {
    const { c, body } = candidate('abduction', 3);
    if (body.mode !== 'abduction') throw new Error('mode');
    expect(validate(c, { ...body, payload: { ...body.payload, output: '424242' } })).toBe('output is not reached by the answer input');
  });

  it('induction with a repeated input, a hidden input that is visible, too few pairs, or constant outputs', () => {
    const { c, body } = candidate('induction', 4);
    if (body.mode !== 'induction') throw new Error('mode');
    const ex = body.payload.examples;
    const hidden = body.answer.hidden_examples;
    const repeated = { ...body, payload: { ...body.payload, examples: [ex[0]!, ex[0]!, ...ex.slice(2)] } };
    expect(validate(c, repeated)).toBe('visible inputs repeat');
    const leaked = { ...body, answer: { ...body.answer, hidden_examples: [ex[0]!, ...hidden.slice(1)] } };
    expect(validate(c, leaked)).toBe('a hidden input is also visible');
    const few = { ...body, answer: { ...body.answer, hidden_examples: hidden.slice(0, 1) } };
    expect(validate(c, few)).toBe('too few example pairs');
    const same = (e: { input: string }) => ({ input: e.input, output: '0' });
    const constant = { ...body, payload: { ...body.payload, examples: ex.map(same) }, answer: { ...body.answer, hidden_examples: hidden.map(same) } };
    expect(validate(c, constant)).toBe('every pair has the same output');
  });

  it('an induction message that leaks code or spans lines', () => {
    const { c, body } = candidate('induction', 5);
    if (body.mode !== 'induction') throw new Error('mode');
    const withCode = { ...body, payload: { ...body.payload, message: `f does this: ${body.answer.program.split('\n')[1]!.trim()}` } };
    expect(validate(c, withCode)).toBe('message shows code');
    expect(validate(c, { ...body, payload: { ...body.payload, message: 'f sums xs[i] for each i' } })).toBe('message shows code');
    expect(validate(c, { ...body, payload: { ...body.payload, message: 'two\nlines' } })).toBe('message is not one line');
  });

  it('outputs over the size limit and values outside plain literals', () => {
    const { c, body } = candidate('deduction', 6);
    expect(validate({ ...c, outputLiterals: ['9'.repeat(OUTPUT_LIMIT + 1)] }, body)).toBe('output over the size limit');
    expect(isPlainLiteral("it's")).toBe(false);
    expect(isPlainLiteral('back\\slash')).toBe(false);
    expect(isPlainLiteral(2 ** 60)).toBe(false);
    expect(isPlainLiteral(new Map([['a', 1]]))).toBe(true);
  });

  it('a program whose output ignores its input never becomes a task, in any mode', () => {
    const constant = { program: { params: [{ slot: 0, ty: 'int' as const }], body: [ret(bin('%', int(7), int(3)))], names: ['n'], returns: 'int' as const }, families: 0, intent: [] };
    const varying = { ...constant, program: { ...constant.program, body: [ret(bin('+', bin('*', ref(0), int(3)), int(1)))] } };
    for (const mode of ['deduction', 'abduction', 'induction'] as const) {
      const p = probe(constant, ['int'], 0.5, [5]);
      expect(p).not.toBeNull();
      expect(complete(mode, p!, createRng(1))).toBeNull();
      expect(complete(mode, probe(varying, ['int'], 0.5, [5])!, createRng(1))).not.toBeNull();
    }
  });

  it('the evaluator refuses programs CPython would crash on or that leave the exact subset', () => {
    const rejects = (body: ReturnType<typeof ret>[], names: string[], arg: Value): string => {
      try {
        run({ params: [{ slot: 0, ty: 'int' }], body, names, returns: 'int' }, [arg]);
        return 'accepted';
      } catch (e) {
        return e instanceof Rejected ? e.reason : 'crashed';
      }
    };
    expect(rejects([ret(bin('//', ref(0), int(0)))], ['n'], 5)).toBe('division or modulo by zero');
    expect(rejects([ret(bin('*', ref(0), ref(0)))], ['n'], 10_000_000)).toBe('integer outside the exact range');
    expect(rejects([ret(ref(1))], ['n', 'm'], 1)).toBe('variable read before assignment');
    expect(rejects([assign(1, ref(0))], ['n', 'm'], 1)).toBe('value of an unsupported type for this operation');
  });
});
