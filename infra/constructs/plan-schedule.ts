import { Aws, Stack, Validations } from 'aws-cdk-lib';
import type { CfnElement, Duration } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { ContextAttribute, Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface PlanScheduleProps {
  readonly target: IFunction;
  readonly rate: Duration;
  readonly retryAttempts: number;
  readonly maxEventAge: Duration;
  readonly deadLetterQueue: IQueue;
}

/**
 * The same envelope an EventBridge scheduled rule delivers (`aws-lambda`'s ScheduledEvent), so the handler
 * reads one shape whichever EventBridge feature invokes it.
 */
const SCHEDULED_EVENT = {
  version: '0',
  id: ContextAttribute.executionId,
  'detail-type': 'Scheduled Event',
  source: 'aws.scheduler',
  account: Aws.ACCOUNT_ID,
  region: Aws.REGION,
  time: ContextAttribute.scheduledTime,
  resources: [ContextAttribute.scheduleArn],
  detail: {},
};

/** Runs the scheduled planner periodically; deliveries that keep failing go to the dead-letter queue. */
export class PlanSchedule extends Construct {
  constructor(scope: Construct, id: string, props: PlanScheduleProps) {
    super(scope, id);
    const role = new Role(this, 'InvokeRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
      }),
      description: 'Lets EventBridge Scheduler start the scheduled planner',
    });
    new Schedule(this, 'Schedule', {
      description: 'Periodic AZR curriculum plan',
      schedule: ScheduleExpression.rate(props.rate),
      target: new LambdaInvoke(props.target, {
        role,
        input: ScheduleTargetInput.fromObject(SCHEDULED_EVENT),
        retryAttempts: props.retryAttempts,
        maxEventAge: props.maxEventAge,
        deadLetterQueue: props.deadLetterQueue,
      }),
    });
    const functionId = Stack.of(this).resolve((props.target.node.defaultChild as CfnElement).logicalId) as string;
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${functionId}.Arn>:*]`,
      reason: "Lambda's invoke grant also names the function's own versions and aliases (<arn>:*); it reaches no other function.",
    });
  }
}
