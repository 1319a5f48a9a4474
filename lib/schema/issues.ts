import type * as z from 'zod';

type Issues = Pick<z.ZodError, 'issues'> | { issues: readonly z.core.$ZodIssue[] };

/** One bad field of an input (a request body, a state file, a scheduled event): its dotted path and why. */
export interface FieldIssue {
  path: string;
  message: string;
}

/**
 * Flattens zod issues to one entry per bad field, naming unknown keys individually so typos are easy to spot.
 * `root` names the input itself, for an issue with an empty path.
 */
export function fieldIssues(error: Issues, root = '(body)'): FieldIssue[] {
  const pathOf = (path: readonly PropertyKey[]): string => (path.length === 0 ? root : path.map(String).join('.'));
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: pathOf([...issue.path, key]), message: 'unknown field' }))
      : [{ path: pathOf(issue.path), message: issue.message }],
  );
}
