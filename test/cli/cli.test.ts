import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlanSchema } from '../../lib/schema/index.js';

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/azr-plan.js', ...args], { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'SILENT' } });
const tmp = mkdtempSync(join(tmpdir(), 'azr-cli-'));
const file = (name: string, text: string) => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};

describe('azr-plan CLI', () => {
  it('prints a plan for the bundled example state, replayable by seed', () => {
    const first = run('examples/state.json', '--seed', '9');
    expect(first.status).toBe(0);
    const plan = PlanSchema.parse(JSON.parse(first.stdout));
    expect(plan.seed).toBe(9);
    expect(plan.tasks.length).toBeGreaterThan(0);
    expect(plan.tasks.length).toBeLessThanOrEqual(24);
    const again = PlanSchema.parse(JSON.parse(run('examples/state.json', '--seed', '9').stdout));
    expect(again.tasks).toEqual(plan.tasks);
  });

  it('exits 2 naming the bad field on an invalid state file', () => {
    const res = run(file('bad.json', '{"alpha_free": "half", "extra": 1}'));
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/alpha_free: .*number/);
    expect(res.stderr).toMatch(/extra: unknown field/);
    expect(res.stdout).toBe('');
  });

  it('exits 2 on unreadable JSON, a missing file, or a bad seed', () => {
    expect(run(file('broken.json', '{')).status).toBe(2);
    expect(run(join(tmp, 'absent.json')).status).toBe(2);
    const seed = run('examples/state.json', '--seed', 'abc');
    expect(seed.status).toBe(2);
    expect(seed.stderr).toMatch(/--seed must be an integer/);
    expect(run().status).toBe(2);
  });
});
