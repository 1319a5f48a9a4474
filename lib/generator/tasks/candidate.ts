import type { Rng } from '../../random/rng.js';
import { modeDef } from '../../modes/index.js';
import type { Features, Mode } from '../../schema/task.js';
import { round3 } from '../../schema/precision.js';
import type { InputTy, Value } from '../ast/types.js';
import type { Built } from '../compose.js';
import { difficultyOf } from '../difficulty/calibration.js';
import { rawScore, scoreOf } from '../difficulty/score.js';
import type { StaticFeatures } from '../difficulty/static.js';
import { staticFeatures } from '../difficulty/static.js';
import type { Run } from '../eval/evaluate.js';
import { run } from '../eval/evaluate.js';
import { Rejected } from '../eval/rejected.js';
import { sameRepr } from '../eval/same.js';
import { familyNames } from '../families/family.js';
import { inputSize, randomArgs } from '../inputs.js';
import type { GenerateOptions } from '../options.js';
import { AZR_PAIRS } from '../options.js';
import { entropyOf } from '../quality/sample.js';
import { pyArgs, pyRepr } from '../render/literal.js';

/** A program evaluated on its first input: enough to measure it while a search is still growing it. */
export interface Probe {
  built: Built;
  argTypes: readonly InputTy[];
  /** Input size the arguments were drawn at (extra induction inputs use the same). */
  size: number;
  args: Value[];
  output: Value;
  trips: number;
  steps: number;
  stat: StaticFeatures;
  raw: number;
}

/** A program with all its inputs and evaluated outputs, measured; not yet rendered or validated. */
export interface Candidate {
  built: Built;
  args: Value[][];
  /** The inputs in wire form, pairwise distinct. */
  inputs: string[];
  outputs: Value[];
  /** The outputs in wire form (Python literals). */
  outputLiterals: string[];
  features: Features;
  difficulty: number;
}

/** The raw score of a run of a program with `params` parameters on `drawn` (arguments beyond them dropped). */
function rawOf(stat: StaticFeatures, r: Run, drawn: readonly Value[], params: number): number {
  return scoreOf(stat, r.trips, inputSize(drawn, params));
}

/** A probe from a run of f on `drawn` (arguments beyond f's parameters dropped) whose raw score is `raw`. */
export function probeOf(built: Built, argTypes: readonly InputTy[], size: number, drawn: readonly Value[], stat: StaticFeatures, r: Run, raw: number): Probe {
  const n = built.program.params.length;
  return { built, argTypes, size, args: drawn.slice(0, n), output: r.value, trips: r.trips, steps: r.steps, stat, raw };
}

/** Runs f on `drawn` and measures it, or null when the evaluator rejects it; `stat` when already known. */
export function probe(
  built: Built,
  argTypes: readonly InputTy[],
  size: number,
  drawn: readonly Value[],
  stat: StaticFeatures = staticFeatures(built.program),
): Probe | null {
  try {
    const n = built.program.params.length;
    // run reads only the first n arguments: no need to copy them off.
    const r = run(built.program, drawn);
    return probeOf(built, argTypes, size, drawn, stat, r, rawOf(stat, r, drawn, n));
  } catch (e) {
    if (e instanceof Rejected) return null;
    throw e;
  }
}

/** Extra inputs of a several-pair mode that may all give the first output before the program counts as constant. */
const CONTRAST_TRIES = 3;

/** The largest share of a task's pairs that one output covers (what a constant answer would pass). */
function largestShare(literals: readonly string[]): number {
  const counts = new Map<string, number>();
  let most = 0;
  for (const l of literals) {
    const c = (counts.get(l) ?? 0) + 1;
    counts.set(l, c);
    most = Math.max(most, c);
  }
  return most / literals.length;
}

/**
 * Completes a probe into a candidate: a mode with several pairs (induction) draws further distinct inputs.
 * Dynamic features (trips, steps, input size) are means over the task's calls, so such a task is measured like
 * one of its examples. Null when the evaluator rejects an extra input, distinct inputs run out, the
 * mode's quality screen drops the probe (a shortcut answer, a broad preimage, an output that ignores the
 * input: lib/generator/quality), the first CONTRAST_TRIES extra inputs all give the first output (a
 * constant program, dropped before all its inputs are run), or the completed pairs have a shortcut answer.
 */
export function complete(mode: Mode, p: Probe, rng: Rng, opts: GenerateOptions = AZR_PAIRS): Candidate | null {
  const def = modeDef(mode);
  const want = def.pairs(opts);
  const spread = def.quality.screen === undefined ? undefined : def.quality.screen(p, rng, opts);
  if (spread === null) return null;
  const n = p.built.program.params.length;
  const args: Value[][] = [p.args];
  const inputs: string[] = [pyArgs(p.args)];
  const outputs: Value[] = [p.output];
  let trips = p.trips;
  let steps = p.steps;
  let elems = inputSize(p.args);
  let varied = false;
  for (let tries = 0; args.length < want && tries < want * 3; tries++) {
    const drawn = randomArgs(p.argTypes, rng, p.size);
    // The arguments are kept and rendered: drop any beyond f's parameters (a fresh array, so no copy otherwise).
    const a = drawn.length > n ? drawn.slice(0, n) : drawn;
    const wire = pyArgs(a);
    if (inputs.includes(wire)) continue;
    try {
      const r = run(p.built.program, a);
      varied ||= !sameRepr(r.value, p.output);
      outputs.push(r.value);
      trips += r.trips;
      steps += r.steps;
    } catch (e) {
      if (e instanceof Rejected) return null;
      throw e;
    }
    args.push(a);
    inputs.push(wire);
    elems += inputSize(a);
    // Several pairs need outputs that vary (lib/modes/induction.ts says why); checking here lets the search go on.
    if (!varied && args.length > CONTRAST_TRIES) return null;
  }
  if (args.length < want) return null;
  if (def.quality.shortcut?.(args, outputs, opts) === true) return null;
  const literals = outputs.map((o) => pyRepr(o));
  const features: Features = {
    ops: p.stat.ops,
    depth: p.stat.depth,
    loop_trips: Math.round(trips / want),
    input_size: Math.round(elems / want),
    branches: p.stat.branches,
    steps: Math.round(steps / want),
    families: familyNames(p.built.families),
    // A single-pair mode measures these over its screen's sample, a several-pair mode over its own pairs.
    preimage_share: round3(spread === undefined ? largestShare(literals) : spread.preimageShare),
    output_entropy: round3(spread === undefined ? entropyOf(literals) : spread.entropy),
  };
  return { built: p.built, args, inputs, outputs, outputLiterals: literals, features, difficulty: difficultyOf(rawScore(features)) };
}
