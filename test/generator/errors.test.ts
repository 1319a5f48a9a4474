import { describe, expect, it } from 'vitest';
import { GeneratorInputError, generate } from '../../lib/generator/index.js';
import { createRng } from '../../lib/random/index.js';
import type { Mode } from '../../lib/schema/index.js';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('bad requests get a typed error naming the argument', () => {
  it.each(['summarisation', '', 'Deduction', undefined, 3])('mode %s', (mode) => {
    const e = thrown(() => generate(mode as unknown as Mode, 0.5, createRng(1)));
    expect(e).toBeInstanceOf(GeneratorInputError);
    expect((e as GeneratorInputError).argument).toBe('mode');
    expect((e as Error).message).toMatch(/^mode: unknown mode/);
  });

  it.each([Number.NaN, -0.01, 1.0001, Infinity, -Infinity, '0.5', null])('difficulty %s', (d) => {
    const e = thrown(() => generate('deduction', d as unknown as number, createRng(1)));
    expect(e).toBeInstanceOf(GeneratorInputError);
    expect((e as GeneratorInputError).argument).toBe('difficulty');
    expect((e as Error).message).toMatch(/^difficulty: must be/);
  });

  it('accepts both ends of the range', () => {
    expect(generate('abduction', 0, createRng(2)).mode).toBe('abduction');
    expect(generate('induction', 1, createRng(2)).mode).toBe('induction');
  });
});
