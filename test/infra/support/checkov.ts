import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const CHECKOV = resolve(import.meta.dirname, '../../../.tools/checkov-venv/bin/checkov');

export interface CheckovResult {
  check_id: string;
  /** e.g. `AWS::Lambda::Function.ApiFunction6BF808ED` or `Deployment.azr.planner-azr-planner`. */
  resource: string;
  file_path: string;
}

interface Report {
  results?: { passed_checks?: CheckovResult[]; failed_checks?: CheckovResult[] };
}

/**
 * checkov (scripts/tools/checkov.sh) on files of one framework, offline: --skip-download keeps it from calling
 * its vendor's API, which would otherwise only add links and severities.
 */
export async function checkov(framework: 'cloudformation' | 'kubernetes', files: readonly string[]) {
  if (!existsSync(CHECKOV)) throw new Error(`${CHECKOV} is missing: run \`bash scripts/tools/checkov.sh\` (npm test's pretest does)`);
  const args = ['--framework', framework, '--skip-download', '--output', 'json', ...files.flatMap((f) => ['--file', f])];
  const env = { ...process.env, BC_SKIP_MAPPING: 'TRUE' };
  // checkov exits 1 when a check fails; the report is on stdout either way.
  const { stdout } = await run(CHECKOV, args, { env, maxBuffer: 64 * 1024 * 1024, cwd: join(import.meta.dirname, '../../..') }).catch(
    (error: { stdout?: string; stderr?: string }) => {
      if (!error.stdout) throw new Error(`checkov failed: ${error.stderr}`);
      return { stdout: error.stdout };
    },
  );
  const parsed = JSON.parse(stdout) as Report | Report[];
  const reports = Array.isArray(parsed) ? parsed : [parsed];
  return {
    passed: reports.flatMap((r) => r.results?.passed_checks ?? []),
    failed: reports.flatMap((r) => r.results?.failed_checks ?? []),
  };
}
