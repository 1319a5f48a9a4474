import pkg from '../package.json' with { type: 'json' };
import { parseCommand, usage, UsageError } from '../lib/cli/args.js';
import { DataError, readState } from '../lib/cli/read-state.js';
import { azrSeeds, writeAzrSeeds } from '../lib/export/index.js';
import type { PlannedTask } from '../lib/schema/plan.js';
import { createPlanService } from '../lib/service/plan-service.js';

/** Writes the seed files AZR would accept; a plan AZR would refuse is bad data (exit 1), naming why. */
async function exportAzr(tasks: PlannedTask[], dir: string): Promise<void> {
  const seeds = azrSeeds(tasks);
  for (const path of await writeAzrSeeds(seeds, dir)) process.stdout.write(`wrote ${path}\n`);
  if (seeds.problems.length > 0) throw new DataError(`not written as AZR would refuse it:\n${seeds.problems.map((p) => `  ${p}`).join('\n')}`);
}

/** Exit 2 for a command line that cannot run, 1 for a state that cannot be read or is invalid. */
async function main(): Promise<number> {
  try {
    const command = parseCommand(process.argv.slice(2));
    if (command.kind === 'help') return (process.stdout.write(`${usage()}\n`), 0);
    if (command.kind === 'version') return (process.stdout.write(`${pkg.version}\n`), 0);
    const state = await readState(command.file, process.stdin);
    const plan = await createPlanService({ env: process.env }).plan(command.seed === undefined ? state : { ...state, seed: command.seed });
    if (command.azrOut !== undefined) await exportAzr(plan.tasks, command.azrOut);
    else process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) return (process.stderr.write(`azr-plan: ${error.message}\n${usage().split('\n')[0]}\n(azr-plan --help for more)\n`), 2);
    if (error instanceof DataError) return (process.stderr.write(`azr-plan: ${error.message}\n`), 1);
    throw error;
  }
}

process.exitCode = await main();
