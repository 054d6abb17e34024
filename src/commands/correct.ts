// Correcting the record: `company rename|merge|edit|remove`, `incident edit|remove|reopen`,
// `event edit|remove`. Each is one operation in the journal, so `vetted undo` reverts it.

import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { UserError } from '../errors.js';
import { toJson } from '../ui/safe.js';
import { renderTable } from '../ui/table.js';
import { jsonList, type JsonOutOptions } from '../ui/json-out.js';
import { FAULTS, type EventType, type Incident, type IncidentEvent } from '../domain/types.js';
import { dueMovedWith, isReplyDeadline, isWritten, letterOfDeadline, levelOf, mayBeReplyDeadline, replyDeadlineOf, timelineFault } from '../domain/incident.js';
import { replyPromiseIn, replyPromiseMoved, sentNoteIn } from '../domain/letter-words.js';
import { formatLocalMinute, msOf } from '../domain/dates.js';
import { EVENT_FIELDS, FIELD_SPECS, definedOnly, requiredWhenLogged, sameEventAs } from '../domain/events.js';
import { companyKey, slipOf } from '../domain/names.js';
import { changingStore, checkCompanyName, checkNote, companyOrNew, lookalikeWarning, requireCompany, requireIncident, readingStore } from './shared.js';
import { checkEventFits, eventFromFlags, idsOfWords, incidentJson, refuseClosingAhead, whenFlag } from './incident.js';
import { LIMITS } from '../formats/data-file.js';
import type { Store } from '../store/store.js';
import { opSummary, type FieldChange } from '../domain/op-summary.js';
import { requireVocabulary } from '../i18n/vocabulary.js';
import { readerLang, t } from '../i18n/index.js';
import { compensationWords } from '../ui/render-incident.js';

export async function runRename(ctx: Context, name: string, newName: string, opts: { alias?: boolean }): Promise<CommandResult> {
  const target = checkCompanyName(newName);
  return changingStore(ctx, (store) => {
    const company = requireCompany(store, name);
    const c = t().correct;
    if (company.name === target) throw new UserError(c.sameName(company.name));
    const owner = store.findCompany(target);
    if (owner && owner.id !== company.id) throw new UserError(c.nameTaken(target, owner.name, company.name));
    const keep = opts.alias !== false;
    const aliasKept = keep && companyKey(target) !== company.key;
    store.write(() => store.renameCompany(company, target, keep), { summary: opSummary({ k: 'rename', from: company.name, to: target, alias: aliasKept }) });
    const renamed = store.companyById(company.id)!;
    // A name that looks like another company's, in letters of another script, is warned of, as a new company's is.
    const like = lookalikeWarning(store, target, company.id);
    return { err: [`${c.renamed(company.name, renamed.name, aliasKept)} (${c.takeBack})`, ...(like ? [like] : [])] };
  });
}

export async function runMerge(ctx: Context, fromName: string, intoName: string): Promise<CommandResult> {
  return changingStore(ctx, (store) => {
    const from = requireCompany(store, fromName);
    const into = requireCompany(store, intoName);
    const c = t().correct;
    if (from.id === into.id) throw new UserError(c.oneAlready(fromName, intoName, from.name));
    const moved = { checks: store.checksOf(from.id).length, incidents: store.incidentsOf(from.id).length };
    // What `into` has of its own is kept; what `from` had otherwise is said, not dropped without a word.
    const lost: { parent?: string; website?: string; category?: string } = {};
    // (One whose parent was the merged company takes the merged one's parent: nothing is lost then.)
    if (from.parent_id !== null && into.parent_id !== null && into.parent_id !== from.id && from.parent_id !== into.parent_id && from.parent_id !== into.id) lost.parent = store.companyById(from.parent_id)!.name;
    if (from.website && into.website && from.website !== into.website) lost.website = from.website;
    if (from.category && into.category && from.category !== into.category) lost.category = from.category;
    store.write(() => store.mergeCompanies(from, into), { summary: opSummary({ k: 'merge', from: from.name, into: into.name, ...moved }) });
    const note = Object.keys(lost).length ? [c.mergeKeptOwn(from.name, into.name, lost)] : [];
    return { err: [`${c.merged(from.name, into.name, moved.checks, moved.incidents)} (${c.takeBack})`, ...note] };
  });
}

