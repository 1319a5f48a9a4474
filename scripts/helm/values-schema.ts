import * as z from 'zod';
import { TUNABLES, tunableKeys, helmName } from '../../lib/config/tunables.js';
import type { TunableKey } from '../../lib/config/tunables.js';

/**
 * The azr-planner chart's values, as a zod schema. helm/azr-planner/values.schema.json is generated from it
 * (`npm run generate`, scripts/generate.ts), so the tunables' bounds in the chart are the planner's own and cannot drift.
 * Objects are strict: a misspelt key fails `helm install` instead of being silently ignored.
 */

const tunables = Object.fromEntries(
  tunableKeys().map((key) => [key, TUNABLES[key].schema.describe(`${TUNABLES[key].description} (${helmName(key)})`)]),
) as { [K in TunableKey]: (typeof TUNABLES)[K]['schema'] };

const AzrPlannerValues = z
  .strictObject({ enabled: z.boolean().describe('Render the planner at all'), ...tunables })
  .describe('Planner switch and tunables; every tunable becomes the env var of lib/config/tunables.ts envName()');

/** A Kubernetes resource quantity such as 100m, 0.5, 128Mi. */
const quantity = z.union([
  z.string().regex(/^[0-9]+(\.[0-9]+)?(m|k|Ki|M|Mi|G|Gi|T|Ti|P|Pi|E|Ei)?$/),
  z.number().positive(),
]);
const resourceList = z.strictObject({
  cpu: quantity.optional(),
  memory: quantity.optional(),
  'ephemeral-storage': quantity.optional(),
});
const resources = z.strictObject({ requests: resourceList.optional(), limits: resourceList.optional() });
const port = z.number().int().min(1).max(65535);
const k8sName = z.string().regex(/^([a-z0-9]([-a-z0-9]*[a-z0-9])?)?$/).max(63);
/** Free-form Kubernetes objects the chart passes through (affinity, peers): the API server validates them. */
const passThrough = z.record(z.string(), z.unknown());
const stringMap = z.record(z.string(), z.string());
const cidr = z.string().regex(/^[0-9a-fA-F:.]+\/[0-9]{1,3}$/);
/** A Kubernetes Probe object; the API server validates its fields. Optional: helm deletes a key set to null. */
const probe = passThrough.optional();
/** A Prometheus duration such as 30s or 1m. */
const promDuration = z.string().regex(/^([0-9]+(ms|s|m|h))+$/);
const serviceAccount = { create: z.boolean(), name: k8sName, annotations: stringMap };

