// An incident as a person reads it: the timeline in plain words, the figures, what is owed.

import type { Incident, IncidentEvent } from '../domain/types.js';
import { calendarDaysBetween, describeDuration, msOf, plural } from '../domain/dates.js';
import { closingOf, computeMetrics, isAtFault, isOpen, levelOf, promiseStatus, type IncidentMetrics } from '../domain/incident.js';
import type { Paint } from './colour.js';
import { safeText } from './safe.js';
import { renderTable } from './table.js';

const q = (s: string | undefined) => (s ? `"${safeText(s)}"` : '');

/** `#4` of `volga-2012-07#4`. */
function eventNumber(e: IncidentEvent): string {
  return e.id ? e.id.slice(e.id.lastIndexOf('#')) : '';
}

function shortTime(text: string): string {
  return text.length > 10 ? text.slice(11, 16) : '';
}

/** One event in plain words. */
export function describeEvent(e: IncidentEvent, incident: Incident, now: number, paint: Paint): string {
  const lvl = e.level && e.level !== 'frontline' ? ` (${e.level})` : '';
  const note = e.note ? ` — ${safeText(e.note)}` : '';
  switch (e.type) {
    case 'contact': {
      const parts: string[] = [`contact${e.channel ? (e.channel === 'in-person' ? ' in person' : ` by ${e.channel}`) : ''}${lvl}`];
      if (e.robot) parts.push(`a robot in the way${e.queue_position ? `, place ${e.queue_position} in the queue` : ''}`);
      else if (e.queue_position) parts.push(`place ${e.queue_position} in the queue`);
      if (e.reached_human) parts.push(`reached a person${e.wait_minutes !== undefined ? ` after ${plural(e.wait_minutes, 'minute')}` : ''}`);
      else if (e.reached_human === false) parts.push(`no person${e.wait_minutes !== undefined ? ` in ${plural(e.wait_minutes, 'minute')}` : ''}`);
      if (e.dropped) parts.push(paint.red('cut off or unanswered'));
      return parts.join(': ').replace(/: (.*): /, ': $1, ') + note;
    }
    case 'promise': {
      const s = promiseStatus(e, incident, now);
      const state =
        s.state === 'kept'
          ? paint.green('kept')
          : s.state === 'broken'
            ? paint.red(`broken${s.lateMs ? `, ${describeDuration(s.lateMs)} late` : ''}${isOpen(incident) && e.kept === undefined ? ' so far' : ''}`)
            : paint.yellow(`due in ${describeDuration(s.dueMs - now)}`);
      return `promise ${q(e.text) || '(no words recorded)'}${lvl}, due ${safeText(e.due!)}: ${state}${note}`;
    }
    case 'escalation':
      return `escalated to ${levelOf(e)}${note}`;
    case 'apology':
      return `apology${lvl}${note}`;
    case 'explanation':
      return `explanation${lvl}${note}`;
    case 'compensation': {
      const what = [e.kind ?? 'compensation', e.amount !== undefined ? `${e.amount}${e.currency ? ` ${e.currency}` : ''}` : ''].filter(Boolean).join(' ');
      const how = [e.proactive ? 'offered unasked' : e.proactive === false ? 'only when asked' : '', e.effort ? `took: ${e.effort}` : ''].filter(Boolean).join(', ');
      return `compensation: ${what}${how ? ` (${how})` : ''}${lvl}${note}`;
    }
    case 'refusal':
      return `${paint.red('refusal')}${e.policy ? ' as company policy' : ''}${lvl}${e.text ? `: ${q(e.text)}` : ''}${note}`;
    case 'resolution':
      return `closed: ${e.outcome}${lvl}${note}`;
    case 'note':
      return `note${lvl}: ${safeText(e.text ?? '')}`;
  }
}

function yesNo(b: boolean): string {
  return b ? 'yes' : 'no';
}

export function describeMetrics(m: IncidentMetrics): string[] {
  return [
    `contacts: ${m.contacts} (${m.robot_contacts} with a robot in the way, ${m.dropped_contacts} cut off or unanswered)`,
    `time to a live person: ${m.minutes_to_human === null ? 'never reached one' : plural(m.minutes_to_human, 'minute')}`,
    `promises: ${m.promises}, broken: ${m.promises_broken}`,
    `highest level reached: ${m.highest_level}`,
    `apologised: ${yesNo(m.apologized)} · explained: ${yesNo(m.explained)} · compensated: ${yesNo(m.compensated)}${m.compensated ? ` (${m.proactive_compensation ? 'unasked' : 'only when asked'}; it took: ${m.customer_effort})` : ''}`,
    `days open: ${m.days_open}`,
  ];
}

