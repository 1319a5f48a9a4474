import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { freePort } from '../../fixtures/free-port.js';

export interface ServerProcess {
  url: string;
  pid: number;
  /** Resident memory of the server process, in KiB (VmRSS). */
  rssKiB(): number;
  /** CPU time the server has used so far (user + system, all its threads and child processes), in ms. */
  cpuMs(): number;
  stop(): Promise<void>;
}

export function rssKiB(pid: number): number {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match?.[1]) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]);
}

const TICKS_PER_SECOND = 100;
/** Fields after the parenthesised command name: [0] is the 3rd field overall (state), [1] the parent's pid. */
function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

function cpuMs(pid: number): number {
  // utime and stime are the 14th and 15th fields overall.
  const fields = statFields(pid);
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** The pids of a process's live descendants (uvicorn's workers are child processes, not threads). */
function descendants(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const parent = Number(statFields(Number(entry))[1]);
      parents.set(parent, [...(parents.get(parent) ?? []), Number(entry)]);
    } catch {
      // exited while we listed /proc
    }
  }
  const found: number[] = [];
  for (let queue = [pid]; queue.length > 0; ) {
    const children = parents.get(queue.shift()!) ?? [];
    found.push(...children);
    queue.push(...children);
  }
  return found;
}

/** CPU time of a process and its live descendants, in ms. */
function treeCpuMs(pid: number): number {
  return [pid, ...descendants(pid)].reduce((sum, p) => {
    try {
      return sum + cpuMs(p);
    } catch {
      return sum; // a descendant that exited in between
    }
  }, 0);
}

async function waitUntilUp(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${stderr()}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`server at ${url} not up within 30 s: ${stderr()}`);
}

/**
 * Starts a bundled server (the image's form: `node dist/server.js`, NODE_ENV=production) on a free loopback port,
 * with only the environment given, so the caller's shell cannot change what is measured. Logs go to /dev/null,
 * as a container's stdout goes to its log agent, not back to us.
 */
export async function startServer(script: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  return startProcess({ command: process.execPath, args: [script], env: { NODE_ENV: 'production', ...env, PORT: String(port), HOST: '127.0.0.1' } }, port);
}

export interface Command {
  command: string;
  args: string[];
  /** The whole environment besides PATH. */
  env: Record<string, string>;
  cwd?: string;
}

/** Starts any HTTP server that answers `GET /healthz` on the loopback port given (in its args or env). */
export async function startProcess({ command, args, env, cwd }: Command, port: number): Promise<ServerProcess> {
  const child = spawn(command, args, { cwd, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4000)));
  // A command that cannot be spawned (not installed) is reported below, not thrown later as an unhandled event.
  child.once('error', (error) => (errors += error.message));
  const url = `http://127.0.0.1:${port}`;
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${command}`);
  try {
    await waitUntilUp(url, child, () => errors);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    pid,
    rssKiB: () => rssKiB(pid),
    cpuMs: () => treeCpuMs(pid),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
