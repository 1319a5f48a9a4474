import { describe, expect, it } from 'vitest';
import { generate } from '../../lib/generator/index.js';
import { createRng } from '../../lib/random/index.js';
import { MODES } from '../../lib/schema/index.js';

function batch(seed: number): string {
  const rng = createRng(seed);
  const out: string[] = [];
  for (let i = 0; i < 300; i++) out.push(JSON.stringify(generate(MODES[i % 3] as (typeof MODES)[number], (i % 11) / 10, rng)));
  return out.join('\n');
}

describe('determinism', () => {
  it('the same seed gives byte-identical tasks', () => {
    expect(batch(42)).toBe(batch(42));
  });

  it('a different seed gives different tasks', () => {
    expect(batch(43)).not.toBe(batch(42));
  });

});
