import * as z from 'zod';

/** A string of Python call arguments: the call is `f(<input>)`, e.g. "[3, 1, 2], 'ab'". */
export const PyArgs = z.string().describe('Python call arguments: the call is f(<input>)');
/** A Python literal; a claimed output is right when eval(output) == f(<input>) in CPython. */
export const PyLiteral = z.string().describe('Python literal of the value f returns');
export const PyProgram = z.string().describe('Python source defining f');

export const ExampleSchema = z.strictObject({ input: PyArgs, output: PyLiteral });
export type Example = z.infer<typeof ExampleSchema>;
