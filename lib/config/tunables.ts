import * as z from 'zod';
import { MODES, type Mode } from '../modes/index.js';
import type { Pool } from '../schema/pool.js';
import { HISTORY_LIMIT } from '../schema/state.js';

/**
 * Every tunable of the planner, in one place. Each has one name in three spellings
 * (env `ALPHA_TASKS_PER_UNIT`, SSM `<prefix>alpha-tasks-per-unit`, Helm `azrPlanner.alphaTasksPerUnit`),
 * derived from the key here so the README table, the CDK stack and the chart cannot drift.
 *
 * `ssm: false` marks bootstrap settings needed before SSM can be read (where SSM is, whether to use it):
 * they come from the environment only.
 */
type Kind = 'number' | 'integer' | 'boolean' | 'string';

interface TunableDef<S extends z.ZodType> {
  readonly schema: S;
  readonly default: z.output<S>;
  readonly kind: Kind;
  readonly description: string;
  readonly ssm: boolean;
}

/**
 * A tunable whose zod schema is built on first use: a process parses only the tunables its environment and SSM
 * set, and building all ~55 schemas (~200 zod objects) was a tenth of a Lambda cold start.
 */
function tunable<S extends z.ZodType>(schema: () => S, rest: Omit<TunableDef<S>, 'schema'>): TunableDef<S> {
  let built: S | undefined;
  return {
    get schema() {
      return (built ??= schema());
    },
    ...rest,
  };
}
// The checks in one .check() call: each chained .min()/.max()/.int() builds a whole zod schema.
function num(def: number, min: number, max: number, description: string, ssm = true): TunableDef<z.ZodNumber> {
  return tunable(() => z.number().check(z.gte(min), z.lte(max)), { default: def, kind: 'number', description, ssm });
}
function int(def: number, min: number, max: number, description: string, ssm = true): TunableDef<z.ZodNumber> {
  return tunable(() => z.number().check(z.int(), z.gte(min), z.lte(max)), { default: def, kind: 'integer', description, ssm });
}
function bool(def: boolean, description: string, ssm = true): TunableDef<z.ZodBoolean> {
  return tunable(() => z.boolean(), { default: def, kind: 'boolean', description, ssm });
}
function str(def: string, description: string, ssm = true, pattern = /^.*$/): TunableDef<z.ZodString> {
  return tunable(() => z.string().regex(pattern), { default: def, kind: 'string', description, ssm });
}
function oneOf<const V extends readonly [string, ...string[]]>(def: V[number], values: V, description: string): TunableDef<z.ZodEnum<{ [K in V[number]]: K }>> {
  return tunable(() => z.enum(values), { default: def, kind: 'string', description, ssm: true });
}

/**
 * The most tasks a plan may hold: what every entry point can return. Lambda answers at most 6 MB; the largest
 * tasks (induction) take ~970 bytes each in its response, so 2,048 of them (~2 MB) leave room for tasks to grow.
 */
export const MAX_PLAN_TASKS = 2048;

/** The tunable that switches a mode on: `enableInduction` (env ENABLE_INDUCTION, SSM enable-induction). */
export type EnableKey<M extends Mode = Mode> = `enable${Capitalize<M>}`;
export const enableKey = <M extends Mode>(mode: M): EnableKey<M> =>
  `enable${mode.charAt(0).toUpperCase()}${mode.slice(1)}` as EnableKey<M>;

/** The per-pool capacity tunables: `alphaTasksPerUnit`, `betaTotalUnits`... */
export const tasksPerUnitKey = <P extends Pool>(pool: P) => `${pool}TasksPerUnit` as const;
export const totalUnitsKey = <P extends Pool>(pool: P) => `${pool}TotalUnits` as const;

function enableTunables(): { [M in Mode as EnableKey<M>]: TunableDef<z.ZodBoolean> } {
  return Object.fromEntries(MODES.map((m) => [enableKey(m), bool(true, `Plan ${m} tasks`)])) as {
    [M in Mode as EnableKey<M>]: TunableDef<z.ZodBoolean>;
  };
}

