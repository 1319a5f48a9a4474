/**
 * How the Lambda functions are bundled, in one place: the CDK stack (infra/constructs/planner-function.ts)
 * builds the deployed assets with it and the cold-start benchmark measures the same build.
 */
import type { BuildOptions } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** esbuild's name for the Node major the project pins and the Lambda runtime runs (nodejs22.x). */
export const NODE_TARGET = 'node22';

/**
 * Bundled CommonJS dependencies (the AWS SDK among them) call require() for Node built-ins, which an ES
 * module does not define: give every output file one.
 */
export const REQUIRE_BANNER =
  "import { createRequire as __azrCreateRequire } from 'node:module'; const require = __azrCreateRequire(import.meta.url);";

/**
 * A Lambda entry as `index.mjs` (+ source map) with code split into `chunks/`: modules imported on first use
 * (the AWS SDK clients, loaded by `lib/compose/sources.ts`) land in chunks a cold start without AWS sources never reads, so
 * module init parses ~120 KB instead of ~0.8 MB. The SDK is bundled, pinning the version the tests ran against.
 */
export function lambdaBuildOptions(entry: string, outdir: string): BuildOptions {
  return {
    absWorkingDir: PROJECT_ROOT,
    entryPoints: { index: entry },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: NODE_TARGET,
    // ESM builds of dependencies, which tree-shake and split where CommonJS builds cannot.
    mainFields: ['module', 'main'],
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    banner: { js: REQUIRE_BANNER },
    logLevel: 'warning',
  };
}
