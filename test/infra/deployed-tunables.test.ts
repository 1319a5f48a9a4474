import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TUNABLES,
  envName,
  isSsmTunable,
  ssmName,
  tunableKeys,
  tunablesFromEnv,
  overlayTunables,
} from '../../lib/config/index.js';
import type { TunableKey } from '../../lib/config/index.js';
import { functionEnvironment, resolveTunables, tunableParameters } from '../../infra/config/deployed-tunables.js';

describe('deployed tunables', () => {
  it('one SSM parameter per SSM tunable, named under the prefix, holding the default the app itself uses', () => {
    const tunables = resolveTunables({});
    const params = tunableParameters(tunables);
    const ssmKeys = tunableKeys().filter(isSsmTunable);
    expect(params.map((p) => p.key)).toEqual(ssmKeys);
    for (const p of params) {
      expect(p.name).toBe(`/osiris/azr-planner/${ssmName(p.key)}`);
      expect(p.value).toBe(String(DEFAULT_TUNABLES[p.key]));
      expect(p.description.length).toBeGreaterThan(0);
    }
    // Bootstrap settings are read before SSM and so never live there.
    expect(params.some((p) => p.key === 'ssmPrefix' || p.key === 'useSsm')).toBe(false);
  });

  it('parameter values read back through the app\'s own parser give the deployed tunables exactly', () => {
    const tunables = resolveTunables({ ssmPrefix: '/x/y/', maxTasks: 32, enableInduction: false, metricStat: 'p90' });
    const entries = tunableParameters(tunables).map((p): [TunableKey, string] => [p.key, p.value]);
    const readBack = overlayTunables(DEFAULT_TUNABLES, entries, 'ssm');
    expect(readBack.issues).toEqual([]);
    for (const [key] of entries) expect(readBack.tunables[key]).toEqual(tunables[key]);
    expect(tunableParameters(tunables).find((p) => p.key === 'maxTasks')!.name).toBe('/x/y/max-tasks');
  });

  it('the environment carries the prefix and the source switches, plus what IAM is scoped to', () => {
    const env = functionEnvironment(resolveTunables({ eventBusName: 'bus-1' }));
    expect(env).toEqual({
      USE_SSM: 'true',
      USE_CLOUDWATCH: 'true',
      SSM_PREFIX: '/osiris/azr-planner/',
      EVENT_BUS_NAME: 'bus-1',
      PLAN_METRICS_NAMESPACE: 'Osiris/AZRPlanner',
    });
    // The app, reading that environment alone, would read SSM at that prefix and write where IAM allows.
    const { tunables, issues } = tunablesFromEnv(env);
    expect(issues).toEqual([]);
    expect(tunables).toMatchObject({ useSsm: true, useCloudwatch: true, eventBusName: 'bus-1' });
  });

  it('bootstrap tunables reach the environment only when a stage changes them', () => {
    const env = functionEnvironment(resolveTunables({ awsTimeoutMs: 900, maxTasks: 10 }));
    expect(env[envName('awsTimeoutMs')]).toBe('900');
    expect(env[envName('maxTasks')]).toBeUndefined();
    expect(env[envName('awsMaxAttempts')]).toBeUndefined();
  });

  it('an empty string setting, which SSM cannot store, travels in the environment instead', () => {
    const tunables = resolveTunables({ computeNamespace: '' });
    expect(tunableParameters(tunables).some((p) => p.key === 'computeNamespace')).toBe(false);
    expect(functionEnvironment(tunables)[envName('computeNamespace')]).toBe('');
  });

  it('rejects a bad stage setting, naming the field and the reason', () => {
    expect(() => resolveTunables({ maxTasks: 0 })).toThrow(/invalid stage tunables: maxTasks: .*>=1/);
    expect(() => resolveTunables({ ssmPrefix: 'no-slashes' })).toThrow(/ssmPrefix: /);
    expect(() => resolveTunables({ lowFreeThreshold: 0.9, highFreeThreshold: 0.1 })).toThrow(
      /lowFreeThreshold: lowFreeThreshold must not exceed highFreeThreshold/,
    );
  });
});
