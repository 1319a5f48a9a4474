import type { Rng } from '../random/rng.js';
import type { InputTy, Value } from './ast/types.js';
import { LETTERS } from './families/exprs.js';

/** Random letters from the first `alphabet` of a..j: small alphabets make repeats, so counts and splits say something. */
function word(rng: Rng, len: number, alphabet: number): string {
  let s = '';
  for (let i = 0; i < len; i++) s += LETTERS[rng.int(0, alphabet - 1)];
  return s;
}

/** A random argument of type `ty`; lengths and magnitudes grow with `size` in [0, 1]. */
function randomValue(ty: InputTy, rng: Rng, size: number, isK: boolean): Value {
  switch (ty) {
    case 'int':
      return isK ? rng.int(1, 9) : rng.int(-10 - Math.round(40 * size), 20 + Math.round(200 * size));
    case 'str':
      return word(rng, rng.int(2, 4 + Math.round(8 * size)), rng.int(3, 5 + Math.round(5 * size)));
    case 'list_int': {
      const n = rng.int(size < 0.3 ? 1 : 2, 3 + Math.round(7 * size));
      const hi = 9 + Math.round(30 * size);
      const out: number[] = [];
      for (let i = 0; i < n; i++) out.push(rng.int(-5, hi));
      return out;
    }
    case 'list_str': {
      const n = rng.int(2, 3 + Math.round(4 * size));
      const out: string[] = [];
      for (let i = 0; i < n; i++) out.push(word(rng, rng.int(1, 2 + Math.round(4 * size)), 5));
      return out;
    }
  }
}

/** Random arguments for a signature; the second argument, when there is one, is the small int k. */
export function randomArgs(types: readonly InputTy[], rng: Rng, size: number): Value[] {
  const out: Value[] = [];
  for (let i = 0; i < types.length; i++) out.push(randomValue(types[i] as InputTy, rng, Math.min(1, size), i > 0));
  return out;
}

/** Elements or characters in the first `count` arguments: the input_size feature. */
export function inputSize(args: readonly Value[], count = args.length): number {
  let n = 0;
  for (let i = 0; i < count; i++) {
    const a = args[i] as Value;
    if (typeof a === 'string') n += a.length;
    else if (Array.isArray(a)) for (const x of a) n += typeof x === 'string' ? Math.max(1, x.length) : 1;
    else if (a instanceof Map) n += a.size;
    else n += 1;
  }
  return n;
}
