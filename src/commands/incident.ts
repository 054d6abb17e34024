// `vetted incident add|event|list|show|close`: log a service failure as it unfolds.

import { safeText, toJson, writePieces } from '../ui/safe.js';
import { jsonListPieces, type JsonOutOptions } from '../ui/json-out.js';
import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { UserError } from '../errors.js';
import { EVENT_FIELDS, FIELD_SPECS, MAX_COUNT, fieldFits, isEventType, requiredWhenLogged, sameEventAs, definedOnly, eventNumber } from '../domain/events.js';
import { EVENT_TYPES, FAULTS, OUTCOMES, type EventType, type Fault, type Incident, type IncidentEvent } from '../domain/types.js';
import { formatLocalMinute, formatZonedMinute, localWallClock, parseAmount, parseHumanWhen, parseWhen } from '../domain/dates.js';
import { isBefore } from '../domain/date-rules.js';
import { checkWhen } from './when.js';
import { timeAnswerProblem } from '../ui/time-answer.js';
import { computeMetrics, isOpen, isReachedUnknown, letterOfDeadline } from '../domain/incident.js';
import { incidentListRow, incidentListRowOfText, type IncidentListRow } from '../domain/digest.js';
import { LIMITS } from '../formats/data-file.js';
import { askWhichCompany, checkCompanyName, checkNote, problemOf, lookalikeWarning, requireCompany, requireIncident, typoWarning, withStore, readingStore, refuseWhereNone } from './shared.js';
import type { Store } from '../store/store.js';
import { attachmentsOf } from '../store/attachments.js';
import { incidentListCells, renderIncident, renderIncidentListPieces } from '../ui/render-incident.js';
import { colourWanted, paint } from '../ui/colour.js';
import { fitLines, terminalWidth } from '../ui/wrap.js';
import { t, t as say } from '../i18n/index.js';
import { opSummary } from '../domain/op-summary.js';
import { requireVocabulary, vocabularyId, type Vocabulary } from '../i18n/vocabulary.js';

export interface AddOptions {
  title?: string;
  fault?: string;
  opened?: string;
  json?: boolean;
}

const flagOf = (field: string) => `--${field.replace(/_/g, '-')}`;
const camel = (field: string) => field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** A time given on the command line, in the stored form; only `--due` may lie ahead. */
export function whenFlag(value: string, flag: string, now: number): string {
  return checkWhen(value, flag, now, { future: flag === '--due' }).text;
}

async function checkFault(value: string | undefined): Promise<Fault | undefined> {
  if (value === undefined) return undefined;
  return requireVocabulary('fault', FAULTS, value, '--fault');
}

/** The vocabulary of each event field that takes one of a closed set of values. */
const VOCABULARY_OF: Record<string, Vocabulary> = { level: 'level', channel: 'channel', kind: 'kind', effort: 'effort', outcome: 'outcome' };

/** Values of closed vocabularies given in a catalog's words (`--outcome решено`), as their ids. */
export async function idsOfWords<O extends Record<string, unknown>>(opts: O): Promise<O> {
  const out: Record<string, unknown> = { ...opts };
  for (const [field, vocabulary] of Object.entries(VOCABULARY_OF)) {
    const raw = out[field];
    if (typeof raw === 'string') out[field] = await requireVocabulary(vocabulary, FIELD_SPECS[field].values!, raw, flagOf(field));
  }
  return out as O;
}

function checkTitle(title: string): string {
  const t = title.trim();
  if (!t) throw new UserError(say().errors.emptyTitle);
  if ([...t].length > LIMITS.name * 2) throw new UserError(say().errors.longTitle(LIMITS.name * 2));
  return t;
}

