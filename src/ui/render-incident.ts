// An incident as a person reads it: the timeline in plain words, the figures, what is owed.

import type { Incident, IncidentEvent } from '../domain/types.js';
import { calendarDaysBetween, localWallClock, msOf } from '../domain/dates.js';
import { guillemets, replyPromiseIn, sentNoteIn } from '../domain/letter-words.js';
import { readerLang, t } from '../i18n/index.js';
import { closingOf, computeMetrics, isAtFault, isOpen, madeAfterFix, isReplyDeadline, isWritten, levelOf, isSettledReply, promiseStatus, replyOwedBy, replySettledBy, type IncidentMetrics } from '../domain/incident.js';
import type { IncidentListRow } from '../domain/digest.js';
import type { Paint } from './colour.js';
import { safeText } from './safe.js';
import { renderTablePieces } from './table.js';
import { largest } from '../domain/extremes.js';

/** User text, made safe; null when there is none. */
const said = (s: string | undefined) => (s ? safeText(s) : null);

/** A reply deadline's words, made safe: those `letter --sent` kept told in the reader's language. */
const replyWords = (e: IncidentEvent) => said(e.text && replyPromiseIn(e.text, readerLang()));

/** `#4` of `volga-2012-07#4`. */
function eventNumber(e: IncidentEvent): string {
  return e.id ? e.id.slice(e.id.lastIndexOf('#')) : '';
}

/** The time of day of a stored time as the local clock reads it ('' for a date). */
function shortTime(text: string): string {
  return text.length > 10 ? localWallClock(text).slice(11, 16) : '';
}

/** What a compensation was (its kind and sum, "refund 300 RUB") and how it came (offered unasked, what it took), as its line on the timeline says them; each empty where nothing says it. */
function compensationParts(e: IncidentEvent): { what: string; how: string } {
  const ev = t().incident.event;
  const what = ev.compensationWhat(e.kind, e.amount !== undefined ? `${t().fmt.number(e.amount)}${e.currency ? ` ${e.currency}` : ''}` : '');
  const how = [e.proactive ? ev.unasked : e.proactive === false ? ev.whenAsked : '', e.effort ? ev.took(e.effort) : ''].filter(Boolean).join(', ');
  return { what, how };
}

/** The same in one phrase, for a column of its own (`event list`): "refund 300 RUB (took: paperwork)", "took: asked"; empty where nothing says it. */
export function compensationWords(e: IncidentEvent): string {
  const { what, how } = compensationParts(e);
  return what && how ? `${what} (${how})` : what || how;
}

/**
 * One event in plain words. With `absolute`, a promise says its date and state, never a
 * time relative to now (for pages that are read later).
 */
