import type { Tunables } from '../config/tunables.js';
import { awsClientConfig } from '../aws/client-config.js';
import { describeError } from '../errors/describe.js';
import type { StateSource, TunablesSource } from '../service/ports.js';
import type { TraceClient } from '../telemetry/lambda.js';

type Env = Readonly<Record<string, string | undefined>>;
type ClientConfig = ReturnType<typeof awsClientConfig>;

/** Builds a source on first use, once: a process that never reads AWS never loads the SDK (cold start). */
function lazy<S>(name: string, build: () => Promise<S>): () => Promise<S> {
  let built: Promise<S> | undefined;
  return () => {
    built ??= build().catch((error: unknown) => {
      built = undefined;
      throw new Error(`${name} client failed to load: ${describeError(error)}`);
    });
    return built;
  };
}

/**
 * The sources a deployment can switch on, one line each: the tunable that switches it on and how its
 * adapter is built (imported on first use, so the SDK loads only for a source in use). A new source is
 * its adapter plus a line here (and its name in lib/schema/plan.ts, which the type checker asks for).
 */
/** What instruments each SDK client a builder makes (X-Ray subsegments on Lambda), loaded with the sources. */
type Tracing = Promise<TraceClient>;
const untraced: () => Tracing = async () => (client) => client;

const STATE_SOURCES: Record<StateSource['name'], { on: (t: Tunables) => boolean; build: (c: ClientConfig, trace: Tracing) => Promise<StateSource> }> = {
  cloudwatch: {
    on: (t) => t.useCloudwatch,
    build: async (config, trace) => {
      const [{ CloudWatchClient }, { createCloudWatchStateSource }, { guardClient }, traceClient] = await Promise.all([
        import('@aws-sdk/client-cloudwatch'),
        import('../aws/cloudwatch/state-source.js'),
        import('../aws/guards.js'),
        trace,
      ]);
      return createCloudWatchStateSource(guardClient(traceClient(new CloudWatchClient(config)), 'CloudWatch'));
    },
  },
};

const TUNABLES_SOURCES: Record<
  TunablesSource['name'],
  { on: (t: Tunables) => boolean; build: (c: ClientConfig, t: Tunables, trace: Tracing) => Promise<TunablesSource> }
> = {
  ssm: {
    on: (t) => t.useSsm,
    build: async (config, t, trace) => {
      const [{ SSMClient }, { createSsmTunablesSource }, { guardClient }, traceClient] = await Promise.all([
        import('@aws-sdk/client-ssm'),
        import('../aws/ssm/tunables-source.js'),
        import('../aws/guards.js'),
        trace,
      ]);
      return createSsmTunablesSource(guardClient(traceClient(new SSMClient(config)), 'SSM'), { prefix: t.ssmPrefix, cacheSeconds: t.ssmCacheSeconds });
    },
  },
};

const names = <K extends string>(record: Record<K, unknown>): K[] => Object.keys(record) as K[];

/** The named state source, its adapter built on first use. */
export function stateSource(name: StateSource['name'], tunables: Tunables, env: Env = process.env, trace: Tracing = untraced()): StateSource {
  const source = lazy(name, () => STATE_SOURCES[name].build(awsClientConfig(tunables, env), trace));
  return { name, observe: async (t, signal) => (await source()).observe(t, signal) };
}

/**
 * The sources the tunables switch on (useCloudwatch, useSsm); none by default, so every entry point runs
 * without AWS on the request state and defaults. Reads only env-level tunables, so call it with
 * tunablesFromEnv's result.
 */
export function createSources(
  tunables: Tunables,
  env: Env = process.env,
  /** Loads what instruments each SDK client built (X-Ray on Lambda). */
  tracing: () => Tracing = untraced,
): { stateSource?: StateSource; tunablesSource?: TunablesSource } {
  const sources: { stateSource?: StateSource; tunablesSource?: TunablesSource } = {};
  const state = names(STATE_SOURCES).find((name) => STATE_SOURCES[name].on(tunables));
  const tuning = names(TUNABLES_SOURCES).find((name) => TUNABLES_SOURCES[name].on(tunables));
  // Loading starts now, not in a source's first call, which runs under that source's deadline; each builder
  // awaits it (and so reports a failure to load).
  const trace = state !== undefined || tuning !== undefined ? tracing() : untraced();
  trace.catch(() => undefined);
  if (state !== undefined) sources.stateSource = stateSource(state, tunables, env, trace);
  if (tuning !== undefined) {
    const source = lazy(tuning, () => TUNABLES_SOURCES[tuning].build(awsClientConfig(tunables, env), tunables, trace));
    sources.tunablesSource = { name: tuning, load: async (signal) => (await source()).load(signal) };
  }
  return sources;
}
