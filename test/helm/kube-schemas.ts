import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { CronJob } from 'kubernetes-models/batch/v1/CronJob';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { Pod } from 'kubernetes-models/v1/Pod';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import * as z from 'zod';
import type { Manifest } from './helm.js';

/** Prometheus' duration, as the prometheus-operator CRD's pattern has it. */
const duration = z.string().regex(/^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$/);

/**
 * The fields of prometheus-operator's monitoring.coreos.com/v1 ServiceMonitor the chart sets (kubernetes-models
 * carries no CRDs), with the CRD's types and required fields.
 */
const ServiceMonitorSpec = z.object({
  selector: z.object({ matchLabels: z.record(z.string(), z.string()) }),
  namespaceSelector: z.object({ matchNames: z.array(z.string().min(1)) }).optional(),
  endpoints: z
    .array(z.object({ port: z.string().min(1), path: z.string().startsWith('/'), interval: duration, scrapeTimeout: duration }))
    .min(1),
});

/** The fields of Gateway API's gateway.networking.k8s.io/v1 HTTPRoute the chart sets, as its CRD types them. */
const HTTPRouteSpec = z.object({
  parentRefs: z.array(z.object({ name: z.string().min(1), namespace: z.string().optional(), sectionName: z.string().optional() })).min(1),
  hostnames: z.array(z.string().min(1)).optional(),
  rules: z
    .array(
      z.object({
        matches: z
          .array(z.object({ path: z.object({ type: z.enum(['Exact', 'PathPrefix', 'RegularExpression']), value: z.string().startsWith('/') }).optional() }))
          .optional(),
        backendRefs: z.array(z.object({ name: z.string().min(1), port: z.number().int().min(1).max(65535) })).min(1),
      }),
    )
    .min(1),
});

/** A custom resource checked by a zod schema of its spec. */
function crd(spec: z.ZodType) {
  return class {
    constructor(private readonly data: { spec?: unknown }) {}
    validate(): void {
      const result = spec.safeParse(this.data.spec);
      if (!result.success) throw new Error(result.error.issues.map((i) => `spec.${i.path.join('.')}: ${i.message}`).join('; '));
    }
  };
}

const ServiceMonitor = crd(ServiceMonitorSpec);
const HTTPRoute = crd(HTTPRouteSpec);

/** Offline validators of the Kubernetes API schemas (kubernetes-models' precompiled ajv), per apiVersion/kind. */
const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'apps/v1/Deployment': Deployment,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'batch/v1/CronJob': CronJob,
  'gateway.networking.k8s.io/v1/HTTPRoute': HTTPRoute,
  'monitoring.coreos.com/v1/ServiceMonitor': ServiceMonitor,
  'networking.k8s.io/v1/Ingress': Ingress,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'v1/Pod': Pod,
  'v1/Service': Service,
  'v1/ServiceAccount': ServiceAccount,
};

/**
 * Validates one manifest against its API schema; throws naming the resource and the failing field.
 * The schemas do not reject unknown fields, so tests assert the fields that matter themselves.
 */
export function validateManifest(manifest: Manifest): void {
  const id = `${manifest.apiVersion}/${manifest.kind}`;
  const Model = MODELS[id];
  if (!Model) throw new Error(`no schema for ${id} (${manifest.metadata.name}): add its validator`);
  try {
    new Model(manifest as never).validate();
  } catch (error) {
    throw new Error(`${manifest.kind} ${manifest.metadata.name} fails the ${id} schema: ${(error as Error).message}`);
  }
}
