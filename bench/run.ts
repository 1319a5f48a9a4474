import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { markdown, rowsFromFigures, textTable, type PartResult, type Row } from './support/report.js';

/**
 * `npm run bench` runs every part; `npm run bench -- curriculum capacity` runs only those. Results of the parts
 * run are merged into bench/results/latest.json (parts not run keep their last figures) and latest.md.
 */
const PARTS: Record<string, () => Promise<PartResult>> = {
  throughput: async () => (await import('./throughput.js')).run(),
  'cold-start': async () => (await import('./cold-start.js')).run(),
  curriculum: async () => (await import('./curriculum/index.js')).run(),
  capacity: async () => (await import('./capacity.js')).run(),
  generator: async () => {
    const figures = await (await import('./generator.js')).run();
    return { figures, rows: rowsFromFigures(figures) };
  },
};

const RESULTS = 'bench/results';
const asked = process.argv.slice(2);
const unknown = asked.filter((p) => !(p in PARTS));
if (unknown.length > 0) {
  console.error(`unknown part(s) ${unknown.join(', ')}; parts: ${Object.keys(PARTS).join(', ')}`);
  process.exit(2);
}

interface Stored {
  measured_at: string;
  /** Load averages (1 min) before and after the part: other work on the machine skews every figure. */
  machine: { cpus: number; node: string; load_before: number; load_after: number };
  figures: Record<string, unknown>;
  rows: Row[];
  details?: string;
}

mkdirSync(RESULTS, { recursive: true });
const latestPath = `${RESULTS}/latest.json`;
const stored: Record<string, Stored> = existsSync(latestPath) ? JSON.parse(readFileSync(latestPath, 'utf8')) : {};
/** Parts in the driver's order whatever order they were last run in, so the README table reads the same. */
const ordered = (): Record<string, Stored> =>
  Object.fromEntries(Object.keys(PARTS).flatMap((p) => (stored[p] ? [[p, stored[p]] as const] : [])));

let missed = 0;
for (const part of asked.length > 0 ? asked : Object.keys(PARTS)) {
  const started = performance.now();
  const loadBefore = loadavg()[0] ?? 0;
  const result = await PARTS[part]!();
  const machine = { cpus: availableParallelism(), node: process.version, load_before: loadBefore, load_after: loadavg()[0] ?? 0 };
  stored[part] = { measured_at: new Date().toISOString(), machine, ...result };
  missed += result.rows.filter((r) => r.ok === false).length;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${textTable(part, result.rows)}\n(${seconds} s; load average ${machine.load_before.toFixed(1)} -> ${machine.load_after.toFixed(1)})\n`);
  // Written after every part, so a long run that fails late keeps what it measured.
  writeFileSync(latestPath, `${JSON.stringify(ordered(), null, 2)}\n`);
  writeFileSync(`${RESULTS}/latest.md`, markdown(ordered()));
}
console.log(missed === 0 ? 'every target met' : `${missed} target(s) missed: see the table`);
