// `vetted due`: for every open incident, the promises broken and coming due, staleness,
// and the next escalation step with its reason.

import { jsonList, type JsonOutOptions } from '../ui/json-out.js';
import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { dueReport, isOpen, type DueReport } from '../domain/incident.js';
import { describeDuration, formatLocalDate } from '../domain/dates.js';
import { withStore } from './shared.js';
import { colourWanted, paint as makePaint, type Paint } from '../ui/colour.js';
import { safeText } from '../ui/safe.js';
import { fitLines, terminalWidth } from '../ui/wrap.js';

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

export async function run(ctx: Context, opts: JsonOutOptions): Promise<CommandResult> {
  return withStore(ctx, (store) => {
    const now = ctx.now();
    const reports = store
      .allIncidents()
      .filter(isOpen)
      .map((i) => dueReport(i, now, formatLocalDate));
    if (opts.json) return { out: jsonList(reports.map(reportJson), opts) };
    if (!reports.length) return { out: 'No open incidents: nothing is due.\n' };
    const p = makePaint(colourWanted(ctx.out, { noColor: ctx.noColor }, ctx.env));
    return { out: fitLines(reports.map((r) => renderReport(r, now, p)).join('\n\n') + '\n', terminalWidth(ctx.out)) };
  });
}
