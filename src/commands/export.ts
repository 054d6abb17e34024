// `vetted export [--format md|json|csv] [--out FILE]`.

import { t } from '../i18n/index.js';
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
  if (!['md', 'json', 'csv'].includes(format)) throw new UserError(t().data.badFormat(format));
  const text = await withStore(ctx, async (store) => {
    if (format === 'json') return exportJson(store, new Date(ctx.now()).toISOString().replace(/\.\d{3}Z$/, 'Z'));
    const { exportLists } = await import('./export-lists.js');
    return await exportLists(ctx, store, format as 'md' | 'csv', !!opts.detail);
  });
  if (opts.out) {
    writeFileAtomic(opts.out, [text]);
    return { err: t().data.wrote(opts.out) };
  }
  return { out: text };
}
