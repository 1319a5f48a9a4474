import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

describe('the server on a busy port', () => {
  it('logs one line naming the address and the cause, and exits 1', async () => {
    const holder = createServer().listen(0, '127.0.0.1');
    await once(holder, 'listening');
    const { port } = holder.address() as { port: number };
    try {
      const server = spawn(join(ROOT, 'node_modules/.bin/node'), ['--import', 'tsx', 'functions/server.ts'], {
        cwd: ROOT,
        env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PLAN_WORKERS: '0', LOG_LEVEL: 'INFO' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const [code] = (await once(server, 'exit')) as [number];
      expect(code).toBe(1);
      const lines = output.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'ERROR', message: `cannot listen on 127.0.0.1:${port}: EADDRINUSE` });
    } finally {
      holder.close();
    }
  }, 60_000);
});
