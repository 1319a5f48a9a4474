import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PlanSchema } from '../../lib/schema/plan.js';
import { HISTORY_LIMIT, PlannerStateSchema } from '../../lib/schema/state.js';
import { postJson, testApp } from '../support/app.js';

const app = testApp();
const step = { difficulty: 0.4, success_rate: 0.5, rollouts: 64, tasks: 8, target_success: 0.5 };

async function issues(body: unknown): Promise<{ status: number; paths: string[]; messages: string[] }> {
  const res = await app.request('/plan', postJson(JSON.stringify(body)));
  const json = (await res.json()) as { issues?: { path: string; message: string }[] };
  return { status: res.status, paths: (json.issues ?? []).map((i) => i.path), messages: (json.issues ?? []).map((i) => i.message) };
}

describe('POST /plan with history', () => {
  it('plans from history alone and echoes each mode\'s target, which the trainer sends back next step', async () => {
    const history = Array.from({ length: 10 }, (_, i) => ({ ...step, difficulty: 0.3 + 0.01 * i }));
    const res = await app.request('/plan', postJson(JSON.stringify({ performance: { induction: { history } }, seed: 3 })));
    expect(res.status).toBe(200);
    const plan = PlanSchema.parse(await res.json());
    const induction = plan.modes.find((m) => m.mode === 'induction')!;
    expect([0.35, 0.5, 0.65, 0.8, 0.9]).toContain(induction.target_success);
    expect(plan.rationale.join('\n')).toMatch(/induction: .*trajectory over 10 steps/);
  });

  it('plans the bundled example with history', async () => {
    const example = PlannerStateSchema.parse(JSON.parse(readFileSync('examples/state-history.json', 'utf8')));
    const res = await app.request('/plan', postJson(JSON.stringify({ ...example, seed: 1 })));
    expect(res.status).toBe(200);
    const plan = PlanSchema.parse(await res.json());
    expect(plan.rationale.join('\n')).toMatch(/induction: .*trajectory over 12 steps/);
  });

  it('names the field of every bad history value with 400', async () => {
    const bad = await issues({
      performance: {
        induction: { history: [step, { ...step, success_rate: 1.5 }, { ...step, rollouts: -1 }, { ...step, tasks: 2.5 }, { ...step, extra: 1 }] },
        deduction: { history: [{ ...step, difficulty: 'easy' }, { ...step, target_success: -0.1 }] },
        abduction: { last_outcomes: [{ difficulty: 0.5, successes: 9, trials: 8 }] },
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.paths.sort()).toEqual(
      [
        'performance.abduction.last_outcomes.0.successes',
        'performance.deduction.history.0.difficulty',
        'performance.deduction.history.1.target_success',
        'performance.induction.history.1.success_rate',
        'performance.induction.history.2.rollouts',
        'performance.induction.history.3.tasks',
        'performance.induction.history.4.extra',
      ].sort(),
    );
  });

  it('rejects a history longer than the window limit, naming it', async () => {
    const long = await issues({ performance: { abduction: { history: Array.from({ length: HISTORY_LIMIT + 1 }, () => step) } } });
    expect(long.status).toBe(400);
    expect(long.paths).toEqual(['performance.abduction.history']);
    expect(long.messages[0]).toMatch(String(HISTORY_LIMIT));
  });

  it('no longer takes ability gains: progress is an unknown field', async () => {
    const old = await issues({ performance: { induction: { progress: [{ target_success: 0.5, ability_gain: 0.01 }] } } });
    expect(old).toMatchObject({ status: 400, paths: ['performance.induction.progress'] });
  });
});
