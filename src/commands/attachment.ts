// `vetted incident attach ID FILE…` and `vetted attachment save ID`: receipts, screenshots and
// recordings kept inside the database with an incident.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { UserError } from '../errors.js';
import { formatLocalMinute } from '../domain/dates.js';
import { fileNameFault } from '../domain/names.js';
import { checkNote, readingStore, writingStore } from './shared.js';
import { toJson, safeText } from '../ui/safe.js';
import { isOfDatabase, outputFileOf, refuseFolderName, writeFileAtomic, writeOutputFile } from '../formats/write-file.js';
import { unreadable } from '../formats/read-input.js';
import type { Store } from '../store/store.js';
import { MAX_ATTACHMENT_BYTES, addAttachment, allAttachments, attachmentsOf, eventRowIdByNumber, findAttachment, readAttachment, removeAttachment } from '../store/attachments.js';
import { renderTable } from '../ui/table.js';
import { jsonList, type JsonOutOptions } from '../ui/json-out.js';
import { opSummary } from '../domain/op-summary.js';
import { t } from '../i18n/index.js';

export interface AttachOptions {
  event?: string;
  note?: string;
  json?: boolean;
}

/** The number of an event within its incident, from `3` or `<incident>#3`. */
export function eventNumberOf(arg: string, incidentId: string): number {
  const m = /^(?:(.+)#)?(\d+)$/.exec(arg.trim());
  if (!m) throw new UserError(t().attachment.notAnEvent(arg, incidentId));
  if (m[1] !== undefined && m[1].toLowerCase() !== incidentId.toLowerCase()) throw new UserError(t().attachment.otherIncident(arg, incidentId));
  return Number(m[2]);
}

/** Checks every file before anything is stored: it exists, is a file, and is small enough. */
function checkFiles(files: string[], dbPath: string): { path: string; name: string; size: number }[] {
  const w = t().attachment;
  if (!files.length) throw new UserError(w.noFiles);
  return files.map((f) => {
    let st;
    try {
      st = statSync(f);
    } catch (err) {
      // A name whose bytes are not UTF-8 reaches the program with them replaced: no such file.
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new UserError(f.includes('\uFFFD') ? t().files.notUtf8Name(f) : w.noFile(f));
      // Anything else, as every input's reading says it: a loop of links, a file not to be read.
      throw unreadable(f, err);
    }
    if (st.isDirectory()) throw new UserError(w.folder(f));
    if (!st.isFile()) throw new UserError(w.notRegular(f));
    // The record itself, by its path or another name of it: kept inside itself, it would be half
    // written as it is read, and twice as large.
    if (isOfDatabase(st, dbPath)) throw new UserError(w.theDatabase(f));
    if (st.size > MAX_ATTACHMENT_BYTES) throw new UserError(w.tooBig(f, st.size, MAX_ATTACHMENT_BYTES));
    const name = basename(f);
    if (fileNameFault(name) === 'control') throw new UserError(w.controlInName(f));
    return { path: f, name, size: st.size };
  });
}

function requireIncident(store: Store, id: string) {
  const found = store.findIncident(id);
  if (!found) throw new UserError(t().attachment.noIncident(id));
  return found;
}

/** A file's bytes; a file that cannot be read (EIO, a file gone meanwhile) is said so, in a sentence. */
function readAttached(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(t().files.cannotRead(path, code ?? (err as Error).message));
  }
}

