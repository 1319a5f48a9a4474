/** One value per key, keyed by it, in the keys' order: perMode, perPool and the like. */
export function keyedBy<K extends string, V>(keys: readonly K[], value: (key: K) => V): Record<K, V> {
  return Object.fromEntries(keys.map((k) => [k, value(k)])) as Record<K, V>;
}
