import { describe, expect, it } from 'vitest';
import { awsClientConfig } from '../../lib/aws/index.js';
import { createSources } from '../../lib/compose/index.js';
import { DEFAULT_TUNABLES } from '../../lib/config/index.js';

describe('AWS client configuration', () => {
  it('takes timeouts, attempts and region from the tunables, and leaves the endpoint to the SDK when empty', () => {
    const config = awsClientConfig({ ...DEFAULT_TUNABLES, awsTimeoutMs: 700, awsMaxAttempts: 3, awsRegion: 'eu-west-1' }, {});
    expect(config).toEqual({
      region: 'eu-west-1',
      maxAttempts: 3,
      requestHandler: { connectionTimeout: 700, requestTimeout: 700, throwOnRequestTimeout: true },
    });
  });

  it('points every client at an emulator endpoint, and lets AWS_REGION win', () => {
    const config = awsClientConfig({ ...DEFAULT_TUNABLES, awsEndpoint: 'http://127.0.0.1:5000' }, { AWS_REGION: 'ap-south-1' });
    expect(config).toMatchObject({ endpoint: 'http://127.0.0.1:5000', region: 'ap-south-1' });
  });
});

describe('createSources', () => {
  it('configures no source by default, so the planner runs without AWS', () => {
    expect(createSources(DEFAULT_TUNABLES, {})).toEqual({});
  });

  it('returns exactly the sources switched on', () => {
    expect(Object.keys(createSources({ ...DEFAULT_TUNABLES, useCloudwatch: true }, {}))).toEqual(['stateSource']);
    expect(Object.keys(createSources({ ...DEFAULT_TUNABLES, useSsm: true }, {}))).toEqual(['tunablesSource']);
    const both = createSources({ ...DEFAULT_TUNABLES, useCloudwatch: true, useSsm: true }, {});
    expect([both.stateSource?.name, both.tunablesSource?.name]).toEqual(['cloudwatch', 'ssm']);
  });
});
