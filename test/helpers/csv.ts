// A plain RFC 4180 parser of a whole text, independent of the streaming reader the tests check.

/** A plain RFC 4180 parse of the whole text: rows of cells (independent of the streaming reader). */
export function parseAll(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else {
        // Up to the next quote at once: long narratives would be slow a character at a time.
        const j = text.indexOf('"', i);
        cell += text.slice(i, j < 0 ? text.length : j);
        i = (j < 0 ? text.length : j) - 1;
      }
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell), rows.push(row), (row = []), (cell = '');
    } else cell += ch;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

