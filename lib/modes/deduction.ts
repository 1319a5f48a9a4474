import * as z from 'zod';
import { PyArgs, PyLiteral, PyProgram } from '../schema/python.js';
import { DEDUCTION_QUALITY } from '../generator/quality/by-mode.js';
import { ioRecord } from '../export/azr/records.js';
import { defineMode } from './mode.js';

/** Deduction: the program and an input are shown; the answer is the output. */
export const deduction = defineMode({
  schema: z.strictObject({
    mode: z.literal('deduction'),
    payload: z.strictObject({ program: PyProgram, input: PyArgs }),
    answer: z.strictObject({ output: PyLiteral }),
  }),
  summary: 'given program and input, predict the output',
  pairs: () => 1,
  quality: DEDUCTION_QUALITY,
  body: (c, program) => ({
    mode: 'deduction' as const,
    payload: { program, input: c.inputs[0] as string },
    answer: { output: c.outputLiterals[0] as string },
  }),
  check: (body, c) => (body.answer.output === c.outputLiterals[0] ? null : 'answer is not the evaluated output'),
  promptChars: (body) => body.payload.program.length + body.payload.input.length,
  program: (body) => body.payload.program,
  azrSeed: (body) => ioRecord(body.payload.program, body.payload.input, body.answer.output),
  calls: (body) => [{ input: body.payload.input, output: body.answer.output }],
});
