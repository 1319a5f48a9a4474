import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { describe, expect, it } from 'vitest';
import { createSources } from '../../lib/compose/sources.js';
import { tunablesFromEnv } from '../../lib/config/tunables.js';
import { createApp } from '../../lib/http/app.js';
import { createLogger } from '../../lib/log/logger.js';
import type { Plan } from '../../lib/schema/plan.js';
import { createPlanService, type PlanServiceOptions } from '../../lib/service/plan-service.js';
import { createEmfRecorder, createPrometheusMetrics, lambdaMetrics, tracingWith } from '../../lib/telemetry/index.js';
import { postJson } from '../support/app.js';
import { freePort } from '../../fixtures/free-port.js';
import { httpApiEvent } from '../../fixtures/gateway-events.js';
import { lambdaContext } from '../support/lambda-context.js';
import { FIXED_NOW, SCENARIOS } from '../support/states.js';
import { captureStdout } from '../support/stdout.js';

const DOWN: PlanServiceOptions['stateSource'] = {
  name: 'cloudwatch',
  observe: () => Promise.reject(new Error('unreachable')),
};

function app(level: 'DEBUG' | 'INFO', opts: Partial<Parameters<typeof createApp>[0]> = {}, service: Partial<PlanServiceOptions> = {}) {
  return createApp({
    service: createPlanService({ env: {}, clock: () => FIXED_NOW, ...service }),
    logger: createLogger(level),
    bodyLimitBytes: 65536,
    ...opts,
  });
}

describe('request ids', () => {
  it('echoes the caller\'s x-request-id and logs it on the access line', async () => {
    const { result, lines } = await captureStdout(async () => app('INFO').request('/plan', { ...postJson('{"seed":1}'), headers: { 'content-type': 'application/json', 'x-request-id': 'trace-abc-123' } }));
    expect(result.headers.get('x-request-id')).toBe('trace-abc-123');
    expect(lines).toEqual([expect.objectContaining({ message: 'request', request_id: 'trace-abc-123', status: 200 })]);
  });

  it('makes one when the caller sent none (or an unsafe one), on errors too', async () => {
    const { result, lines } = await captureStdout(async () => app('INFO').request('/nope', { headers: { 'x-request-id': 'not a safe id; drop it' } }));
    const id = result.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.status).toBe(404);
    expect(lines[0]).toMatchObject({ request_id: id, status: 404 });
  });
});

describe('probe logs', () => {
  it('are DEBUG: nothing at INFO, one debug line each at DEBUG', async () => {
    const probe = (level: 'DEBUG' | 'INFO') =>
      captureStdout(async () => {
        const a = app(level);
        for (const path of ['/healthz', '/readyz']) expect((await a.request(path)).status).toBe(200);
      });
    expect((await probe('INFO')).lines).toEqual([]);
    const debug = await probe('DEBUG');
    expect(debug.lines.map((l) => [l.level, l.path])).toEqual([
      ['DEBUG', '/healthz'],
      ['DEBUG', '/readyz'],
    ]);
  });
});

