import { describe, expect, it } from 'vitest';
import { FAMILIES, generate } from '../../lib/generator/index.js';
import { createRng } from '../../lib/random/index.js';
import type { GeneratedTask, Mode } from '../../lib/schema/index.js';
import { FeaturesSchema, MODES, TaskBodySchema } from '../../lib/schema/index.js';
import { modeDef } from '../../lib/modes/index.js';

const rng = createRng(99);
const tasks: GeneratedTask[] = [];
for (const mode of MODES) for (let i = 0; i < 400; i++) tasks.push(generate(mode as Mode, rng.next(), rng));

describe('every task honours the contract (lib/schema/task.ts, PLANNER.md §5)', () => {
  it('parses as a task body and its features as FeaturesSchema', () => {
    for (const t of tasks) {
      const { difficulty, features, weight, description, ...body } = t;
      expect(TaskBodySchema.parse(body)).toEqual(body);
      expect(FeaturesSchema.parse(features)).toEqual(features);
      expect(difficulty).toBeGreaterThanOrEqual(0);
      expect(difficulty).toBeLessThanOrEqual(1);
      expect(weight).toBeGreaterThan(0);
      expect(description).toMatch(new RegExp(`^${t.mode}: [a-z_+]+, depth \\d+$`));
      for (const f of features.families) expect(FAMILIES).toContain(f);
    }
  });

  it('programs define f and inputs are call arguments', () => {
    for (const t of tasks) {
      const program = modeDef(t.mode).program(t);
      // Helpers (def g, def h) come first, then f, the last definition.
      expect([...program.matchAll(/^def (\w+)\(/gm)].map((m) => m[1]).at(-1)).toBe('f');
      expect(program.match(/^def f\(/gm)).toHaveLength(1);
      expect(program).not.toMatch(/\bimport\b|\bopen\(|\bprint\(|\beval\(|\bexec\(|\brandom\b|\btime\b/);
      const params = (/^def f\(([^)]*)\):/m.exec(program)?.[1] ?? '').split(', ').length;
      for (const { input } of modeDef(t.mode).calls(t)) expect(JSON.parse(`[${input.replaceAll("'", '"')}]`)).toHaveLength(params);
    }
  });

  it('induction shows >= 4 distinct pairs, hides >= 2 unseen inputs and describes the intent in one line without code', () => {
    for (const t of tasks) {
      if (t.mode !== 'induction') continue;
      const visible = t.payload.examples.map((e) => e.input);
      const hidden = t.answer.hidden_examples.map((e) => e.input);
      expect(new Set(visible).size).toBeGreaterThanOrEqual(4);
      expect(hidden.length).toBeGreaterThanOrEqual(2);
      for (const h of hidden) expect(visible).not.toContain(h);
      const outputs = new Set([...t.payload.examples, ...t.answer.hidden_examples].map((e) => e.output));
      expect(outputs.size).toBeGreaterThanOrEqual(2);
      expect(t.payload.message).toMatch(/^f takes [^\n]+\.$/);
      expect(t.payload.message).not.toMatch(/def |return |\[|\(|==|%/);
    }
  });

  it('inputs and outputs are JSON-representable Python literals', () => {
    const literals = tasks.flatMap((t) => modeDef(t.mode).calls(t).flatMap((e) => [e.input, e.output]));
    for (const lit of literals) {
      const json = `[${lit.replaceAll("'", '"').replaceAll('True', 'true').replaceAll('False', 'false')}]`;
      expect(() => JSON.parse(json), lit).not.toThrow();
    }
  });
});
