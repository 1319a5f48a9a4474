import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TUNABLES } from '../../lib/config/index.js';
import { PlanSchema } from '../../lib/schema/index.js';
import { only, render } from '../helm/helm.js';
import type { Manifest } from '../helm/helm.js';
import { envOf, imageCommand, readDockerfile } from './dockerfile.js';
import { assembleImage } from './image-layout.js';
import type { ImageLayout } from './image-layout.js';
import { freePort } from '../../fixtures/free-port.js';

const ROOT = join(import.meta.dirname, '../..');
const NODE = join(ROOT, 'node_modules/.bin/node');
const dockerfile = readDockerfile(ROOT);
const final = dockerfile.stages.at(-1)!;
const run = promisify(execFile);

/** The image's command with `node` standing for the pinned node the image's tag names. */
function localCommand(): string[] {
  const [program, ...args] = imageCommand(final);
  expect(program).toBe('node');
  return [NODE, ...args];
}

describe('the image, started exactly as its CMD with its ENV', () => {
  let layout: ImageLayout;
  let server: ChildProcess;
  let base: string;
  let output = '';

  beforeAll(async () => {
    // The pinned node stands in for the image's: both are the version package.json pins.
    const { stdout } = await run(NODE, ['--version']);
    expect(final.image).toBe(`node:${stdout.trim().slice(1)}-alpine`);

    layout = await assembleImage(ROOT, dockerfile);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const [program, ...args] = localCommand();
    // Only the image's ENV (no inherited variables: the container has none of this machine's), with a free PORT.
    server = spawn(program!, args, { cwd: layout.appDir, env: { ...envOf(final), PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));

    const deadline = Date.now() + 30_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}:\n${output}`);
      const up = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
      if (up) break;
      if (Date.now() > deadline) throw new Error(`the server did not answer /healthz within 30 s:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, 180_000);

  afterAll(() => {
    if (server && server.exitCode === null) server.kill('SIGKILL');
    layout?.cleanup();
  });

  it('holds only the bundles and package.json: no node_modules, no sources', () => {
    expect(readdirSync(layout.appDir).sort()).toEqual(['dist', 'package.json']);
    expect(readdirSync(join(layout.appDir, 'dist')).sort()).toEqual(['cli.js', 'plan-worker.js', 'scheduled-job.js', 'server.js']);
  });

  it('answers /healthz and /readyz', async () => {
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });

  it('answers the chart\'s liveness and readiness probes', async () => {
    const deployment = only<IDeployment & Manifest>(await render(), 'Deployment');
    const container = deployment.spec!.template.spec!.containers[0]!;
    for (const probe of [container.livenessProbe, container.readinessProbe]) {
      const res = await fetch(`${base}${probe!.httpGet!.path}`);
      expect(res.status, probe!.httpGet!.path).toBe(200);
    }
  });

  it('serves POST /plan: a valid plan for the example state, 400 naming the field for a bad one', async () => {
    const state = { ...JSON.parse(readFileSync(join(ROOT, 'examples/state.json'), 'utf8')), seed: 7 };
    const res = await fetch(`${base}/plan`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(state) });
    expect(res.status).toBe(200);
    const plan = PlanSchema.parse(await res.json());
    expect(plan.seed).toBe(7);
    expect(plan.action).toBe('run');
    expect(plan.tasks.length).toBeGreaterThan(0);

    const bad = await fetch(`${base}/plan`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"alpha_free":"lots"}' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('alpha_free');
  });

  it('generates run plans on its worker threads: /healthz is answered while plans are still queued', async () => {
    expect(output).toMatch(new RegExp(`"message":"listening".*"plan_workers":${DEFAULT_TUNABLES.planWorkers}\\b`));
    let answered = 0;
    const post = (seed: number) =>
      fetch(`${base}/plan`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ alpha_free: 1, beta_free: 1, seed }) })
        .then(async (r) => ({ status: r.status, plan: PlanSchema.parse(await r.json()) }))
        .finally(() => (answered += 1));
    // ~40 tasks each. Planned on the event loop, every plan queued before the probe is answered before it
    // (measured: 24 of 24); on the workers the probe is answered at once (1 of 24).
    const plans = Array.from({ length: 24 }, (_, i) => post(i + 1));
    await Promise.race(plans);
    const health = await fetch(`${base}/healthz`).then((r) => ({ status: r.status, answeredBefore: answered }));
    const results = await Promise.all(plans);
    expect(health.status).toBe(200);
    expect(health.answeredBefore).toBeLessThan(12);
    expect(results.every((r) => r.status === 200 && r.plan.action === 'run' && r.plan.tasks.length > 30)).toBe(true);
  });

  it('runs the CLI bundle from the same image', async () => {
    const [program] = localCommand();
    const { stdout } = await run(program!, ['dist/cli.js', join(ROOT, 'examples/state.json'), '--seed', '3'], {
      cwd: layout.appDir,
      env: envOf(final),
    });
    expect(PlanSchema.parse(JSON.parse(stdout)).seed).toBe(3);
  });

  it('exits cleanly and promptly on SIGTERM', async () => {
    const started = Date.now();
    const exited = once(server, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    server.kill('SIGTERM');
    const [code, signal] = await exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    // Well inside the server's own 10 s fallback and Kubernetes' grace period: it drained, it did not time out.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(output).not.toMatch(/\b(Error|ERR_)\b/);
  });
});
