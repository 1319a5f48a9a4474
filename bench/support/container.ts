import { build as esbuild } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../../scripts/build.js';
import { NODE_TARGET, REQUIRE_BANNER } from '../../scripts/bundle.js';

export interface Built {
  /** The container's server bundle, as the image runs it (`node dist/server.js`). */
  server: string;
  /** The bare Hono echo route, bundled the same way: the baseline served like the server. */
  echo: string;
  /** A bare Hono route answering a precomputed wait plan: (b)'s floor. */
  waitFloor: string;
  remove(): void;
}

/**
 * Builds what the container runs (scripts/build.ts, the Dockerfile's build) into a temporary dist/, plus the echo
 * baseline with the same esbuild target, so load is measured on the artifact users get, not on tsx.
 */
export async function buildContainer(): Promise<Built> {
  const dir = mkdtempSync(join(tmpdir(), 'azr-dist-'));
  await build(dir);
  for (const [entry, out] of [['bench/echo-server.ts', 'echo.js'], ['bench/wait-floor-server.ts', 'wait-floor.js']]) {
    await esbuild({ entryPoints: [entry!], outfile: join(dir, out!), bundle: true, platform: 'node', format: 'esm', target: NODE_TARGET, banner: { js: REQUIRE_BANNER }, logLevel: 'warning' });
  }
  // The image copies package.json beside dist/ for "type": "module"; the bundles need nothing else.
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  return { server: join(dir, 'server.js'), echo: join(dir, 'echo.js'), waitFloor: join(dir, 'wait-floor.js'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
