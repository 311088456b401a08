/**
 * Aligned plain-text tables for human output. Widths are measured in code points (good
 * enough for names; wide CJK glyphs may misalign a column, never corrupt data). Long cells are
 * cut with "…" so one long name cannot push every other column off the screen.
 */

/** One column: its header and the widest a cell may be before it is shortened. */
export interface Column {
  readonly header: string;
  readonly max?: number;
}

const length = (s: string): number => [...s].length;

/** `s` shortened to `max` code points, ending in "…" when cut. */
export function truncate(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/** Control characters (a name cannot hold them, but a damaged field could) shown as "?". */
const clean = (s: string): string => s.replace(/[\u0000-\u001f\u007f]/g, '?');

/** Renders rows under headers, columns separated by two spaces, no trailing spaces. */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const cells = rows.map((r) => columns.map((c, i) => truncate(clean(r[i] ?? ''), c.max ?? Infinity)));
  const widths = columns.map((c, i) => Math.max(length(c.header), ...cells.map((r) => length(r[i] ?? ''))));
  const line = (r: readonly string[]): string =>
    r
      .map((cell, i) => (i === r.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - length(cell))))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...cells.map(line)].join('\n') + '\n';
}