export const TUNABLES = {
  // Capacity
  alphaTasksPerUnit: num(2, 0, 1000, 'Tasks one free alpha unit (GPU node) can take in a step'),
  betaTasksPerUnit: num(1, 0, 1000, 'Tasks one free beta unit (standard node) can take in a step'),
  alphaTotalUnits: num(8, 0, 100000, 'Alpha pool size in units, when neither the request nor CloudWatch gives it'),
  betaTotalUnits: num(32, 0, 100000, 'Beta pool size in units, when neither the request nor CloudWatch gives it'),
  headroomFraction: num(0.1, 0, 0.9, 'Fraction of each pool\'s capacity kept free for other work'),
  fallbackCapacity: int(1, 0, 1000, 'Tasks assumed to fit in a pool whose free resources are unknown'),
  minTasks: int(1, 0, MAX_PLAN_TASKS, 'Smallest useful step: below this many tasks of capacity the plan waits'),
  maxTasks: int(64, 1, MAX_PLAN_TASKS, 'Largest step, whatever the capacity; a request\'s max_tasks may lower it'),
  // Curriculum
  targetSuccess: num(0.5, 0.05, 0.95, 'Default target solve rate p* (maximum learnability at 0.5)'),
  adaptiveTarget: bool(true, 'Choose p* from the learning progress the planner estimates from the state\'s history (off: always targetSuccess)'),
  historyWindow: int(64, 4, HISTORY_LIMIT, `Most recent history steps per mode the estimator uses (a state may carry up to ${HISTORY_LIMIT})`),
  raschSlope: num(6, 0.1, 100, 'Rasch slope k: logits of success per unit of difficulty'),
  difficultySpread: num(0.04, 0, 0.5, 'Half-width of the band of difficulties around the target b*'),
  baseDifficulty: num(0.5, 0, 1, 'Difficulty assumed for a mode with no measurements'),
  priorStrength: num(4, 0, 1000, 'Pseudo-samples of the Beta prior that smooths observed solve rates'),
  diversityFloor: int(1, 0, 100, 'Tasks every enabled mode gets whenever capacity allows'),
  urgencyWeight: num(2, 0, 5, 'Priority points added when a mode is far from its target success'),
  ...enableTunables(),
  inductionVisiblePairs: int(5, 4, 20, 'Induction pairs shown to the solver; AZR shows the first half of its 10'),
  inductionHiddenPairs: int(5, 2, 20, 'Induction pairs kept back to grade the solver; AZR grades on the second half of its 10'),
  // Priority and waiting
  highFreeThreshold: num(0.7, 0, 1, 'Free fraction above which a pool counts as idle (priority rises to the top)'),
  lowFreeThreshold: num(0.2, 0, 1, 'Free fraction below which a pool counts as busy (priority falls)'),
  waitRetrySeconds: int(60, 1, 86400, 'retry_after_seconds of a wait plan'),
  // HTTP
  bodyLimitBytes: int(65536, 256, 10485760, 'Largest accepted POST /plan body', false),
  planWorkers: int(2, 0, 64, 'Worker threads the container server generates run plans on (0: on the event loop); Lambda plans inline', false),
  planQueueLimit: int(256, 1, 100000, 'Plan requests held at once (planning or waiting for a worker); more get 503 with Retry-After', false),
  planTimeoutMs: int(10000, 100, 120000, 'Deadline of one plan request in ms (sources, queue, generation); past it the answer is 503 with Retry-After', false),
  shutdownGraceSeconds: int(20, 0, 3600, 'On SIGTERM, seconds the container server lets in-flight requests finish; the chart\'s pod grace period is this plus shutdownDelaySeconds plus 5', false),
  logLevel: oneOf('INFO', ['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT'], 'Log level: DEBUG logs every state and plan'),
  // AWS sources (off by default: with none configured the planner plans from the request and defaults)
  useCloudwatch: bool(false, 'Read pool and solve-rate metrics from CloudWatch', false),
  useSsm: bool(false, 'Read tunables from SSM Parameter Store under ssmPrefix', false),
  ssmPrefix: str('/osiris/azr-planner/', 'SSM path holding one parameter per tunable', false, /^\/.*\/$/),
  ssmCacheSeconds: int(60, 0, 86400, 'How long tunables read from SSM are cached', false),
  awsRegion: str('us-east-1', 'AWS region of the clients (AWS_REGION wins when set)', false),
  awsEndpoint: str('', 'Endpoint override for every AWS client, e.g. an emulator; empty for AWS itself', false),
  awsTimeoutMs: int(1500, 50, 60000, 'Connect and request timeout of one AWS call', false),
  awsMaxAttempts: int(2, 1, 10, 'Attempts per AWS call, first try included', false),
  computeNamespace: str('Osiris/Compute', 'CloudWatch namespace of the pool metrics'),
  utilizationMetric: str('Utilization', 'Pool utilisation metric (percent), dimension Pool'),
  totalUnitsMetric: str('TotalUnits', 'Pool size metric (units), dimension Pool'),
  azrNamespace: str('Osiris/AZR', 'CloudWatch namespace of the training metrics'),
  solveRateMetric: str('SolveRate', 'Solve rate metric (0..1), dimension Mode'),
  difficultyMetric: str('TaskDifficulty', 'Difficulty metric (0..1) of the tasks behind SolveRate, dimension Mode'),
  rolloutsMetric: str('Rollouts', 'Rollouts behind SolveRate (Sum per period), dimension Mode: the weight of each history step'),
  targetSuccessMetric: str('TargetSuccess', 'Target success of each published plan, dimension Mode, in planMetricsNamespace (read back as history)'),
  historyPeriods: int(128, 2, HISTORY_LIMIT, 'Metric periods of history per mode the scheduled run rebuilds from CloudWatch'),
  metricWindowSeconds: int(900, 60, 86400, 'How far back CloudWatch metrics are read'),
  metricPeriodSeconds: int(60, 1, 86400, 'CloudWatch period of the metrics read'),
  metricStat: str('Average', 'CloudWatch statistic of the metrics read', true, /^(Average|Minimum|Maximum|Sum|SampleCount|p\d{1,2}(\.\d+)?)$/),
  eventBusName: str('azr-planner', 'EventBridge bus the scheduled function publishes plans to'),
  planMetricsNamespace: str('Osiris/AZRPlanner', 'CloudWatch namespace of the metrics recorded for each published plan'),
} as const;

