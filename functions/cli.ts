import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { fieldIssues } from '../lib/schema/issues.js';
import { PlannerStateSchema } from '../lib/schema/state.js';
import { createPlanService } from '../lib/service/plan-service.js';
import { describeError } from '../lib/errors/describe.js';

const USAGE = 'usage: azr-plan <state.json> [--seed N]';

function fail(message: string): never {
  process.stderr.write(`azr-plan: ${message}\n${USAGE}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { seed: { type: 'string' } } });
  } catch (error) {
    fail(describeError(error));
  }
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0) fail('give exactly one state file');
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
  process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
}

await main();
