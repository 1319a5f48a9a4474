import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../../scripts/build.js';

export interface Built {
  /** The container's server bundle, as the image runs it (`node dist/server.js`). */
  server: string;
  remove(): void;
}

/**
 * Builds what the container runs (scripts/build.ts, the Dockerfile's build) into a temporary dist/, so load is
 * measured on the artifact users get, not on tsx.
 */
export async function buildContainer(): Promise<Built> {
  const dir = mkdtempSync(join(tmpdir(), 'azr-dist-'));
  await build(dir);
  // The image copies package.json beside dist/ for "type": "module"; the bundles need nothing else.
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  return { server: join(dir, 'server.js'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
