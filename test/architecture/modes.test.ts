import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TUNABLES, envName, enableKey, tunableKeys } from '../../lib/config/index.js';
import { MODES, modeDef } from '../../lib/modes/index.js';
import { PlannerStateSchema } from '../../lib/schema/index.js';
import { TaskBodySchema } from '../../lib/schema/index.js';

const ROOT = new URL('../../', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('the mode registry', () => {
  it('keys each mode by the literal its own body schema carries', () => {
    for (const mode of MODES) expect(modeDef(mode).schema.shape.mode.value).toBe(mode);
  });

  it('gives every mode its state fields, its enable tunable and its member of the task union', () => {
    const state = PlannerStateSchema.shape;
    for (const mode of MODES) {
      expect(Object.keys(state.performance.unwrap().shape)).toContain(mode);
      expect(Object.keys(state.performance_metrics.unwrap().shape)).toContain(`${mode}_success`);
      expect(tunableKeys()).toContain(enableKey(mode));
      expect(DEFAULT_TUNABLES[enableKey(mode)]).toBe(true);
      expect(TaskBodySchema.options.map((o) => o.shape.mode.value)).toContain(mode);
    }
    expect(enableKey('induction')).toBe('enableInduction');
    expect(envName(enableKey('induction'))).toBe('ENABLE_INDUCTION');
  });

  it('leaves no mode named outside its own module in lib/, functions/ and infra/', () => {
    const named = new RegExp(`['"\`](${MODES.join('|')})['"\`]`);
    const offenders = ['lib', 'functions', 'infra']
      .flatMap(sources)
      .filter((file) => !file.startsWith(join('lib', 'modes')))
      .filter((file) => named.test(readFileSync(join(ROOT, file), 'utf8')))
      .map((file) => relative(ROOT, join(ROOT, file)));
    expect(offenders).toEqual([]);
  });
});
