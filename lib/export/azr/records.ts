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

export interface AzrSeeds {
  io: AzrIoRecord[];
  codeF: AzrCodeFRecord[];
  /** Why a file would not be accepted as it is, one sentence each (empty when both are fine). */
  problems: string[];
}

/** The io triple of a deduction or abduction task: the program, the call arguments and the result's repr. */
function ioRecord(snippet: string, input: string, output: string): AzrIoRecord {
  // The generator's programs import nothing and carry no composite functions of AZR's own.
  return { snippet, input, output, imports: [], original_snippet: snippet, composite_functions: [] };
}

/** The seed records of a plan's tasks, and what keeps AZR from taking them. */
export function azrSeeds(tasks: readonly PlannedTask[]): AzrSeeds {
  const io: AzrIoRecord[] = [];
  const codeF: AzrCodeFRecord[] = [];
  const problems: string[] = [];
  for (const t of tasks) {
    if (t.mode === 'deduction') io.push(ioRecord(t.payload.program, t.payload.input, t.answer.output));
    else if (t.mode === 'abduction') io.push(ioRecord(t.payload.program, t.answer.input, t.payload.output));
    else {
      const pairs = [...t.payload.examples, ...t.answer.hidden_examples];
      // AZR's own split, not the task's: with another pair count the solver would see other pairs.
      if (Math.floor(pairs.length / 2) !== t.payload.examples.length) {
        problems.push(
          `task ${t.task_id} shows ${t.payload.examples.length} of ${pairs.length} induction pairs but AZR shows the first ${Math.floor(pairs.length / 2)}; ` +
            'set inductionHiddenPairs to inductionVisiblePairs (or one more)',
        );
        continue;
      }
      codeF.push({ snippet: t.answer.program, inputs: pairs.map((p) => p.input), outputs: pairs.map((p) => p.output), message: t.payload.message, imports: [] });
    }
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