export async function runEditCompany(ctx: Context, name: string, opts: { category?: string; website?: string; parent?: string }): Promise<CommandResult> {
  if (opts.category === undefined && opts.website === undefined && opts.parent === undefined) {
    throw new UserError(t().correct.companyEditWhat);
  }
  const text = (v: string | undefined, flag: string, max: number) => {
    if (v === undefined) return undefined;
    const trimmed = v.trim();
    if ([...trimmed].length > max) throw new UserError(t().correct.tooLong(flag, max));
    return trimmed === '' ? null : trimmed;
  };
  const category = text(opts.category, '--category', LIMITS.name);
  const website = text(opts.website, '--website', 2000);
  return changingStore(ctx, (store) => {
    const company = requireCompany(store, name);
    let parentId: number | null | undefined;
    // A parent not on record yet is added (a subsidiary's parent is a company of its own).
    let newParent: string | undefined;
    let warning: string | undefined;
    if (opts.parent !== undefined) {
      if (opts.parent.trim() === '') parentId = null;
      else {
        const named = companyOrNew(store, checkCompanyName(opts.parent), company);
        const parent = named.company;
        warning = named.warning;
        if (!parent) newParent = checkCompanyName(opts.parent);
        else if (store.isAncestor(parent.id, company.id)) throw new UserError(t().correct.parentLoop(parent.name, company.name, parent.id === company.id));
        parentId = parent?.id;
      }
    }
    const changed = store.write(
      () => {
        if (newParent !== undefined) parentId = store.ensureCompany(newParent, formatLocalMinute(ctx.now())).company.id;
        return store.editCompany(company.id, { parentId, website, category });
      },
      { summary: opSummary({ k: 'company-edit', company: company.name }) },
    );
    if (!changed) return { err: t().correct.sameDetails(company.name) };
    return { err: newParent !== undefined ? [...(warning ? [warning] : []), t().correct.companyUpdated(company.name), t().correct.parentAdded(newParent)] : t().correct.companyUpdated(company.name) };
  });
}

export async function runRemoveCompany(ctx: Context, name: string, opts: { withEvidence?: boolean }): Promise<CommandResult> {
  return changingStore(ctx, (store) => {
    const company = requireCompany(store, name);
    const checks = store.checksOf(company.id);
    const incidents = store.incidentsOf(company.id);
    const pin = store.pinOf(company.id);
    const c = t().correct;
    const evidence = [...checks.map((x) => ({ check: x.id })), ...incidents.map((i) => ({ incident: i.id })), ...(pin ? [{ pin: pin.list }] : [])];
    if (evidence.length && !opts.withEvidence) {
      throw new UserError(c.hasEvidence(company.name, evidence.slice(0, 6).map(c.evidence), Math.max(0, evidence.length - 6)));
    }
    // Its subsidiaries stay, without a parent: said, as a removal's consequence is.
    const subsidiaries = store.subsidiariesOf(company.id).map((x) => x.name);
    store.write(() => store.removeCompany(company.id), { summary: opSummary({ k: 'company-remove', company: company.name, evidence: evidence.length }) });
    return { err: `${c.companyRemoved(company.name, evidence.length)}${subsidiaries.length ? c.noLongerParent(subsidiaries) : ''} (${c.bringBack})` };
  });
}

export interface EditIncidentOptions {
  title?: string;
  fault?: string;
  opened?: string;
  company?: string;
  json?: boolean;
}

