import { parseArgs } from 'node:util';
import { SAVED_DIR, SCRATCH_DIR } from './results.js';

export interface BenchOptions {
  help: boolean;
  save: boolean;
  /** The parts named, in the order given; empty means every part. */
  parts: string[];
}

/** The command line of bench/run.ts; a usage error is thrown as an Error whose message says what is wrong. */
export function parseOptions(args: string[], parts: readonly string[]): BenchOptions {
  const { values, positionals } = parseArgs({
    args,
    options: { save: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
    allowPositionals: true,
    strict: true,
  });
  const unknown = positionals.filter((p) => !parts.includes(p));
  if (unknown.length > 0) throw new Error(`unknown part(s) ${unknown.join(', ')}; parts: ${parts.join(', ')}`);
  return { help: values.help, save: values.save, parts: positionals };
}

export function usage(about: Record<string, string>): string {
  const width = Math.max(...Object.keys(about).map((p) => p.length));
  return [
    'usage: npm run -s bench -- [--save] [part ...]',
    '',
    'Runs the parts named (every part when none is), printing each part\'s table on stdout and a progress line',
    'per step on stderr. Parts not run keep their last figures.',
    '',
    'parts:',
    ...Object.entries(about).map(([part, text]) => `  ${part.padEnd(width)}  ${text}`),
    '',
    'options:',
    `  --save      write into ${SAVED_DIR}/ (tracked) and rewrite the README's bench table from it;`,
    `              without it the figures go to ${SCRATCH_DIR}/ (git-ignored) and no tracked file changes`,
    '  -h, --help  print this and exit',
    '',
    'environment: BENCH_SECONDS (seconds per load run, default 10), COLD_RUNS (cold-start samples, default 15),',
    'CAPACITY_STATES (random states, default 10000), CURRICULUM_SEEDS (seeds per learner family, default 40),',
    'CURRICULUM_FAMILIES (comma-separated family numbers for a quick look, e.g. 3,4; default all)',
  ].join('\n');
}
