import type { Tunables } from '../config/tunables.js';
import type { StateSource, TunablesSource } from '../sources/types.js';
import type { TraceClient } from '../telemetry/lambda.js';
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
  /** Loads what instruments each SDK client built (X-Ray subsegments on Lambda). */
  tracing: () => Promise<TraceClient> = async () => (client) => client,
): { stateSource?: StateSource; tunablesSource?: TunablesSource } {
  const config = awsClientConfig(tunables, env);
  // Loading starts now, not in a source's first call, which runs under that source's deadline; each source's
  // builder awaits it (and so reports a failure to load).
  const tracer = tunables.useCloudwatch || tunables.useSsm ? tracing() : undefined;
  tracer?.catch(() => undefined);
  const sources: { stateSource?: StateSource; tunablesSource?: TunablesSource } = {};
  if (tunables.useCloudwatch) {
    const source = lazy('cloudwatch', async () => {
      const [{ CloudWatchClient }, { createCloudWatchStateSource }, traceClient] = await Promise.all([
        import('@aws-sdk/client-cloudwatch'),
        import('./cloudwatch/state-source.js'),
        tracer!,
      ]);
      return createCloudWatchStateSource(traceClient(new CloudWatchClient(config)));
    });
    sources.stateSource = { name: 'cloudwatch', observe: async (t, signal) => (await source()).observe(t, signal) };
  }
  if (tunables.useSsm) {
    const source = lazy('ssm', async () => {
      const [{ SSMClient }, { createSsmTunablesSource }, traceClient] = await Promise.all([
        import('@aws-sdk/client-ssm'),
        import('./ssm/tunables-source.js'),
        tracer!,
      ]);
      return createSsmTunablesSource(traceClient(new SSMClient(config)), { prefix: tunables.ssmPrefix, cacheSeconds: tunables.ssmCacheSeconds });
    });
    sources.tunablesSource = { name: 'ssm', load: async (signal) => (await source()).load(signal) };
  }
  return sources;
}
