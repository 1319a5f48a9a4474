import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { DescribeParametersCommand, SSMClient } from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { motoEndpoint } from './support/aws.js';

const TRACE_ROOT = '1-5759e988-bd862e3fe1be46a994272793';
const daemon = createSocket('udp4');
const datagrams: string[] = [];

beforeAll(async () => {
  daemon.bind(0, '127.0.0.1');
  await once(daemon, 'listening');
  daemon.on('message', (message) => datagrams.push(message.toString()));
  // The Lambda runtime's environment, with the X-Ray daemon's UDP address pointing at this test's socket.
  Object.assign(process.env, {
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
    LAMBDA_TASK_ROOT: '/var/task',
    AWS_LAMBDA_FUNCTION_NAME: 'azr-planner-api',
    _X_AMZN_TRACE_ID: `Root=${TRACE_ROOT};Parent=53995c3f42cd8ad8;Sampled=1`,
    AWS_XRAY_DAEMON_ADDRESS: `127.0.0.1:${daemon.address().port}`,
    AWS_XRAY_CONTEXT_MISSING: 'IGNORE_ERROR',
  });
});
afterAll(() => daemon.close());

describe('Lambda tracing (Powertools Tracer over the X-Ray SDK)', () => {
  it('sends a subsegment for an SDK call to the X-Ray daemon, in the invocation\'s trace', async () => {
    // Imported after the environment is set: the X-Ray SDK reads it when it loads.
    const { lambdaTracing } = await import('../../lib/telemetry/index.js');
    const traceClient = await lambdaTracing();
    const ssm = traceClient(new SSMClient({ endpoint: motoEndpoint(), region: 'us-east-1', credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } }));
    await ssm.send(new DescribeParametersCommand({}));

    const deadline = Date.now() + 10_000;
    while (datagrams.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const subsegments = datagrams.map((d) => JSON.parse(d.split('\n')[1]!) as { name: string; trace_id: string; aws?: { operation?: string } });
    expect(subsegments).toEqual([expect.objectContaining({ name: 'SSM', trace_id: TRACE_ROOT, aws: expect.objectContaining({ operation: 'DescribeParameters' }) as object })]);
  });
});
