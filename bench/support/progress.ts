const started = performance.now();

/**
 * One line on stderr per step of a long run, with the time since the bench started, so `npm run bench` is never
 * silent for minutes; stdout keeps only the tables.
 */
export function progress(message: string): void {
  console.error(`[bench +${((performance.now() - started) / 1000).toFixed(0)} s] ${message}`);
}
