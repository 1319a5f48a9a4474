/** What a caller can set about the tasks beyond mode and difficulty. */
export interface GenerateOptions {
  /** Induction pairs the solver sees. */
  readonly visiblePairs: number;
  /** Induction pairs kept back to grade the solver's program. */
  readonly hiddenPairs: number;
  /**
   * One object per plan, the same for every task of it (its identity is all that counts): the generator
   * keeps the plan's abduction tasks under it, so that no answer of one reaches the output of another
   * (quality/plan-scope.ts). Absent for a task generated on its own.
   */
  readonly plan?: object;
}

/**
 * AZR's proposals carry 10 induction inputs and show the first `len // 2` (AZR-INTEROP.md): 5 shown and
 * 5 hidden keeps AZR's split and the planner's the same.
 */
export const AZR_PAIRS: GenerateOptions = { visiblePairs: 5, hiddenPairs: 5 };
