import { describe, expect, it } from 'vitest';
import { MAX_LISTED_ISSUES } from '../../lib/schema/index.js';
import { postJson, testApp } from '../support/app.js';

const MIB = 1024 * 1024;
/** A 400's ceiling whatever the body: the listed issues, each path cut short, and the envelope. */
const ANSWER_CAP_BYTES = 8 * 1024;

const unknownKeys = (count: number, keyLength = 4) =>
  JSON.stringify(Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${String(i).padStart(keyLength, '0')}`, 1])));

async function invalid(body: string, bodyLimit = 65_536) {
  const res = await testApp({}, bodyLimit).request('/plan', postJson(body));
  const text = await res.text();
  return { status: res.status, bytes: Buffer.byteLength(text), answer: JSON.parse(text) as { error: string; issues: { path: string; message: string }[]; issue_count: number } };
}

describe('bounded errors: a 400 lists the first issues and counts the rest', () => {
  it('6,500 unknown keys (a 54 KB body): the first issues by name, the full count, a small answer', async () => {
    const body = unknownKeys(6_500);
    expect(body.length).toBeGreaterThan(50_000);
    const { status, bytes, answer } = await invalid(body);
    expect(status).toBe(400);
    expect(answer.error).toBe('invalid_state');
    expect(answer.issue_count).toBe(6_500);
    expect(answer.issues).toHaveLength(MAX_LISTED_ISSUES);
    expect(answer.issues[0]).toEqual({ path: 'k0000', message: 'unknown field' });
    expect(bytes).toBeLessThan(ANSWER_CAP_BYTES);
  });

  it('a 1 MiB body of unknown keys (the production body limit): still a small answer', async () => {
    const body = unknownKeys(80_000, 6);
    expect(body.length).toBeGreaterThan(MIB * 0.9);
    expect(body.length).toBeLessThan(MIB);
    const { status, bytes, answer } = await invalid(body, MIB);
    expect(status).toBe(400);
    expect(answer.issue_count).toBe(80_000);
    expect(bytes).toBeLessThan(ANSWER_CAP_BYTES);
  });

  it('keys and values of 60 KB each: paths are cut short, the answer stays small', async () => {
    const long = 'x'.repeat(60_000);
    const body = JSON.stringify({ [long]: 1, [`${long}y`]: 2, seed: long, max_tasks: long, performance: { [long]: long } });
    const { status, bytes, answer } = await invalid(body, MIB);
    expect(status).toBe(400);
    expect(answer.issue_count).toBe(5);
    expect(answer.issues.every((i) => i.path.length <= 200)).toBe(true);
    expect(bytes).toBeLessThan(ANSWER_CAP_BYTES);
  });

  it('few issues: every one listed, the count equal to the list', async () => {
    const { status, answer } = await invalid(JSON.stringify({ alpha_free: 'x', beta_fre: 1 }));
    expect(status).toBe(400);
    expect(answer.issue_count).toBe(2);
    expect(answer.issues.map((i) => i.path).sort()).toEqual(['alpha_free', 'beta_fre']);
  });
});
