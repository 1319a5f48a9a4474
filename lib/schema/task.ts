// A namespace import lets bundlers drop zod's unused locales (450 KB → 70 KB in the Lambda bundle).
import * as z from 'zod';
import { MODES, bodySchemas, type Mode } from '../modes/index.js';
import type { Features } from './features.js';

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

// The features' schema is only checked by tests: its own module keeps its ~40 zod objects out of a cold start.
export type { Features } from './features.js';

/** What the generator hands the planner: a verified task plus its measured difficulty and compute weight. */
export type GeneratedTask = TaskBody & {
  difficulty: number;
  features: Features;
  /** Relative compute cost of solving it (1 = typical); heavier tasks go to alpha first. */
  weight: number;
  description: string;
};
