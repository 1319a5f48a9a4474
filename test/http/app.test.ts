import { describe, expect, it } from 'vitest';
import { createApp } from '../../lib/http/index.js';
import { createLogger } from '../../lib/log/index.js';
import { createPlanService } from '../../lib/service/index.js';
import { PlanSchema } from '../../lib/schema/index.js';
import { PlannerStateSchema } from '../../lib/schema/index.js';
import { postJson, testApp } from '../support/app.js';
import { FIXED_NOW, SCENARIOS } from '../support/states.js';

const app = testApp();

describe('POST /plan', () => {
  it('answers a valid state with a plan that satisfies the plan schema', async () => {
    const res = await app.request('/plan', postJson(JSON.stringify({ ...SCENARIOS.baseline, seed: 11 })));
    expect(res.status).toBe(200);
    const plan = PlanSchema.parse(await res.json());
    expect(plan.seed).toBe(11);
    expect(plan.tasks.length).toBeGreaterThan(0);
  });

  it('names every invalid field and why, with 400', async () => {
    const res = await app.request(
      '/plan',
      postJson(JSON.stringify({ alpha_free: 'lots', performance_metrics: { deduction_success: null }, max_tasks: -1, typo_field: 1 })),
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; issues: { path: string; message: string }[] };
    expect(body.error).toBe('invalid_state');
    const paths = body.issues.map((i) => i.path).sort();
    expect(paths).toEqual(['alpha_free', 'max_tasks', 'performance_metrics.deduction_success', 'typo_field']);
    expect(body.issues.find((i) => i.path === 'alpha_free')!.message).toMatch(/number/);
    expect(body.issues.find((i) => i.path === 'typo_field')!.message).toBe('unknown field');
  });

  it('rejects malformed JSON with 400 and non-JSON with 415, never a stack trace', async () => {
    const bad = await app.request('/plan', postJson('{"alpha_free": 0.5'));
    expect(bad.status).toBe(400);
    const badBody = await bad.text();
    expect(JSON.parse(badBody)).toMatchObject({ error: 'invalid_json' });
    expect(badBody).not.toMatch(/\.ts:\d+|at \w+ \(/);
    const text = await app.request('/plan', postJson('alpha_free=0.5', 'text/plain'));
    expect(text.status).toBe(415);
    expect(await text.json()).toMatchObject({ error: 'unsupported_media_type' });
    const none = await app.request('/plan', { method: 'POST', body: '{}' });
    expect(none.status).toBe(415);
  });

  it('rejects bodies over the limit with 413', async () => {
    const small = testApp({}, 1024);
    const res = await small.request('/plan', postJson(JSON.stringify({ seed: 1, pad: 'x'.repeat(2000) })));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: 'payload_too_large' });
    // A declared length is judged from the header; a streamed (undeclared) body by counting.
    const body = JSON.stringify({ seed: 1, pad: 'x'.repeat(2000) });
    const declared = await small.request('/plan', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
      body,
    });
    expect(declared.status).toBe(413);
    const fits = await small.request('/plan', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '2' },
      body: '{}',
    });
    expect(fits.status).toBe(200);
  });

  it('accepts an empty object: every field is optional', async () => {
    const res = await app.request('/plan', postJson('{}'));
    expect(res.status).toBe(200);
    expect(PlanSchema.parse(await res.json()).warnings.length).toBeGreaterThan(0);
  });

  it('rejects a JSON body that is not an object', async () => {
    for (const body of ['[]', '42', 'null', '"x"']) {
      const res = await app.request('/plan', postJson(body));
      expect(res.status).toBe(400);
    }
  });
});

describe('other routes', () => {
  it('healthz and readyz', async () => {
    expect((await app.request('/healthz')).status).toBe(200);
    const ready = await app.request('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', tunables: 'default' });
  });

  it('openapi.json is generated from the zod schemas', async () => {
    const res = await app.request('/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, { properties?: object }> } };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(['/plan', '/healthz', '/readyz', '/openapi.json']);
    expect(Object.keys(doc.components.schemas.PlannerState!.properties!).sort()).toEqual(Object.keys(PlannerStateSchema.shape).sort());
    expect(Object.keys(doc.components.schemas.Plan!.properties!)).toContain('allocation');
  });

  it('404 for unknown paths and 405 for a wrong method', async () => {
    expect((await app.request('/nope')).status).toBe(404);
    const wrong = await app.request('/plan');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toMatch(/POST/);
  });
});

describe('logs', () => {
  /** The app with a real Powertools logger whose stdout lines are captured. */
  function loggedApp(level: 'DEBUG' | 'INFO') {
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger(level);
    const write = process.stdout.write.bind(process.stdout);
    return {
      lines,
      async post(body: string) {
        process.stdout.write = ((chunk: string) => (lines.push(JSON.parse(chunk)), true)) as typeof process.stdout.write;
        try {
          return await createApp({ service: createPlanService({ env: {}, clock: () => FIXED_NOW }), logger, bodyLimitBytes: 65536 }).request('/plan', postJson(body));
        } finally {
          process.stdout.write = write;
        }
      },
    };
  }

  it('one access line per request at INFO; the state and plan too at DEBUG', async () => {
    const body = JSON.stringify({ ...SCENARIOS.baseline, seed: 5 });
    const info = loggedApp('INFO');
    await info.post(body);
    expect(info.lines.map((l) => l.message)).toEqual(['request']);
    expect(info.lines[0]).toMatchObject({ level: 'INFO', method: 'POST', path: '/plan', status: 200, action: 'run' });

    const debug = loggedApp('DEBUG');
    const plan = await (await debug.post(body)).json();
    expect(debug.lines.map((l) => l.message)).toEqual(['plan', 'request']);
    expect(debug.lines[0]).toMatchObject({ level: 'DEBUG', state: JSON.parse(body), plan });
  });
});
