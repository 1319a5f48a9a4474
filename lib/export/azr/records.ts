import { modeDef } from '../../modes/index.js';
import type { PlannedTask } from '../../schema/plan.js';

/**
 * AZR's seed record formats (AZR-INTEROP.md): AZR takes outside tasks only as two JSON Lines seed
 * files read at start-up, one of io triples and one of induction (code_f) records.
 */

/** An io triple: AZR puts each into both its deduction (code_o) and abduction (code_i) buffers. */
export interface AzrIoRecord {
  snippet: string;
  input: string;
  output: string;
  imports: string[];
  original_snippet: string;
  composite_functions: string[];
}

/** An induction record: AZR shows the first `len(inputs) // 2` pairs and grades on the rest. */
export interface AzrCodeFRecord {
  snippet: string;
  inputs: string[];
  outputs: string[];
  message: string;
  imports: string[];
}

/** AZR refuses a seed file with fewer lines than one batch (`data_len`, 64). */
export const AZR_MIN_RECORDS = 64;

/** One task's seed record, in the file it belongs to, or why AZR could not take it as it is. */
export type AzrSeed = { file: 'io'; record: AzrIoRecord } | { file: 'code_f'; record: AzrCodeFRecord } | { problem: string };

export interface AzrSeeds {
  io: AzrIoRecord[];
  codeF: AzrCodeFRecord[];
  /** Why a file would not be accepted as it is, one sentence each (empty when both are fine). */
  problems: string[];
}

/**
 * The io triple of a program, call arguments and the result's repr. The generator's programs import
 * nothing and carry no composite functions of AZR's own, so `original_snippet` is the snippet.
 */
export function ioRecord(snippet: string, input: string, output: string): AzrSeed {
  return { file: 'io', record: { snippet, input, output, imports: [], original_snippet: snippet, composite_functions: [] } };
}

/** The seed records of a plan's tasks (each mode says what its task becomes), and what keeps AZR from taking them. */
export function azrSeeds(tasks: readonly PlannedTask[]): AzrSeeds {
  const io: AzrIoRecord[] = [];
  const codeF: AzrCodeFRecord[] = [];
  const problems: string[] = [];
  for (const t of tasks) {
    const seed = modeDef(t.mode).azrSeed(t);
    if ('problem' in seed) problems.push(`task ${t.task_id}: ${seed.problem}`);
    else if (seed.file === 'io') io.push(seed.record);
    else codeF.push(seed.record);
  }
  for (const [name, n] of [['io', io.length], ['code_f', codeF.length]] as const) {
    if (n < AZR_MIN_RECORDS) problems.push(`${name}: ${n} records, but AZR requires at least ${AZR_MIN_RECORDS} lines in a seed file; plan more tasks (max_tasks, capacity) or join several plans`);
  }
  return { io, codeF, problems };
}

/** JSON Lines: one record a line, each line ending in a newline. */
export function jsonLines(records: readonly object[]): string {
  let s = '';
  for (const r of records) s += JSON.stringify(r) + '\n';
  return s;
}