/** What the company still owes: pending promises, a fix, an apology, compensation. */
export function stillOwed(i: Incident, now: number): string[] {
  const owed: string[] = [];
  for (const e of i.events.filter((x) => x.type === 'promise' && x.due)) {
    const s = promiseStatus(e, i, now);
    if (s.state !== 'kept' && isOpen(i)) owed.push(`the promise ${q(e.text) || 'made'} (due ${safeText(e.due!)})`);
  }
  const closing = closingOf(i);
  if (!closing) owed.push('a fix: the incident is still open');
  if (isAtFault(i)) {
    if (!i.events.some((e) => e.type === 'apology')) owed.push('an apology');
    if (!i.events.some((e) => e.type === 'explanation')) owed.push('an explanation of what went wrong');
    if (!i.events.some((e) => e.type === 'compensation')) owed.push('compensation');
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

function sizeOf(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1048576) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

export function renderIncident(i: Incident, now: number, paint: Paint, attachments: ShownAttachment[] = []): string {
  const lines: string[] = [];
  const closing = closingOf(i);
  lines.push(paint.bold(`${i.id} · ${safeText(i.company)} · ${safeText(i.title)}`));
  lines.push(`opened ${safeText(i.opened)} · fault: ${i.fault} · ${closing ? `closed ${closing.outcome}` : paint.yellow('open')}`);
  lines.push('');
  const opened = msOf(i.opened);
  if (!i.events.length) lines.push(paint.dim(`  no events yet: vetted incident event ${i.id} contact --channel phone`));
  const idWidth = Math.max(0, ...i.events.map((e) => eventNumber(e).length));
  for (const e of i.events) {
    // The day of the incident it happened on; an event before the opening (an old record) shows its date alone.
    const day = calendarDaysBetween(opened, msOf(e.at)) + 1;
    const dayText = day >= 1 ? `day ${day}` : '';
    const when = `${e.at.slice(0, 10)} ${shortTime(e.at).padEnd(5)}  ${dayText.padEnd(7)}`;
    lines.push(`  ${eventNumber(e).padStart(idWidth)}  ${paint.dim(when)} ${describeEvent(e, i, now, paint)}`);
  }
  if (i.events.length) lines.push(paint.dim(`  (an event's id is ${i.id} and its number, such as ${i.events[0].id}: \`vetted event edit ${i.events[0].id}\`)`));
  lines.push('', paint.bold('Figures'));
  for (const l of describeMetrics(computeMetrics(i, now))) lines.push(`  ${l}`);
  const owed = stillOwed(i, now);
  if (owed.length) {
    lines.push('', paint.bold('Still owed'));
    for (const o of owed) lines.push(`  • ${o}`);
  }
  if (attachments.length) {
    lines.push('', paint.bold('Attachments'));
    for (const a of attachments) {
      const ties = [a.event !== null ? `event ${a.event}` : '', a.note ? q(a.note) : ''].filter(Boolean).join(' · ');
      lines.push(`  ${String(a.id).padStart(3)}  ${safeText(a.name)} (${sizeOf(a.size)})${ties ? ` · ${ties}` : ''}`);
    }
    lines.push(paint.dim(`  save one with: vetted attachment save ${attachments[0].id} --out FILE`));
  }
  return lines.join('\n') + '\n';
}

export function renderIncidentList(incidents: Incident[], now: number, paint: Paint, width?: number): string {
  return renderTable(
    [{ header: 'ID' }, { header: 'COMPANY', max: 30 }, { header: 'OPENED' }, { header: 'STATE' }, { header: 'BROKEN', align: 'right' }, { header: 'TITLE', wrap: true }],
    incidents.map((i) => [i.id, i.company, i.opened.slice(0, 10), isOpen(i) ? 'open' : closingOf(i)?.outcome ?? 'closed', String(computeMetrics(i, now).promises_broken), i.title]),
    paint.bold,
    width,
  );
}