describe('Prometheus /metrics (container server)', () => {
  it('counts plans, tasks per mode and pool, wait and degraded plans, and their latency', async () => {
    const { recorder, exposition } = createPrometheusMetrics();
    const served = app('INFO', { recorder, exposition });
    const degradedApp = app('INFO', { recorder, exposition }, { stateSource: DOWN });
    const { result: plans } = await captureStdout(async () => {
      const bodies = [
        await served.request('/plan', postJson(JSON.stringify({ ...SCENARIOS.baseline, seed: 1 }))),
        await served.request('/plan', postJson(JSON.stringify({ ...SCENARIOS.allFree, seed: 2 }))),
        await served.request('/plan', postJson(JSON.stringify({ ...SCENARIOS.exhausted, seed: 3 }))),
        await degradedApp.request('/plan', postJson(JSON.stringify({ ...SCENARIOS.baseline, seed: 4 }))),
        await served.request('/plan', postJson('{"max_tasks": -1}')),
      ];
      return Promise.all(bodies.slice(0, 4).map(async (r) => (await r.json()) as Plan));
    });
    const res = await served.request('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    const value = (series: string) => Number(new RegExp(`^${series.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1]);

    expect(plans.map((p) => [p.action, p.degraded])).toEqual([['run', false], ['run', false], ['wait', false], ['run', true]]);
    expect(value('azr_planner_plans_total')).toBe(4);
    expect(value('azr_planner_wait_plans_total')).toBe(1);
    expect(value('azr_planner_degraded_plans_total')).toBe(1);
    for (const mode of ['deduction', 'abduction', 'induction']) {
      for (const pool of ['alpha', 'beta']) {
        const expected = plans.flatMap((p) => p.tasks).filter((t) => t.mode === mode && t.resource === pool).length;
        expect(value(`azr_planner_tasks_planned_total{mode="${mode}",pool="${pool}"}`), `${mode} ${pool}`).toBe(expected);
      }
    }
    expect(value('azr_planner_plan_duration_seconds_count')).toBe(4);
    expect(value('azr_planner_plan_duration_seconds_bucket{le="+Inf"}')).toBe(4);
    expect(text).toMatch(/^azr_planner_process_cpu_seconds_total /m);
  });

  it('is served only where an exposition is given (the container server), and documented there', async () => {
    const { recorder, exposition } = createPrometheusMetrics();
    const withMetrics = app('INFO', { recorder, exposition });
    const doc = (await (await withMetrics.request('/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(doc.paths).toHaveProperty('/metrics');
    const { result } = await captureStdout(async () => app('INFO').request('/metrics'));
    expect(result.status).toBe(404);
  });
});

describe('Lambda entry (functions/api.ts)', () => {
  it('prints EMF lines with the plan metrics, and log lines with the Lambda context and the gateway request id', async () => {
    process.env.LOG_LEVEL = 'INFO';
    const { handler } = await import('../../functions/api.js');
    const invoke = (id: string, path: string, body?: string) =>
      handler(httpApiEvent(body === undefined ? 'GET' : 'POST', path, body) as never, lambdaContext(id)) as Promise<{ statusCode: number; body: string }>;
    const { result, lines } = await captureStdout(async () => {
      const planned = await invoke('inv-1', '/plan', JSON.stringify({ ...SCENARIOS.baseline, seed: 5 }));
      await invoke('inv-2', '/healthz');
      return planned;
    });
    const plan = JSON.parse(result.body) as Plan;
    const { result: again, lines: againLines } = await captureStdout(async () =>
      invoke('inv-3', '/plan', JSON.stringify({ ...SCENARIOS.baseline, seed: 6, max_tasks: 5 })),
    );
    const emf = lines.filter((l) => '_aws' in l) as ({ _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[] } } & Record<string, unknown>)[];
    const names = (l: (typeof emf)[number]) => l._aws.CloudWatchMetrics[0]!.Metrics.map((m) => m.Name).sort();

    const main = emf.filter((l) => names(l).includes('Plans'));
    expect(main).toHaveLength(1);
    expect(names(main[0]!)).toEqual(['Degraded', 'PlanLatency', 'Plans', 'Waiting']);
    expect(main[0]).toMatchObject({ Plans: 1, Waiting: 0, Degraded: 0, service: 'azr-planner' });
    expect(main[0]!._aws.CloudWatchMetrics[0]!.Namespace).toBe('Osiris/AZRPlanner');
    expect(main[0]!.PlanLatency).toBeGreaterThan(0);

    // One line per mode and pool, each with only its own dimensions, plan after plan (the next plan's lines
    // carry none of the last one's).
    for (const [planned, printed] of [[plan, lines], [JSON.parse(again.body) as Plan, againLines]] as const) {
      const tasks = (printed.filter((l) => '_aws' in l) as typeof emf).filter((l) => names(l).includes('TasksPlanned'));
      expect(tasks).toHaveLength(6);
      expect(new Set(tasks.map((l) => `${String(l.Mode)} ${String(l.Pool)}`)).size).toBe(6);
      for (const line of tasks) {
        expect(line._aws.CloudWatchMetrics[0]!.Dimensions).toEqual([['service', 'Mode', 'Pool']]);
        const count = planned.tasks.filter((t) => t.mode === line.Mode && t.resource === line.Pool).length;
        expect(line.TasksPlanned, `${String(line.Mode)} ${String(line.Pool)}`).toBe(count);
      }
    }

    const access = lines.filter((l) => l.message === 'request');
    // The probe's line is DEBUG, so only the plan's access line is written at INFO.
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({
      request_id: 'req-1',
      function_request_id: 'inv-1',
      function_name: 'azr-planner-api',
      cold_start: expect.any(Boolean) as boolean,
      plan_id: plan.plan_id,
    });
  });
});

describe('Lambda metrics', () => {
  it('counts a shed request as Shed on the invocation\'s EMF line', async () => {
    const metrics = lambdaMetrics('Test/Shed');
    createEmfRecorder(metrics).shed();
    const { lines } = await captureStdout(async () => metrics.publishStoredMetrics());
    expect(lines).toEqual([expect.objectContaining({ Shed: 1, service: 'azr-planner' })]);
  });
});

describe('Lambda tracing', () => {
  it('puts the X-Ray instrumentation on the SDK clients it is given', () => {
    // Powertools' Tracer switches itself off outside the Lambda runtime, which it recognises by this variable.
    process.env.AWS_EXECUTION_ENV = 'AWS_Lambda_nodejs22.x';
    const traced = tracingWith(new Tracer({ serviceName: 'azr-planner', enabled: true }))(new CloudWatchClient({ region: 'us-east-1' }));
    expect(traced.middlewareStack.identify().some((m) => m.startsWith('XRaySDKInstrumentation'))).toBe(true);
    // Off (as outside Lambda), the client is left as it was.
    const plain = tracingWith(new Tracer({ serviceName: 'azr-planner', enabled: false }))(new CloudWatchClient({ region: 'us-east-1' }));
    expect(plain.middlewareStack.identify().some((m) => m.startsWith('XRaySDKInstrumentation'))).toBe(false);
    delete process.env.AWS_EXECUTION_ENV;
  });

  it('is applied to every SDK client the AWS sources build', async () => {
    const env = { USE_CLOUDWATCH: 'true', USE_SSM: 'true', AWS_ENDPOINT: `http://127.0.0.1:${await freePort()}`, AWS_MAX_ATTEMPTS: '1', AWS_TIMEOUT_MS: '300' };
    const { tunables } = tunablesFromEnv(env);
    const traced: string[] = [];
    const sources = createSources(tunables, env, async () => (client) => (traced.push((client as object).constructor.name), client));
    const signal = new AbortController().signal;
    await Promise.allSettled([sources.stateSource!.observe(tunables, signal), sources.tunablesSource!.load(signal)]);
    expect(traced.sort()).toEqual(['CloudWatchClient', 'SSMClient']);
  });
});
