import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContainer, type Built } from '../../bench/support/container.js';
import { startServer, type ServerProcess } from '../../bench/support/server-process.js';
import { REALISTIC_STATE } from '../../fixtures/states.js';

const CONNECTIONS = 100;
/** The bundled server's heap grows for ~20 s under this load before it levels off (measured): warm up past that. */
const WARM_UP_S = 25;
const SOAK_S = 30;

/** Load as callers make it: 100 keep-alive connections posting the 16-task state, each request a fresh seed. */
const hammer = (url: string, seconds: number) =>
  autocannon({
    url: `${url}/plan`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(REALISTIC_STATE),
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 20,
  });

describe('load and soak: the container server', () => {
  let built: Built;
  let server: ServerProcess;
  beforeAll(async () => {
    // The image's server bundle at the production log level, logs discarded as a log agent would take them.
    built = await buildContainer();
    server = await startServer(built.server, { LOG_LEVEL: 'INFO' });
  });
  afterAll(async () => {
    await server?.stop();
    built?.remove();
  });

  it(`serves ${CONNECTIONS} connections for ${SOAK_S} s with zero errors and no memory growth past 20%`, async () => {
    const warm = await hammer(server.url, WARM_UP_S);
    expect(warm.errors + warm.timeouts + warm.non2xx).toBe(0);
    const rssWarm = server.rssKiB();

    const soak = await hammer(server.url, SOAK_S);
    const rssAfter = server.rssKiB();
    console.info(
      `soak: ${soak['2xx']} plans in ${SOAK_S} s (${Math.round(soak.requests.average)}/s), p99 ${soak.latency.p99} ms; ` +
        `RSS ${Math.round(rssWarm / 1024)} MiB after warm-up, ${Math.round(rssAfter / 1024)} MiB after the soak`,
    );
    expect(soak['2xx']).toBeGreaterThan(0);
    expect(soak.errors).toBe(0);
    expect(soak.timeouts).toBe(0);
    expect(soak.non2xx).toBe(0);
    expect(rssAfter).toBeLessThanOrEqual(rssWarm * 1.2);
    // Still healthy afterwards.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  }, (WARM_UP_S + SOAK_S + 60) * 1000);
});
