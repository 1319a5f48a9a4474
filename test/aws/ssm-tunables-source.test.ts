import { GetParametersByPathCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { createSsmTunablesSource } from '../../lib/aws/index.js';
import type { Tunables } from '../../lib/config/index.js';
import { motoTunables } from './support/aws.js';
import { parameters } from './support/ssm.js';

const sourceFor = (t: Tunables, client: SSMClient, cacheSeconds = 0) =>
  createSsmTunablesSource(client, { prefix: t.ssmPrefix, cacheSeconds });
const signal = () => AbortSignal.timeout(10_000);

describe('SSM tunables source against moto', { timeout: 15_000 }, () => {
  it('reads every parameter under the prefix, decrypted, mapped to tunable keys', async () => {
    const t = motoTunables();
    const ssm = parameters(t);
    await ssm.put('alpha-tasks-per-unit', '3');
    await ssm.put('rasch-slope', '4.5', 'SecureString');
    await ssm.put('enable-induction', 'false');
    const loaded = await sourceFor(t, ssm.client).load(signal());
    expect(new Map(loaded.values)).toEqual(
      new Map([
        ['alphaTasksPerUnit', '3'],
        ['raschSlope', '4.5'],
        ['enableInduction', 'false'],
      ]),
    );
    expect(loaded.warnings).toEqual([]);
  });

  it('follows every page of a long listing', async () => {
    const t = motoTunables();
    const ssm = parameters(t);
    // More than one page (GetParametersByPath returns at most 10), every value valid for its tunable.
    const keys = ['alpha-tasks-per-unit', 'beta-tasks-per-unit', 'alpha-total-units', 'beta-total-units', 'fallback-capacity',
      'min-tasks', 'max-tasks', 'rasch-slope', 'prior-strength', 'diversity-floor', 'urgency-weight', 'wait-retry-seconds',
      'metric-period-seconds', 'compute-namespace', 'azr-namespace'];
    for (const key of keys) await ssm.put(key, '2');
    const loaded = await sourceFor(t, ssm.client).load(signal());
    expect(loaded.warnings).toEqual([]);
    expect(loaded.values).toHaveLength(keys.length);
  });

  it('skips unknown names, env-only tunables and bad values, each with a warning naming the parameter', async () => {
    const t = motoTunables();
    const ssm = parameters(t);
    await ssm.put('alpha-tasks-per-unt', '3');
    await ssm.put('nested/max-tasks', '5');
    await ssm.put('aws-endpoint', 'http://elsewhere');
    await ssm.put('rasch-slope', 'steep');
    await ssm.put('max-tasks', '12.5');
    await ssm.put('min-tasks', '2');
    const loaded = await sourceFor(t, ssm.client).load(signal());
    expect(loaded.values).toEqual([['minTasks', '2']]);
    expect(loaded.warnings).toHaveLength(5);
    expect(loaded.warnings).toEqual(
      expect.arrayContaining([
        `SSM: parameter ${t.ssmPrefix}alpha-tasks-per-unt is not a known tunable; ignored`,
        `SSM: parameter ${t.ssmPrefix}nested/max-tasks is not a known tunable; ignored`,
        `SSM: parameter ${t.ssmPrefix}aws-endpoint sets awsEndpoint, which is read from the environment only (AWS_ENDPOINT); ignored`,
        `SSM: parameter ${t.ssmPrefix}rasch-slope ignored: expected a number, got "steep"`,
        expect.stringMatching(new RegExp(`^SSM: parameter ${t.ssmPrefix}max-tasks ignored: .*expected int`)),
      ]),
    );
  });

  it('caches for ssmCacheSeconds, then sees a deleted parameter gone', async () => {
    const t = motoTunables();
    const ssm = parameters(t);
    await ssm.put('max-tasks', '7');
    const cached = sourceFor(t, ssm.client, 60);
    const uncached = sourceFor(t, ssm.client, 0);
    expect((await cached.load(signal())).values).toEqual([['maxTasks', '7']]);
    await ssm.delete('max-tasks');
    expect((await cached.load(signal())).values).toEqual([['maxTasks', '7']]);
    expect((await uncached.load(signal())).values).toEqual([]);
  });
});

describe('SSM tunables source on failures', () => {
  it('rejects when SSM throttles, so the service falls back to env and defaults', async () => {
    const mock = mockClient(SSMClient);
    mock.on(GetParametersByPathCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));
    const source = createSsmTunablesSource(new SSMClient({ region: 'us-east-1' }), { prefix: '/p/', cacheSeconds: 0 });
    await expect(source.load(signal())).rejects.toThrow('Rate exceeded');
    mock.restore();
  });

  it('gives up as soon as the caller aborts, however long SSM takes', async () => {
    const mock = mockClient(SSMClient);
    mock.on(GetParametersByPathCommand).callsFake(() => new Promise((done) => setTimeout(() => done({ Parameters: [] }), 5000)));
    const source = createSsmTunablesSource(new SSMClient({ region: 'us-east-1' }), { prefix: '/p/', cacheSeconds: 0 });
    const started = Date.now();
    await expect(source.load(AbortSignal.timeout(100))).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1000);
    mock.restore();
  });
});
