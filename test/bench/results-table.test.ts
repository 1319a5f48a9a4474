import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markdown } from '../../bench/support/report.js';
import { readmeBenchBlock, readmeWithResults, readResults, README, SAVED_DIR } from '../../bench/support/results.js';

describe('the saved bench results', () => {
  const results = readResults(SAVED_DIR);
  const readme = readFileSync(README, 'utf8');

  it('are what the README shows (npm run generate rewrites the block from latest.json)', () => {
    expect(Object.keys(results).length).toBeGreaterThan(0);
    expect(readmeBenchBlock(readme)).toBe(markdown(results).trimEnd());
  });

  it('are what latest.md shows', () => {
    expect(readFileSync(`${SAVED_DIR}/latest.md`, 'utf8')).toBe(markdown(results));
  });

  it('rewriting the block from them leaves the README as it is, and replaces a stale block', () => {
    expect(readmeWithResults(readme, results)).toBe(readme);
    const stale = readmeWithResults(readme, {});
    expect(stale).not.toBe(readme);
    expect(readmeWithResults(stale, results)).toBe(readme);
  });
});
