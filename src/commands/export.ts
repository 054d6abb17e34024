// `vetted export [--format md|json|csv] [--out FILE]`.

import { extname } from 'node:path';
import { toJson } from '../ui/safe.js';
import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { UserError } from '../errors.js';
import { buildDataFile } from '../formats/data-file.js';
import { checkOutputPath, isStdout, writeOutputFile } from '../formats/write-file.js';
import { withStore } from './shared.js';
import type { Store } from '../store/store.js';

export interface ExportOptions {
  format?: string;
  out?: string;
  detail?: boolean;
}

export function exportJson(store: Store, exportedAt: string): string {
  const doc = buildDataFile(
    {
      companies: store.listCompanies(),
      checks: store.allChecks(),
      incidents: store.allIncidents(),
      pins: store.allPins(),
    },
    exportedAt,
  );
  return `${toJson(doc)}\n`;
}

/** The formats export writes, by the extensions of --out that choose them. */
const FORMAT_OF_EXTENSION: Record<string, string> = { md: 'md', markdown: 'md', json: 'json', csv: 'csv', ics: 'ics' };
const FORMATS = ['md', 'json', 'csv'];

/** The format: --format, else the extension of --out, else markdown. */
export function exportFormat(opts: ExportOptions): string {
  if (opts.format !== undefined) return opts.format;
  if (opts.out === undefined) return 'md';
  const ext = extname(opts.out).slice(1).toLowerCase();
  if (!ext) return 'md';
  const format = FORMAT_OF_EXTENSION[ext];
  if (!format) throw new UserError(`cannot tell the format from the extension .${ext} of ${opts.out}; give --format md, json or csv.`);
  return format;
}

export async function run(ctx: Context, opts: ExportOptions): Promise<CommandResult> {
  const format = exportFormat(opts);
  if (!FORMATS.includes(format)) {
    throw new UserError(`export cannot write ${format} files yet; give --format md, json or csv (or an --out file ending in .md, .json or .csv).`);
  }
  const toFile = opts.out !== undefined && !isStdout(opts.out);
  if (toFile) checkOutputPath(opts.out!, { dbPath: ctx.dbPath });
  const text = await withStore(ctx, async (store) => {
    if (format === 'json') return exportJson(store, new Date(ctx.now()).toISOString().replace(/\.\d{3}Z$/, 'Z'));
    const { exportLists } = await import('./export-lists.js');
    return await exportLists(ctx, store, format as 'md' | 'csv', !!opts.detail);
  });
  if (toFile) {
    writeOutputFile(opts.out!, [text], { dbPath: ctx.dbPath });
    return { err: `wrote ${opts.out}` };
  }
  return { out: text };
}
