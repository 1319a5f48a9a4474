import fc from 'fast-check';
import { stateArb } from '../../../fixtures/arbitraries.js';

/** A request body as it travels: raw text (not always JSON) and the content type it is sent with. */
export interface Body {
  text: string;
  contentType: string | undefined;
}

/** Where a state can hold a value: every known field, so a bad value lands where the schema must catch it. */
export const FIELDS = [
  'alpha_free',
  'beta_free',
  'performance_metrics',
  'performance_metrics.deduction_success',
  'performance_metrics.induction_success',
  'resources',
  'resources.alpha',
  'resources.alpha.free_units',
  'resources.alpha.total_units',
  'resources.beta.free_fraction',
  'resources.beta.utilization',
  'performance',
  'performance.deduction',
  'performance.abduction.success_rate',
  'performance.abduction.difficulty',
  'performance.induction.samples',
  'performance.induction.history',
  'performance.deduction.history.0',
  'performance.deduction.history.0.difficulty',
  'performance.deduction.history.0.success_rate',
  'performance.deduction.history.0.rollouts',
  'performance.deduction.history.0.tasks',
  'performance.deduction.history.0.target_success',
  'max_tasks',
  'seed',
] as const;
/** Typos and hostile keys: each must be named as an unknown field, never merged into anything. */
const UNKNOWN = ['alpha_fre', 'Alpha_free', 'maxTasks', 'performance.deduction.sucess_rate', 'resources.gamma', '__proto__', 'constructor', 'prototype', ''];

/** Number literals JSON.parse reads as Infinity or that no float holds: only raw text can carry them. */
export const RAW_NUMBERS = ['1e400', '-1e400', '1E+999', '123456789012345678901234567890', '-0', '0.0000000000000000000001', '9007199254740993'];
const RAW = '\u0000raw\u0000';

const badValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e400', '0.5', '', ' ', 'null', 'true'),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, Number.MIN_VALUE, -0, 2 ** 31, -1, 1.5, 4096.5, 1e9),
  fc.double(),
  fc.array(fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 4 })), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.integer(), fc.string({ maxLength: 4 })), { maxKeys: 3 }),
  fc.string({ minLength: 1000, maxLength: 6000 }),
  fc.constantFrom(...RAW_NUMBERS).map((n) => `${RAW}${n}`),
);

export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node: Record<string, unknown> = target;
  for (let i = 0; i < keys.length - 1; i++) {
    const key = keys[i]!;
    const next = node[key];
    if (next === null || typeof next !== 'object') node[key] = /^\d+$/.test(keys[i + 1]!) ? [] : {};
    node = node[key] as Record<string, unknown>;
  }
  // defineProperty, so '__proto__' becomes an own key of the JSON object, as a hostile client would send it.
  Object.defineProperty(node, keys[keys.length - 1]!, { value, enumerable: true, writable: true, configurable: true });
}

const RAW_IN_JSON = new RegExp(`"${JSON.stringify(RAW).slice(1, -1).replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}([^"]*)"`, 'g');
/** JSON text, with raw number literals spliced in where a value asked for one. */
const toText = (value: unknown): string => JSON.stringify(value).replace(RAW_IN_JSON, '$1');

/** Plausible states with a few fields broken: wrong types, NaN/Infinity strings, huge numbers, unknown keys. */
export const mutatedStateBody: fc.Arbitrary<Body> = fc
  .tuple(
    stateArb,
    fc.array(fc.tuple(fc.constantFrom<string>(...FIELDS, ...UNKNOWN), badValue), { minLength: 0, maxLength: 3 }),
  )
  .map(([state, mutations]) => {
    const copy = structuredClone(state) as Record<string, unknown>;
    for (const [path, value] of mutations) setPath(copy, path, value);
    return { text: toText(copy), contentType: 'application/json' };
  });

/** Any JSON value at all, objects with random keys included. */
export const randomJsonBody: fc.Arbitrary<Body> = fc.jsonValue({ maxDepth: 4 }).map((v) => ({ text: JSON.stringify(v), contentType: 'application/json' }));

/** Valid states with small plans: the transport cases are about the envelope; plan contents are fuzzed above. */
const smallStateText = stateArb.map((s) => JSON.stringify({ ...s, max_tasks: Math.min(s.max_tasks ?? 4, 4) }));

const nested = (depth: number, open: string, close: string, inner = '0') => `${open.repeat(depth)}${inner}${close.repeat(depth)}`;

/** Text that is not a valid state in transport: not JSON, truncated, deep, huge, empty, or of another type. */
export const rawBody: fc.Arbitrary<Body> = fc.oneof(
  fc.record({
    text: fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ maxLength: 60, unit: 'binary' }),
      fc.constantFrom('', ' ', '{', '}', '{"alpha_free": 0.5', '{"alpha_free": .5}', "{'alpha_free': 0.5}", '{"seed": NaN}', '{"seed": Infinity}', '[1,]', 'nul', '\u00ef\u00bb\u00bf{}'),
      smallStateText.chain((t) => fc.nat({ max: Math.max(0, t.length - 1) }).map((n) => t.slice(0, n))),
    ),
    contentType: fc.constant('application/json'),
  }),
  fc.integer({ min: 1, max: 20_000 }).chain((depth) =>
    fc.constantFrom(
      { text: nested(depth, '[', ']'), contentType: 'application/json' },
      { text: nested(depth, '{"a":', '}'), contentType: 'application/json' },
      { text: `{"performance":${nested(depth, '{"deduction":', '}', '{}')}}`, contentType: 'application/json' },
    ),
  ),
  fc.integer({ min: 60_000, max: 300_000 }).map((n) => ({ text: JSON.stringify({ seed: 1, pad: 'x'.repeat(n) }), contentType: 'application/json' })),
  fc.record({
    text: smallStateText,
    contentType: fc.constantFrom(undefined, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', 'application/jsonx', 'json', ''),
  }),
  smallStateText.map((text) => ({ text, contentType: 'application/json; charset=utf-8' })),
  smallStateText.map((text) => ({ text, contentType: 'application/problem+json' })),
);
