import { Duration } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface PlannerAlarmsProps {
  readonly functions: Readonly<Record<string, IFunction>>;
  readonly api: IHttpApi;
  readonly p99LatencyThreshold: Duration;
  readonly deadLetterQueue: IQueue;
  readonly topicArn?: string;
}

const PERIOD = Duration.minutes(5);

/**
 * The planner never answers 5xx by design and a scheduled run has no caller to notice a failure, so any
 * error, throttle, 5xx or dead letter is worth a look; latency alarms only when it persists.
 */
export class PlannerAlarms extends Construct {
  private readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: PlannerAlarmsProps) {
    super(scope, id);
    for (const [name, fn] of Object.entries(props.functions)) {
      this.anyOccurrence(`${name}Errors`, `${name} function invocations failed`, fn.metricErrors({ period: PERIOD }));
      this.anyOccurrence(`${name}Throttles`, `${name} function invocations were throttled`, fn.metricThrottles({ period: PERIOD }));
    }
    this.anyOccurrence('Api5xx', 'The planner API answered 5xx', props.api.metricServerError({ period: PERIOD }));
    this.anyOccurrence(
      'DeadLetters',
      'Scheduled plan runs failed all retries and were dead-lettered',
      props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: 'Maximum' }),
    );
    this.alarms.push(
      new Alarm(this, 'ApiLatencyP99', {
        alarmDescription: `Planner API p99 latency above ${props.p99LatencyThreshold.toMilliseconds()} ms`,
        metric: props.api.metricLatency({ period: PERIOD, statistic: 'p99' }),
        threshold: props.p99LatencyThreshold.toMilliseconds(),
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 3,
        datapointsToAlarm: 2,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );

    if (props.topicArn) {
      const action = new SnsAction(Topic.fromTopicArn(this, 'Topic', props.topicArn));
      for (const alarm of this.alarms) {
        alarm.addAlarmAction(action);
        alarm.addOkAction(action);
      }
    }
  }

  private anyOccurrence(id: string, description: string, metric: Metric): void {
    this.alarms.push(
      new Alarm(this, id, {
        alarmDescription: description,
        metric,
        threshold: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
  }
}
