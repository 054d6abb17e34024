// Correcting the record: `company rename|merge|edit|remove`, `incident edit|remove|reopen`,
// `event edit|remove`. Each is one operation in the journal, so `vetted undo` reverts it.

import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { UserError } from '../errors.js';
import { toJson } from '../ui/safe.js';
import { renderTable } from '../ui/table.js';
import { jsonList, type JsonOutOptions } from '../ui/json-out.js';
import { a, count } from '../ui/words.js';
import { FAULTS, type EventType, type Fault, type IncidentEvent } from '../domain/types.js';
import { EVENT_FIELDS, FIELD_SPECS } from '../domain/events.js';
import { companyKey } from '../domain/names.js';
import { parseWhen } from '../domain/dates.js';
import { isBefore } from '../domain/date-rules.js';
import { checkCompanyName, checkNote, requireCompany, requireIncident, withStore } from './shared.js';
import { checkEventFits, eventFromFlags, incidentJson, whenFlag } from './incident.js';
import { LIMITS } from '../formats/data-file.js';
import type { Store } from '../store/store.js';

const undoHint = 'vetted undo';

export async function runRename(ctx: Context, name: string, newName: string, opts: { alias?: boolean }): Promise<CommandResult> {
  const target = checkCompanyName(newName);
  return withStore(ctx, (store) => {
    const company = requireCompany(store, name);
    if (company.name === target.replace(/\s+/gu, ' ')) throw new UserError(`${company.name} is named so already; nothing to change.`);
    const keep = opts.alias !== false;
    store.write(() => store.renameCompany(company, target, keep), { summary: `rename ${company.name} to ${target}${keep && companyKey(target) !== company.key ? ' (the old name kept as an alias)' : ''}` });
    const renamed = store.companyById(company.id)!;
    const kept = keep && companyKey(target) !== company.key ? `; "${company.name}" stays as an alias` : '';
    return { err: `renamed ${company.name} to ${renamed.name}${kept} (to take it back: ${undoHint})` };
  });
}

export async function runMerge(ctx: Context, fromName: string, intoName: string): Promise<CommandResult> {
  return withStore(ctx, (store) => {
    const from = requireCompany(store, fromName);
    const into = requireCompany(store, intoName);
    if (from.id === into.id) throw new UserError(`"${fromName}" and "${intoName}" are one company already (${from.name}); nothing to merge.`);
    const moved = { checks: store.checksOf(from.id).length, incidents: store.incidentsOf(from.id).length };
    store.write(() => store.mergeCompanies(from, into), {
      summary: `merge ${from.name} into ${into.name} (${count(moved.checks, 'check')}, ${count(moved.incidents, 'incident')} moved)`,
    });
    return {
      err: `merged ${from.name} into ${into.name}: ${count(moved.checks, 'check')} and ${count(moved.incidents, 'incident')} moved, "${from.name}" is now an alias of ${into.name} (to take it back: ${undoHint})`,
    };
  });
}

export async function runEditCompany(ctx: Context, name: string, opts: { category?: string; website?: string; parent?: string }): Promise<CommandResult> {
  if (opts.category === undefined && opts.website === undefined && opts.parent === undefined) {
    throw new UserError('say what to change: --category TEXT, --website URL or --parent COMPANY ("" clears one).');
  }
  const text = (v: string | undefined, flag: string, max: number) => {
    if (v === undefined) return undefined;
    const t = v.trim();
    if ([...t].length > max) throw new UserError(`${flag} can be at most ${max} characters; shorten it.`);
    return t === '' ? null : t;
  };
  const category = text(opts.category, '--category', LIMITS.name);
  const website = text(opts.website, '--website', 2000);
  return withStore(ctx, (store) => {
    const company = requireCompany(store, name);
    let parentId: number | null | undefined;
    if (opts.parent !== undefined) {
      if (opts.parent.trim() === '') parentId = null;
      else {
        const parent = requireCompany(store, opts.parent);
        if (store.isAncestor(parent.id, company.id)) throw new UserError(`${parent.name} cannot be the parent of ${company.name}: it is ${parent.id === company.id ? 'the company itself' : 'one of its own subsidiaries'}.`);
        parentId = parent.id;
      }
    }
    const changed = store.write(() => store.editCompany(company.id, { parentId, website, category }), { summary: `edit ${company.name}` });
    if (!changed) return { err: `${company.name} already has these details; nothing changed.` };
    return { err: `updated ${company.name} (see \`vetted company show "${company.name}"\`; to take it back: ${undoHint})` };
  });
}

