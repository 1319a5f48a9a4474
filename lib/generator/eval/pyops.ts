import type { Value } from '../ast/types.js';
import { REJECT } from './rejected.js';

/** Ints stay far inside 2^53 so JS arithmetic is exact and results match CPython's unbounded ints. */
export const INT_LIMIT = 1e12;
/** Longest string or list any intermediate value may reach. */
export const SIZE_LIMIT = 512;

export function checkInt(n: number): number {
  if (n > INT_LIMIT || n < -INT_LIMIT) throw REJECT.intRange;
  return n;
}

export function checkSize<T extends string | Value[]>(v: T): T {
  if (v.length > SIZE_LIMIT) throw REJECT.size;
  return v;
}

/** Python's `//`: rounds toward negative infinity. Exact here because |a| < 2^53 (see INT_LIMIT). */
export function floorDiv(a: number, b: number): number {
  if (b === 0) throw REJECT.zeroDivision;
  return Math.floor(a / b);
}

/**
 * Python's `%`: the result takes the divisor's sign. Computed as a - b * (a // b), exact for the
 * same reason as floorDiv, rather than from JS `%`: a negative dividend's `%` can give -0, which makes
 * V8 give up its integer modulus for a much slower floating-point one.
 */
export function pyMod(a: number, b: number): number {
  return a - floorDiv(a, b) * b;
}

export function truthy(v: Value): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v.length > 0;
  if (Array.isArray(v)) return v.length > 0;
  return v.size > 0;
}

/** Python's seq[i], negative indices counting from the end. */
export function pyIndex(seq: Value, i: number): Value {
  if (typeof seq === 'string') {
    const j = i < 0 ? i + seq.length : i;
    if (j < 0 || j >= seq.length) throw REJECT.index;
    return seq[j] as string;
  }
  if (Array.isArray(seq)) {
    const j = i < 0 ? i + seq.length : i;
    if (j < 0 || j >= seq.length) throw REJECT.index;
    return seq[j] as Value;
  }
  throw REJECT.type;
}

/** Python's seq[lo:hi:step], with CPython's clamping of out-of-range bounds (PySlice_AdjustIndices). */
export function pySlice(seq: Value, lo: number | null, hi: number | null, step: number | null): Value {
  if (typeof seq !== 'string' && !Array.isArray(seq)) throw REJECT.type;
  const n = seq.length;
  const s = step ?? 1;
  if (s === 0) throw REJECT.value;
  let start: number;
  let stop: number;
  if (s > 0) {
    start = lo === null ? 0 : lo < 0 ? Math.max(0, lo + n) : Math.min(lo, n);
    stop = hi === null ? n : hi < 0 ? Math.max(0, hi + n) : Math.min(hi, n);
  } else {
    start = lo === null ? n - 1 : lo < 0 ? Math.max(-1, lo + n) : Math.min(lo, n - 1);
    stop = hi === null ? -1 : hi < 0 ? Math.max(-1, hi + n) : Math.min(hi, n - 1);
  }
  if (typeof seq === 'string') {
    if (s === 1) return start < stop ? seq.slice(start, stop) : '';
    let out = '';
    for (let i = start; s > 0 ? i < stop : i > stop; i += s) out += seq[i];
    return out;
  }
  if (s === 1) return start < stop ? seq.slice(start, stop) : [];
  const out: Value[] = [];
  for (let i = start; s > 0 ? i < stop : i > stop; i += s) out.push(seq[i] as Value);
  return out;
}

/** Python's str.count: non-overlapping occurrences of a non-empty substring. */
export function countSub(s: string, sub: string): number {
  if (sub.length === 0) throw REJECT.value;
  let n = 0;
  for (let i = s.indexOf(sub); i !== -1; i = s.indexOf(sub, i + sub.length)) n++;
  return n;
}

/** Python's ordering of two ints or two strings (code-point order equals UTF-16 order for ASCII). */
export function lessThan(a: Value, b: Value): boolean {
  if ((typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string')) return a < b;
  throw REJECT.type;
}

/** Python's == restricted to scalars: the builders never compare containers. */
export function scalarEq(a: Value, b: Value): boolean {
  if (typeof a === 'object' || typeof b === 'object') throw REJECT.type;
  return a === b;
}
