import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TABLE_END, TABLE_START, tunablesTable } from '../../lib/config/index.js';
import { DEFAULT_TUNABLES, envName, helmName, overlayTunables, ssmName, tunablesFromEnv, TunablesSchema } from '../../lib/config/index.js';
import { readBlock } from '../../scripts/marked-block.js';

describe('tunables', () => {
  it('derive one name in three spellings', () => {
    expect(envName('alphaTasksPerUnit')).toBe('ALPHA_TASKS_PER_UNIT');
    expect(ssmName('alphaTasksPerUnit')).toBe('alpha-tasks-per-unit');
    expect(helmName('alphaTasksPerUnit')).toBe('azrPlanner.alphaTasksPerUnit');
  });

  it('default to a set the schema accepts, every key present and every cross-field rule kept', () => {
    expect(TunablesSchema.parse(DEFAULT_TUNABLES)).toEqual(DEFAULT_TUNABLES);
    expect(TunablesSchema.safeParse({ ...DEFAULT_TUNABLES, minTasks: 100, maxTasks: 10 }).error?.issues).toEqual([
      expect.objectContaining({ path: ['minTasks'], message: 'minTasks must not exceed maxTasks' }),
    ]);
  });

  it('read from the environment over the defaults; a bad value is skipped and named', () => {
    const { tunables, applied, issues } = tunablesFromEnv({
      ALPHA_TASKS_PER_UNIT: '3.5',
      ENABLE_INDUCTION: 'false',
      RASCH_SLOPE: 'steep',
      MAX_TASKS: '-4',
      LOG_LEVEL: 'LOUD',
      UNRELATED: 'x',
    });
    expect(tunables.alphaTasksPerUnit).toBe(3.5);
    expect(tunables.enableInduction).toBe(false);
    expect(tunables.raschSlope).toBe(DEFAULT_TUNABLES.raschSlope);
    expect(tunables.maxTasks).toBe(DEFAULT_TUNABLES.maxTasks);
    expect(applied.sort()).toEqual(['alphaTasksPerUnit', 'enableInduction']);
    expect(issues.map((i) => i.key).sort()).toEqual(['logLevel', 'maxTasks', 'raschSlope']);
    expect(issues.find((i) => i.key === 'raschSlope')!.message).toBe('expected a number, got "steep"');
  });

  it('a value breaking a cross-field rule falls back, the rest of the layer stays', () => {
    const { tunables, issues } = overlayTunables(
      DEFAULT_TUNABLES,
      [
        ['lowFreeThreshold', '0.95'],
        ['betaTasksPerUnit', '4'],
      ],
      'ssm',
    );
    expect(tunables.lowFreeThreshold).toBe(DEFAULT_TUNABLES.lowFreeThreshold);
    expect(tunables.betaTasksPerUnit).toBe(4);
    expect(issues).toEqual([{ key: 'lowFreeThreshold', source: 'ssm', message: 'lowFreeThreshold must not exceed highFreeThreshold' }]);
  });

  it('the README table is the one the code renders (npm run generate rewrites it)', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readBlock(readme, { start: TABLE_START, end: TABLE_END }, 'README.md')).toBe(tunablesTable());
  });
});
