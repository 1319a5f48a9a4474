import type * as z from 'zod';

type Issues = Pick<z.ZodError, 'issues'> | { issues: readonly z.core.$ZodIssue[] };

export interface FieldIssue {
  path: string;
  message: string;
}

/** How many issues a 400 lists: enough to fix a request, few enough that the answer stays small. */
export const MAX_LISTED_ISSUES = 20;
/** A path longer than this is cut: a hostile key can be as long as the body. */
const MAX_PATH_CHARS = 200;

const clip = (text: string): string => (text.length <= MAX_PATH_CHARS ? text : `${text.slice(0, MAX_PATH_CHARS - 1)}…`);
const pathOf = (path: readonly PropertyKey[]): string => (path.length === 0 ? '(body)' : clip(path.map(String).join('.')));

/**
 * Flattens zod issues to one entry per bad field, naming unknown keys individually so typos are easy to spot;
 * lists at most `limit` and counts all, so a body of thousands of unknown keys costs a small answer, not one
 * entry per key.
 */
export function fieldIssues(error: Issues, limit = Number.POSITIVE_INFINITY): { issues: FieldIssue[]; count: number } {
  const issues: FieldIssue[] = [];
  let count = 0;
  for (const issue of error.issues) {
    if (issue.code !== 'unrecognized_keys') {
      count += 1;
      if (issues.length < limit) issues.push({ path: pathOf(issue.path), message: issue.message });
      continue;
    }
    count += issue.keys.length;
    for (const key of issue.keys.slice(0, Math.max(0, limit - issues.length))) {
      issues.push({ path: pathOf([...issue.path, key]), message: 'unknown field' });
    }
  }
  return { issues, count };
}

/** Codes node gives a request body that ended early: the client hung up or broke the framing mid-upload. */
const ABORT_CODES = new Set(['ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE']);

/** Whether an error thrown while reading a request body is the client's doing (an abort), not the planner's. */
export function isClientAbort(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (typeof code === 'string' && (ABORT_CODES.has(code) || code.startsWith('HPE_'))) || error.message === 'aborted';
}
