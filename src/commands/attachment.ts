// `vetted incident attach ID FILE…` and `vetted attachment save ID`: receipts, screenshots and
// recordings kept inside the database with an incident.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { UserError } from '../errors.js';
import { formatLocalMinute } from '../domain/dates.js';
import { checkNote, withStore } from './shared.js';
import { toJson, safeText } from '../ui/safe.js';
import { writeFileAtomic } from '../formats/write-file.js';
import type { Store } from '../store/store.js';
import { MAX_ATTACHMENT_BYTES, addAttachment, allAttachments, attachmentsOf, eventRowIdByNumber, readAttachment } from '../store/attachments.js';
import { renderTable } from '../ui/table.js';
import { jsonList, type JsonOutOptions } from '../ui/json-out.js';
import { opSummary } from '../domain/op-summary.js';

export interface AttachOptions {
  event?: string;
  note?: string;
  json?: boolean;
}

/** The number of an event within its incident, from `3` or `<incident>#3`. */
export function eventNumberOf(arg: string, incidentId: string): number {
  const m = /^(?:(.+)#)?(\d+)$/.exec(arg.trim());
  if (!m) throw new UserError(`--event takes the event's number on the timeline of ${incidentId} (as \`vetted incident show ${incidentId}\` numbers them), such as --event 3; "${arg}" is not one.`);
  if (m[1] !== undefined && m[1].toLowerCase() !== incidentId.toLowerCase()) {
    throw new UserError(`the event ${arg} belongs to another incident than ${incidentId}; give an event of ${incidentId}.`);
  }
  return Number(m[2]);
}

/** Checks every file before anything is stored: it exists, is a file, and is small enough. */
function checkFiles(files: string[]): { path: string; name: string; size: number }[] {
  if (!files.length) throw new UserError('give at least one file to attach, such as `vetted incident attach volgatelecom-1 receipt.pdf`.');
  return files.map((f) => {
    let st;
    try {
      st = statSync(f);
    } catch {
      throw new UserError(`there is no file ${f}; check the path. Nothing was attached.`);
    }
    if (st.isDirectory()) throw new UserError(`${f} is a folder; attach the files in it one by one (${f}/*). Nothing was attached.`);
    if (!st.isFile()) throw new UserError(`${f} is not a regular file; attach a copy of it. Nothing was attached.`);
    if (st.size > MAX_ATTACHMENT_BYTES) {
      throw new UserError(`${f} is ${(st.size / 1048576).toFixed(1)} MB; attachments can be at most ${MAX_ATTACHMENT_BYTES / 1048576} MB, so keep a smaller copy. Nothing was attached.`);
    }
    return { path: f, name: basename(f), size: st.size };
  });
}

function requireIncident(store: Store, id: string) {
  const found = store.findIncident(id);
  if (!found) throw new UserError(`there is no incident "${id}"; see \`vetted incident list\` for the ids. Nothing was attached.`);
  return found;
}

export async function runAttach(ctx: Context, id: string, files: string[], opts: AttachOptions): Promise<CommandResult> {
  const checked = checkFiles(files);
  const note = opts.note !== undefined ? checkNote(opts.note, '--note') : undefined;
  return withStore(ctx, (store) => {
    const incident = requireIncident(store, id);
    let eventRowId: number | undefined;
    if (opts.event !== undefined) {
      const n = eventNumberOf(opts.event, incident.id);
      eventRowId = eventRowIdByNumber(store, incident.rowId, n);
      if (eventRowId === undefined) {
        throw new UserError(`${incident.id} has no event ${n} (its timeline has ${incident.events.length}); see \`vetted incident show ${incident.id}\`. Nothing was attached.`);
      }
    }
    const contents = checked.map((f) => ({ ...f, data: readFileSync(f.path) }));
    for (const c of contents) {
      if (c.data.length > MAX_ATTACHMENT_BYTES) throw new UserError(`${c.path} grew past ${MAX_ATTACHMENT_BYTES / 1048576} MB while it was read; nothing was attached.`);
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
        r.existing ? `${r.name} is attached to ${incident.id} already (attachment ${r.id})` : `attached ${r.name} (${describeSize(r.size)}) to ${incident.id} as attachment ${r.id}`,
      ),
    };
  });
}

export function describeSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1048576) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

export async function runSave(ctx: Context, idArg: string, opts: { out?: string }): Promise<CommandResult> {
  if (!/^\d+$/.test(idArg.trim())) throw new UserError(`an attachment id is a number, as \`vetted incident show ID\` lists them; "${idArg}" is not one.`);
  return withStore(ctx, (store) => {
    const found = readAttachment(store, Number(idArg));
    if (!found) throw new UserError(`there is no attachment ${idArg}; \`vetted incident show ID\` lists an incident's attachments.`);
    const out = resolve(opts.out ?? basename(found.info.name));
    if (opts.out === undefined && existsSync(out)) throw new UserError(`${safeText(out)} exists already; choose where to write it with --out FILE.`);
    if (existsSync(out) && statSync(out).isDirectory()) throw new UserError(`${safeText(out)} is a folder; give --out the path of a file.`);
    writeFileAtomic(out, [found.data]);
    return { err: `wrote ${out} (${describeSize(found.data.length)}, SHA-256 checked)` };
  });
}

/** `vetted attachment list [--incident ID]`: the files kept, with their incidents and sizes. */
export async function runList(ctx: Context, opts: { incident?: string } & JsonOutOptions): Promise<CommandResult> {
  return withStore(ctx, (store) => {
    const all = opts.incident ? attachmentsOf(store, requireIncident(store, opts.incident).rowId) : [...allAttachments(store).values()].flat();
    if (opts.json || opts.ndjson) return { out: jsonList(all, opts) };
    if (!all.length) return { out: 'No files kept yet. Keep one with `vetted incident attach ID FILE`.\n' };
    return {
      out: renderTable(
        [{ header: 'ID', align: 'right' }, { header: 'INCIDENT' }, { header: 'EVENT' }, { header: 'NAME', max: 40 }, { header: 'SIZE', align: 'right' }, { header: 'ADDED' }],
        all.map((a) => [String(a.id), a.incident, a.event === null ? '' : `#${a.event}`, a.name, describeSize(a.size), a.added_at]),
      ),
    };
  });
}
