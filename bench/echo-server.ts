import { serve } from '@hono/node-server';
import { Hono } from 'hono';

/**
 * The throughput baseline: a bare Hono JSON echo route served exactly like functions/server.ts (same
 * adapter, same process shape), so the ratio isolates what /plan adds on top of HTTP itself.
 */
const app = new Hono();
app.get('/healthz', (c) => c.json({ status: 'ok' }));
app.post('/plan', async (c) => c.json(await c.req.json()));

serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 8080), hostname: process.env.HOST ?? '127.0.0.1' });
process.once('SIGTERM', () => process.exit(0));
