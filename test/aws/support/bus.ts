import { CreateEventBusCommand, EventBridgeClient, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { awsClientConfig } from '../../../lib/aws/index.js';
import type { Tunables } from '../../../lib/config/index.js';
import { PLAN_EVENT_SOURCE } from '../../../lib/aws/index.js';
import { unique } from './aws.js';

export interface EventBridgeEnvelope {
  source: string;
  'detail-type': string;
  detail: unknown;
}

/**
 * A custom bus (moto delivers to SQS targets, never fires schedules) with a rule sending the planner's
 * events to a fresh queue, so a test sees exactly what a consumer of the bus would.
 */
export async function busWithQueue(t: Tunables) {
  const config = awsClientConfig(t);
  const events = new EventBridgeClient(config);
  const sqs = new SQSClient(config);
  await events.send(new CreateEventBusCommand({ Name: t.eventBusName }));
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: unique('plans') }));
  const attributes = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
  const rule = unique('rule');
  await events.send(
    new PutRuleCommand({ Name: rule, EventBusName: t.eventBusName, EventPattern: JSON.stringify({ source: [PLAN_EVENT_SOURCE] }) }),
  );
  await events.send(
    new PutTargetsCommand({ Rule: rule, EventBusName: t.eventBusName, Targets: [{ Id: 'queue', Arn: attributes.Attributes?.QueueArn }] }),
  );
  events.destroy();

  /** Waits up to `seconds` for the next event on the queue. */
  async function next(seconds = 5): Promise<EventBridgeEnvelope | undefined> {
    const deadline = Date.now() + seconds * 1000;
    while (Date.now() < deadline) {
      const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 1, WaitTimeSeconds: 1 }));
      const body = Messages?.[0]?.Body;
      if (body) return JSON.parse(body) as EventBridgeEnvelope;
    }
    return undefined;
  }
  return { next, close: () => sqs.destroy() };
}
