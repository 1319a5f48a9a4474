import type { Rng } from '../../random/rng.js';
import type { Value } from '../ast/types.js';
import type { GenerateOptions } from '../options.js';
import type { Candidate, Probe } from '../tasks/candidate.js';
import type { OutputSpread } from './sample.js';

/**
 * A mode's guard against shortcut answers (issue 15), each hook optional. `promising` judges an output
 * alone, so the search never takes a program the mode would drop; `screen` judges a probe before its
 * task is completed (null: drop it) and gives the spread of its outputs; `shortcut` judges a completed
 * task's pairs; `keep` records a task that left the generator in the plan it joins.
 */
export interface ModeQuality {
  promising?(output: Value): boolean;
  screen?(p: Probe, rng: Rng, opts: GenerateOptions): OutputSpread | null;
  shortcut?(args: readonly (readonly Value[])[], outputs: readonly Value[], opts: GenerateOptions): boolean;
  keep?(c: Candidate, opts: GenerateOptions): void;
}
