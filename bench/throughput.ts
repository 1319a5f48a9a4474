import autocannon from 'autocannon';
import { createPlanService } from '../lib/service/plan-service.js';
import type { PlannerState } from '../lib/schema/state.js';
import { PlanSchema } from '../lib/schema/plan.js';
import { check, fmt, info, type PartResult } from './support/report.js';
import { startServer, type ServerProcess } from './support/server-process.js';
import { REALISTIC_STATE, WAIT_STATE } from './support/states.js';

/** Seconds per measured load run (BENCH_SECONDS overrides); warm-ups are a third of it. */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** The container's production log level: one JSON line per request. */
const LOG_LEVEL = 'INFO';

export interface LoadFigures {
  rps: number;
  p50_ms: number;
  p99_ms: number;
  errors: number;
}

async function load(url: string, body: string, connections: number, seconds: number): Promise<LoadFigures> {
  const result = await autocannon({
    url: `${url}/plan`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections,
    duration: seconds,
  });
  return {
    rps: Math.round(result.requests.average),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** Plans per second of the same planner called in-process, one plan after another (as the server's one thread). */
async function inProcess(state: PlannerState, seconds: number): Promise<number> {
  const service = createPlanService({ env: {} });
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  let plans = 0;
  while (performance.now() < until) {
    await service.plan(state);
    plans += 1;
  }
  return Math.round(plans / ((performance.now() - started) / 1000));
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

/** A warm-up (JIT, connection pools), then the measured runs at 10 and 50 connections. */
async function measure(server: ServerProcess, state: PlannerState): Promise<{ c10: LoadFigures; c50: LoadFigures }> {
  const body = JSON.stringify(state);
  await load(server.url, body, 10, Math.max(1, SECONDS / 3));
  return { c10: await load(server.url, body, 10, SECONDS), c50: await load(server.url, body, 50, SECONDS) };
}

const ratio = (a: number, b: number): number => Math.round((a / b) * 100) / 100;
const latency = (f: LoadFigures): string => `p50 ${f.p50_ms} ms, p99 ${f.p99_ms} ms`;

export async function run(): Promise<PartResult> {
  await inProcess(REALISTIC_STATE, Math.max(1, SECONDS / 3));
  const before = await inProcess(REALISTIC_STATE, SECONDS / 2);

  const planServer = await startServer('functions/server.ts', { LOG_LEVEL });
  let plan16: { c10: LoadFigures; c50: LoadFigures };
  let wait: { c10: LoadFigures; c50: LoadFigures };
  try {
    await expectPlan(planServer, REALISTIC_STATE, (tasks, action) => action === 'run' && tasks === 16);
    await expectPlan(planServer, WAIT_STATE, (_, action) => action === 'wait');
    plan16 = await measure(planServer, REALISTIC_STATE);
    wait = await measure(planServer, WAIT_STATE);
  } finally {
    await planServer.stop();
  }
  const echoServer = await startServer('bench/echo-server.ts');
  let echo: { c10: LoadFigures; c50: LoadFigures };
  try {
    echo = await measure(echoServer, WAIT_STATE);
  } finally {
    await echoServer.stop();
  }
  const after = await inProcess(REALISTIC_STATE, SECONDS / 2);
  const inProcessRps = Math.round((before + after) / 2);
  const a = { c10: ratio(plan16.c10.rps, inProcessRps), c50: ratio(plan16.c50.rps, inProcessRps) };
  const b = { c10: ratio(wait.c10.rps, echo.c10.rps), c50: ratio(wait.c50.rps, echo.c50.rps) };
  const errors = [plan16, wait, echo].reduce((n, r) => n + r.c10.errors + r.c50.errors, 0);
  return {
    figures: {
      log_level: LOG_LEVEL,
      seconds_per_run: SECONDS,
      in_process_plans_per_s: { before, after, mean: inProcessRps },
      plan16,
      wait,
      echo,
      ratio_plan16_vs_in_process: a,
      ratio_wait_vs_echo: b,
    },
    rows: [
      info('in-process planner, 16-task plan (baseline a)', `${fmt(inProcessRps)} plans/s (before ${fmt(before)}, after ${fmt(after)})`),
      info('server /plan 16 tasks, 10 conn', `${fmt(plan16.c10.rps)} req/s, ${latency(plan16.c10)}`),
      info('server /plan 16 tasks, 50 conn', `${fmt(plan16.c50.rps)} req/s, ${latency(plan16.c50)}`),
      check('(a) server / in-process, 10 conn', `${a.c10}x`, '>= 0.8x', a.c10 >= 0.8),
      check('(a) server / in-process, 50 conn', `${a.c50}x`, '>= 0.8x', a.c50 >= 0.8),
      info('bare Hono echo, 10 / 50 conn (baseline b)', `${fmt(echo.c10.rps)} / ${fmt(echo.c50.rps)} req/s`),
      info('server /plan wait, 10 conn', `${fmt(wait.c10.rps)} req/s, ${latency(wait.c10)}`),
      info('server /plan wait, 50 conn', `${fmt(wait.c50.rps)} req/s, ${latency(wait.c50)}`),
      check('(b) wait plan / echo, 10 conn', `${b.c10}x`, '>= 0.5x', b.c10 >= 0.5),
      check('(b) wait plan / echo, 50 conn', `${b.c50}x`, '>= 0.5x', b.c50 >= 0.5),
      check('p99 at 10 conn, 16-task plan', `${plan16.c10.p99_ms} ms`, '< 10 ms', plan16.c10.p99_ms < 10),
      check('p99 at 10 conn, wait plan', `${wait.c10.p99_ms} ms`, '< 10 ms', wait.c10.p99_ms < 10),
      check('errors (all runs)', fmt(errors), '0', errors === 0),
    ],
  };
}