export async function runRemoveCompany(ctx: Context, name: string, opts: { withEvidence?: boolean }): Promise<CommandResult> {
  return withStore(ctx, (store) => {
    const company = requireCompany(store, name);
    const checks = store.checksOf(company.id);
    const incidents = store.incidentsOf(company.id);
    const pin = store.pinOf(company.id);
    const evidence = [...checks.map((c) => `check ${c.id}`), ...incidents.map((i) => `incident ${i.id}`), ...(pin ? [`a ${pin.list} pin`] : [])];
    if (evidence.length && !opts.withEvidence) {
      const shown = evidence.slice(0, 6).join(', ') + (evidence.length > 6 ? ` and ${evidence.length - 6} more` : '');
      throw new UserError(`${company.name} has evidence (${shown}); remove it too with --with-evidence, or move it first with \`vetted company merge\`.`);
    }
    store.write(() => store.removeCompany(company.id), { summary: `remove ${company.name}${evidence.length ? ` with ${evidence.length} pieces of evidence` : ''}` });
    return { err: `removed ${company.name}${evidence.length ? ` and its ${evidence.length} pieces of evidence` : ''} (to bring it back: ${undoHint})` };
  });
}

export interface EditIncidentOptions {
  title?: string;
  fault?: string;
  opened?: string;
  company?: string;
  json?: boolean;
}

function checkFault(v: string): Fault {
  if (!(FAULTS as readonly string[]).includes(v)) throw new UserError(`--fault takes ${FAULTS.join(', ')}, not "${v}".`);
  return v as Fault;
}

export async function runEditIncident(ctx: Context, id: string, opts: EditIncidentOptions): Promise<CommandResult> {
  const noFlags = opts.title === undefined && opts.fault === undefined && opts.opened === undefined && opts.company === undefined;
  if (noFlags) {
    if (!ctx.interactive || opts.json) {
      throw new UserError(`say what to change: --title T, --fault F, --opened WHEN or --company C (on a terminal, \`vetted incident edit ${id}\` alone opens it in your editor).`);
    }
    const { editIncidentInEditor } = await import('./edit-incident.js');
    return editIncidentInEditor(ctx, id);
  }
  const title = opts.title !== undefined ? opts.title.trim() : undefined;
  if (title !== undefined && !title) throw new UserError('--title cannot be empty; say in a few words what went wrong.');
  if (title !== undefined && [...title].length > LIMITS.name * 2) throw new UserError(`a title can be at most ${LIMITS.name * 2} characters; shorten it.`);
  const fault = opts.fault !== undefined ? checkFault(opts.fault) : undefined;
  const opened = opts.opened !== undefined ? whenFlag(opts.opened, '--opened', ctx.now()) : undefined;
  return withStore(ctx, (store) => {
    const incident = requireIncident(store, id);
    const company = opts.company !== undefined ? requireCompany(store, opts.company) : undefined;
    if (opened !== undefined) checkOpeningFits(incident, opened);
    const what = [
      title !== undefined ? 'title' : '',
      fault !== undefined ? `fault ${fault}` : '',
      opened !== undefined ? `opened ${opened}` : '',
      company ? `moved to ${company.name}` : '',
    ].filter(Boolean);
    store.write(() => store.updateIncident(incident.rowId, { title, fault, opened, companyId: company?.id }), {
      summary: `edit incident ${incident.id}: ${what.join(', ')}`,
    });
    const updated = store.findIncident(incident.id)!;
    if (opts.json) return { out: toJson(incidentJson(updated, ctx.now())) };
    const moved = company && company.id !== incident.companyId ? `; moved from ${incident.company} to ${company.name}` : '';
    return { err: `updated ${incident.id}${moved} (to take it back: ${undoHint})` };
  });
}

/** An incident cannot open after the first event of its timeline. */
export function checkOpeningFits(incident: { id: string; events: IncidentEvent[] }, opened: string): void {
  const first = incident.events[0];
  if (first && isBefore(parseWhen(first.at)!, parseWhen(opened)!)) {
    throw new UserError(`${incident.id} cannot open at ${opened}: its first event, ${first.id} (${first.type}), is earlier (${first.at}); move or remove that event first.`);
  }
}

export async function runRemoveIncident(ctx: Context, id: string): Promise<CommandResult> {
  return withStore(ctx, (store) => {
    const incident = requireIncident(store, id);
    store.write(() => store.removeIncident(incident.rowId), { summary: `remove incident ${incident.id} of ${incident.company} (${count(incident.events.length, 'event')})` });
    return { err: `removed ${incident.id} of ${incident.company} with ${incident.events.length === 1 ? 'its one event' : `its ${count(incident.events.length, 'event')}`} (to bring it back: ${undoHint})` };
  });
}

