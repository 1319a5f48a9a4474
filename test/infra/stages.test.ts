import { Duration, Token } from 'aws-cdk-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { createPlannerApp } from '../../infra/planner-app.js';
import { resolveTunables, tunableParameters } from '../../infra/config/deployed-tunables.js';
import { STAGES, nestedSsmPrefixes } from '../../infra/stages.js';
import type { PlannerStageProps } from '../../infra/stages.js';
import { normaliseStatement } from './support/render.js';
import { SKIP_BUNDLING, removeTempOutdirs, resourcesOf, synthStage, tempOutdir } from './support/synth.js';

const SSM_ARN = 'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter';
/** The two ARNs a prefix grant names: the path itself and everything below it. */
const ssmPrefixArnStrings = (prefix: string) => [`${SSM_ARN}${prefix.replace(/\/$/, '')}`, `${SSM_ARN}${prefix.replace(/\/$/, '')}/*`];
/** Whether an IAM resource pattern (only a trailing * is used here) matches the parameter's ARN. */
const arnCovers = (pattern: string, parameterName: string) => {
  const arn = `${SSM_ARN}${parameterName}`;
  return pattern.endsWith('*') ? arn.startsWith(pattern.slice(0, -1)) : arn === pattern;
};

const shape = (stage: PlannerStageProps) =>
  Object.fromEntries(
    Object.entries(synthStage(stage).template.toJSON().Resources as Record<string, { Type: string }>).map(
      ([id, r]) => [id, r.Type],
    ),
  );

