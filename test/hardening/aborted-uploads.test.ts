import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, rawSocket, readAll, startLiveServer, type LiveServer } from './support/server.js';

const HEAD = 'POST /plan HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n';
const CHUNKED = `${HEAD}Transfer-Encoding: chunked\r\n\r\n`;

/** Uploads broken in transport: each ends the connection before a whole body has arrived, or frames it wrongly. */
const CASES: [name: string, bytes: string, abort: boolean][] = [
  ['a chunked upload cut mid-chunk', `${CHUNKED}40\r\n{"alpha_free": 0.5`, true],
  ['a chunked upload cut before the last chunk', `${CHUNKED}2\r\n{}\r\n`, true],
  ['a chunk size that is not hex', `${CHUNKED}zz\r\n{}\r\n0\r\n\r\n`, false],
  ['a chunk longer than its size', `${CHUNKED}2\r\n{"alpha_free":0.5}\r\n0\r\n\r\n`, false],
  ['a chunk size past any limit', `${CHUNKED}fffffffffffffffff\r\n{}\r\n`, false],
  ['a Content-Length upload cut short', `${HEAD}Content-Length: 500\r\n\r\n{"alpha_free": 0.5`, true],
  ['both Content-Length and chunked', `${HEAD}Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n`, false],
];

describe('aborted and malformed uploads: at most a client error in the logs, never a 500 or a stack', () => {
  let built: Awaited<ReturnType<typeof buildServer>>;
  let server: LiveServer;
  beforeAll(async () => {
    built = await buildServer();
    server = await startLiveServer(built.script, { LOG_LEVEL: 'INFO', PLAN_WORKERS: '1' });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    built?.remove();
  });

  for (const [name, bytes, abort] of CASES) {
    it(name, async () => {
      const before = server.logs().length;
      const socket = await rawSocket(server);
      socket.write(bytes);
      let answer = '';
      if (abort) {
        // Long enough for the server to start reading the body, then gone, as a client that crashed.
        await new Promise((r) => setTimeout(r, 200));
        socket.destroy();
      } else answer = await readAll(socket, 5_000);
      // The server logs a request when it has finished with it: wait for that line (bounded).
      const deadline = Date.now() + 5_000;
      while (Date.now() < deadline && !server.logs().slice(before).some((l) => l.message === 'request' || l.level === 'ERROR')) {
        if (!abort && answer !== '') break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await new Promise((r) => setTimeout(r, 300));
      const lines = server.logs().slice(before);
      expect(answer).not.toMatch(/^HTTP\/1\.1 5\d\d/);
      for (const line of lines) {
        expect(line.level, JSON.stringify(line)).not.toBe('ERROR');
        expect(line.status ?? 0, JSON.stringify(line)).toBeLessThan(500);
        expect(JSON.stringify(line)).not.toMatch(/"stack"|\bat .*\.js:\d+/);
      }
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    }, 20_000);
  }
});
