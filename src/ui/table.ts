// Plain-text tables that line up names in any script (wide and combining characters).

import { displayWidth, graphemes } from './width.js';
import { safeText } from './safe.js';
import { hangingIndent } from './wrap.js';

export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** Cut longer cells to this display width, with an ellipsis. */
  max?: number;
  /** The last column only: on a terminal its text wraps under the column instead of being cut. */
  wrap?: boolean;
}

/** `s` cut to `max` columns, its last one an ellipsis, between the characters a reader sees; as it is where it fits. */
export function cut(s: string, max: number): string {
  if (displayWidth(s) <= max) return s;
  let out = '';
  for (const ch of graphemes(s)) {
    if (displayWidth(out + ch) > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/**
 * Renders rows as aligned columns; cells are user text and are made safe here. Given the
 * terminal's `width`, a last column marked `wrap` wraps under itself; without it (a pipe)
 * nothing is cut or wrapped in that column.
 */
export function renderTable(columns: Column[], rows: readonly string[][], paintHeader: (s: string) => string = (s) => s, width?: number): string {
  return [...renderTablePieces(columns, rows, paintHeader, width)].join('');
}

/**
 * The text of renderTable in pieces, a line at a time: the columns are measured first, and
 * then each line is made only as it is taken (a listing of a hundred thousand rows was its
 * whole text, and every line of it, in memory at once).
 */
export function* renderTablePieces(columns: Column[], rows: readonly string[][], paintHeader: (s: string) => string = (s) => s, width?: number): Generator<string> {
  const last = columns.length - 1;
  const wraps = columns[last]?.wrap === true;
  // Each cell made safe (and cut to its column's most), and measured, once, into flat arrays
  // of a place per cell rather than arrays per row (made twice over, those were a tenth of a
  // table of 14,000 rows). A row may have fewer cells than there are columns.
  const n = columns.length;
  const cells: string[] = new Array<string>(rows.length * n);
  const cellWidths = new Float64Array(rows.length * n);
  const lengths = new Int32Array(rows.length);
  const widths = columns.map((col) => displayWidth(col.header));
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    lengths[k] = r.length;
    for (let i = 0; i < r.length; i++) {
      const max = columns[i].max;
      const c = max && !(wraps && i === last) ? cut(safeText(r[i]), max) : safeText(r[i]);
      const w = displayWidth(c);
      cells[k * n + i] = c;
      cellWidths[k * n + i] = w;
      if (w > widths[i]) widths[i] = w;
    }
  }
  const pad = (s: string, i: number, w: number) => {
    // The last column's trailing gap would be trimmed off the line at once: it is not made.
    if (i === last && columns[i].align !== 'right') return s;
    const gap = ' '.repeat(Math.max(0, widths[i] - w));
    return columns[i].align === 'right' ? gap + s : s + gap;
  };
  // The first `count` cells of row `k`, padded, two spaces apart.
  const joined = (k: number, count: number) => {
    let out = '';
    for (let i = 0; i < count; i++) out += (i ? '  ' : '') + pad(cells[k * n + i], i, cellWidths[k * n + i]);
    return out;
  };
  // Where the last column starts: every column before it and its two spaces.
  const start = widths.slice(0, last).reduce((sum, w) => sum + w + 2, 0);
  const line = (k: number) => {
    const length = lengths[k];
    if (!wraps || width === undefined) return joined(k, length).trimEnd();
    return hangingIndent(`${joined(k, Math.min(length, last))}  `, start, length > last ? cells[k * n + last] : '', width).trimEnd();
  };
  yield `${paintHeader(columns.map((c, i) => pad(c.header, i, displayWidth(c.header))).join('  ').trimEnd())}\n`;
  for (let k = 0; k < rows.length; k++) yield `${line(k)}\n`;
}