describe('stages', () => {
  it('dev and prod have the same resources; only their props differ', () => {
    expect(shape(STAGES.prod)).toEqual(shape(STAGES.dev));
  });

  it('prod takes its own sizes, limits, retention and SSM prefix', () => {
    const { template } = synthStage(STAGES.prod);
    template.hasResourceProperties('AWS::Lambda::Function', { MemorySize: 1024, Timeout: 10 });
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 },
    });
    for (const [, g] of resourcesOf(template, 'AWS::Logs::LogGroup')) expect(g.RetentionInDays).toBe(90);
    for (const [, p] of resourcesOf(template, 'AWS::SSM::Parameter')) {
      expect(p.Name).toMatch(/^\/osiris\/azr-planner\/prod\/[a-z-]+$/);
    }
    template.hasResourceProperties('AWS::SSM::Parameter', { Name: '/osiris/azr-planner/prod/event-bus-name', Value: 'azr-planner' });
    template.hasResourceProperties('AWS::Scheduler::Schedule', { Target: { RetryPolicy: { MaximumRetryAttempts: 3 } } });
    // Prod keeps its data when the stack goes away.
    for (const type of ['AWS::Logs::LogGroup', 'AWS::SQS::Queue']) {
      for (const r of Object.values(template.findResources(type))) expect(r.DeletionPolicy).toBe('Retain');
    }
  });

  it('have disjoint SSM prefixes: no stage\'s prefix contains another\'s, and each grant covers its own prefix only', () => {
    const stages = Object.values(STAGES);
    const prefixes = stages.map((s) => resolveTunables(s.tunables).ssmPrefix);
    expect(new Set(prefixes).size).toBe(stages.length);
    for (const outer of prefixes) for (const inner of prefixes) if (outer !== inner) expect(inner.startsWith(outer), `${outer} / ${inner}`).toBe(false);
    expect(nestedSsmPrefixes(STAGES)).toEqual([]);

    for (const stage of stages) {
      const { template } = synthStage(stage);
      const own = resolveTunables(stage.tunables).ssmPrefix;
      const granted = resourcesOf(template, 'AWS::IAM::Policy')
        .flatMap(([, p]) => (p.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement.map(normaliseStatement))
        .filter((s) => s.actions.includes('ssm:GetParametersByPath'));
      expect(granted.length).toBeGreaterThan(0);
      const ownArns = ssmPrefixArnStrings(own);
      for (const statement of granted) expect(statement.resources).toEqual(ownArns);
      // No other stage's parameter falls under this stage's grant, nor under its recursive read.
      for (const other of stages.filter((s) => s !== stage)) {
        for (const p of tunableParameters(resolveTunables(other.tunables))) {
          expect(p.name.startsWith(own), p.name).toBe(false);
          expect(ownArns.some((arn) => arnCovers(arn, p.name)), p.name).toBe(false);
        }
      }
      // ... while its own parameters all are.
      for (const [, p] of resourcesOf(template, 'AWS::SSM::Parameter')) expect(ownArns.some((arn) => arnCovers(arn, String(p.Name)))).toBe(true);
    }
  });

  it('refuse nesting prefixes, naming both stages', () => {
    const nested = { dev: STAGES.dev, prod: { ...STAGES.prod, tunables: { ssmPrefix: '/osiris/azr-planner/' } } };
    expect(nestedSsmPrefixes(nested)).toEqual(['prod (/osiris/azr-planner/) contains dev (/osiris/azr-planner/dev/)']);
    expect(nestedSsmPrefixes({ a: { tunables: {} }, b: { tunables: {} } })).toHaveLength(2);
  });

  it('the schedule rate is a prop', () => {
    const { template } = synthStage({ ...STAGES.dev, scheduleRate: Duration.hours(1) });
    template.hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: 'rate(1 hour)' });
  });

  it('publishes to an existing bus by name instead of creating one', () => {
    const { template } = synthStage({ ...STAGES.dev, createEventBus: false });
    template.resourceCountIs('AWS::Events::EventBus', 0);
    const putEvents = resourcesOf(template, 'AWS::IAM::Policy')
      .flatMap(([, p]) => (p.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement.map(normaliseStatement))
      .filter((s) => s.actions.includes('events:PutEvents'));
    expect(putEvents).toEqual([
      {
        actions: ['events:PutEvents'],
        resources: ['arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/azr-planner-dev'],
      },
    ]);
  });

  it('sends every alarm to the stage topic when one is given', () => {
    const topicArn = 'arn:aws:sns:eu-west-1:123456789012:oncall';
    const { template } = synthStage({ ...STAGES.dev, alarmTopicArn: topicArn });
    const alarms = resourcesOf(template, 'AWS::CloudWatch::Alarm');
    expect(alarms).toHaveLength(7);
    for (const [, alarm] of alarms) {
      expect(alarm.AlarmActions).toEqual([topicArn]);
      expect(alarm.OKActions).toEqual([topicArn]);
    }
  });

  it('a stage tunable the app would reject fails synthesis, naming the field', () => {
    expect(() => synthStage({ ...STAGES.dev, tunables: { raschSlope: -1 } })).toThrow(/invalid stage tunables: raschSlope/);
    expect(() => synthStage({ ...STAGES.dev, tunables: { ssmPrefix: '/missing-trailing-slash' } })).toThrow(/ssmPrefix/);
  });

  it('stage tunables land in SSM and bound IAM: the metrics namespace condition follows the tunable', () => {
    const { template } = synthStage({ ...STAGES.dev, tunables: { ...STAGES.dev.tunables, planMetricsNamespace: 'Lab/Plans' } });
    template.hasResourceProperties('AWS::SSM::Parameter', {
      Name: '/osiris/azr-planner/dev/plan-metrics-namespace',
      Value: 'Lab/Plans',
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          {
            Action: 'cloudwatch:PutMetricData',
            Condition: { StringEquals: { 'cloudwatch:namespace': 'Lab/Plans' } },
            Effect: 'Allow',
            Resource: '*',
          },
        ],
      },
    });
  });
});

describe('app', () => {
  afterAll(removeTempOutdirs);

  const build = (context: Record<string, unknown> = {}) =>
    createPlannerApp({ outdir: tempOutdir(), context: { ...SKIP_BUNDLING, ...context } });

  it('holds one environment-agnostic stack per stage, so synth needs no account', () => {
    const { stacks } = build();
    expect(stacks.map((s) => s.stackName)).toEqual(['AzrPlanner-dev', 'AzrPlanner-prod']);
    for (const stack of stacks) {
      expect(Token.isUnresolved(stack.account)).toBe(true);
      expect(Token.isUnresolved(stack.region)).toBe(true);
    }
  });

  it('narrows to one stage with -c stage=NAME and rejects an unknown stage by name', () => {
    expect(build({ stage: 'prod' }).stacks.map((s) => s.stackName)).toEqual(['AzrPlanner-prod']);
    expect(() => build({ stage: 'qa' })).toThrow('context "stage": expected one of dev, prod, got "qa"');
  });
});
