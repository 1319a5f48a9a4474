import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REALISTIC_STATE } from '../../fixtures/states.js';
import { blackHole } from '../aws/support/fake-endpoints.js';
import { buildServer, planRequest, rawSocket, startLiveServer, type LiveServer } from './support/server.js';

const BODY = JSON.stringify({ ...REALISTIC_STATE, max_tasks: 4 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const logLine = (server: LiveServer, message: string) => server.logs().find((l) => l.message === message);

describe('shutdown on SIGTERM (the real server)', () => {
  let built: Awaited<ReturnType<typeof buildServer>>;
  beforeAll(async () => {
    built = await buildServer();
  }, 60_000);
  afterAll(() => built?.remove());

  it('silent, half-sent and idle keep-alive connections do not hold it: exit 0, nothing cut', async () => {
    const server = await startLiveServer(built.script, { PLAN_WORKERS: '1', SHUTDOWN_GRACE_SECONDS: '20' });
    try {
      const silent = await Promise.all([1, 2, 3].map(() => rawSocket(server)));
      const slowloris = await Promise.all([1, 2, 3].map(() => rawSocket(server)));
      for (const socket of slowloris) socket.write('POST /plan HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: appl');
      const idle = await Promise.all([1, 2, 3].map(() => rawSocket(server)));
      for (const socket of idle) socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      await sleep(300);
      const sockets = [...silent, ...slowloris, ...idle];
      const closed = sockets.map((socket) => {
        socket.on('error', () => undefined);
        socket.resume();
        return new Promise<void>((resolve) => socket.once('close', () => resolve()));
      });
      server.signal('SIGTERM');
      expect(await server.exited).toBe(0);
      await Promise.all(closed);
      expect(logLine(server, 'shut down')).toMatchObject({ cut: 0 });
      // Well inside the grace: the connections were closed, not waited out.
      expect(Number(logLine(server, 'shut down')?.duration_ms)).toBeLessThan(20_000);
    } finally {
      await server.stop();
    }
  }, 60_000);

  it('50 busy keep-alive connections: in-flight answers finish with Connection: close, then the connections end; exit 0', async () => {
    const server = await startLiveServer(built.script, { PLAN_WORKERS: '2', SHUTDOWN_GRACE_SECONDS: '20' });
    const CONNECTIONS = 50;
    let signalled = false;
    const tally = { before: 0, after: 0, closeHeaders: 0, non200: 0, failedAfter: 0 };
    // Each loop is one keep-alive connection (fetch pools them) sending plan after plan until refused.
    const loop = async () => {
      for (;;) {
        try {
          const res = await fetch(`${server.url}/plan`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: BODY, signal: AbortSignal.timeout(30_000) });
          await res.arrayBuffer();
          if (res.status !== 200) tally.non200 += 1;
          if (res.headers.get('connection') === 'close') tally.closeHeaders += 1;
          if (signalled) tally.after += 1;
          else tally.before += 1;
        } catch {
          if (signalled) tally.failedAfter += 1;
          return;
        }
      }
    };
    try {
      const loops = Array.from({ length: CONNECTIONS }, loop);
      await sleep(1_500);
      signalled = true;
      server.signal('SIGTERM');
      const code = await server.exited;
      await Promise.all(loops);
      const done = logLine(server, 'shut down');
      console.info(
        `shutdown under load: ${tally.before} plans before SIGTERM, ${tally.after} after (${tally.closeHeaders} with Connection: close), ` +
          `exit ${code} in ${String(done?.duration_ms)} ms, cut ${String(done?.cut)}`,
      );
      expect(code).toBe(0);
      expect(done).toMatchObject({ cut: 0 });
      expect(tally.before).toBeGreaterThan(0);
      expect(tally.non200).toBe(0);
      // At most what was in flight, plus one request each connection may have had on the wire: never thousands.
      expect(tally.after).toBeLessThanOrEqual(2 * CONNECTIONS);
      expect(tally.closeHeaders).toBeGreaterThan(0);
      // Every loop ended by being refused a new connection, not by a cut request.
      expect(tally.failedAfter).toBe(CONNECTIONS);
    } finally {
      await server.stop();
    }
  }, 90_000);

  it('work that cannot finish within the grace is cut, and the exit code says so', async () => {
    const aws = await blackHole();
    const server = await startLiveServer(built.script, {
      PLAN_WORKERS: '1',
      SHUTDOWN_GRACE_SECONDS: '1',
      USE_CLOUDWATCH: 'true',
      AWS_ENDPOINT: aws.endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
      AWS_TIMEOUT_MS: '30000',
      AWS_MAX_ATTEMPTS: '1',
      PLAN_TIMEOUT_MS: '60000',
    });
    try {
      const socket = await rawSocket(server);
      socket.on('error', () => undefined);
      const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      socket.write(planRequest(BODY));
      // The plan is in flight once its CloudWatch call has reached the black hole.
      await aws.called;
      server.signal('SIGTERM');
      expect(await server.exited).toBe(1);
      await ended;
      expect(logLine(server, 'shut down')).toMatchObject({ cut: 1 });
    } finally {
      await server.stop();
      await aws.close();
    }
  }, 60_000);
});
