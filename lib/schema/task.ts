// A namespace import lets bundlers drop zod's unused locales (450 KB → 70 KB in the Lambda bundle).
import * as z from 'zod';
import { MODES, bodySchemas, type Mode } from '../modes/index.js';

export { MODES, type Mode, type TaskBodyOf } from '../modes/index.js';
export { ExampleSchema, type Example } from './python.js';
export const ModeSchema = z.enum(MODES as [Mode, ...Mode[]]).meta({ id: 'Mode' });

/** Each mode's body named for OpenAPI once (`DeductionTask`, …), so a new mode is named with no line here. */
const namedBodies = bodySchemas().map((schema) => {
  const mode = schema.shape.mode.value;
  return schema.meta({ id: `${mode.charAt(0).toUpperCase()}${mode.slice(1)}Task` });
}) as ReturnType<typeof bodySchemas>;

/** The mode-specific part of a task, in the wire format of PLANNER.md §5: one member per mode (lib/modes). */
export const TaskBodySchema = z.discriminatedUnion('mode', namedBodies).meta({ id: 'TaskBody' });
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
