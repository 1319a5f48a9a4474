import { Validations } from 'aws-cdk-lib';
import type { RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import type { HttpRoute, ThrottleSettings } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface PlannerApiProps {
  /** Serves the IAM-protected `POST /plan`. */
  readonly handler: IFunction;
  /** Serves the open `GET` routes: a flood of unauthenticated requests then only ever throttles this one. */
  readonly publicHandler: IFunction;
  readonly throttle: ThrottleSettings;
  readonly logRetention: RetentionDays;
  readonly removalPolicy: RemovalPolicy;
}

/** The routes open to anyone (GET), served by the public function. */
const PUBLIC_PATHS = ['/healthz', '/readyz', '/openapi.json'] as const;

/** One JSON line per request; `caller` is the SigV4-authenticated principal of a /plan call. */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  caller: '$context.identity.userArn',
  requestTime: '$context.requestTime',
  routeKey: '$context.routeKey',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  latencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
};

/** The planner's HTTPS API: `POST /plan` for SigV4-signed callers, probes and the schema open to all. */
export class PlannerApi extends Construct {
  readonly httpApi: HttpApi;
  readonly planRoute: HttpRoute;
  readonly accessLogs: LogGroup;

  constructor(scope: Construct, id: string, props: PlannerApiProps) {
    super(scope, id);
    const integration = new HttpLambdaIntegration('Planner', props.handler);
    // The $default stage keeps paths unprefixed: the app routes on `/plan`, not `/<stage>/plan`.
    this.httpApi = new HttpApi(this, 'Http', {
      description: 'AZR curriculum planner',
      createDefaultStage: false,
    });
    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.logRetention,
      removalPolicy: props.removalPolicy,
    });
    new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });

    const [planRoute] = this.httpApi.addRoutes({
      path: '/plan',
      methods: [HttpMethod.POST],
      integration,
      authorizer: new HttpIamAuthorizer(),
    });
    if (!planRoute) throw new Error('POST /plan route was not created');
    this.planRoute = planRoute;

    // Probes and the schema must answer load balancers, uptime checks and client generators without credentials.
    const publicIntegration = new HttpLambdaIntegration('Public', props.publicHandler);
    for (const path of PUBLIC_PATHS) {
      for (const route of this.httpApi.addRoutes({ path, methods: [HttpMethod.GET], integration: publicIntegration })) {
        Validations.of(route).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `GET ${path} is a public probe or schema carrying no planner data.`,
        });
      }
    }
  }

  /** Lets a principal call `POST /plan` (signing with SigV4). */
  grantPlan(grantee: IGrantable) {
    return this.planRoute.grantInvoke(grantee);
  }

  get url(): string {
    return this.httpApi.apiEndpoint;
  }
}
