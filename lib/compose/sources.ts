import type { Tunables } from '../config/tunables.js';
import { awsClientConfig } from '../aws/client-config.js';
import { describeError } from '../errors/describe.js';
import type { StateSource, TunablesSource } from '../service/ports.js';

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
const STATE_SOURCES: Record<StateSource['name'], { on: (t: Tunables) => boolean; build: (c: ClientConfig) => Promise<StateSource> }> = {
  cloudwatch: {
    on: (t) => t.useCloudwatch,
    build: async (config) => {
      const [{ CloudWatchClient }, { createCloudWatchStateSource }, { guardClient }] = await Promise.all([
        import('@aws-sdk/client-cloudwatch'),
        import('../aws/cloudwatch/state-source.js'),
        import('../aws/guards.js'),
      ]);
      return createCloudWatchStateSource(guardClient(new CloudWatchClient(config), 'CloudWatch'));
    },
  },
};

const TUNABLES_SOURCES: Record<
  TunablesSource['name'],
  { on: (t: Tunables) => boolean; build: (c: ClientConfig, t: Tunables) => Promise<TunablesSource> }
> = {
  ssm: {
    on: (t) => t.useSsm,
    build: async (config, t) => {
      const [{ SSMClient }, { createSsmTunablesSource }, { guardClient }] = await Promise.all([
        import('@aws-sdk/client-ssm'),
        import('../aws/ssm/tunables-source.js'),
        import('../aws/guards.js'),
      ]);
      return createSsmTunablesSource(guardClient(new SSMClient(config), 'SSM'), { prefix: t.ssmPrefix, cacheSeconds: t.ssmCacheSeconds });
    },
  },
};

const names = <K extends string>(record: Record<K, unknown>): K[] => Object.keys(record) as K[];

/** The named state source, its adapter built on first use. */
export function stateSource(name: StateSource['name'], tunables: Tunables, env: Env = process.env): StateSource {
  const source = lazy(name, () => STATE_SOURCES[name].build(awsClientConfig(tunables, env)));
  return { name, observe: async (t, signal) => (await source()).observe(t, signal) };
}

/**
 * The sources the tunables switch on (useCloudwatch, useSsm); none by default, so every entry point runs
 * without AWS on the request state and defaults. Reads only env-level tunables, so call it with
 * tunablesFromEnv's result.
 */
export function createSources(tunables: Tunables, env: Env = process.env): { stateSource?: StateSource; tunablesSource?: TunablesSource } {
  const sources: { stateSource?: StateSource; tunablesSource?: TunablesSource } = {};
  const state = names(STATE_SOURCES).find((name) => STATE_SOURCES[name].on(tunables));
  if (state !== undefined) sources.stateSource = stateSource(state, tunables, env);
  const tuning = names(TUNABLES_SOURCES).find((name) => TUNABLES_SOURCES[name].on(tunables));
  if (tuning !== undefined) {
    const source = lazy(tuning, () => TUNABLES_SOURCES[tuning].build(awsClientConfig(tunables, env), tunables));
    sources.tunablesSource = { name: tuning, load: async (signal) => (await source()).load(signal) };
  }
  return sources;
}
