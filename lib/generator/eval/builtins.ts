import type { Fn, Value } from '../ast/types.js';
import { checkInt, checkSize, countSub, lessThan, scalarEq } from './pyops.js';
import { REJECT } from './rejected.js';

function list(v: Value): Value[] {
  if (!Array.isArray(v)) throw REJECT.type;
  return v;
}
function str(v: Value): string {
  if (typeof v !== 'string') throw REJECT.type;
  return v;
}
function int(v: Value): number {
  if (typeof v !== 'number') throw REJECT.type;
  return v;
}
function dict(v: Value): Map<string, number> {
  if (!(v instanceof Map)) throw REJECT.type;
  return v;
}
/** Lists and strings both iterate, strings by character. */
function items(v: Value): readonly Value[] {
  if (typeof v === 'string') return v.split('');
  if (v instanceof Map) return [...v.keys()];
  return list(v);
}

function extreme(xs: readonly Value[], dflt: Value, wantMax: boolean): Value {
  if (xs.length === 0) return dflt;
  let best = xs[0] as Value;
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i] as Value;
    // Python keeps the first of equal extremes; strict comparison does the same.
    if (wantMax ? lessThan(best, x) : lessThan(x, best)) best = x;
  }
  return best;
}

function ascending(a: Value, b: Value): number {
  return lessThan(a, b) ? -1 : lessThan(b, a) ? 1 : 0;
}
// The comparators are module functions, not arrows written in the table's entries: no closure per call.
function descending(a: Value, b: Value): number {
  return ascending(b, a);
}
function shorter(a: Value, b: Value): number {
  return str(a).length - str(b).length;
}

/** Longest list sorted by insertion (nearly all are shorter: a few items in, a few out). */
const INSERTION_MAX = 16;

/**
 * A sorted copy, stable as Python's sorted() is. Short lists are sorted by insertion: Array.prototype.sort
 * copies into work arrays and calls the comparator through a builtin, about 3x slower on a few items.
 * A stable sort's result is fixed by the comparator, and any comparison sort compares each adjacent pair
 * of its result, so a list mixing types is rejected by either.
 */
function sortedCopy(xs: readonly Value[], cmp: (a: Value, b: Value) => number): Value[] {
  const out = xs.slice();
  if (out.length > INSERTION_MAX) return out.sort(cmp);
  for (let i = 1; i < out.length; i++) {
    const x = out[i] as Value;
    let j = i;
    for (; j > 0 && cmp(out[j - 1] as Value, x) > 0; j--) out[j] = out[j - 1] as Value;
    out[j] = x;
  }
  return out;
}

/** Printable ASCII other than the quote and backslash, so every string literal renders as plain '...'. */
export function isLiteralChar(code: number): boolean {
  return code >= 32 && code <= 126 && code !== 39 && code !== 92;
}

type Builtin = (a: Value, b: Value | undefined, c: Value | undefined) => Value;

/**
 * The meaning of each built-in, with CPython's semantics on the value subset the generator uses. A
 * table rather than a switch: a call is one property load, not a walk down 25 string comparisons.
 */
const BUILTINS: Readonly<Record<Fn, Builtin>> = {
  len: (a) => (typeof a === 'string' || Array.isArray(a) ? a.length : dict(a).size),
  sum: (a) => {
    let t = 0;
    for (const x of list(a)) t = checkInt(t + int(x));
    return t;
  },
  max_default: (a, b) => extreme(items(a), b as Value, true),
  min_default: (a, b) => extreme(items(a), b as Value, false),
  max2: (a, b) => (lessThan(a, b as Value) ? (b as Value) : a),
  min2: (a, b) => (lessThan(b as Value, a) ? (b as Value) : a),
  abs: (a) => Math.abs(int(a)),
  sorted: (a) => sortedCopy(items(a), ascending),
  sorted_desc: (a) => sortedCopy(items(a), descending),
  // sortedCopy is stable, as is Python's sorted(key=len).
  sorted_len: (a) => sortedCopy(items(a), shorter),
  str: (a) => String(int(a)),
  ord: (a) => {
    const s = str(a);
    if (s.length !== 1) throw REJECT.value;
    return s.charCodeAt(0);
  },
  chr: (a) => {
    const n = int(a);
    if (!isLiteralChar(n)) throw REJECT.value;
    return String.fromCharCode(n);
  },
  upper: (a) => str(a).toUpperCase(),
  replace: (a, b, c) => {
    const old = str(b as Value);
    if (old.length === 0) throw REJECT.value;
    return checkSize(str(a).split(old).join(str(c as Value)));
  },
  count: (a, b) => {
    if (typeof a === 'string') return countSub(a, str(b as Value));
    let n = 0;
    for (const x of list(a)) if (scalarEq(x, b as Value)) n++;
    return n;
  },
  find: (a, b) => str(a).indexOf(str(b as Value)),
  split: (a, b) => {
    const sep = str(b as Value);
    if (sep.length === 0) throw REJECT.value;
    return str(a).split(sep);
  },
  join: (a, b) => {
    const parts = list(b as Value);
    for (const p of parts) str(p);
    return checkSize(parts.join(str(a)));
  },
  get: (a, b, c) => {
    const v = dict(a).get(str(b as Value));
    return v === undefined ? (c as Value) : v;
  },
  dict_values_sum: (a) => {
    let t = 0;
    for (const v of dict(a).values()) t = checkInt(t + v);
    return t;
  },
  dict_values_max: (a, b) => extreme([...dict(a).values()], b as Value, true),
  dedupe: (a) => [...new Set(items(a))],
  distinct: (a) => new Set(items(a)).size,
  range_list: (a, b) => {
    const lo = int(a);
    const hi = int(b as Value);
    if (hi - lo > 512) throw REJECT.size;
    const out: number[] = [];
    for (let i = lo; i < hi; i++) out.push(i);
    return out;
  },
};

export function callBuiltin(fn: Fn, a: Value, b: Value | undefined, c: Value | undefined): Value {
  return BUILTINS[fn](a, b, c);
}