export function describeEvent(e: IncidentEvent, incident: Incident, now: number, paint: Paint, opts: { absolute?: boolean } = {}): string {
  const c = t().incident;
  const ev = c.event;
  const lvl = e.level && e.level !== 'frontline' ? ev.level(e.level) : '';
  const note = e.note ? ` — ${safeText(isWritten(e) ? sentNoteIn(e.note, readerLang()) : e.note)}` : '';
  switch (e.type) {
    case 'contact': {
      const parts: string[] = [ev.contact(e.channel, lvl)];
      if (e.robot) parts.push(ev.robot(e.queue_position));
      else if (e.queue_position) parts.push(ev.queue(e.queue_position));
      if (e.reached_human) parts.push(ev.reached(e.wait_minutes));
      else if (e.reached_human === false) parts.push(ev.noPerson(e.wait_minutes));
      if (e.dropped) parts.push(paint.red(ev.dropped));
      return parts.join(': ').replace(/: (.*): /, ': $1, ') + note;
    }
    case 'promise': {
      const s = promiseStatus(e, incident, now);
      // The reply deadline of a letter of the customer's: answered or not, never a promise kept or broken.
      if (isReplyDeadline(incident.events, e)) {
        // Settled by their answer, or by the fix before any answer (settled, not answered), or
        // not at all, or marked by hand (then however it was answered).
        const by = replySettledBy(incident, e);
        const late = e.kept === false ? 'marked' : by === 'fix' ? 'fixed' : by === 'answer' ? 'answered' : 'unanswered';
        const partial = closingOf(incident)?.outcome === 'partial';
        if (opts.absolute) return c.replyOnPage(replyWords(e), lvl, e.due!, s.state, late, partial) + note;
        const reply =
          s.state === 'kept'
            ? paint.green(late === 'fixed' ? ev.fixedInTime(partial) : ev.answeredInTime)
            : s.state === 'broken'
              ? paint.red(
                  late === 'marked'
                    ? ev.markedUnanswered
                    : late === 'fixed'
                      ? ev.fixedLate(s.lateMs ?? 0, partial)
                      : late === 'answered'
                        ? ev.answeredLate(s.lateMs ?? 0)
                        : ev.unanswered(s.lateMs ?? null, awaited(incident, e)),
                )
              : paint.yellow(ev.dueIn(s.dueMs - now));
        return ev.replyDeadline(replyWords(e), lvl, e.due!, reply) + note;
      }
      if (opts.absolute) return c.promiseOnPage(said(e.text), lvl, e.due!, s.state) + note;
      const state =
        s.state === 'kept'
          ? paint.green(ev.kept)
          : s.state === 'broken'
            ? paint.red(ev.broken(s.lateMs ?? null, awaited(incident, e) && e.kept === undefined && !isSettledReply(incident.events, e)))
            : paint.yellow(ev.dueIn(s.dueMs - now));
      return ev.promise(said(e.text), lvl, e.due!, state) + note;
    }
    case 'escalation':
      return ev.escalation(levelOf(e)) + note;
    case 'apology':
      return ev.apology(lvl) + note;
    case 'explanation':
      return ev.explanation(lvl) + note;
    case 'compensation': {
      const { what, how } = compensationParts(e);
      return ev.compensation(what, how, lvl) + note;
    }
    case 'refusal':
      return `${paint.red(ev.refusal)}${e.policy ? ev.asPolicy : ''}${lvl}${e.text ? `: ${quoteOf(safeText(e.text))}` : ''}${note}`;
    case 'resolution':
      return ev.resolution(e.outcome, lvl) + note;
    case 'note':
      return ev.note(lvl, safeText(e.text ?? ''));
  }
}

/** Quoted as the language quotes. */
function quoteOf(s: string): string {
  return t().lang === 'ru' ? guillemets(s) : `"${s}"`;
}

export function describeMetrics(m: IncidentMetrics): string[] {
  return t().incident.metrics({
    contacts: m.contacts,
    robots: m.robot_contacts,
    dropped: m.dropped_contacts,
    toHuman: m.minutes_to_human_logged ? m.minutes_to_human : null,
    reachedHuman: m.minutes_to_human !== null,
    unknown: m.contacts_reached_human_unknown,
    promises: m.promises,
    broken: m.promises_broken,
    replies: m.reply_deadlines,
    missed: m.reply_deadlines_missed,
    theirReplies: m.authority_reply_deadlines,
    theirMissed: m.authority_reply_deadlines_missed,
    highest: m.highest_level,
    apologised: m.apologized,
    explained: m.explained,
    compensated: m.compensated,
    proactive: m.proactive_compensation,
    effort: m.customer_effort,
    daysOpen: m.days_open,
  });
}

/**
 * Whether a promise is still awaited, its lateness still growing: in an open incident, and in one
 * closed by a fix that came before the promise was made (the fix did not settle it).
 */
function awaited(i: Incident, e: IncidentEvent): boolean {
  return isOpen(i) || madeAfterFix(e, closingOf(i));
}

/** What the company still owes: pending promises, a fix, an apology, compensation. */
export function stillOwed(i: Incident, now: number): string[] {
  const c = t().incident;
  const owed: string[] = [];
  for (const e of i.events.filter((x) => x.type === 'promise' && x.due)) {
    const s = promiseStatus(e, i, now);
    // A reply that came late is late, but no longer owed.
    if (s.state !== 'kept' && awaited(i, e) && !isSettledReply(i.events, e)) {
      // A letter to a regulator or a court awaits their reply, not the company's.
      const whose = replyOwedBy(i.events, e);
      if (whose) owed.push(c.owedTheirReply(whose, replyWords(e), e.due!));
      else if (isReplyDeadline(i.events, e)) owed.push(c.owedReply(replyWords(e), e.due!));
      else owed.push(c.owedPromise(said(e.text), e.due!));
    }
  }
  const closing = closingOf(i);
  // Closed by its closing time alone (as a data file may close it), with no resolution: never fixed.
  if (!closing) owed.push(i.closed ? c.owedFixClosed(i.closed) : c.owedFix);
  if (isAtFault(i)) {
    if (!i.events.some((e) => e.type === 'apology')) owed.push(c.owedApology);
    if (!i.events.some((e) => e.type === 'explanation')) owed.push(c.owedExplanation);
    if (!i.events.some((e) => e.type === 'compensation')) owed.push(c.owedCompensation);
  }
  return owed;
}

