// Sources as text: "What others say" beside a company's record, the public complaint
// record with its caveat, the list of sources, one source, and suggested name links.

import type { OtherView } from '../sources/others-say.js';
import type { ComplaintRecord, SkippedRows } from '../domain/sources.js';
import { MIN_FOR_RATE } from '../domain/sources.js';
import type { SourceSummary } from '../store/sources.js';
import type { Paint } from './colour.js';
import { safeText } from './safe.js';
import { renderTable } from './table.js';
import { listColour } from './render-lists.js';
import { t } from '../i18n/index.js';

/** The caveat as JSON carries it: JSON is the same in every language. */
export const PUBLIC_RECORD_CAVEAT =
  "Counts are not normalised by the company's size (a big bank gets more complaints than a small one), and the company chooses its own response category. The public record never decides a verdict.";

/** A public complaint record: the last 12 months and the 12 before, shares, top products and issues, and the caveat. */
export function renderPublicRecord(r: ComplaintRecord, p: Paint, indent = '  '): string[] {
  const w = t().sources.record;
  const rate = (x: Parameters<typeof w.rate>[0]) => w.rate(x, MIN_FOR_RATE);
  const lines: string[] = [];
  const l = r.last12;
  lines.push(`${indent}${w.complaints(l.from, l.to, l.complaints, r.previous12?.complaints ?? null, r.all_time)}`);
  lines.push(`${indent}${w.monetary(rate(l.monetary_relief))}`);
  lines.push(`${indent}${w.anyRelief(rate(l.any_relief))}`);
  lines.push(`${indent}${w.untimely(rate(l.untimely))}`);
  if (r.disputed) lines.push(`${indent}${w.disputed(rate(r.disputed))}`);
  if (r.top_products.length) lines.push(`${indent}${w.topProducts(r.top_products.map((x) => w.item(safeText(x.product || w.noProduct), x.complaints)).join(' · '))}`);
  if (r.top_issues.length) lines.push(`${indent}${w.topIssues(r.top_issues.map((x) => w.item(safeText(x.issue), x.complaints)).join(' · '))}`);
  lines.push(p.dim(`${indent}${w.caveat}`));
  return lines;
}

/** A shared source's line; its names are said where it names the company otherwise than you, has more than one name for it, or more than one line (`views`: all of them). */
function sharedLine(v: OtherView, p: Paint, views: OtherView[]): string[] {
  const w = t().sources;
  const who = `${p.bold(safeText(v.source))}${v.date ? p.dim(` (${w.day(v.date)})`) : ''}`;
  const several = v.named_otherwise || v.names.some((x) => x !== v.names[0]) || views.filter((x) => x.source === v.source).length > 1;
  const named = v.names.length && several ? w.as(v.names.map(safeText)) : '';
  const lines: string[] = [];
  if (v.list) {
    const top = v.list.reasons[0];
    const reason = top ? ` — ${top.rule === 'pin' ? w.pinned : top.rule === 'watch' ? '' : `${safeText(top.rule)} `}${safeText(w.reasonText(top))}` : '';
    lines.push(`  ${who}${named}: ${listColour(p, v.list.list)(t().words.list[v.list.list])}${v.list.since ? w.since(v.list.since) : ''}${reason}`);
  } else lines.push(`  ${who}${named}: ${w.onNone}`);
  if (v.by_your_policy) {
    const b = v.by_your_policy;
    lines.push(`    ${v.list ? w.theySay(v.list.list) : ''}${w.byYourPolicy}${listColour(p, b.list)(w.placement(b.list))} ${p.dim(w.theirEvidence(b.checks, b.incidents))}`);
  }
  return lines;
}

/** "What others say": one entry per source that knows the company. Empty when none does. */
export function renderOthersSay(views: OtherView[], p: Paint): string[] {
  if (!views.length) return [];
  const w = t().sources;
  const lines = [p.bold(w.othersTitle) + p.dim(w.othersApart)];
  for (const v of views) {
    if (v.kind === 'cfpb' && v.record) {
      lines.push(`  ${p.bold(safeText(v.source))} ${p.dim(w.publicRecordOf(v.names.map(safeText), v.date))}`);
      lines.push(...renderPublicRecord(v.record, p, '    '));
    } else lines.push(...sharedLine(v, p, views));
  }
  return lines;
}

/** A short block for a terminal before a check's first question: a line per source. */
export function renderOthersBrief(views: OtherView[], p: Paint): string {
  if (!views.length) return '';
  const w = t().sources;
  const lines = [p.bold(w.othersTitle)];
  for (const v of views) {
    if (v.kind === 'cfpb' && v.record) {
      const l = v.record.last12;
      lines.push(`  ${w.briefRecord(safeText(v.source), l.complaints, l.from, l.to, l.any_relief.rate)} ${p.dim(w.notNormalised)}`);
    } else lines.push(...sharedLine(v, p, views));
  }
  return `${lines.join('\n')}\n`;
}

export function othersJson(views: OtherView[]) {
  return views.map((v) => ({
    source: v.source,
    kind: v.kind,
    date: v.date,
    names: v.names,
    list: v.list?.list ?? null,
    since: v.list?.since ?? null,
    pinned: v.list?.pinned ?? false,
    reasons: v.list?.reasons ?? [],
    by_your_policy: v.by_your_policy,
    ...(v.record ? { public_record: { ...v.record, caveat: PUBLIC_RECORD_CAVEAT } } : {}),
  }));
}

export function skippedLines(skipped: SkippedRows[]): string[] {
  return skipped.map((s) => t().sources.skipped(s.count, s.reason, s.lines, s.count > s.lines.length));
}

export function renderSourceList(sources: SourceSummary[], p: Paint): string {
  const w = t().sources;
  const [name, kind, label, date, companies, known, added] = w.listHeaders;
  return renderTable(
    [{ header: name, max: 30 }, { header: kind }, { header: label, max: 30 }, { header: date }, { header: companies, align: 'right' }, { header: known, align: 'right' }, { header: added }],
    sources.map((s) => [
      s.name,
      s.kind,
      s.kind === 'cfpb' ? w.cfpbLabel : (s.label ?? ''),
      s.kind === 'cfpb' ? w.dateRange(s.date_from, s.date_to) : s.exported_at ? w.day(s.exported_at) : '—',
      t().fmt.number(s.companies),
      t().fmt.number(s.known),
      w.day(s.updated_at ?? s.added_at),
    ]),
    p.bold,
  );
}
