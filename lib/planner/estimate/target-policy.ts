import type { Tunables } from '../../config/tunables.js';
import type { HistoryStep } from '../../schema/state.js';
import type { Mode } from '../../modes/index.js';
import { fitTrajectory, type TrajectoryFit } from './trajectory.js';

/**
 * Target-success values compared (the default is added): from 0.35 for learners that learn most from hard tasks
 * to 0.9, 0.15 apart so a step between neighbours changes the gain enough to be measured.
 */
const GRID = [0.35, 0.5, 0.65, 0.8, 0.9] as const;
/** Steps a target is held before it is judged: progress shows only as the ability trajectory bends, over steps. */
export const BLOCK = 16;
/** A target replaces the reference only when its gain is higher by this many standard errors. */
const EVIDENCE_Z = 1.5;
/** The neighbour above the best target is probed when the gain curve puts it ahead by this many standard errors. */
const PROMISING_Z = 1;
/**
 * Below the best target is probed only once upward is behind by this many standard errors: a probe below 0.5
 * costs the many learners whose best rate is at or above it the most, and a learner best at a low rate shows it
 * strongly.
 */
const DOWNWARD_Z = 2.5;
/** Blocks after which a neighbour that still only looks better stops being probed. */
const MAX_PROBE_BLOCKS = 2;

export interface ModeEvidence {
  mode: Mode;
  /** The mode's history in the window, oldest first. */
  history: readonly HistoryStep[];
  /** Its trajectory over the window, when any step had rollouts. */
  fit: TrajectoryFit | undefined;
  /** Every step the state carried (the window and any older steps), oldest first: the policy's past is replayed on it. */
  sent: readonly HistoryStep[];
}

export interface TargetChoice {
  target: number;
  reason: string;
}

function targetGrid(t: Tunables): number[] {
  return [...GRID.filter((g) => Math.abs(g - t.targetSuccess) >= 0.05), t.targetSuccess].sort((a, b) => a - b);
}

const binOf =
  (grid: readonly number[]) =>
  (target: number): number =>
    grid.reduce((best, g) => (Math.abs(g - target) < Math.abs(best - target) ? g : best), grid[0]!);

interface Pooled {
  mean: number;
  se: number;
}

/** Gain contrast a − b pooled over modes by inverse variance (the best target is taken to be the learner's, shared by its modes). */
function pooledContrast(evidence: readonly ModeEvidence[], a: number, b: number): Pooled | undefined {
  let weight = 0;
  let sum = 0;
  for (const e of evidence) {
    const c = e.fit?.contrast(a, b);
    if (!c || !(c.variance > 0) || !Number.isFinite(c.mean)) continue;
    weight += 1 / c.variance;
    sum += c.mean / c.variance;
  }
  return weight > 0 ? { mean: sum / weight, se: Math.sqrt(1 / weight) } : undefined;
}

/** Trailing steps over which every mode kept the target it has now (modes aligned on their last step). */
function heldFor(evidence: readonly ModeEvidence[], bin: (t: number) => number): number {
  const longest = Math.max(...evidence.map((e) => e.history.length));
  for (let k = 2; k <= longest; k++) {
    const changed = evidence.some((e) => {
      const n = e.history.length;
      return n >= k && bin(e.history[n - k]!.target_success) !== bin(e.history[n - 1]!.target_success);
    });
    if (changed) return k - 1;
  }
  return longest;
}

/** The target most modes hold at step k from the end; a tie goes to the one nearest the default. */
function majorityAt(evidence: readonly ModeEvidence[], k: number, bin: (t: number) => number, fallback: number): number {
  const counts = new Map<number, number>();
  for (const e of evidence) {
    const h = e.history[e.history.length - k];
    if (h) counts.set(bin(h.target_success), (counts.get(bin(h.target_success)) ?? 0) + 1);
  }
  let best = fallback;
  let most = 0;
  for (const [b, c] of counts) {
    if (c > most || (c === most && Math.abs(b - fallback) < Math.abs(best - fallback))) [best, most] = [b, c];
  }
  return best;
}

const fmt = (x: number): string => x.toPrecision(2);

/** Steps, over every mode's window, whose echoed target falls in bin `b`. */
function stepsAt(seen: readonly ModeEvidence[], bin: (target: number) => number, b: number): number {
  return seen.reduce((s, e) => s + e.history.filter((h) => bin(h.target_success) === b).length, 0);
}

interface Judgement {
  /** The target the judgement keeps, and its gain over the status quo with that gain's z. */
  incumbent: { bin: number; gain: number; z: number };
  /** The status quo it was judged against. */
  reference: number;
  /** The neighbour probed for the next block, if any. */
  probe: number | undefined;
}

/**
 * One block-end judgement against the status quo: another tried target replaces it only when its gain is higher
 * by EVIDENCE_Z standard errors; then a neighbour of the one kept may be probed.
 */
