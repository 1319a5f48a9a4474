import type { Tunables } from '../config/tunables.js';
import type { StateSource, TunablesSource } from '../sources/types.js';
import { awsClientConfig } from './client-config.js';

export { awsClientConfig } from './client-config.js';

/** Builds a source on first use, once: a process that never reads AWS never loads the SDK (cold start). */
function lazy<S extends StateSource | TunablesSource>(name: string, build: () => Promise<S>): () => Promise<S> {
  let built: Promise<S> | undefined;
  return () => {
    built ??= build().catch((error: unknown) => {
      built = undefined;
      throw new Error(`${name} client failed to load: ${error instanceof Error ? error.message : String(error)}`);
    });
    return built;
  };
}

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
  if (tunables.useCloudwatch) {
    const source = lazy('cloudwatch', async () => {
      const [{ CloudWatchClient }, { createCloudWatchStateSource }, { guardClient }] = await Promise.all([
        import('@aws-sdk/client-cloudwatch'),
        import('./cloudwatch/state-source.js'),
        import('./guards.js'),
      ]);
      return createCloudWatchStateSource(guardClient(new CloudWatchClient(config), 'CloudWatch'));
    });
    sources.stateSource = { name: 'cloudwatch', observe: async (t, signal) => (await source()).observe(t, signal) };
  }
  if (tunables.useSsm) {
    const source = lazy('ssm', async () => {
      const [{ SSMClient }, { createSsmTunablesSource }, { guardClient }] = await Promise.all([
        import('@aws-sdk/client-ssm'),
        import('./ssm/tunables-source.js'),
        import('./guards.js'),
      ]);
      return createSsmTunablesSource(guardClient(new SSMClient(config), 'SSM'), { prefix: tunables.ssmPrefix, cacheSeconds: tunables.ssmCacheSeconds });
    });
    sources.tunablesSource = { name: 'ssm', load: async (signal) => (await source()).load(signal) };
  }
  return sources;
}
