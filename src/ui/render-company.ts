// A company's profile as text and as JSON: verdict with reasons, checks, incidents, figures.

import type { CompanyRow } from '../store/store.js';
import type { CompanyEvidence, Placement } from '../domain/types.js';
import type { Verdict } from '../domain/policy.js';
import { t } from '../i18n/index.js';
import type { Catalog } from '../i18n/index.js';
import type { ServiceFigures } from '../domain/figures.js';
import type { Paint } from './colour.js';
import { safeText } from './safe.js';
import { renderTable } from './table.js';

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

export function companyJson(p: CompanyProfile, catalogs: { en: Catalog; ru: Catalog }) {
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
    reasons: p.verdict.reasons.map((f) => ({ rule: f.rule, text: catalogs.en.finding(f.facts), text_ru: catalogs.ru.finding(f.facts), date: f.date, evidence: f.evidence })),
    figures: p.figures,
    checks: p.evidence.checks.map((c) => ({ id: c.id, checklist: c.checklist, checklist_version: c.checklist_version, at: c.at, score: c.score, verdict: c.verdict, dealbreakers: c.dealbreakers })),
    incidents: p.evidence.incidents.map((i) => ({ id: i.id, title: i.title, opened: i.opened, fault: i.fault, outcome: outcomeOf(i) ?? null, open: isOpen(i) })),
    pin: p.evidence.pin ?? null,
  };
}

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

export function figureLines(f: ServiceFigures): string[] {
  if (!f.incidents) return [];
  return t().company.figureLines({
    median: f.median_minutes_to_human,
    reachedHuman: f.contacts_reached_human > 0,
    unknown: f.contacts_reached_human_unknown,
    blocked: pct(f.blocked_share),
    contacts: f.contacts,
    kept: f.promises_kept,
    broken: f.promises_broken,
    resolved: pct(f.resolved_share),
    incidents: f.incidents,
    apologies: f.apologies,
    explanations: f.explanations,
    compensations: f.compensations,
    unasked: f.proactive_compensations,
    highest: f.highest_level ?? null,
  });
}

export function renderCompany(p: CompanyProfile, paint: Paint): string {
  const c = t();
  const w = c.company;
  const v = p.verdict;
  const lines: string[] = [paint.bold(safeText(p.company.name))];
  const facts: string[] = [];
  if (p.aliases.length) facts.push(w.alsoKnown(p.aliases.map(safeText).join(', ')));
  if (p.company.category) facts.push(safeText(p.company.category));
  if (p.parent) facts.push(w.partOf(safeText(p.parent)));
  if (p.company.website) facts.push(safeText(p.company.website));
  if (facts.length) lines.push(facts.join(' · '));
  lines.push('', listColour(paint, v.list)(paint.bold(w.head(v.list, v.since))));
  for (const f of v.reasons) lines.push(`  • ${f.rule === 'watch' || f.rule === 'pin' ? '' : `${f.rule} `}${safeText(c.finding(f.facts))} ${paint.dim(`(${c.fmt.date(f.date)})`)}`);
  if (p.subsidiaryVerdicts.length) {
    lines.push('', paint.bold(w.subsidiaries) + paint.dim(w.ownEvidence));
    for (const s of p.subsidiaryVerdicts) lines.push(`  ${safeText(s.name)}: ${listColour(paint, s.list)(s.list === 'unlisted' ? '—' : c.words.list[s.list])}`);
  }
  const figures = figureLines(p.figures);
  if (figures.length) {
    lines.push('', paint.bold(w.figures));
    for (const l of figures) lines.push(`  ${l}`);
  }
  lines.push('', paint.bold(w.checks(p.evidence.checks.length)));
  if (p.evidence.checks.length) {
    const [id, date, checklist, score, verdict, dealbreakers] = w.checkHeaders;
    lines.push(
      renderTable(
        [{ header: id, align: 'right' }, { header: date }, { header: checklist }, { header: score, align: 'right' }, { header: verdict }, { header: dealbreakers }],
        p.evidence.checks.map((ch) => [String(ch.id), c.fmt.date(ch.at), `${ch.checklist} v${ch.checklist_version}`, String(ch.score), c.words.checkVerdict[ch.verdict], ch.dealbreakers.join(', ')]),
      ).trimEnd(),
    );
  } else lines.push(paint.dim(w.noChecks(p.company.name))); // quoted for the shell there (shellArg), so never shown as <U+…>
  lines.push('', paint.bold(w.incidents(p.evidence.incidents.length)));
  if (p.evidence.incidents.length) {
    const [id, opened, fault, state, title] = w.incidentHeaders;
    lines.push(
      renderTable(
        [{ header: id }, { header: opened }, { header: fault }, { header: state }, { header: title, max: 50 }],
        p.evidence.incidents.map((i) => [i.id, c.fmt.date(i.opened), c.words.fault[i.fault], isOpen(i) ? w.open : outcomeOf(i) ? c.words.outcome[outcomeOf(i)!] : w.closed, i.title]),
      ).trimEnd(),
    );
  } else lines.push(paint.dim(w.none));
  return lines.join('\n') + '\n';
}
