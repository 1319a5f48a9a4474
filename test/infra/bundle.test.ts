import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import type { APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAN_DETAIL_TYPE, PLAN_EVENT_SOURCE } from '../../lib/aws/index.js';
import { PlanSchema } from '../../lib/schema/index.js';
import { motoEndpoint, motoTunables } from '../aws/support/aws.js';
import { busWithQueue } from '../aws/support/bus.js';
import { render } from './support/render.js';
import { cdkSynth, functionAsset, readTemplate } from './support/assembly.js';
import type { FunctionAsset } from './support/assembly.js';
import { removeTempOutdirs, tempOutdir } from './support/synth.js';
import { httpApiEvent } from '../../fixtures/gateway-events.js';

const STACK = 'AzrPlanner-dev';
const REGION = 'us-east-1';
const context = { awsRequestId: 'bundle-test', functionName: 'azr-planner' } as Context;

const v2 = httpApiEvent;

type Handler = (event: unknown, context: Context) => Promise<unknown>;

async function loadHandler(asset: FunctionAsset): Promise<Handler> {
  const module = (await import(pathToFileURL(asset.module).href)) as Record<string, unknown>;
  const handler = module[asset.exportName];
  if (typeof handler !== 'function') throw new Error(`${asset.module} exports no ${asset.exportName}`);
  return handler as Handler;
}

/**
 * The bundles CDK would upload, loaded and invoked with the environment the template gives them, against
 * moto standing in for AWS, with the SSM parameters the stack creates. A bundling or wiring mistake
 * (missing module, ESM/CJS interop, wrong handler, env or parameter names the app does not read) fails here.
 */
