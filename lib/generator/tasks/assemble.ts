import { modeDef, type Mode, type TaskBodyOf } from '../../modes/index.js';
import type { GenerateOptions } from '../options.js';
import { renderProgram } from '../render/python.js';
import type { Candidate } from './candidate.js';

/** The mode's wire body (PLANNER.md §5) for a candidate, with the caller's pair counts. */
export function assemble<M extends Mode>(mode: M, c: Candidate, opts: GenerateOptions): TaskBodyOf<M> {
  return modeDef(mode).body(c, renderProgram(c.built.program), opts);
}
