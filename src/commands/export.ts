// `vetted export [--format md|json|csv] [--out FILE]`.

import { toJson } from '../ui/safe.js';
import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { UserError } from '../errors.js';
import { buildDataFile, type AttachmentEntry } from '../formats/data-file.js';
import { allAttachments, contentOf } from '../store/attachments.js';
import { writeFileAtomic } from '../formats/write-file.js';
import { withStore } from './shared.js';
import type { Store } from '../store/store.js';

export interface ExportOptions {
  format?: string;
  out?: string;
  detail?: boolean;
  withAttachments?: boolean;
}

/** Every incident's attachments as data-file entries; the content too when it is to be embedded. */
function attachmentEntries(store: Store, withContent: boolean): Map<string, AttachmentEntry[]> {
  const out = new Map<string, AttachmentEntry[]>();
  for (const [incident, list] of allAttachments(store)) {
    out.set(
      incident,
      list.map((a) => ({
        name: a.name,
        sha256: a.sha256,
        size: a.size,
        ...(a.event !== null ? { event: a.event } : {}),
        ...(a.note ? { note: a.note } : {}),
        added: a.added_at,
        ...(withContent ? { content: contentOf(store, a.sha256)!.toString('base64') } : {}),
      })),
    );
  }
  return out;
}

export function exportJson(store: Store, exportedAt: string, withAttachments = false): string {
  const doc = buildDataFile(
    {
      companies: store.listCompanies(),
      checks: store.allChecks(),
      incidents: store.allIncidents(),
      pins: store.allPins(),
      attachments: attachmentEntries(store, withAttachments),
    },
    exportedAt,
  );
  return `${toJson(doc)}\n`;
}

export async function run(ctx: Context, opts: ExportOptions): Promise<CommandResult> {
  const format = opts.format ?? 'md';
  if (!['md', 'json', 'csv'].includes(format)) throw new UserError(`--format takes md, json or csv, not "${format}".`);
  if (opts.withAttachments && format !== 'json') throw new UserError('--with-attachments embeds the files in the data file; give it with --format json.');
  const text = await withStore(ctx, async (store) => {
    if (format === 'json') return exportJson(store, new Date(ctx.now()).toISOString().replace(/\.\d{3}Z$/, 'Z'), !!opts.withAttachments);
    const { exportLists } = await import('./export-lists.js');
    return await exportLists(ctx, store, format as 'md' | 'csv', !!opts.detail);
  });
  if (opts.out) {
    writeFileAtomic(opts.out, [text]);
    return { err: `wrote ${opts.out}` };
  }
  return { out: text };
}
