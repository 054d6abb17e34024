// Plain-text tables that line up names in any script (wide and combining characters).

import { displayWidth } from './width.js';
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

function cut(s: string, max: number): string {
  if (displayWidth(s) <= max) return s;
  let out = '';
  for (const ch of s) {
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
  const cells = rows.map((r) => r.map((c, i) => (columns[i].max && !(wraps && i === last) ? cut(safeText(c), columns[i].max!) : safeText(c))));
  // Each cell measured once (a listing of ten thousand rows measured every cell twice), into
  // one flat array of numbers rather than an array per row.
  const n = columns.length;
  const cellWidths = new Float64Array(cells.length * n);
  const widths = columns.map((col) => displayWidth(col.header));
  for (let k = 0; k < cells.length; k++) {
    const r = cells[k];
    for (let i = 0; i < n && i < r.length; i++) {
      const w = displayWidth(r[i] ?? '');
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
  // Where the last column starts: every column before it and its two spaces.
  const start = widths.slice(0, last).reduce((sum, w) => sum + w + 2, 0);
  const line = (r: string[], k: number) => {
    const at = k * n;
    if (!wraps || width === undefined) return r.map((c, i) => pad(c ?? '', i, cellWidths[at + i])).join('  ').trimEnd();
    const head = r.slice(0, last).map((c, i) => pad(c ?? '', i, cellWidths[at + i])).join('  ') + '  ';
    return hangingIndent(head, start, r[last] ?? '', width).trimEnd();
  };
  yield `${paintHeader(columns.map((c, i) => pad(c.header, i, displayWidth(c.header))).join('  ').trimEnd())}\n`;
  for (let k = 0; k < cells.length; k++) yield `${line(cells[k], k)}\n`;
}
