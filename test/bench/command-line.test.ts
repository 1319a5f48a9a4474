import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseOptions } from '../../bench/support/options.js';

const PARTS = ['throughput', 'curriculum'];
const bench = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', ...args], { encoding: 'utf8', timeout: 60_000 });

describe('npm run bench (bench/run.ts) command line', () => {
  it('--help lists every part and option and exits 0 without running anything', () => {
    const out = bench('--help');
    expect(out.status).toBe(0);
    for (const word of ['throughput', 'cold-start', 'curriculum', 'capacity', 'generator', '--save', 'BENCH_SECONDS']) {
      expect(out.stdout).toContain(word);
    }
    expect(out.stderr).toBe('');
  });

  it('an unknown option or part is a usage error: exit 2, the reason, then the usage', () => {
    for (const [arg, reason] of [['--bogus', "Unknown option '--bogus'"], ['nope', 'unknown part(s) nope']] as const) {
      const out = bench(arg);
      expect(out.status).toBe(2);
      expect(out.stderr).toContain(reason);
      expect(out.stderr).toContain('usage: npm run -s bench');
      expect(out.stdout).toBe('');
    }
  });

  it('parses parts and --save in any order', () => {
    expect(parseOptions([], PARTS)).toEqual({ help: false, save: false, parts: [] });
    expect(parseOptions(['curriculum', '--save', 'throughput'], PARTS)).toEqual({ help: false, save: true, parts: ['curriculum', 'throughput'] });
    expect(parseOptions(['-h'], PARTS).help).toBe(true);
  });
});
