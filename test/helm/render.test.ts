import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { ICronJob } from 'kubernetes-models/batch/v1/CronJob';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { basename } from 'node:path';
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
const envOf = (c: IContainer): Record<string, string> => {
  const env: Record<string, string> = {};
  for (const e of c.env ?? []) {
    expect(e.valueFrom, `${e.name} comes from a literal value`).toBeUndefined();
    expect(env, `${e.name} is set once`).not.toHaveProperty(e.name);
    env[e.name] = e.value ?? '';
  }
  return env;
};

/** The env the chart must give both workloads for these values: every tunable, spelt as the code reads it. */
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
  // A read-only root still needs somewhere to write temporary files.
  expect(c.volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }]);
  expect(spec.volumes?.find((v) => v.name === 'tmp')?.emptyDir).toBeDefined();
}

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

  it('gives the server every tunable as env, exactly as set, plus PORT', async () => {
    const deployment = only<Deployment>(rendered, 'Deployment');
    const { PORT, ...env } = envOf(container(podSpec(deployment)));
    expect(PORT).toBe(String(values.containerPort));
    expectTunableEnv(env, tunables);
  });

  it('probes the server on routes the app serves, on its named port', async () => {
    const deployment = only<Deployment>(rendered, 'Deployment');
    const c = container(podSpec(deployment));
    expect(c.ports).toEqual([{ name: 'http', containerPort: values.containerPort, protocol: 'TCP' }]);
    expect(c.livenessProbe?.httpGet).toEqual({ path: '/healthz', port: 'http' });
    expect(c.readinessProbe?.httpGet).toEqual({ path: '/readyz', port: 'http' });
    // The app the image serves, wired from the env the chart gives it (AWS sources off: that is the default).
    if (!values.azrPlanner.useSsm && !values.azrPlanner.useCloudwatch) {
      const { app } = createContext({ ...envOf(c), LOG_LEVEL: 'SILENT' });
      for (const probe of [c.livenessProbe, c.readinessProbe]) {
        const res = await app.request(probe!.httpGet!.path!);
        expect(res.status, probe!.httpGet!.path).toBe(200);
      }
    }
    expect(c.lifecycle?.preStop?.exec?.command).toEqual(
      values.shutdownDelaySeconds > 0 ? ['sleep', String(values.shutdownDelaySeconds)] : undefined,
    );
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
    expect(spec.serviceAccountName).toBe(podSpec(only<Deployment>(rendered, 'Deployment')).serviceAccountName);
    expect(spec.restartPolicy).toBe('Never');
    expectTunableEnv(envOf(job), tunables);
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

    const accounts = rendered.filter((m) => m.kind === 'ServiceAccount') as (IServiceAccount & Manifest)[];
    expect(accounts).toHaveLength(values.serviceAccount.create ? 1 : 0);
    if (values.serviceAccount.create) {
      expect(accounts[0]!.metadata.name).toBe(podSpec(deployment).serviceAccountName);
      expect(accounts[0]!.metadata.annotations ?? {}).toEqual(values.serviceAccount.annotations);
      expect(accounts[0]!.automountServiceAccountToken).toBe(false);
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
    expect(policies).toHaveLength(values.networkPolicy.enabled ? 1 : 0);
    if (values.networkPolicy.enabled) {
      const spec = policies[0]!.spec!;
      selects(spec.podSelector.matchLabels);
      expect(spec.ingress).toEqual([
        {
          ports: [{ port: values.containerPort, protocol: 'TCP' }],
          from: values.networkPolicy.ingressFrom.length > 0 ? values.networkPolicy.ingressFrom : [{ podSelector: {} }],
        },
      ]);
      if (values.networkPolicy.restrictEgress) {
        expect(spec.policyTypes).toEqual(['Ingress', 'Egress']);
        expect(spec.egress?.[1]?.to).toEqual(values.networkPolicy.egressCidrs.map((cidr) => ({ ipBlock: { cidr } })));
      }
    }
  });
});

describe('the CI value files', () => {
  it('include a production install with the HPA, PDB and NetworkPolicy on', async () => {
    const file = VALUE_FILES.find((f) => f?.endsWith('production-values.yaml'));
    const kinds = (await render(file)).map((m) => m.kind);
    expect(kinds).toEqual(expect.arrayContaining(['HorizontalPodAutoscaler', 'PodDisruptionBudget', 'NetworkPolicy']));
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

describe('azrPlanner.enabled', () => {
  it('false renders nothing at all', async () => {
    const result = await template(undefined, ['--set', 'azrPlanner.enabled=false']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe('');
  });
});
