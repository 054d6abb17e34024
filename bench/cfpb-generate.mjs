// A seeded generator of synthetic CFPB complaint files in today's 16-column layout, drawn
// from the value distributions of the real sample (../shared/data/cfpb-complaints-sample.csv):
// each row takes the product, issue, company and response of one real row picked at random
// (so that they stay consistent with each other), and the state, channel and narrative of
// others; dates are spread over 2019–2025.
// usage: node bench/cfpb-generate.mjs ROWS OUT.csv [SEED]

import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rng } from './generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SAMPLE = join(root, '..', 'shared', 'data', 'cfpb-complaints-sample.csv');

export const COLUMNS_16 = [
  'Date received', 'Product', 'Sub-product', 'Issue', 'Sub-issue', 'Consumer complaint narrative', 'Company public response',
  'Company', 'State', 'ZIP code', 'Tags', 'Submitted via', 'Date sent to company', 'Company response to consumer', 'Timely response?', 'Complaint ID',
];

function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else if (ch !== '\r') cell += ch;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

const quote = (s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function generateCfpb(rows, out, seed = 7) {
  const [header, ...sample] = parseCsv(readFileSync(SAMPLE, 'utf8'));
  const col = Object.fromEntries(header.map((h, i) => [h, i]));
  const r = rng(seed);
  const pickRow = () => sample[Math.floor(r() * sample.length)];
  const start = Date.UTC(2019, 0, 1);
  const span = Date.UTC(2025, 11, 31) - start;
  const fd = openSync(out, 'w');
  let buf = `${COLUMNS_16.join(',')}\n`;
  for (let i = 0; i < rows; i++) {
    const a = pickRow();
    const b = pickRow();
    const c = pickRow();
    const received = new Date(start + Math.floor(r() * span));
    const sent = new Date(received.getTime() + Math.floor(r() * 3) * 86400000);
    const iso = (d) => d.toISOString().slice(0, 10);
    const cells = [
      iso(received), a[col.Product], a[col['Sub-product']], a[col.Issue], a[col['Sub-issue']], c[col['Consumer complaint narrative']],
      a[col['Company public response']], a[col.Company], b[col.State], b[col['ZIP code']], b[col.Tags], b[col['Submitted via']],
      iso(sent), a[col['Company response to consumer']], a[col['Timely response?']], String(1_000_000 + i),
    ];
    buf += `${cells.map(quote).join(',')}\n`;
    if (buf.length > 1 << 22) {
      writeSync(fd, buf);
      buf = '';
    }
  }
  writeSync(fd, buf);
  closeSync(fd);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [rows, out, seed] = process.argv.slice(2);
  generateCfpb(Number(rows), out, seed ? Number(seed) : 7);
}
