import * as z from 'zod';

/** The compute pools, in placement order: the heaviest tasks go to the first while it has room. */
export const POOLS = ['alpha', 'beta'] as const;
export const PoolSchema = z.enum(POOLS);
export type Pool = z.infer<typeof PoolSchema>;

/** One value per pool, keyed by pool, in POOLS order. */
export function perPool<V>(value: (pool: Pool) => V): Record<Pool, V> {
  return Object.fromEntries(POOLS.map((p) => [p, value(p)])) as Record<Pool, V>;
}
