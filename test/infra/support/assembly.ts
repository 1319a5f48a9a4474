import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

type Resource = { Type: string; Properties: Record<string, unknown> };
export type CfnTemplate = { Resources: Record<string, Resource> };

/**
 * `cdk synth` exactly as a developer or the pipeline runs it, from cdk.json, with no AWS credentials in
 * reach: the cloud assembly it writes is what `cdk deploy` would upload. Returns what the CLI printed (stderr).
 */
export function cdkSynth(outdir: string, stage: string): string {
  // The pinned Node first on PATH, as npm scripts have it: cdk.json's `node` must be the project's.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${resolve('node_modules/.bin')}${delimiter}${process.env.PATH ?? ''}`,
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  for (const key of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE']) delete env[key];
  const result = spawnSync('node_modules/.bin/cdk', ['synth', '--quiet', '--no-notices', '-c', `stage=${stage}`, '-o', outdir], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`cdk synth failed (${result.status}): ${result.stderr}`);
  return result.stderr;
}

export interface FunctionAsset {
  logicalId: string;
  properties: Record<string, unknown>;
  /** The directory CDK zips and uploads as the function's code. */
  dir: string;
  files: string[];
  /** Path of the handler's module and its export, from the function's Handler setting. */
  module: string;
  exportName: string;
  bytes: number;
}

/** The deployed code of the function whose Description matches, located through the asset manifest. */
export function functionAsset(outdir: string, stackName: string, description: RegExp): FunctionAsset {
  const found = Object.entries(readTemplate(outdir, stackName).Resources).find(
    ([, r]) => r.Type === 'AWS::Lambda::Function' && description.test(String(r.Properties.Description)),
  );
  if (!found) throw new Error(`no function matching ${description} in ${stackName}`);
  const [logicalId, { Properties: properties }] = found;
  const key = (properties.Code as { S3Key: string }).S3Key;
  const manifest = JSON.parse(readFileSync(join(outdir, `${stackName}.assets.json`), 'utf8')) as {
    files: Record<string, { source: { path: string; packaging: string } }>;
  };
  const asset = manifest.files[key.replace(/\.zip$/, '')];
  if (!asset || asset.source.packaging !== 'zip') throw new Error(`asset ${key} is not a zipped directory`);
  const dir = join(outdir, asset.source.path);
  const files = readdirSync(dir).sort();
  const [file, exportName] = String(properties.Handler).split('.');
  const module = files.find((f) => f === `${file}.mjs` || f === `${file}.js`);
  if (!module || !exportName) throw new Error(`handler ${String(properties.Handler)} has no module in ${files.join(', ')}`);
  return {
    logicalId,
    properties,
    dir,
    files,
    module: join(dir, module),
    exportName,
    bytes: readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .map((f) => statSync(join(dir, f)))
      .reduce((sum, s) => sum + (s.isFile() ? s.size : 0), 0),
  };
}

export function readTemplate(outdir: string, stackName: string): CfnTemplate {
  return JSON.parse(readFileSync(join(outdir, `${stackName}.template.json`), 'utf8')) as CfnTemplate;
}
