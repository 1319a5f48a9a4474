import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChartValues } from '../../scripts/helm/values-schema.js';
import { ROOT, VALUE_FILES, mergedValues, template } from './helm.js';

const run = promisify(execFile);
const KUBE_SCORE = join(ROOT, '.tools/bin/kube-score');

/** Checks the chart answers differently from kube-score, for every install, and why. */
const ACCEPTED: Record<string, string> = {
  'container-image-pull-policy':
    'IfNotPresent is right for an immutable reference (image.digest, or a release tag); Always only re-checks pull secrets on every start',
  'container-security-context-user-group-id':
    "uid/gid 1000 is the image's own numeric non-root user, which runAsNonRoot verifies; kube-score wants >= 10000",
};

/** Checks that fire only when an install leaves a chart opt-in off; each is on in the production values. */
const OPT_IN: Record<string, (values: ChartValues) => boolean> = {
  'deployment-has-poddisruptionbudget': (v) => !v.podDisruptionBudget.enabled,
  'deployment-has-host-podantiaffinity': (v) => !('podAntiAffinity' in v.affinity),
  'deployment-replicas': (v) => !v.autoscaling.enabled && v.replicaCount < 2,
  // Graded 5 ("no egress policy") when egress is left open on purpose.
  'pod-networkpolicy': (v) => !v.networkPolicy.restrictEgress,
};

interface Scored {
  object_name: string;
  checks: { check: { id: string }; grade: number; skipped: boolean }[];
}

describe('kube-score', () => {
  const dir = mkdtempSync(join(tmpdir(), 'azr-kube-score-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(() => {
    if (!existsSync(KUBE_SCORE)) throw new Error(`${KUBE_SCORE} is missing: run \`bash scripts/tools/kube-score.sh\` (npm test's pretest does)`);
  });

  it.each(VALUE_FILES.map((file) => [file ? basename(file) : 'default values', file] as const))(
    'finds nothing wrong with the chart rendered with %s beyond the accepted and opt-in checks',
    async (_name, file) => {
      const values = mergedValues(file) as unknown as ChartValues;
      const rendered = await template(file);
      expect(rendered.code).toBe(0);
      const manifests = join(dir, `${basename(file ?? 'defaults.yaml')}`);
      writeFileSync(manifests, rendered.stdout);
      const ignored = Object.keys(ACCEPTED).flatMap((id) => ['--ignore-test', id]);
      // kube-score exits 1 when it finds anything; the findings are on stdout either way.
      const output = await run(KUBE_SCORE, ['score', '--output-format', 'json', ...ignored, manifests], { maxBuffer: 16 * 1024 * 1024 }).catch(
        (error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout || `${error.stderr}` }),
      );
      const scored = JSON.parse(output.stdout) as Scored[];
      expect(scored.length).toBeGreaterThanOrEqual(3);
      const findings = scored.flatMap((o) =>
        o.checks.filter((c) => !c.skipped && c.grade < 10).map((c) => `${o.object_name} ${c.check.id}`),
      );
      const unexpected = findings.filter((f) => !OPT_IN[f.split(' ')[1]!]?.(values));
      expect(unexpected).toEqual([]);
    },
  );
});
