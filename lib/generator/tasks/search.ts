import type { Rng } from '../../random/rng.js';
import type { Mode } from '../../schema/task.js';
import { Pipeline, kChance } from '../compose.js';
import { difficultyOf, rawAt } from '../difficulty/calibration.js';
import { staticScore } from '../difficulty/score.js';
import { staticFeatures } from '../difficulty/static.js';
import { randomArgs } from '../inputs.js';
import type { Candidate, Probe } from './candidate.js';
import { complete, probe } from './candidate.js';

/** A program this close to the requested difficulty is taken at once. */
export const TOLERANCE = 0.04;
/** Programs grown per request before the closest one is taken. */
export const MAX_ATTEMPTS = 10;
/** Stages undone and redrawn per program before starting a new one. */
const MAX_STAGE_RETRIES = 3;
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
 * Grows one program stage by stage, measuring it after each (every measured step is a candidate),
 * until its raw score reaches `floor`. A stage that overshoots the window or is rejected is undone and
 * another drawn in its place, so the work on the stages before it is kept. A program that still
 * misses gets one more input, smaller or larger: input size moves loop trips and the input_size feature.
 */
function grow(target: number, floor: number, ceiling: number, best: Best, rng: Rng): void {
  const pipe = new Pipeline(rng, rng.next() < kChance(target));
  const drawn = randomArgs(pipe.argTypes, rng, target);
  let p: Probe | null = null;
  let retries = 0;
  while (pipe.canGrow() && retries <= MAX_STAGE_RETRIES) {
    const mark = pipe.mark();
    pipe.add(Math.max(0, levelFor(floor - (p?.raw ?? 0), rng) - (retries > 0 ? 1 : 0)));
    const built = pipe.built();
    const stat = staticFeatures(built.program);
    // The dynamic part of the score is never negative: a static score past the window is an overshoot, no need to run it.
    const q = staticScore(stat) > ceiling ? null : probe(built, pipe.argTypes, target, drawn, stat);
    if (q !== null) best.offer(q);
    if (best.done()) return;
    if (q !== null && q.raw < floor) {
      p = q;
      continue;
    }
    if (q !== null && q.raw <= ceiling) break;
    pipe.rollback(mark);
    retries++;
  }
  const last = best.probe;
  if (last === null) return;
  const size = Math.min(1, Math.max(0, target + (difficultyOf(last.raw) > target ? -INPUT_NUDGE : INPUT_NUDGE)));
  const q = probe(last.built, last.argTypes, size, randomArgs(last.argTypes, rng, size));
  if (q !== null) best.offer(q);
}

/**
 * Searches for a program whose measured difficulty is within TOLERANCE of `target`: grows programs
 * towards the raw score the calibration table puts at the target and keeps the closest. Bounded;
 * null only if every attempt was rejected (the caller tries again).
 */
export function searchCandidate(mode: Mode, target: number, rng: Rng): Candidate | null {
  const floor = rawAt(target - TOLERANCE / 2);
  const ceiling = rawAt(target + TOLERANCE);
  const best = new Best(target);
  for (let attempt = 0; attempt < MAX_ATTEMPTS && !best.done(); attempt++) grow(target, floor, ceiling, best, rng);
  return best.probe === null ? null : complete(mode, best.probe, rng);
}
