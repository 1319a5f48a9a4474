import autocannon from 'autocannon';
import { DEFAULT_TUNABLES } from '../lib/config/index.js';
import { createApp } from '../lib/http/index.js';
import { createLogger } from '../lib/log/index.js';
import { PlanSchema } from '../lib/schema/index.js';
import type { PlannerState } from '../lib/schema/index.js';
import { createPlanService } from '../lib/service/index.js';
import { buildContainer } from './support/container.js';
import { check, fmt, info, type PartResult } from './support/report.js';
import { startServer, type ServerProcess } from './support/server-process.js';
import { REALISTIC_STATE, WAIT_STATE } from '../fixtures/states.js';

/** Seconds per measured load run (BENCH_SECONDS overrides); warm-ups are a third of it. */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** The container's production log level: one JSON line per request. */
const LOG_LEVEL = 'INFO';
/** The server's (and chart's) default: run plans generated on worker threads beside the event loop. */
const PLAN_WORKERS = String(DEFAULT_TUNABLES.planWorkers);

export interface LoadFigures {
  rps: number;
  p50_ms: number;
  p99_ms: number;
  errors: number;
  /** Server CPU time per answered request: steadier than req/s on a shared machine. */
  cpu_us_per_request: number;
}
type Pair = { c10: LoadFigures; c50: LoadFigures };

async function load(server: ServerProcess, body: string, connections: number, seconds: number): Promise<LoadFigures> {
  const cpuBefore = server.cpuMs();
  const result = await autocannon({
    url: `${server.url}/plan`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections,
    duration: seconds,
  });
  const cpu = server.cpuMs() - cpuBefore;
  return {
    rps: Math.round(result.requests.average),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    cpu_us_per_request: Math.round((cpu * 1000) / Math.max(1, result.requests.total)),
  };
}

/** The same planner called in-process, one plan after another (as the server's one thread would). */
async function inProcess(state: PlannerState, seconds: number): Promise<{ rps: number; cpuUs: number }> {
  const service = createPlanService({ env: {} });
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  const until = started + seconds * 1000;
  let plans = 0;
  while (performance.now() < until) {
    await service.plan(state);
    plans += 1;
  }
  const cpu = process.cpuUsage(cpu0);
  return { rps: Math.round(plans / ((performance.now() - started) / 1000)), cpuUs: Math.round((cpu.user + cpu.system) / plans) };
}

/** The whole app without sockets (app.request: routing, validation, JSON), logs off: splits app from HTTP cost. */
async function inProcessApp(state: PlannerState, seconds: number): Promise<{ rps: number; cpuUs: number }> {
  const app = createApp({ service: createPlanService({ env: {} }), logger: createLogger('SILENT'), bodyLimitBytes: 65536 });
  const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(state) };
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  const until = started + seconds * 1000;
  let plans = 0;
  while (performance.now() < until) {
    await (await app.request('/plan', init)).text();
    plans += 1;
  }
  const cpu = process.cpuUsage(cpu0);
  return { rps: Math.round(plans / ((performance.now() - started) / 1000)), cpuUs: Math.round((cpu.user + cpu.system) / plans) };
}

async function expectPlan(server: ServerProcess, state: PlannerState, check: (tasks: number, action: string) => boolean) {
  const response = await fetch(`${server.url}/plan`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(state),
  });
  const plan = PlanSchema.parse(await response.json());
  if (!check(plan.tasks.length, plan.action)) {
    throw new Error(`benchmark state gave ${plan.action} with ${plan.tasks.length} tasks, not what the benchmark measures`);
  }
}

/** A warm-up (JIT, connection pools), then the measured run at 10 connections. */
async function measure10(server: ServerProcess, state: PlannerState): Promise<LoadFigures> {
  const body = JSON.stringify(state);
  await load(server, body, 10, Math.max(1, SECONDS / 3));
  return load(server, body, 10, SECONDS);
}

/** measure10, then the measured run at 50 connections. */
async function measure(server: ServerProcess, state: PlannerState): Promise<Pair> {
  return { c10: await measure10(server, state), c50: await load(server, JSON.stringify(state), 50, SECONDS) };
}

async function withServer<T>(script: string, env: Record<string, string>, work: (server: ServerProcess) => Promise<T>): Promise<T> {
  const server = await startServer(script, env);
  try {
    return await work(server);
  } finally {
    await server.stop();
  }
}

const ratio = (a: number, b: number): number => Math.round((a / b) * 100) / 100;
const latency = (f: LoadFigures): string => `p50 ${f.p50_ms} ms, p99 ${f.p99_ms} ms`;
const loadRow = (f: LoadFigures): string => `${fmt(f.rps)} req/s, ${latency(f)}, ${fmt(f.cpu_us_per_request)} µs CPU/req`;
const load10 = (f: Pair): string => loadRow(f.c10);
const load50 = (f: Pair): string => loadRow(f.c50);

/**
 * POST /plan on the container's server (dist/server.js as the image builds and runs it, a child process on a
 * loopback port) under autocannon,
 * against (a) the same planner in-process on the same state and (b) a bare Hono echo route served the same way.
 * The in-process baseline is measured before and after the load runs and averaged, as the machine drifts.
 */
