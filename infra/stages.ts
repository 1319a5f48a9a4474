import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { DEFAULT_TUNABLES } from '../lib/config/tunables.js';
import type { Tunables } from '../lib/config/tunables.js';

export interface FunctionSizing {
  readonly memoryMiB: number;
  readonly timeout: Duration;
  /**
   * Concurrent executions set aside for (and capping) the function: a flood on one function can neither starve
   * the others nor run up unbounded concurrency. The account must keep 100 unreserved, so a new account with a
   * concurrency quota of 10 cannot deploy this until the quota is raised.
   */
  readonly reservedConcurrency: number;
}

/** Everything that may differ between deployments: dev and prod are two values of this, nothing else. */
export interface PlannerStageProps {
  readonly stageName: string;
  /**
   * Tunables that differ from the built-in defaults. SSM tunables become parameter values; bootstrap
   * (environment-only) tunables become function environment. `ssmPrefix` is where the parameters live,
   * `eventBusName` names the bus plans go to and `planMetricsNamespace` bounds PutMetricData, so IAM and
   * configuration cannot disagree.
   */
  readonly tunables: Partial<Tunables>;
  /** Create the plan bus (true), or publish to an existing bus of that name owned elsewhere (false). */
  readonly createEventBus: boolean;
  /** The IAM-protected `POST /plan`. */
  readonly api: FunctionSizing;
  /** The unauthenticated `GET` probes and schema, on a function of their own so they cannot exhaust the API's. */
  readonly public: FunctionSizing;
  readonly scheduled: FunctionSizing;
  readonly throttle: { readonly rateLimit: number; readonly burstLimit: number };
  readonly scheduleRate: Duration;
  /** Scheduler retries of one invocation before the event goes to the dead-letter queue. */
  readonly scheduleRetryAttempts: number;
  readonly scheduleMaxEventAge: Duration;
  readonly logRetention: RetentionDays;
  readonly p99LatencyThreshold: Duration;
  /**
   * An existing SNS topic every alarm notifies instead of the stage's own (context `<stage>:alarmTopicArn`
   * overrides this too).
   */
  readonly alarmTopicArn?: string;
  readonly removalPolicy: RemovalPolicy;
  /** CloudFormation refuses to delete the stack while this is on. */
  readonly terminationProtection: boolean;
}

export const STAGES = {
  dev: {
    stageName: 'dev',
    tunables: { ssmPrefix: '/osiris/azr-planner/dev/', eventBusName: 'azr-planner-dev', logLevel: 'DEBUG' },
    createEventBus: true,
    api: { memoryMiB: 512, timeout: Duration.seconds(10), reservedConcurrency: 5 },
    public: { memoryMiB: 256, timeout: Duration.seconds(5), reservedConcurrency: 2 },
    scheduled: { memoryMiB: 512, timeout: Duration.seconds(60), reservedConcurrency: 1 },
    throttle: { rateLimit: 20, burstLimit: 40 },
    scheduleRate: Duration.minutes(15),
    scheduleRetryAttempts: 2,
    scheduleMaxEventAge: Duration.minutes(10),
    logRetention: RetentionDays.ONE_WEEK,
    p99LatencyThreshold: Duration.seconds(2),
    removalPolicy: RemovalPolicy.DESTROY,
    terminationProtection: false,
  },
  prod: {
    stageName: 'prod',
    // A prefix of its own, beside dev's: GetParametersByPath is recursive, so a parent prefix would read (and be
    // granted) every other stage's parameters too.
    tunables: { ssmPrefix: '/osiris/azr-planner/prod/' },
    createEventBus: true,
    // More memory buys proportionally more CPU, which is what cold starts and task generation need.
    // The API's reservation covers the stage throttle (200 req/s) at ~100 ms a plan with room for cold starts.
    api: { memoryMiB: 1024, timeout: Duration.seconds(10), reservedConcurrency: 50 },
    public: { memoryMiB: 256, timeout: Duration.seconds(5), reservedConcurrency: 5 },
    // One run at a time: plans are snapshots, and an overlapping run would only publish a duplicate.
    scheduled: { memoryMiB: 1024, timeout: Duration.seconds(60), reservedConcurrency: 1 },
    throttle: { rateLimit: 200, burstLimit: 400 },
    scheduleRate: Duration.minutes(15),
    scheduleRetryAttempts: 3,
    scheduleMaxEventAge: Duration.minutes(14),
    logRetention: RetentionDays.THREE_MONTHS,
    p99LatencyThreshold: Duration.seconds(1),
    removalPolicy: RemovalPolicy.RETAIN,
    terminationProtection: true,
  },
} as const satisfies Record<string, PlannerStageProps>;

export type StageName = keyof typeof STAGES;
export const isStageName = (name: string): name is StageName => Object.hasOwn(STAGES, name);

/**
 * Stage pairs whose SSM prefixes nest (one is a path prefix of the other, or they are equal): the outer stage's
 * recursive read and its IAM grant would reach the inner stage's parameters.
 */
export function nestedSsmPrefixes(stages: Readonly<Record<string, { readonly tunables: Partial<Tunables> }>>): string[] {
  const prefixes = Object.entries(stages).map(([name, stage]) => [name, stage.tunables.ssmPrefix ?? DEFAULT_TUNABLES.ssmPrefix] as const);
  return prefixes.flatMap(([outer, outerPrefix]) =>
    prefixes
      .filter(([inner, innerPrefix]) => inner !== outer && innerPrefix.startsWith(outerPrefix))
      .map(([inner, innerPrefix]) => `${outer} (${outerPrefix}) contains ${inner} (${innerPrefix})`),
  );
}
