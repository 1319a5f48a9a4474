import { createServer, type ServerResponse } from 'node:http';
import type { FakeEndpoint } from '../../aws/support/fake-endpoints.js';

// The fake accepts any credentials; the SDK still needs some to sign with.
process.env.AWS_ACCESS_KEY_ID ??= 'testing';
process.env.AWS_SECRET_ACCESS_KEY ??= 'testing';

/**
 * An AWS endpoint on loopback answering each JSON-protocol call (CloudWatch and SSM both speak it) by its
 * X-Amz-Target operation name: for answers that are HTTP 200 but not what the API promises.
 */
export async function answering(answers: Record<string, (res: ServerResponse) => void>): Promise<FakeEndpoint & { bytesSent(): number }> {
  let sent = 0;
  const server = createServer((req, res) => {
    req.resume();
    const target = String(req.headers['x-amz-target'] ?? '');
    const answer = answers[target.slice(target.lastIndexOf('.') + 1)];
    const write = res.write.bind(res);
    res.write = ((chunk: Buffer | string, ...rest: never[]) => {
      sent += Buffer.byteLength(chunk);
      return write(chunk, ...rest);
    }) as typeof res.write;
    if (answer) answer(res);
    else res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify({ __type: 'UnknownOperationException' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bytesSent: () => sent,
    close: () => new Promise((done) => (server.closeAllConnections(), server.close(() => done()))),
  };
}

export const json = (value: unknown) => (res: ServerResponse) =>
  res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify(value));
