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
  return scoreOf(f, f.loop_trips, f.input_size);
}

/** The raw score of a program with static features `s` run with `trips` loop trips on an input of `inputSize`. */
export function scoreOf(s: StaticFeatures, trips: number, inputSize: number): number {
  return (
    WEIGHTS.ops * s.ops +
    WEIGHTS.depth * s.depth +
    WEIGHTS.branches * s.branches +
    WEIGHTS.log2LoopTrips * Math.log2(1 + trips) +
    WEIGHTS.inputSize * inputSize
  );
}
