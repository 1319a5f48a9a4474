import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { FLAGS } from '../../lib/cli/index.js';
import { PlanSchema } from '../../lib/schema/plan.js';

const env = { ...process.env, LOG_LEVEL: 'SILENT' };
const run = (args: string[], input?: string) => spawnSync(process.execPath, ['bin/azr-plan.js', ...args], { encoding: 'utf8', env, input });
const tmp = mkdtempSync(join(tmpdir(), 'azr-cli-'));
const file = (name: string, text: string) => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};

describe('azr-plan CLI', () => {
  it('prints a plan for the bundled example state, replayable by seed', () => {
    const first = run(['examples/state.json', '--seed', '9']);
    expect(first.status).toBe(0);
    const plan = PlanSchema.parse(JSON.parse(first.stdout));
    expect(plan.seed).toBe(9);
    expect(plan.tasks.length).toBeGreaterThan(0);
    expect(plan.tasks.length).toBeLessThanOrEqual(24);
    const again = PlanSchema.parse(JSON.parse(run(['examples/state.json', '--seed', '9']).stdout));
    expect(again.tasks.map(({ task_id: _, ...task }) => task)).toEqual(plan.tasks.map(({ task_id: _, ...task }) => task));
  });

  it('reads the state from stdin for -', () => {
    const res = run(['-'], readFileSync('examples/state.json', 'utf8').replace('{', '{"seed": 77,'));
    expect(res.status).toBe(0);
    expect(PlanSchema.parse(JSON.parse(res.stdout)).seed).toBe(77);
  });

  it('answers --help, -h and --version on stdout with exit 0', () => {
    for (const flag of ['--help', '-h']) {
      const res = run([flag]);
      expect(res.status).toBe(0);
      expect(res.stdout).toMatch(/^usage: azr-plan/);
      for (const name of Object.keys(FLAGS)) expect(res.stdout).toContain(`--${name}`);
    }
    const version = run(['--version']);
    expect([version.status, version.stdout]).toEqual([0, `${pkg.version}\n`]);
  });

  it('exits 1 naming the bad field on an invalid state file', () => {
    const res = run([file('bad.json', '{"alpha_free": "half", "extra": 1}')]);
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/alpha_free: .*number/);
    expect(res.stderr).toMatch(/extra: unknown field/);
    expect(res.stdout).toBe('');
  });

  it('exits 1 with the cause for a missing file, a directory or broken JSON', () => {
    const absent = run([join(tmp, 'absent.json')]);
    expect([absent.status, absent.stderr]).toEqual([1, `azr-plan: ${join(tmp, 'absent.json')}: no such file\n`]);
    const dir = run([tmp]);
    expect([dir.status, dir.stderr]).toEqual([1, `azr-plan: ${tmp}: is a directory, not a file\n`]);
    const broken = run([file('broken.json', '{')]);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/broken\.json is not valid JSON: /);
    const stdin = run(['-'], 'not json');
    expect(stdin.status).toBe(1);
    expect(stdin.stderr).toMatch(/^azr-plan: stdin is not valid JSON/);
  });

  it('exits 2 with the usage for a bad command line', () => {
    for (const args of [[], ['a.json', 'b.json'], ['--bogus', 'examples/state.json'], ['examples/state.json', '--seed', 'abc'], ['examples/state.json', '--seed', '']]) {
      const res = run(args);
      expect(res.status, args.join(' ')).toBe(2);
      expect(res.stderr).toMatch(/\nusage: azr-plan/);
      expect(res.stdout).toBe('');
    }
    expect(run(['examples/state.json', '--seed', 'abc']).stderr).toMatch(/--seed must be an integer/);
  });

  it('the README\'s plan command writes nothing but the plan JSON to stdout', () => {
    const readme = readFileSync('README.md', 'utf8');
    const command = /^npm ci && (npm run -s plan -- examples\/state\.json) > plan\.json/m.exec(readme)?.[1];
    expect(command).toBeDefined();
    const res = spawnSync(command!, { shell: true, encoding: 'utf8', env });
    expect(res.status).toBe(0);
    expect(PlanSchema.parse(JSON.parse(res.stdout)).tasks.length).toBeGreaterThan(0);
  });
});
