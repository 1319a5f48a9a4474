import { Stack, Validations } from 'aws-cdk-lib';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { Effect, Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';

/**
 * Each permission is its own policy, so a cdk-nag acknowledgement covers exactly the statement it explains
 * and the template shows which function may do what.
 */
function attach(scope: Construct, id: string, role: IRole, statement: PolicyStatement): Policy {
  const policy = new Policy(scope, id, { statements: [statement] });
  policy.attachToRole(role);
  return policy;
}

/** The path itself and everything under it: GetParametersByPath is authorised against the requested path. */
export function ssmPrefixArns(scope: Construct, prefix: string): string[] {
  const base = Stack.of(scope).formatArn({
    service: 'ssm',
    resource: 'parameter',
    resourceName: prefix.replace(/^\/|\/$/g, ''),
  });
  return [base, `${base}/*`];
}

export function allowReadTunables(scope: Construct, role: IRole, prefix: string): Policy {
  const policy = attach(
    scope,
    'ReadTunables',
    role,
    new PolicyStatement({ effect: Effect.ALLOW, actions: ['ssm:GetParametersByPath'], resources: ssmPrefixArns(scope, prefix) }),
  );
  Validations.of(policy).acknowledge({
    id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ssm:<AWS::Region>:<AWS::AccountId>:parameter${prefix}*]`,
    reason: 'Tunables are read with one GetParametersByPath call on their own prefix; the wildcard stays under that prefix.',
  });
  return policy;
}

export function allowReadMetrics(scope: Construct, role: IRole): Policy {
  const policy = attach(
    scope,
    'ReadMetrics',
    role,
    new PolicyStatement({ effect: Effect.ALLOW, actions: ['cloudwatch:GetMetricData'], resources: ['*'] }),
  );
  Validations.of(policy).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason: 'cloudwatch:GetMetricData supports no resource-level permissions or namespace condition.',
  });
  return policy;
}

export function allowPutPlanMetrics(scope: Construct, role: IRole, namespace: string): Policy {
  const policy = attach(
    scope,
    'PutPlanMetrics',
    role,
    new PolicyStatement({
      effect: Effect.ALLOW,
      actions: ['cloudwatch:PutMetricData'],
      resources: ['*'],
      conditions: { StringEquals: { 'cloudwatch:namespace': namespace } },
    }),
  );
  Validations.of(policy).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason: 'cloudwatch:PutMetricData has no resource-level permissions; the cloudwatch:namespace condition confines it to the plan metrics namespace.',
  });
  return policy;
}

export function allowPublishPlans(scope: Construct, role: IRole, bus: IEventBus): Policy {
  return attach(
    scope,
    'PublishPlans',
    role,
    new PolicyStatement({ effect: Effect.ALLOW, actions: ['events:PutEvents'], resources: [bus.eventBusArn] }),
  );
}
