import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { freePort } from '../../fixtures/free-port.js';

export interface ServerProcess {
  url: string;
  pid: number;
  /** Resident memory of the server process, in KiB (VmRSS). */
  rssKiB(): number;
  /** CPU time the server process has used so far (user + system, all its threads), in ms. */
  cpuMs(): number;
  stop(): Promise<void>;
}

export function rssKiB(pid: number): number {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match?.[1]) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]);
}

const TICKS_PER_SECOND = 100;
export function cpuMs(pid: number): number {
  // Fields after the parenthesised command name; utime and stime are the 14th and 15th fields overall.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
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
  const child = spawn(process.execPath, [script], {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${script}`);
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
    cpuMs: () => cpuMs(pid),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
