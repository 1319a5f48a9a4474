import type { Rng } from '../random/rng.js';
import { MODES, modeDef } from '../modes/index.js';
import type { GeneratedTask, Mode } from '../schema/task.js';
import { GeneratorInputError } from './errors.js';
import type { GenerateOptions } from './options.js';
import { AZR_PAIRS } from './options.js';
import { assemble } from './tasks/assemble.js';
import { describeTask } from './tasks/message.js';
import { searchCandidate } from './tasks/search.js';
import { validate } from './validate.js';

export { GeneratorInputError } from './errors.js';
export { FAMILIES } from './families/family.js';
export type { GenerateOptions } from './options.js';
export { AZR_PAIRS } from './options.js';

/** Candidate searches per request before giving up; in practice the first one almost always succeeds. */
const MAX_ROUNDS = 50;

function checkRequest(mode: unknown, difficulty: unknown): asserts mode is Mode {
  if (typeof mode !== 'string' || !(MODES as readonly string[]).includes(mode)) {
    throw new GeneratorInputError('mode', `unknown mode ${JSON.stringify(mode)}; expected one of ${MODES.join(', ')}`);
  }
  if (typeof difficulty !== 'number' || Number.isNaN(difficulty)) {
    throw new GeneratorInputError('difficulty', `must be a number in [0, 1], got ${String(difficulty)}`);
  }
  if (difficulty < 0 || difficulty > 1) throw new GeneratorInputError('difficulty', `must be in [0, 1], got ${difficulty}`);
}

/**
 * One verified AZR task of `mode` near the requested difficulty. Pure: all randomness comes from
 * `rng`, so the same seed gives a byte-identical task.
 */
export function generate<M extends Mode>(mode: M, difficulty: number, rng: Rng, opts: GenerateOptions = AZR_PAIRS): GeneratedTask {
  checkRequest(mode, difficulty);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const c = searchCandidate(mode, difficulty, rng, opts);
    if (c === null) continue;
    const body = assemble(mode, c, opts);
    if (validate(c, body) !== null) continue;
    modeDef(mode).quality.keep?.(c, opts);
    const payloadChars = modeDef(mode).promptChars(body);
    return {
      ...body,
      difficulty: Math.round(c.difficulty * 1e4) / 1e4,
      features: c.features,
      // Solve cost grows with reading (prompt length) and with reasoning (difficulty); ~1 for a typical task.
      weight: Math.round((0.5 + c.difficulty) * (0.75 + payloadChars / 800) * 1000) / 1000,
      description: describeTask(mode, c.features.families, c.features.depth),
    };
  }
  throw new Error(`generator found no valid ${mode} task in ${MAX_ROUNDS} rounds`);
}
