import type { Rng } from '../../random/rng.js';
import type { Mode } from '../../schema/task.js';
import type { PipelineMark } from '../compose.js';
import { NO_STATEMENTS, Pipeline, kChance } from '../compose.js';
import { difficultyOf, rawAt } from '../difficulty/calibration.js';
import { scoreOf } from '../difficulty/score.js';
import type { StaticFeatures } from '../difficulty/static.js';
import { extendFeatures } from '../difficulty/static.js';
import type { Expr, Stmt, Value } from '../ast/types.js';
import type { Paused, Run } from '../eval/evaluate.js';
import { begin, finish, remember, resume } from '../eval/evaluate.js';
import { Rejected } from '../eval/rejected.js';
import { inputSize, randomArgs } from '../inputs.js';
import type { GenerateOptions } from '../options.js';
import { modeDef } from '../../modes/index.js';
import type { Candidate, Probe } from './candidate.js';
import { complete, probe, probeOf } from './candidate.js';

/**
 * A program this close to the requested difficulty is taken at once. 0.05 rather than 0.04 draws ~14%
 * fewer stages per task (~7% faster) for a mean delivered error of ~0.026 instead of ~0.020
 * (deduction); decile means still track the request within ~0.02.
 */
export const TOLERANCE = 0.05;
/** How far a completed task's difficulty may drift from the request (see searchCandidate). */
const DRIFT = 0.06;
/** Programs grown per request before the closest one is taken. */
export const MAX_ATTEMPTS = 10;
/** Stages undone and redrawn per program before starting a new one. */
const MAX_STAGE_RETRIES = 3;
/** A probe this far from the request, after a stage was undone, is resized at once rather than waiting for the retries to run out. */
const NEAR_MISS = 0.075;
/** Input resizes per grown program. */
const MAX_RESIZES = 1;
/** How much smaller or larger redrawn inputs are when a grown program overshoots or falls short. */
const INPUT_NUDGE = 0.35;

/** Stage level for the raw score still missing: big gaps get rich stages, small ones plain stages. */
function levelFor(gap: number, rng: Rng): number {
  return Math.max(0, Math.min(3, Math.floor(gap / 8 + rng.next() * 1.5 - 0.5)));
}

/** A measured stage not yet built into a probe: what `probeOf` needs, kept as it was when measured. */
interface Pending {
  pipe: Pipeline;
  at: PipelineMark;
  size: number;
  drawn: readonly Value[];
  stat: StaticFeatures;
  run: Run;
  raw: number;
}

/**
 * The closest probe seen so far. Most measured stages are the closest so far when measured, and most
 * are then outdone, so a probe is built only when it is asked for (or its stage is about to be undone).
 * The pending stage is kept as plain fields rather than a closure: one object per closer stage, no context.
 */
