import { Duration } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface PlannerAlarmsProps {
  readonly functions: Readonly<Record<string, IFunction>>;
  readonly api: IHttpApi;
  readonly p99LatencyThreshold: Duration;
  readonly deadLetterQueue: IQueue;
  /** The scheduled function and its rate: it must be invoked at least once in every window of that length. */
  readonly schedule: { readonly target: IFunction; readonly rate: Duration };
  /** Every alarm notifies this topic when it fires and when it clears. */
  readonly topic: ITopic;
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

    this.alarms.push(this.scheduleStopped(props.schedule.target, props.schedule.rate));

    const action = new SnsAction(props.topic);
    for (const alarm of this.alarms) {
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
    }
  }

  /**
   * A schedule that stops (disabled, deleted, its role broken) fails silently: no run, so no error either. So
   * the absence of invocations is the alarm: two schedule windows in a row without one (a single empty window
   * can be jitter at a window's edge), with missing data counting as none. A new stack alarms until its first run.
   */
  private scheduleStopped(target: IFunction, rate: Duration): Alarm {
    const periods = 2;
    const seconds = rate.toSeconds();
    if (seconds % 60 !== 0 || seconds * periods > 86400) {
      throw new Error(`scheduleRate: the schedule-stopped alarm needs whole minutes and at most 12 hours, got ${rate.toHumanString()}`);
    }
    return new Alarm(this, 'ScheduleStopped', {
      alarmDescription: `The scheduled planner was not invoked in ${periods} consecutive ${rate.toHumanString()} windows: the schedule has stopped`,
      metric: target.metricInvocations({ period: rate, statistic: 'Sum' }),
      threshold: 1,
      comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
      evaluationPeriods: periods,
      datapointsToAlarm: periods,
      treatMissingData: TreatMissingData.BREACHING,
    });
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
