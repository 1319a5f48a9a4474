import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createPlanService } from '../lib/service/index.js';
import { WAIT_STATE } from '../fixtures/states.js';

/**
 * Where (b)'s floor is: a bare Hono route answering the wait plan's very bytes, made once at start-up,
 * served like the echo baseline. Between this and /plan lie validation, planning and the access log.
 */
const body = (await createPlanService({ env: {} }).body(WAIT_STATE)).json;
const app = new Hono();
app.get('/healthz', (c) => c.json({ status: 'ok' }));
app.post('/plan', async (c) => {
  await c.req.json();
  return c.body(body, 200, { 'content-type': 'application/json' });
});

serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 8080), hostname: process.env.HOST ?? '127.0.0.1' });
process.once('SIGTERM', () => process.exit(0));
