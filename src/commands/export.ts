// `vetted export [--format md|json|csv] [--out FILE]`.

import { toJson } from '../ui/safe.js';
import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { UserError } from '../errors.js';
import { buildDataFile } from '../formats/data-file.js';
import { writeFileAtomic } from '../formats/write-file.js';
import { withStore } from './shared.js';
import type { Store } from '../store/store.js';

export interface ExportOptions {
  format?: string;
  out?: string;
  detail?: boolean;
  share?: boolean;
  source?: string;
  withEvidence?: boolean;
  redact?: boolean;
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

export async function run(ctx: Context, opts: ExportOptions): Promise<CommandResult> {
  const format = opts.format ?? 'md';
  if (!['md', 'json', 'csv'].includes(format)) throw new UserError(`--format takes md, json or csv, not "${format}".`);
  const sharing = opts.share || opts.withEvidence || opts.source !== undefined || opts.redact === false;
  if (sharing && !opts.share) throw new UserError('--source, --with-evidence and --no-redact go with --share; add --share --format json.');
  if (opts.share && format !== 'json') throw new UserError('--share writes a vetted/1 data file; add --format json.');
  if (opts.source !== undefined && [...opts.source].length > 200) throw new UserError('--source can be at most 200 characters; shorten it.');
  const text = await withStore(ctx, async (store) => {
    const exportedAt = new Date(ctx.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
    if (opts.share) {
      const { exportShare } = await import('./export-share.js');
      return exportShare(ctx, store, exportedAt, opts);
    }
    if (format === 'json') return exportJson(store, exportedAt);
    const { exportLists } = await import('./export-lists.js');
    return await exportLists(ctx, store, format as 'md' | 'csv', !!opts.detail);
  });
  if (opts.out) {
    writeFileAtomic(opts.out, [text]);
    return { err: `wrote ${opts.out}` };
  }
  return { out: text };
}
