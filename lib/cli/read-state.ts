import { readFile } from 'node:fs/promises';
import { describeError } from '../errors/describe.js';
import { text } from 'node:stream/consumers';
import { describeIssues, fieldIssues } from '../schema/issues.js';
import { PlannerStateSchema, type PlannerState } from '../schema/state.js';

/** The state could not be read or is not a valid state: the data's fault, not the command line's (exit 1). */
export class DataError extends Error {}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, not a file',
  EACCES: 'permission denied',
};

async function readText(file: string, stdin: NodeJS.ReadableStream): Promise<string> {
  if (file === '-') return text(stdin);
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new DataError(`${file}: ${REASONS[code] ?? `cannot read (${describeError(error)})`}`);
  }
}

/** Reads a planner state from a file, or from stdin for `-`, and validates it; every failure names its cause. */
export async function readState(file: string, stdin: NodeJS.ReadableStream): Promise<PlannerState> {
  const name = file === '-' ? 'stdin' : file;
  let raw: unknown;
  try {
    raw = JSON.parse(await readText(file, stdin));
  } catch (error) {
    if (error instanceof DataError) throw error;
    throw new DataError(`${name} is not valid JSON: ${describeError(error)}`);
  }
  const state = PlannerStateSchema.safeParse(raw);
  if (!state.success) {
    throw new DataError(`invalid state in ${name}:\n  ${describeIssues(fieldIssues(state.error), '\n  ')}`);
  }
  return state.data;
}
