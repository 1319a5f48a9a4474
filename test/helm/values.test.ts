import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, parse, parseDocument } from 'yaml';
import type { Node } from 'yaml';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { DEFAULT_TUNABLES, TUNABLES, TunablesSchema, envName, tunableKeys } from '../../lib/config/index.js';
import { STAGES } from '../../infra/stages.js';
import { staleFiles } from '../../scripts/generate.js';
import { ChartValuesSchema, valuesSchemaJson } from '../../scripts/helm/values-schema.js';
import { CHART, ROOT, VALUE_FILES, mergedValues } from './helm.js';

const chartText = (name: string) => readFileSync(join(CHART, name), 'utf8');
const values = parse(chartText('values.yaml')) as { azrPlanner: Record<string, unknown>; cronJob: { schedule: string } };

/** Chart-only keys under azrPlanner: everything else there must be a tunable the code knows. */
const CHART_ONLY = ['enabled'];

describe('values.yaml', () => {
  it('carries every tunable under azrPlanner with its default, and nothing the code does not know', () => {
    const keys = Object.keys(values.azrPlanner).filter((k) => !CHART_ONLY.includes(k));
    expect(keys.sort()).toEqual([...tunableKeys()].sort());
    const { enabled, ...tunables } = values.azrPlanner;
    expect(enabled).toBe(true);
    expect(tunables).toEqual(DEFAULT_TUNABLES);
  });

  it('documents every value with a comment', () => {
    const undocumented: string[] = [];
    const walk = (node: Node | null | undefined, path: string) => {
      if (!isMap(node)) return;
      node.items.forEach((pair, index) => {
        const key = String((pair.key as { value: unknown }).value);
        const comment = (pair.key as Node).commentBefore ?? (index === 0 ? node.commentBefore : undefined);
        if (!comment?.trim()) undocumented.push(`${path}${key}`);
        walk(pair.value as Node, `${path}${key}.`);
      });
    };
    walk(parseDocument(chartText('values.yaml')).contents, '');
    expect(undocumented).toEqual([]);
  });

  it('names each tunable\'s env var and bounds in its comment, as the code has them', () => {
    const doc = parseDocument(chartText('values.yaml'));
    const planner = doc.get('azrPlanner', true);
    if (!isMap(planner)) throw new Error('values.yaml has no azrPlanner map');
    const comments = new Map(
      planner.items.map((pair, index) => {
        const key = pair.key as Node & { value: string };
        return [key.value, (key.commentBefore ?? (index === 0 ? planner.commentBefore : '')) ?? ''] as const;
      }),
    );
    for (const key of tunableKeys()) {
      const comment = comments.get(key) ?? '';
      expect(comment, key).toContain(`Env ${envName(key)}`);
      const { minimum, maximum } = z.toJSONSchema(TUNABLES[key].schema) as { minimum?: number; maximum?: number };
      if (minimum !== undefined) expect(comment, key).toContain(`${minimum}..${maximum}`);
    }
  });

  it('and every CI value file satisfy the chart schema; the CI files cover minimal, production and one mode', () => {
    for (const file of VALUE_FILES) {
      const result = ChartValuesSchema.safeParse(mergedValues(file));
      expect(result.error?.issues ?? [], file ?? 'values.yaml').toEqual([]);
      // The planner's own schema, cross-field rules included, accepts the tunables the chart will pass.
      const { enabled: _enabled, ...tunables } = (mergedValues(file) as typeof values).azrPlanner;
      expect(TunablesSchema.safeParse(tunables).error?.issues ?? [], file ?? 'values.yaml').toEqual([]);
    }
    const names = VALUE_FILES.filter((f) => f !== undefined).map((f) => f.slice(f.lastIndexOf('/') + 1));
    expect(names).toEqual(expect.arrayContaining(['minimal-values.yaml', 'production-values.yaml', 'single-mode-values.yaml']));
  });

  it('schedules periodic plans at the rate of the AWS deployment\'s EventBridge schedule', () => {
    const minutes = /^\*\/(\d+) \* \* \* \*$/.exec(values.cronJob.schedule);
    expect(minutes, values.cronJob.schedule).not.toBeNull();
    for (const stage of Object.values(STAGES)) expect(Number(minutes?.[1])).toBe(stage.scheduleRate.toMinutes());
  });
});

describe('generated chart files', () => {
  it('values.schema.json is the one generated from the zod schemas (npm run generate)', () => {
    expect(chartText('values.schema.json')).toBe(valuesSchemaJson());
  });

  it('the README tunables table and the cross-field checks are current (npm run generate)', async () => {
    const chart = ['helm/azr-planner/README.md', 'helm/azr-planner/templates/_validate.tpl'];
    expect((await staleFiles(chart)).map((s) => s.file)).toEqual([]);
  });
});

describe('Chart.yaml', () => {
  it('is apiVersion v2 with appVersion tied to package.json', () => {
    const chart = parse(chartText('Chart.yaml')) as { apiVersion: string; name: string; appVersion: string };
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(chart.apiVersion).toBe('v2');
    expect(chart.name).toBe('azr-planner');
    expect(chart.appVersion).toBe(pkg.version);
  });
});