export async function runEditIncident(ctx: Context, id: string, opts: EditIncidentOptions): Promise<CommandResult> {
  const noFlags = opts.title === undefined && opts.fault === undefined && opts.opened === undefined && opts.company === undefined;
  if (noFlags) {
    if (!ctx.interactive || opts.json) {
      throw new UserError(t().correct.incidentEditWhat(id));
    }
    const { editIncidentInEditor } = await import('./edit-incident.js');
    return editIncidentInEditor(ctx, id);
  }
  const title = opts.title !== undefined ? opts.title.trim() : undefined;
  if (title !== undefined && [...title].length > LIMITS.name * 2) throw new UserError(t().errors.longTitle(LIMITS.name * 2));
  const fault = opts.fault !== undefined ? await requireVocabulary('fault', FAULTS, opts.fault, '--fault') : undefined;
  const typedOpening = opts.opened !== undefined ? whenFlag(opts.opened, '--opened', ctx.now()) : undefined;
  return changingStore(ctx, (store) => {
    const incident = requireIncident(store, id);
    // The same moment written another way is no change (as in the editor): the opening stays as it was written.
    const opened = typedOpening !== undefined && msOf(typedOpening) === msOf(incident.opened) ? undefined : typedOpening;
    // Moved to a company not on record yet, it is added, as `incident add` adds one; a name like
    // one on record (a typo, a lookalike) is refused, naming it.
    const named = opts.company !== undefined ? checkCompanyName(opts.company) : undefined;
    const company = named !== undefined ? companyOrNew(store, named).company : undefined;
    const isNew = named !== undefined && !company;
    if (opened !== undefined) checkOpeningFits(incident, opened);
    // Nothing to change: no operation, and no undo offered (one then would take back another change).
    const same = (title === undefined || title === incident.title) && (fault === undefined || fault === incident.fault) && opened === undefined && (named === undefined || company?.id === incident.companyId);
    if (same) {
      if (opts.json) return { out: toJson(incidentJson(incident, ctx.now())) };
      return { err: t().correct.sameIncident(incident.id) };
    }
    const to = store.write(
      () => {
        const target = isNew ? store.ensureCompany(named!, formatLocalMinute(ctx.now())).company : company;
        store.updateIncident(incident.rowId, { title, fault, opened, companyId: target?.id });
        return target;
      },
      { summary: opSummary({ k: 'incident-edit', id: incident.id, ...(title !== undefined ? { title: true } : {}), ...(fault ? { fault } : {}), ...(opened ? { opened } : {}), ...(named !== undefined ? { company: company?.name ?? named } : {}) }) },
    );
    const updated = store.findIncident(incident.id)!;
    if (opts.json) return { out: toJson(incidentJson(updated, ctx.now())) };
    const moved = to && to.id !== incident.companyId;
    // What changed, as an event's edit says it (the company, by the move).
    const fields: FieldChange[] = [
      ...(title !== undefined && title !== incident.title ? [{ field: 'title', value: title }] : []),
      ...(fault !== undefined && fault !== incident.fault ? [{ field: 'fault', value: fault }] : []),
      ...(opened !== undefined ? [{ field: 'opened', value: opened }] : []),
    ];
    const c = t().correct;
    return { err: `${c.incidentUpdated(incident.id, fields.length ? c.changes(fields) : '', moved ? incident.company : null, moved ? to.name : null, isNew)} (${c.takeBack})` };
  });
}

/** An incident cannot open after the first event of its timeline, nor after it was closed (the timeline's own rules). */
export function checkOpeningFits(incident: Incident, opened: string): void {
  const fault = timelineFault({ ...incident, opened });
  if (fault?.kind === 'before-opening') {
    const first = incident.events[0];
    throw new UserError(t().correct.cannotOpen(incident.id, opened, first.id!, first.type, first.at));
  }
  if (fault?.kind === 'closed-before-opening') throw new UserError(t().correct.openAfterClosing(incident.id, opened, fault.closed));
}

export async function runRemoveIncident(ctx: Context, id: string): Promise<CommandResult> {
  return changingStore(ctx, (store) => {
    const incident = requireIncident(store, id);
    const events = incident.events.length;
    store.write(() => store.removeIncident(incident.rowId), { summary: opSummary({ k: 'incident-remove', id: incident.id, company: incident.company, events }) });
    return { err: `${t().correct.incidentRemoved(incident.id, incident.company, events)} (${t().correct.bringBack})` };
  });
}

export async function runReopen(ctx: Context, id: string): Promise<CommandResult> {
  return changingStore(ctx, (store) => {
    const incident = requireIncident(store, id);
    if (!incident.closed && !incident.events.some((e) => e.type === 'resolution')) throw new UserError(t().correct.openAlready(incident.id));
    store.write(() => store.reopenIncident(incident.rowId), { summary: opSummary({ k: 'reopen', id: incident.id }) });
    // Closed by a resolution, that is removed; closed by its closing time alone, that time is.
    const byResolution = incident.events.some((e) => e.type === 'resolution');
    return { err: `${byResolution ? t().correct.reopened(incident.id) : t().correct.reopenedTime(incident.id, incident.closed!)} (${t().correct.takeBack})` };
  });
}

function requireEvent(store: Store, eventId: string) {
  const found = store.findEvent(eventId.trim());
  if (found) return found;
  const hash = eventId.lastIndexOf('#');
  const incident = hash > 0 ? store.findIncident(eventId.slice(0, hash)) : undefined;
  if (incident) {
    throw new UserError(t().correct.noSuchEvent(incident.id, eventId.slice(hash), incident.events.map((e) => e.id!)));
  }
  if (hash <= 0) throw new UserError(t().correct.notEventId(eventId));
  requireIncident(store, eventId.slice(0, hash));
  throw new UserError(t().correct.noEvent(eventId));
}

