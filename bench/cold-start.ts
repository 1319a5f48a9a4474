import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { check, fmt, info, type PartResult } from './support/report.js';
import { REALISTIC_STATE } from '../fixtures/states.js';
import { lambdaBuildOptions } from '../scripts/bundle.js';
import { httpApiEvent } from '../fixtures/gateway-events.js';

/** Fresh processes per bundle; the median is reported (alternating runs, so drift hits both alike). */
const RUNS = Number(process.env.COLD_RUNS ?? 15);
/** Built exactly as the CDK stack builds the deployed functions; sizes of the entry module and of the whole upload. */
async function bundle(entry: string, outdir: string): Promise<{ file: string; entryBytes: number; totalBytes: number }> {
  await build({ ...lambdaBuildOptions(entry, outdir), logLevel: 'error' });
  const totalBytes = readdirSync(outdir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.mjs'))
    .reduce((sum, f) => sum + statSync(join(outdir, f)).size, 0);
  const file = join(outdir, 'index.mjs');
  return { file, entryBytes: statSync(file).size, totalBytes };
}

interface Probe {
  boot: number;
  init: number;
  first: number;
  status: number;
  body: number;
}

function probe(file: string, event: string): Probe {
  const out = spawnSync(process.execPath, [resolve('bench/support/cold-probe.mjs'), pathToFileURL(file).href, event], {
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'INFO' },
  });
  const line = out.stdout.split('\n').find((l) => l.startsWith('COLD '));
  if (out.status !== 0 || !line) throw new Error(`cold-start probe of ${file} failed: ${out.stderr}`);
  const result = JSON.parse(line.slice(5)) as Probe;
  if (result.status !== 200) throw new Error(`cold-start probe of ${file} answered ${result.status}`);
  return result;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const ms = (x: number): number => Math.round(x * 10) / 10;

function summary(probes: Probe[], bytes: { entryBytes: number; totalBytes: number }) {
  return {
    bundle_bytes: bytes.totalBytes,
    entry_module_bytes: bytes.entryBytes,
    node_boot_ms: ms(median(probes.map((p) => p.boot))),
    init_ms: ms(median(probes.map((p) => p.init))),
    first_plan_ms: ms(median(probes.map((p) => p.first))),
    init_plus_first_ms: ms(median(probes.map((p) => p.init + p.first))),
    process_total_ms: ms(median(probes.map((p) => p.boot + p.init + p.first))),
  };
}

export async function run(): Promise<PartResult> {
  const dir = mkdtempSync(join(tmpdir(), 'azr-cold-'));
  try {
    const plannerBuild = await bundle('functions/api.ts', join(dir, 'api'));
    const bareBuild = await bundle('bench/bare-lambda.ts', join(dir, 'bare'));
    const planner = plannerBuild.file;
    const bare = bareBuild.file;
    const event = JSON.stringify(httpApiEvent('POST', '/plan', JSON.stringify(REALISTIC_STATE)));
    const plannerRuns: Probe[] = [];
    const bareRuns: Probe[] = [];
    for (let i = 0; i < RUNS; i++) {
      plannerRuns.push(probe(planner, event));
      bareRuns.push(probe(bare, event));
    }
    const p = summary(plannerRuns, plannerBuild);
    const b = summary(bareRuns, bareBuild);
    const initRatio = Math.round((p.init_plus_first_ms / b.init_plus_first_ms) * 10) / 10;
    const processRatio = Math.round((p.process_total_ms / b.process_total_ms) * 100) / 100;
    const kb = (bytes: number) => `${fmt(bytes / 1024, 1)} KiB`;
    return {
      figures: { runs: RUNS, planner: p, bare: b, ratio_init_plus_first: initRatio, ratio_process_total: processRatio },
      rows: [
        info('upload size, planner / bare Hono', `${kb(p.bundle_bytes)} / ${kb(b.bundle_bytes)}`),
        info('entry module read at init, planner / bare Hono', `${kb(p.entry_module_bytes)} / ${kb(b.entry_module_bytes)}`),
        info('module init, planner / bare', `${p.init_ms} / ${b.init_ms} ms`),
        info('first POST /plan (16 tasks), planner / bare echo', `${p.first_plan_ms} / ${b.first_plan_ms} ms`),
        check('init + first /plan, planner / bare', `${p.init_plus_first_ms} / ${b.init_plus_first_ms} ms = ${initRatio}x`, '<= 3x', initRatio <= 3),
        check(
          'fresh process to first answer (node boot included), planner / bare',
          `${p.process_total_ms} / ${b.process_total_ms} ms = ${processRatio}x`,
          '<= 3x',
          processRatio <= 3,
        ),
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
