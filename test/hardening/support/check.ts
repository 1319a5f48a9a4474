import { expect } from 'vitest';
import { DEFAULT_TUNABLES } from '../../../lib/config/index.js';
import { PlanSchema } from '../../../lib/schema/index.js';
import { PlannerStateSchema } from '../../../lib/schema/index.js';
import { testApp } from '../../support/app.js';
import { expectWithinAllocation } from '../../support/plan-invariants.js';
import type { Body } from './bodies.js';

export const BODY_LIMIT = 65_536;
const JSON_TYPE = /^application\/([a-z0-9.+-]*\+)?json(\s*;.*)?$/i;

type Verdict = { status: 200 | 400 | 413 | 415; error?: string };

/** What the contract (PLANNER.md §3) says the answer to a body must be, worked out independently of the app. */
function expected(body: Body): Verdict {
  if (!JSON_TYPE.test(body.contentType ?? '')) return { status: 415, error: 'unsupported_media_type' };
  if (Buffer.byteLength(body.text, 'utf8') > BODY_LIMIT) return { status: 413, error: 'payload_too_large' };
  let value: unknown;
  try {
    // Fetch's body.json() drops a leading byte-order mark; JSON.parse does not.
    value = JSON.parse(body.text.replace(/^\uFEFF/, ''));
  } catch {
    return { status: 400, error: 'invalid_json' };
  }
  return PlannerStateSchema.safeParse(value).success ? { status: 200 } : { status: 400, error: 'invalid_state' };
}

/**
 * Sends one body to the real app and holds the answer to the contract: the status the contract gives it (never
 * a 5xx), a JSON error naming the reason (each bad field by path for invalid states), and for every 200 a
 * plan that satisfies the plan schema and never asks for more than either pool's capacity or the step cap.
 */
export function createChecker() {
  const app = testApp({}, BODY_LIMIT);
  const tally = { 200: 0, 400: 0, 413: 0, 415: 0 };
  async function check(body: Body): Promise<void> {
    const headers: Record<string, string> = body.contentType === undefined ? {} : { 'content-type': body.contentType };
    const res = await app.request('/plan', { method: 'POST', headers, body: body.text });
    const want = expected(body);
    const answer = (await res.json()) as Record<string, unknown>;
    expect(res.status, `status for ${JSON.stringify(body).slice(0, 300)}`).toBe(want.status);
    tally[want.status] += 1;
    if (want.status !== 200) {
      expect(answer.error).toBe(want.error);
      if (want.error === 'invalid_state') {
        const issues = answer.issues as { path: unknown; message: unknown }[];
        expect(issues.length).toBeGreaterThan(0);
        for (const issue of issues) {
          expect(typeof issue.path).toBe('string');
          expect(typeof issue.message).toBe('string');
          expect(issue.message).not.toBe('');
        }
      } else expect(typeof answer.message).toBe('string');
      return;
    }
    const state = PlannerStateSchema.parse(JSON.parse(body.text.replace(/^\uFEFF/, '')));
    const plan = PlanSchema.parse(answer);
    expectWithinAllocation(plan, Math.min(DEFAULT_TUNABLES.maxTasks, state.max_tasks ?? DEFAULT_TUNABLES.maxTasks));
    if (plan.action === 'wait') expect(plan.tasks).toHaveLength(0);
  }
  return { check, tally };
}