/** The event fields given as flags, checked against what the event type takes. */
export function eventFromFlags(type: EventType, opts: Record<string, unknown>, now: number): Record<string, unknown> {
  const spec = EVENT_FIELDS[type];
  const out: Record<string, unknown> = {};
  for (const [name, f] of Object.entries(FIELD_SPECS)) {
    const raw = opts[camel(name)];
    if (raw === undefined) continue;
    const flag = flagOf(name);
    if (!spec.fields.includes(name)) {
      throw new UserError(t().errors.notForType(flag, type, spec.fields.map(flagOf)));
    }
    switch (f.kind) {
      case 'bool':
        out[name] = raw === true;
        break;
      case 'count':
        if (!/^\d+$/.test(String(raw)) || !fieldFits(f, Number(raw))) throw new UserError(t().errors.wholeNumber(flag, String(raw), MAX_COUNT));
        out[name] = Number(raw);
        break;
      case 'number': {
        const n = parseAmount(String(raw));
        // The largest sum that can be typed (twelve digits and cents), not the largest kept.
        if (n === undefined || !fieldFits(f, n)) throw new UserError(t().errors.number(flag, String(raw), 999_999_999_999.99));
        out[name] = n;
        break;
      }
      case 'when':
        out[name] = whenFlag(String(raw), flag, now);
        break;
      case 'enum':
        if (!f.values!.includes(String(raw))) throw new UserError(t().vocabulary.notOne(flag, [...f.values!], String(raw)));
        out[name] = String(raw);
        break;
      case 'currency':
        if (!/^[A-Za-z]{3}$/.test(String(raw))) throw new UserError(t().errors.currency(flag, String(raw)));
        out[name] = String(raw).toUpperCase();
        break;
      case 'text': {
        // A text of blanks is no text: left out when logged, taken away by an edit (a promise
        // of blanks showed as `promise "   "`). Any other is kept exactly as given.
        const text = checkNote(String(raw), flag);
        out[name] = text.trim() ? text : undefined;
        break;
      }
    }
  }
  return out;
}

/** What is wrong with a text typed for an event's field: as its flag's, longer than a note may be. */
function textProblem(name: string, value: string): string | undefined {
  return problemOf((v) => checkNote(v, name === 'text' ? t().errors.theirWords : t().errors.aNote))(value);
}

function missingRequired(type: EventType, fields: Record<string, unknown>): string[] {
  return requiredWhenLogged(type).filter((f) => fields[f] === undefined || (typeof fields[f] === 'string' && !(fields[f] as string).trim()));
}

/** Now, as a time an event, an opening or a closing is stored at: with its offset (formatZonedMinute), an instant wherever it is read later. */
function nowText(ctx: Context): string {
  return formatZonedMinute(ctx.now());
}

export async function runAdd(ctx: Context, companyArg: string, opts: AddOptions): Promise<CommandResult> {
  let company = checkCompanyName(companyArg);
  let title = opts.title !== undefined ? checkTitle(opts.title) : undefined;
  let fault = await checkFault(opts.fault);
  const opened = opts.opened !== undefined ? whenFlag(opts.opened, '--opened', ctx.now()) : nowText(ctx);
  const willAsk = ctx.interactive && !opts.json;
  if (!willAsk && title === undefined) {
    throw new UserError(t().errors.needsTitle({ json: !!opts.json, terminal: ctx.interactive }));
  }
  // Loaded here alone of the incident commands: building its expressions took every one of them 2 ms more.
  const { refSlugOf } = await import('../domain/redact.js');
  return withStore(ctx, async (store) => {
    const warnings: string[] = [];
    if (!store.findCompany(company)) {
      const w = lookalikeWarning(store, company);
      if (w) warnings.push(w);
      const typo = typoWarning(store, company);
      if (typo && willAsk) {
        // The new one chosen by name is no typo to warn of.
        company = await askWhichCompany(ctx, company, typo.like);
      } else if (typo) warnings.push(typo.warning);
    }
    let firstContact: Record<string, unknown> | undefined;
    let firstContactAt: string | undefined;
    if (willAsk) {
      for (const w of warnings.splice(0)) ctx.err.write(`${safeText(w)}\n`);
      const prompts = await import('../ui/incident-prompts.js');
      const colour = colourWanted(ctx.err, { noColor: ctx.noColor }, ctx.env);
      const asked = await prompts.askIncident({ title: title === undefined, fault: fault === undefined }, colour, problemOf(checkTitle));
      title = title ?? checkTitle(asked.title ?? '');
      fault = fault ?? asked.fault;
      if (await prompts.askFirstContact(colour)) {
        // When it was, as the opening given says it began (logged now, a contact of an incident
        // opened weeks before said it was first reported today), or now.
        // Now is offered as the local clock reads it, and kept, taken as offered, with its offset as any now is.
        const offeredAt = ctx.now();
        // An opening given with its offset is offered as the local clock read it (as the timeline shows it), and kept as given when taken.
        const offered = opts.opened !== undefined ? localWallClock(opened).replace('T', ' ') : formatLocalMinute(offeredAt);
        const typed = await prompts.askWhen(t().prompts.firstContactAt, offered, colour, (v) => timeAnswerProblem(v, ctx.now(), { past: true, notBefore: { at: opened, say: t().prompts.beforeOpened } }));
        firstContactAt = typed === offered ? (opts.opened === undefined ? formatZonedMinute(offeredAt) : opened) : parseHumanWhen(typed, ctx.now())!.text;
        firstContact = await prompts.askEventFields('contact', {}, colour, textProblem);
      }
    }
    const ref = store.write(() => {
      const { company: row } = store.ensureCompany(company, opened);
      const ref = store.nextIncidentRef(refSlugOf(row.name));
      const rowId = store.insertIncident({ ref, companyId: row.id, title: title!, opened, fault: fault ?? 'unknown' });
      if (firstContact) store.addEvent(rowId, { at: firstContactAt ?? nowText(ctx), type: 'contact', ...firstContact } as IncidentEvent);
      return ref;
    }, { summary: (ref) => opSummary({ k: 'incident', id: ref, company, title: title! }) });
    const incident = store.findIncident(ref)!;
    // The next step, not the one just taken: after the first contact, what they promise.
    const hint = firstContact ? t().incident.nextPromise(ref) : t().incident.next(ref);
    if (opts.json) return { out: toJson(incidentJson(incident, ctx.now())), err: warnings };
    return { out: `${ref}\n`, err: [...warnings, t().incident.opened(ref, incident.company), hint] };
  });
}

