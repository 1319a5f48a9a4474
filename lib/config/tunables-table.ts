import { DEFAULT_TUNABLES, TUNABLES, envName, helmName, isSsmTunable, ssmName, tunableKeys } from './tunables.js';

export const TABLE_START = '<!-- tunables:start -->';
export const TABLE_END = '<!-- tunables:end -->';

/** The README's tunables table, rendered from the one schema: env, SSM and Helm names, default, meaning. */
export function tunablesTable(): string {
  const rows = tunableKeys().map((key) => {
    const ssm = isSsmTunable(key) ? `\`${ssmName(key)}\`` : '— (env only)';
    const value = DEFAULT_TUNABLES[key];
    const shown = value === '' ? '(empty)' : `\`${String(value)}\``;
    return `| \`${envName(key)}\` | ${ssm} | \`${helmName(key)}\` | ${shown} | ${TUNABLES[key].description} |`;
  });
  return ['| env | SSM (under the prefix) | Helm value | default | meaning |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}
