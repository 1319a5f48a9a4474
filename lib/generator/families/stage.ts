import type { Ty } from '../ast/types.js';
import type { StageBuilder } from './context.js';
import type { Family } from './family.js';

/** One way to extend a pipeline: from a value of type `from`, emit code in family `family`. */
export interface Stage {
  family: Family;
  from: Ty;
  build: StageBuilder;
}
