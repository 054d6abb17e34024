// `vetted incident edit ID` with no flags, on a terminal: the incident as YAML (its vetted/1
// shape) in $VISUAL / $EDITOR; on save it is checked, a problem is written at the top of the
// file with its line and the editor opens again; the result is applied as one operation.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LineCounter, stringify } from 'yaml';
import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { UserError } from '../errors.js';
import { FORMAT, isMap, orderedEvent, validateDataFile, withoutNulls, type DataProblem, type IncidentEntry, type KeptProblem, type OpenedIncidentEntry } from '../formats/data-file.js';
import { YamlAliasInItself, parseYaml, yamlValue } from '../formats/yaml-limits.js';
import { formatPath, type Path } from '../domain/validation.js';
import { msOf, parseWhen } from '../domain/dates.js';
import { eventContentKey, sameEventAs, sortEvents } from '../domain/events.js';
import type { IncidentEvent } from '../domain/types.js';
import { requireCompany, requireIncident, withStore } from './shared.js';
import type { Store } from '../store/store.js';
import { opSummary, type EditorChanges } from '../domain/op-summary.js';
import { t } from '../i18n/index.js';

const HEADER = (id: string) => t().correct.editorHeader(id).join('\n');

/** Whether a line is a problem written into the file on an earlier round (in any language's word). */
const isErrorLine = (l: string) => l.startsWith(`# ${t().correct.errorMark}`) || /^# ERROR/.test(l);

/** A problem found in the edited text, with the line it is on when known. */
interface EditProblem {
  line?: number;
  message: string;
}

/** The incident as the user edits it: the data file's incident, events with their ids. */
function toEditable(incident: ReturnType<Store['findIncident']> & object): IncidentEntry {
  return {
    id: incident.id,
    company: incident.company,
    title: incident.title,
    opened: incident.opened,
    fault: incident.fault,
    ...(incident.closed ? { closed: incident.closed } : {}),
    events: incident.events.map(orderedEvent),
  };
}

/**
 * A date rule a kept problem breaks, named by the field and the event (by its id, wherever the
 * event stands in the list) it is at, and by the times it is between (an event before the
 * opening: the two; a deadline before its promise: the two; a closing before the opening: the
 * two; a time still to come: that time): the same before and after an edit that left them be.
 * A faulty time moved to another faulty time is a fault of the edit's making.
 */
function keptKey(k: KeptProblem, incident: unknown): string {
  const [, , field, j, ...rest] = k.path;
  const i = isMap(incident) ? incident : {};
  const events = Array.isArray(i.events) ? i.events : [];
  const e = field === 'events' && typeof j === 'number' && isMap(events[j]) ? events[j] : {};
  const event = field === 'events' && e.id !== undefined ? String(e.id) : j;
  // A time by the instant it names: written another way in the editor, it is the same time.
  const when = (v: unknown) => (typeof v === 'string' ? (parseWhen(v)?.ms ?? v) : (v ?? null));
  const times =
    k.kind === 'before-opening' ? [i.opened, e.at]
    : k.kind === 'due-before-made' ? [e.at, e.due]
    : k.kind === 'closed-before-opening' ? [i.opened, i.closed]
    : k.kind === 'future' ? [k.path.slice(2).reduce<unknown>((v, step) => (isMap(v) || Array.isArray(v) ? (v as Record<string | number, unknown>)[step] : undefined), i)]
    : [];
  // (Of the fault, its kind: its words name the times, which the key holds already.)
  return JSON.stringify([field, event, ...rest, k.fault.kind, ...times.map(when)]);
}

/**
 * Reads the edited text: a problem list, or the incident it describes (null when emptied). Given
 * the incident as it was (`before`), a date rule it broke already, as an older version kept it,
 * is let stand (in `stood`): the edit is refused only for the date faults it makes.
 */
