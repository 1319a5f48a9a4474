import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { SSMClient } from '@aws-sdk/client-ssm';
import type { Tunables } from '../config/tunables.js';
import type { StateSource, TunablesSource } from '../sources/types.js';
import { awsClientConfig } from './client-config.js';
import { createCloudWatchStateSource } from './cloudwatch/state-source.js';
import { createSsmTunablesSource } from './ssm/tunables-source.js';

export { awsClientConfig } from './client-config.js';

/**
 * The AWS sources the tunables switch on (useCloudwatch, useSsm); none by default, so every entry point
 * runs without AWS on the request state and defaults. Reads only env-level tunables, so call it with
 * tunablesFromEnv's result.
 */
export function createAwsSources(
  tunables: Tunables,
  env: Readonly<Record<string, string | undefined>> = process.env,
): { stateSource?: StateSource; tunablesSource?: TunablesSource } {
  const config = awsClientConfig(tunables, env);
  const sources: { stateSource?: StateSource; tunablesSource?: TunablesSource } = {};
  if (tunables.useCloudwatch) sources.stateSource = createCloudWatchStateSource(new CloudWatchClient(config));
  if (tunables.useSsm) {
    sources.tunablesSource = createSsmTunablesSource(new SSMClient(config), {
      prefix: tunables.ssmPrefix,
      cacheSeconds: tunables.ssmCacheSeconds,
    });
  }
  return sources;
}