export interface EventOptions {
  at?: string;
  json?: boolean;
  [field: string]: unknown;
}

export async function runEvent(ctx: Context, id: string, typeArg: string, opts: EventOptions): Promise<CommandResult> {
  const type = isEventType(typeArg) ? typeArg : await vocabularyId('event', EVENT_TYPES, typeArg);
  if (!type) throw new UserError(t().errors.notEventType(typeArg, [...EVENT_TYPES]));
  const given = eventFromFlags(type, await idsOfWords(opts as unknown as Record<string, unknown>), ctx.now());
  // A text of none given is no text: not a field of the event logged.
  const fields = definedOnly(given);
  const at = opts.at !== undefined ? whenFlag(opts.at, '--at', ctx.now()) : nowText(ctx);
  refuseClosingAhead(type, at, opts.at, ctx.now());
  refuseWhereNone(ctx, () => new UserError(t().errors.noIncident(id)));
  return withStore(ctx, async (store) => {
    const incident = requireIncident(store, id);
    checkEventFits(incident, type, at, fields);
    const noFlags = Object.keys(fields).length === 0;
    if (ctx.interactive && !opts.json && (noFlags || missingRequired(type, fields).length)) {
      const { askEventFields } = await import('../ui/incident-prompts.js');
      Object.assign(fields, await askEventFields(type, fields, colourWanted(ctx.err, { noColor: ctx.noColor }, ctx.env), textProblem, at));
    }
    const missing = missingRequired(type, fields);
    if (missing.length) {
      throw new UserError(t().errors.eventNeeds(type, missing.map(flagOf), type === 'promise'));
    }
    const event = { at, type, ...fields } as IncidentEvent;
    const warnings: string[] = [];
    const added = store.write(
      () => {
        // Checked again within the write: another process may have closed the incident (or
        // moved its opening) since, while this one was asking or waiting for the lock.
        const current = requireIncident(store, incident.id);
        checkEventFits(current, type, at, fields);
        // The same moment written another way (`18:00Z` where the zone is UTC) is the same event.
        if (sameEventAs(event, current.events)) return false;
        return store.addEvent(incident.rowId, event);
      },
      { summary: opSummary({ k: 'event', type, incident: incident.id, at }) },
    );
    if (!added) throw new UserError(t().errors.duplicateEvent(type, at, incident.id));
    const updated = store.findIncident(incident.id)!;
    const logged = updated.events.find((e) => eventNumber(e.id) === added)!;
    // A promise at the moment and level of a letter the customer sent is read as its reply
    // deadline (settled by any answer): said, for a promise the company made is not.
    const letter = letterOfDeadline(updated.events, logged);
    if (letter) warnings.push(t().incident.readAsDeadline(logged.id!, letter.id!));
    // Logged without a word of how it went: counted as not known, and said so, with how to say it.
    if (isReachedUnknown(logged)) warnings.push(t().incident.reachedUnknown(logged.id!));
    if (opts.json) return { out: toJson({ incident: updated.id, event: logged, metrics: computeMetrics(updated, ctx.now()) }), err: warnings };
    return { err: [t().incident.logged(type, updated.id, updated.company, at, logged.id!), ...warnings] };
  });
}


/**
 * Refuses an event that cannot stand on this timeline: one before the incident opened, or a
 * second resolution (an incident closes once; reopen it to close it again).
 */
/**
 * A closing judges the promises made before it by its time: one ahead of the clock (within the
 * minutes of drift a data file's times may be ahead) would judge them now by what has not
 * happened, and call one broken before its deadline. Typed on this clock (`--at`, as `given`, to
 * log a resolution or to move one), it has no drift, and is refused.
 */
