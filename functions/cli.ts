import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { azrSeeds, writeAzrSeeds } from '../lib/export/index.js';
import { fieldIssues } from '../lib/schema/issues.js';
import type { PlannedTask } from '../lib/schema/plan.js';
import { PlannerStateSchema } from '../lib/schema/state.js';
import { createPlanService } from '../lib/service/plan-service.js';
import { describeError } from '../lib/errors/describe.js';

const USAGE = 'usage: azr-plan <state.json> [--seed N] [--format json|azr --out DIR]';

function fail(message: string): never {
  process.stderr.write(`azr-plan: ${message}\n${USAGE}\n`);
  process.exit(2);
}

/** Writes the seed files AZR would accept; exits 1 naming what keeps a file from AZR. */
async function exportAzr(tasks: PlannedTask[], dir: string): Promise<void> {
  const seeds = azrSeeds(tasks);
  for (const path of await writeAzrSeeds(seeds, dir)) process.stdout.write(`wrote ${path}\n`);
  if (seeds.problems.length === 0) return;
  process.stderr.write(`azr-plan: not written as AZR would refuse it:\n${seeds.problems.map((p) => `  ${p}`).join('\n')}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { seed: { type: 'string' }, format: { type: 'string', default: 'json' }, out: { type: 'string' } } });
  } catch (error) {
    fail(describeError(error));
  }
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0) fail('give exactly one state file');
  const { format, out } = parsed.values;
  if (format !== 'json' && format !== 'azr') fail(`--format must be json or azr, got "${format}"`);
  if (format === 'azr' && out === undefined) fail('--format azr writes AZR seed files: give --out DIR');
  let seed: number | undefined;
  if (parsed.values.seed !== undefined) {
    seed = Number(parsed.values.seed);
    if (!Number.isInteger(seed) || seed < 0 || seed > 2147483647) fail(`--seed must be an integer 0..2147483647, got "${parsed.values.seed}"`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    fail(`cannot read ${file} as JSON: ${describeError(error)}`);
  }
  const state = PlannerStateSchema.safeParse(raw);
  if (!state.success) {
    fail(`invalid state in ${file}:\n${fieldIssues(state.error).map((i) => `  ${i.path}: ${i.message}`).join('\n')}`);
  }
  const service = createPlanService({ env: process.env });
  const plan = await service.plan(seed === undefined ? state.data : { ...state.data, seed });
  if (format === 'azr') return exportAzr(plan.tasks, out as string);
  process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
}

await main();
