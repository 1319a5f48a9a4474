import type { Rng } from '../../random/rng.js';
import type { Mode } from '../../schema/task.js';
import { Pipeline, kChance } from '../compose.js';
import { difficultyOf, rawAt } from '../difficulty/calibration.js';
import { randomArgs } from '../inputs.js';
import type { Candidate, Probe } from './candidate.js';
import { complete, probe } from './candidate.js';

/** A program this close to the requested difficulty is taken at once. */
export const TOLERANCE = 0.04;
/** Programs grown per request before the closest one is taken. */
export const MAX_ATTEMPTS = 10;
/** How much smaller or larger redrawn inputs are when a grown program overshoots or falls short. */
const INPUT_NUDGE = 0.35;

/** Stage level for the raw score still missing: big gaps get rich stages, small ones plain stages. */
function levelFor(gap: number, rng: Rng): number {
  return Math.max(0, Math.min(3, Math.floor(gap / 8 + rng.next() * 1.5 - 0.5)));
}

/** The closest probe seen so far. */
class Best {
  probe: Probe | null = null;
  err = Infinity;
  constructor(private readonly target: number) {}
  offer(p: Probe): void {
    const err = Math.abs(difficultyOf(p.raw) - this.target);
    if (err < this.err) {
      this.probe = p;
      this.err = err;
    }
  }
  done(): boolean {
    return this.err <= TOLERANCE;
  }
}

/**
 * Grows one program stage by stage, measuring it after each (every step is a candidate), until its
 * raw score reaches `floor` or it cannot grow further. A program that then misses the window gets one
 * more input, smaller or larger, since input size moves the loop trips and the input_size feature.
 */
function grow(target: number, floor: number, best: Best, rng: Rng): void {
  const pipe = new Pipeline(rng, rng.next() < kChance(target));
  const drawn = randomArgs(pipe.argTypes, rng, target);
  let p: Probe | null = null;
  while (p === null || p.raw < floor) {
    if (!pipe.add(levelFor(floor - (p?.raw ?? 0), rng))) break;
    p = probe(pipe.built(), pipe.argTypes, target, drawn);
    if (p === null) return;
    best.offer(p);
  }
  if (p === null || best.done()) return;
  const size = Math.min(1, Math.max(0, target + (difficultyOf(p.raw) > target ? -INPUT_NUDGE : INPUT_NUDGE)));
  const q = probe(p.built, pipe.argTypes, size, randomArgs(pipe.argTypes, rng, size));
  if (q !== null) best.offer(q);
}

/**
 * Searches for a program whose measured difficulty is within TOLERANCE of `target`: grows programs
 * towards the raw score the calibration table puts at the target and keeps the closest. Bounded;
 * null only if every attempt was rejected (the caller tries again).
 */
export function searchCandidate(mode: Mode, target: number, rng: Rng): Candidate | null {
  const floor = rawAt(target - TOLERANCE / 2);
  const best = new Best(target);
  for (let attempt = 0; attempt < MAX_ATTEMPTS && !best.done(); attempt++) grow(target, floor, best, rng);
  return best.probe === null ? null : complete(mode, best.probe, rng);
}
