import type * as z from 'zod';
import type { AzrSeed } from '../export/azr/records.js';
import type { GenerateOptions } from '../generator/options.js';
import type { ModeQuality } from '../generator/quality/mode-quality.js';
import type { Candidate } from '../generator/tasks/candidate.js';
import type { Example } from '../schema/python.js';

/** A mode's wire body (PLANNER.md §5): the `mode` literal, what the solver is shown, and the answer. */
export type BodySchema = z.ZodObject<{ mode: z.ZodLiteral<string>; payload: z.ZodType; answer: z.ZodType }, z.core.$strict>;

/**
 * Everything that differs between reasoning modes, in one object per mode (lib/modes/<mode>.ts). The
 * registry (lib/modes/index.ts) derives the mode list, the task union, the per-mode state fields and the
 * enable tunables from these; the generator and planner only ever go through it.
 */
export interface ModeDef<S extends BodySchema = BodySchema> {
  readonly schema: S;
  /** What the solver does, in a few words (the enable tunable's description says it). */
  readonly summary: string;
  /** Calls of f a task carries (inputs evaluated and shown or hidden) under `opts`; 1 = a single input/output pair. */
  pairs(opts: GenerateOptions): number;
  /** The wire body for a validated candidate whose program renders as `program`. */
  body(c: Candidate, program: string, opts: GenerateOptions): z.output<S>;
  /** How the mode keeps shortcut answers out (lib/generator/quality). */
  readonly quality: ModeQuality;
  /** The task as an AZR seed record (lib/export/azr): an io triple or a code_f record. */
  azrSeed(body: z.output<S>): AzrSeed;
  /** The mode's own check of a body against its candidate: the first failure, or null. */
  check(body: z.output<S>, c: Candidate): string | null;
  /** Characters the solver reads (the prompt), which sets the task's compute weight. */
  promptChars(body: z.output<S>): number;
  /** The Python source of f, wherever the mode carries it. */
  program(body: z.output<S>): string;
  /** Every call of f the task states, shown or hidden, with its output: what CPython must confirm. */
  calls(body: z.output<S>): Example[];
}

/** Infers a mode's schema type from its definition, so its methods are checked against its own body. */
export const defineMode = <S extends BodySchema>(def: ModeDef<S>): ModeDef<S> => def;
