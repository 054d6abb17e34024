// Plain-text tables that line up names in any script (wide and combining characters).

import { displayWidth } from './width.js';
import { safeText } from './safe.js';

export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** Cut longer cells to this display width, with an ellipsis. */
  max?: number;
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

/** Renders rows as aligned columns; cells are user text and are made safe here. */
export function renderTable(columns: Column[], rows: string[][], paintHeader: (s: string) => string = (s) => s): string {
  const cells = rows.map((r) => r.map((c, i) => (columns[i].max ? cut(safeText(c), columns[i].max!) : safeText(c))));
  const widths = columns.map((col, i) => Math.max(displayWidth(col.header), ...cells.map((r) => displayWidth(r[i] ?? ''))));
  const pad = (s: string, i: number) => {
    const gap = ' '.repeat(Math.max(0, widths[i] - displayWidth(s)));
    return columns[i].align === 'right' ? gap + s : s + gap;
  };
  const line = (r: string[]) => r.map((c, i) => pad(c ?? '', i)).join('  ').trimEnd();
  return [paintHeader(line(columns.map((c) => c.header))), ...cells.map(line)].join('\n') + '\n';
}
