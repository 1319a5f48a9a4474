import { parseArgs } from 'node:util';
import { describeError } from '../errors/describe.js';

/** One command-line flag: what parseArgs needs, plus the line `--help` prints for it. */
interface Flag {
  type: 'string' | 'boolean';
  short?: string;
  /** The value's name in the help text, for string flags. */
  value?: string;
  help: string;
}

/** Every flag of azr-plan: adding one is one line here; parsing and `--help` follow from the table. */
export const FLAGS = {
  seed: { type: 'string', value: 'N', help: 'replay key, an integer 0..2147483647 (overrides the state file\'s seed)' },
  format: { type: 'string', value: 'json|azr', help: 'json: print the plan (default); azr: write AZR\'s seed files into --out' },
  out: { type: 'string', value: 'DIR', help: 'the folder --format azr writes its seed files to' },
  help: { type: 'boolean', short: 'h', help: 'print this help and exit' },
  version: { type: 'boolean', help: 'print the version and exit' },
} as const satisfies Record<string, Flag>;

type Values = { -readonly [K in keyof typeof FLAGS]?: (typeof FLAGS)[K]['type'] extends 'string' ? string : boolean };

/** What the command line asks for: help, the version, or a plan for one state file (`-` is stdin). */
export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'plan'; file: string; seed?: number; azrOut?: string };

/** A command line that cannot be run as given: exit 2, with the usage. */
export class UsageError extends Error {}

export function usage(): string {
  const flags = Object.entries(FLAGS).map(([name, flag]: [string, Flag]) => {
    const short = flag.short ? `-${flag.short}, ` : '    ';
    return `  ${`${short}--${name}${flag.value ? ` ${flag.value}` : ''}`.padEnd(18)} ${flag.help}`;
  });
  return [
    'usage: azr-plan [options] <state.json | ->',
    '',
    'Prints the plan for a planner state (a JSON file, or stdin for -) as JSON on stdout.',
    '',
    'options:',
    ...flags,
    '',
    'exit status: 0 plan printed, 1 the state could not be read or is invalid, 2 usage error',
  ].join('\n');
}

const MAX_SEED = 2147483647;

export function parseCommand(args: readonly string[]): Command {
  let parsed;
  try {
    // parseArgs knows `-` is a positional (stdin), not a flag.
    parsed = parseArgs({ args: [...args], allowPositionals: true, strict: true, options: FLAGS });
  } catch (error) {
    throw new UsageError(describeError(error));
  }
  const values = parsed.values as Values;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0) throw new UsageError('give exactly one state file, or - for stdin');
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'azr') throw new UsageError(`--format must be json or azr, got "${format}"`);
  if (format === 'azr' && values.out === undefined) throw new UsageError('--format azr writes AZR seed files: give --out DIR');
  const command: Command = { kind: 'plan', file, ...(format === 'azr' ? { azrOut: values.out } : {}) };
  if (values.seed === undefined) return command;
  const seed = Number(values.seed);
  if (values.seed.trim() === '' || !Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new UsageError(`--seed must be an integer 0..${MAX_SEED}, got "${values.seed}"`);
  }
  return { ...command, seed };
}
