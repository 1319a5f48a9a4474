import type { Features } from '../../schema/task.js';
import type { StaticFeatures } from './static.js';

/**
 * Feature weights of the raw difficulty score. A solver's work grows with the operations it must
 * understand, the control structure it must keep in mind (nesting, decisions) and, for tracing, the
 * iterations it must follow and the input it must carry; iteration counts enter logarithmically
 * because a solver summarises a long regular loop rather than stepping through all of it.
 */
export const WEIGHTS = { ops: 1, depth: 3, branches: 2, log2LoopTrips: 3, inputSize: 0.3 } as const;

export function rawScore(f: Pick<Features, 'ops' | 'depth' | 'branches' | 'loop_trips' | 'input_size'>): number {
  return (
    WEIGHTS.ops * f.ops +
    WEIGHTS.depth * f.depth +
    WEIGHTS.branches * f.branches +
    WEIGHTS.log2LoopTrips * Math.log2(1 + f.loop_trips) +
    WEIGHTS.inputSize * f.input_size
  );
}


/** The part of the raw score known without running the program (a lower bound of the whole). */
export function staticScore(s: StaticFeatures): number {
  return WEIGHTS.ops * s.ops + WEIGHTS.depth * s.depth + WEIGHTS.branches * s.branches;
}
