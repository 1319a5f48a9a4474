import { readFileSync } from 'node:fs';
import { Duration, Token } from 'aws-cdk-lib';
import { CURRENTLY_RECOMMENDED_FLAGS } from 'aws-cdk-lib/cx-api';
import { afterAll, describe, expect, it } from 'vitest';
import { createPlannerApp } from '../../infra/planner-app.js';
import { resolveTunables, tunableParameters } from '../../infra/config/deployed-tunables.js';
import { STAGES, nestedSsmPrefixes } from '../../infra/stages.js';
import type { PlannerStageProps } from '../../infra/stages.js';
import { normaliseStatement } from './support/render.js';
import { TEST_CONTEXT, removeTempOutdirs, resourcesOf, synthStage, tempOutdir } from './support/synth.js';

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

  it('prod is protected from deletion and every one of its alarms has an action; dev is not protected', () => {
    const prod = synthStage(STAGES.prod);
    expect(prod.stack.terminationProtection).toBe(true);
    expect(synthStage(STAGES.dev).stack.terminationProtection).toBe(false);
    const alarms = resourcesOf(prod.template, 'AWS::CloudWatch::Alarm');
    expect(alarms.length).toBeGreaterThan(0);
    for (const [id, alarm] of alarms) {
      expect((alarm.AlarmActions as unknown[] | undefined)?.length, id).toBe(1);
      expect((alarm.OKActions as unknown[] | undefined)?.length, id).toBe(1);
    }
  });

  it('the schedule rate is a prop, and the schedule-stopped alarm\'s window follows it', () => {
    const { template } = synthStage({ ...STAGES.dev, scheduleRate: Duration.hours(1) });
    template.hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: 'rate(1 hour)' });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Invocations', Period: 3600, EvaluationPeriods: 2 });
    expect(() => synthStage({ ...STAGES.dev, scheduleRate: Duration.hours(13) })).toThrow(/scheduleRate: .*at most 12 hours/);
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

  it('sends every alarm to an existing topic instead of its own when one is given', () => {
    const topicArn = 'arn:aws:sns:eu-west-1:123456789012:oncall';
    const { template } = synthStage({ ...STAGES.dev, alarmTopicArn: topicArn });
    template.resourceCountIs('AWS::SNS::Topic', 0);
    template.resourceCountIs('AWS::KMS::Key', 0);
    const alarms = resourcesOf(template, 'AWS::CloudWatch::Alarm');
    expect(alarms).toHaveLength(10);
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
    createPlannerApp({ outdir: tempOutdir(), context: { ...TEST_CONTEXT, ...context } });

  it('holds one environment-agnostic stack per stage, so synth needs no account', () => {
    const { stacks } = build();
    expect(stacks.map((s) => s.stackName)).toEqual(['AzrPlanner-dev', 'AzrPlanner-prod']);
    for (const stack of stacks) {
      expect(Token.isUnresolved(stack.account)).toBe(true);
      expect(Token.isUnresolved(stack.region)).toBe(true);
    }
  });

  it('takes each stage\'s account and region from context, and refuses half of one or a malformed one', () => {
    const { stacks } = build({ 'prod:account': '123456789012', 'prod:region': 'eu-west-1' });
    const [dev, prod] = stacks;
    expect([prod!.account, prod!.region]).toEqual(['123456789012', 'eu-west-1']);
    expect(Token.isUnresolved(dev!.account)).toBe(true);
    expect(() => build({ 'dev:account': '123456789012' })).toThrow('context "dev:account" and "dev:region": set both or neither');
    expect(() => build({ 'dev:account': '1234', 'dev:region': 'eu-west-1' })).toThrow(/context "dev:account": expected .*got "1234"/);
  });

  it('takes an existing alarm topic per stage from context', () => {
    const topicArn = 'arn:aws:sns:eu-west-1:123456789012:oncall';
    const { stacks } = build({ 'prod:alarmTopicArn': topicArn });
    const [dev, prod] = stacks;
    expect(prod!.resolve(prod!.alarmTopic.topicArn)).toBe(topicArn);
    expect(dev!.resolve(dev!.alarmTopic.topicArn)).not.toBe(topicArn);
    expect(() => build({ 'dev:alarmTopicArn': 'oncall' })).toThrow(/context "dev:alarmTopicArn"/);
  });

  it('cdk.json sets every feature flag this CDK version recommends, to the recommended value', () => {
    const context = (JSON.parse(readFileSync('cdk.json', 'utf8')) as { context: Record<string, unknown> }).context;
    for (const [flag, recommended] of Object.entries(CURRENTLY_RECOMMENDED_FLAGS)) expect(context[flag], flag).toEqual(recommended);
  });

  it('narrows to one stage with -c stage=NAME and rejects an unknown stage by name', () => {
    expect(build({ stage: 'prod' }).stacks.map((s) => s.stackName)).toEqual(['AzrPlanner-prod']);
    expect(() => build({ stage: 'qa' })).toThrow('context "stage": expected one of dev, prod, got "qa"');
  });
});
