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

/** Printable ASCII other than the quote and backslash, so every string literal renders as plain '...'. */
export function isLiteralChar(code: number): boolean {
  return code >= 32 && code <= 126 && code !== 39 && code !== 92;
}

/** The meaning of each built-in, with CPython's semantics on the value subset the generator uses. */
export function callBuiltin(fn: Fn, a: Value, b: Value | undefined, c: Value | undefined): Value {
  switch (fn) {
    case 'len':
      if (typeof a === 'string' || Array.isArray(a)) return a.length;
      return dict(a).size;
    case 'sum': {
      let t = 0;
      for (const x of list(a)) t = checkInt(t + int(x));
      return t;
    }
    case 'max_default':
      return extreme(items(a), b as Value, true);
    case 'min_default':
      return extreme(items(a), b as Value, false);
    case 'max2':
      return lessThan(a, b as Value) ? (b as Value) : a;
    case 'min2':
      return lessThan(b as Value, a) ? (b as Value) : a;
    case 'abs':
      return Math.abs(int(a));
    case 'sorted':
      return items(a).slice().sort(ascending);
    case 'sorted_desc':
      return items(a).slice().sort((x, y) => ascending(y, x));
    case 'sorted_len':
      // Array.prototype.sort is stable, as is Python's sorted(key=len).
      return items(a).slice().sort((x, y) => str(x).length - str(y).length);
    case 'str':
      return String(int(a));
    case 'ord': {
      const s = str(a);
      if (s.length !== 1) throw REJECT.value;
      return s.charCodeAt(0);
    }
    case 'chr': {
      const n = int(a);
      if (!isLiteralChar(n)) throw REJECT.value;
      return String.fromCharCode(n);
    }
    case 'upper':
      return str(a).toUpperCase();
    case 'replace': {
      const old = str(b as Value);
      if (old.length === 0) throw REJECT.value;
      return checkSize(str(a).split(old).join(str(c as Value)));
    }
    case 'count':
      if (typeof a === 'string') return countSub(a, str(b as Value));
      return list(a).reduce<number>((n, x) => (scalarEq(x, b as Value) ? n + 1 : n), 0);
    case 'find':
      return str(a).indexOf(str(b as Value));
    case 'split': {
      const sep = str(b as Value);
      if (sep.length === 0) throw REJECT.value;
      return str(a).split(sep);
    }
    case 'join': {
      const parts = list(b as Value);
      for (const p of parts) str(p);
      return checkSize(parts.join(str(a)));
    }
    case 'get': {
      const v = dict(a).get(str(b as Value));
      return v === undefined ? (c as Value) : v;
    }
    case 'dict_values_sum': {
      let t = 0;
      for (const v of dict(a).values()) t = checkInt(t + v);
      return t;
    }
    case 'dict_values_max':
      return extreme([...dict(a).values()], b as Value, true);
    case 'dedupe':
      return [...new Set(items(a))];
    case 'distinct':
      return new Set(items(a)).size;
    case 'range_list': {
      const lo = int(a);
      const hi = int(b as Value);
      if (hi - lo > 512) throw REJECT.size;
      const out: number[] = [];
      for (let i = lo; i < hi; i++) out.push(i);
      return out;
    }
  }
}
