import { describe, expect, it } from 'vitest';
import { TOP_END_FAMILIES } from '../../lib/generator/families/family.js';
import { FAMILIES, generate } from '../../lib/generator/index.js';
import { createRng } from '../../lib/random/index.js';
import type { GeneratedTask, Mode } from '../../lib/schema/index.js';
import { MODES } from '../../lib/schema/index.js';
import { modeDef } from '../../lib/modes/index.js';

const programOf = (t: GeneratedTask): string => modeDef(t.mode).program(t);

describe('variety', () => {
  it.each(MODES)('%s: 1,000 tasks at one difficulty hold at least 300 distinct programs', (mode) => {
    for (const d of [0.1, 0.5, 0.9]) {
      const rng = createRng(5);
      const programs = new Set<string>();
      for (let i = 0; i < 1000; i++) programs.add(programOf(generate(mode as Mode, d, rng)));
      expect(programs.size, `difficulty ${d}`).toBeGreaterThanOrEqual(300);
    }
  });

  it('every operation family appears in the harder half of the range, and all but the top-end ones in the easier half', () => {
    const rng = createRng(6);
    const low = new Set<string>();
    const high = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      const d = rng.next();
      const t = generate(MODES[i % 3] as Mode, d, rng);
      for (const f of t.features.families) (d < 0.5 ? low : high).add(f);
    }
    expect([...low].sort()).toEqual(FAMILIES.filter((f) => !TOP_END_FAMILIES.includes(f)).sort());
    expect([...high].sort()).toEqual([...FAMILIES].sort());
  });

  it('harder tasks are bigger: operations, depth and loop trips grow from the lowest to the highest decile', () => {
    const rng = createRng(8);
    const mean = (d: number, key: 'ops' | 'depth' | 'loop_trips' | 'branches'): number => {
      let s = 0;
      for (let i = 0; i < 300; i++) s += generate('deduction', d, rng).features[key];
      return s / 300;
    };
    for (const key of ['ops', 'depth', 'loop_trips', 'branches'] as const) expect(mean(0.9, key), key).toBeGreaterThan(mean(0.1, key));
  });
});