class Best {
  private kept: Probe | null = null;
  private pending: Pending | null = null;
  err = Infinity;
  /** The error `closer` last computed, taken on by the offer that follows it. */
  private seen = Infinity;
  /** The mode's judgement of an output alone (lib/generator/quality), when it has one. */
  private readonly promising: ((output: Value) => boolean) | undefined;
  constructor(
    private readonly target: number,
    mode: Mode,
  ) {
    this.promising = modeDef(mode).quality.promising;
  }
  /**
   * True when `raw` is closer than the best so far and `output` is promising for the mode; the caller
   * then offers its stage or probe. Skipping an output here, rather than in completion, lets the search
   * keep growing instead of completing a program it would most likely drop.
   */
  closer(raw: number, output: Value): boolean {
    if (this.promising !== undefined && !this.promising(output)) return false;
    this.seen = Math.abs(difficultyOf(raw) - this.target);
    return this.seen < this.err;
  }
  /** Remembers a measured stage; the caller has just checked `closer(p.raw)`. */
  offerStage(p: Pending): void {
    this.kept = null;
    this.pending = p;
    this.err = this.seen;
  }
  /** Remembers a probe when it is closer than the best so far. */
  offerProbe(q: Probe): void {
    if (!this.closer(q.raw, q.output)) return;
    this.pending = null;
    this.kept = q;
    this.err = this.seen;
  }
  /** Builds the pending probe now, while the pipeline still holds its stage. */
  settle(): void {
    const p = this.pending;
    if (p === null) return;
    this.kept = probeOf(p.pipe.builtAt(p.at), p.pipe.argTypes, p.size, p.drawn, p.stat, p.run, p.raw);
    this.pending = null;
  }
  get probe(): Probe | null {
    this.settle();
    return this.kept;
  }
  done(): boolean {
    return this.err <= TOLERANCE;
  }
  /** Forgets the best probe (it failed completion), so the search goes on. */
  drop(): void {
    this.kept = null;
    this.pending = null;
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
  // The input_size feature counts k only once a stage reads it.
  const mainSize = inputSize(drawn, 1);
  const allSize = inputSize(drawn);
  let prefix = begin(pipe.argSlots, drawn, pipe.helpers);
  let prefixStat: StaticFeatures = { ops: 0, depth: 0, branches: 0 };
  let executed = 0;
  let prefixRaw = 0;
  let retries = 0;
  let resized = 0;
  // After an overshoot the redrawn stage is one level plainer; after a dead end (a result no stage
  // takes, below the window) one level richer.
  let nudge = 0;
  while (pipe.canGrow() && retries <= MAX_STAGE_RETRIES) {
    const mark = pipe.mark();
    pipe.add(Math.min(3, Math.max(0, levelFor(floor - prefixRaw, rng) + nudge)));
    const added = pipe.statements(executed);
    const result = pipe.result;
    // Statements and result are walked apart: on growing, the statements' features become the prefix's.
    const stmtStat = added.length === 0 ? prefixStat : extendFeatures(prefixStat, added, null, pipe.helpers);
    const stat = extendFeatures(stmtStat, NO_STATEMENTS, result, pipe.helpers);
    const elems = pipe.paramCount === 1 ? mainSize : allSize;
    // The new program runs at least the loops the prefix's statements ran, so scoring it with the
    // prefix's trips gives a lower bound: past the window, it is an overshoot without running it.
    const m = scoreOf(stat, prefix.trips, elems) > ceiling ? null : measureStage(prefix, added, result);
    let raw: number | null = null;
    let closest = false;
    if (m !== null) {
      const r = scoreOf(stat, m.run.trips, elems);
      closest = best.closer(r, m.run.value);
      if (closest) best.offerStage({ pipe, at: pipe.mark(), size: target, drawn, stat, run: m.run, raw: r });
      raw = r;
    }
    if (best.done()) return;
    if (m !== null && raw !== null && raw < floor && pipe.canGrow()) {
      prefixRaw = raw;
      prefix = remember(m.state, result, m.run);
      prefixStat = stmtStat;
      executed = pipe.statementCount;
      nudge = 0;
      continue;
    }
    if (raw !== null && raw >= floor && raw <= ceiling) break;
    nudge = raw !== null && raw < floor ? 1 : -1;
    // The pending best may be the stage about to be undone.
    if (closest) best.settle();
    pipe.rollback(mark);
    retries++;
    // A near miss is more often mended by resizing the input than by another stage (and more cheaply).
    if (resized < MAX_RESIZES && best.err <= NEAR_MISS) {
      resized++;
      resize(best, target, rng);
      if (best.done()) return;
    }
  }
  if (resized < MAX_RESIZES) resize(best, target, rng);
}

/** Measures the closest probe again on one input drawn smaller or larger, as it came out too hard or too easy. */
function resize(best: Best, target: number, rng: Rng): void {
  const last = best.probe;
  if (last === null) return;
  const size = Math.min(1, Math.max(0, target + (difficultyOf(last.raw) > target ? -INPUT_NUDGE : INPUT_NUDGE)));
  const q = probe(last.built, last.argTypes, size, randomArgs(last.argTypes, rng, size), last.stat);
  if (q !== null) best.offerProbe(q);
}

/**
 * Searches for a program whose measured difficulty is within TOLERANCE of `target`: grows programs
 * towards the raw score the calibration table puts at the target and keeps the closest. A program
 * that cannot be completed into a task (its output ignores its input, or extra inputs are rejected)
 * is dropped and the search goes on. Bounded; null when nothing completed (the caller tries again).
 */
export function searchCandidate(mode: Mode, target: number, rng: Rng, opts: GenerateOptions): Candidate | null {
  const floor = rawAt(target - TOLERANCE / 2);
  const ceiling = rawAt(target + TOLERANCE);
  const best = new Best(target, mode);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    grow(target, floor, ceiling, best, rng);
    if (!best.done() && attempt < MAX_ATTEMPTS - 1) continue;
    const c = best.probe === null ? null : complete(mode, best.probe, rng, opts);
    // An induction task is measured over all its pairs, the probe on its first input: a task that
    // came out far from the request is dropped while attempts remain.
    if (c !== null && (Math.abs(c.difficulty - target) <= DRIFT || attempt === MAX_ATTEMPTS - 1)) return c;
    best.drop();
  }
  return null;
}
