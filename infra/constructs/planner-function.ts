import { fileURLToPath } from 'node:url';
import { Validations } from 'aws-cdk-lib';
import type { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { FunctionSizing } from '../stages.js';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The project pins Node 22 (package.json `node` devDependency); the Lambda runtime must match what is tested. */
const RUNTIME = Runtime.NODEJS_22_X;
/** esbuild's name for the same Node major, e.g. `node22`. */
const ESBUILD_TARGET = RUNTIME.name.replace(/^nodejs(\d+)\.x$/, 'node$1');

/**
 * The SDK is bundled (pinning the version the tests ran against) and it still calls `require` for Node
 * built-ins, which an ES module lacks: the banner gives the bundle one.
 */
const REQUIRE_BANNER = "import { createRequire as __azrCreateRequire } from 'node:module'; const require = __azrCreateRequire(import.meta.url);";

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
  readonly function: NodejsFunction;
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

    this.function = new NodejsFunction(this, 'Function', {
      entry: `${PROJECT_ROOT}${props.entry}`,
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: `${PROJECT_ROOT}package-lock.json`,
      handler: 'handler',
      description: props.description,
      runtime: RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: props.memoryMiB,
      timeout: props.timeout,
      role: this.role,
      logGroup: this.logGroup,
      tracing: Tracing.ACTIVE,
      environment: {
        ...props.environment,
        POWERTOOLS_SERVICE_NAME: 'azr-planner',
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        target: ESBUILD_TARGET,
        mainFields: ['module', 'main'],
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        bundleAwsSDK: true,
        banner: REQUIRE_BANNER,
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
