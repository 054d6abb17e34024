// `vetted incident add|event|list|show|close`: log a service failure as it unfolds.

import { toJson } from '../ui/safe.js';
import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { UserError } from '../errors.js';
import { EVENT_FIELDS, FIELD_SPECS, isEventType } from '../domain/events.js';
import { EVENT_TYPES, FAULTS, OUTCOMES, type EventType, type Fault, type IncidentEvent } from '../domain/types.js';
import { formatLocalMinute, parseWhen, msOf } from '../domain/dates.js';
import { computeMetrics, isOpen } from '../domain/incident.js';
import { slugOf } from '../domain/names.js';
import { LIMITS } from '../formats/data-file.js';
import { checkCompanyName, checkNote, lookalikeWarning, requireCompany, withStore } from './shared.js';
import type { Store } from '../store/store.js';
import { attachmentsOf } from '../store/attachments.js';
import { renderIncident, renderIncidentList } from '../ui/render-incident.js';
import { colourWanted, paint } from '../ui/colour.js';

export interface AddOptions {
  title?: string;
  fault?: string;
  opened?: string;
  json?: boolean;
}

const flagOf = (field: string) => `--${field.replace(/_/g, '-')}`;
const camel = (field: string) => field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** A date given on the command line: ISO 8601 and a real calendar date. */
export function checkWhen(value: string, flag: string): string {
  const w = parseWhen(value);
  if (!w) throw new UserError(`${flag} takes an ISO 8601 date such as 2024-07-12 or 2024-07-12T09:30, and "${value}" is not one (or not a real date).`);
  return w.text;
}

function checkFault(value: string | undefined): Fault | undefined {
  if (value === undefined) return undefined;
  if (!(FAULTS as readonly string[]).includes(value)) throw new UserError(`--fault takes ${FAULTS.join(', ')}, not "${value}".`);
  return value as Fault;
}

function checkTitle(title: string): string {
  const t = title.trim();
  if (!t) throw new UserError('--title cannot be empty; say in a few words what went wrong.');
  if ([...t].length > LIMITS.name * 2) throw new UserError(`a title can be at most ${LIMITS.name * 2} characters; shorten it.`);
  return t;
}

function requireIncident(store: Store, id: string) {
  const found = store.findIncident(id);
  if (!found) throw new UserError(`there is no incident "${id}"; see \`vetted incident list\` for the ids.`);
  return found;
}

/** The event fields given as flags, checked against what the event type takes. */
export function eventFromFlags(type: EventType, opts: Record<string, unknown>): Record<string, unknown> {
  const spec = EVENT_FIELDS[type];
  const out: Record<string, unknown> = {};
  for (const [name, f] of Object.entries(FIELD_SPECS)) {
    const raw = opts[camel(name)];
    if (raw === undefined) continue;
    const flag = flagOf(name);
    if (!spec.fields.includes(name)) {
      throw new UserError(`${flag} does not apply to a ${type} event; a ${type} takes ${spec.fields.map(flagOf).join(', ')}.`);
    }
    switch (f.kind) {
      case 'bool':
        out[name] = raw === true;
        break;
      case 'count':
        if (!/^\d+$/.test(String(raw))) throw new UserError(`${flag} takes a whole number, 0 or more, not "${raw}".`);
        out[name] = Number(raw);
        break;
      case 'number':
        if (!/^\d+(\.\d+)?$/.test(String(raw))) throw new UserError(`${flag} takes a number such as 50 or 12.5, not "${raw}".`);
        out[name] = Number(raw);
        break;
      case 'when':
        out[name] = checkWhen(String(raw), flag);
        break;
      case 'enum':
        if (!f.values!.includes(String(raw))) throw new UserError(`${flag} takes ${f.values!.join(', ')}, not "${raw}".`);
        out[name] = String(raw);
        break;
      case 'currency':
        if (!/^[A-Za-z]{3}$/.test(String(raw))) throw new UserError(`${flag} takes a three-letter ISO 4217 code such as EUR, not "${raw}".`);
        out[name] = String(raw).toUpperCase();
        break;
      case 'text':
        out[name] = checkNote(String(raw), flag);
        break;
    }
  }
  return out;
}

function missingRequired(type: EventType, fields: Record<string, unknown>): string[] {
  return EVENT_FIELDS[type].required.filter((f) => fields[f] === undefined);
}

function nowText(ctx: Context): string {
  return formatLocalMinute(ctx.now());
}

