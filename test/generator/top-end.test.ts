import { describe, expect, it } from 'vitest';
import { generate } from '../../lib/generator/index.js';
import { createRng } from '../../lib/random/rng.js';
import type { Mode } from '../../lib/schema/task.js';
import { MODES } from '../../lib/schema/task.js';
import { pythonJson } from './python.js';


interface Measured {
  lines: number;
  cognitive: number;
  nesting: number;
  helper: boolean;
  while: boolean;
  shape: string;
}

const measure = (programs: string[]): Measured[] => pythonJson<Measured[]>('./measure.py', programs);

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const share = (ms: Measured[], p: (m: Measured) => boolean): number => ms.filter(p).length / ms.length;

describe('the top end is comparable to AZR seed programs (issue 15; measured from the Python source)', () => {
  const rng = createRng(1515);
  const programs: string[] = [];
  const families: string[][] = [];
  for (let i = 0; i < 1500; i++) {
    const t = generate(MODES[i % 3] as Mode, 0.8 + 0.2 * rng.next(), rng);
    programs.push(t.mode === 'induction' ? t.answer.program : t.payload.program);
    families.push(t.features.families);
  }
  const ms = measure(programs);

  it('1,500 tasks at difficulty >= 0.8: median >= 8 lines, nesting, while loops with state, helper functions, string parsing', () => {
    const summary = {
      median_lines: median(ms.map((m) => m.lines)),
      median_cognitive: median(ms.map((m) => m.cognitive)),
      nested: share(ms, (m) => m.nesting >= 2),
      while: share(ms, (m) => m.while),
      helper: share(ms, (m) => m.helper),
      parse: families.filter((f) => f.includes('parse')).length / families.length,
      shapes_per_1000: new Set(ms.slice(0, 1000).map((m) => m.shape)).size,
    };
    console.log(JSON.stringify(summary));
    expect(summary.median_lines).toBeGreaterThanOrEqual(8);
    expect(summary.median_cognitive).toBeGreaterThanOrEqual(3);
    expect(summary.nested).toBeGreaterThanOrEqual(0.5);
    expect(summary.while).toBeGreaterThanOrEqual(0.3);
    expect(summary.helper).toBeGreaterThanOrEqual(0.25);
    expect(summary.parse).toBeGreaterThanOrEqual(0.1);
    expect(summary.shapes_per_1000).toBeGreaterThanOrEqual(800);
  });

  it('every helper is defined before f and called by it, and f is the only other top-level def', () => {
    for (const p of programs) {
      const defs = [...p.matchAll(/^def (\w+)\(/gm)].map((m) => m[1]);
      expect(defs.filter((d) => d === 'f')).toHaveLength(1);
      expect(defs[defs.length - 1]).toBe('f');
      const body = p.slice(p.indexOf('def f('));
      for (const d of defs.slice(0, -1)) expect(body).toContain(`${d}(`);
    }
    expect(share(ms, (m) => m.helper)).toBeGreaterThan(0);
  });
});
