import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { freePort } from '../../../fixtures/free-port.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const MOTO_SERVER = resolve(ROOT, '.tools/venv/bin/moto_server');

export interface MotoServer {
  endpoint: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Installs moto through the project's own tool script when a bare `vitest` run comes before `npm test`'s pretest. */
function ensureInstalled(): void {
  if (existsSync(MOTO_SERVER)) return;
  const run = spawnSync('bash', [resolve(ROOT, 'scripts/tools/moto.sh')], { stdio: 'inherit' });
  if (run.status !== 0 || !existsSync(MOTO_SERVER)) throw new Error('moto_server is missing and scripts/tools/moto.sh failed');
}

async function answers(endpoint: string): Promise<boolean> {
  try {
    const response = await fetch(`${endpoint}/moto-api/data.json`, { signal: AbortSignal.timeout(1000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** Starts moto in server mode on a free loopback port and waits until it answers. */
export async function startMoto(timeoutMs = 60_000): Promise<MotoServer> {
  ensureInstalled();
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const child = spawn(MOTO_SERVER, ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(killer);
  };
  const deadline = Date.now() + timeoutMs;
  while (!(await answers(endpoint))) {
    if (child.exitCode !== null) throw new Error(`moto_server exited with ${child.exitCode}: ${stderr}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`moto_server did not answer on ${endpoint} within ${timeoutMs} ms: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { endpoint, process: child, stop };
}