export async function runAdd(ctx: Context, companyArg: string, opts: AddOptions): Promise<CommandResult> {
  const company = checkCompanyName(companyArg);
  let title = opts.title !== undefined ? checkTitle(opts.title) : undefined;
  let fault = checkFault(opts.fault);
  const opened = opts.opened !== undefined ? checkWhen(opts.opened, '--opened') : nowText(ctx);
  const willAsk = ctx.interactive && !opts.json;
  if (!willAsk && title === undefined) {
    throw new UserError('an incident needs a title: give --title "what went wrong" (or run on a terminal to be asked).');
  }
  return withStore(ctx, async (store) => {
    const warnings: string[] = [];
    if (!store.findCompany(company)) {
      const w = lookalikeWarning(store, company);
      if (w) warnings.push(w);
    }
    let firstContact: Record<string, unknown> | undefined;
    if (willAsk) {
      for (const w of warnings.splice(0)) ctx.err.write(`${w}\n`);
      const prompts = await import('../ui/incident-prompts.js');
      const colour = colourWanted(ctx.err, { noColor: ctx.noColor }, ctx.env);
      const asked = await prompts.askIncident({ title: title === undefined, fault: fault === undefined }, colour);
      title = title ?? checkTitle(asked.title ?? '');
      fault = fault ?? asked.fault;
      if (await prompts.askFirstContact(colour)) firstContact = await prompts.askEventFields('contact', {}, colour);
    }
    const ref = store.write(() => {
      const { company: row } = store.ensureCompany(company, opened);
      const ref = store.nextIncidentRef(slugOf(row.name));
      const rowId = store.insertIncident({ ref, companyId: row.id, title: title!, opened, fault: fault ?? 'unknown' });
      if (firstContact) store.addEvent(rowId, { at: nowText(ctx), type: 'contact', ...firstContact } as IncidentEvent);
      return ref;
    });
    const incident = store.findIncident(ref)!;
    const hint = `next: vetted incident event ${ref} contact --channel phone --reached-human --wait-minutes 12`;
    if (opts.json) return { out: toJson(incidentJson(incident, ctx.now())), err: warnings };
    return { out: `${ref}\n`, err: [...warnings, `opened incident ${ref} with ${incident.company}`, hint] };
  });
}

export interface EventOptions {
  at?: string;
  json?: boolean;
  [field: string]: unknown;
}

export async function runEvent(ctx: Context, id: string, typeArg: string, opts: EventOptions): Promise<CommandResult> {
  if (!isEventType(typeArg)) throw new UserError(`"${typeArg}" is not an event type; the types are: ${EVENT_TYPES.join(', ')}.`);
  const type = typeArg;
  const fields = eventFromFlags(type, opts);
  const at = opts.at !== undefined ? checkWhen(opts.at, '--at') : nowText(ctx);
  return withStore(ctx, async (store) => {
    const incident = requireIncident(store, id);
    const noFlags = Object.keys(fields).length === 0;
    if (ctx.interactive && !opts.json && (noFlags || missingRequired(type, fields).length)) {
      const { askEventFields } = await import('../ui/incident-prompts.js');
      Object.assign(fields, await askEventFields(type, fields, colourWanted(ctx.err, { noColor: ctx.noColor }, ctx.env)));
    }
    const missing = missingRequired(type, fields);
    if (missing.length) {
      throw new UserError(`a ${type} event needs ${missing.map(flagOf).join(' and ')}${type === 'promise' ? ' (when it falls due, such as --due 2024-07-13T18:00)' : ''}.`);
    }
    const event = { at, type, ...fields } as IncidentEvent;
    const warnings: string[] = [];
    if (msOf(at) < msOf(incident.opened)) warnings.push(`note: this event (${at}) is before the incident was opened (${incident.opened}).`);
    const added = store.write(() => store.addEvent(incident.rowId, event));
    if (!added) throw new UserError(`this ${type} at ${at} is on the timeline of ${incident.id} already; nothing was added.`);
    const updated = store.findIncident(incident.id)!;
    if (opts.json) return { out: toJson({ incident: updated.id, event, metrics: computeMetrics(updated, ctx.now()) }) };
    return { err: [...warnings, `logged ${type} on ${updated.id} (${updated.company}) at ${at}`] };
  });
}

export async function runClose(ctx: Context, id: string, opts: { outcome?: string; at?: string; note?: string; json?: boolean }): Promise<CommandResult> {
  if (!opts.outcome) throw new UserError(`say how it ended: --outcome ${OUTCOMES.join('|')}.`);
  return runEvent(ctx, id, 'resolution', { outcome: opts.outcome, at: opts.at, note: opts.note, json: opts.json });
}

export function incidentJson(i: ReturnType<Store['findIncident']> & object, now: number) {
  const { rowId: _r, companyId: _c, ...rest } = i;
  return { ...rest, open: isOpen(i), metrics: computeMetrics(i, now) };
}

export async function runList(ctx: Context, opts: { company?: string; open?: boolean; json?: boolean }): Promise<CommandResult> {
  return withStore(ctx, (store) => {
    let incidents = opts.company ? store.incidentsOf(requireCompany(store, opts.company).id) : store.allIncidents();
    if (opts.open) incidents = incidents.filter(isOpen);
    const now = ctx.now();
    if (opts.json) {
      return {
        out: toJson(
          incidents.map((i) => {
            const m = computeMetrics(i, now);
            return { id: i.id, company: i.company, title: i.title, opened: i.opened, fault: i.fault, open: isOpen(i), events: i.events.length, promises_broken: m.promises_broken, highest_level: m.highest_level };
          }),
        ),
      };
    }
    if (!incidents.length) return { out: opts.open ? 'No open incidents.\n' : 'No incidents yet. Open one with `vetted incident add "Company" --title "what went wrong"`.\n' };
    return { out: renderIncidentList(incidents, now, paint(colourWanted(ctx.out, { noColor: ctx.noColor }, ctx.env))) };
  });
}

export async function runShow(ctx: Context, id: string, opts: { json?: boolean }): Promise<CommandResult> {
  return withStore(ctx, (store) => {
    const incident = requireIncident(store, id);
    const attachments = attachmentsOf(store, incident.rowId).map(({ incident: _i, ...a }) => a);
    if (opts.json) return { out: toJson({ ...incidentJson(incident, ctx.now()), attachments }) };
    return { out: renderIncident(incident, ctx.now(), paint(colourWanted(ctx.out, { noColor: ctx.noColor }, ctx.env)), attachments) };
  });
}
