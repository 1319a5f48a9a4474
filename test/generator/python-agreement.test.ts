import { describe, expect, it } from 'vitest';
import { generate } from '../../lib/generator/index.js';
import { createRng } from '../../lib/random/index.js';
import type { GeneratedTask, Mode } from '../../lib/schema/index.js';
import { MODES } from '../../lib/schema/index.js';
import { checkOf, formatMismatches, runInPython } from './python.js';

const PER_MODE = 800;

describe('generated tasks agree with real CPython', () => {
  it(`runs ${PER_MODE * 3} tasks across modes and difficulties in one python3 process with no disagreement`, () => {
    const rng = createRng(20260601);
    const tasks: GeneratedTask[] = [];
    for (const mode of MODES) for (let i = 0; i < PER_MODE; i++) tasks.push(generate(mode as Mode, i / (PER_MODE - 1), rng));
    const checks = tasks.map((t, i) => checkOf(`${t.mode}-${i} d=${t.difficulty}`, t));
    const expectedCalls = checks.reduce((n, c) => n + c.calls.length, 0);

    const { checked, mismatches } = runInPython(checks);

    expect(checked).toBe(expectedCalls);
    expect(checked).toBeGreaterThanOrEqual(PER_MODE * (1 + 1 + 6));
    expect(mismatches, formatMismatches(mismatches)).toEqual([]);
    console.log(`python3 agreed on ${checked} calls of ${tasks.length} tasks`);
  });

  it('the python driver catches a wrong claim (the check can fail)', () => {
    const t = generate('deduction', 0.5, createRng(1));
    if (t.mode !== 'deduction') throw new Error('expected a deduction task');
    const wrong = { ...checkOf('tampered', t), calls: [{ input: t.payload.input, output: `${t.answer.output} + [0]` }] };
    const typeConfused = { id: 'bool-for-int', program: 'def f(x):\n    return x > 0', calls: [{ input: '3', output: '1' }] };
    const { mismatches } = runInPython([wrong, typeConfused]);
    expect(mismatches.map((m) => m.id)).toEqual(['tampered', 'bool-for-int']);
  });
});
