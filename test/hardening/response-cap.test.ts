import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createSources } from '../../lib/compose/index.js';
import { AWS_RESPONSE_CAP_BYTES } from '../../lib/aws/index.js';
import { tunablesFromEnv } from '../../lib/config/index.js';
import { createPlanService } from '../../lib/service/index.js';
import { answering } from './support/aws-endpoint.js';

const HUGE_BYTES = 64 * 1024 * 1024;
/** What may be in flight in socket buffers before the client hangs up: far below the answer, above the cap. */
const IN_FLIGHT_ALLOWANCE = AWS_RESPONSE_CAP_BYTES + 16 * 1024 * 1024;
const ROW = JSON.stringify({ Id: 'utilization_alpha', Values: Array.from({ length: 50 }, (_, i) => i), StatusCode: 'Complete' });

/** A 200 of valid-looking JSON that goes on for HUGE_BYTES, written as fast as the client reads it. */
function endless(declareLength: boolean) {
  return (res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0', ...(declareLength ? { 'content-length': String(HUGE_BYTES) } : {}) });
    let written = 0;
    const pump = () => {
      while (written < HUGE_BYTES && !res.destroyed) {
        const chunk = `${written === 0 ? '{"MetricDataResults":[' : ','}${ROW}`.padEnd(64 * 1024, ' ');
        written += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      if (!res.destroyed) res.end();
    };
    res.on('error', () => undefined);
    pump();
  };
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe(`AWS answers are read up to ${AWS_RESPONSE_CAP_BYTES} bytes`, () => {
  for (const declared of [false, true]) {
    it(`a ${HUGE_BYTES / 1024 / 1024} MiB CloudWatch answer (${declared ? 'declared by Content-Length' : 'streamed, no length'}): degraded, and only a little of it read`, async () => {
      const aws = await answering({ GetMetricData: endless(declared) });
      close = aws.close;
      const env = { USE_CLOUDWATCH: 'true', AWS_ENDPOINT: aws.endpoint, AWS_REGION: 'us-east-1', AWS_TIMEOUT_MS: '5000', AWS_MAX_ATTEMPTS: '1' };
      const plan = await createPlanService({ env, ...createSources(tunablesFromEnv(env).tunables, env) }).plan({ seed: 1 });
      expect(plan.degraded).toBe(true);
      expect(plan.warnings.find((w) => w.startsWith('cloudwatch state unavailable'))).toMatch(new RegExp(`over ${AWS_RESPONSE_CAP_BYTES}`));
      expect(aws.bytesSent()).toBeLessThan(IN_FLIGHT_ALLOWANCE);
    }, 30_000);
  }
});
