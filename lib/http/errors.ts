import type * as z from 'zod';

type Issues = Pick<z.ZodError, 'issues'> | { issues: readonly z.core.$ZodIssue[] };

export interface FieldIssue {
  path: string;
  message: string;
}

const pathOf = (path: readonly PropertyKey[]): string => (path.length === 0 ? '(body)' : path.map(String).join('.'));

/** Flattens zod issues to one entry per bad field, naming unknown keys individually so typos are easy to spot. */
export function fieldIssues(error: Issues): FieldIssue[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: pathOf([...issue.path, key]), message: 'unknown field' }))
      : [{ path: pathOf(issue.path), message: issue.message }],
  );
}