export function readEdited(text: string, now: number, before?: IncidentEntry): { problems: EditProblem[] } | { entry: OpenedIncidentEntry | null; stood?: EditProblem[] } {
  const body = text.split('\n').filter((l) => !isErrorLine(l)).join('\n');
  if (!body.split('\n').some((l) => l.trim() && !l.trim().startsWith('#'))) return { entry: null };
  const lc = new LineCounter();
  const doc = parseYaml(body, lc);
  if (doc.errors.length) return { problems: doc.errors.map((e) => ({ line: lc.linePos(e.pos[0]).line, message: t().files.yamlDetail(e.message.split('\n')[0], e.code) })) };
  const lineOf = (path: Path): number | undefined => {
    for (let p = path; p.length; p = p.slice(0, -1)) {
      const node = doc.getIn(p, true) as { range?: [number, number] } | undefined;
      if (node?.range) return lc.linePos(node.range[0]).line;
    }
    return undefined;
  };
  let data: unknown;
  try {
    data = yamlValue(doc, '', lc);
  } catch (err) {
    // An alias's fault is said at its line, as every problem here is; the file needs no name.
    if (err instanceof YamlAliasInItself) return { problems: [{ line: err.line, message: err.detail }] };
    return { problems: [{ message: (err as Error).message }] };
  }
  // A field emptied (`closed:`, an event's `note:`) is one taken out, as a data file's null is.
  if (isMap(data)) data = withoutNulls(data);
  const kept: KeptProblem[] = [];
  // A closing time beside its resolution is held to the editor's own rule below: moved with it, it moves.
  const validated = validateDataFile({ format: FORMAT, incidents: [data] }, { now, kept, everyDate: true, closedApart: true });
  const errors = 'errors' in validated ? validated.errors : [];
  const was = new Set<string>();
  if (before) {
    const keptBefore: KeptProblem[] = [];
    validateDataFile({ format: FORMAT, incidents: [before] }, { now, kept: keptBefore, everyDate: true });
    for (const k of keptBefore) was.add(keptKey(k, before));
  }
  const stood = kept.filter((k) => was.has(keptKey(k, data)));
  errors.push(...kept.filter((k) => !was.has(keptKey(k, data))));
  const said = (e: DataProblem): EditProblem => {
    const path = e.path.slice(2);
    return { line: lineOf(path), message: `${formatPath(path) || t().correct.theIncident}: ${t().data.fault(e.fault)}` };
  };
  // The opening is the incident's, shown to be edited: deleted, it is asked for (as its title
  // is), not moved to its earliest event as one a data file leaves out is.
  if (isMap(data) && (data.opened === undefined || data.opened === null)) {
    const at = errors.findIndex((e) => e.fault.kind === 'required-without-events');
    const required: DataProblem = { path: ['incidents', 0, 'opened'], fault: { kind: 'required' } };
    if (at < 0) errors.push(required);
    else errors[at] = required;
  }
  if ('errors' in validated || errors.length) return { problems: errors.map(said) };
  const entry = validated.value.incidents![0] as OpenedIncidentEntry;
  return stood.length ? { entry, stood: stood.map(said) } : { entry };
}

/** Opens the editor on `file` and waits for it; the editor may be a command with arguments. */
function openEditor(ctx: Context, file: string): void {
  const editor = ctx.env.VISUAL || ctx.env.EDITOR || 'vi';
  const r = spawnSync('/bin/sh', ['-c', `${editor} "$1"`, 'sh', file], { stdio: 'inherit' });
  if (r.error || r.status !== 0) {
    throw new UserError(t().correct.editorFailed(editor, r.status));
  }
}

