import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { ICronJob } from 'kubernetes-models/batch/v1/CronJob';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { envName, tunableKeys, tunablesFromEnv } from '../../lib/config/index.js';
import { createContext } from '../../functions/context.js';
import { ENTRY_POINTS } from '../../scripts/build.js';
import type { ChartValues } from '../../scripts/helm/values-schema.js';
import { CHART, VALUE_FILES, helm, lint, mergedValues, only, render, template } from './helm.js';
import type { Manifest } from './helm.js';
import { validateManifest } from './kube-schemas.js';

type Deployment = IDeployment & Manifest;
type CronJob = ICronJob & Manifest;

const podSpec = (d: Deployment): IPodSpec => d.spec!.template.spec!;
const cronPodSpec = (c: CronJob): IPodSpec => c.spec!.jobTemplate.spec!.template.spec!;
const container = (spec: IPodSpec): IContainer => {
  expect(spec.containers).toHaveLength(1);
  return spec.containers[0]!;
};
/** A container's literal env values by name; each name set once. Entries taken from a Secret are left out. */
const envOf = (c: IContainer): Record<string, string> => {
  const env: Record<string, string> = {};
  const names = (c.env ?? []).map((e) => e.name);
  expect(new Set(names).size, 'every env name is set once').toBe(names.length);
  for (const e of c.env ?? []) if (e.valueFrom === undefined) env[e.name] = e.value ?? '';
  return env;
};

/**
 * The env the chart must give both workloads for these values: every tunable, spelt as the code reads it, then the
 * user's extraEnv as given, after them (the templates refuse an extraEnv name the chart sets itself).
 */
function expectPlannerEnv(c: IContainer, values: ChartValues, tunables: Record<string, unknown>, own: readonly string[] = []): void {
  const extra = values.extraEnv as { name: string }[];
  const all = (c.env ?? []).filter((e) => !own.includes(e.name));
  expect(all.slice(all.length - extra.length)).toEqual(extra);
  const env = envOf({ ...c, env: all.slice(0, all.length - extra.length) });
  expectTunableEnv(env, tunables);
  expect(c.envFrom ?? []).toEqual(values.envFrom);
}

function expectTunableEnv(env: Record<string, string>, tunables: Record<string, unknown>): void {
  expect(Object.keys(env).sort()).toEqual(tunableKeys().map(envName).sort());
  const read = tunablesFromEnv(env);
  expect(read.issues).toEqual([]);
  for (const key of tunableKeys()) {
    expect(read.tunables[key], key).toEqual(tunables[key]);
    // Spelt as a person would write it: helm sees YAML numbers as float64, and 1048576 must not become 1.048576e+06.
    expect(env[envName(key)], key).toBe(String(tunables[key]));
  }
}

function expectHardened(spec: IPodSpec, values: ChartValues): void {
  expect(spec.automountServiceAccountToken).toBe(values.serviceAccount.automountToken);
  expect(spec.securityContext).toMatchObject({
    runAsNonRoot: true,
    runAsUser: values.podSecurity.runAsUser,
    runAsGroup: values.podSecurity.runAsGroup,
    seccompProfile: { type: 'RuntimeDefault' },
  });
  const c = container(spec);
  expect(c.securityContext).toEqual({
    runAsNonRoot: true,
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    privileged: false,
    capabilities: { drop: ['ALL'] },
    seccompProfile: { type: 'RuntimeDefault' },
  });
  // A read-only root still needs somewhere to write temporary files; the user's mounts come after.
  expect(c.volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }, ...values.extraVolumeMounts]);
  expect(spec.volumes).toEqual([{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }, ...values.extraVolumes]);
  expect(spec.priorityClassName).toBe(values.priorityClassName || undefined);
  expectSized(c);
}

/** kube-score's resource checks: CPU, memory and ephemeral storage, each requested and capped. */
function expectSized(c: IContainer): void {
  for (const kind of ['requests', 'limits'] as const) {
    for (const resource of ['cpu', 'memory', 'ephemeral-storage']) {
      expect(c.resources?.[kind]?.[resource], `${c.name} ${kind}.${resource}`).toBeDefined();
    }
  }
}

const imageOf = (values: ChartValues): string =>
  values.image.digest ? `${values.image.repository}@${values.image.digest}` : `${values.image.repository}:${values.image.tag || '1.0.0'}`;

/** The chart's rule for `cronJob.suspend: auto`: run only when the CronJob's own account has an IRSA role. */
const expectedSuspend = (values: ChartValues): boolean =>
  typeof values.cronJob.suspend === 'boolean'
    ? values.cronJob.suspend
    : !Object.hasOwn(values.cronJob.serviceAccount.annotations, 'eks.amazonaws.com/role-arn');

