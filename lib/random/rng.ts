import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** The only source of randomness the planner and the generator see: seeded, so any plan replays exactly. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [lo, hi], both included. */
  int(lo: number, hi: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** A child stream seeded by one 32-bit draw, so sub-tasks stay reproducible whatever their siblings draw. */
  fork(): Rng;
}

const TWO_32 = 4294967296;

/**
 * pure-rand's uniformInt for a range of at most 2^32 values, draw for draw: the same rejection bound on
 * the same 32-bit outputs, so every seed gives the values it gave before. Its `deltaV % rangeSize`
 * works on a double (deltaV reaches 2^32), which V8 computes by calling into C; the generator draws
 * ~90 of these per task. The remainder here is d - size * floor(d / size), exact below 2^53.
 */
function below(gen: RandomGenerator, size: number): number {
  const max = size > 2 ? Math.floor(TWO_32 / size) * size : TWO_32;
  let d = gen.next() + 2147483648;
  while (d >= max) d = gen.next() + 2147483648;
  return d - size * Math.floor(d / size);
}

class PureRng implements Rng {
  constructor(private readonly gen: RandomGenerator) {}
  next(): number {
    return uniformFloat64(this.gen);
  }
  int(lo: number, hi: number): number {
    return hi - lo < TWO_32 ? below(this.gen, hi - lo + 1) + lo : uniformInt(this.gen, lo, hi);
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick: items must not be empty');
    return items[below(this.gen, items.length)] as T;
  }
  fork(): Rng {
    return createRng(this.int(0, 0x7fffffff));
  }
}

/** murmur3's finaliser: neighbouring seeds (1, 2, 3…) otherwise start xoroshiro in near-identical states. */
function mixSeed(seed: number): number {
  let h = (seed ^ 0x9e3779b9) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

export function createRng(seed: number): Rng {
  return rngFrom(xoroshiro128plus(mixSeed(seed)));
}

/** The Rng drawing from `gen` (which it advances). */
export function rngFrom(gen: RandomGenerator): Rng {
  return new PureRng(gen);
}

/** A fresh seed for requests that bring none; echoed in the plan so it can be replayed. */
export function freshSeed(random: () => number): number {
  return Math.floor(random() * 0x7fffffff);
}
