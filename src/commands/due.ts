// `vetted due`: for every open incident, the promises broken and coming due, staleness,
// and the next escalation step with its reason.

import { toJson } from '../ui/safe.js';
import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { dueReport, isOpen, type DueReport } from '../domain/incident.js';
import { describeDuration, formatLocalDate } from '../domain/dates.js';
import { withStore } from './shared.js';
import { colourWanted, paint as makePaint, type Paint } from '../ui/colour.js';
import { safeText } from '../ui/safe.js';
import { createHash } from 'node:crypto';
import { UserError } from '../errors.js';
import { parseWhen } from '../domain/dates.js';
import { eventContentKey } from '../domain/events.js';
import { renderCalendar, type CalendarDeadline } from '../formats/ics.js';
import { writeFileAtomic } from '../formats/write-file.js';

function reportJson(r: DueReport) {
  return {
    incident: r.incident.id,
    company: r.incident.company,
    title: r.incident.title,
    broken: r.broken.map((p) => ({ text: p.event.text ?? null, due: p.event.due, late_minutes: Math.round((p.lateMs ?? 0) / 60000) })),
    coming_due: r.comingDue.map((p) => ({ text: p.event.text ?? null, due: p.event.due })),
    stale_days: r.staleDays,
    next_steps: r.advice,
  };
}

function renderReport(r: DueReport, now: number, p: Paint): string {
  const lines = [p.bold(`${r.incident.id} · ${safeText(r.incident.company)} · ${safeText(r.incident.title)}`)];
  for (const b of r.broken) lines.push(`  ${p.red('broken')}   "${safeText(b.event.text ?? 'a promise')}" — due ${safeText(b.event.due!)}, ${describeDuration(b.lateMs ?? 0)} ago`);
  for (const c of r.comingDue) lines.push(`  ${p.yellow('due')}      "${safeText(c.event.text ?? 'a promise')}" — in ${describeDuration(c.dueMs - now)} (${safeText(c.event.due!)})`);
  if (r.staleDays !== null) lines.push(`  ${p.yellow('stale')}    no event for ${r.staleDays} days`);
  if (r.advice.length) {
    lines.push('  next:');
    for (const a of r.advice) lines.push(`    → ${a.step} ${p.dim(`(${a.why})`)}`);
  }
  return lines.join('\n');
}

/** Every open deadline of the reports (broken ones too: they stay owed), as calendar events. */
function calendarOf(reports: DueReport[]): CalendarDeadline[] {
  const out: CalendarDeadline[] = [];
  for (const r of reports) {
    const i = r.incident;
    for (const p of [...r.broken, ...r.comingDue].sort((a, b) => a.dueMs - b.dueMs)) {
      const e = p.event;
      const when = parseWhen(e.due!)!;
      const broken = p.state === 'broken';
      out.push({
        uid: `${createHash('sha256').update(`${i.id}\u001f${eventContentKey(e)}`).digest('hex').slice(0, 32)}@vetted`,
        summary: `Due: ${e.text ?? 'a promise'} — ${i.company}`,
        description: [
          `${i.company}, incident ${i.id}: ${i.title}`,
          `Promised on ${e.at}${e.level && e.level !== 'frontline' ? ` (${e.level})` : ''}: ${e.text ?? 'a promise'}, due ${e.due}.`,
          broken ? 'Broken: the deadline has passed.' : '',
          r.advice.length ? `If it is not kept: ${r.advice[0].step}.` : '',
          `See: vetted incident show ${i.id}`,
        ]
          .filter(Boolean)
          .join('\n'),
        dueMs: p.dueMs,
        ...(when.dateOnly ? { date: when.text } : {}),
      });
    }
  }
  return out;
}

export async function run(ctx: Context, opts: { json?: boolean; format?: string; out?: string }): Promise<CommandResult> {
  const format = opts.json ? 'json' : (opts.format ?? 'text');
  if (!['text', 'json', 'ics'].includes(format)) throw new UserError(`--format takes text, json or ics, not "${format}".`);
  if (opts.json && opts.format !== undefined && opts.format !== 'json') throw new UserError('--json and --format ics ask for two different outputs; give one.');
  const result = await withStore(ctx, (store): CommandResult => {
    const now = ctx.now();
    const reports = store
      .allIncidents()
      .filter(isOpen)
      .map((i) => dueReport(i, now, formatLocalDate));
    if (format === 'ics') return { out: renderCalendar(calendarOf(reports), now) };
    if (format === 'json') return { out: toJson(reports.map(reportJson)) };
    if (!reports.length) return { out: 'No open incidents: nothing is due.\n' };
    const p = makePaint(colourWanted(ctx.out, { noColor: ctx.noColor }, ctx.env));
    return { out: reports.map((r) => renderReport(r, now, p)).join('\n\n') + '\n' };
  });
  if (opts.out) {
    writeFileAtomic(opts.out, [result.out!.endsWith('\n') ? result.out! : `${result.out}\n`]);
    return { err: `wrote ${opts.out}` };
  }
  return result;
}
