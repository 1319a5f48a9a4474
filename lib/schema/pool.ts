import * as z from 'zod';
import { keyedBy } from './keyed.js';

/** The compute pools, in placement order: the heaviest tasks go to the first while it has room. */
export const POOLS = ['alpha', 'beta'] as const;
export const PoolSchema = z.enum(POOLS).meta({ id: 'Pool' });
export type Pool = z.infer<typeof PoolSchema>;

/** One value per pool, keyed by pool, in POOLS order. */
export const perPool = <V>(value: (pool: Pool) => V): Record<Pool, V> => keyedBy(POOLS, value);
