import { App, Validations } from 'aws-cdk-lib';
import type { AppProps, Environment } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { PlannerStack } from './planner-stack.js';
import { STAGES, isStageName, nestedSsmPrefixes } from './stages.js';
import type { StageName } from './stages.js';

export interface PlannerAppOptions extends AppProps {
  /** Stages to synthesize; all of them by default. */
  readonly stages?: readonly StageName[];
}

/**
 * The CDK app: one stack per stage, checked by cdk-nag's AwsSolutions pack, which fails synthesis on any
 * finding not acknowledged with a reason. Where each stage deploys, and which topic its alarms notify, come from
 * context (cdk.json or `-c`), so the code names no account.
 */
export function createPlannerApp(options: PlannerAppOptions = {}): { app: App; stacks: PlannerStack[] } {
  const { stages, ...appProps } = options;
  const nested = nestedSsmPrefixes(STAGES);
  if (nested.length > 0) throw new Error(`stage SSM prefixes must be disjoint: ${nested.join('; ')}`);
  const app = new App(appProps);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const stacks = (stages ?? selectedStages(app)).map((name) => {
    const env = stageEnvironment(app, name);
    const alarmTopicArn = contextString(app, `${name}:alarmTopicArn`, /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[\w-]{1,256}$/);
    return new PlannerStack(app, `AzrPlanner-${name}`, {
      stage: { ...STAGES[name], ...(alarmTopicArn !== undefined && { alarmTopicArn }) },
      description: `AZR curriculum planner (${name})`,
      ...(env && { env }),
    });
  });
  return { app, stacks };
}

/** `cdk synth -c stage=prod` narrows the app to one stage. */
function selectedStages(app: App): StageName[] {
  const requested: unknown = app.node.tryGetContext('stage');
  if (requested === undefined) return Object.keys(STAGES) as StageName[];
  if (typeof requested === 'string' && isStageName(requested)) return [requested];
  throw new Error(`context "stage": expected one of ${Object.keys(STAGES).join(', ')}, got ${JSON.stringify(requested)}`);
}

/**
 * `<stage>:account` and `<stage>:region` pin a stage to its account and region (deploying it anywhere else then
 * fails); with neither the stack stays environment-agnostic, so synth needs no credentials. One alone is a mistake.
 */
function stageEnvironment(app: App, stage: StageName): Environment | undefined {
  const account = contextString(app, `${stage}:account`, /^\d{12}$/);
  const region = contextString(app, `${stage}:region`, /^[a-z]{2}(-[a-z]+)+-\d$/);
  if (account === undefined && region === undefined) return undefined;
  if (account === undefined || region === undefined) {
    throw new Error(`context "${stage}:account" and "${stage}:region": set both or neither`);
  }
  return { account, region };
}

function contextString(app: App, key: string, pattern: RegExp): string | undefined {
  const value: unknown = app.node.tryGetContext(key);
  if (value === undefined) return undefined;
  if (typeof value === 'string' && pattern.test(value)) return value;
  throw new Error(`context "${key}": expected a value matching ${pattern}, got ${JSON.stringify(value)}`);
}
