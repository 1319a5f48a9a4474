import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ICronJob } from 'kubernetes-models/batch/v1/CronJob';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanSchema } from '../../lib/schema/index.js';
import { motoTunables } from '../aws/support/aws.js';
import { busWithQueue } from '../aws/support/bus.js';
import { seedCluster } from '../aws/support/scenario.js';
import { only, render } from '../helm/helm.js';
import type { Manifest } from '../helm/helm.js';
import { envOf, readDockerfile } from './dockerfile.js';
import { assembleImage } from './image-layout.js';
import type { ImageLayout } from './image-layout.js';

const ROOT = join(import.meta.dirname, '../..');
const NODE = join(ROOT, 'node_modules/.bin/node');
const dockerfile = readDockerfile(ROOT);

describe('the chart\'s CronJob, run as the image would run it', () => {
  let layout: ImageLayout;
  let scratch: string;

  beforeAll(async () => {
    layout = await assembleImage(ROOT, dockerfile);
    scratch = mkdtempSync(join(tmpdir(), 'azr-cron-'));
  }, 180_000);

  afterAll(() => {
    layout?.cleanup();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('publishes a plan from the state in CloudWatch to the configured bus and exits 0', async () => {
    // Tunables aimed at the shared moto, set through the chart's values like an operator would.
    const t = motoTunables();
    await seedCluster(t);
    const queue = await busWithQueue(t);
    const valuesFile = join(scratch, 'values.yaml');
    writeFileSync(valuesFile, stringify({ azrPlanner: t }));
    const cronJob = only<ICronJob & Manifest>(await render(valuesFile), 'CronJob');
    const container = cronJob.spec!.jobTemplate.spec!.template.spec!.containers[0]!;
    const [program, ...args] = [...(container.command ?? []), ...(container.args ?? [])];
    expect(program).toBe('node');

    const env: Record<string, string> = { ...envOf(dockerfile.stages.at(-1)!) };
    for (const e of container.env ?? []) env[e.name] = e.value ?? '';
    // moto takes any credentials; in the cluster IRSA provides real ones the same way, through the environment.
    Object.assign(env, { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' });

    const result = await new Promise<{ code: number; stdout: string; stderr: string }>((done) =>
      execFile(NODE, args, { cwd: layout.appDir, env, timeout: 60_000 }, (error, stdout, stderr) =>
        done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      ),
    );
    expect(result.code, result.stderr).toBe(0);
    const event = await queue.next();
    queue.close();
    expect(event?.['detail-type']).toBe('AZR Plan Generated');
    const plan = PlanSchema.parse(event?.detail);
    expect(plan.sources.resources).toBe('cloudwatch');
    expect(plan.degraded).toBe(false);
  });
});
