import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parseAllDocuments, parse } from 'yaml';

const run = promisify(execFile);

export const ROOT = resolve(import.meta.dirname, '../..');
export const CHART = join(ROOT, 'helm/azr-planner');
export const HELM = join(ROOT, '.tools/bin/helm');
/** A current Kubernetes minor: helm built from source defaults to v1.20 capabilities otherwise. */
export const KUBE_VERSION = '1.31.0';

/** Value files the chart is rendered with: the defaults (no file) and every file under ci/. */
export const VALUE_FILES: readonly (string | undefined)[] = [
  undefined,
  ...readdirSync(join(CHART, 'ci'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(CHART, 'ci', f)),
];

export interface HelmResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real helm; a non-zero exit is returned, not thrown, so tests can assert on failures. */
export async function helm(args: readonly string[]): Promise<HelmResult> {
  if (!existsSync(HELM)) throw new Error(`${HELM} is missing: run \`bash scripts/tools/helm.sh\` (npm test's pretest does)`);
  try {
    const { stdout, stderr } = await run(HELM, [...args], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? String(error) };
  }
}

const valueArgs = (file: string | undefined, extra: readonly string[]) => [...(file ? ['-f', file] : []), ...extra];

export const lint = (file?: string, extra: readonly string[] = []) =>
  helm(['lint', '--strict', '--kube-version', KUBE_VERSION, CHART, ...valueArgs(file, extra)]);

export const template = (file?: string, extra: readonly string[] = []) =>
  helm(['template', 'planner', CHART, '--namespace', 'azr', '--kube-version', KUBE_VERSION, ...valueArgs(file, extra)]);

export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

/** Renders the chart and parses every manifest; throws with helm's message when rendering fails. */
export async function render(file?: string, extra: readonly string[] = []): Promise<Manifest[]> {
  const result = await template(file, extra);
  if (result.code !== 0) throw new Error(`helm template failed: ${result.stderr}`);
  return parseAllDocuments(result.stdout)
    .map((doc) => {
      if (doc.errors.length > 0) throw new Error(`rendered YAML does not parse: ${doc.errors[0]?.message}`);
      return doc.toJS() as Manifest | null;
    })
    .filter((m): m is Manifest => m !== null);
}

/** values.yaml merged with a value file the way helm merges them (maps deep, everything else replaced). */
export function mergedValues(file?: string): Record<string, unknown> {
  const defaults = parse(readFileSync(join(CHART, 'values.yaml'), 'utf8')) as Record<string, unknown>;
  return file ? deepMerge(defaults, parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : defaults;
}

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const prior = out[key];
    out[key] = isMap(prior) && isMap(value) ? deepMerge(prior, value) : value;
  }
  return out;
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function only<T extends Manifest>(manifests: readonly Manifest[], kind: string): T {
  const found = manifests.filter((m) => m.kind === kind);
  if (found.length !== 1) throw new Error(`expected one ${kind}, rendered ${found.length}`);
  return found[0] as T;
}