export async function run(): Promise<PartResult> {
  await inProcess(REALISTIC_STATE, Math.max(1, SECONDS / 3));
  const before = await inProcess(REALISTIC_STATE, SECONDS / 2);
  const built = await buildContainer();
  let plan16: Pair;
  let wait: Pair;
  let echo: Pair;
  let eventLoop: LoadFigures;
  let waitFloor: Pair;
  let waitQuiet: LoadFigures;
  try {
    ({ plan16, wait } = await withServer(built.server, { LOG_LEVEL, PLAN_WORKERS }, async (server) => {
      await expectPlan(server, REALISTIC_STATE, (tasks, action) => action === 'run' && tasks === 16);
      await expectPlan(server, WAIT_STATE, (_, action) => action === 'wait');
      return { plan16: await measure(server, REALISTIC_STATE), wait: await measure(server, WAIT_STATE) };
    }));
    echo = await withServer(built.echo, {}, (server) => measure(server, WAIT_STATE));
    waitFloor = await withServer(built.waitFloor, {}, (server) => measure(server, WAIT_STATE));
    // The same server without its INFO access line: how much of (b) the one log line per request is.
    waitQuiet = await withServer(built.server, { LOG_LEVEL: 'WARN', PLAN_WORKERS }, (server) => measure10(server, WAIT_STATE));
    // The same server planning on its event loop: what the worker thread adds, and the per-plan HTTP cost alone.
    eventLoop = await withServer(built.server, { LOG_LEVEL, PLAN_WORKERS: '0' }, (server) => measure10(server, REALISTIC_STATE));
  } finally {
    built.remove();
  }
  const after = await inProcess(REALISTIC_STATE, SECONDS / 2);
  const app = await inProcessApp(REALISTIC_STATE, SECONDS / 2);

  const baseline = { rps: Math.round((before.rps + after.rps) / 2), cpuUs: Math.round((before.cpuUs + after.cpuUs) / 2) };
  const a = { c10: ratio(plan16.c10.rps, baseline.rps), c50: ratio(plan16.c50.rps, baseline.rps) };
  const b = { c10: ratio(wait.c10.rps, echo.c10.rps), c50: ratio(wait.c50.rps, echo.c50.rps) };
  const cpuShare = ratio(baseline.cpuUs, plan16.c10.cpu_us_per_request);
  const eventLoopRatio = ratio(eventLoop.rps, baseline.rps);
  const errors = [plan16, wait, echo].reduce((n, r) => n + r.c10.errors + r.c50.errors, 0);
  return {
    figures: {
      log_level: LOG_LEVEL,
      plan_workers: Number(PLAN_WORKERS),
      seconds_per_run: SECONDS,
      in_process: { before, after, mean: baseline },
      in_process_app: app,
      plan16,
      wait,
      echo,
      wait_floor: waitFloor,
      wait_log_warn: waitQuiet,
      plan16_event_loop: eventLoop,
      ratio_plan16_event_loop_vs_in_process: eventLoopRatio,
      ratio_plan16_vs_in_process: a,
      ratio_wait_vs_echo: b,
      cpu_in_process_vs_server_per_plan: cpuShare,
    },
    rows: [
      info('in-process planner, 16-task plan (baseline a)', `${fmt(baseline.rps)} plans/s, ${fmt(baseline.cpuUs)} µs CPU/plan (before ${fmt(before.rps)}, after ${fmt(after.rps)})`),
      info('in-process app.request, 16-task plan (no sockets, logs off)', `${fmt(app.rps)} plans/s, ${fmt(app.cpuUs)} µs CPU/plan`),
      info(`server /plan 16 tasks, 10 conn (log ${LOG_LEVEL}, PLAN_WORKERS=${PLAN_WORKERS})`, load10(plan16)),
      info(`server /plan 16 tasks, 50 conn (log ${LOG_LEVEL}, PLAN_WORKERS=${PLAN_WORKERS})`, load50(plan16)),
      check('(a) server / in-process plans/s, 10 conn', `${a.c10}x`, '>= 0.8x', a.c10 >= 0.8),
      check('(a) server / in-process plans/s, 50 conn', `${a.c50}x`, '>= 0.8x', a.c50 >= 0.8),
      info('(a) in-process / server CPU per plan, 10 conn', `${cpuShare}x`),
      info('server /plan 16 tasks, 10 conn, planned on the event loop (PLAN_WORKERS=0)', `${loadRow(eventLoop)} = ${eventLoopRatio}x in-process`),
      info('bare Hono echo, 10 conn (baseline b)', load10(echo)),
      info('bare Hono echo, 50 conn (baseline b)', load50(echo)),
      info('floor: bare Hono route answering the wait plan precomputed, 10 conn', `${load10(waitFloor)} = ${ratio(waitFloor.c10.rps, echo.c10.rps)}x echo`),
      info('server /plan wait, 10 conn, log WARN (no access line)', `${loadRow(waitQuiet)} = ${ratio(waitQuiet.rps, echo.c10.rps)}x echo`),
      info('server /plan wait, 10 conn', load10(wait)),
      info('server /plan wait, 50 conn', load50(wait)),
      check('(b) wait plan / echo req/s, 10 conn', `${b.c10}x`, '>= 0.5x', b.c10 >= 0.5),
      check('(b) wait plan / echo req/s, 50 conn', `${b.c50}x`, '>= 0.5x', b.c50 >= 0.5),
      check('p99 at 10 conn, 16-task plan', `${plan16.c10.p99_ms} ms`, '< 10 ms', plan16.c10.p99_ms < 10),
      check('p99 at 10 conn, wait plan', `${wait.c10.p99_ms} ms`, '< 10 ms', wait.c10.p99_ms < 10),
      check('errors, all runs', fmt(errors), '0', errors === 0),
    ],
  };
}