describe.each(VALUE_FILES.map((file) => [file ? basename(file) : 'default values', file] as const))('the chart with %s', (_name, file) => {
  const values = mergedValues(file) as unknown as ChartValues;
  const { enabled: _enabled, ...tunables } = values.azrPlanner;
  let rendered: Manifest[] = [];
  beforeAll(async () => {
    rendered = await render(file);
  });

  it('passes helm lint --strict', async () => {
    const result = await lint(file);
    expect(result.stderr + result.stdout).not.toMatch(/\[(ERROR|WARNING)\]/);
    expect(result.code).toBe(0);
  });

  it('renders manifests that are valid against the Kubernetes API schemas and carry the standard labels', async () => {
    expect(rendered.length).toBeGreaterThanOrEqual(3);
    for (const manifest of rendered) {
      validateManifest(manifest);
      expect(manifest.metadata.labels, `${manifest.kind} labels`).toMatchObject({
        'app.kubernetes.io/name': 'azr-planner',
        'app.kubernetes.io/instance': 'planner',
        'app.kubernetes.io/version': values.image.tag || '1.0.0',
        'app.kubernetes.io/managed-by': 'Helm',
        'helm.sh/chart': expect.stringMatching(/^azr-planner-\d+\.\d+\.\d+/),
      });
    }
  });

  it('gives the server every tunable as env, exactly as set, plus PORT, the extra env and the token from its Secret', async () => {
    const c = container(podSpec(only<Deployment>(rendered, 'Deployment')));
    expect(c.image).toBe(imageOf(values));
    expect(envOf(c).PORT).toBe(String(values.containerPort));
    const token = c.env?.find((e) => e.name === 'PLANNER_AUTH_TOKEN');
    expect(token?.valueFrom).toEqual(
      values.auth.existingSecret ? { secretKeyRef: { name: values.auth.existingSecret, key: values.auth.secretKey } } : undefined,
    );
    expectPlannerEnv(c, values, tunables, ['PORT', 'PLANNER_AUTH_TOKEN']);
  });

  it('probes the server on routes the app serves, on its named port', async () => {
    const deployment = only<Deployment>(rendered, 'Deployment');
    const c = container(podSpec(deployment));
    expect(c.ports).toEqual([{ name: 'http', containerPort: values.containerPort, protocol: 'TCP' }]);
    // As set in the values, whole: a user's probe replaces the chart's.
    expect(c.startupProbe).toEqual(values.startupProbe);
    expect(c.livenessProbe).toEqual(values.livenessProbe);
    expect(c.readinessProbe).toEqual(values.readinessProbe);
    expect(c.startupProbe?.httpGet).toEqual({ path: '/healthz', port: 'http' });
    expect(c.livenessProbe?.httpGet).toEqual({ path: '/healthz', port: 'http' });
    expect(c.readinessProbe?.httpGet).toEqual({ path: '/readyz', port: 'http' });
    // The app the image serves, wired from the env the chart gives it (AWS sources off: that is the default).
    if (!values.azrPlanner.useSsm && !values.azrPlanner.useCloudwatch) {
      const { app } = createContext({ ...envOf(c), LOG_LEVEL: 'SILENT' });
      for (const probe of [c.startupProbe, c.livenessProbe, c.readinessProbe]) {
        const res = await app.request(probe!.httpGet!.path!);
        expect(res.status, probe!.httpGet!.path).toBe(200);
      }
    }
    expect(c.lifecycle?.preStop?.exec?.command).toEqual(
      values.shutdownDelaySeconds > 0 ? ['sleep', String(values.shutdownDelaySeconds)] : undefined,
    );
    // SIGKILL only after the preStop pause and the server's whole drain, with time left to exit.
    expect(podSpec(deployment).terminationGracePeriodSeconds).toBe(values.shutdownDelaySeconds + values.azrPlanner.shutdownGraceSeconds + 5);
    // The image's CMD starts the server: the Deployment must not override it.
    expect(c.command).toBeUndefined();
    expect(c.args).toBeUndefined();
  });

  it('runs every pod hardened: non-root, read-only root, no capabilities, RuntimeDefault seccomp, no API token', async () => {
    expectHardened(podSpec(only<Deployment>(rendered, 'Deployment')), values);
    if (values.cronJob.enabled) expectHardened(cronPodSpec(only<CronJob>(rendered, 'CronJob')), values);
  });

  it('runs the scheduled entry of the same image, with the same env, from the CronJob', async () => {
    const cronJobs = rendered.filter((m) => m.kind === 'CronJob');
    expect(cronJobs).toHaveLength(values.cronJob.enabled ? 1 : 0);
    if (!values.cronJob.enabled) return;
    const cronJob = only<CronJob>(rendered, 'CronJob');
    const server = container(podSpec(only<Deployment>(rendered, 'Deployment')));
    const spec = cronPodSpec(cronJob);
    const job = container(spec);
    expect(cronJob.spec!.schedule).toBe(values.cronJob.schedule);
    expect(cronJob.spec!.concurrencyPolicy).toBe(values.cronJob.concurrencyPolicy);
    expect([...(job.command ?? []), ...(job.args ?? [])]).toEqual(['node', `dist/scheduled-job.js`]);
    expect(Object.keys(ENTRY_POINTS)).toContain('scheduled-job');
    expect(job.image).toBe(server.image);
    // Its own identity: the network-facing server never holds the publishing role.
    expect(spec.serviceAccountName).not.toBe(podSpec(only<Deployment>(rendered, 'Deployment')).serviceAccountName);
    expect(spec.restartPolicy).toBe('Never');
    expect(cronJob.spec!.suspend).toBe(expectedSuspend(values));
    expectPlannerEnv(job, values, tunables);
    expect(job.env?.some((e) => e.name === 'PLANNER_AUTH_TOKEN')).toBe(false);
  });

  it('wires the Service, ServiceAccount and the optional HPA, PDB and NetworkPolicy to the server pods', async () => {
    const deployment = only<Deployment>(rendered, 'Deployment');
    const podLabels = deployment.spec!.template.metadata!.labels!;
    const selects = (selector: Record<string, string> | undefined) => {
      expect(selector).toBeDefined();
      expect(podLabels).toMatchObject(selector!);
    };
    expect(deployment.spec!.selector.matchLabels).toEqual(expect.objectContaining({ 'app.kubernetes.io/component': 'server' }));
    selects(deployment.spec!.selector.matchLabels);

    const service = only<IService & Manifest>(rendered, 'Service');
    selects(service.spec!.selector);
    expect(service.spec!.ports).toEqual([{ name: 'http', port: values.service.port, targetPort: 'http', protocol: 'TCP' }]);
    expect(service.metadata.annotations ?? {}).toEqual(values.service.annotations);
    if (service.spec!.type === 'LoadBalancer') {
      // Never open to every address unless that was asked for.
      expect(service.spec!.loadBalancerSourceRanges ?? []).toEqual(values.service.loadBalancerSourceRanges);
      expect(values.service.loadBalancerSourceRanges.length > 0 || values.service.allowAnySource).toBe(true);
    }

    const accounts = rendered.filter((m) => m.kind === 'ServiceAccount') as (IServiceAccount & Manifest)[];
    const expectedAccounts = [
      ...(values.serviceAccount.create ? [[podSpec(deployment).serviceAccountName, values.serviceAccount.annotations]] : []),
      ...(values.cronJob.enabled && values.cronJob.serviceAccount.create
        ? [[cronPodSpec(only<CronJob>(rendered, 'CronJob')).serviceAccountName, values.cronJob.serviceAccount.annotations]]
        : []),
    ];
    expect(accounts.map((a) => [a.metadata.name, a.metadata.annotations ?? {}])).toEqual(expectedAccounts);
    for (const account of accounts) expect(account.automountServiceAccountToken).toBe(false);

    const ingresses = rendered.filter((m) => m.kind === 'Ingress') as (IIngress & Manifest)[];
    expect(ingresses).toHaveLength(values.ingress.enabled ? 1 : 0);
    for (const ingress of ingresses) {
      const backends = ingress.spec!.rules!.flatMap((r) => r.http!.paths.map((p) => p.backend.service));
      expect(backends.length).toBeGreaterThan(0);
      for (const backend of backends) expect(backend).toEqual({ name: service.metadata.name, port: { name: 'http' } });
      expect(ingress.spec!.tls ?? []).toEqual(values.ingress.tls);
    }

    const routes = rendered.filter((m) => m.kind === 'HTTPRoute') as (Manifest & {
      spec: { parentRefs: unknown[]; hostnames?: string[]; rules: { matches?: unknown[]; backendRefs: unknown[] }[] };
    })[];
    expect(routes).toHaveLength(values.httpRoute.enabled ? 1 : 0);
    for (const route of routes) {
      expect(route.spec.parentRefs).toEqual(values.httpRoute.parentRefs);
      expect(route.spec.hostnames).toEqual(values.httpRoute.hostnames);
      expect(route.spec.rules.map((r) => r.matches)).toEqual(values.httpRoute.rules.map((r) => r.matches));
      for (const rule of route.spec.rules) expect(rule.backendRefs).toEqual([{ name: service.metadata.name, port: values.service.port }]);
    }

    const hpas = rendered.filter((m) => m.kind === 'HorizontalPodAutoscaler') as (IHorizontalPodAutoscaler & Manifest)[];
    expect(hpas).toHaveLength(values.autoscaling.enabled ? 1 : 0);
    if (values.autoscaling.enabled) {
      expect(deployment.spec!.replicas).toBeUndefined();
      expect(hpas[0]!.spec!.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: deployment.metadata.name });
      expect(hpas[0]!.spec).toMatchObject({ minReplicas: values.autoscaling.minReplicas, maxReplicas: values.autoscaling.maxReplicas });
    } else {
      expect(deployment.spec!.replicas).toBe(values.replicaCount);
    }

    const pdbs = rendered.filter((m) => m.kind === 'PodDisruptionBudget') as (IPodDisruptionBudget & Manifest)[];
    expect(pdbs).toHaveLength(values.podDisruptionBudget.enabled ? 1 : 0);
    if (values.podDisruptionBudget.enabled) {
      selects(pdbs[0]!.spec!.selector!.matchLabels);
      expect(pdbs[0]!.spec!.minAvailable).toBe(values.podDisruptionBudget.minAvailable);
    }

    const policies = rendered.filter((m) => m.kind === 'NetworkPolicy') as (INetworkPolicy & Manifest)[];
    expect(policies).toHaveLength(values.networkPolicy.enabled ? (values.cronJob.enabled ? 2 : 1) : 0);
    if (values.networkPolicy.enabled) {
      const [server, ...runs] = policies.map((p) => p.spec!);
      selects(server!.podSelector.matchLabels);
      // An allow-list: the labelled clients, the listed peers, the scrapers; never a whole namespace or everyone.
      expect(server!.ingress).toEqual([
        {
          ports: [{ port: values.containerPort, protocol: 'TCP' }],
          from: [
            { podSelector: { matchLabels: { 'planner-azr-planner-client': 'true' } } },
            ...values.networkPolicy.ingressFrom,
            ...(values.metrics.enabled ? values.networkPolicy.metricsFrom : []),
          ],
        },
      ]);
      for (const run of runs) {
        expect(run.podSelector.matchLabels).toMatchObject({ 'app.kubernetes.io/component': 'scheduled-plan' });
        expect(run.policyTypes).toContain('Ingress');
        expect(run.ingress).toBeUndefined();
      }
      for (const spec of [server!, ...runs]) {
        expect(spec.policyTypes).toEqual(values.networkPolicy.restrictEgress ? ['Ingress', 'Egress'] : ['Ingress']);
        if (values.networkPolicy.restrictEgress) {
          expect(spec.egress?.[1]?.to).toEqual(values.networkPolicy.egressCidrs.map((cidr) => ({ ipBlock: { cidr } })));
        }
      }
    }
  });

  it('announces /metrics to Prometheus only when metrics are on, by annotations and optionally a ServiceMonitor', () => {
    const annotations = only<Deployment>(rendered, 'Deployment').spec!.template.metadata!.annotations ?? {};
    const scrape = { 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(values.containerPort), 'prometheus.io/path': '/metrics' };
    expect(annotations).toEqual(values.metrics.enabled ? { ...values.podAnnotations, ...scrape } : values.podAnnotations);

    const monitors = rendered.filter((m) => m.kind === 'ServiceMonitor') as (Manifest & {
      spec: { selector: { matchLabels: Record<string, string> }; endpoints: { port: string; path: string }[] };
    })[];
    expect(monitors).toHaveLength(values.metrics.enabled && values.metrics.serviceMonitor.enabled ? 1 : 0);
    for (const monitor of monitors) {
      const service = only<IService & Manifest>(rendered, 'Service');
      expect(service.metadata.labels).toMatchObject(monitor.spec.selector.matchLabels);
      expect(monitor.spec.endpoints.map((e) => [e.port, e.path])).toEqual([['http', '/metrics']]);
      expect(service.spec!.ports!.map((p) => p.name)).toContain('http');
      expect(monitor.metadata.labels).toMatchObject(values.metrics.serviceMonitor.labels);
    }
  });

  it('spreads the server pods as asked, filling in their own selector where none is given', () => {
    const spec = podSpec(only<Deployment>(rendered, 'Deployment'));
    expect(spec.topologySpreadConstraints ?? []).toHaveLength(values.topologySpreadConstraints.length);
    for (const [i, constraint] of (spec.topologySpreadConstraints ?? []).entries()) {
      expect(constraint).toMatchObject(values.topologySpreadConstraints[i]!);
      expect(constraint.labelSelector).toEqual(
        values.topologySpreadConstraints[i]!.labelSelector ?? {
          matchLabels: { 'app.kubernetes.io/name': 'azr-planner', 'app.kubernetes.io/instance': 'planner', 'app.kubernetes.io/component': 'server' },
        },
      );
    }
  });

  it('carries a `helm test` pod that probes the server through the Service, as a labelled client, hardened', () => {
    const pod = only<IPod & Manifest>(rendered, 'Pod');
    expect(pod.metadata.annotations).toMatchObject({ 'helm.sh/hook': 'test' });
    expect(pod.metadata.labels).toMatchObject({ 'planner-azr-planner-client': 'true' });
    const c = container(pod.spec!);
    expect(c.image).toBe(imageOf(values));
    expect(c.command?.at(-1)).toBe(`http://${only<IService & Manifest>(rendered, 'Service').metadata.name}:${values.service.port}`);
    expect(c.command?.slice(0, 3)).toEqual(['node', '--input-type=module', '-e']);
    expect(c.command?.[3]).toBe(readFileSync(join(CHART, 'files/probe.mjs'), 'utf8'));
    expect(pod.spec!.automountServiceAccountToken).toBe(false);
    expect(c.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, runAsNonRoot: true });
    expectSized(c);
  });
});