export type TunableKey = keyof typeof TUNABLES;
const KEYS = Object.keys(TUNABLES) as TunableKey[];

type Shape = { [K in TunableKey]: (typeof TUNABLES)[K]['schema'] };
export type Tunables = z.output<z.ZodObject<Shape>>;

/**
 * The cross-field rules, as data: the schema below checks them, and the Helm chart's install-time checks
 * (templates/_validate.tpl) are generated from them (`npm run generate`).
 */
type NumericKey = { [K in TunableKey]: z.output<(typeof TUNABLES)[K]['schema']> extends number ? K : never }[TunableKey];
export const NOT_ABOVE: readonly (readonly [NumericKey, NumericKey])[] = [
  ['lowFreeThreshold', 'highFreeThreshold'],
  ['minTasks', 'maxTasks'],
];

/** The cross-field rules `t` breaks, each on its lower key. */
function crossFieldIssues(t: Tunables): { key: NumericKey; message: string }[] {
  return NOT_ABOVE.filter(([low, high]) => t[low] > t[high]).map(([low, high]) => ({ key: low, message: `${low} must not exceed ${high}` }));
}

/**
 * The tunables: every key present, each value within its bounds and the cross-field rules kept. Unknown keys are
 * rejected. Built on first use, like each tunable's schema: the running planner checks each value it reads
 * alone (overlayTunables); whole sets come from the stage config, the chart and the tests.
 */
