import * as z from 'zod';
import { inductionMessage } from '../generator/tasks/message.js';
import type { Candidate } from '../generator/tasks/candidate.js';
import { ExampleSchema, PyProgram, type Example } from '../schema/python.js';
import { INDUCTION_QUALITY } from '../generator/quality/by-mode.js';
import { defineMode } from './mode.js';

/** The contract's floor on pairs (PLANNER.md §5): the schema and the generator's check both hold it. */
const MIN_VISIBLE = 4;
const MIN_HIDDEN = 2;

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
  // The counts come from the caller (tunables inductionVisiblePairs/inductionHiddenPairs; AZR's 5 and 5
  // by default, lib/generator/options.ts). Shown pairs first: AZR shows the first len // 2.
  pairs: (opts) => opts.visiblePairs + opts.hiddenPairs,
  body: (c, program, opts) => ({
    mode: 'induction' as const,
    payload: { message: inductionMessage(c.built), examples: pairs(c, 0, opts.visiblePairs) },
    answer: { program, hidden_examples: pairs(c, opts.visiblePairs, c.inputs.length) },
  }),
  quality: INDUCTION_QUALITY,
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
  azrSeed(body) {
    const pairs = [...body.payload.examples, ...body.answer.hidden_examples];
    const shown = body.payload.examples.length;
    // AZR's own split, not the task's: with other pair counts the solver would see other pairs.
    if (Math.floor(pairs.length / 2) !== shown) {
      return {
        problem: `shows ${shown} of ${pairs.length} induction pairs but AZR shows the first ${Math.floor(pairs.length / 2)}; set inductionHiddenPairs to inductionVisiblePairs (or one more)`,
      };
    }
    const record = { snippet: body.answer.program, inputs: pairs.map((p) => p.input), outputs: pairs.map((p) => p.output), message: body.payload.message, imports: [] };
    return { file: 'code_f' as const, record };
  },
  calls: (body) => [...body.payload.examples, ...body.answer.hidden_examples],
});
