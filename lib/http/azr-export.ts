import type { Plan } from '../schema/plan.js';
import { AZR_MIN_RECORDS, azrSeeds, jsonLines } from '../export/index.js';

/** `POST /plan?format=…`: the plan itself, or one of AZR's two seed files (AZR-INTEROP.md) as JSON Lines. */
export const PLAN_FORMATS = ['json', 'azr_io', 'azr_code_f'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

export const isPlanFormat = (f: string): f is PlanFormat => (PLAN_FORMATS as readonly string[]).includes(f);

/**
 * The seed records of a plan as a JSON Lines body. A body shorter than AZR's 64-line minimum is still
 * returned (a caller may join several plans) and says so in the `azr-seed-warning` header.
 */
export function azrSeedResponse(planJson: string, format: Exclude<PlanFormat, 'json'>): { body: string; headers: Record<string, string> } {
  const seeds = azrSeeds((JSON.parse(planJson) as Plan).tasks);
  const records = format === 'azr_io' ? seeds.io : seeds.codeF;
  const headers: Record<string, string> = { 'content-type': 'application/jsonl' };
  if (records.length < AZR_MIN_RECORDS) headers['azr-seed-warning'] = `${records.length} records; AZR requires at least ${AZR_MIN_RECORDS} lines in a seed file`;
  return { body: jsonLines(records), headers };
}
