import type { Example, TaskBody } from '../../schema/task.js';
import type { Mode } from '../../schema/task.js';
import { renderProgram } from '../render/python.js';
import type { Candidate } from './candidate.js';
import { inductionMessage } from './message.js';

function pairs(c: Candidate, from: number, to: number): Example[] {
  const out: Example[] = [];
  for (let i = from; i < to; i++) out.push({ input: c.inputs[i] as string, output: c.outputLiterals[i] as string });
  return out;
}

/** The mode's wire body (PLANNER.md §5) for a candidate; induction shows its first `visible` pairs. */
export function assemble(mode: Mode, c: Candidate, visible: number): TaskBody {
  const program = renderProgram(c.built.program);
  switch (mode) {
    case 'deduction':
      return { mode, payload: { program, input: c.inputs[0] as string }, answer: { output: c.outputLiterals[0] as string } };
    case 'abduction':
      return { mode, payload: { program, output: c.outputLiterals[0] as string }, answer: { input: c.inputs[0] as string } };
    case 'induction':
      return {
        mode,
        payload: { message: inductionMessage(c.built), examples: pairs(c, 0, visible) },
        answer: { program, hidden_examples: pairs(c, visible, c.inputs.length) },
      };
  }
}