export async function runAttach(ctx: Context, id: string, files: string[], opts: AttachOptions): Promise<CommandResult> {
  const checked = checkFiles(files, ctx.dbPath);
  const note = opts.note !== undefined ? checkNote(opts.note, '--note') : undefined;
  return writingStore(ctx, (store) => {
    const incident = requireIncident(store, id);
    let eventRowId: number | undefined;
    if (opts.event !== undefined) {
      const n = eventNumberOf(opts.event, incident.id);
      eventRowId = eventRowIdByNumber(store, incident.rowId, n);
      if (eventRowId === undefined) {
        throw new UserError(t().attachment.noEvent(incident.id, n, incident.events.length));
      }
    }
    const contents = checked.map((f) => ({ ...f, data: readAttached(f.path) }));
    for (const c of contents) {
      if (c.data.length > MAX_ATTACHMENT_BYTES) throw new UserError(t().attachment.grew(c.path, MAX_ATTACHMENT_BYTES));
    }
    const addedAt = formatLocalMinute(ctx.now());
    const results = store.write(
      () => contents.map((c) => ({ file: c.path, name: c.name, size: c.data.length, ...addAttachment(store, { incidentRowId: incident.rowId, eventRowId, name: c.name, note, addedAt, data: c.data }) })),
      { summary: opSummary({ k: 'attach', files: contents.map((c) => c.name), incident: incident.id }) },
    );
    if (opts.json) return { out: toJson(results.map((r) => ({ id: r.id, incident: incident.id, name: r.name, size: r.size, sha256: r.sha256, existing: r.existing }))) };
    return {
      out: results.map((r) => String(r.id)).join('\n') + '\n',
      err: results.map((r) =>
        r.existing ? t().attachment.already(r.name, incident.id, r.id) : t().attachment.attached(r.name, describeSize(r.size), incident.id, r.id),
      ),
    };
  });
}

export function describeSize(bytes: number): string {
  return t().attachment.size(bytes);
}

export async function runSave(ctx: Context, idArg: string, opts: { out?: string }): Promise<CommandResult> {
  const w = t().attachment;
  if (!/^\d+$/.test(idArg.trim())) throw new UserError(w.notAnId(idArg));
  return readingStore(ctx, (store) => {
    const found = readAttachment(store, Number(idArg));
    if (!found) throw new UserError(w.noAttachment(idArg));
    if (opts.out !== undefined && outputFileOf(opts.out) === undefined) {
      // The bytes as they are, into a pipe or a file: never onto a terminal.
      if (ctx.out.isTTY) throw new UserError(w.notToTerminal(idArg.trim()));
      writeOutputFile('-', [found.data], { dbPath: ctx.dbPath });
      return { err: w.wrote(undefined, describeSize(found.data.length)) };
    }
    if (opts.out !== undefined) refuseFolderName(opts.out);
    // Stored before such names were refused: saved under its name, the file would keep the control.
    else if (fileNameFault(basename(found.info.name)) === 'control') throw new UserError(w.controlInSavedName(idArg.trim()));
    const out = resolve(opts.out ?? basename(found.info.name));
    if (opts.out === undefined && existsSync(out)) throw new UserError(w.exists(safeText(out)));
    if (existsSync(out) && statSync(out).isDirectory()) throw new UserError(w.outIsFolder(safeText(out)));
    writeFileAtomic(out, [found.data], 0o600, { dbPath: ctx.dbPath });
    return { err: w.wrote(out, describeSize(found.data.length)) };
  });
}

/** `vetted attachment remove ID`: a file attached by mistake taken off its incident, as one change undo takes back. */
export async function runRemove(ctx: Context, idArg: string): Promise<CommandResult> {
  const w = t().attachment;
  if (!/^\d+$/.test(idArg.trim())) throw new UserError(w.notAnId(idArg));
  return writingStore(ctx, (store) => {
    const found = findAttachment(store, Number(idArg));
    if (!found) throw new UserError(w.noAttachment(idArg));
    store.write(() => removeAttachment(store, found.id), { summary: opSummary({ k: 'attachment-remove', id: found.id, name: found.name, incident: found.incident }) });
    return { err: w.removed(found.id, safeText(found.name), found.incident) };
  });
}

/** `vetted attachment list [--incident ID]`: the files kept, with their incidents and sizes. */
export async function runList(ctx: Context, opts: { incident?: string } & JsonOutOptions): Promise<CommandResult> {
  return readingStore(ctx, (store) => {
    const all = opts.incident !== undefined ? attachmentsOf(store, requireIncident(store, opts.incident).rowId) : [...allAttachments(store).values()].flat();
    if (opts.json || opts.ndjson) return { out: jsonList(all, opts) };
    const w = t().attachment;
    if (!all.length) return { out: `${w.none}\n` };
    const [id, incident, event, name, size, added] = w.headers;
    return {
      out: renderTable(
        [{ header: id, align: 'right' }, { header: incident }, { header: event }, { header: name, max: 40 }, { header: size, align: 'right' }, { header: added }],
        all.map((a) => [String(a.id), a.incident, a.event === null ? '' : `#${a.event}`, a.name, describeSize(a.size), w.added(a.added_at)]),
      ),
    };
  });
}
