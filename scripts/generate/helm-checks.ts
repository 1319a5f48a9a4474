import { helmName, NOT_ABOVE } from '../../lib/config/index.js';

export const CHECKS_START = '{{- /* tunables:start (npm run generate: the cross-field rules of lib/config/tunables.ts) */}}';
export const CHECKS_END = '{{- /* tunables:end */}}';

/** The chart's install-time checks of the tunables' cross-field rules (NOT_ABOVE), in Helm template form. */
export function helmChecks(): string {
  return NOT_ABOVE.map(
    ([low, high]) =>
      `{{- if gt (float64 $p.${low}) (float64 $p.${high}) }}\n` +
      `{{- fail (printf "${helmName(low)} (%v) must not exceed ${helmName(high)} (%v)" $p.${low} $p.${high}) }}\n` +
      '{{- end }}',
  ).join('\n');
}
