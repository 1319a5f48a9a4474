import { describe, expect, it } from 'vitest';
import type { Stmt } from '../../lib/generator/ast/types.js';
import { Pipeline } from '../../lib/generator/compose.js';
import type { StaticFeatures } from '../../lib/generator/difficulty/static.js';
import { extendFeatures, staticFeatures } from '../../lib/generator/difficulty/static.js';
import { begin, finish, remember, resume, run } from '../../lib/generator/eval/evaluate.js';
import type { Run } from '../../lib/generator/eval/evaluate.js';
import { Rejected } from '../../lib/generator/eval/rejected.js';
import { randomArgs } from '../../lib/generator/inputs.js';
import { pyRepr } from '../../lib/generator/render/literal.js';
import { createRng } from '../../lib/random/index.js';

function outcome(fn: () => Run): string {
  try {
    const r = fn();
    return `${pyRepr(r.value)} steps=${r.steps} trips=${r.trips}`;
  } catch (e) {
    if (e instanceof Rejected) return `rejected: ${e.reason}`;
    throw e;
  }
}

describe('measuring a growing program stage by stage (as the search does) equals measuring it whole', () => {
  it('resuming a paused run (knowing the previous result, as the search does) gives exactly the value, steps and trips of a full run', () => {
    const rng = createRng(4);
    let compared = 0;
    for (let i = 0; i < 1500; i++) {
      const pipe = new Pipeline(rng, rng.next() < 0.4);
      const args = randomArgs(pipe.argTypes, rng, rng.next());
      let state = begin(pipe.argSlots, args, pipe.helpers);
      let executed = 0;
      for (let s = 0; s < 4 && pipe.canGrow(); s++) {
        pipe.add(rng.int(0, 3));
        const { program } = pipe.built();
        const body = program.body;
        const result = (body[body.length - 1] as Extract<Stmt, { k: 'return' }>).e;
        const full = outcome(() => run(program, args.slice(0, program.params.length)));
        let next = state;
        const resumed = outcome(() => {
          next = resume(state, body.slice(executed, -1));
          const r = finish(next, result);
          next = remember(next, result, r);
          return r;
        });
        expect(resumed).toBe(full);
        compared++;
        if (full.startsWith('rejected')) break;
        state = next;
        executed = body.length - 1;
      }
    }
    expect(compared).toBeGreaterThan(4000);
  });

  it('static features extended by each stage equal those of the whole program', () => {
    const rng = createRng(5);
    for (let i = 0; i < 1500; i++) {
      const pipe = new Pipeline(rng, rng.next() < 0.4);
      let prefix: StaticFeatures = { ops: 0, depth: 0, branches: 0 };
      let executed = 0;
      for (let s = 0; s < 4 && pipe.canGrow(); s++) {
        pipe.add(rng.int(0, 3));
        const { program } = pipe.built();
        const body = program.body;
        const added = body.slice(executed, -1);
        const result = (body[body.length - 1] as Extract<Stmt, { k: 'return' }>).e;
        expect(extendFeatures(prefix, added, result, pipe.helpers)).toEqual(staticFeatures(program));
        prefix = extendFeatures(prefix, added, null, pipe.helpers);
        executed = body.length - 1;
      }
    }
  });
});
