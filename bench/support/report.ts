/** One line of the results table: what was measured, the figure, and the bar it is held to (if any). */
export interface Row {
  metric: string;
  value: string;
  target?: string;
  /** Whether the figure meets the target; undefined when there is no target. */
  ok?: boolean;
}

export interface PartResult {
  figures: Record<string, unknown>;
  rows: Row[];
  /** More markdown for the README under the main table (e.g. a per-strategy table). */
  details?: string;
}

export const fmt = (x: number, digits = 2): string =>
  Number.isInteger(x) ? x.toLocaleString('en-US') : x.toLocaleString('en-US', { maximumFractionDigits: digits });

export const check = (metric: string, value: string, target: string, ok: boolean): Row => ({ metric, value, target, ok });
export const info = (metric: string, value: string): Row => ({ metric, value });

/**
 * Rows for a part that reports bare figures (the generator's): every number by its dotted path, and each
 * `meets_…` flag (a target or a budget) as a checked row.
 */
export function rowsFromFigures(figures: Record<string, unknown>, prefix = ''): Row[] {
  return Object.entries(figures).flatMap(([key, value]): Row[] => {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'boolean' && key.startsWith('meets_')) return [check(name, value ? 'yes' : 'no', 'true', value)];
    if (typeof value === 'number') return [info(name, fmt(value))];
    if (typeof value === 'string' || typeof value === 'boolean') return [info(name, String(value))];
    if (value && typeof value === 'object' && !Array.isArray(value)) return rowsFromFigures(value as Record<string, unknown>, name);
    return [];
  });
}

const verdict = (r: Row): string => (r.ok === undefined ? '' : r.ok ? 'yes' : '**no**');

export interface MeasuredPart {
  rows: Row[];
  details?: string;
  measured_at: string;
  machine: { cpus: number; node: string; load_before: number; load_after: number };
}

/** The table the README shows, with when and on what each part was measured (load included: it skews figures). */
export function markdown(parts: Record<string, MeasuredPart>): string {
  const lines = ['| part | metric | measured | target | met |', '| --- | --- | --- | --- | --- |'];
  for (const [part, { rows }] of Object.entries(parts)) {
    for (const r of rows) lines.push(`| ${part} | ${r.metric} | ${r.value} | ${r.target ?? ''} | ${verdict(r)} |`);
  }
  for (const { details } of Object.values(parts)) if (details) lines.push('', details);
  lines.push('');
  for (const [part, { measured_at, machine }] of Object.entries(parts)) {
    lines.push(
      `- ${part}: ${measured_at}, ${machine.cpus} CPUs, node ${machine.node}, ` +
        `load average ${machine.load_before.toFixed(1)} before / ${machine.load_after.toFixed(1)} after`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export function textTable(part: string, rows: Row[]): string {
  const cells = rows.map((r) => [r.metric, r.value, r.target ?? '', r.ok === undefined ? '' : r.ok ? 'ok' : 'MISSED']);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...cells.map((c) => c[i]!.length), 0));
  return [`== ${part}`, ...cells.map((c) => c.map((x, i) => x.padEnd(widths[i]!)).join('  '))].join('\n');
}
