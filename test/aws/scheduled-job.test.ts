import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlanSchema } from '../../lib/schema/index.js';
import { motoTunables, tunablesEnv } from './support/aws.js';
import { busWithQueue } from './support/bus.js';
import { seedCluster } from './support/scenario.js';

const ROOT = resolve(import.meta.dirname, '../..');
const NODE = resolve(ROOT, 'node_modules/.bin/node');

/** Runs the CronJob's command as the container does: a plain Node process configured by its environment. */
function job(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      NODE,
      ['--import', 'tsx', 'functions/scheduled-job.ts'],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '', AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', ...env }, timeout: 30_000 },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Powertools' JSON lines: INFO to stdout, WARN and ERROR to stderr. */
const logLines = (output: string) =>
  output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { level: string; message: string; [key: string]: unknown });

describe('scheduled job (the Helm CronJob command)', { timeout: 30_000 }, () => {
  it('publishes one plan and exits 0', async () => {
    const t = motoTunables();
    await seedCluster(t);
    const queue = await busWithQueue(t);
    const { code, stdout, stderr } = await job(tunablesEnv(t));
    expect(code).toBe(0);
    expect(logLines(stderr).filter((line) => line.level === 'ERROR')).toEqual([]);
    const published = logLines(stdout).find((line) => line.message === 'plan published');
    const plan = PlanSchema.parse((await queue.next())?.detail);
    expect(published).toMatchObject({ level: 'INFO', plan_id: plan.plan_id, trigger: 'osiris.azr-planner.cronjob' });
    queue.close();
  });

  it('exits non-zero with the reason on stderr and in the log when it cannot publish', async () => {
    const t = motoTunables();
    const { code, stdout, stderr } = await job(tunablesEnv(t));
    expect(code).toBe(1);
    expect(stderr).toContain(`azr-planner scheduled run failed: PutEvents to bus "${t.eventBusName}" failed: ResourceNotFoundException`);
    expect(logLines(stdout + stderr).map((line) => [line.level, line.message])).toEqual(
      expect.arrayContaining([
        ['ERROR', 'plan not published'],
        ['ERROR', 'scheduled run failed'],
      ]),
    );
  });
});
