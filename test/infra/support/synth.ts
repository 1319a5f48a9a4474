import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { PlannerStack } from '../../../infra/planner-stack.js';
import type { PlannerStageProps } from '../../../infra/stages.js';

const outdirs: string[] = [];

/** A fresh cloud assembly directory per synthesis, so tests never share one. */
export function tempOutdir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'azr-cdk-'));
  outdirs.push(dir);
  return dir;
}

/** Cloud assemblies hold megabytes of bundles each: a test file removes its own when done. */
export function removeTempOutdirs(): void {
  for (const dir of outdirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * The context `cdk synth` gives the app: cdk.json's (the feature flags, which change templates), so the templates
 * tested are the ones deployed. Bundling is the slow part of synthesis and does not change the template's shape,
 * so template assertions skip it; the bundle test synthesizes with it.
 */
export const TEST_CONTEXT: Record<string, unknown> = {
  ...(JSON.parse(readFileSync(join(import.meta.dirname, '../../../cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context,
  'aws:cdk:bundling-stacks': [],
};

export function synthStage(stage: PlannerStageProps): { stack: PlannerStack; template: Template } {
  const outdir = tempOutdir();
  const app = new App({ outdir, context: TEST_CONTEXT });
  const stack = new PlannerStack(app, `AzrPlanner-${stage.stageName}`, { stage });
  const template = Template.fromStack(stack);
  rmSync(outdir, { recursive: true, force: true });
  return { stack, template };
}

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown> }>;

/** Logical id and properties of every resource of a type. */
export function resourcesOf(template: Template, type: string): [string, Record<string, unknown>][] {
  const resources = template.toJSON().Resources as Resources;
  return Object.entries(resources)
    .filter(([, r]) => r.Type === type)
    .map(([id, r]) => [id, r.Properties ?? {}]);
}
