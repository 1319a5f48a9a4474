import { stringify } from 'yaml';
import * as z from 'zod';
import { MODES, modeDef } from '../../lib/modes/index.js';
import { DEFAULT_TUNABLES, enableKey, envName, isSsmTunable, NOT_ABOVE, TUNABLES, tunableKeys, type TunableKey } from '../../lib/config/index.js';

export const VALUES_START = '  # tunables:start (npm run generate renders this block from lib/config/tunables.ts)';
export const VALUES_END = '# tunables:end';

/** Where the chart words a tunable its own way (units, the job's name); the rest use the code's description. */
const CHART_TEXT: Partial<Record<TunableKey, string>> = {
  highFreeThreshold: 'Free fraction above which a pool counts as idle: priority rises to the top',
  lowFreeThreshold: 'Free fraction below which a pool counts as busy: priority falls',
  bodyLimitBytes: 'Largest accepted POST /plan body in bytes',
  ssmCacheSeconds: 'How long tunables read from SSM are cached, in seconds',
  awsTimeoutMs: 'Connect and request timeout of one AWS call, in ms',
  metricWindowSeconds: 'How far back CloudWatch metrics are read, in seconds',
  metricPeriodSeconds: 'CloudWatch period of the metrics read, in seconds',
  eventBusName: 'EventBridge bus the scheduled job publishes plans to',
};

/** The chart's words for a tunable; a mode's switch says what the mode asks of the solver. */
function chartText(key: TunableKey): string {
  const mode = MODES.find((m) => enableKey(m) === key);
  return mode ? `Plan ${mode} tasks (${modeDef(mode).summary})` : (CHART_TEXT[key] ?? TUNABLES[key].description);
}

/** What only the chart's reader needs to know of a tunable. */
const CHART_NOTES: Partial<Record<TunableKey, string>> = {
  useCloudwatch: 'needs serviceAccount IRSA',
  useSsm: 'needs serviceAccount IRSA',
  ssmPrefix: "starts and ends with '/'",
  metricStat: 'Average, Minimum, Maximum, Sum, SampleCount or pNN',
};

/** The bounds a tunable's schema sets, as the comment shows them: `(integer 0..1000, <= maxTasks)`. */
function bounds(key: TunableKey): string {
  const json = z.toJSONSchema(TUNABLES[key].schema) as { minimum?: number; maximum?: number; enum?: string[] };
  const parts: string[] = [];
  if (json.minimum !== undefined) parts.push(`${TUNABLES[key].kind === 'integer' ? 'integer ' : ''}${json.minimum}..${json.maximum}`);
  if (json.enum) parts.push(`${json.enum.slice(0, -1).join(', ')} or ${json.enum.at(-1)}`);
  for (const [low, high] of NOT_ABOVE) if (low === key) parts.push(`<= ${high}`);
  const note = CHART_NOTES[key];
  if (note) parts.push(note);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/** The tunables block under `azrPlanner:` in values.yaml: each tunable, its default and a comment naming its env var. */
export function valuesTunables(): string {
  return tunableKeys()
    .map((key) => {
      const env = `Env ${envName(key)}${isSsmTunable(key) ? '' : '; not read from SSM'}`;
      const value = stringify({ [key]: DEFAULT_TUNABLES[key] }).trimEnd();
      return `  # ${chartText(key)}${bounds(key)}. ${env}.\n  ${value}`;
    })
    .join('\n');
}

