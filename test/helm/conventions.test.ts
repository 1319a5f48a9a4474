import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { serve } from '@hono/node-server';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { ICronJob } from 'kubernetes-models/batch/v1/CronJob';
import type { IPod } from 'kubernetes-models/v1/Pod';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createContext } from '../../functions/context.js';
import { CHART, helm, KUBE_VERSION, only, render, template } from './helm.js';
import type { Manifest } from './helm.js';

const run = promisify(execFile);
type Deployment = IDeployment & Manifest;
type CronJob = ICronJob & Manifest;

const IRSA = 'eks.amazonaws.com/role-arn';
const DIGEST = `sha256:${'ab'.repeat(32)}`;
const serverContainer = (m: Manifest[]) => only<Deployment>(m, 'Deployment').spec!.template.spec!.containers[0]!;
const suspended = async (extra: string[]) => only<CronJob>(await render(undefined, extra), 'CronJob').spec!.suspend;
const irsa = (path: string, role: string) => ['--set-json', `${path}={"${IRSA}":"arn:aws:iam::123456789012:role/${role}"}`];

describe('the CronJob', () => {
  it('is suspended unless its own ServiceAccount has AWS access (an IRSA role) or suspend says otherwise', async () => {
    expect(await suspended([])).toBe(true);
    // The server's role is not the CronJob's: it stays suspended.
    expect(await suspended(irsa('serviceAccount.annotations', 'reader'))).toBe(true);
    expect(await suspended(irsa('cronJob.serviceAccount.annotations', 'publisher'))).toBe(false);
    expect(await suspended(['--set', 'cronJob.suspend=false'])).toBe(false);
    expect(await suspended(['--set', 'cronJob.suspend=true', ...irsa('cronJob.serviceAccount.annotations', 'publisher')])).toBe(true);
  });

  it('runs under its own ServiceAccount with its own role annotation; the server\'s account carries only the server\'s', async () => {
    const rendered = await render(undefined, [...irsa('serviceAccount.annotations', 'reader'), ...irsa('cronJob.serviceAccount.annotations', 'publisher')]);
    const accounts = Object.fromEntries(rendered.filter((m) => m.kind === 'ServiceAccount').map((a) => [a.metadata.name, a.metadata.annotations?.[IRSA]]));
    const server = only<Deployment>(rendered, 'Deployment').spec!.template.spec!.serviceAccountName!;
    const cron = only<CronJob>(rendered, 'CronJob').spec!.jobTemplate.spec!.template.spec!.serviceAccountName!;
    expect(accounts).toEqual({
      [server]: 'arn:aws:iam::123456789012:role/reader',
      [cron]: 'arn:aws:iam::123456789012:role/publisher',
    });
  });
});

describe('the bearer token', () => {
  it('reaches the server only, as PLANNER_AUTH_TOKEN from the named Secret and key, never as a literal', async () => {
    const rendered = await render(undefined, ['--set', 'auth.existingSecret=planner-token', '--set', 'auth.secretKey=bearer', '--set', 'cronJob.suspend=false']);
    expect(serverContainer(rendered).env?.find((e) => e.name === 'PLANNER_AUTH_TOKEN')).toEqual({
      name: 'PLANNER_AUTH_TOKEN',
      valueFrom: { secretKeyRef: { name: 'planner-token', key: 'bearer' } },
    });
    const job = only<CronJob>(rendered, 'CronJob').spec!.jobTemplate.spec!.template.spec!.containers[0]!;
    expect(job.env?.map((e) => e.name)).not.toContain('PLANNER_AUTH_TOKEN');
    expect(serverContainer(await render()).env?.map((e) => e.name)).not.toContain('PLANNER_AUTH_TOKEN');
  });
});

describe('the Service', () => {
  it('refuses a LoadBalancer open to every address unless source ranges or allowAnySource say so', async () => {
    const open = await template(undefined, ['--set', 'service.type=LoadBalancer']);
    expect(open.code).not.toBe(0);
    expect(open.stderr).toContain('service.loadBalancerSourceRanges');
    const ranged = await render(undefined, ['--set', 'service.type=LoadBalancer', '--set', 'service.loadBalancerSourceRanges={10.1.0.0/16}']);
    expect(only<Manifest & { spec: { loadBalancerSourceRanges: string[] } }>(ranged, 'Service').spec.loadBalancerSourceRanges).toEqual(['10.1.0.0/16']);
    const acknowledged = await template(undefined, ['--set', 'service.type=LoadBalancer', '--set', 'service.allowAnySource=true']);
    expect(acknowledged.code).toBe(0);
  });
});

describe('the probes', () => {
  it('take the user\'s fields over the chart\'s (null drops a field, or a whole probe)', async () => {
    const c = serverContainer(
      await render(undefined, ['--set', 'startupProbe=null', '--set-json', 'livenessProbe={"httpGet":null,"tcpSocket":{"port":"http"},"periodSeconds":30}']),
    );
    expect(c.startupProbe).toBeUndefined();
    expect(c.livenessProbe).toEqual({ tcpSocket: { port: 'http' }, periodSeconds: 30, timeoutSeconds: 2, failureThreshold: 3 });
    expect(c.readinessProbe?.httpGet?.path).toBe('/readyz');
  });
});