export interface ShownAttachment {
  id: number;
  name: string;
  size: number;
  event: number | null;
  note: string | null;
}

export function renderIncident(i: Incident, now: number, paint: Paint, attachments: ShownAttachment[] = []): string {
  const c = t().incident;
  const lines: string[] = [];
  const closing = closingOf(i);
  lines.push(paint.bold(`${i.id} · ${safeText(i.company)} · ${safeText(i.title)}`));
  lines.push(c.head(safeText(i.opened), i.fault, closing ? c.closedAs(closing.outcome) : i.closed ? c.closedOn(safeText(i.closed)) : paint.yellow(c.open)));
  lines.push('');
  const opened = msOf(i.opened);
  if (!i.events.length) lines.push(paint.dim(c.noEvents(i.id)));
  const idWidth = largest(i.events.map((e) => eventNumber(e).length), 0);
  // The day of the incident each happened on; an event before the opening (an old record) shows its date alone.
  const dayTexts = i.events.map((e) => {
    const day = calendarDaysBetween(opened, msOf(e.at)) + 1;
    return day >= 1 ? c.day(day) : '';
  });
  // The day's column as wide as the longest day shown and a space, and at least as a day of two
  // digits ("день 10" is a letter longer than "day 10"): a timeline past day 99 keeps its column.
  const dayWidth = dayTexts.reduce((w, d) => Math.max(w, d.length), c.day(10).length) + 1;
  for (const [k, e] of i.events.entries()) {
    const dayText = dayTexts[k];
    const when = `${t().fmt.date(e.at)} ${shortTime(e.at).padEnd(5)}  ${dayText.padEnd(dayWidth)}`;
    lines.push(`  ${eventNumber(e).padStart(idWidth)}  ${paint.dim(when)} ${describeEvent(e, i, now, paint)}`);
  }
  if (i.events.length) lines.push(paint.dim(c.eventIdHint(i.id, i.events[0].id!)));
  lines.push('', paint.bold(c.figures));
  for (const l of describeMetrics(computeMetrics(i, now))) lines.push(`  ${l}`);
  const owed = stillOwed(i, now);
  if (owed.length) {
    lines.push('', paint.bold(c.stillOwed));
    for (const o of owed) lines.push(`  • ${o}`);
  }
  if (attachments.length) {
    lines.push('', paint.bold(c.attachments));
    for (const a of attachments) {
      const ties = [a.event !== null ? c.attachmentEvent(a.event) : '', a.note ? quoteOf(safeText(a.note)) : ''].filter(Boolean).join(' · ');
      lines.push(`  ${String(a.id).padStart(3)}  ${safeText(a.name)} (${c.size(a.size)})${ties ? ` · ${ties}` : ''}`);
    }
    lines.push(paint.dim(c.saveAttachment(attachments[0].id)));
  }
  return lines.join('\n') + '\n';
}

/** What `incident list` shows of an incident: a cell for each of its columns. */
export function incidentListCells(r: IncidentListRow): string[] {
  const c = t().incident;
  return [r.id, r.company, t().fmt.date(r.opened), r.open ? c.open : r.outcome ? t().words.outcome[r.outcome] : c.closed, String(r.promises_broken), r.title];
}

/** The table of `incident list`, a line at a time, as it is taken, from each row's incidentListCells. */
export function renderIncidentListPieces(cells: string[][], paint: Paint, width?: number): Generator<string> {
  const [id, company, opened, state, broken, title] = t().incident.listHeaders;
  return renderTablePieces(
    [{ header: id }, { header: company, max: 30 }, { header: opened }, { header: state }, { header: broken, align: 'right' }, { header: title, wrap: true }],
    cells,
    paint.bold,
    width,
  );
}
