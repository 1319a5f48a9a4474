/**
 * Rewrites every file derived from the code or from saved figures: the tunables tables (README.md, the chart's
 * README), the README's bench table and bench/results/latest.md (from bench/results/latest.json), the chart's
 * values.schema.json, the tunables block of its values.yaml and its cross-field checks, the difficulty
 * calibration table and the golden replay file.
 * `npm run generate` writes them; `npm run generate -- --check` (part of `npm test`) writes nothing and exits 1
 * naming each stale file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { markdown } from '../bench/support/report.js';
import { readmeWithResults, readResults, SAVED_DIR } from '../bench/support/results.js';
import { TABLE_END, TABLE_START, tunablesTable } from '../lib/config/index.js';
import { quantilesModule } from './generate/calibration.js';
import { goldenReplay } from './generate/golden.js';
import { CHECKS_END, CHECKS_START, helmChecks } from './generate/helm-checks.js';
import { VALUES_END, VALUES_START, valuesTunables } from './generate/values-yaml.js';
import { valuesSchemaJson } from './helm/values-schema.js';
import { replaceBlock } from './marked-block.js';

type Render = (current: string, file: string) => string | Promise<string>;

const tunablesIn: Render = (current, file) => replaceBlock(current, { start: TABLE_START, end: TABLE_END }, tunablesTable(), file);

/** Each derived file, by its path from the repository root, and how it is rendered from its current text. */
export const DERIVED: Record<string, Render> = {
  // The README carries two generated blocks: the tunables table and the saved bench results.
  'README.md': async (current, file) => readmeWithResults(await tunablesIn(current, file), readResults(SAVED_DIR)),
  'bench/results/latest.md': () => markdown(readResults(SAVED_DIR)),
  'helm/azr-planner/README.md': tunablesIn,
  'helm/azr-planner/values.schema.json': () => valuesSchemaJson(),
  'helm/azr-planner/values.yaml': (current, file) => replaceBlock(current, { start: VALUES_START, end: VALUES_END }, valuesTunables(), file),
  'helm/azr-planner/templates/_validate.tpl': (current, file) => replaceBlock(current, { start: CHECKS_START, end: CHECKS_END }, helmChecks(), file),
  'lib/generator/difficulty/quantiles.ts': () => quantilesModule(),
  'test/golden/replay.json': () => goldenReplay(),
};

const ROOT = new URL('../', import.meta.url);

/** The files whose text differs from what the code renders now, and that text. */
export async function staleFiles(only?: readonly string[]): Promise<{ file: string; wanted: string }[]> {
  const stale: { file: string; wanted: string }[] = [];
  for (const [file, render] of Object.entries(DERIVED)) {
    if (only && !only.includes(file)) continue;
    const path = fileURLToPath(new URL(file, ROOT));
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      // A derived file not written yet (the golden file on first run): render it from nothing.
    }
    const wanted = await render(current, file);
    if (wanted !== current) stale.push({ file, wanted });
  }
  return stale;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const check = process.argv.includes('--check');
  const stale = await staleFiles();
  for (const { file, wanted } of stale) {
    if (check) console.error(`${file} is stale: run npm run generate`);
    else {
      writeFileSync(fileURLToPath(new URL(file, ROOT)), wanted);
      console.log(`wrote ${file}`);
    }
  }
  if (check && stale.length > 0) process.exit(1);
}
