import { RAW_QUANTILES } from './quantiles.js';

/**
 * Maps a raw score to [0, 1] through the empirical distribution of raw scores of the generator's
 * reference programs (size drawn uniformly; see sampleRawScores): difficulty d means "harder than a
 * fraction d of reference programs", so uniform requests use the whole range evenly. Piecewise-linear
 * between the stored percentiles; ties (flat stretches of the table) map to their midpoint.
 */
export function difficultyOf(raw: number, table: readonly number[] = RAW_QUANTILES): number {
  const last = table.length - 1;
  if (raw <= (table[0] as number)) return 0;
  if (raw >= (table[last] as number)) return 1;
  // Binary search for the last percentile <= raw.
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((table[mid] as number) <= raw) lo = mid;
    else hi = mid;
  }
  const a = table[lo] as number;
  const b = table[hi] as number;
  if (a === raw) {
    let first = lo;
    while (first > 0 && table[first - 1] === raw) first--;
    return (first + lo) / 2 / last;
  }
  return (lo + (raw - a) / (b - a)) / last;
}

/** The percentile table of a sample of raw scores: entry i is the (i / steps)-quantile. */
export function percentiles(sample: readonly number[], steps = 100): number[] {
  const sorted = [...sample].sort((x, y) => x - y);
  const out: number[] = [];
  for (let i = 0; i <= steps; i++) out.push(Math.round((sorted[Math.round((i / steps) * (sorted.length - 1))] as number) * 1000) / 1000);
  return out;
}

/** The inverse of difficultyOf: the raw score at difficulty d (d clamped to [0, 1]). */
export function rawAt(d: number, table: readonly number[] = RAW_QUANTILES): number {
  const x = Math.min(1, Math.max(0, d)) * (table.length - 1);
  const i = Math.min(table.length - 2, Math.floor(x));
  const a = table[i] as number;
  return a + ((table[i + 1] as number) - a) * (x - i);
}
