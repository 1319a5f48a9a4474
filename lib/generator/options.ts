import type { PlanScope } from './quality/plan-scope.js';

/** What a caller can set about the tasks beyond mode and difficulty. */
export interface GenerateOptions {
  /** Induction pairs the solver sees. */
  readonly visiblePairs: number;
  /** Induction pairs kept back to grade the solver's program. */
  readonly hiddenPairs: number;
  /**
   * The plan the task joins: its earlier abduction tasks, so that no input of one reaches the output of
   * another (an unrelated answer must not score). Absent for a task generated on its own.
   */
  readonly scope?: PlanScope;
}

/**
 * AZR's proposals carry 10 induction inputs and show the first `len // 2` (AZR-INTEROP.md): 5 shown and
 * 5 hidden keeps AZR's split and the planner's the same.
 */
export const AZR_PAIRS: GenerateOptions = { visiblePairs: 5, hiddenPairs: 5 };
