import type { Value } from '../ast/types.js';

/**
 * Python's repr() of a value in the subset. Strings hold only printable ASCII without quote or
 * backslash (validate.ts checks), for which repr is the text between single quotes.
 */
export function pyRepr(v: Value): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'string') return "'" + v + "'";
  if (Array.isArray(v)) {
    let s = '[';
    for (let i = 0; i < v.length; i++) s += (i === 0 ? '' : ', ') + pyRepr(v[i] as Value);
    return s + ']';
  }
  let s = '{';
  let first = true;
  for (const [k, n] of v) {
    s += (first ? "'" : ", '") + k + "': " + String(n);
    first = false;
  }
  return s + '}';
}

/** The wire form of an input: Python call arguments, so the call is f(<args>). */
export function pyArgs(args: readonly Value[]): string {
  let s = '';
  for (let i = 0; i < args.length; i++) s += (i === 0 ? '' : ', ') + pyRepr(args[i] as Value);
  return s;
}