describe('deployed function bundles', () => {
  const outdir = tempOutdir();
  const savedEnv = { ...process.env };
  let api: FunctionAsset;
  let scheduled: FunctionAsset;
  let synthOutput = '';

  beforeAll(async () => {
    synthOutput = cdkSynth(outdir, 'dev');
    api = functionAsset(outdir, STACK, /HTTP API/);
    scheduled = functionAsset(outdir, STACK, /periodic/);

    // What CloudFormation would create from the template: the tunables' parameters.
    const ssm = new SSMClient({ region: REGION, endpoint: motoEndpoint() });
    for (const r of Object.values(readTemplate(outdir, STACK).Resources)) {
      if (r.Type !== 'AWS::SSM::Parameter') continue;
      const { Name, Value } = r.Properties as { Name: string; Value: string };
      await ssm.send(new PutParameterCommand({ Name, Value, Type: 'String', Overwrite: true }));
    }
    ssm.destroy();
  });

  afterAll(() => {
    process.env = savedEnv;
    removeTempOutdirs();
  });

  /** Lambda's runtime environment: the function's own variables, region and credentials; moto as the endpoint. */
  function lambdaEnvironment(asset: FunctionAsset): void {
    const variables = (asset.properties.Environment as { Variables: Record<string, string> }).Variables;
    process.env = {
      ...savedEnv,
      ...variables,
      AWS_REGION: REGION,
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
      AWS_ENDPOINT_URL: motoEndpoint(),
    };
  }

  it('synthesizes with every feature flag of this CDK version configured (cdk.json), the recommended values', () => {
    expect(synthOutput).toContain('Bundling asset');
    expect(synthOutput).not.toMatch(/feature flags? (is|are) not configured/);
  });

  it('the open routes\' function runs the API\'s own upload (one asset), so both answer alike', () => {
    const open = functionAsset(outdir, STACK, /open routes/);
    expect(open.properties.Code).toEqual(api.properties.Code);
    expect(open.properties.Handler).toBe(api.properties.Handler);
  });

  it('each upload is a minified ES module, its source map and the chunks it loads on first use', () => {
    for (const asset of [api, scheduled]) {
      expect(asset.files).toEqual(['chunks', 'index.mjs', 'index.mjs.map']);
      const code = readFileSync(asset.module, 'utf8');
      // Assertions on excerpts: a failure must not print megabytes of bundle.
      expect(code.slice(0, 120)).toMatch(/^import \{ createRequire as \w+ \} from 'node:module'; const require = /);
      expect(code.slice(-60)).toMatch(/\/\/# sourceMappingURL=index\.mjs\.map\s*$/);
      // Minified: lines of thousands of characters (the few newlines left sit inside template literals).
      expect(code.length / code.split('\n').length, 'average line length').toBeGreaterThan(5000);
      // The SDK travels inside the upload rather than coming from the runtime.
      const chunks = readdirSync(join(asset.dir, 'chunks')).map((f) => readFileSync(join(asset.dir, 'chunks', f), 'utf8'));
      expect([code, ...chunks].some((c) => c.includes('GetMetricData')), 'bundled CloudWatch client').toBe(true);
    }
    // The API loads the SDK on first use only, so a cold start without AWS sources never parses it.
    expect(readFileSync(api.module, 'utf8').includes('GetMetricData'), 'SDK outside the API entry module').toBe(false);
  });

  it('the API bundle answers POST /plan from an API Gateway v2 event with a valid plan, tunables from SSM', async () => {
    lambdaEnvironment(api);
    const handler = await loadHandler(api);
    const body = JSON.stringify({ alpha_free: 0.5, beta_free: 0.5, seed: 7 });
    const res = (await handler(v2('POST', '/plan', body), context)) as Exclude<APIGatewayProxyResultV2, string>;
    expect(res.statusCode).toBe(200);
    const plan = PlanSchema.parse(JSON.parse(res.body ?? ''));
    expect(plan.seed).toBe(7);
    expect(plan.action).toBe('run');
    expect(plan.tasks.length).toBeGreaterThan(0);
    // The parameters the stack creates are where the bundled app looks for them, and it can parse them all.
    expect(plan.sources.tunables).toBe('ssm');
    expect(plan.warnings.filter((w) => /tunable/i.test(w))).toEqual([]);
    expect(plan.degraded).toBe(false);

    const health = (await handler(v2('GET', '/healthz'), context)) as Exclude<APIGatewayProxyResultV2, string>;
    expect(health.statusCode).toBe(200);
    const openapi = (await handler(v2('GET', '/openapi.json'), context)) as Exclude<APIGatewayProxyResultV2, string>;
    expect(openapi.statusCode).toBe(200);
    expect(JSON.parse(openapi.body ?? '')).toHaveProperty('paths./plan.post');
  });

  it('the scheduled bundle, given the schedule\'s own event, publishes a plan to the stack\'s bus', async () => {
    const variables = (scheduled.properties.Environment as { Variables: Record<string, string> }).Variables;
    const bus = await busWithQueue(motoTunables({ eventBusName: variables.EVENT_BUS_NAME! }));
    lambdaEnvironment(scheduled);
    const handler = await loadHandler(scheduled);

    const schedule = Object.values(readTemplate(outdir, STACK).Resources).find((r) => r.Type === 'AWS::Scheduler::Schedule');
    const event: unknown = JSON.parse(
      render((schedule!.Properties.Target as { Input: unknown }).Input)
        .replace('${AWS::AccountId}', '123456789012')
        .replace('${AWS::Region}', REGION)
        .replace('<aws.scheduler.execution-id>', 'exec-1')
        .replace('<aws.scheduler.scheduled-time>', '2026-11-25T19:15:00Z')
        .replace('<aws.scheduler.schedule-arn>', `arn:aws:scheduler:${REGION}:123456789012:schedule/default/plan`),
    );
    const result = (await handler(event, context)) as { plan_id: string; event_id: string; metrics_recorded: boolean };
    expect(result.event_id).toBeTruthy();
    expect(result.metrics_recorded).toBe(true);

    const delivered = await bus.next(10);
    bus.close();
    expect(delivered).toMatchObject({ source: PLAN_EVENT_SOURCE, 'detail-type': PLAN_DETAIL_TYPE });
    expect(PlanSchema.parse(delivered!.detail).plan_id).toBe(result.plan_id);
  });
});