export interface EditEventOptions {
  at?: string;
  json?: boolean;
  [field: string]: unknown;
}

export async function runEditEvent(ctx: Context, eventId: string, opts: EditEventOptions): Promise<CommandResult> {
  const given = await idsOfWords(opts);
  return changingStore(ctx, (store) => {
    const { incident, event, rowId } = requireEvent(store, eventId);
    const type = event.type as EventType;
    const fields = eventFromFlags(type, given, ctx.now());
    const at = opts.at !== undefined ? whenFlag(opts.at, '--at', ctx.now()) : event.at;
    if (at !== event.at) refuseClosingAhead(type, at, opts.at, ctx.now());
    // Nothing asked for at all; a time given that is the event's own is a change to nothing (below).
    if (!Object.keys(fields).length && opts.at === undefined) {
      throw new UserError(t().correct.eventEditWhat(type, EVENT_FIELDS[type].fields.map((f) => `--${f.replace(/_/g, '-')}`)));
    }
    const next = definedOnly({ ...event, ...fields, at } as IncidentEvent);
    // What logging requires stays: a note's words are not taken away (blanks are no words).
    const lost = requiredWhenLogged(type).filter((f) => (next as unknown as Record<string, unknown>)[f] === undefined);
    if (lost.length) throw new UserError(t().errors.eventNeeds(type, lost.map((f) => `--${f.replace(/_/g, '-')}`), type === 'promise'));
    checkEventFits(incident, type, at, next as unknown as Record<string, unknown>, event.id, event);
    if (next.note !== undefined) checkNote(next.note);
    const twin = sameEventAs(next, incident.events.filter((e) => e.id !== event.id));
    if (twin) throw new UserError(t().correct.eventTwice(event.id!, twin.id!));
    const changes = changesOf(event, next);
    // Nothing to record: an entry in the history that changed nothing would be the next undo's.
    if (!changes.length) return { err: t().correct.sameEvent(event.id!), ...(opts.json ? { out: toJson(event) } : {}) };
    // A letter's reply deadline stands at the letter's moment and level (that is how it is known):
    // the letter moved without it, it read as a promise of the company's, kept by any apology.
    // The letter takes its deadline along; a deadline moved alone is a promise of the company's
    // from then on (one logged at a letter's moment by chance is mended so), and is said to be.
    const moved = next.at !== event.at || levelOf(next) !== levelOf(event);
    const letter = moved ? letterOfDeadline(incident.events, event) : undefined;
    const deadline = moved && isWritten(next) ? replyDeadlineOf(incident.events, event) : undefined;
    // A letter made a call (another channel, a person answering): its deadline stays, a promise of the company's now, and is said to be.
    const orphan = isWritten(event) && !isWritten(next) ? replyDeadlineOf(incident.events, event) : undefined;
    // Its due moves as far as the letter (the time to answer stays what it was), and the words
    // `letter --sent` wrote tell the letter's new date.
    const deadlineNext = deadline
      ? definedOnly({
          ...deadline,
          at: next.at,
          level: next.level,
          due: deadline.due && next.at !== event.at ? dueMovedWith(deadline.due, event.at, next.at) : deadline.due,
          text: (deadline.text && next.at !== event.at && replyPromiseMoved(deadline.text, event.at, next.at)) || deadline.text,
        })
      : undefined;
    if (deadlineNext) checkEventFits(incident, 'promise', next.at, deadlineNext as unknown as Record<string, unknown>, deadline!.id);
    // Of a day alone a reply deadline is known only by the words `letter --sent` gives it: a
    // letter moved to a day alone, or the words of such a deadline changed, turned it into a
    // promise of the company's, broken when let pass, with a word saying it moved with its letter.
    if (deadlineNext && !mayBeReplyDeadline(deadlineNext)) throw new UserError(t().correct.deadlineNeedsTime(deadline!.id!, event.id!, next.at.slice(0, 10)));
    const ofLetter = !moved && isReplyDeadline(incident.events, event) ? letterOfDeadline(incident.events, event) : undefined;
    if (ofLetter && !mayBeReplyDeadline(next)) throw new UserError(t().correct.deadlineWordsNeedTime(event.id!, ofLetter.id!));
    store.write(
      () => {
        store.updateEvent(rowId, next);
        if (deadline) store.updateEvent(store.findEvent(deadline.id!)!.rowId, deadlineNext!);
      },
      { summary: opSummary({ k: 'event-edit', id: event.id!, type, incident: incident.id, changes }) },
    );
    if (opts.json) return { out: toJson(store.findEvent(event.id!)!.event) };
    const updated = t().correct.eventUpdated(event.id!, t().correct.changes(changes));
    return { err: [`${updated}${deadline ? t().correct.deadlineFollows(deadline.id!) : ''} (${t().correct.takeBack})`, ...(letter ? [t().correct.deadlineLeft(event.id!, letter.id!)] : []), ...(orphan ? [t().correct.deadlineOrphaned(orphan.id!, event.id!)] : [])] };
  });
}