export async function editIncidentInEditor(ctx: Context, id: string): Promise<CommandResult> {
  return withStore(ctx, async (store) => {
    const incident = requireIncident(store, id);
    const original = `${HEADER(incident.id)}\n${stringify(toEditable(incident), { lineWidth: 0 })}`;
    const dir = mkdtempSync(join(tmpdir(), 'vetted-edit-'));
    const file = join(dir, `${incident.id}.yaml`);
    let keep = false;
    try {
      writeFileSync(file, original, { mode: 0o600, flag: 'wx' });
      // What the editor was last given: closed without saving, it comes back the same, and
      // nothing changes (after a problem was written into it too: else it opened for ever).
      let given = original;
      for (;;) {
        openEditor(ctx, file);
        const text = readFileSync(file, 'utf8');
        if (text === given) return { err: given === original ? t().correct.notChanged(incident.id) : t().correct.leftWithProblems(incident.id) };
        const read = readEdited(text, ctx.now(), toEditable(incident));
        let problems: EditProblem[];
        if ('entry' in read) {
          if (read.entry === null) return { err: t().correct.emptied(incident.id) };
          let applied: string | EditProblem[];
          try {
            applied = tryApply(store, incident, read.entry);
          } catch (err) {
            if (!(err instanceof ChangedMeanwhile)) throw err;
            // The record moved on while the editor was open: what the user typed is kept, not lost,
            // nor laid over that change. A failure at run time, as a busy database is (exit 1).
            keep = true;
            const gone = !store.findIncident(incident.id, { exact: true });
            return { err: `vetted: ${(gone ? t().correct.removedMeanwhile : t().correct.changedMeanwhile)(incident.id, file)}`, code: 1 };
          }
          // What an older version kept that the rules refuse now, let stand: said, not refused.
          if (typeof applied === 'string') return { err: [applied, ...(read.stood ?? []).map((p) => t().correct.stoodAsKept(p.message))] };
          problems = applied;
        } else problems = read.problems;
        const notes = problems.map((p) => `# ${t().correct.errorAt(p.line ? p.line + problems.length : undefined)}: ${p.message.replace(/\n/g, ' ')}`);
        for (const n of notes) ctx.err.write(`${n.slice(2)}\n`);
        given = `${notes.join('\n')}\n${text.split('\n').filter((l) => !isErrorLine(l)).join('\n')}`;
        writeFileSync(file, given);
      }
    } finally {
      if (!keep) rmSync(dir, { recursive: true, force: true });
    }
  });
}

/** The incident was changed by another command while it was open in the editor. */
class ChangedMeanwhile extends Error {}

