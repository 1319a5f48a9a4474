import { readFileSync } from 'node:fs';
import type { CfnElement } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Policy } from 'aws-cdk-lib/aws-iam';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveTunables, tunableParameters } from '../../infra/config/deployed-tunables.js';
import type { PlannerStack } from '../../infra/planner-stack.js';
import { STAGES } from '../../infra/stages.js';
import { parseScheduledEvent } from '../../lib/aws/index.js';
import { isSsmTunable, tunableKeys } from '../../lib/config/index.js';
import { normaliseStatement, render } from './support/render.js';
import type { Statement } from './support/render.js';
import { resourcesOf, synthStage } from './support/synth.js';
import type { Template } from 'aws-cdk-lib/assertions';

const idOf = (stack: PlannerStack, construct: { node: { defaultChild?: unknown } }): string =>
  stack.resolve((construct.node.defaultChild as CfnElement).logicalId) as string;

/** Every statement of every IAM policy attached to a role, normalised. */
function statementsOfRole(template: Template, roleId: string): Statement[] {
  return resourcesOf(template, 'AWS::IAM::Policy')
    .filter(([, p]) => (p.Roles as unknown[]).some((r) => render(r) === `\${${roleId}}`))
    .flatMap(([, p]) => ((p.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement).map(normaliseStatement))
    .sort((a, b) => a.actions[0]!.localeCompare(b.actions[0]!));
}

const ARN_PREFIX = 'arn:${AWS::Partition}';
const ssmArns = (prefix: string) => {
  const base = `${ARN_PREFIX}:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter${prefix.replace(/\/$/, '')}`;
  return [base, `${base}/*`];
};

describe('planner stack (dev)', () => {
  let stack: PlannerStack;
  let template: Template;
  let ids: Record<
    'api' | 'public' | 'scheduled' | 'apiRole' | 'publicRole' | 'scheduledRole' | 'apiLogs' | 'publicLogs' | 'scheduledLogs' | 'dlq' | 'bus',
    string
  >;

  beforeAll(() => {
    ({ stack, template } = synthStage(STAGES.dev));
    ids = {
      api: idOf(stack, stack.apiFunction.function),
      public: idOf(stack, stack.publicFunction.function),
      publicRole: idOf(stack, stack.publicFunction.role),
      publicLogs: idOf(stack, stack.publicFunction.logGroup),
      scheduled: idOf(stack, stack.scheduledFunction.function),
      apiRole: idOf(stack, stack.apiFunction.role),
      scheduledRole: idOf(stack, stack.scheduledFunction.role),
      apiLogs: idOf(stack, stack.apiFunction.logGroup),
      scheduledLogs: idOf(stack, stack.scheduledFunction.logGroup),
      dlq: idOf(stack, stack.deadLetterQueue),
      bus: idOf(stack, stack.eventBus),
    };
  });

  describe('functions', () => {
    it('are three: the API, its open routes and the scheduled entry point, on arm64 and the Node major the project pins', () => {
      const pinned = (JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: { node: string } })
        .devDependencies.node.split('.')[0];
      const functions = resourcesOf(template, 'AWS::Lambda::Function');
      expect(functions.map(([id]) => id).sort()).toEqual([ids.api, ids.public, ids.scheduled].sort());
      for (const [, fn] of functions) {
        expect(fn).toMatchObject({
          Runtime: `nodejs${pinned}.x`,
          Architectures: ['arm64'],
          Handler: 'index.handler',
          TracingConfig: { Mode: 'Active' },
        });
      }
    });

    it('each reserve the stage\'s concurrency, so a flood on one cannot starve another', () => {
      const reserved = (id: string) => template.toJSON().Resources[id].Properties.ReservedConcurrentExecutions as number;
      expect(reserved(ids.api)).toBe(STAGES.dev.api.reservedConcurrency);
      expect(reserved(ids.public)).toBe(STAGES.dev.public.reservedConcurrency);
      expect(reserved(ids.scheduled)).toBe(STAGES.dev.scheduled.reservedConcurrency);
      for (const [, fn] of resourcesOf(template, 'AWS::Lambda::Function')) expect(fn.ReservedConcurrentExecutions).toBeGreaterThan(0);
    });

    it('take memory and timeout from the stage', () => {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Description: Match.stringLikeRegexp('HTTP API'),
        MemorySize: STAGES.dev.api.memoryMiB,
        Timeout: STAGES.dev.api.timeout.toSeconds(),
      });
      template.hasResourceProperties('AWS::Lambda::Function', {
        Description: Match.stringLikeRegexp('periodic'),
        MemorySize: STAGES.dev.scheduled.memoryMiB,
        Timeout: STAGES.dev.scheduled.timeout.toSeconds(),
      });
    });

    it('get the SSM prefix, not the tunables, in their environment', () => {
      for (const id of [ids.api, ids.public, ids.scheduled]) {
        const fn = template.toJSON().Resources[id].Properties;
        expect(fn.Environment.Variables).toEqual({
          USE_SSM: 'true',
          USE_CLOUDWATCH: 'true',
          SSM_PREFIX: '/osiris/azr-planner/dev/',
          EVENT_BUS_NAME: 'azr-planner-dev',
          PLAN_METRICS_NAMESPACE: 'Osiris/AZRPlanner',
          POWERTOOLS_SERVICE_NAME: 'azr-planner',
          NODE_OPTIONS: '--enable-source-maps',
        });
      }
    });

    it('log to their own group with the stage retention', () => {
      for (const [fn, logs] of [[ids.api, ids.apiLogs], [ids.public, ids.publicLogs], [ids.scheduled, ids.scheduledLogs]] as const) {
        expect(template.toJSON().Resources[fn].Properties.LoggingConfig).toEqual({ LogGroup: { Ref: logs } });
      }
      const groups = resourcesOf(template, 'AWS::Logs::LogGroup');
      expect(groups).toHaveLength(4);
      for (const [, g] of groups) expect(g.RetentionInDays).toBe(7);
    });
  });
  describe('HTTP API', () => {
    it('routes POST /plan behind IAM (SigV4) to the API function, the probes and schema without auth to the public one', () => {
      const integrations = Object.fromEntries(resourcesOf(template, 'AWS::ApiGatewayV2::Integration'));
      const functionOf = (target: unknown) => {
        const integration = integrations[render(target).replace(/^integrations\/\$\{(.*)\}$/, '$1')];
        expect(integration).toMatchObject({ IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' });
        return (integration!.IntegrationUri as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0];
      };
      const routes = Object.fromEntries(
        resourcesOf(template, 'AWS::ApiGatewayV2::Route').map(([, r]) => [r.RouteKey, [r.AuthorizationType, functionOf(r.Target)]]),
      );
      expect(routes).toEqual({
        'POST /plan': ['AWS_IAM', ids.api],
        'GET /healthz': ['NONE', ids.public],
        'GET /readyz': ['NONE', ids.public],
        'GET /openapi.json': ['NONE', ids.public],
      });
      expect(Object.keys(integrations)).toHaveLength(2);
      template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' });
    });

    it('serves the $default stage with the stage throttling and JSON access logs', () => {
      const stages = resourcesOf(template, 'AWS::ApiGatewayV2::Stage');
      expect(stages).toHaveLength(1);
      const stage = stages[0]![1] as Record<string, Record<string, unknown>>;
      expect(stage).toMatchObject({
        StageName: '$default',
        AutoDeploy: true,
        DefaultRouteSettings: { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 },
        AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [idOf(stack, stack.api.accessLogs), 'Arn'] } },
      });
      const format = JSON.parse(stage.AccessLogSettings!.Format as string) as Record<string, string>;
      expect(format).toMatchObject({ requestId: '$context.requestId', status: '$context.status', caller: '$context.identity.userArn' });
    });

    it('grants a caller execute-api:Invoke on POST /plan only', () => {
      // A stack of its own: the grant must not leak into the template the other tests read.
      const { stack: own } = synthStage(STAGES.dev);
      const caller = new Role(own, 'TestCaller', { assumedBy: new ServicePrincipal('ec2.amazonaws.com') });
      own.api.grantPlan(caller);
      const policy = caller.node.findChild('DefaultPolicy') as Policy;
      const [statement, ...rest] = (own.resolve(policy.document) as { Statement: Record<string, unknown>[] }).Statement;
      expect(rest).toEqual([]);
      const normalised = normaliseStatement(statement!);
      expect(normalised.actions).toEqual(['execute-api:Invoke']);
      expect(normalised.resources).toEqual([
        `${ARN_PREFIX}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${${idOf(own, own.api.httpApi)}}/*/POST/plan`,
      ]);
    });
  });

  describe('schedule', () => {
    it('invokes the scheduled function at the stage rate, with retries and a dead-letter queue', () => {
      const schedules = resourcesOf(template, 'AWS::Scheduler::Schedule');
      expect(schedules).toHaveLength(1);
      expect(schedules[0]![1]).toMatchObject({
        ScheduleExpression: 'rate(15 minutes)',
        State: 'ENABLED',
        Target: {
          Arn: { 'Fn::GetAtt': [ids.scheduled, 'Arn'] },
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 600 },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [ids.dlq, 'Arn'] } },
        },
      });
    });

    it('sends an event the scheduled handler accepts', () => {
      const [, schedule] = resourcesOf(template, 'AWS::Scheduler::Schedule')[0]!;
      const input = render((schedule.Target as { Input: unknown }).Input)
        .replace('${AWS::AccountId}', '123456789012')
        .replace('${AWS::Region}', 'eu-west-1')
        .replace('<aws.scheduler.scheduled-time>', '2026-11-25T19:15:00Z');
      const event: unknown = JSON.parse(input);
      expect(event).toMatchObject({ 'detail-type': 'Scheduled Event', account: '123456789012' });
      expect(parseScheduledEvent(event).ok).toBe(true);
    });

    it('lets the scheduler invoke that one function and dead-letter, nothing else', () => {
      const [roleArn] = [(resourcesOf(template, 'AWS::Scheduler::Schedule')[0]![1].Target as { RoleArn: unknown }).RoleArn];
      const roleId = (roleArn as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0]!;
      const role = template.toJSON().Resources[roleId].Properties;
      expect(role.AssumeRolePolicyDocument.Statement).toEqual([
        {
          Action: 'sts:AssumeRole',
          Effect: 'Allow',
          Principal: { Service: 'scheduler.amazonaws.com' },
          Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
        },
      ]);
      expect(statementsOfRole(template, roleId)).toEqual([
        { actions: ['lambda:InvokeFunction'], resources: [`\${${ids.scheduled}.Arn}`, `\${${ids.scheduled}.Arn}:*`] },
        { actions: ['sqs:SendMessage'], resources: [`\${${ids.dlq}.Arn}`] },
      ]);
    });

    it('retries failed runs in Lambda, then dead-letters them to the same queue', () => {
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: ids.scheduled },
        MaximumRetryAttempts: 2,
        MaximumEventAgeInSeconds: 600,
      });
      expect(template.toJSON().Resources[ids.scheduled].Properties.DeadLetterConfig).toEqual({
        TargetArn: { 'Fn::GetAtt': [ids.dlq, 'Arn'] },
      });
      template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 86400 });
    });

    it('publishes to a custom bus named by the eventBusName tunable', () => {
      template.resourceCountIs('AWS::Events::EventBus', 1);
      template.hasResourceProperties('AWS::Events::EventBus', { Name: 'azr-planner-dev' });
    });
  });

  describe('SSM parameters', () => {
    it('hold every SSM tunable under the prefix, with the defaults the app itself declares', () => {
      const expected = tunableParameters(resolveTunables(STAGES.dev.tunables));
      expect(expected).toHaveLength(tunableKeys().filter(isSsmTunable).length);
      const actual = resourcesOf(template, 'AWS::SSM::Parameter').map(([, p]) => [p.Name, p.Value]);
      expect(new Map(actual as [string, string][])).toEqual(new Map(expected.map((p) => [p.name, p.value])));
      for (const [, p] of resourcesOf(template, 'AWS::SSM::Parameter')) expect(p.Type).toBe('String');
      template.hasResourceProperties('AWS::SSM::Parameter', { Name: '/osiris/azr-planner/dev/log-level', Value: 'DEBUG' });
      template.hasResourceProperties('AWS::SSM::Parameter', { Name: '/osiris/azr-planner/dev/rasch-slope', Value: '6' });
    });
  });

  describe('IAM', () => {
    const common = (logsId: string): Statement[] => [
      { actions: ['cloudwatch:GetMetricData'], resources: ['*'] },
      { actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [`\${${logsId}.Arn}`] },
      { actions: ['ssm:GetParametersByPath'], resources: ssmArns('/osiris/azr-planner/dev/') },
      { actions: ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'], resources: ['*'] },
    ];

    it('gives the API function exactly: its logs, tracing, its SSM prefix and GetMetricData', () => {
      expect(statementsOfRole(template, ids.apiRole)).toEqual(common(ids.apiLogs));
    });

    it('gives the public function only its logs, tracing and its SSM prefix (for /readyz)', () => {
      expect(statementsOfRole(template, ids.publicRole)).toEqual(common(ids.publicLogs).filter((s) => s.actions[0] !== 'cloudwatch:GetMetricData'));
    });

    it('adds for the scheduled function: PutMetricData in the plan namespace, PutEvents on the bus, its DLQ', () => {
      const expected = [
        ...common(ids.scheduledLogs),
        {
          actions: ['cloudwatch:PutMetricData'],
          resources: ['*'],
          condition: { StringEquals: { 'cloudwatch:namespace': 'Osiris/AZRPlanner' } },
        },
        { actions: ['events:PutEvents'], resources: [`\${${ids.bus}.Arn}`] },
        { actions: ['sqs:SendMessage'], resources: [`\${${ids.dlq}.Arn}`] },
      ].sort((a, b) => a.actions[0]!.localeCompare(b.actions[0]!));
      expect(statementsOfRole(template, ids.scheduledRole)).toEqual(expected);
    });

    it('uses no AWS managed policy and no wildcard action anywhere', () => {
      for (const [, role] of resourcesOf(template, 'AWS::IAM::Role')) expect(role.ManagedPolicyArns).toBeUndefined();
      for (const [, policy] of resourcesOf(template, 'AWS::IAM::Policy')) {
        for (const s of (policy.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement) {
          for (const action of normaliseStatement(s).actions) expect(action).not.toContain('*');
        }
      }
    });
  });

  describe('alarms', () => {
    const alarms = () => resourcesOf(template, 'AWS::CloudWatch::Alarm').map(([, a]) => a);

    it('watch errors and throttles of every function', () => {
      for (const fn of [ids.api, ids.public, ids.scheduled]) {
        for (const metric of ['Errors', 'Throttles']) {
          expect(alarms()).toContainEqual(
            expect.objectContaining({
              Namespace: 'AWS/Lambda',
              MetricName: metric,
              Dimensions: [{ Name: 'FunctionName', Value: { Ref: fn } }],
              Threshold: 1,
              ComparisonOperator: 'GreaterThanOrEqualToThreshold',
            }),
          );
        }
      }
    });

    it('watch API 5xx and p99 latency against the stage threshold', () => {
      const api = { Name: 'ApiId', Value: { Ref: idOf(stack, stack.api.httpApi) } };
      expect(alarms()).toContainEqual(
        expect.objectContaining({ Namespace: 'AWS/ApiGateway', MetricName: '5xx', Dimensions: [api], Threshold: 1 }),
      );
      expect(alarms()).toContainEqual(
        expect.objectContaining({
          Namespace: 'AWS/ApiGateway',
          MetricName: 'Latency',
          ExtendedStatistic: 'p99',
          Dimensions: [api],
          Threshold: STAGES.dev.p99LatencyThreshold.toMilliseconds(),
          ComparisonOperator: 'GreaterThanThreshold',
        }),
      );
    });

    it('watch dead letters', () => {
      expect(alarms()).toContainEqual(
        expect.objectContaining({
          Namespace: 'AWS/SQS',
          MetricName: 'ApproximateNumberOfMessagesVisible',
          Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [ids.dlq, 'QueueName'] } }],
          Threshold: 1,
        }),
      );
    });

    it('watch the schedule itself: no invocation in two schedule windows in a row, missing data counting as none', () => {
      expect(alarms()).toContainEqual(
        expect.objectContaining({
          Namespace: 'AWS/Lambda',
          MetricName: 'Invocations',
          Dimensions: [{ Name: 'FunctionName', Value: { Ref: ids.scheduled } }],
          Statistic: 'Sum',
          Period: STAGES.dev.scheduleRate.toSeconds(),
          Threshold: 1,
          ComparisonOperator: 'LessThanThreshold',
          EvaluationPeriods: 2,
          DatapointsToAlarm: 2,
          TreatMissingData: 'breaching',
        }),
      );
    });

    it('all notify the stage\'s own topic, encrypted with a rotated key CloudWatch may use, reachable over TLS only', () => {
      const topics = resourcesOf(template, 'AWS::SNS::Topic');
      expect(topics).toHaveLength(1);
      const [topicId, topic] = topics[0]!;
      expect(alarms()).toHaveLength(10);
      for (const alarm of alarms()) {
        expect(alarm.AlarmActions).toEqual([{ Ref: topicId }]);
        expect(alarm.OKActions).toEqual([{ Ref: topicId }]);
      }
      const keyId = (topic.KmsMasterKeyId as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0]!;
      const key = template.toJSON().Resources[keyId].Properties;
      expect(key.EnableKeyRotation).toBe(true);
      expect(key.KeyPolicy.Statement).toContainEqual(
        expect.objectContaining({
          Effect: 'Allow',
          Principal: { Service: 'cloudwatch.amazonaws.com' },
          Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        }),
      );
      const topicPolicy = resourcesOf(template, 'AWS::SNS::TopicPolicy')[0]?.[1];
      expect((topicPolicy!.PolicyDocument as { Statement: unknown[] }).Statement).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
    });
  });

  it('outputs the API URL, the route ARN to grant, the alarm topic, the SSM prefix and the bus', () => {
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(Object.keys(outputs).sort()).toEqual(['AlarmTopicArn', 'ApiUrl', 'EventBusName', 'PlanRouteArn', 'SsmPrefix']);
    expect(outputs.SsmPrefix!.Value).toBe('/osiris/azr-planner/dev/');
  });
});
