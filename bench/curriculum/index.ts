import { writeFileSync } from 'node:fs';
import { DEFAULT_TUNABLES } from '../../lib/config/index.js';
import { generate } from '../../lib/generator/index.js';
import type { TaskGenerator } from '../../lib/planner/index.js';
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
  plannerWith,
  uniformRandom,
  type Strategy,
} from './strategies.js';
import { lineChart } from './svg.js';

const SEEDS = Number(process.env.CURRICULUM_SEEDS ?? 40);
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

/**
 * Robustness check, no target: the gain fed back blurred by noise as large as a mode's whole gain in one step at
 * the peak (8 tasks at 0.001), i.e. a signal-to-noise ratio of 1 per step.
 */
const GAIN_NOISE = 0.008;

interface Tools {
  generate: TaskGenerator;
  realise: Realise;
  gainNoise?: number;
}

const runAll = (strategy: Strategy, family: Family, tools: Tools, name = strategy.name): StrategySummary =>
  summarise(
    name,
    Array.from({ length: SEEDS }, (_, seed) => simulate(strategy, family, { seed: 1000 + seed, horizon: HORIZON, ...tools })),
  );

export interface FamilyResult {
  family: string;
  strategies: StrategySummary[];
  /** Planner variants, not plotted, no target: blurred gain feedback, and the bandit switched off. */
  checks: StrategySummary[];
  ratios: { planner_vs_oracle: number; uniform_vs_planner: number; azr_vs_planner: number; adarft_vs_planner: number };
}

/** Every strategy on both learner families over the same seeds; the plot goes to `svgPath`. */
export function runCurriculum(generate: TaskGenerator, svgPath: string): FamilyResult[] {
  const tools = { generate, realise: createRealiser(generate) };
  const results = FAMILIES.map((family): FamilyResult => {
    const matching = oracle(family.bestP, `best p ${family.bestP}`);
    const fixed = [planner, matching, fixedDummy, uniformRandom, alwaysEasiest, alwaysHardest, azrRule].map((s) => runAll(s, family, tools));
    const adarft = ADARFT_ETAS.map((eta) => runAll(adaRft(eta), family, tools)).reduce((a, b) => (b.mean_steps < a.mean_steps ? b : a));
    const checks = [
      runAll(planner, family, { ...tools, gainNoise: GAIN_NOISE }, `planner, noisy gain feedback (SD ${GAIN_NOISE})`),
      runAll(plannerWith({ ...DEFAULT_TUNABLES, adaptiveTarget: false }), family, tools, 'planner, bandit off (target success 0.5)'),
    ];
    const strategies = [...fixed, adarft];
    const steps = (name: string) => strategies.find((s) => s.strategy === name)?.mean_steps ?? Number.NaN;
    const ours = steps(planner.name);
    return {
      family: family.name,
      strategies,
      checks,
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

/** Strategies down, families across: steps to the target and AUC, the table the README shows under the plot. */
function strategyTable(results: readonly FamilyResult[]): string {
  // Oracles and AdaRFT differ per family (best p, best eta): one row each, the variant named in the cell.
  const group = (name: string): string => name.replace(/ \((best p|eta) [\d.]+\)/, '');
  const variant = (name: string): string => / \(eta ([\d.]+)\)/.exec(name)?.[1] ?? '';
  const all = (r: FamilyResult) => [...r.strategies, ...r.checks];
  const names = [...new Set(results.flatMap((r) => all(r).map((s) => group(s.strategy))))];
  const head = `| strategy | ${results.map((r) => `${r.family}: steps | AUC`).join(' | ')} |`;
  const rule = `| --- | ${results.map(() => '--- | ---').join(' | ')} |`;
  const body = names.map((name) => {
    const cells = results.map((r) => {
      const s = all(r).find((x) => group(x.strategy) === name);
      if (!s) return ' | ';
      const eta = variant(s.strategy);
      return `${stepsText(s)}${eta ? ` (eta ${eta})` : ''} | ${s.auc}`;
    });
    return `| ${name} | ${cells.join(' | ')} |`;
  });
  return [
    `Curriculum, mean of ${SEEDS} seeds (steps until every mode reaches the target ability; AUC of the mean-ability curve over ${HORIZON} steps, 1 = at the target from the start):`,
    '',
    head,
    rule,
    ...body,
    '',
    '![mean ability over training steps per strategy](bench/results/curriculum.svg)',
  ].join('\n');
}

export async function run(): Promise<PartResult> {
  const results = runCurriculum(generate, 'bench/results/curriculum.svg');
  const rows: Row[] = [];
  for (const r of results) {
    const family = r.family.split(',')[0];
    const steps = (name: string) => r.strategies.find((s) => s.strategy.startsWith(name));
    const ours = steps('planner');
    const best = steps('oracle');
    if (ours && best) rows.push(info(`${family}: planner vs oracle, steps`, `${stepsText(ours)} vs ${stepsText(best)}`));
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
    families: results.map((r) => ({
      ...r,
      strategies: r.strategies.map(({ curve: _curve, ...rest }) => rest),
      checks: r.checks.map(({ curve: _curve, ...rest }) => rest),
    })),
  };
  return { figures, rows, details: strategyTable(results) };
}
