/**
 * Regenerates the chart's derived files from the code: helm/azr-planner/values.schema.json (from the chart's
 * zod schema, which embeds the tunables' own bounds) and the tunables table in helm/azr-planner/README.md.
 * `node --import tsx scripts/helm/generate.ts [--check]`; --check writes nothing and exits 1 when a file is
 * stale (test/helm makes the same comparison).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TABLE_END, TABLE_START, tunablesTable } from '../../lib/config/tunables-table.js';
import { replaceBlock } from '../marked-block.js';
import { valuesSchemaJson } from './values-schema.js';

const chartFile = (name: string) => fileURLToPath(new URL(`../../helm/azr-planner/${name}`, import.meta.url));

/** The README with its tunables table (between the markers) replaced by the current one. */
export function chartReadme(current: string): string {
  return replaceBlock(current, { start: TABLE_START, end: TABLE_END }, tunablesTable(), 'helm/azr-planner/README.md');
}

const GENERATED: Record<string, (current: string) => string> = {
  'values.schema.json': () => valuesSchemaJson(),
  'README.md': chartReadme,
};

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  let stale = false;
  for (const [name, generate] of Object.entries(GENERATED)) {
    const path = chartFile(name);
    const current = readFileSync(path, 'utf8');
    const wanted = generate(current);
    if (current === wanted) continue;
    if (check) {
      console.error(`${path} is stale: run node --import tsx scripts/helm/generate.ts`);
      stale = true;
    } else {
      writeFileSync(path, wanted);
      console.log(`wrote ${path}`);
    }
  }
  if (stale) process.exit(1);
}
