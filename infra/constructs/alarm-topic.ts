import { Aws } from 'aws-cdk-lib';
import type { RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

export interface AlarmTopicProps {
  /** An existing topic (e.g. the on-call one) to notify instead of creating the stage's own. */
  readonly existingTopicArn?: string;
  readonly removalPolicy: RemovalPolicy;
}

/** Where the stage's alarms notify: its own encrypted topic, for people to subscribe to, or an existing one. */
export class AlarmTopic extends Construct {
  readonly topic: ITopic;

  constructor(scope: Construct, id: string, props: AlarmTopicProps) {
    super(scope, id);
    if (props.existingTopicArn !== undefined) {
      this.topic = Topic.fromTopicArn(this, 'Topic', props.existingTopicArn);
      return;
    }
    // A customer managed key: CloudWatch cannot publish to a topic encrypted with the AWS managed SNS key.
    const key = new Key(this, 'Key', {
      description: 'Encrypts the AZR planner alarm notifications',
      enableKeyRotation: true,
      removalPolicy: props.removalPolicy,
    });
    key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
      }),
    );
    this.topic = new Topic(this, 'Topic', { displayName: 'AZR planner alarms', masterKey: key, enforceSSL: true });
  }
}
