import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, template } from './helm.js';

const DIR = join(import.meta.dirname, 'bad-values');

/**
 * Each bad value file, and the lines helm must print for it: the field and the reason. Files whose fault the
 * JSON schema cannot express (two values compared) are caught by the templates' `fail`, which helm lint only
 * reports (as INFO) and `helm template`/`install` turn into an error; they are listed in CROSS_FIELD.
 */
const EXPECTED: Record<string, readonly string[]> = {
  'negative-tasks-per-unit.yaml': ["at '/azrPlanner/alphaTasksPerUnit': minimum: got -1, want 0"],
  'unknown-mode-flag.yaml': ["at '/azrPlanner': additional properties 'enableSummarization' not allowed"],
  'wrong-types.yaml': [
    "at '/azrPlanner/maxTasks': got string, want integer",
    "at '/azrPlanner/fallbackCapacity': got number, want integer",
  ],
  'bad-log-level.yaml': ["at '/azrPlanner/logLevel': value must be one of 'DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT'"],
  'crossed-thresholds.yaml': ['azrPlanner.lowFreeThreshold (0.9) must not exceed azrPlanner.highFreeThreshold (0.7)'],
  'min-over-max-tasks.yaml': ['azrPlanner.minTasks (100) must not exceed azrPlanner.maxTasks (10)'],
  'root-user.yaml': ["at '/podSecurity/runAsUser': minimum: got 0, want 1"],
  'misspelt-chart-value.yaml': ["at '/autoscaling': additional properties 'maxReplica' not allowed"],
  'public-load-balancer.yaml': [
    'service.type LoadBalancer without service.loadBalancerSourceRanges would accept every address',
    'set service.allowAnySource: true to accept that deliberately',
  ],
  'tunable-in-extra-env.yaml': ['extraEnv: MAX_TASKS is set by the chart; a tunable goes under azrPlanner'],
  'tag-as-digest.yaml': ["at '/image/digest': '1.0.0' does not match pattern"],
  'unknown-suspend.yaml': ["at '/cronJob/suspend': value must be 'auto'", "at '/cronJob/suspend': got string, want boolean"],
};

const CROSS_FIELD = new Set(['crossed-thresholds.yaml', 'min-over-max-tasks.yaml', 'public-load-balancer.yaml', 'tunable-in-extra-env.yaml']);

describe('bad values', () => {
  it('each file in bad-values/ has its expected message', () => {
    expect(readdirSync(DIR).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s fails helm template (and lint), naming the field and the reason', async (name, messages) => {
    const file = join(DIR, name);
    const rendered = await template(file);
    const linted = await lint(file);
    expect(rendered.code).not.toBe(0);
    expect(linted.code === 0).toBe(CROSS_FIELD.has(name));
    for (const result of [rendered, linted]) {
      for (const message of messages) expect(result.stdout + result.stderr).toContain(message);
    }
  });
});
