import type { Tunables } from '../config/tunables.js';
import { clamp } from './rasch.js';

/** How idle a pool is on the priority scale: 0 at or below the low threshold, 1 at or above the high one. */
function idleness(freeFraction: number | undefined, t: Tunables): number {
  if (freeFraction === undefined) return 0;
  if (t.highFreeThreshold <= t.lowFreeThreshold) return freeFraction >= t.highFreeThreshold ? 1 : 0;
  return clamp((freeFraction - t.lowFreeThreshold) / (t.highFreeThreshold - t.lowFreeThreshold), 0, 1);
}

/**
 * Priority of a runnable step, 2..10: headroom sets the base (2 when both pools are busy, 10 when both are idle),
 * learning urgency (the worst mode's distance from its target success, 0..1) adds up to `urgencyWeight`.
 * Monotone in free resource: idleness is, and urgency does not depend on it. A wait plan is WAIT_PRIORITY.
 */
export function priority(free: readonly (number | undefined)[], urgency: number, t: Tunables): { value: number; idle: number } {
  const idle = free.reduce<number>((sum, f) => sum + idleness(f, t), 0) / Math.max(1, free.length);
  const value = Math.round(2 + 8 * idle + t.urgencyWeight * clamp(urgency, 0, 1));
  return { value: clamp(value, 2, 10), idle };
}

/** A wait plan's priority: below every runnable step's. */
export const WAIT_PRIORITY = 1;

/** Learning urgency, 0..1: the worst mode's distance from its target success, relative to the room on that side. */
export function urgency(modes: readonly { success: number; target: number }[]): number {
  return Math.max(0, ...modes.map((d) => Math.abs(d.success - d.target) / Math.max(d.target, 1 - d.target)));
}
