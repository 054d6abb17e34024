// `vetted export [--format md|json|csv] [--out FILE]`.

import { extname } from 'node:path';
import { t } from '../i18n/index.js';
import { inWrites, toJson, writePieces } from '../ui/safe.js';
import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { UserError } from '../errors.js';
import { dataFileText, type AttachmentEntry } from '../formats/data-file.js';
import { allAttachments, contentOf } from '../store/attachments.js';
import { checkOutputPath, outputFileOf, writeOutputFile } from '../formats/write-file.js';
import { readingStore } from './shared.js';
import type { Store } from '../store/store.js';
import { NOT_IN_FILE_NAMES } from '../domain/names.js';

export interface ExportOptions {
  format?: string;
  out?: string;
  detail?: boolean;
  withAttachments?: boolean;
  share?: boolean;
  source?: string;
  withEvidence?: boolean;
  redact?: boolean;
}

/** Every incident's attachments as data-file entries; the content too when it is to be embedded. */
function attachmentEntries(store: Store, withContent: boolean): Map<string, AttachmentEntry[]> {
  const out = new Map<string, AttachmentEntry[]>();
  for (const [incident, list] of allAttachments(store, true)) {
    out.set(
      incident,
      list.map((a) => ({
        // A control character or a mark turning text right to left, which an older version let
        // into a name and an import now refuses, is written as `_`: the export of a database imports again.
        name: a.name.replace(NOT_IN_FILE_NAMES, '_'),
        sha256: a.sha256,
        size: a.size,
        // The data file names the event by its place in the incident's events, as exported.
        ...(a.place !== null ? { event: a.place } : {}),
        ...(a.note ? { note: a.note } : {}),
        added: a.added_at,
        ...(withContent ? { content: contentOf(store, a.sha256)!.toString('base64') } : {}),
      })),
    );
  }
  return out;
}

/** The whole record as a vetted/1 data file, in pieces of text (the incidents a batch at a time). */
export function exportJsonText(store: Store, exportedAt: string, withAttachments = false): Iterable<string> {
  return dataFileText(
    {
      companies: [store.companiesForExport()],
      checks: [store.allChecks()],
      incidents: store.allIncidentsInBatches(),
      pins: [store.allPins()],
      attachments: attachmentEntries(store, withAttachments),
    },
    exportedAt,
    toJson,
  );
}

export function exportJson(store: Store, exportedAt: string, withAttachments = false): string {
  return [...exportJsonText(store, exportedAt, withAttachments)].join('');
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
  if (!format) throw new UserError(t().data.unknownExtension(ext, opts.out));
  return format;
}

export async function run(ctx: Context, opts: ExportOptions): Promise<CommandResult> {
  // Where it would write is checked first: a path that is the database is refused whatever its name says.
  const file = outputFileOf(opts.out);
  const toFile = file !== undefined;
  if (toFile) checkOutputPath(file, { dbPath: ctx.dbPath });
  const format = exportFormat(opts);
  const say = t().data;
  if (!FORMATS.includes(format)) throw new UserError(say.cannotWriteFormat(format));
  if (opts.withAttachments && format !== 'json') throw new UserError(say.attachmentsNeedJson);
  // A CSV row and a data file carry no more with it: refused, not dropped without a word.
  if (opts.detail && format !== 'md') throw new UserError(say.detailNeedsMd);
  const sharing = opts.share || opts.withEvidence || opts.source !== undefined;
  if (sharing && !opts.share) throw new UserError(say.shareFlags);
  // What is redacted: a shared file's evidence, and a page to publish (md, csv); a JSON export of your own keeps everything.
  if (opts.redact === false && !opts.share && format === 'json') throw new UserError(say.noRedactFor);
  if (opts.share && format !== 'json') throw new UserError(say.shareNeedsJson);
  if (opts.share && opts.withAttachments) throw new UserError(say.shareNoAttachments);
  if (opts.source !== undefined && [...opts.source].length > 200) throw new UserError(say.longSource(200));
  let leftOut = 0;
  const text = await readingStore(ctx, async (store) => {
    const exportedAt = new Date(ctx.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
    if (opts.share) {
      const { exportShare } = await import('./export-share.js');
      const shared = await exportShare(ctx, store, exportedAt, opts);
      leftOut = shared.leftOut;
      return shared.text;
    }
    if (format === 'json') {
      // Written as it is made, while the store is open: the whole file is never in memory.
      const text = exportJsonText(store, exportedAt, !!opts.withAttachments);
      if (toFile) writeOutputFile(file, inWrites(text), { dbPath: ctx.dbPath });
      // A file to import again: cut short by its reader, it fails, as a backup does.
      else await writePieces(ctx.out, text, { whole: true });
      return undefined;
    }
    const { exportLists } = await import('./export-lists.js');
    return await exportLists(ctx, store, format as 'md' | 'csv', !!opts.detail, opts.redact === false);
  });
  if (text === undefined) return toFile ? { err: t().data.wrote(file) } : {};
  const said = leftOut ? [t().data.shareLeftOut(leftOut)] : [];
  if (toFile) {
    writeOutputFile(file, [text], { dbPath: ctx.dbPath });
    return { err: [...said, t().data.wrote(file)] };
  }
  if (opts.share) {
    // A file for others to add as a source: cut short by its reader, it fails too.
    await writePieces(ctx.out, [text.endsWith('\n') ? text : `${text}\n`], { whole: true });
    return said.length ? { err: said } : {};
  }
  return { out: text };
}
