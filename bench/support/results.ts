import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readBlock, replaceBlock } from '../../scripts/marked-block.js';
import { markdown, type MeasuredPart } from './report.js';

/** Where `npm run bench -- --save` keeps the figures the README shows: tracked, changed only on purpose. */
export const SAVED_DIR = 'bench/results';
/** Where a plain `npm run bench` writes (git-ignored), so a trial run leaves the checkout as it was. */
export const SCRATCH_DIR = 'bench/out';
export const README = 'README.md';
export const BENCH_MARKERS = { start: '<!-- bench:start -->', end: '<!-- bench:end -->' };

export interface StoredPart extends MeasuredPart {
  figures: Record<string, unknown>;
}
export type Results = Record<string, StoredPart>;

const jsonPath = (dir: string): string => `${dir}/latest.json`;

/** Every part's last figures in `dir` (none when nothing was written there yet). */
export function readResults(dir: string): Results {
  return existsSync(jsonPath(dir)) ? (JSON.parse(readFileSync(jsonPath(dir), 'utf8')) as Results) : {};
}

/** latest.json (every raw figure) and latest.md (the table) in `dir`. */
export function writeResults(dir: string, results: Results): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(jsonPath(dir), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(`${dir}/latest.md`, markdown(results));
}

/** The README's bench block as the saved results render it. */
export function readmeWithResults(readme: string, results: Results): string {
  return replaceBlock(readme, BENCH_MARKERS, markdown(results), README);
}

export function readmeBenchBlock(readme: string): string {
  return readBlock(readme, BENCH_MARKERS, README);
}

/** Rewrites latest.md and the README's bench block from the saved latest.json (`--save`; `npm run generate` renders the same). */
export function publishSaved(): void {
  const results = readResults(SAVED_DIR);
  writeResults(SAVED_DIR, results);
  writeFileSync(README, readmeWithResults(readFileSync(README, 'utf8'), results));
}