/** What changed between two versions of an event: each field with its new value, or none when cleared. */
function changesOf(before: IncidentEvent, after: IncidentEvent): FieldChange[] {
  const b = before as unknown as Record<string, unknown>;
  const a = after as unknown as Record<string, unknown>;
  const keys = ['at', ...Object.keys(FIELD_SPECS)];
  return keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => (a[k] === undefined ? { field: k } : { field: k, value: a[k] as string | number | boolean }));
}

export async function runRemoveEvent(ctx: Context, eventId: string): Promise<CommandResult> {
  return changingStore(ctx, (store) => {
    const { incident, event, rowId } = requireEvent(store, eventId);
    // A letter goes with its reply deadline: left behind, the deadline read as a promise of the company's.
    const deadline = replyDeadlineOf(incident.events, event);
    store.write(
      () => {
        store.removeEvent(rowId);
        if (deadline) store.removeEvent(store.findEvent(deadline.id!)!.rowId);
      },
      { summary: opSummary({ k: 'event-remove', id: event.id!, type: event.type, at: event.at, incident: incident.id }) },
    );
    const removed = t().correct.eventRemoved(event.id!, event.type, event.at, incident.id);
    return { err: `${removed}${deadline ? t().correct.deadlineGoes(deadline.id!) : ''} (${t().correct.bringBack})` };
  });
}

/** The subcommands of `vetted event` (program.ts), whose names a mistyped one is matched against. */
const EVENT_SUBCOMMANDS = ['list', 'edit', 'remove'];

/** `vetted event list [INCIDENT]`: events by their ids, of one incident or of all. */
export async function runListEvents(ctx: Context, id: string | undefined, opts: JsonOutOptions): Promise<CommandResult> {
  return readingStore(ctx, (store) => {
    // `vetted event lsit` ran the listing of an incident named "lsit": a subcommand's name mistyped is said to be one.
    const slip = id !== undefined && !store.findIncident(id) ? slipOf(id, EVENT_SUBCOMMANDS) : [];
    if (slip.length) throw new UserError(t().errors.seeHelp(t().help.unknownSubcommand(id!, 'vetted event', EVENT_SUBCOMMANDS, slip), 'vetted event'));
    const incidents = id !== undefined ? [requireIncident(store, id)] : store.allIncidents();
    const rows = incidents.flatMap((i) => i.events.map((e) => ({ ...e, incident: i.id, company: i.company })));
    if (opts.json || opts.ndjson) return { out: jsonList(rows, opts) };
    const c = t();
    if (!rows.length) return { out: `${c.correct.noEvents}\n` };
    const [idH, whenH, typeH, companyH, whatH] = c.correct.eventHeaders;
    // The words `letter --sent` kept (a letter's contact, its reply deadline) in the reader's language.
    const word = (e: IncidentEvent, events: readonly IncidentEvent[]) =>
      (e.text !== undefined && isReplyDeadline(events, e) ? replyPromiseIn(e.text, readerLang()) : e.text) ??
      // A compensation by what it was and how it came, as the timeline says them, its note after.
      (e.type === 'compensation' ? [compensationWords(e), e.note].filter(Boolean).join(' — ') || undefined : undefined) ??
      (e.note !== undefined && isWritten(e) ? sentNoteIn(e.note, readerLang()) : e.note) ??
      (e.outcome && c.words.outcome[e.outcome]) ?? (e.channel && c.words.channel[e.channel]) ?? (e.level && c.words.level[e.level]) ?? '';
    return {
      out: renderTable(
        [{ header: idH }, { header: whenH }, { header: typeH }, { header: companyH, max: 30 }, { header: whatH, max: 60 }],
        incidents.flatMap((i) => i.events.map((e) => [e.id!, c.fmt.dateTime(e.at), c.words.event[e.type], i.company, word(e, i.events)])),
      ),
    };
  });
}
