// A namespace import lets bundlers drop zod's unused locales (450 KB → 70 KB in the Lambda bundle).
import * as z from 'zod';

export const MODES = ['deduction', 'abduction', 'induction'] as const;
export const ModeSchema = z.enum(MODES);
export type Mode = z.infer<typeof ModeSchema>;

/** A string of Python call arguments: the call is `f(<input>)`, e.g. "[3, 1, 2], 'ab'". */
const PyArgs = z.string().describe('Python call arguments: the call is f(<input>)');
/** A Python literal; a claimed output is right when eval(output) == f(<input>) in CPython. */
const PyLiteral = z.string().describe('Python literal of the value f returns');
const PyProgram = z.string().describe('Python source defining f');

export const ExampleSchema = z.strictObject({ input: PyArgs, output: PyLiteral });
export type Example = z.infer<typeof ExampleSchema>;

export const DeductionTaskSchema = z.strictObject({
  mode: z.literal('deduction'),
  payload: z.strictObject({ program: PyProgram, input: PyArgs }),
  answer: z.strictObject({ output: PyLiteral }),
});
export const AbductionTaskSchema = z.strictObject({
  mode: z.literal('abduction'),
  payload: z.strictObject({ program: PyProgram, output: PyLiteral }),
  answer: z.strictObject({ input: PyArgs }),
});
export const InductionTaskSchema = z.strictObject({
  mode: z.literal('induction'),
  payload: z.strictObject({ message: z.string(), examples: z.array(ExampleSchema).min(4) }),
  answer: z.strictObject({ program: PyProgram, hidden_examples: z.array(ExampleSchema).min(2) }),
});
/** The mode-specific part of a task, in the wire format of PLANNER.md §5. */
export const TaskBodySchema = z.discriminatedUnion('mode', [DeductionTaskSchema, AbductionTaskSchema, InductionTaskSchema]);
export type TaskBody = z.infer<typeof TaskBodySchema>;

/** Measured program features behind a task's difficulty. */
export const FeaturesSchema = z.strictObject({
  ops: z.number().int().nonnegative().describe('operations in the program'),
  depth: z.number().int().nonnegative().describe('nesting depth'),
  loop_trips: z.number().int().nonnegative().describe('loop iterations executed on the task input'),
  input_size: z.number().int().nonnegative().describe('elements or characters in the input'),
  branches: z.number().int().nonnegative().describe('conditional branches'),
  steps: z.number().int().nonnegative().describe('evaluator steps on the task input'),
  families: z.array(z.string()).describe('operation families used'),
  preimage_share: z.number().min(0).max(1).describe('share of random inputs giving the task output (induction: the largest share one output covers)'),
  output_entropy: z.number().nonnegative().describe('entropy in bits of the outputs over random inputs (induction: over its pairs)'),
});
export type Features = z.infer<typeof FeaturesSchema>;

/** What the generator hands the planner: a verified task plus its measured difficulty and compute weight. */
export type GeneratedTask = TaskBody & {
  difficulty: number;
  features: Features;
  /** Relative compute cost of solving it (1 = typical); heavier tasks go to alpha first. */
  weight: number;
  description: string;
};
