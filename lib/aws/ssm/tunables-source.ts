import { SSMProvider } from '@aws-lambda-powertools/parameters/ssm';
import type { SSMClient } from '@aws-sdk/client-ssm';
import { envName, isSsmTunable, parseTunable, ssmName, tunableKeys } from '../../config/tunables.js';
import type { TunableKey } from '../../config/tunables.js';
import type { TunablesSource } from '../../service/ports.js';
import { abortable } from '../abortable.js';

const KEY_BY_SSM_NAME = new Map<string, TunableKey>(tunableKeys().map((key) => [ssmName(key), key]));

export interface SsmTunablesOptions {
  /** Path holding one parameter per tunable, e.g. `/osiris/azr-planner/`. */
  prefix: string;
  /** Powertools' cache lifetime; 0 reads SSM on every load. */
  cacheSeconds: number;
}

/**
 * Tunables from SSM Parameter Store: every parameter under the prefix (recursive, decrypted, all pages),
 * through Powertools' SSMProvider and its TTL cache. Values stay raw strings for overlayTunables (precedence,
 * cross-field rules); each is checked here first only so that a bad one is reported by its parameter name.
 */
export function createSsmTunablesSource(client: SSMClient, options: SsmTunablesOptions): TunablesSource {
  const provider = new SSMProvider({ awsSdkV3Client: client });
  return {
    name: 'ssm',
    async load(signal) {
      const fetched = await abortable(
        provider.getMultiple(options.prefix, { maxAge: options.cacheSeconds, decrypt: true, recursive: true }),
        signal,
      );
      const values: [TunableKey, string][] = [];
      const warnings: string[] = [];
      for (const [name, value] of Object.entries(fetched ?? {})) {
        const parameter = `${options.prefix}${name}`;
        const key = KEY_BY_SSM_NAME.get(name);
        if (key === undefined) warnings.push(`SSM: parameter ${parameter} is not a known tunable; ignored`);
        else if (!isSsmTunable(key))
          warnings.push(`SSM: parameter ${parameter} sets ${key}, which is read from the environment only (${envName(key)}); ignored`);
        else if (typeof value !== 'string') warnings.push(`SSM: parameter ${parameter} has no string value; ignored`);
        else {
          const parsed = parseTunable(key, value);
          if (parsed.ok) values.push([key, value]);
          else warnings.push(`SSM: parameter ${parameter} ignored: ${parsed.message}`);
        }
      }
      return { values, warnings };
    },
  };
}
