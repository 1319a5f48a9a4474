import { readdirSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// Each concern that needs a real external tool (moto, helm) brings its own *.global.ts set-up.
const globalSetup = readdirSync('test/setup')
  .filter((f) => f.endsWith('.global.ts'))
  .map((f) => `test/setup/${f}`);

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup,
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