export async function runReopen(ctx: Context, id: string): Promise<CommandResult> {
  return withStore(ctx, (store) => {
    const incident = requireIncident(store, id);
    if (!incident.closed && !incident.events.some((e) => e.type === 'resolution')) throw new UserError(`${incident.id} is open already; nothing to reopen.`);
    store.write(() => store.reopenIncident(incident.rowId), { summary: `reopen incident ${incident.id}` });
    return { err: `reopened ${incident.id}: its resolution was removed (to take it back: ${undoHint})` };
  });
}

function requireEvent(store: Store, eventId: string) {
  const found = store.findEvent(eventId.trim());
  if (found) return found;
  const hash = eventId.lastIndexOf('#');
  const incident = hash > 0 ? store.findIncident(eventId.slice(0, hash)) : undefined;
  if (incident) {
    const ids = incident.events.map((e) => e.id).join(', ');
    throw new UserError(`${incident.id} has no event "${eventId.slice(hash)}"; its events are ${ids || 'none yet'} (see \`vetted incident show ${incident.id}\`).`);
  }
  if (hash <= 0) throw new UserError(`"${eventId}" is not an event id; an event id is its incident's id, # and its number, such as volga-2012-07#4 (see \`vetted incident show\`).`);
  requireIncident(store, eventId.slice(0, hash));
  throw new UserError(`there is no event "${eventId}".`);
}

export interface EditEventOptions {
  at?: string;
  json?: boolean;
  [field: string]: unknown;
}

export async function runEditEvent(ctx: Context, eventId: string, opts: EditEventOptions): Promise<CommandResult> {
  return withStore(ctx, (store) => {
    const { incident, event, rowId } = requireEvent(store, eventId);
    const type = event.type as EventType;
    const fields = eventFromFlags(type, opts, ctx.now());
    const at = opts.at !== undefined ? whenFlag(opts.at, '--at', ctx.now()) : event.at;
    if (!Object.keys(fields).length && at === event.at) {
      const flags = EVENT_FIELDS[type].fields.map((f) => `--${f.replace(/_/g, '-')}`).join(', ');
      throw new UserError(`say what to change: --at WHEN${flags ? ` or ${flags}` : ''} (the fields of ${a(type)}).`);
    }
    const next = { ...event, ...fields, at } as IncidentEvent;
    for (const [k, v] of Object.entries(next)) if (v === undefined) delete (next as unknown as Record<string, unknown>)[k];
    checkEventFits(incident, type, at, next as unknown as Record<string, unknown>, event.id);
    if (next.note !== undefined) checkNote(next.note);
    store.write(() => store.updateEvent(rowId, next), { summary: `edit ${event.id} (${type}) of ${incident.id}: ${describeChange(event, next)}` });
    if (opts.json) return { out: toJson(store.findEvent(event.id!)!.event) };
    return { err: `updated ${event.id}: ${describeChange(event, next)} (to take it back: ${undoHint})` };
  });
}

/** What changed between two versions of an event, in a few words. */
function describeChange(before: IncidentEvent, after: IncidentEvent): string {
  const b = before as unknown as Record<string, unknown>;
  const a = after as unknown as Record<string, unknown>;
  const keys = ['at', ...Object.keys(FIELD_SPECS)];
  const parts = keys.filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k])).map((k) => (a[k] === undefined ? `${k} cleared` : `${k} ${String(a[k])}`));
  return parts.join(', ') || 'no change';
}

export async function runRemoveEvent(ctx: Context, eventId: string): Promise<CommandResult> {
  return withStore(ctx, (store) => {
    const { incident, event, rowId } = requireEvent(store, eventId);
    store.write(() => store.removeEvent(rowId), { summary: `remove ${event.id} (${event.type} at ${event.at}) of ${incident.id}` });
    return { err: `removed ${event.id} (${event.type} at ${event.at}) from ${incident.id} (to bring it back: ${undoHint})` };
  });
}

/** `vetted event list [INCIDENT]`: events by their ids, of one incident or of all. */
export async function runListEvents(ctx: Context, id: string | undefined, opts: JsonOutOptions): Promise<CommandResult> {
  return withStore(ctx, (store) => {
    const incidents = id !== undefined ? [requireIncident(store, id)] : store.allIncidents();
    const rows = incidents.flatMap((i) => i.events.map((e) => ({ ...e, incident: i.id, company: i.company })));
    if (opts.json || opts.ndjson) return { out: jsonList(rows, opts) };
    if (!rows.length) return { out: 'No events yet. Log one with `vetted incident event ID TYPE`.\n' };
    return {
      out: renderTable(
        [{ header: 'ID' }, { header: 'WHEN' }, { header: 'TYPE' }, { header: 'COMPANY', max: 30 }, { header: 'WHAT', max: 60 }],
        rows.map((e) => [e.id!, e.at.replace('T', ' '), e.type, e.company, e.text ?? e.note ?? e.outcome ?? e.channel ?? e.level ?? '']),
      ),
    };
  });
}
