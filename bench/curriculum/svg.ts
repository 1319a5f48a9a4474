export interface Series {
  name: string;
  /** y per step, 0..1. */
  points: readonly number[];
}

export interface Panel {
  title: string;
  series: readonly Series[];
}

const COLOURS = ['#d62728', '#1f77b4', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#17becf', '#bcbd22'];
const W = 360;
const H = 240;
const COLUMNS = 3;
const PAD = { left: 40, right: 12, top: 28, bottom: 36 };
/** Room left of the panels for the rotated y-axis label, and right of them for the legend. */
const LABEL_WIDTH = 28;
const LEGEND_WIDTH = 230;
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function panel(p: Panel, x0: number, y0: number, colourOf: (name: string) => string, emphasis: string): string {
  const steps = Math.max(1, ...p.series.map((s) => s.points.length));
  const px = (i: number) => x0 + PAD.left + ((W - PAD.left - PAD.right) * i) / steps;
  const py = (y: number) => y0 + PAD.top + (H - PAD.top - PAD.bottom) * (1 - y);
  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map((y) => `<line x1="${px(0)}" x2="${px(steps)}" y1="${py(y)}" y2="${py(y)}" stroke="#ddd"/><text x="${px(0) - 6}" y="${py(y) + 4}" text-anchor="end">${y}</text>`)
    .join('');
  const ticks = Array.from({ length: 5 }, (_, i) => Math.round((steps * i) / 4))
    .map((s) => `<text x="${px(s)}" y="${y0 + H - PAD.bottom + 16}" text-anchor="middle">${s}</text>`)
    .join('');
  const lines = p.series
    .map((s) => {
      const d = s.points.map((y, i) => `${i === 0 ? 'M' : 'L'}${px(i + 1).toFixed(1)},${py(y).toFixed(1)}`).join('');
      return `<path d="${d}" fill="none" stroke="${colourOf(s.name)}" stroke-width="${s.name === emphasis ? 2.5 : 1.3}"/>`;
    })
    .join('');
  return (
    `<text x="${x0 + W / 2}" y="${y0 + 16}" text-anchor="middle" font-weight="bold">${esc(p.title)}</text>${grid}${ticks}` +
    `<text x="${x0 + W / 2}" y="${y0 + H - 4}" text-anchor="middle">training step</text>${lines}`
  );
}

/**
 * Small-multiple line charts (three to a row) with one y-axis label for all of them at the left and one legend,
 * in a single column, at the right; plain SVG so the README renders it with no tooling. `emphasis` is drawn bold.
 */
export function lineChart(panels: readonly Panel[], yLabel: string, emphasis: string): string {
  const names = [...new Set(panels.flatMap((p) => p.series.map((s) => s.name)))];
  const colourOf = (name: string) => COLOURS[names.indexOf(name) % COLOURS.length] ?? '#000';
  const columns = Math.min(COLUMNS, panels.length);
  const rows = Math.ceil(panels.length / COLUMNS);
  const width = LABEL_WIDTH + W * columns + LEGEND_WIDTH;
  const height = Math.max(H * rows, 24 + 18 * names.length);
  const legendX = LABEL_WIDTH + W * columns + 8;
  const legend = names
    .map((name, i) => {
      const y = PAD.top + 18 * i;
      return `<rect x="${legendX}" y="${y - 6}" width="14" height="4" fill="${colourOf(name)}"/><text x="${legendX + 20}" y="${y}">${esc(name)}</text>`;
    })
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `font-family="sans-serif" font-size="11"><rect width="100%" height="100%" fill="white"/>` +
    `<text transform="translate(${LABEL_WIDTH / 2 + 4} ${height / 2}) rotate(-90)" text-anchor="middle">${esc(yLabel)}</text>` +
    panels.map((p, i) => panel(p, LABEL_WIDTH + (i % COLUMNS) * W, Math.floor(i / COLUMNS) * H, colourOf, emphasis)).join('') +
    legend +
    `</svg>\n`
  );
}
