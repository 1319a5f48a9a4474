/**
 * Task generator throughput: validated tasks per second on one core, per mode and mixed, and the
 * time to generate a plan's worth of tasks (16, 256, 1,024). Run alone with
 * `node_modules/.bin/node --import tsx bench/generator.ts`, or as the `generator` part of `npm run bench`.
 * Rates are given against wall time and against this process's CPU time (which stays meaningful on a
 * shared, busy machine; it also counts the JIT and GC threads, so it errs on the slow side).
 */
import { pathToFileURL } from 'node:url';
import { generate } from '../lib/generator/index.js';
import { createRng } from '../lib/random/index.js';
import type { Mode } from '../lib/schema/index.js';
import { MODES } from '../lib/schema/index.js';

const TARGET_PER_SECOND = 50_000;

interface Timing {
  wallMs: number;
  cpuMs: number;
}

function timed(fn: () => void): Timing {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** n tasks, modes in turn (or one mode), difficulties uniform in [0, 1]. */
function batch(n: number, seed: number, mode?: Mode): () => void {
  return () => {
    const rng = createRng(seed);
    for (let i = 0; i < n; i++) generate(mode ?? (MODES[i % MODES.length] as Mode), rng.next(), rng);
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** Rates over `reps` batches of n tasks, each batch a different seed; the median batch is reported (the machine is shared). */
function rate(n: number, reps: number, mode?: Mode): { per_second_wall: number; per_second_cpu: number; us_per_task_cpu: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t = timed(batch(n, 10 + r, mode));
    wall.push(t.wallMs);
    cpu.push(t.cpuMs);
  }
  const cpuMs = median(cpu);
  return {
    per_second_wall: Math.round((n / median(wall)) * 1000),
    per_second_cpu: Math.round((n / cpuMs) * 1000),
    us_per_task_cpu: Math.round((cpuMs / n) * 1000 * 100) / 100,
  };
}

export async function run(): Promise<Record<string, unknown>> {
  batch(30_000, 1)(); // warm the JIT on every mode before measuring
  const n = 10_000;
  const perMode: Record<string, unknown> = {};
  for (const mode of MODES) perMode[mode] = rate(n, 5, mode);
  const mixed = rate(n, 5);
  const plans: Record<string, unknown> = {};
  for (const size of [16, 256, 1024]) {
    const reps = size === 16 ? 400 : size === 256 ? 40 : 15;
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let r = 0; r < reps; r++) {
      const t = timed(batch(size, 100 + r));
      wall.push(t.wallMs);
      cpu.push(t.cpuMs);
    }
    plans[`tasks_${size}`] = { median_ms_wall: Math.round(median(wall) * 1000) / 1000, median_ms_cpu: Math.round(median(cpu) * 1000) / 1000 };
  }
  return {
    target_tasks_per_second: TARGET_PER_SECOND,
    mixed,
    meets_target_mixed_cpu: mixed.per_second_cpu >= TARGET_PER_SECOND,
    per_mode: perMode,
    plan_generation: plans,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await run(), null, 2));
}
