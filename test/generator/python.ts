import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GeneratedTask } from '../../lib/schema/index.js';
import { modeDef } from '../../lib/modes/index.js';

/** One program and the calls whose outputs the generator claims. */
export interface PyCheck {
  id: string;
  program: string;
  calls: { input: string; output: string }[];
}

export interface PyMismatch {
  id: string;
  program: string;
  input: string;
  claimed: string;
  python: string;
}

/**
 * Runs the python3 script `script` (a file next to this one) on `data` written to a JSON file named on
 * its command line, and parses the JSON it prints.
 */
export function pythonJson<T>(script: string, data: unknown): T {
  const dir = mkdtempSync(join(tmpdir(), 'azr-python-'));
  try {
    const file = join(dir, 'data.json');
    writeFileSync(file, JSON.stringify(data));
    const out = execFileSync('python3', [fileURLToPath(new URL(script, import.meta.url)), file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    return JSON.parse(out) as T;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs every check in one real python3 process (agree.py) and returns what CPython disagreed with. */
export function runInPython(checks: readonly PyCheck[]): { checked: number; mismatches: PyMismatch[] } {
  return pythonJson('./agree.py', checks);
}

/** What CPython must confirm for a task: every call it states (lib/modes: deduction's, abduction's answer, induction's pairs). */
export function checkOf(id: string, t: GeneratedTask): PyCheck {
  const mode = modeDef(t.mode);
  return { id, program: mode.program(t), calls: mode.calls(t) };
}

export function formatMismatches(ms: readonly PyMismatch[]): string {
  return ms
    .slice(0, 10)
    .map((m) => `--- ${m.id}\n${m.program}\n# f(${m.input}) claimed ${m.claimed}, python gave ${m.python}`)
    .join('\n');
}