export function refuseClosingAhead(type: EventType, at: string, given: string | undefined, now: number): void {
  if (type === 'resolution' && given !== undefined && parseWhen(at)!.ms > now) throw new UserError(t().correct.closingAhead('--at', given, formatLocalMinute(now)));
}

export function checkEventFits(incident: Incident, type: EventType, at: string, fields: Record<string, unknown>, self?: string, was?: IncidentEvent): void {
  const c = t().correct;
  const when = (t: string) => parseWhen(t)!;
  // An event edited with its times as they were is not refused for them: they stood already (a
  // time without its offset, logged in another zone, may read as before the opening here, and
  // its words could not be mended).
  const timesKept = was !== undefined && was.at === at && (was as { due?: unknown }).due === fields.due;
  if (!timesKept) {
    if (isBefore(when(at), when(incident.opened))) throw new UserError(c.beforeOpening(type, at, incident.id, incident.opened));
    if (type === 'promise' && typeof fields.due === 'string' && isBefore(when(fields.due), when(at))) throw new UserError(c.dueBeforeMade(fields.due, at));
  }
  if (type === 'resolution') {
    const other = incident.events.find((e) => e.type === 'resolution' && e.id !== self);
    if (other || (incident.closed && !self)) throw new UserError(c.closedAlready(incident.id, other ? { id: other.id!, outcome: other.outcome } : null));
  }
}

export async function runClose(ctx: Context, id: string, opts: { outcome?: string; at?: string; note?: string; json?: boolean }): Promise<CommandResult> {
  // On a terminal, asked how it ended (as `incident event ID resolution` asks); else it must be said.
  if (!opts.outcome && (!ctx.interactive || opts.json)) throw new UserError(t().errors.needsOutcome([...OUTCOMES]));
  return runEvent(ctx, id, 'resolution', { outcome: opts.outcome, at: opts.at, note: opts.note, json: opts.json });
}

export function incidentJson(i: ReturnType<Store['findIncident']> & object, now: number) {
  const { rowId: _r, companyId: _c, ...rest } = i;
  return { ...rest, open: isOpen(i), metrics: computeMetrics(i, now) };
}

export async function runList(ctx: Context, opts: { company?: string; open?: boolean } & JsonOutOptions): Promise<CommandResult> {
  return readingStore(ctx, async (store) => {
    const now = ctx.now();
    // Incidents are read by the digests of their timelines, and only their rows kept (for a
    // table, only their cells): no event is read where the digests are kept.
    const rows: IncidentListRow[] = [];
    const cells: string[][] = [];
    const keep = (row: IncidentListRow) => {
      if (opts.open && !row.open) return;
      if (opts.json) rows.push(row);
      else cells.push(incidentListCells(row));
    };
    if (opts.company !== undefined) for (const i of store.incidentsOf(requireCompany(store, opts.company).id)) keep(incidentListRow(i, now));
    else store.eachIncidentListed((i) => keep(incidentListRowOfText(i, now)));
    // Written as it is made, a line or a few dozen incidents at a time: at 100,000 companies the
    // whole text, and the JSON value of every row, were hundreds of megabytes at once.
    if (opts.json) {
      function* items() {
        for (const r of rows) yield { id: r.id, company: r.company, title: r.title, opened: r.opened, fault: r.fault, open: r.open, closed: r.closed, outcome: r.outcome, events: r.events, promises_broken: r.promises_broken, highest_level: r.highest_level };
      }
      await writePieces(ctx.out, jsonListPieces(items(), opts));
      return {};
    }
    if (!cells.length) return { out: `${opts.open ? t().incident.noOpen : t().incident.none}\n` };
    await writePieces(ctx.out, renderIncidentListPieces(cells, paint(colourWanted(ctx.out, { noColor: ctx.noColor }, ctx.env)), terminalWidth(ctx.out)));
    return {};
  });
}

export async function runShow(ctx: Context, id: string, opts: { json?: boolean }): Promise<CommandResult> {
  return readingStore(ctx, (store) => {
    const incident = requireIncident(store, id);
    const attachments = attachmentsOf(store, incident.rowId).map(({ incident: _i, ...a }) => a);
    if (opts.json) return { out: toJson({ ...incidentJson(incident, ctx.now()), attachments }) };
    return { out: fitLines(renderIncident(incident, ctx.now(), paint(colourWanted(ctx.out, { noColor: ctx.noColor }, ctx.env)), attachments), terminalWidth(ctx.out)) };
  });
}
