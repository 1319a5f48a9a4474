import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlannerApp } from '../../infra/planner-app.js';
import { checkov } from './support/checkov.js';
import type { CheckovResult } from './support/checkov.js';
import { TEST_CONTEXT, removeTempOutdirs, tempOutdir } from './support/synth.js';

/** checkov's CloudFormation checks the stacks answer differently, and why. */
const ACCEPTED: Record<string, string> = {
  CKV_AWS_27: 'the dead-letter queue is encrypted with SQS-managed keys; checkov counts only a KMS key',
  CKV_AWS_158: 'the log groups hold no secrets and CloudWatch Logs encrypts them at rest; a customer key would add cost, not protection',
  CKV_AWS_116: 'a dead-letter queue only ever receives failed asynchronous invocations; API Gateway invokes the API functions synchronously (the scheduled function has one)',
  CKV_AWS_117: 'the functions call only public AWS APIs; a VPC would add NAT or endpoints and protect nothing',
  CKV_AWS_173: 'the environment holds no secrets (an SSM prefix, a bus name, switches); Lambda encrypts it at rest with its own key',
};

describe('checkov on the synthesized stacks', () => {
  let passed: CheckovResult[] = [];
  let failed: CheckovResult[] = [];

  beforeAll(async () => {
    const outdir = tempOutdir();
    const { app, stacks } = createPlannerApp({ outdir, context: TEST_CONTEXT });
    app.synth();
    ({ passed, failed } = await checkov('cloudformation', stacks.map((s) => join(outdir, s.templateFile))));
  });

  afterAll(removeTempOutdirs);

  it('finds nothing beyond the accepted checks, each with its reason', () => {
    expect(passed.length).toBeGreaterThan(100);
    expect(failed.map((f) => f.check_id).filter((id) => !(id in ACCEPTED))).toEqual([]);
    for (const reason of Object.values(ACCEPTED)) expect(reason.length).toBeGreaterThan(40);
  });

  it('passes reserved concurrency (CKV_AWS_115) for every function of both stages', () => {
    const functions = passed.filter((p) => p.resource.startsWith('AWS::Lambda::Function.'));
    const reserved = functions.filter((p) => p.check_id === 'CKV_AWS_115');
    expect(reserved).toHaveLength(6);
    expect(failed.filter((f) => f.check_id === 'CKV_AWS_115')).toEqual([]);
  });
});