describe('the CI value files', () => {
  it('include a production install with the HPA, PDB and NetworkPolicy on and the CronJob running', async () => {
    const file = VALUE_FILES.find((f) => f?.endsWith('production-values.yaml'));
    const rendered = await render(file);
    expect(rendered.map((m) => m.kind)).toEqual(expect.arrayContaining(['HorizontalPodAutoscaler', 'PodDisruptionBudget', 'NetworkPolicy']));
    expect(only<CronJob>(rendered, 'CronJob').spec!.suspend).toBe(false);
  });

  it('include a self-managed install: Ingress, a LoadBalancer with source ranges, AWS credentials from a Secret', async () => {
    const file = VALUE_FILES.find((f) => f?.endsWith('self-managed-values.yaml'));
    const rendered = await render(file);
    expect(rendered.map((m) => m.kind)).toContain('Ingress');
    expect(only<IService & Manifest>(rendered, 'Service').spec!.type).toBe('LoadBalancer');
    expect(container(podSpec(only<Deployment>(rendered, 'Deployment'))).envFrom).toEqual([{ secretRef: { name: 'aws-credentials' } }]);
  });

  it('include an install with every reasoning mode off but one', async () => {
    const file = VALUE_FILES.find((f) => f?.endsWith('single-mode-values.yaml'));
    const env = envOf(container(podSpec(only<Deployment>(await render(file), 'Deployment'))));
    const modes = ['ENABLE_DEDUCTION', 'ENABLE_ABDUCTION', 'ENABLE_INDUCTION'].map((name) => env[name]);
    expect(modes.sort()).toEqual(['false', 'false', 'true']);
  });
});