export const TunablesSchema: z.ZodType<Tunables> = z.lazy(() =>
  z.strictObject(Object.fromEntries(KEYS.map((k) => [k, TUNABLES[k].schema])) as unknown as Shape).superRefine((t, ctx) => {
    for (const { key, message } of crossFieldIssues(t)) ctx.addIssue({ code: 'custom', message, path: [key] });
  }),
);

/** Each tunable's default (test/config/tunables.test.ts holds them to TunablesSchema). */
export const DEFAULT_TUNABLES = Object.fromEntries(KEYS.map((k) => [k, TUNABLES[k].default])) as Tunables;

export const tunableKeys = (): readonly TunableKey[] => KEYS;
export const envName = (key: TunableKey): string => key.replace(/([A-Z])/g, '_$1').toUpperCase();
export const ssmName = (key: TunableKey): string => key.replace(/([A-Z])/g, '-$1').toLowerCase();
export const helmName = (key: TunableKey): string => `azrPlanner.${key}`;
export const isSsmTunable = (key: TunableKey): boolean => TUNABLES[key].ssm;

export type TunableIssue = { key: TunableKey; source: string; message: string };

/** Parses one tunable from its string form (env and SSM hold strings); an error message names the reason. */
export function parseTunable(key: TunableKey, raw: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const def = TUNABLES[key];
  const text = raw.trim();
  let value: unknown = text;
  if (def.kind === 'number' || def.kind === 'integer') {
    value = text === '' ? Number.NaN : Number(text);
    if (!Number.isFinite(value)) return { ok: false, message: `expected a number, got "${raw}"` };
  } else if (def.kind === 'boolean') {
    const lower = text.toLowerCase();
    if (lower !== 'true' && lower !== 'false') return { ok: false, message: `expected true or false, got "${raw}"` };
    value = lower === 'true';
  }
  const parsed = def.schema.safeParse(value);
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => i.message).join('; ') };
  return { ok: true, value: parsed.data };
}

/**
 * Layers string-valued overrides over a base: each good value wins, each bad one is skipped and reported,
 * so one typo never takes the others down. A value breaking a cross-field rule falls back to the base's.
 */
export function overlayTunables(
  base: Tunables,
  entries: Iterable<[TunableKey, string]>,
  source: string,
): { tunables: Tunables; applied: TunableKey[]; issues: TunableIssue[] } {
  const next: Record<string, unknown> = { ...base };
  const applied = new Set<TunableKey>();
  const issues: TunableIssue[] = [];
  for (const [key, raw] of entries) {
    const parsed = parseTunable(key, raw);
    if (parsed.ok) {
      next[key] = parsed.value;
      applied.add(key);
    } else issues.push({ key, source, message: parsed.message });
  }
  // Each value was checked alone, and the base holds: only the cross-field rules are left.
  for (;;) {
    const broken = crossFieldIssues(next as Tunables);
    if (broken.length === 0) return { tunables: next as Tunables, applied: [...applied], issues };
    for (const { key, message } of broken) {
      issues.push({ key, source, message });
      if (!applied.delete(key)) return { tunables: base, applied: [], issues };
      next[key] = base[key];
    }
  }
}

/** Tunables from the environment over the defaults. */
export function tunablesFromEnv(env: Readonly<Record<string, string | undefined>>, base: Tunables = DEFAULT_TUNABLES) {
  const entries: [TunableKey, string][] = [];
  for (const key of KEYS) {
    const raw = env[envName(key)];
    if (raw !== undefined) entries.push([key, raw]);
  }
  return overlayTunables(base, entries, 'env');
}

/** The enabled modes, in MODES order. */
export const enabledModes = (t: Tunables): Mode[] => MODES.filter((m) => t[enableKey(m)]);
