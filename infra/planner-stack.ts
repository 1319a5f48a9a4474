import { CfnOutput, Stack, Tags } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import { EventBus } from 'aws-cdk-lib/aws-events';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { functionEnvironment, resolveTunables } from './config/deployed-tunables.js';
import { deadLetterQueue } from './constructs/dead-letter-queue.js';
import { AlarmTopic } from './constructs/alarm-topic.js';
import { PlanSchedule } from './constructs/plan-schedule.js';
import { PlannerAlarms } from './constructs/planner-alarms.js';
import { PlannerApi } from './constructs/planner-api.js';
import { PlannerFunction } from './constructs/planner-function.js';
import {
  allowPublishPlans,
  allowPutPlanMetrics,
  allowReadMetrics,
  allowReadTunables,
} from './constructs/planner-permissions.js';
import { TunableParameters } from './constructs/tunable-parameters.js';
import type { PlannerStageProps } from './stages.js';

export interface PlannerStackProps extends StackProps {
  readonly stage: PlannerStageProps;
}

/** The planner on AWS: the HTTPS API, the periodic planner, their tunables, permissions and alarms. */
export class PlannerStack extends Stack {
  readonly api: PlannerApi;
  readonly apiFunction: PlannerFunction;
  readonly publicFunction: PlannerFunction;
  readonly scheduledFunction: PlannerFunction;
  readonly alarmTopic: ITopic;
  readonly eventBus: IEventBus;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: PlannerStackProps) {
    super(scope, id, { terminationProtection: props.stage.terminationProtection, ...props });
    const { stage } = props;
    Tags.of(this).add('service', 'azr-planner');
    Tags.of(this).add('stage', stage.stageName);

    const tunables = resolveTunables(stage.tunables);
    new TunableParameters(this, 'Tunables', tunables);
    const environment = functionEnvironment(tunables);
    const common = { environment, logRetention: stage.logRetention, removalPolicy: stage.removalPolicy };

    this.eventBus = stage.createEventBus
      ? new EventBus(this, 'PlanBus', { eventBusName: tunables.eventBusName, description: 'Published AZR plans' })
      : EventBus.fromEventBusName(this, 'PlanBus', tunables.eventBusName);
    this.deadLetterQueue = deadLetterQueue(this, 'ScheduleDeadLetters', stage.removalPolicy);

    this.apiFunction = new PlannerFunction(this, 'Api', {
      ...common,
      ...stage.api,
      entry: 'functions/api.ts',
      description: 'AZR planner HTTP API (POST /plan)',
    });
    // The same bundle as the API (one asset), as a function of its own with its own reserved concurrency.
    this.publicFunction = new PlannerFunction(this, 'Public', {
      ...common,
      ...stage.public,
      entry: 'functions/api.ts',
      description: 'AZR planner open routes (GET /healthz, /readyz, /openapi.json)',
    });
    this.scheduledFunction = new PlannerFunction(this, 'Scheduled', {
      ...common,
      ...stage.scheduled,
      entry: 'functions/scheduled.ts',
      description: 'AZR planner periodic run: plans from CloudWatch state and publishes the plan',
      asyncFailures: {
        deadLetterQueue: this.deadLetterQueue,
        // The scheduler hands the event over asynchronously; failures of the run itself are retried by
        // Lambda (2 is its maximum) before they are dead-lettered next to undeliverable events.
        retryAttempts: 2,
        maxEventAge: stage.scheduleMaxEventAge,
      },
    });

    for (const fn of [this.apiFunction, this.scheduledFunction]) {
      allowReadTunables(fn, fn.role, tunables.ssmPrefix);
      allowReadMetrics(fn, fn.role);
    }
    // /readyz reports whether the tunables load; nothing public reads metrics.
    allowReadTunables(this.publicFunction, this.publicFunction.role, tunables.ssmPrefix);
    allowPutPlanMetrics(this.scheduledFunction, this.scheduledFunction.role, tunables.planMetricsNamespace);
    allowPublishPlans(this.scheduledFunction, this.scheduledFunction.role, this.eventBus);

    this.api = new PlannerApi(this, 'PlannerApi', {
      handler: this.apiFunction.function,
      publicHandler: this.publicFunction.function,
      throttle: stage.throttle,
      logRetention: stage.logRetention,
      removalPolicy: stage.removalPolicy,
    });
    new PlanSchedule(this, 'PlanSchedule', {
      target: this.scheduledFunction.function,
      rate: stage.scheduleRate,
      retryAttempts: stage.scheduleRetryAttempts,
      maxEventAge: stage.scheduleMaxEventAge,
      deadLetterQueue: this.deadLetterQueue,
    });
    this.alarmTopic = new AlarmTopic(this, 'AlarmTopic', {
      removalPolicy: stage.removalPolicy,
      ...(stage.alarmTopicArn !== undefined && { existingTopicArn: stage.alarmTopicArn }),
    }).topic;
    new PlannerAlarms(this, 'Alarms', {
      functions: { Api: this.apiFunction.function, Public: this.publicFunction.function, Scheduled: this.scheduledFunction.function },
      api: this.api.httpApi,
      p99LatencyThreshold: stage.p99LatencyThreshold,
      deadLetterQueue: this.deadLetterQueue,
      schedule: { target: this.scheduledFunction.function, rate: stage.scheduleRate },
      topic: this.alarmTopic,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'Base URL of the planner API' });
    new CfnOutput(this, 'PlanRouteArn', {
      value: this.api.planRoute.routeArn,
      description: 'execute-api:Invoke resource to grant callers of POST /plan',
    });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarmTopic.topicArn, description: 'Subscribe here to be told of alarms' });
    new CfnOutput(this, 'SsmPrefix', { value: tunables.ssmPrefix, description: 'Where the tunables live' });
    new CfnOutput(this, 'EventBusName', { value: this.eventBus.eventBusName, description: 'Bus plans are published to' });
  }
}
