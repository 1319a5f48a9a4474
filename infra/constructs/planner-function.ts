import { buildSync } from 'esbuild';
import { AssetHashType, DockerImage, Validations } from 'aws-cdk-lib';
import type { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Function as LambdaFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { lambdaBuildOptions, PROJECT_ROOT } from '../../scripts/bundle.js';
import type { FunctionSizing } from '../stages.js';

/** The project pins Node 22 (package.json `node` devDependency); the Lambda runtime must match what is tested. */
const RUNTIME = Runtime.NODEJS_22_X; // and scripts/bundle.ts targets node22

/**
 * The entry bundled locally by esbuild with code splitting (scripts/bundle.ts), which NodejsFunction's
 * single-file output cannot do; no Docker: the image is never pulled because local bundling always succeeds.
 */
function bundledCode(entry: string): Code {
  return Code.fromAsset(PROJECT_ROOT, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      image: DockerImage.fromRegistry('public.ecr.aws/sam/build-nodejs22.x'),
      // Part of CDK's bundling cache key: without it every function of the app would get the first one's bundle.
      environment: { AZR_ENTRY: entry },
      local: {
        tryBundle(outputDir) {
          buildSync(lambdaBuildOptions(entry, outputDir));
          return true;
        },
      },
    },
  });
}

export interface AsyncFailureHandling {
  readonly deadLetterQueue: IQueue;
  readonly retryAttempts: number;
  readonly maxEventAge: Duration;
}

export interface PlannerFunctionProps extends FunctionSizing {
  /** Entry module, relative to the project root. */
  readonly entry: string;
  readonly description: string;
  readonly environment: Record<string, string>;
  readonly logRetention: RetentionDays;
  readonly removalPolicy: RemovalPolicy;
  /** For asynchronously invoked functions: failed events are retried, then kept in the queue. */
  readonly asyncFailures?: AsyncFailureHandling;
}

/** One planner entry point as a Lambda function: bundled locally, traced, logging to its own retained group. */
export class PlannerFunction extends Construct {
  readonly function: LambdaFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: PlannerFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', { retention: props.logRetention, removalPolicy: props.removalPolicy });
    // An own role instead of the AWS managed basic execution role: it may write to this log group only.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${props.entry}`,
    });
    this.logGroup.grantWrite(this.role);

    this.function = new LambdaFunction(this, 'Function', {
      code: bundledCode(props.entry),
      handler: 'index.handler',
      description: props.description,
      runtime: RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: props.memoryMiB,
      timeout: props.timeout,
      reservedConcurrentExecutions: props.reservedConcurrency,
      role: this.role,
      logGroup: this.logGroup,
      tracing: Tracing.ACTIVE,
      environment: {
        ...props.environment,
        POWERTOOLS_SERVICE_NAME: 'azr-planner',
        NODE_OPTIONS: '--enable-source-maps',
      },
      ...(props.asyncFailures && {
        deadLetterQueue: props.asyncFailures.deadLetterQueue,
        retryAttempts: props.asyncFailures.retryAttempts,
        maxEventAge: props.asyncFailures.maxEventAge,
      }),
    });

    // Scoped to the role's own policy: permissions added as separate policies carry their own reasons.
    Validations.of(this.role.node.findChild('DefaultPolicy')).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'Active X-Ray tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level permissions.',
    });
    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'The runtime follows the Node major the project pins and tests (22); it moves with that pin, not ahead of it.',
    });
  }
}
