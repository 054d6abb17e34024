// Sources as text: "What others say" beside a company's record, the public complaint
// record with its caveat, the list of sources, one source, and suggested name links.

import type { OtherView } from '../sources/others-say.js';
import type { ComplaintRecord, Share, SkippedRows } from '../domain/sources.js';
import { MIN_FOR_RATE } from '../domain/sources.js';
import type { SourceSummary } from '../store/sources.js';
import type { Paint } from './colour.js';
import { safeText } from './safe.js';
import { renderTable } from './table.js';
import { listColour } from './render-lists.js';
import { datePart } from '../domain/dates.js';

const n = (x: number) => x.toLocaleString('en-US');
const rate = (s: Share) => (s.rate === null ? `— (fewer than ${MIN_FOR_RATE} complaints)` : `${(s.rate * 100).toFixed(1)}% (${n(s.count)} of ${n(s.of)})`);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const month = (m: string) => `${MONTHS[Number(m.slice(5, 7)) - 1]} ${m.slice(0, 4)}`;

export const PUBLIC_RECORD_CAVEAT =
  'Counts are not normalised by the company\'s size (a big bank gets more complaints than a small one), and the company chooses its own response category. The public record never decides a verdict.';

/** A public complaint record: the last 12 months and the 12 before, shares, top products and issues, and the caveat. */
export function renderPublicRecord(r: ComplaintRecord, p: Paint, indent = '  '): string[] {
  const lines: string[] = [];
  const l = r.last12;
  const prev = r.previous12;
  lines.push(`${indent}complaints ${month(l.from)}–${month(l.to)}: ${n(l.complaints)} · the 12 months before: ${n(prev.complaints)} · all in this source: ${n(r.all_time)}`);
  lines.push(`${indent}closed with monetary relief: ${rate(l.monetary_relief)}`);
  lines.push(`${indent}closed with any relief: ${rate(l.any_relief)}`);
  lines.push(`${indent}untimely responses: ${rate(l.untimely)}`);
  if (r.disputed) lines.push(`${indent}responses disputed by the consumer (until April 2017): ${rate(r.disputed)}`);
  if (r.top_products.length) lines.push(`${indent}top products: ${r.top_products.map((x) => `${safeText(x.product || '(none)')} (${n(x.complaints)})`).join(' · ')}`);
  if (r.top_issues.length) lines.push(`${indent}top issues: ${r.top_issues.map((x) => `${safeText(x.issue)} (${n(x.complaints)})`).join(' · ')}`);
  lines.push(p.dim(`${indent}${PUBLIC_RECORD_CAVEAT}`));
  return lines;
}

function sharedLine(v: OtherView, p: Paint): string[] {
  const who = `${p.bold(safeText(v.source))}${v.date ? p.dim(` (${datePart(v.date)})`) : ''}`;
  const named = v.names.length && v.names.some((x) => x !== v.names[0]) ? ` as ${v.names.map(safeText).join(', ')}` : '';
  const lines: string[] = [];
  if (v.list) {
    const top = v.list.reasons[0];
    const reason = top ? ` — ${top.rule === 'pin' ? 'pinned: ' : top.rule === 'watch' ? '' : `${safeText(top.rule)} `}${safeText(top.text)}` : '';
    lines.push(`  ${who}${named}: ${listColour(p, v.list.list)(v.list.list)}${v.list.since ? ` since ${datePart(v.list.since)}` : ''}${reason}`);
  } else lines.push(`  ${who}${named}: on none of their lists`);
  if (v.by_your_policy) {
    const b = v.by_your_policy;
    lines.push(
      `    ${v.list ? `they say ${v.list.list}; ` : ''}by your policy: ${listColour(p, b.list)(b.list)} ${p.dim(`(their ${b.checks} check${b.checks === 1 ? '' : 's'} and ${b.incidents} incident${b.incidents === 1 ? '' : 's'})`)}`,
    );
  }
  return lines;
}

/** "What others say": one entry per source that knows the company. Empty when none does. */
export function renderOthersSay(views: OtherView[], p: Paint): string[] {
  if (!views.length) return [];
  const lines = [p.bold('What others say') + p.dim(' (their data, kept apart from yours; it does not change your verdict)')];
  for (const v of views) {
    if (v.kind === 'cfpb' && v.record) {
      lines.push(`  ${p.bold(safeText(v.source))} ${p.dim(`(public complaint record, as ${v.names.map(safeText).join(', ')}, through ${v.date ? datePart(v.date) : '—'})`)}`);
      lines.push(...renderPublicRecord(v.record, p, '    '));
    } else lines.push(...sharedLine(v, p));
  }
  return lines;
}

/** A short block for a terminal before a check's first question: a line per source. */
export function renderOthersBrief(views: OtherView[], p: Paint): string {
  if (!views.length) return '';
  const lines = [p.bold('What others say')];
  for (const v of views) {
    if (v.kind === 'cfpb' && v.record) {
      const l = v.record.last12;
      lines.push(`  ${safeText(v.source)}: ${n(l.complaints)} public complaints ${month(l.from)}–${month(l.to)}, any relief ${l.any_relief.rate === null ? '—' : `${(l.any_relief.rate * 100).toFixed(0)}%`} ${p.dim('(not normalised by size)')}`);
    } else lines.push(...sharedLine(v, p));
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

const REASONS: Record<SkippedRows['reason'], string> = {
  'no-company': 'no company',
  'bad-date': 'a date that is not a date',
  'short-row': 'fewer columns than the header',
};

export function skippedLines(skipped: SkippedRows[]): string[] {
  return skipped.map((s) => `  skipped ${n(s.count)} row${s.count === 1 ? '' : 's'} with ${REASONS[s.reason]} (line${s.lines.length === 1 ? '' : 's'} ${s.lines.join(', ')}${s.count > s.lines.length ? ', …' : ''})`);
}

export function renderSourceList(sources: SourceSummary[], p: Paint): string {
  return renderTable(
    [{ header: 'NAME', max: 30 }, { header: 'KIND' }, { header: 'LABEL', max: 30 }, { header: 'DATE' }, { header: 'COMPANIES', align: 'right' }, { header: 'YOU KNOW', align: 'right' }, { header: 'ADDED' }],
    sources.map((s) => [
      s.name,
      s.kind,
      s.label ?? '',
      s.kind === 'cfpb' ? `${s.date_from ?? '—'} to ${s.date_to ?? '—'}` : datePart(s.exported_at ?? '') || '—',
      n(s.companies),
      n(s.known),
      datePart(s.updated_at ?? s.added_at),
    ]),
    p.bold,
  );
}
