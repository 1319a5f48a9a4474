import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContainer, type Built } from '../../bench/support/container.js';
import { startServer, type ServerProcess } from '../../bench/support/server-process.js';
import { REALISTIC_STATE } from '../../fixtures/states.js';

const CONNECTIONS = 100;
const WINDOWS = 6;
const WINDOW_S = 5;
/**
 * The heap grows until the server has handled enough plans, not for a fixed time (~20 s here, ~11x fewer plans
 * a second on a loaded CI machine): warm up in windows until one rises no more than RISE_KIB, at least 4, at most 16.
 */
const WARM_UP_WINDOWS = { min: 4, max: 16 };
/** Growth within one window that counts as a rise: below it, RSS is noise (GC timing, allocator pages). */
const RISE_KIB = 2 * 1024;
/** The chart's memory limit (resources.limits.memory: 448Mi). */
const CHART_LIMIT_KIB = 448 * 1024;

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

/**
 * A leak is growth that never stops: RSS higher at the end of every window than at the end of the one before.
 * One before/after ratio flakes on a loaded machine (a late GC, a slow warm-up); a rise in every one of several
 * windows does not happen by chance.
 */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** RSS as the median of three reads 200 ms apart: one read lands wherever the last GC left it. */
async function settledRss(server: ServerProcess): Promise<number> {
  const reads: number[] = [];
  for (let i = 0; i < 3; i++) {
    if (i > 0) await sleep(200);
    reads.push(server.rssKiB());
  }
  return reads.sort((a, b) => a - b)[1]!;
}

function risesEveryWindow(samples: readonly number[]): boolean {
  return samples.slice(1).every((rss, i) => rss - samples[i]! > RISE_KIB);
}

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

  it('the leak criterion: steady growth is one, a level with noise is not', () => {
    expect(risesEveryWindow([200, 204, 208, 212, 216, 220].map((m) => m * 1024))).toBe(true);
    expect(risesEveryWindow([216, 230, 226, 263, 240, 241].map((m) => m * 1024))).toBe(false);
  });

  it(`serves ${CONNECTIONS} connections for ${WINDOWS} x ${WINDOW_S} s with zero errors, memory not rising window after window`, async () => {
    let before = await settledRss(server);
    for (let w = 1; w <= WARM_UP_WINDOWS.max; w++) {
      const warm = await hammer(server.url, WINDOW_S);
      expect(warm.errors + warm.timeouts + warm.non2xx).toBe(0);
      const after = await settledRss(server);
      const levelled = after - before <= RISE_KIB;
      before = after;
      if (w >= WARM_UP_WINDOWS.min && levelled) break;
    }
    const samples = [before];
    let plans = 0;
    for (let w = 0; w < WINDOWS; w++) {
      const window = await hammer(server.url, WINDOW_S);
      samples.push(await settledRss(server));
      plans += window['2xx'];
      expect(window.errors).toBe(0);
      expect(window.timeouts).toBe(0);
      expect(window.non2xx).toBe(0);
    }
    console.info(`soak: ${plans} plans in ${WINDOWS * WINDOW_S} s; RSS by window (MiB): ${samples.map((k) => Math.round(k / 1024)).join(', ')}`);
    expect(plans).toBeGreaterThan(0);
    expect(risesEveryWindow(samples)).toBe(false);
    expect(Math.max(...samples)).toBeLessThan(CHART_LIMIT_KIB);
    // Still healthy afterwards.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  }, ((WARM_UP_WINDOWS.max + WINDOWS) * (WINDOW_S + 1) + 60) * 1000);
});
