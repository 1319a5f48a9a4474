import {
  DEFAULT_TUNABLES,
  TUNABLES,
  TunablesSchema,
  envName,
  isSsmTunable,
  ssmName,
  tunableKeys,
} from '../../lib/config/tunables.js';
import type { TunableKey, Tunables } from '../../lib/config/tunables.js';
import { describeIssues, fieldIssues } from '../../lib/schema/issues.js';

export interface TunableParameter {
  readonly key: TunableKey;
  readonly name: string;
  readonly value: string;
  readonly description: string;
}

/** The deployed tunables: a stage's overrides over the app's own defaults, checked by the app's own schema. */
export function resolveTunables(overrides: Partial<Tunables>): Tunables {
  const parsed = TunablesSchema.safeParse({
    ...DEFAULT_TUNABLES,
    ...overrides,
    // A deployment exists to read its tunables from SSM and its state from CloudWatch.
    useSsm: true,
    useCloudwatch: true,
  });
  if (parsed.success) return parsed.data;
  throw new Error(`invalid stage tunables: ${describeIssues(fieldIssues(parsed.error, '(root)'))}`);
}

/** SSM rejects empty values, so an empty string setting travels in the environment instead (see below). */
const storableInSsm = (tunables: Tunables, key: TunableKey): boolean =>
  isSsmTunable(key) && String(tunables[key]) !== '';

/** One parameter per SSM tunable, named `<prefix><ssm-name>`, holding the value in the form the app parses. */
export function tunableParameters(tunables: Tunables): TunableParameter[] {
  return tunableKeys()
    .filter((key) => storableInSsm(tunables, key))
    .map((key) => ({
      key,
      name: `${tunables.ssmPrefix}${ssmName(key)}`,
      value: String(tunables[key]),
      description: TUNABLES[key].description,
    }));
}

/**
 * Always explicit, so a reader of the function configuration sees where it reads from. The bus and the
 * namespace are what IAM is scoped to: were SSM unreadable the app would fall back to the environment, which
 * must then still name the bus and namespace the role may write to.
 */
const ALWAYS_IN_ENV: readonly TunableKey[] = ['useSsm', 'useCloudwatch', 'ssmPrefix', 'eventBusName', 'planMetricsNamespace'];

/**
 * The functions' environment: the keys above, bootstrap tunables (those SSM cannot hold) that differ from the
 * defaults, and empty-string settings SSM cannot store. Everything else reaches the app via the prefix.
 */
export function functionEnvironment(tunables: Tunables): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of tunableKeys()) {
    const value = tunables[key];
    const bootstrap = !isSsmTunable(key) && value !== DEFAULT_TUNABLES[key];
    const emptyInSsm = isSsmTunable(key) && !storableInSsm(tunables, key);
    if (bootstrap || emptyInSsm || ALWAYS_IN_ENV.includes(key)) env[envName(key)] = String(value);
  }
  return env;
}
