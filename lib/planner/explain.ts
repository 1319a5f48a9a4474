import type { Tunables } from '../config/tunables.js';
import type { Mode } from '../modes/index.js';
import { POOLS, type Pool } from '../schema/pool.js';
import type { StepCapacity } from './capacity.js';
import { WAIT_PRIORITY } from './priority.js';
import type { ModeView } from './normalise.js';

/** What the plan decided for one mode, as the rationale tells it. */
export interface ModeDecision {
  mode: Mode;
  view: ModeView;
  success: number;
  ability: number;
  /** Rasch slope the ability was estimated with: the expected success of this mode's tasks uses it too. */
  slope: number;
  /** How the ability was estimated (latest rate, or the trajectory fitted to the history). */
  basis: string;
  target: number;
  /** Why this target success (the target policy's reason). */
  reason: string;
  targetDifficulty: number;
  count: number;
}

/** Every step's result the rationale reports, in the order the steps ran; later steps are absent on a wait. */
export interface Trace {
  capacity: StepCapacity;
  decisions: readonly ModeDecision[];
  mixed?: boolean;
  placement?: { placed: Record<Pool, number>; deferred: number };
  priority?: { value: number; idle: number; urgency: number };
  wait?: string;
}

const capacityLine = (c: StepCapacity, t: Tunables): string =>
  `capacity: ${POOLS.map((p) => `${p} ${c.pools[p]}`).join(', ')} tasks (headroom ${t.headroomFraction}); step of ${c.total} ` +
  `(cap ${c.maxTasks})`;

const modeLine = (d: ModeDecision): string =>
  `${d.mode}: success ${d.view.known ? d.view.successRate.toFixed(2) : 'unknown'} at difficulty ${d.view.difficulty.toFixed(2)} ` +
  `=> ability ${d.ability.toFixed(2)} (${d.basis}); ${d.reason} => target difficulty ${d.targetDifficulty.toFixed(2)}`;

function mixLine(decisions: readonly ModeDecision[], t: Tunables): string {
  const total = decisions.reduce((s, d) => s + d.count, 0);
  const weak = decisions.reduce((a, b) => (b.ability < a.ability ? b : a));
  return (
    `${weak.mode} is weakest (${weak.success.toFixed(2)} smoothed success): ${weak.count} of ${total} tasks; ` +
    `mix ${decisions.map((d) => `${d.mode} ${d.count}`).join(', ')} (floor ${t.diversityFloor} per mode)`
  );
}

function placementLine(p: NonNullable<Trace['placement']>): string {
  const [first, ...rest] = POOLS;
  return (
    `placement: ${p.placed[first]} heaviest on ${first}, ${rest.map((r) => `${p.placed[r]} on ${r}`).join(', ')}` +
    (p.deferred > 0 ? `, ${p.deferred} deferred` : '')
  );
}

/** The plan's rationale: one line per step that ran, in the order they ran. */
export function explain(trace: Trace, t: Tunables): string[] {
  const lines = [capacityLine(trace.capacity, t), ...trace.decisions.map(modeLine)];
  if (trace.mixed && trace.decisions.length > 1) lines.push(mixLine(trace.decisions, t));
  if (trace.placement) lines.push(placementLine(trace.placement));
  if (trace.priority) {
    const p = trace.priority;
    lines.push(`priority ${p.value}: headroom ${p.idle.toFixed(2)} (0 busy..1 idle), learning urgency ${p.urgency.toFixed(2)}`);
  }
  if (trace.wait !== undefined) lines.push(`wait: ${trace.wait}; retry in ${t.waitRetrySeconds}s (priority ${WAIT_PRIORITY})`);
  return lines;
}
