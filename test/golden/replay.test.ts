import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goldenReplay } from '../../scripts/generate/golden.js';

describe('golden replay (test/golden/replay.json)', () => {
  it('every stored seed and state still plans to the stored plan (npm run generate rewrites the file on purpose)', async () => {
    const stored = JSON.parse(readFileSync(new URL('./replay.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    const today = JSON.parse(await goldenReplay()) as Record<string, unknown>;
    expect(Object.keys(stored).length).toBeGreaterThanOrEqual(5);
    for (const name of Object.keys(today)) expect(today[name], name).toEqual(stored[name]);
    expect(Object.keys(today)).toEqual(Object.keys(stored));
  });
});
