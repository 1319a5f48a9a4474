import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';

/** The cold-start baseline: the smallest Hono Lambda answering POST /plan with JSON, bundled like functions/api.ts. */
const app = new Hono();
app.post('/plan', async (c) => c.json(await c.req.json()));

export const handler = handle(app);
