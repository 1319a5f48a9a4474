/**
 * Generated blocks inside hand-written markdown (the README's tunables and bench tables, the chart README's
 * tunables table) sit between two HTML-comment markers; these read and replace what is between them, so every
 * generator and the tests that compare a block with its source splice the same way.
 */
export interface Markers {
  start: string;
  end: string;
}

function bounds(text: string, { start, end }: Markers, file: string): [number, number] {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file} lacks the ${start} … ${end} markers`);
  return [from + start.length, to];
}

/** The block's content, without the newlines that frame it. */
export function readBlock(text: string, markers: Markers, file: string): string {
  const [from, to] = bounds(text, markers, file);
  return text.slice(from, to).replace(/^\n/, '').replace(/\n$/, '');
}

/** The text with the block's content replaced by `content` (trailing newlines dropped, one added before the end marker). */
export function replaceBlock(text: string, markers: Markers, content: string, file: string): string {
  const [from, to] = bounds(text, markers, file);
  return `${text.slice(0, from)}\n${content.replace(/\n+$/, '')}\n${text.slice(to)}`;
}
