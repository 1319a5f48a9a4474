import type * as z from 'zod';

type Issues = Pick<z.ZodError, 'issues'> | { issues: readonly z.core.$ZodIssue[] };

/** One bad field of an input (a request body, a state file, a scheduled event): its dotted path and why. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** How many issues an answer lists (firstIssues): enough to fix a request, few enough to stay small. */
export const MAX_LISTED_ISSUES = 20;
/** A path longer than this is cut: a hostile key can be as long as the body. */
const MAX_PATH_CHARS = 200;
const clip = (text: string): string => (text.length <= MAX_PATH_CHARS ? text : `${text.slice(0, MAX_PATH_CHARS - 1)}…`);

/** One entry per bad field, made only as far as they are read, unknown keys named individually. */
function* eachIssue(error: Issues, root: string): Generator<FieldIssue> {
  const pathOf = (path: readonly PropertyKey[]): string => (path.length === 0 ? root : clip(path.map(String).join('.')));
  for (const issue of error.issues) {
    if (issue.code !== 'unrecognized_keys') yield { path: pathOf(issue.path), message: issue.message };
    else for (const key of issue.keys) yield { path: pathOf([...issue.path, key]), message: 'unknown field' };
  }
}

/**
 * Flattens zod issues to one entry per bad field, naming unknown keys individually so typos are easy to spot.
 * `root` names the input itself, for an issue with an empty path.
 */
export function fieldIssues(error: Issues, root = '(body)'): FieldIssue[] {
  return [...eachIssue(error, root)];
}

/** Issues as text, `path: message` each, for an error message or a log line (the CLI, the scheduled run). */
export const describeIssues = (issues: readonly FieldIssue[], separator = '; '): string =>
  issues.map((i) => `${i.path}: ${i.message}`).join(separator);

/**
 * The first `limit` entries of fieldIssues and how many there are in all: a body of thousands of unknown keys
 * costs a small answer (and no list of thousands on the event loop), not one entry per key.
 */
export function firstIssues(error: Issues, limit: number, root = '(body)'): { issues: FieldIssue[]; count: number } {
  const issues: FieldIssue[] = [];
  for (const issue of eachIssue(error, root)) {
    if (issues.length === limit) break;
    issues.push(issue);
  }
  let count = 0;
  for (const issue of error.issues) count += issue.code === 'unrecognized_keys' ? issue.keys.length : 1;
  return { issues, count };
}
