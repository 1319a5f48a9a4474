import { availableParallelism, loadavg } from 'node:os';
import { parseOptions, usage, type BenchOptions } from './support/options.js';
import { progress } from './support/progress.js';
import { rowsFromFigures, textTable, type PartResult } from './support/report.js';
import { publishSaved, readResults, SAVED_DIR, SCRATCH_DIR, writeResults, type Results } from './support/results.js';

/**
 * `npm run bench` runs every part; `npm run bench -- curriculum capacity` runs only those; `--help` lists them.
 * Results of the parts run are merged into latest.json (parts not run keep their last figures) and latest.md,
 * in bench/out/ or, with --save, in bench/results/ and the README's bench table.
 */
const PARTS = {
  throughput: async () => (await import('./throughput.js')).run(),
  'cold-start': async () => (await import('./cold-start.js')).run(),
  curriculum: async () => (await import('./curriculum/index.js')).run(),
  capacity: async () => (await import('./capacity.js')).run(),
  generator: async () => {
    const figures = await (await import('./generator.js')).run();
    return { figures, rows: rowsFromFigures(figures) };
  },
} satisfies Record<string, () => Promise<PartResult>>;
type Part = keyof typeof PARTS;

const ABOUT: Record<Part, string> = {
  throughput: 'POST /plan on the container server vs the in-process planner and the FastAPI peer (~2 min)',
  'cold-start': 'Lambda module init + first /plan vs a bare Hono Lambda, bundle sizes (~10 s)',
  curriculum: 'simulated learners trained by the planner, an oracle and baselines; writes the plot (~20-50 s)',
  capacity: 'random states through the plan service: capacity used, over-allocations (~2 s)',
  generator: 'validated tasks per second and per plan size (~10 s)',
};

let options: BenchOptions;
try {
  options = parseOptions(process.argv.slice(2), Object.keys(PARTS));
} catch (error) {
  console.error(`bench: ${(error as Error).message}\n\n${usage(ABOUT)}`);
  process.exit(2);
}
if (options.help) {
  console.log(usage(ABOUT));
  process.exit(0);
}

const dir = options.save ? SAVED_DIR : SCRATCH_DIR;
const stored: Results = readResults(dir);
/** Parts in the driver's order whatever order they were last run in, so the README table reads the same. */
const ordered = (): Results => Object.fromEntries(Object.keys(PARTS).flatMap((p) => (stored[p] ? [[p, stored[p]] as const] : [])));

// parseOptions accepts only the names of PARTS.
const parts = (options.parts.length > 0 ? options.parts : Object.keys(PARTS)) as Part[];
let missed = 0;
for (const [i, part] of parts.entries()) {
  progress(`${part} (${i + 1}/${parts.length}): ${ABOUT[part]}`);
  const started = performance.now();
  const loadBefore = loadavg()[0] ?? 0;
  const result = await PARTS[part]();
  const machine = { cpus: availableParallelism(), node: process.version, load_before: loadBefore, load_after: loadavg()[0] ?? 0 };
  stored[part] = { measured_at: new Date().toISOString(), machine, ...result };
  missed += result.rows.filter((r) => r.ok === false).length;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  progress(`${part} done in ${seconds} s`);
  console.log(`${textTable(part, result.rows)}\n(${seconds} s; load average ${machine.load_before.toFixed(1)} -> ${machine.load_after.toFixed(1)})\n`);
  // Written after every part, so a long run that fails late keeps what it measured.
  writeResults(dir, ordered());
}
if (options.save) publishSaved();
progress(`figures in ${dir}/latest.json and latest.md${options.save ? ', README bench table rewritten' : ' (--save keeps them)'}`);
console.log(missed === 0 ? 'every target met' : `${missed} target(s) missed: see the table`);
