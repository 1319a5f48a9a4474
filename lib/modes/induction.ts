import * as z from 'zod';
import { inductionMessage } from '../generator/tasks/message.js';
import type { Candidate } from '../generator/tasks/candidate.js';
import { ExampleSchema, PyProgram, type Example } from '../schema/python.js';
import { defineMode } from './mode.js';

/** The contract's floor on pairs (PLANNER.md §5): the schema and the generator's check both hold it. */
const MIN_VISIBLE = 4;
const MIN_HIDDEN = 2;
/**
 * Induction shows this many pairs and keeps this many hidden (AZR uses 5 and 5; the contract asks >= 4
 * and >= 2). Two hidden pairs, the contract's minimum: each pair costs two full evaluations (docs/design.md, Speed).
 */
export const VISIBLE_PAIRS = 5;
export const HIDDEN_PAIRS = 2;

function pairs(c: Candidate, from: number, to: number): Example[] {
  const out: Example[] = [];
  for (let i = from; i < to; i++) out.push({ input: c.inputs[i] as string, output: c.outputLiterals[i] as string });
  return out;
}

/**
 * Letters, digits, spaces and , . ; ' - only: no brackets, operators, colons or quotes, so no line of
 * Python (each has one of them, or is `return ...`) can appear in the message. A regular expression
 * rather than a loop over char codes: about 3x faster on a 150-character message.
 */
const PROSE = /^[A-Za-z0-9 ,.;'-]*$/;

/** Induction: input/output pairs and a one-line message are shown; the answer is the program (checked on hidden pairs). */
export const induction = defineMode({
  schema: z.strictObject({
    mode: z.literal('induction'),
    payload: z.strictObject({ message: z.string(), examples: z.array(ExampleSchema).min(MIN_VISIBLE) }),
    answer: z.strictObject({ program: PyProgram, hidden_examples: z.array(ExampleSchema).min(MIN_HIDDEN) }),
  }),
  summary: 'given input/output pairs, write the program',
  pairs: VISIBLE_PAIRS + HIDDEN_PAIRS,
  body: (c, program) => ({
    mode: 'induction' as const,
    payload: { message: inductionMessage(c.built), examples: pairs(c, 0, VISIBLE_PAIRS) },
    answer: { program, hidden_examples: pairs(c, VISIBLE_PAIRS, c.inputs.length) },
  }),
  check(body, c) {
    const visible = body.payload.examples;
    const hidden = body.answer.hidden_examples;
    if (visible.length < MIN_VISIBLE || hidden.length < MIN_HIDDEN) return 'too few example pairs';
    if (c.inputs.length !== visible.length + hidden.length) return 'pairs do not match the evaluated calls';
    const all = [...visible, ...hidden];
    let distinctOutputs = false;
    for (let i = 0; i < all.length; i++) {
      const e = all[i] as Example;
      if (e.output !== (all[0] as Example).output) distinctOutputs = true;
      for (let j = 0; j < i; j++) {
        if ((all[j] as Example).input !== e.input) continue;
        return i < visible.length ? 'visible inputs repeat' : j < visible.length ? 'a hidden input is also visible' : 'hidden inputs repeat';
      }
    }
    // A program whose outputs never change is guessable from one pair; the hidden pairs would prove nothing.
    if (!distinctOutputs) return 'every pair has the same output';
    const m = body.payload.message;
    if (m.length === 0 || m.includes('\n')) return 'message is not one line';
    if (!PROSE.test(m) || m.includes('def ') || m.includes('return ')) return 'message shows code';
    return null;
  },
  promptChars(body) {
    let n = body.payload.message.length;
    for (const e of body.payload.examples) n += e.input.length + e.output.length;
    return n;
  },
  program: (body) => body.answer.program,
  calls: (body) => [...body.payload.examples, ...body.answer.hidden_examples],
});
