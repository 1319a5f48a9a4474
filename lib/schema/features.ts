import * as z from 'zod';

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
