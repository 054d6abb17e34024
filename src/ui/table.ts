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
export function renderTable(columns: Column[], rows: string[][], paintHeader: (s: string) => string = (s) => s, width?: number): string {
  const last = columns.length - 1;
  const wraps = columns[last]?.wrap === true;
  const cells = rows.map((r) => r.map((c, i) => (columns[i].max && !(wraps && i === last) ? cut(safeText(c), columns[i].max!) : safeText(c))));
  // Each cell measured once: a listing of ten thousand rows measured every cell twice.
  const cellWidths = cells.map((r) => r.map((c) => displayWidth(c ?? '')));
  // A loop, not Math.max(...all): a hundred thousand arguments overflow the stack.
  const widths = columns.map((col, i) => cellWidths.reduce((w, r) => Math.max(w, r[i] ?? 0), displayWidth(col.header)));
  const pad = (s: string, i: number, w: number) => {
    // The last column's trailing gap would be trimmed off the line at once: it is not made.
    if (i === last && columns[i].align !== 'right') return s;
    const gap = ' '.repeat(Math.max(0, widths[i] - w));
    return columns[i].align === 'right' ? gap + s : s + gap;
  };
  // Where the last column starts: every column before it and its two spaces.
  const start = widths.slice(0, last).reduce((n, w) => n + w + 2, 0);
  const line = (r: string[], k: number) => {
    const w = cellWidths[k];
    if (!wraps || width === undefined) return r.map((c, i) => pad(c ?? '', i, w[i] ?? 0)).join('  ').trimEnd();
    const head = r.slice(0, last).map((c, i) => pad(c ?? '', i, w[i] ?? 0)).join('  ') + '  ';
    return hangingIndent(head, start, r[last] ?? '', width).trimEnd();
  };
  return [paintHeader(columns.map((c, i) => pad(c.header, i, displayWidth(c.header))).join('  ').trimEnd()), ...cells.map(line)].join('\n') + '\n';
}
