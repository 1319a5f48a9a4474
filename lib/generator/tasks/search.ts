import type { Rng } from '../../random/rng.js';
import type { Mode } from '../../schema/task.js';
import { Pipeline, kChance } from '../compose.js';
import { difficultyOf, rawAt } from '../difficulty/calibration.js';
import { staticScore } from '../difficulty/score.js';
import type { StaticFeatures } from '../difficulty/static.js';
import { extendFeatures } from '../difficulty/static.js';
import type { Expr, Stmt } from '../ast/types.js';
import type { Paused, Run } from '../eval/evaluate.js';
import { begin, finish, resume } from '../eval/evaluate.js';
import { Rejected } from '../eval/rejected.js';
import { randomArgs } from '../inputs.js';
import type { Candidate, Probe } from './candidate.js';
import { complete, probe, probeOf, rawOf } from './candidate.js';

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
  /** Keeps the probe `make` gives when `raw` is closer than the best so far (probes are built only then). */
  offer(raw: number, make: () => Probe): void {
    const err = Math.abs(difficultyOf(raw) - this.target);
    if (err < this.err) {
      this.probe = make();
      this.err = err;
    }
  }
  done(): boolean {
    return this.err <= TOLERANCE;
  }
  /** Forgets the best probe (it failed completion), so the search goes on. */
  drop(): void {
    this.probe = null;
    this.err = Infinity;
  }
}

/** Runs the statements a new stage added from the paused prefix, then its return; null if rejected. */
function measureStage(prefix: Paused, added: readonly Stmt[], result: Expr): { state: Paused; run: Run } | null {
  try {
    const state = resume(prefix, added);
    return { state, run: finish(state, result) };
  } catch (e) {
    if (e instanceof Rejected) return null;
    throw e;
  }
}

/**
 * Grows one program stage by stage, measuring it after each (every measured step is a candidate),
 * until its raw score reaches `floor`. Each measurement resumes the paused run of the stages before
 * and executes only the new stage. A stage that overshoots the window or is rejected is undone and
 * another drawn in its place, so the work on the stages before it is kept. A program that still
 * misses gets one more input, smaller or larger: input size moves loop trips and the input_size feature.
 */
function grow(target: number, floor: number, ceiling: number, best: Best, rng: Rng): void {
  const pipe = new Pipeline(rng, rng.next() < kChance(target));
  const drawn = randomArgs(pipe.argTypes, rng, target);
  let prefix = begin(pipe.argSlots, drawn);
  let prefixStat: StaticFeatures = { ops: 0, depth: 0, branches: 0 };
  let executed = 0;
  let prefixRaw = 0;
  let retries = 0;
  // After an overshoot the redrawn stage is one level plainer; after a dead end (a result no stage
  // takes, below the window) one level richer.
  let nudge = 0;
  while (pipe.canGrow() && retries <= MAX_STAGE_RETRIES) {
    const mark = pipe.mark();
    pipe.add(Math.min(3, Math.max(0, levelFor(floor - prefixRaw, rng) + nudge)));
    const added = pipe.statements(executed);
    const result = pipe.result;
    // Statements and result are walked apart: on growing, the statements' features become the prefix's.
    const stmtStat = extendFeatures(prefixStat, added, null);
    const stat = extendFeatures(stmtStat, [], result);
    // The dynamic part of the score is never negative: a static score past the window is an overshoot, no need to run it.
    const m = staticScore(stat) > ceiling ? null : measureStage(prefix, added, result);
    let raw: number | null = null;
    if (m !== null) {
      raw = rawOf(stat, m.run, drawn, pipe.paramCount);
      best.offer(raw, () => probeOf(pipe.built(), pipe.argTypes, target, drawn, stat, m.run));
    }
    if (best.done()) return;
    if (m !== null && raw !== null && raw < floor && pipe.canGrow()) {
      prefixRaw = raw;
      prefix = m.state;
      prefixStat = stmtStat;
      executed = pipe.statementCount;
      nudge = 0;
      continue;
    }
    if (raw !== null && raw >= floor && raw <= ceiling) break;
    nudge = raw !== null && raw < floor ? 1 : -1;
    pipe.rollback(mark);
    retries++;
  }
  const last = best.probe;
  if (last === null) return;
  const size = Math.min(1, Math.max(0, target + (difficultyOf(last.raw) > target ? -INPUT_NUDGE : INPUT_NUDGE)));
  const q = probe(last.built, last.argTypes, size, randomArgs(last.argTypes, rng, size), last.stat);
  if (q !== null) best.offer(q.raw, () => q);
}

/**
 * Searches for a program whose measured difficulty is within TOLERANCE of `target`: grows programs
 * towards the raw score the calibration table puts at the target and keeps the closest. A program
 * that cannot be completed into a task (its output ignores its input, or extra inputs are rejected)
 * is dropped and the search goes on. Bounded; null when nothing completed (the caller tries again).
 */
export function searchCandidate(mode: Mode, target: number, rng: Rng): Candidate | null {
  const floor = rawAt(target - TOLERANCE / 2);
  const ceiling = rawAt(target + TOLERANCE);
  const best = new Best(target);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    grow(target, floor, ceiling, best, rng);
    if (!best.done() && attempt < MAX_ATTEMPTS - 1) continue;
    const c = best.probe === null ? null : complete(mode, best.probe, rng);
    if (c !== null) return c;
    best.drop();
  }
  return null;
}
