// A company's profile as text and as JSON: verdict with reasons, checks, incidents, figures.

import type { CompanyRow } from '../store/store.js';
import type { CompanyEvidence, Placement } from '../domain/types.js';
import { findingText, type Verdict } from '../domain/policy.js';
import type { Lang } from '../domain/checklist.js';
import type { ServiceFigures } from '../domain/figures.js';
import type { Paint } from './colour.js';
import { safeText } from './safe.js';
import { renderTable } from './table.js';
import { datePart, plural } from '../domain/dates.js';
import { isOpen, outcomeOf } from '../domain/incident.js';
import { listColour } from './render-lists.js';

export interface CompanyProfile {
  company: CompanyRow;
  aliases: string[];
  parent: string | null;
  evidence: CompanyEvidence;
  verdict: Verdict;
  figures: ServiceFigures;
  subsidiaryVerdicts: { name: string; list: Placement }[];
}

export function companyJson(p: CompanyProfile) {
  return {
    name: p.company.name,
    aliases: p.aliases,
    parent: p.parent,
    subsidiaries: p.subsidiaryVerdicts,
    category: p.company.category,
    website: p.company.website,
    list: p.verdict.list,
    since: p.verdict.since,
    pinned: p.verdict.pinned,
    reasons: p.verdict.reasons.map((f) => ({ rule: f.rule, text: f.text, ...(f.text_ru ? { text_ru: f.text_ru } : {}), date: f.date, evidence: f.evidence })),
    figures: p.figures,
    checks: p.evidence.checks.map((c) => ({ id: c.id, checklist: c.checklist, checklist_version: c.checklist_version, at: c.at, score: c.score, verdict: c.verdict, dealbreakers: c.dealbreakers })),
    incidents: p.evidence.incidents.map((i) => ({ id: i.id, title: i.title, opened: i.opened, fault: i.fault, outcome: outcomeOf(i) ?? null, open: isOpen(i) })),
    pin: p.evidence.pin ?? null,
  };
}

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

export function figureLines(f: ServiceFigures): string[] {
  if (!f.incidents) return [];
  return [
    `time to a live person (median): ${f.median_minutes_to_human === null ? 'never reached one' : plural(f.median_minutes_to_human, 'minute')}`,
    `contacts blocked by a robot or dropped: ${pct(f.blocked_share)} of ${f.contacts}`,
    `promises: ${f.promises_kept} kept, ${f.promises_broken} broken`,
    `incidents resolved: ${pct(f.resolved_share)} of ${f.incidents}`,
    `apologies: ${f.apologies} · explanations: ${f.explanations} · compensations: ${f.compensations} (${f.proactive_compensations} unasked)`,
    `highest level you had to reach: ${f.highest_level ?? '—'}`,
  ];
}

export function renderCompany(p: CompanyProfile, paint: Paint, lang: Lang = 'en'): string {
  const v = p.verdict;
  const lines: string[] = [paint.bold(safeText(p.company.name))];
  const facts: string[] = [];
  if (p.aliases.length) facts.push(`also known as ${p.aliases.map(safeText).join(', ')}`);
  if (p.company.category) facts.push(safeText(p.company.category));
  if (p.parent) facts.push(`part of ${safeText(p.parent)}`);
  if (p.company.website) facts.push(safeText(p.company.website));
  if (facts.length) lines.push(facts.join(' · '));
  const head = v.list === 'unlisted' ? 'on no list (no evidence yet)' : `on the ${v.list} list since ${v.since}`;
  lines.push('', listColour(paint, v.list)(paint.bold(head)));
  for (const f of v.reasons) lines.push(`  • ${f.rule === 'watch' || f.rule === 'pin' ? '' : `${f.rule} `}${safeText(findingText(f, lang))} ${paint.dim(`(${datePart(f.date)})`)}`);
  if (p.subsidiaryVerdicts.length) {
    lines.push('', paint.bold('Subsidiaries') + paint.dim(' (judged on their own evidence)'));
    for (const s of p.subsidiaryVerdicts) lines.push(`  ${safeText(s.name)}: ${listColour(paint, s.list)(s.list)}`);
  }
  const figures = figureLines(p.figures);
  if (figures.length) {
    lines.push('', paint.bold('Service figures'));
    for (const l of figures) lines.push(`  ${l}`);
  }
  lines.push('', paint.bold(`Checks (${p.evidence.checks.length})`));
  if (p.evidence.checks.length) {
    lines.push(
      renderTable(
        [{ header: 'ID', align: 'right' }, { header: 'DATE' }, { header: 'CHECKLIST' }, { header: 'SCORE', align: 'right' }, { header: 'VERDICT' }, { header: 'DEALBREAKERS' }],
        p.evidence.checks.map((c) => [String(c.id), datePart(c.at), `${c.checklist} v${c.checklist_version}`, String(c.score), c.verdict, c.dealbreakers.join(', ')]),
      ).trimEnd(),
    );
  } else lines.push(paint.dim(`  none yet: vetted check "${safeText(p.company.name)}"`));
  lines.push('', paint.bold(`Incidents (${p.evidence.incidents.length})`));
  if (p.evidence.incidents.length) {
    lines.push(
      renderTable(
        [{ header: 'ID' }, { header: 'OPENED' }, { header: 'FAULT' }, { header: 'STATE' }, { header: 'TITLE', max: 50 }],
        p.evidence.incidents.map((i) => [i.id, datePart(i.opened), i.fault, isOpen(i) ? 'open' : outcomeOf(i) ?? 'closed', i.title]),
      ).trimEnd(),
    );
  } else lines.push(paint.dim('  none'));
  return lines.join('\n') + '\n';
}
