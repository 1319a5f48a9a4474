import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rssKiB } from '../../../bench/support/server-process.js';
import { build } from '../../../scripts/build.js';
import { freePort } from '../../../fixtures/free-port.js';

export type LogLine = Record<string, unknown> & { level?: string; message?: string };

/** The image's server bundle in a temporary dist/, built once per test file. */
export async function buildServer(): Promise<{ script: string; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'azr-hardening-'));
  await build(dir);
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  return { script: join(dir, 'server.js'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface LiveServer {
  host: string;
  port: number;
  url: string;
  pid: number;
  /** Every JSON log line the server has written so far. */
  logs(): LogLine[];
  rssKiB(): number;
  /** Resolves with the exit code once the process has ended (null if killed by a signal). */
  exited: Promise<number | null>;
  signal(name: NodeJS.Signals): void;
  stop(): Promise<number | null>;
}

/** Starts the bundled server on a free loopback port with only the environment given, its logs captured. */
export async function startLiveServer(script: string, env: Record<string, string> = {}): Promise<LiveServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [script], {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: LogLine[] = [];
  let stderr = '';
  // Powertools writes WARN and ERROR lines to stderr, the rest to stdout: both are the log.
  const collect = (stream: NodeJS.ReadableStream) => {
    let partial = '';
    stream.on('data', (chunk: Buffer) => {
      const complete = (partial + chunk.toString()).split('\n');
      partial = complete.pop() ?? '';
      for (const line of complete) {
        if (line.trim() === '') continue;
        try {
          lines.push(JSON.parse(line) as LogLine);
        } catch {
          lines.push({ message: line, level: 'RAW' });
        }
      }
    });
  };
  collect(child.stdout);
  collect(child.stderr);
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${stderr}`);
    if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not up within 30 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const pid = child.pid!;
  return {
    host: '127.0.0.1',
    port,
    url,
    pid,
    logs: () => lines,
    rssKiB: () => rssKiB(pid),
    exited,
    signal: (name) => child.kill(name),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      return exited;
    },
  };
}

/** A raw loopback connection to the server, for what fetch cannot send (pipelining, broken framing, silence). */
export async function rawSocket(server: Pick<LiveServer, 'host' | 'port'>): Promise<Socket> {
  const socket = connect(server.port, server.host);
  await once(socket, 'connect');
  return socket;
}

/** Reads from a socket until it closes (or `ms` pass), returning all it received. */
export function readAll(socket: Socket, ms: number): Promise<string> {
  return new Promise((resolve) => {
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    const done = () => {
      clearTimeout(timer);
      resolve(received);
    };
    const timer = setTimeout(() => {
      socket.destroy();
      done();
    }, ms);
    socket.once('close', done);
  });
}

export const planRequest = (body: string, extra = ''): string =>
  `POST /plan HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extra}\r\n${body}`;
