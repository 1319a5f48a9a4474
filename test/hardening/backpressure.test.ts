import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REALISTIC_STATE } from '../../fixtures/states.js';
import { buildServer, planRequest, rawSocket, startLiveServer, type LiveServer } from './support/server.js';

/** The flood of issue 16: connections that each pipeline requests and never read an answer. */
const FLOOD_CONNECTIONS = 40;
const PIPELINED = 200;
/** The chart's memory limit (resources.limits.memory: 448Mi). */
const CHART_LIMIT_KIB = 448 * 1024;
const FLOOD_WINDOW_MS = 8_000;
const PLAN_TIMEOUT_MS = 3_000;
const BODY = JSON.stringify(REALISTIC_STATE);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Status codes (and Retry-After presence) of every answer on a pipelined connection that does read. */
function statuses(received: string): { status: number; retryAfter: boolean }[] {
  return [...received.matchAll(/HTTP\/1\.1 (\d{3})[^\r]*\r\n((?:[^\r]+\r\n)*)\r\n/g)].map((m) => ({
    status: Number(m[1]),
    retryAfter: /^retry-after: \d+$/im.test(m[2] ?? ''),
  }));
}

describe('backpressure: pipelined floods against the real server', () => {
  let built: Awaited<ReturnType<typeof buildServer>>;
  let server: LiveServer;
  const floods: Socket[] = [];
  beforeAll(async () => {
    built = await buildServer();
    server = await startLiveServer(built.script, { LOG_LEVEL: 'INFO', PLAN_WORKERS: '2', PLAN_TIMEOUT_MS: String(PLAN_TIMEOUT_MS) });
  }, 60_000);
  afterAll(async () => {
    for (const socket of floods) socket.destroy();
    await server?.stop();
    built?.remove();
  });

  it(`${FLOOD_CONNECTIONS} x ${PIPELINED} pipelined plans never read: memory under the chart's limit, a good request answered, load shed with 503 + Retry-After`, async () => {
    const batch = planRequest(BODY).repeat(PIPELINED);
    for (let i = 0; i < FLOOD_CONNECTIONS; i++) {
      const socket = await rawSocket(server);
      socket.pause(); // never reads: answers pile up on the server's side
      socket.on('error', () => undefined);
      socket.write(batch);
      floods.push(socket);
    }
    let peakKiB = 0;
    const sampler = setInterval(() => (peakKiB = Math.max(peakKiB, server.rssKiB())), 100);
    try {
      await sleep(500);
      // A well-behaved caller on its own connection: answered (a plan, or a 503 telling it when to come back),
      // never left waiting behind the flood past the request deadline.
      const started = performance.now();
      const good = await fetch(`${server.url}/plan`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: BODY,
        signal: AbortSignal.timeout(PLAN_TIMEOUT_MS + 10_000),
      });
      const goodMs = performance.now() - started;
      expect([200, 503]).toContain(good.status);
      if (good.status === 503) expect(good.headers.get('retry-after')).toMatch(/^\d+$/);
      await good.arrayBuffer();

      // A pipelining caller that does read its answers: each is a plan or a 503 with Retry-After.
      const reader = await rawSocket(server);
      let received = '';
      reader.on('data', (chunk: Buffer) => (received += chunk.toString()));
      reader.write(planRequest(BODY).repeat(PIPELINED));
      const until = Date.now() + FLOOD_WINDOW_MS;
      while (Date.now() < until && statuses(received).length < PIPELINED) await sleep(100);
      reader.destroy();
      const answers = statuses(received);
      expect(answers.length).toBeGreaterThan(0);
      for (const answer of answers) {
        expect([200, 503]).toContain(answer.status);
        if (answer.status === 503) expect(answer.retryAfter).toBe(true);
      }
      const shedLines = server.logs().filter((l) => l.message === 'plan shed');
      console.info(
        `flood: peak RSS ${Math.round(peakKiB / 1024)} MiB; good request ${good.status} in ${Math.round(goodMs)} ms; ` +
          `reading pipeliner: ${answers.filter((a) => a.status === 200).length} plans, ${answers.filter((a) => a.status === 503).length} 503s; ` +
          `shed counted in logs: ${shedLines.reduce((n, l) => n + Number(l.shed ?? 0), 0)}`,
      );
      expect(shedLines.length).toBeGreaterThan(0);
    } finally {
      clearInterval(sampler);
    }
    expect(peakKiB).toBeLessThan(CHART_LIMIT_KIB);
    for (const socket of floods.splice(0)) socket.destroy();
    expect((await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(10_000) })).status).toBe(200);

    // Shedding is counted, not logged request by request: no access line for a shed request, and the 'plan
    // shed' summaries (one per second at most, the last one a second after the flood) add up to the counter.
    const shedCounted = async () => Number(/^azr_planner_shed_requests_total (\d+)$/m.exec(await (await fetch(`${server.url}/metrics`)).text())?.[1]);
    const inLines = () => server.logs().filter((l) => l.message === 'plan shed').reduce((n, l) => n + Number(l.shed), 0);
    const until = Date.now() + 15_000;
    while (Date.now() < until && inLines() !== (await shedCounted())) await sleep(200);
    expect(server.logs().filter((l) => l.message === 'request' && l.status === 503)).toEqual([]);
    const counted = await shedCounted();
    expect(counted).toBeGreaterThan(0);
    expect(inLines()).toBe(counted);
    expect(server.logs().filter((l) => l.message === 'plan shed').length).toBeLessThan(counted);
  }, 90_000);
});
