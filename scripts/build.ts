/**
 * Bundles the container's entry points into dist/ (one self-contained ESM file each), so the image needs
 * no node_modules at all: only what the entry points import ends up in it, and nothing is resolved at run time.
 * `node --import tsx scripts/build.ts [outdir]`; the Dockerfile and test/container run the same build().
 */
import { build as esbuild } from 'esbuild';
import type { Metafile } from 'esbuild';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODE_TARGET, REQUIRE_BANNER } from './bundle.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** dist/<name>.js ← functions/<source>. The image's CMD and the chart's CronJob name these files. */
export const ENTRY_POINTS = {
  server: 'functions/server.ts',
  // Loaded by the server's worker threads from beside server.js.
  'plan-worker': 'functions/plan-worker.ts',
  'scheduled-job': 'functions/scheduled-job.ts',
  cli: 'functions/cli.ts',
} as const;

export async function build(outdir: string): Promise<Metafile> {
  const result = await esbuild({
    absWorkingDir: root,
    entryPoints: Object.entries(ENTRY_POINTS).map(([out, source]) => ({ in: source, out })),
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: NODE_TARGET,
    banner: { js: REQUIRE_BANNER },
    // Whitespace and syntax only: identifiers stay, so stack traces in the pod's logs stay readable.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });
  return result.metafile;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outdir = resolve(root, process.argv[2] ?? 'dist');
  const metafile = await build(outdir);
  for (const [file, { bytes }] of Object.entries(metafile.outputs)) {
    console.log(`${file}  ${(bytes / 1024).toFixed(0)} KiB`);
  }
}
