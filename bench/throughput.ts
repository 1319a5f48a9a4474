import autocannon from 'autocannon';
import { DEFAULT_TUNABLES } from '../lib/config/index.js';
import { createApp } from '../lib/http/index.js';
import { createLogger } from '../lib/log/index.js';
import { PlanSchema } from '../lib/schema/index.js';
import type { PlannerState } from '../lib/schema/index.js';
import { createPlanService } from '../lib/service/index.js';
import { buildContainer } from './support/container.js';
import { check, fmt, info, type PartResult } from './support/report.js';
import { installPeer, startPeer } from './support/peer.js';
import { progress } from './support/progress.js';
import { startServer, type ServerProcess } from './support/server-process.js';
import { REALISTIC_STATE, WAIT_STATE } from '../fixtures/states.js';

/** Seconds per measured load run (BENCH_SECONDS overrides); warm-ups are a third of it. */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** Rounds of the interleaved server / peer comparison, each SECONDS / 2 per server. */
const ROUNDS = 3;
/** uvicorn worker processes of the peer rows. */
const PEER_WORKERS = [1, 2] as const;
/** The container's production log level: one JSON line per request. */
const LOG_LEVEL = 'INFO';
/** The server's (and chart's) default: run plans generated on worker threads beside the event loop. */
const PLAN_WORKERS = String(DEFAULT_TUNABLES.planWorkers);

export interface LoadFigures {
  rps: number;
  p50_ms: number;
  p99_ms: number;
  errors: number;
  requests: number;
  /** Server CPU time per answered request: steadier than req/s on a shared machine. */
  cpu_us_per_request: number;
}
/** Several equal rounds as one figure, each round kept. */
type RoundsFigures = LoadFigures & { rounds: LoadFigures[] };

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
    requests: result.requests.total,
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

const post = (server: ServerProcess, state: PlannerState) =>
  fetch(`${server.url}/plan`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(state) });

async function expectPlan(server: ServerProcess, state: PlannerState, check: (tasks: number, action: string) => boolean) {
  const plan = PlanSchema.parse(await (await post(server, state)).json());
  if (!check(plan.tasks.length, plan.action)) {
    throw new Error(`benchmark state gave ${plan.action} with ${plan.tasks.length} tasks, not what the benchmark measures`);
  }
}

/** The peer answers the same body with its fixed plan (a 422 would measure FastAPI's error path instead). */
async function expectPeerPlan(peer: ServerProcess, state: PlannerState) {
  const response = await post(peer, state);
  const plan = (await response.json()) as { priority?: unknown };
  if (response.status !== 200 || plan.priority !== 5) throw new Error(`the FastAPI peer answered ${response.status} ${JSON.stringify(plan)}`);
}

/** A warm-up (JIT, connection pools), then the measured run at 10 connections. */
async function measure10(server: ServerProcess, state: PlannerState): Promise<LoadFigures> {
  const body = JSON.stringify(state);
  await load(server, body, 10, Math.max(1, SECONDS / 3));
  return load(server, body, 10, SECONDS);
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Rounds of equal length as one figure: mean req/s, median latencies, summed errors and requests, CPU per request overall. */
function combine(rounds: LoadFigures[]): RoundsFigures {
  const requests = rounds.reduce((n, r) => n + r.requests, 0);
  return {
    rps: Math.round(rounds.reduce((n, r) => n + r.rps, 0) / rounds.length),
    p50_ms: median(rounds.map((r) => r.p50_ms)),
    p99_ms: median(rounds.map((r) => r.p99_ms)),
    errors: rounds.reduce((n, r) => n + r.errors, 0),
    requests,
    cpu_us_per_request: Math.round(rounds.reduce((n, r) => n + r.cpu_us_per_request * r.requests, 0) / Math.max(1, requests)),
    rounds,
  };
}

/**
 * The servers in turn, round after round, 10 connections and the same body, so the shared machine's drift hits
 * each alike; every server warms up first.
 */
async function interleaved(servers: ServerProcess[], state: PlannerState): Promise<RoundsFigures[]> {
  const body = JSON.stringify(state);
  for (const server of servers) await load(server, body, 10, Math.max(1, SECONDS / 3));
  const runs = servers.map((): LoadFigures[] => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, server] of servers.entries()) runs[i]!.push(await load(server, body, 10, SECONDS / 2));
  }
  return runs.map(combine);
}

