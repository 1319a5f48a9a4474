import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChartValues } from '../../scripts/helm/values-schema.js';
import { checkov } from '../infra/support/checkov.js';
import type { CheckovResult } from '../infra/support/checkov.js';
import { VALUE_FILES, mergedValues, template } from './helm.js';

/** checkov's Kubernetes checks the chart answers differently for every install, and why. */
const ACCEPTED: Record<string, string> = {
  CKV_K8S_40: "uid 1000 is the image's own numeric non-root user, which runAsNonRoot verifies; checkov wants >= 10000",
  CKV_K8S_35: 'the token (PLANNER_AUTH_TOKEN) and AWS credentials (envFrom) are read from the environment, as the server and the AWS SDK expect',
};

/** Checks that fire only when an install leaves a chart opt-in off. */
const OPT_IN: Record<string, (values: ChartValues) => boolean> = {
  CKV_K8S_43: (v) => !v.image.digest,
  // Always is needed only for a mutable tag; checkov passes a digest reference.
  CKV_K8S_15: (v) => !v.image.digest,
};

const named = (file: string | undefined) => basename(file ?? 'defaults.yaml');

describe('checkov on the rendered chart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'azr-checkov-'));
  let passed: CheckovResult[] = [];
  let failed: CheckovResult[] = [];

  beforeAll(async () => {
    const files: string[] = [];
    for (const file of VALUE_FILES) {
      const rendered = await template(file);
      if (rendered.code !== 0) throw new Error(rendered.stderr);
      files.push(join(dir, named(file)));
      writeFileSync(files.at(-1)!, rendered.stdout);
    }
    ({ passed, failed } = await checkov('kubernetes', files));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(VALUE_FILES.map((file) => [named(file), file] as const))(
    'finds nothing wrong with %s beyond the accepted and opt-in checks',
    (name, file) => {
      const values = mergedValues(file) as unknown as ChartValues;
      expect(passed.filter((p) => basename(p.file_path) === name).length).toBeGreaterThan(100);
      const unexpected = failed
        .filter((f) => basename(f.file_path) === name)
        .filter((f) => !(f.check_id in ACCEPTED) && !OPT_IN[f.check_id]?.(values))
        .map((f) => `${f.check_id} ${f.resource}`);
      expect(unexpected).toEqual([]);
    },
  );

  it('passes the checks issue 16 found failing: a NetworkPolicy by default, the image by digest when one is given', () => {
    const result = (id: string, name: string, kind: string) =>
      [passed, failed].map((list) => list.filter((r) => r.check_id === id && basename(r.file_path) === name && r.resource.startsWith(kind)).length);
    // checkov names the server's pods by the Deployment and their labels.
    expect(result('CKV2_K8S_6', 'defaults.yaml', 'Pod.azr.planner-azr-planner.')).toEqual([1, 0]);
    expect(result('CKV_K8S_43', 'production-values.yaml', 'Deployment.')).toEqual([1, 0]);
    expect(result('CKV_K8S_43', 'production-values.yaml', 'CronJob.')).toEqual([1, 0]);
  });
});
