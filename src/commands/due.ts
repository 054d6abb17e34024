// `vetted due`: for every open incident, the promises broken and coming due, staleness,
// and the next escalation step with its reason.

import { toJson } from '../ui/safe.js';
import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { dueReport, isOpen, type DueReport } from '../domain/incident.js';
import { formatLocalDate } from '../domain/dates.js';
import { withStore } from './shared.js';
import { colourWanted, paint as makePaint, type Paint } from '../ui/colour.js';
import { safeText } from '../ui/safe.js';
import { loadCatalog, t, type Catalog } from '../i18n/index.js';
import { adviceWords } from '../ui/advice.js';

function reportJson(r: DueReport, en: Catalog) {
  return {
    incident: r.incident.id,
    company: r.incident.company,
    title: r.incident.title,
    broken: r.broken.map((p) => ({ text: p.event.text ?? null, due: p.event.due, late_minutes: Math.round((p.lateMs ?? 0) / 60000) })),
    coming_due: r.comingDue.map((p) => ({ text: p.event.text ?? null, due: p.event.due })),
    stale_days: r.staleDays,
    next_steps: r.advice.map((a) => ({ ...a, ...adviceWords(en, a) })),
  };
}

function renderReport(r: DueReport, now: number, p: Paint): string {
  const c = t();
  const d = c.due;
  const lines = [p.bold(`${r.incident.id} · ${safeText(r.incident.company)} · ${safeText(r.incident.title)}`)];
  const col = (word: string) => word.padEnd(Math.max(9, word.length + 1));
  for (const b of r.broken) lines.push(`  ${p.red(col(d.broken))}${d.brokenLine(safeText(b.event.text ?? d.aPromise), safeText(b.event.due!), b.lateMs ?? 0)}`);
  for (const x of r.comingDue) lines.push(`  ${p.yellow(col(d.due))}${d.dueLine(safeText(x.event.text ?? d.aPromise), safeText(x.event.due!), x.dueMs - now)}`);
  if (r.staleDays !== null) lines.push(`  ${p.yellow(col(d.stale))}${d.staleLine(r.staleDays)}`);
  if (r.advice.length) {
    lines.push(`  ${d.next}`);
    for (const a of r.advice) {
      const w = adviceWords(c, a);
      lines.push(`    → ${w.step} ${p.dim(`(${w.why})`)}`);
    }
  }
  return lines.join('\n');
}

export async function run(ctx: Context, opts: { json?: boolean }): Promise<CommandResult> {
  const en = opts.json ? await loadCatalog('en') : undefined;
  return withStore(ctx, (store) => {
    const now = ctx.now();
    const reports = store
      .allIncidents()
      .filter(isOpen)
      .map((i) => dueReport(i, now, formatLocalDate));
    if (en) return { out: toJson(reports.map((r) => reportJson(r, en))) };
    if (!reports.length) return { out: `${t().due.nothing}\n` };
    const p = makePaint(colourWanted(ctx.out, { noColor: ctx.noColor }, ctx.env));
    return { out: reports.map((r) => renderReport(r, now, p)).join('\n\n') + '\n' };
  });
}
