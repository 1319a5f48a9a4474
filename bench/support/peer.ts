import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort } from '../../fixtures/free-port.js';
import { startProcess, type ServerProcess } from './server-process.js';

/** Installed by scripts/tools/bench/peer.sh (pinned, idempotent); only the bench needs it, so the bench installs it. */
const UVICORN = resolve('.tools/peer-venv/bin/uvicorn');

export function installPeer(): void {
  // The script reports on stderr; its stdout is sent there too, so the bench's stdout keeps only tables.
  execFileSync('bash', ['scripts/tools/bench/peer.sh'], { stdio: ['ignore', 2, 'inherit'] });
}

/**
 * The seed's dummy planner (bench/peer/app.py) on uvicorn with `workers` processes, on a free loopback port, with
 * uvicorn's defaults otherwise (INFO logs with an access line per request, as the server's INFO level logs one).
 */
export async function startPeer(workers: number): Promise<ServerProcess> {
  const port = await freePort();
  const args = ['app:app', '--host', '127.0.0.1', '--port', String(port), '--workers', String(workers)];
  return startProcess({ command: UVICORN, args, env: {}, cwd: resolve('bench/peer') }, port);
}
