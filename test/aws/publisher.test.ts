import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { awsClientConfig } from '../../lib/aws/index.js';
import { PublishError, publishPlan } from '../../lib/aws/index.js';
import { PlanSchema } from '../../lib/schema/index.js';
import { motoTunables } from './support/aws.js';
import { busWithQueue } from './support/bus.js';
import { samplePlan } from './support/plans.js';

describe('plan publisher against moto', { timeout: 15_000 }, () => {
  it('puts the plan on the bus, where a rule delivers it to a queue', async () => {
    const t = motoTunables();
    const queue = await busWithQueue(t);
    const plan = samplePlan(5);
    const published = await publishPlan(new EventBridgeClient(awsClientConfig(t)), plan, { busName: t.eventBusName, attempts: 2, backoffMs: 10 });
    expect(published.eventId).toMatch(/\S/);
    expect(published.attempts).toBe(1);
    const event = await queue.next();
    expect(event?.source).toBe('osiris.azr-planner');
    expect(event?.['detail-type']).toBe('AZR Plan Generated');
    expect(PlanSchema.parse(event?.detail)).toEqual(plan);
    queue.close();
  });

  it('delivers an oversized plan trimmed, still a valid plan', async () => {
    const t = motoTunables();
    const queue = await busWithQueue(t);
    const plan = samplePlan(600, 600);
    const published = await publishPlan(new EventBridgeClient(awsClientConfig(t)), plan, { busName: t.eventBusName, attempts: 2, backoffMs: 10 });
    expect(published.trimmed?.totalTasks).toBe(600);
    const sent = PlanSchema.parse((await queue.next())?.detail);
    expect(sent.tasks).toHaveLength(published.trimmed?.sentTasks ?? -1);
    expect(sent.allocation).toEqual(plan.allocation);
    queue.close();
  });

  it('fails loudly, naming the bus, when the bus does not exist', async () => {
    const t = motoTunables();
    const publishing = publishPlan(new EventBridgeClient(awsClientConfig(t)), samplePlan(1), { busName: 'no-such-bus', attempts: 3, backoffMs: 10 });
    await expect(publishing).rejects.toThrow(PublishError);
    await expect(publishing).rejects.toThrow(/bus "no-such-bus" failed: ResourceNotFoundException/);
  });
});

// Entry-level rejections inside a 200 answer: moto never produces them, so the client is faked here.
describe('plan publisher on rejected entries', () => {
  const options = { busName: 'bus', attempts: 3, backoffMs: 1 };

  it('retries a rejected entry and succeeds when EventBridge takes it', async () => {
    const mock = mockClient(EventBridgeClient);
    mock
      .on(PutEventsCommand)
      .resolvesOnce({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'ThrottlingException', ErrorMessage: 'Rate exceeded' }] })
      .resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e-1' }] });
    const published = await publishPlan(new EventBridgeClient({ region: 'us-east-1' }), samplePlan(1), options);
    expect(published).toMatchObject({ eventId: 'e-1', attempts: 2 });
    mock.restore();
  });

  it('throws after the last attempt with EventBridge\'s reason', async () => {
    const mock = mockClient(EventBridgeClient);
    mock.on(PutEventsCommand).resolves({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'boom' }] });
    await expect(publishPlan(new EventBridgeClient({ region: 'us-east-1' }), samplePlan(1), options)).rejects.toThrow(
      'PutEvents to bus "bus" rejected the plan after 3 attempt(s): InternalFailure: boom',
    );
    expect(mock.commandCalls(PutEventsCommand)).toHaveLength(3);
    mock.restore();
  });

  it('treats an answer without an event id as a failure', async () => {
    const mock = mockClient(EventBridgeClient);
    mock.on(PutEventsCommand).resolves({});
    await expect(publishPlan(new EventBridgeClient({ region: 'us-east-1' }), samplePlan(1), { ...options, attempts: 1 })).rejects.toThrow(
      'answer carried no event id',
    );
    mock.restore();
  });
});
