import type { Value } from '../ast/types.js';

/**
 * Whether two values have the same Python repr, decided without rendering either: same types (True
 * is not 1), same items in the same order (dicts included, since their repr lists keys in order).
 */
export function sameRepr(a: Value, b: Value): boolean {
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameRepr(a[i] as Value, b[i] as Value)) return false;
    return true;
  }
  if (Array.isArray(b) || a.size !== b.size) return false;
  const keys = b.entries();
  for (const [k, n] of a) {
    const other = keys.next().value as [string, number];
    if (other[0] !== k || other[1] !== n) return false;
  }
  return true;
}
