import { writeFileSync } from 'node:fs';
import { generate } from '../../lib/generator/index.js';
import type { TaskGenerator } from '../../lib/planner/plan.js';
import { check, fmt, info, type PartResult, type Row } from '../support/report.js';
import { FAMILIES, type Family } from './learner.js';
import { createRealiser, type Realise } from './realise.js';
import { simulate, type RunResult } from './simulate.js';
import {
  adaRft,
  alwaysEasiest,
  alwaysHardest,
  azrRule,
  fixedDummy,
  oracle,
  planner,
  uniformRandom,
  type Strategy,
} from './strategies.js';
import { lineChart } from './svg.js';

const SEEDS = Number(process.env.CURRICULUM_SEEDS ?? 20);
const HORIZON = 400;
/** AdaRFT's step size on our 0..1 difficulty scale is not given by the paper (0..100 there): its best is reported. */
const ADARFT_ETAS = [0.02, 0.05, 0.1, 0.25];

export interface StrategySummary {
  strategy: string;
  /** Mean over seeds of the steps to reach the target; a run that never got there counts as the horizon. */
  mean_steps: number;
  median_steps: number;
  /** Runs that did not reach the target within the horizon. */
  unfinished: number;
  /** Area under the mean-ability curve over the horizon: 1 = at the target from the first step. */
  auc: number;
  curve: number[];
}

const round = (x: number, digits = 3): number => Math.round(x * 10 ** digits) / 10 ** digits;

function summarise(name: string, runs: RunResult[]): StrategySummary {
  const steps = runs.map((r) => r.steps ?? HORIZON).sort((a, b) => a - b);
  const mid = Math.floor(steps.length / 2);
  const curve = Array.from({ length: HORIZON }, (_, i) => runs.reduce((s, r) => s + (r.curve[i] ?? 0), 0) / runs.length);
  return {
    strategy: name,
    mean_steps: round(steps.reduce((a, b) => a + b, 0) / steps.length, 1),
    median_steps: steps.length % 2 ? steps[mid]! : (steps[mid - 1]! + steps[mid]!) / 2,
    unfinished: runs.filter((r) => r.steps === undefined).length,
    auc: round(curve.reduce((a, b) => a + b, 0) / HORIZON),
    curve,
  };
}

const runAll = (strategy: Strategy, family: Family, generate: TaskGenerator, realise: Realise): StrategySummary =>
  summarise(
    strategy.name,
    Array.from({ length: SEEDS }, (_, seed) => simulate(strategy, family, { seed: 1000 + seed, horizon: HORIZON, generate, realise })),
  );

export interface FamilyResult {
  family: string;
  strategies: StrategySummary[];
  ratios: { planner_vs_oracle: number; uniform_vs_planner: number; azr_vs_planner: number; adarft_vs_planner: number };
}

/** Every strategy on both learner families over the same seeds; the plot goes to `svgPath`. */
export function runCurriculum(generate: TaskGenerator, svgPath: string): FamilyResult[] {
  const realise = createRealiser(generate);
  const results = FAMILIES.map((family): FamilyResult => {
    const matching = oracle(family.bestP, `best p ${family.bestP}`);
    const fixed = [planner, matching, fixedDummy, uniformRandom, alwaysEasiest, alwaysHardest, azrRule].map((s) =>
      runAll(s, family, generate, realise),
    );
    const adarft = ADARFT_ETAS.map((eta) => runAll(adaRft(eta), family, generate, realise)).reduce((a, b) => (b.mean_steps < a.mean_steps ? b : a));
    const strategies = [...fixed, adarft];
    const steps = (name: string) => strategies.find((s) => s.strategy === name)?.mean_steps ?? Number.NaN;
    const ours = steps(planner.name);
    return {
      family: family.name,
      strategies,
      ratios: {
        planner_vs_oracle: round(ours / steps(matching.name), 2),
        uniform_vs_planner: round(steps(uniformRandom.name) / ours, 2),
        azr_vs_planner: round(steps(azrRule.name) / ours, 2),
        adarft_vs_planner: round(adarft.mean_steps / ours, 2),
      },
    };
  });
  const panels = results.map((r) => ({
    title: `learner gain ${r.family}`,
    series: r.strategies.map((s) => ({ name: s.strategy.replace(/ \(best p [\d.]+\)/, '').replace(/ \(eta [\d.]+\)/, ''), points: s.curve })),
  }));
  writeFileSync(svgPath, lineChart(panels, `fraction of the way to target ability (mean of ${SEEDS} seeds)`));
  return results;
}

const stepsText = (s: StrategySummary): string =>
  `${s.unfinished === SEEDS ? `> ${HORIZON}` : fmt(s.mean_steps, 1)}${s.unfinished > 0 && s.unfinished < SEEDS ? ` (${s.unfinished} unfinished)` : ''}`;

export async function run(): Promise<PartResult> {
  const results = runCurriculum(generate, 'bench/results/curriculum.svg');
  const rows: Row[] = [];
  for (const r of results) {
    const family = r.family.split(',')[0];
    for (const s of r.strategies) rows.push(info(`${family}: ${s.strategy}`, `${stepsText(s)} steps, AUC ${s.auc}`));
    rows.push(
      check(`${family}: planner / oracle steps`, `${r.ratios.planner_vs_oracle}x`, '<= 1.15x', r.ratios.planner_vs_oracle <= 1.15),
      check(`${family}: uniform random / planner steps`, `${r.ratios.uniform_vs_planner}x`, '>= 2x', r.ratios.uniform_vs_planner >= 2),
      check(`${family}: AZR rule / planner steps`, `${r.ratios.azr_vs_planner}x`, '> 1x', r.ratios.azr_vs_planner > 1),
      check(`${family}: AdaRFT / planner steps`, `${r.ratios.adarft_vs_planner}x`, '> 1x', r.ratios.adarft_vs_planner > 1),
    );
  }
  const figures = {
    seeds: SEEDS,
    horizon: HORIZON,
    families: results.map((r) => ({ ...r, strategies: r.strategies.map(({ curve: _curve, ...rest }) => rest) })),
  };
  return { figures, rows };
}
