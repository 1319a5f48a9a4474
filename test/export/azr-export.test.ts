import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AZR_CODE_F_FILE, AZR_IO_FILE } from '../../lib/export/azr/files.js';
import { AZR_MIN_RECORDS, azrSeeds, jsonLines } from '../../lib/export/azr/records.js';
import { PlanSchema } from '../../lib/schema/plan.js';
import { postJson, testApp } from '../support/app.js';

const RULES = fileURLToPath(new URL('./azr_rules.py', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'azr-export-'));
/** One AZR step's worth: room for 384 tasks, every mode equally able, so each mode gets 128. */
const BIG = JSON.stringify({
  alpha_free: 1,
  beta_free: 1,
  resources: { alpha: { total_units: 400 }, beta: { total_units: 400 } },
  performance_metrics: { deduction_success: 0.5, abduction_success: 0.5, induction_success: 0.5 },
  max_tasks: 384,
});
const ENV = { ...process.env, LOG_LEVEL: 'SILENT', MAX_TASKS: '384', ALPHA_TASKS_PER_UNIT: '4', BETA_TASKS_PER_UNIT: '4' };
const cli = (...args: string[]) => spawnSync(process.execPath, ['bin/azr-plan.js', ...args], { encoding: 'utf8', env: ENV });
const stateFile = join(tmp, 'big.json');
writeFileSync(stateFile, BIG);

describe('AZR seed export (issue 15)', () => {
  const out = join(tmp, 'seeds');
  const res = cli(stateFile, '--seed', '15', '--format', 'azr', '--out', out);
  const io = join(out, AZR_IO_FILE);
  const codeF = join(out, AZR_CODE_F_FILE);

  it('the CLI writes both seed files with at least 64 records each', () => {
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(readFileSync(io, 'utf8').trimEnd().split('\n').length).toBeGreaterThanOrEqual(AZR_MIN_RECORDS);
    expect(readFileSync(codeF, 'utf8').trimEnd().split('\n').length).toBeGreaterThanOrEqual(AZR_MIN_RECORDS);
  });

  it('every record passes AZR rules (one def f plus helpers, no banned import or input(, outputs as f gives them within 400 characters, 10 pairs and a message)', () => {
    const report = JSON.parse(execFileSync('python3', [RULES, 'check', io, codeF], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as { records: number; violations: unknown[] };
    expect(report.violations).toEqual([]);
    expect(report.records).toBeGreaterThanOrEqual(2 * AZR_MIN_RECORDS);
  });

  it('two runs in fresh python3 processes give the same results (determinism)', () => {
    const once = () => execFileSync('python3', [RULES, 'run', io, codeF], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 10_000 });
    const first = once();
    expect(JSON.parse(first).length).toBeGreaterThan(AZR_MIN_RECORDS);
    expect(once()).toBe(first);
  });

  it('the rule checker rejects records that break the rules (the check can fail)', () => {
    const bad = join(tmp, 'bad');
    const rec = JSON.parse(readFileSync(io, 'utf8').split('\n')[0]!) as Record<string, unknown>;
    writeFileSync(`${bad}-io.jsonl`, jsonLines([{ ...rec, snippet: `import random\ndef f(x):\n    return input(x)\n\ndef f(y):\n    return y` }]));
    writeFileSync(`${bad}-f.jsonl`, jsonLines([{ snippet: 'def f(x):\n    return x', inputs: ['1'], outputs: ['2'], message: ' ', imports: [] }]));
    const report = JSON.parse(execFileSync('python3', [RULES, 'check', `${bad}-io.jsonl`, `${bad}-f.jsonl`], { encoding: 'utf8' })) as { violations: [string, string][] };
    const reasons = report.violations.map((v) => v[1]);
    for (const r of ['not exactly one top-level def f', 'banned import', 'input( in the text', 'not num_inputs = 10 pairs', 'empty message']) expect(reasons).toContain(r);
  });

  it('a plan too small for AZR writes no file and says why (exit 1)', () => {
    const small = join(tmp, 'small');
    const r = spawnSync(process.execPath, ['bin/azr-plan.js', 'examples/state.json', '--format', 'azr', '--out', small], { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'SILENT' } });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/io: \d+ records, but AZR requires at least 64 lines/);
    expect(r.stderr).toMatch(/code_f: \d+ records, but AZR requires at least 64 lines/);
    expect(existsSync(join(small, AZR_IO_FILE))).toBe(false);
    expect(existsSync(join(small, AZR_CODE_F_FILE))).toBe(false);
  });

  it('--format azr without --out, or an unknown format, exits 2', () => {
    expect(cli(stateFile, '--format', 'azr').status).toBe(2);
    expect(cli(stateFile, '--format', 'yaml').status).toBe(2);
  });
});

describe('AZR seed export over HTTP', () => {
  it('POST /plan?format=azr_io|azr_code_f returns the records of the same plan as JSON Lines, with a warning below 64', async () => {
    const app = testApp();
    const body = JSON.stringify({ ...JSON.parse(BIG), max_tasks: 30, seed: 3 });
    const plan = PlanSchema.parse(await (await app.request('/plan', postJson(body))).json());
    const seeds = azrSeeds(plan.tasks);
    const io = await app.request('/plan?format=azr_io', postJson(body));
    expect(io.status).toBe(200);
    expect(io.headers.get('content-type')).toBe('application/jsonl');
    expect(await io.text()).toBe(jsonLines(seeds.io));
    expect(io.headers.get('azr-seed-warning')).toMatch(/requires at least 64/);
    const codeF = await app.request('/plan?format=azr_code_f', postJson(body));
    expect(await codeF.text()).toBe(jsonLines(seeds.codeF));
    const bad = await app.request('/plan?format=csv', postJson(body));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/format: must be one of json, azr_io, azr_code_f/);
  });
});
