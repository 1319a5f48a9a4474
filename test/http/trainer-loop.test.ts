import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { serve } from '@hono/node-server';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { HistoryStepSchema } from '../../lib/schema/state.js';
import { testApp } from '../support/app.js';
import { freePort } from '../../fixtures/free-port.js';

/** The README's trainer loop, as a user would copy it. */
function readmeLoop(): string {
  const readme = readFileSync('README.md', 'utf8');
  const block = /<!-- trainer-loop:start -->\n```python\n([\s\S]*?)```\n<!-- trainer-loop:end -->/.exec(readme);
  if (!block?.[1]) throw new Error('README.md lacks the trainer loop between its markers');
  return block[1];
}

/** What the README leaves to the user: the step count and a trainer (here a Rasch learner with 8 rollouts per task). */
const PRELUDE = `
import math, random
STEPS = 12
rng = random.Random(1)
ability = {"deduction": 0.4, "abduction": 0.3, "induction": 0.2}
def train_on(task, rollouts):
    p = 1 / (1 + math.exp(-4 * (ability[task["mode"]] - task["difficulty"])))
    ability[task["mode"]] += 0.004 * p * (1 - p)
    return sum(rng.random() < p for _ in range(rollouts))
`;

describe('the README trainer loop', { timeout: 60_000 }, () => {
  it('runs in real python3 against the real server over HTTP, and its history is what the planner accepts', async () => {
    const port = await freePort();
    const server = serve({ fetch: testApp().fetch, port, hostname: '127.0.0.1' });
    try {
      const script = `${PRELUDE}\n${readmeLoop()}\nprint(json.dumps(history))\n`;
      const { stdout } = await promisify(execFile)('python3', ['-c', script], {
        env: { ...process.env, PLANNER_URL: `http://127.0.0.1:${port}` },
        timeout: 50_000,
      });
      const history = z.record(z.string(), z.array(HistoryStepSchema)).parse(JSON.parse(stdout));
      expect(Object.keys(history).sort()).toEqual(['abduction', 'deduction', 'induction']);
      for (const steps of Object.values(history)) {
        expect(steps).toHaveLength(12);
        expect(steps.every((s) => [0.35, 0.5, 0.65, 0.8, 0.9].includes(s.target_success))).toBe(true);
      }
    } finally {
      server.close();
    }
  });
});