/** Applies the edited incident as one operation; a list of problems when it cannot stand. */
function tryApply(store: Store, incident: ReturnType<Store['findIncident']> & object, entry: OpenedIncidentEntry): string | EditProblem[] {
  if (entry.id !== undefined && entry.id !== incident.id) return [{ message: t().correct.idChanged(incident.id) }];
  // Files are kept by their own commands: a list of them typed here was passed over without a word.
  if (entry.attachments?.length) return [{ message: t().correct.attachmentsHere(incident.id) }];
  let companyId: number;
  try {
    companyId = requireCompany(store, entry.company).id;
  } catch (err) {
    return [{ message: t().correct.companyProblem((err as Error).message) }];
  }
  const byId = new Map(incident.events.map((e) => [e.id!, e]));
  const edited = entry.events ?? [];
  for (const e of edited) if (e.id !== undefined && !byId.has(e.id)) return [{ message: t().correct.notEventOf(e.id, incident.id) }];
  // One id on two events would make one of them the other's change, and the other lost.
  const seen = new Set<string>();
  for (const e of edited) {
    if (e.id === undefined) continue;
    if (seen.has(e.id)) return [{ message: t().correct.idOfTwo(e.id) }];
    seen.add(e.id);
  }
  // An id stands for one event: what cites it (a letter, a note, a link) cites that kind of event.
  for (const e of edited) {
    const was = e.id === undefined ? undefined : byId.get(e.id)!.type;
    if (was !== undefined && was !== e.type) return [{ message: t().correct.typeChanged(e.id!, was, e.type) }];
  }
  const kept = new Set(edited.flatMap((e) => (e.id ? [e.id] : [])));
  const next = { ...incident, title: entry.title, opened: entry.opened, fault: entry.fault ?? 'unknown', closed: entry.closed, events: sortEvents(edited, msOf) };
  // A moment written another way is the same moment, kept as it was written.
  const sameMoment = (a: string | null | undefined, b: string | null | undefined) => (a ?? null) === (b ?? null) || (!!a && !!b && msOf(a) === msOf(b));
  // The rules of dates (an event before the opening, a promise due before it was made, a second
  // resolution) were weighed as the file was read (readEdited): only a fault the edit makes is refused.
  // An event added or changed the same as another (duplicates an older version left are let be).
  const name = (e: IncidentEvent) => e.id ?? t().correct.newEvent(e.type, e.at);
  for (const e of next.events) {
    if (e.id !== undefined && eventContentKey(e) === eventContentKey(byId.get(e.id)!)) continue;
    const twin = sameEventAs(e, next.events);
    if (twin) return [{ message: t().correct.eventTwice(name(e), name(twin)) }];
  }
  // A closing time given beside the resolution that closed it, at another: two times for one closing.
  // (Of two an older version let in, the one that closed it, where it is still there.)
  const resolutions = next.events.filter((e) => e.type === 'resolution' && e.outcome);
  const resolution = resolutions.find((e) => incident.closed && sameMoment(e.at, incident.closed)) ?? resolutions.pop();
  if (resolution && entry.closed !== undefined && !sameMoment(entry.closed, incident.closed) && msOf(entry.closed) !== msOf(resolution.at)) {
    return [{ message: t().correct.closedNotResolution(entry.closed, name(resolution), resolution.at) }];
  }
  // What changed, told before anything is written: where nothing did, nothing is (and no undo is offered).
  const company = companyId !== incident.companyId ? store.companyById(companyId)!.name : undefined;
  // The closing follows the resolution that closed it (moved in the file, it moves), unless a time of its own was given.
  const opened = sameMoment(entry.opened, incident.opened) ? incident.opened : entry.opened;
  const closing = resolution ?? edited.find((e) => e.type === 'resolution');
  const closedGiven = entry.closed !== undefined && !sameMoment(entry.closed, incident.closed) ? entry.closed : undefined;
  const closedTo = closedGiven ?? closing?.at ?? (entry.closed === undefined ? null : (incident.closed ?? null));
  const changes: EditorChanges = {
    k: 'incident-editor',
    id: incident.id,
    removed: incident.events.filter((old) => !kept.has(old.id!)).length,
    added: edited.filter((e) => e.id === undefined).length,
    changed: edited.filter((e) => e.id !== undefined && eventContentKey(e) !== eventContentKey(byId.get(e.id)!)).length,
    ...(entry.title !== incident.title ? { title: true } : {}),
    ...((entry.fault ?? 'unknown') !== incident.fault ? { fault: entry.fault ?? 'unknown' } : {}),
    ...(opened !== incident.opened ? { opened } : {}),
    ...(company !== undefined ? { company } : {}),
    ...(closedTo !== (incident.closed ?? null) ? { closed: closedTo } : {}),
  };
  const { k: _k, id: _id, changed: c, added: a, removed: r, ...fields } = changes;
  if (!c && !a && !r && !Object.keys(fields).length) return t().correct.notChanged(incident.id);
  store.write(
    () => {
      // The edit is of the incident as it was when the editor opened: applied to one another
      // command has changed since, it would put back what that command did (or lose an event).
      const current = store.findIncident(incident.id);
      if (!current || JSON.stringify(toEditable(current)) !== JSON.stringify(toEditable(incident))) throw new ChangedMeanwhile();
      store.updateIncident(incident.rowId, { title: entry.title, fault: entry.fault ?? 'unknown', opened, companyId });
      for (const old of incident.events) if (!kept.has(old.id!)) store.removeEvent(store.findEvent(old.id!)!.rowId);
      for (const e of edited) {
        if (e.id === undefined) store.addEvent(incident.rowId, e);
        else if (eventContentKey(e) !== eventContentKey(byId.get(e.id)!)) store.updateEvent(store.findEvent(e.id)!.rowId, e);
      }
      store.setIncidentClosedTo(incident.rowId, closedTo);
    },
    { summary: () => opSummary(changes) },
  );
  return `${t().correct.editorApplied(changes)} (${t().correct.takeBack})`;
}
