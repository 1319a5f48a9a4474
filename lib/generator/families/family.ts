/**
 * Operation families: each has a builder module here and is recorded in a task's features. The last
 * three are the top end (TOP_END_FAMILIES): string parsing, loops carrying state, helper functions.
 */
export const FAMILIES = [
  'arith',
  'int_loop',
  'list_map',
  'list_filter',
  'list_order',
  'list_scan',
  'list_reduce',
  'string',
  'text_measure',
  'words',
  'dict',
  'branch',
  'parse',
  'state',
  'helper',
] as const;
export type Family = (typeof FAMILIES)[number];

const BIT = Object.fromEntries(FAMILIES.map((f, i) => [f, 1 << i])) as Record<Family, number>;

export function familyBit(f: Family): number {
  return BIT[f];
}

/** Family names present in a bit set, in FAMILIES order (so equal programs list them identically). */
export function familyNames(bits: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < FAMILIES.length; i++) if (bits & (1 << i)) out.push(FAMILIES[i] as string);
  return out;
}

/** Families whose stages a pipeline draws only at the richest stage levels (registry.ts RICH_FROM). */
export const TOP_END_FAMILIES: readonly Family[] = ['parse', 'state', 'helper'];