describe('the image', () => {
  it('is pulled by digest everywhere when one is given, the tag then ignored', async () => {
    const rendered = await render(undefined, ['--set', `image.digest=${DIGEST}`, '--set', 'image.tag=9.9.9']);
    const images = rendered.flatMap((m) => {
      if (m.kind === 'Deployment') return (m as Deployment).spec!.template.spec!.containers.map((c) => c.image);
      if (m.kind === 'CronJob') return (m as CronJob).spec!.jobTemplate.spec!.template.spec!.containers.map((c) => c.image);
      if (m.kind === 'Pod') return (m as IPod & Manifest).spec!.containers.map((c) => c.image);
      return [];
    });
    expect(images).toEqual(Array(3).fill(`ghcr.io/osiris/azr-planner@${DIGEST}`));
  });
});

describe('NOTES.txt', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  /**
   * helm prints NOTES only on install/upgrade, which need a cluster; a copy of the chart renders the same file
   * through `tpl` as a ConfigMap, with the same values and helpers.
   */
  async function notes(extra: string[] = []): Promise<string> {
    const dir = mkdtempSync(join(tmpdir(), 'azr-notes-'));
    dirs.push(dir);
    cpSync(CHART, dir, { recursive: true });
    renameSync(join(dir, 'templates/NOTES.txt'), join(dir, 'files/NOTES.txt'));
    writeFileSync(
      join(dir, 'templates/notes-probe.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: notes\ndata:\n  notes: {{ tpl (.Files.Get "files/NOTES.txt") . | quote }}\n',
    );
    const result = await helm(['template', 'planner', dir, '--kube-version', KUBE_VERSION, '--show-only', 'templates/notes-probe.yaml', ...extra]);
    if (result.code !== 0) throw new Error(result.stderr);
    return (parse(result.stdout) as { data: { notes: string } }).data.notes;
  }

  it('says the CronJob is suspended and how to turn it on, and stops saying so once it runs', async () => {
    const off = await notes();
    expect(off).toContain('Periodic plans are SUSPENDED');
    expect(off).toContain('cronJob.serviceAccount.annotations');
    expect(off).toContain('--set cronJob.suspend=false');
    const on = await notes(irsa('cronJob.serviceAccount.annotations', 'publisher'));
    expect(on).not.toContain('SUSPENDED');
    expect(on).toContain('create job --from=cronjob/planner-azr-planner-plan');
  });

  it('shows a client call that passes the NetworkPolicy and, with a token, sends it', async () => {
    const text = await notes(['--set', 'auth.existingSecret=planner-token']);
    expect(text).toContain('--labels=planner-azr-planner-client=true');
    expect(text).toContain('authorization: Bearer $TOKEN');
    expect(text).toContain('get secret planner-token');
    expect(await notes()).toContain('POST /plan takes no token');
  });

  it('warns when an Ingress or HTTPRoute is on but the NetworkPolicy lets no controller in', async () => {
    expect(await notes(['--set', 'httpRoute.enabled=true'])).toContain('the HTTPRoute is on, but the NetworkPolicy admits no ingress controller');
    expect(await notes(['--set', 'ingress.enabled=true'])).toContain('the Ingress is on');
    expect(await notes(['--set', 'ingress.enabled=true', '--set-json', 'networkPolicy.ingressFrom=[{"podSelector":{}}]'])).not.toContain('admits no ingress controller');
  });
});

describe('the `helm test` probe', () => {
  const servers: { close(): void }[] = [];
  afterAll(() => servers.forEach((s) => s.close()));

  /** The test pod's command as rendered, pointed at a loopback URL, run by the project's Node. */
  async function probe(url: string): Promise<{ code: number; output: string }> {
    const pod = only<IPod & Manifest>(await render(), 'Pod');
    const [, ...args] = pod.spec!.containers[0]!.command!;
    try {
      const { stdout, stderr } = await run(process.execPath, [...args.slice(0, -1), url], { timeout: 20_000 });
      return { code: 0, output: stdout + stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, output: e.stdout + e.stderr };
    }
  }

  const listening = (server: { address(): unknown }) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  it('passes against the planner app itself', async () => {
    const { app } = createContext({ LOG_LEVEL: 'SILENT' });
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    servers.push(server);
    await new Promise((resolve) => server.once('listening', resolve));
    const result = await probe(listening(server));
    expect(result.output).toContain('/readyz: 200');
    expect(result.code).toBe(0);
  });

  it('fails, naming the route, when the server is not ready or not there', async () => {
    const notReady = createServer((req, res) => res.writeHead(req.url === '/readyz' ? 503 : 200).end('{}'));
    servers.push(notReady);
    await new Promise<void>((resolve) => notReady.listen(0, '127.0.0.1', resolve));
    const result = await probe(listening(notReady));
    expect(result.code).toBe(1);
    expect(result.output).toContain('/readyz: 503');

    const url = listening(notReady);
    notReady.close();
    const gone = await probe(url);
    expect(gone.code).toBe(1);
    expect(gone.output).toMatch(/\/healthz: .*fetch failed/);
  });
});
