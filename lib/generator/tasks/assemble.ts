import { modeDef, type Mode, type TaskBodyOf } from '../../modes/index.js';
import { renderProgram } from '../render/python.js';
import type { Candidate } from './candidate.js';

/** The mode's wire body (PLANNER.md §5) for a candidate. */
export function assemble<M extends Mode>(mode: M, c: Candidate): TaskBodyOf<M> {
  return modeDef(mode).body(c, renderProgram(c.built.program));
}
