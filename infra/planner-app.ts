import { App, Validations } from 'aws-cdk-lib';
import type { AppProps, Environment } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { PlannerStack } from './planner-stack.js';
import { STAGES, isStageName, nestedSsmPrefixes } from './stages.js';
import type { StageName } from './stages.js';

export interface PlannerAppOptions extends AppProps {
  /** Stages to synthesize; all of them by default. */
  readonly stages?: readonly StageName[];
  /** Leave unset for environment-agnostic stacks (synth needs no credentials). */
  readonly env?: Environment;
}

/**
 * The CDK app: one stack per stage, checked by cdk-nag's AwsSolutions pack, which fails synthesis on any
 * finding not acknowledged with a reason.
 */
export function createPlannerApp(options: PlannerAppOptions = {}): { app: App; stacks: PlannerStack[] } {
  const { stages, env, ...appProps } = options;
  const nested = nestedSsmPrefixes(STAGES);
  if (nested.length > 0) throw new Error(`stage SSM prefixes must be disjoint: ${nested.join('; ')}`);
  const app = new App(appProps);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const stacks = (stages ?? selectedStages(app)).map(
    (name) =>
      new PlannerStack(app, `AzrPlanner-${name}`, {
        stage: STAGES[name],
        description: `AZR curriculum planner (${name})`,
        ...(env && { env }),
      }),
  );
  return { app, stacks };
}

/** `cdk synth -c stage=prod` narrows the app to one stage. */
function selectedStages(app: App): StageName[] {
  const requested: unknown = app.node.tryGetContext('stage');
  if (requested === undefined) return Object.keys(STAGES) as StageName[];
  if (typeof requested === 'string' && isStageName(requested)) return [requested];
  throw new Error(`context "stage": expected one of ${Object.keys(STAGES).join(', ')}, got ${JSON.stringify(requested)}`);
}