export const ChartValuesSchema = z.strictObject({
  azrPlanner: AzrPlannerValues,
  nameOverride: k8sName,
  fullnameOverride: k8sName,
  image: z.strictObject({
    repository: z.string().min(1),
    tag: z.string(),
    digest: z.string().regex(/^(sha256:[0-9a-f]{64})?$/).describe('sha256:<64 hex>; when set, the image is pulled by digest'),
    pullPolicy: z.enum(['Always', 'IfNotPresent', 'Never']),
  }),
  imagePullSecrets: z.array(z.strictObject({ name: z.string().min(1) })),
  replicaCount: z.number().int().min(0),
  containerPort: port,
  shutdownDelaySeconds: z.number().int().min(0).max(20).describe('preStop pause before SIGTERM; part of the pod\'s grace period'),
  auth: z.strictObject({
    existingSecret: k8sName.describe('Secret holding the bearer token POST /plan requires; empty: none'),
    secretKey: z.string().regex(/^[-._a-zA-Z0-9]+$/).max(253),
  }),
  service: z.strictObject({
    type: z.enum(['ClusterIP', 'NodePort', 'LoadBalancer']),
    port,
    annotations: stringMap,
    loadBalancerSourceRanges: z.array(cidr),
    allowAnySource: z.boolean().describe('Let a LoadBalancer without loadBalancerSourceRanges render'),
  }),
  ingress: z.strictObject({
    enabled: z.boolean(),
    className: z.string(),
    annotations: stringMap,
    hosts: z.array(
      z.strictObject({
        host: z.string().min(1),
        paths: z
          .array(z.strictObject({ path: z.string().startsWith('/'), pathType: z.enum(['Prefix', 'Exact', 'ImplementationSpecific']) }))
          .min(1),
      }),
    ),
    tls: z.array(z.strictObject({ secretName: z.string().optional(), hosts: z.array(z.string()).optional() })),
  }),
  httpRoute: z.strictObject({
    enabled: z.boolean(),
    annotations: stringMap,
    parentRefs: z.array(passThrough).min(1),
    hostnames: z.array(z.string().min(1)),
    rules: z.array(z.strictObject({ matches: z.array(passThrough).optional(), filters: z.array(passThrough).optional() })).min(1),
  }),
  serviceAccount: z.strictObject({ ...serviceAccount, automountToken: z.boolean() }),
  extraEnv: z.array(passThrough),
  envFrom: z.array(passThrough),
  extraVolumes: z.array(passThrough),
  extraVolumeMounts: z.array(passThrough),
  startupProbe: probe,
  livenessProbe: probe,
  readinessProbe: probe,
  podAnnotations: stringMap,
  podLabels: stringMap,
  podSecurity: z.strictObject({
    runAsUser: z.number().int().min(1).describe('UID of the container process; 0 (root) is refused'),
    runAsGroup: z.number().int().min(0),
  }),
  resources,
  nodeSelector: stringMap,
  tolerations: z.array(passThrough),
  affinity: passThrough,
  topologySpreadConstraints: z.array(passThrough),
  priorityClassName: k8sName,
  metrics: z.strictObject({
    enabled: z.boolean().describe('Annotate server pods for Prometheus to scrape /metrics'),
    serviceMonitor: z.strictObject({
      enabled: z.boolean(),
      interval: promDuration,
      scrapeTimeout: promDuration,
      labels: stringMap,
    }),
  }),
  autoscaling: z.strictObject({
    enabled: z.boolean(),
    minReplicas: z.number().int().min(1),
    maxReplicas: z.number().int().min(1),
    targetCPUUtilizationPercentage: z.number().int().min(1).max(100),
  }),
  podDisruptionBudget: z.strictObject({
    enabled: z.boolean(),
    minAvailable: z.union([z.number().int().min(0), z.string().regex(/^[0-9]{1,3}%$/)]),
  }),
  networkPolicy: z.strictObject({
    enabled: z.boolean(),
    ingressFrom: z.array(passThrough),
    metricsFrom: z.array(passThrough),
    restrictEgress: z.boolean(),
    egressCidrs: z.array(cidr),
  }),
  cronJob: z.strictObject({
    enabled: z.boolean(),
    suspend: z
      .union([z.literal('auto'), z.boolean()])
      .describe('auto: suspended unless cronJob.serviceAccount has an IRSA role; true/false decide outright'),
    serviceAccount: z.strictObject(serviceAccount),
    schedule: z.string().min(1),
    timeZone: z.string(),
    concurrencyPolicy: z.enum(['Allow', 'Forbid', 'Replace']),
    startingDeadlineSeconds: z.number().int().min(1),
    activeDeadlineSeconds: z.number().int().min(1),
    backoffLimit: z.number().int().min(0),
    successfulJobsHistoryLimit: z.number().int().min(0),
    failedJobsHistoryLimit: z.number().int().min(0),
    resources,
  }),
  // Helm hands parent-chart globals to every chart; accept them so the chart can be a dependency.
  global: passThrough.optional(),
});
export type ChartValues = z.infer<typeof ChartValuesSchema>;

/** The text of values.schema.json. */
export function valuesSchemaJson(): string {
  return `${JSON.stringify(z.toJSONSchema(ChartValuesSchema), null, 2)}\n`;
}
