import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../lib/http/index.js';
import { createLogger } from '../../lib/log/index.js';
import { createPlanService } from '../../lib/service/index.js';
import { PlanSchema } from '../../lib/schema/index.js';
import { buildServer, startLiveServer, type LiveServer } from './support/server.js';

const TOKEN = 's3cret-token-from-a-kubernetes-secret';
const STATE = JSON.stringify({ alpha_free: 0.5, beta_free: 0.5, seed: 2, max_tasks: 4 });

const app = (authToken?: string) =>
  createApp({ service: createPlanService({ env: {} }), logger: createLogger('SILENT'), bodyLimitBytes: 65_536, ...(authToken ? { authToken } : {}) });
const plan = (a: ReturnType<typeof app>, authorization?: string) =>
  a.request('/plan', { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body: STATE });

describe('bearer token on /plan (PLANNER_AUTH_TOKEN)', () => {
  const guarded = app(TOKEN);

  it('the right token plans', async () => {
    const res = await plan(guarded, `Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(PlanSchema.parse(await res.json()).seed).toBe(2);
  });

  const WRONG: [string, string | undefined][] = [
    ['no header', undefined],
    ['an empty bearer', 'Bearer '],
    ['another token', 'Bearer not-the-token'],
    ['a prefix of the token', `Bearer ${TOKEN.slice(0, -1)}`],
    ['the token and more', `Bearer ${TOKEN}x`],
    ['another scheme', `Basic ${Buffer.from(`user:${TOKEN}`).toString('base64')}`],
    ['the bare token', TOKEN],
  ];
  for (const [name, header] of WRONG) {
    it(`${name}: 401 JSON with WWW-Authenticate, no plan`, async () => {
      const res = await plan(guarded, header);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="azr-planner"/);
      expect(await res.json()).toMatchObject({ error: 'unauthorized' });
    });
  }

  it('checks the token before the body: an unauthenticated caller learns nothing of the schema', async () => {
    const res = await guarded.request('/plan', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{' });
    expect(res.status).toBe(401);
  });

  it('probes and the OpenAPI document stay open', async () => {
    for (const path of ['/healthz', '/readyz', '/openapi.json']) expect((await guarded.request(path)).status).toBe(200);
  });

  it('without a token configured, /plan is open', async () => {
    expect((await plan(app())).status).toBe(200);
  });
});

describe('PLANNER_AUTH_TOKEN in the real server process', () => {
  let built: Awaited<ReturnType<typeof buildServer>>;
  let server: LiveServer;
  beforeAll(async () => {
    built = await buildServer();
    server = await startLiveServer(built.script, { PLAN_WORKERS: '1', PLANNER_AUTH_TOKEN: TOKEN });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    built?.remove();
  });

  it('guards /plan and leaves the probes open', async () => {
    const post = (authorization?: string) =>
      fetch(`${server.url}/plan`, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body: STATE });
    expect((await post()).status).toBe(401);
    expect((await post('Bearer wrong')).status).toBe(401);
    expect((await post(`Bearer ${TOKEN}`)).status).toBe(200);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });
});