async function withServers<T>(starts: (() => Promise<ServerProcess>)[], work: (servers: ServerProcess[]) => Promise<T>): Promise<T> {
  const servers: ServerProcess[] = [];
  try {
    for (const start of starts) servers.push(await start());
    return await work(servers);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

const ratio = (a: number, b: number): number => Math.round((a / b) * 100) / 100;
const latency = (f: LoadFigures): string => `p50 ${f.p50_ms} ms, p99 ${f.p99_ms} ms`;
const loadRow = (f: LoadFigures): string => `${fmt(f.rps)} req/s, ${latency(f)}, ${fmt(f.cpu_us_per_request)} µs CPU/req`;
const roundsNote = (f: RoundsFigures): string => `; p99 per round ${f.rounds.map((r) => r.p99_ms).join(', ')} ms`;

/**
 * POST /plan on the container's server (dist/server.js as the image builds and runs it, a child process on a
 * loopback port) under autocannon, against the same planner in-process on the same state (before and after the
 * load runs, averaged, as the machine drifts), and beside the seed's dummy FastAPI planner on uvicorn with 1 and 2
 * workers, interleaved with the server round by round on the same cores and body.
 */
export async function run(): Promise<PartResult> {
  installPeer();
  progress('throughput: in-process planner baseline');
  await inProcess(REALISTIC_STATE, Math.max(1, SECONDS / 3));
  const before = await inProcess(REALISTIC_STATE, SECONDS / 2);
  progress('throughput: building the container bundle');
  const built = await buildContainer();
  let compared: RoundsFigures[];
  let c50: LoadFigures;
  let wait: LoadFigures;
  let eventLoop: LoadFigures;
  try {
    ({ compared, c50, wait } = await withServers(
      [() => startServer(built.server, { LOG_LEVEL, PLAN_WORKERS }), ...PEER_WORKERS.map((w) => () => startPeer(w))],
      async ([server, ...peers]) => {
        await expectPlan(server!, REALISTIC_STATE, (tasks, action) => action === 'run' && tasks === 16);
        await expectPlan(server!, WAIT_STATE, (_, action) => action === 'wait');
        for (const peer of peers) await expectPeerPlan(peer, REALISTIC_STATE);
        progress(`throughput: server and FastAPI peer (${PEER_WORKERS.join(', ')} workers) interleaved, ${ROUNDS} rounds of ${SECONDS / 2} s each`);
        const compared = await interleaved([server!, ...peers], REALISTIC_STATE);
        progress('throughput: server at 50 connections, then the wait plan');
        const c50 = await load(server!, JSON.stringify(REALISTIC_STATE), 50, SECONDS);
        return { compared, c50, wait: await measure10(server!, WAIT_STATE) };
      },
    ));
    progress('throughput: server planning on its event loop (PLAN_WORKERS=0)');
    eventLoop = await withServers([() => startServer(built.server, { LOG_LEVEL, PLAN_WORKERS: '0' })], ([server]) => measure10(server!, REALISTIC_STATE));
  } finally {
    built.remove();
  }
  progress('throughput: in-process baselines again');
  const after = await inProcess(REALISTIC_STATE, SECONDS / 2);
  const app = await inProcessApp(REALISTIC_STATE, SECONDS / 2);

  const [c10, ...peers] = compared as [RoundsFigures, ...RoundsFigures[]];
  const baseline = { rps: Math.round((before.rps + after.rps) / 2), cpuUs: Math.round((before.cpuUs + after.cpuUs) / 2) };
  const a = { c10: ratio(c10.rps, baseline.rps), c50: ratio(c50.rps, baseline.rps) };
  const cpuShare = ratio(baseline.cpuUs, c10.cpu_us_per_request);
  const eventLoopRatio = ratio(eventLoop.rps, baseline.rps);
  const errors = c10.errors + c50.errors + wait.errors + eventLoop.errors;
  const peerFigures = Object.fromEntries(PEER_WORKERS.map((w, i) => [`workers_${w}`, peers[i]!]));
  return {
    figures: {
      log_level: LOG_LEVEL,
      plan_workers: Number(PLAN_WORKERS),
      seconds_per_run: SECONDS,
      rounds: ROUNDS,
      in_process: { before, after, mean: baseline },
      in_process_app: app,
      plan16: { c10, c50 },
      wait,
      plan16_event_loop: eventLoop,
      fastapi_peer: peerFigures,
      ratio_plan16_event_loop_vs_in_process: eventLoopRatio,
      ratio_plan16_vs_in_process: a,
      cpu_in_process_vs_server_per_plan: cpuShare,
    },
    rows: [
      info('in-process planner, 16-task plan (baseline)', `${fmt(baseline.rps)} plans/s, ${fmt(baseline.cpuUs)} µs CPU/plan (before ${fmt(before.rps)}, after ${fmt(after.rps)})`),
      info('in-process app.request, 16-task plan (no sockets, logs off)', `${fmt(app.rps)} plans/s, ${fmt(app.cpuUs)} µs CPU/plan`),
      info(`server /plan 16 tasks, 10 conn (log ${LOG_LEVEL}, PLAN_WORKERS=${PLAN_WORKERS}; ${ROUNDS} rounds interleaved with the peer)`, `${loadRow(c10)}${roundsNote(c10)}`),
      ...PEER_WORKERS.map((w, i) =>
        info(
          `peer: the seed's dummy FastAPI planner (fixed plan), uvicorn ${w} worker${w > 1 ? 's' : ''}, 10 conn, same body`,
          `${loadRow(peers[i]!)} = ${ratio(peers[i]!.rps, c10.rps)}x the server's req/s${roundsNote(peers[i]!)}; errors ${peers[i]!.errors}`,
        ),
      ),
      info(`server /plan 16 tasks, 50 conn (log ${LOG_LEVEL}, PLAN_WORKERS=${PLAN_WORKERS})`, loadRow(c50)),
      check('server / in-process plans/s, 10 conn', `${a.c10}x`, '>= 0.8x', a.c10 >= 0.8),
      check('server / in-process plans/s, 50 conn', `${a.c50}x`, '>= 0.8x', a.c50 >= 0.8),
      info('in-process / server CPU per plan, 10 conn', `${cpuShare}x`),
      info('server /plan 16 tasks, 10 conn, planned on the event loop (PLAN_WORKERS=0)', `${loadRow(eventLoop)} = ${eventLoopRatio}x in-process`),
      info('server /plan wait (no tasks to generate), 10 conn', loadRow(wait)),
      check('p99 at 10 conn, 16-task plan', `${c10.p99_ms} ms`, '< 10 ms', c10.p99_ms < 10),
      check('p99 at 10 conn, wait plan', `${wait.p99_ms} ms`, '< 10 ms', wait.p99_ms < 10),
      check('errors, all server runs', fmt(errors), '0', errors === 0),
    ],
  };
}
