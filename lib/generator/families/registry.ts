import type { Ty } from '../ast/types.js';
import { ARITH } from './arith.js';
import { BRANCH } from './branch.js';
import { DICT } from './dict.js';
import { INT_LOOP } from './int-loop.js';
import { LIST_FILTER } from './list-filter.js';
import { LIST_MAP } from './list-map.js';
import { LIST_ORDER } from './list-order.js';
import { LIST_REDUCE } from './list-reduce.js';
import { LIST_SCAN } from './list-scan.js';
import type { Stage } from './stage.js';
import { STRING } from './string.js';
import { TEXT_MEASURE } from './text-measure.js';
import { PARSE } from './parse.js';
import { STATE } from './state.js';
import { WORDS } from './words.js';

const ALL: readonly Stage[] = [...ARITH, ...INT_LOOP, ...LIST_MAP, ...LIST_FILTER, ...LIST_ORDER, ...LIST_SCAN, ...LIST_REDUCE, ...STRING, ...TEXT_MEASURE, ...WORDS, ...DICT, ...BRANCH];

const TYPES: readonly Ty[] = ['int', 'bool', 'str', 'list_int', 'list_str', 'dict'];

/** The top end: string parsing, loops carrying state and helper functions, several lines each. */
const RICH: readonly Stage[] = [...PARSE, ...STATE];

/**
 * Stages that accept each type, grouped by family: a pipeline picks a family first, then one of its
 * stages, so a family with many variants is not drawn more often than one with few.
 */
function byType(stages: readonly Stage[]): Readonly<Record<Ty, readonly (readonly Stage[])[]>> {
  return Object.fromEntries(
    TYPES.map((ty) => {
      const groups = new Map<string, Stage[]>();
      for (const s of stages) if (s.from === ty) groups.set(s.family, [...(groups.get(s.family) ?? []), s]);
      return [ty, [...groups.values()]];
    }),
  ) as Record<Ty, Stage[][]>;
}

export const STAGES_FROM = byType(ALL);
/** The top-end stages by type, drawn only for the richest stage levels (compose.ts). */
export const RICH_FROM = byType(RICH);
