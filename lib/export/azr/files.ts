import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AzrSeeds } from './records.js';
import { AZR_MIN_RECORDS, jsonLines } from './records.js';

/** File names of the two seed files, for AZR's `azr.seed_dataset` and `azr.code_f_seed_dataset`. */
export const AZR_IO_FILE = 'azr_seed_io.jsonl';
export const AZR_CODE_F_FILE = 'azr_seed_code_f.jsonl';

/**
 * Writes each seed file that AZR would accept into `dir` and returns the paths written. A file with
 * fewer than AZR_MIN_RECORDS records is not written: AZR would refuse it at start-up.
 */
export async function writeAzrSeeds(seeds: AzrSeeds, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, records] of [[AZR_IO_FILE, seeds.io], [AZR_CODE_F_FILE, seeds.codeF]] as const) {
    if (records.length < AZR_MIN_RECORDS) continue;
    const path = join(dir, name);
    await writeFile(path, jsonLines(records));
    written.push(path);
  }
  return written;
}