function judge(seen: readonly ModeEvidence[], reference: number, t: Tunables): Judgement {
  const grid = targetGrid(t);
  const bin = binOf(grid);
  const modeSteps = (b: number) => stepsAt(seen, bin, b);
  let incumbent = { bin: reference, gain: 0, z: 0 };
  // Only targets that were tried are adopted: the curve ranks them, but is not trusted beyond the rates it saw.
  for (const b of grid.filter((g) => g !== reference && modeSteps(g) > 0)) {
    const c = pooledContrast(seen, b, reference);
    if (c && c.se > 0 && c.mean / c.se >= EVIDENCE_Z && c.mean > incumbent.gain) incumbent = { bin: b, gain: c.mean, z: c.mean / c.se };
  }
  const i = grid.indexOf(incumbent.bin);
  const [up, down] = [grid[i + 1], grid[i - 1]];
  const versus = (b: number | undefined) => (b === undefined ? undefined : pooledContrast(seen, b, incumbent.bin));
  const blocks = (b: number) => modeSteps(b) / (BLOCK * seen.length);
  const zOf = (b: number | undefined) => ((c) => (c && c.se > 0 ? c.mean / c.se : 0))(versus(b));
  // The one look taken without evidence is the first, upward from the default. After it the curve says which way
  // a better target lies: upward is probed when it is ahead by PROMISING_Z; downward when the curve falls upward
  // by DOWNWARD_Z and rises below (extrapolated across the incumbent, a curve seen only above is too uncertain
  // below for a z there to reach a bar: a learner best at 1/3 waited a block longer for it).
  const open = (b: number | undefined): b is number => b !== undefined && blocks(b) < MAX_PROBE_BLOCKS;
  const firstLook = up !== undefined && grid.every((g) => g === bin(t.targetSuccess) || modeSteps(g) === 0);
  const upward = open(up) && zOf(up) >= PROMISING_Z;
  const downward = open(down) && zOf(down) > 0 && (up === undefined || zOf(up) <= -DOWNWARD_Z);
  return { incumbent, reference, probe: firstLook || upward ? up : downward ? down : undefined };
}

/**
 * The status quo a judgement starts from: what the previous judgement kept (never what it only probed), found by
 * replaying the policy on the history as it stood a block earlier, with the window it had then, and so on back to
 * the oldest step sent, where `base` stands in. The history echoes each step's target but not why it was set;
 * the replay recovers that, so an adopted target stays adopted when a window holds no contrast that beats it (its
 * own steps and the default's, say), instead of falling back to the default. A replay is exact when the state
 * carries a window's worth of steps before the judgement replayed; with fewer it sees a shorter window.
 */
function statusQuo(seen: readonly ModeEvidence[], t: Tunables, base: number, back = 1): number {
  const earlier = seen
    .map((e) => ({ mode: e.mode, sent: e.sent, history: e.sent.slice(0, Math.max(0, e.sent.length - back * BLOCK)).slice(-t.historyWindow) }))
    .filter((e) => e.history.length > 0)
    .map((e) => ({ ...e, fit: fitTrajectory(e.history, { slope: t.raschSlope, reference: t.targetSuccess }) }));
  if (earlier.length === 0) return base;
  return judge(earlier, statusQuo(seen, t, base, back + 1), t).incumbent.bin;
}

/**
 * Chooses each mode's target success from the modes' histories. Targets are held over blocks of steps; at each
 * block's end the gain curves, pooled over modes, decide. Another tried target replaces the status quo (the default
 * at first, then what the last judgement kept) only when its gain is higher by EVIDENCE_Z standard errors, so
 * noise alone keeps it. The first look beyond the default is one block upward; after it, a neighbour of the best
 * target is probed only where the curve rises toward it. Every mode probes together: a probe by one mode at a time costs less per step but needs three times
 * the steps to show the same difference.
 */
export function chooseTargets(evidence: readonly ModeEvidence[], modes: readonly Mode[], t: Tunables): Map<Mode, TargetChoice> {
  const all = (choice: TargetChoice) => new Map(modes.map((m) => [m, choice]));
  if (!t.adaptiveTarget) return all({ target: t.targetSuccess, reason: `target success ${t.targetSuccess} (adaptation off)` });
  const grid = targetGrid(t);
  const bin = binOf(grid);
  const seen = evidence.filter((e) => e.history.length > 0 && modes.includes(e.mode));
  if (seen.length === 0) return all({ target: t.targetSuccess, reason: `default target success ${t.targetSuccess} (no history yet)` });

  const held = heldFor(seen, bin);
  // Judged once per block, not at every step after one: each look at noisy evidence is a chance to be fooled.
  if (held % BLOCK !== 0) {
    const lastOf = (m: Mode) => seen.find((e) => e.mode === m)?.history.at(-1)?.target_success;
    return new Map(
      modes.map((m) => {
        // A mode with no history yet follows what most modes hold.
        const target = bin(lastOf(m) ?? majorityAt(seen, 1, bin, bin(t.targetSuccess)));
        return [m, { target, reason: `holding target success ${target} (${held % BLOCK} of ${BLOCK} steps before it is judged)` }];
      }),
    );
  }

  // Before the oldest step sent: the default while it has steps in the window, else what most modes hold now.
  const base = stepsAt(seen, bin, bin(t.targetSuccess)) > 0 ? bin(t.targetSuccess) : majorityAt(seen, 1, bin, bin(t.targetSuccess));
  const { incumbent, probe, reference } = judge(seen, statusQuo(seen, t, base), t);
  const why =
    incumbent.bin === reference
      ? `target success ${reference} kept (no other target's gain beats it by ${EVIDENCE_Z} SE)`
      : `target success ${incumbent.bin}: gain ${fmt(incumbent.gain)} per task above ${reference} (z ${incumbent.z.toFixed(1)})`;
  if (probe === undefined) return all({ target: incumbent.bin, reason: why });
  return all({ target: probe, reason: `probing target success ${probe} for ${BLOCK} steps beside ${incumbent.bin} (${why})` });
}
