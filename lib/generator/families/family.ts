/** Operation families: each has a builder module here and is recorded in a task's features. */
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