describe('Kubernetes versions', () => {
  it('renders every value file on the oldest Kubernetes the chart declares (1.25), and refuses older ones', async () => {
    for (const file of VALUE_FILES) {
      const result = await helm(['template', 'planner', CHART, '--kube-version', '1.25.0', ...(file ? ['-f', file] : [])]);
      expect(result.stderr, file).toBe('');
      expect(result.code).toBe(0);
    }
    const old = await helm(['template', 'planner', CHART, '--kube-version', '1.24.0']);
    expect(old.code).not.toBe(0);
    expect(old.stderr).toContain('chart requires kubeVersion: >=1.25.0-0');
  });
});

describe('the server pod\'s grace period', () => {
  it('grows with the server\'s drain and the preStop pause, so a longer drain is never cut short by SIGKILL', async () => {
    const grace = async (...set: string[]) =>
      podSpec(only<Deployment>(await render(undefined, set.flatMap((s) => ['--set', s])), 'Deployment')).terminationGracePeriodSeconds;
    expect(await grace()).toBe(30);
    expect(await grace('azrPlanner.shutdownGraceSeconds=120')).toBe(130);
    expect(await grace('azrPlanner.shutdownGraceSeconds=120', 'shutdownDelaySeconds=0')).toBe(125);
  });
});

describe('azrPlanner.enabled', () => {
  it('false renders nothing at all', async () => {
    const result = await template(undefined, ['--set', 'azrPlanner.enabled=false']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe('');
  });
});
