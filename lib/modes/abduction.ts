import * as z from 'zod';
import { PyArgs, PyLiteral, PyProgram } from '../schema/python.js';
import { ABDUCTION_QUALITY } from '../generator/quality/by-mode.js';
import { ioRecord } from '../export/azr/records.js';
import { defineMode } from './mode.js';

/** Abduction: the program and an output are shown; the answer is an input that reaches it. */
export const abduction = defineMode({
  schema: z.strictObject({
    mode: z.literal('abduction'),
    payload: z.strictObject({ program: PyProgram, output: PyLiteral }),
    answer: z.strictObject({ input: PyArgs }),
  }),
  summary: 'given program and output, find an input',
  pairs: () => 1,
  quality: ABDUCTION_QUALITY,
  body: (c, program) => ({
    mode: 'abduction' as const,
    payload: { program, output: c.outputLiterals[0] as string },
    answer: { input: c.inputs[0] as string },
  }),
  // The generic checks re-ran f on the answer input and got this literal: the proof that the input reaches it.
  check: (body, c) => (body.payload.output === c.outputLiterals[0] ? null : 'output is not reached by the answer input'),
  promptChars: (body) => body.payload.program.length + body.payload.output.length,
  program: (body) => body.payload.program,
  // AZR puts every io triple into both its abduction and deduction buffers.
  azrSeed: (body) => ioRecord(body.payload.program, body.answer.input, body.payload.output),
  calls: (body) => [{ input: body.answer.input, output: body.payload.output }],
});
