import type * as z from 'zod';
import { keyedBy } from '../schema/keyed.js';
import { abduction } from './abduction.js';
import { deduction } from './deduction.js';
import { induction } from './induction.js';
import type { ModeDef } from './mode.js';

/**
 * The reasoning modes, in plan order. A new mode is one module beside these and one line here; the mode
 * list, the task union, the per-mode state fields, the enable tunables and the test arbitraries follow.
 */
const DEFS = { deduction, abduction, induction };

export type Mode = keyof typeof DEFS;
type SchemaOf<M extends Mode> = (typeof DEFS)[M]['schema'];
/** The wire body of one mode. */
export type TaskBodyOf<M extends Mode> = z.output<SchemaOf<M>>;

// Typed as a mapped type so that a lookup by a generic mode keeps the link between the mode and its body.
const REGISTRY: { readonly [M in Mode]: ModeDef<SchemaOf<M>> } = DEFS;

export const MODES = Object.keys(DEFS) as readonly Mode[];

/** A mode's definition; called with a body's `mode`, its methods take that body. */
export const modeDef = <M extends Mode>(mode: M): ModeDef<SchemaOf<M>> => REGISTRY[mode];

/** Every mode's body schema, in MODES order (the members of the task union). */
export const bodySchemas = (): [SchemaOf<Mode>, ...SchemaOf<Mode>[]] =>
  MODES.map((m) => REGISTRY[m].schema) as [SchemaOf<Mode>, ...SchemaOf<Mode>[]];

/** One value per mode, keyed by mode, in MODES order: for the per-mode fields of the state and the like. */
export const perMode = <V>(value: (mode: Mode) => V): Record<Mode, V> => keyedBy(MODES, value);

export type { ModeDef } from './mode.js';
