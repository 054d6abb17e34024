// A company's profile as text and as JSON.

import type { CompanyRow } from '../store/store.js';
import type { CompanyEvidence } from '../domain/types.js';
import type { Paint } from './colour.js';
import { safeText } from './safe.js';
import { renderTable } from './table.js';
import { datePart } from '../domain/dates.js';
import { isOpen, outcomeOf } from '../domain/incident.js';

export interface CompanyProfile {
  company: CompanyRow;
  aliases: string[];
  parent: string | null;
  subsidiaries: string[];
  evidence: CompanyEvidence;
}

export function companyJson(p: CompanyProfile, _now: number) {
  return {
    name: p.company.name,
    aliases: p.aliases,
    parent: p.parent,
    subsidiaries: p.subsidiaries,
    category: p.company.category,
    website: p.company.website,
    checks: p.evidence.checks.map((c) => ({ id: c.id, checklist: c.checklist, checklist_version: c.checklist_version, at: c.at, score: c.score, verdict: c.verdict, dealbreakers: c.dealbreakers })),
    incidents: p.evidence.incidents.map((i) => ({ id: i.id, title: i.title, opened: i.opened, fault: i.fault, outcome: outcomeOf(i) ?? null, open: isOpen(i) })),
    pin: p.evidence.pin ?? null,
  };
}

export function renderCompany(p: CompanyProfile, _now: number, paint: Paint): string {
  const lines: string[] = [paint.bold(safeText(p.company.name))];
  const facts: string[] = [];
  if (p.aliases.length) facts.push(`also known as ${p.aliases.map(safeText).join(', ')}`);
  if (p.company.category) facts.push(safeText(p.company.category));
  if (p.parent) facts.push(`part of ${safeText(p.parent)}`);
  if (p.company.website) facts.push(safeText(p.company.website));
  if (facts.length) lines.push(facts.join(' · '));
  if (p.subsidiaries.length) lines.push(`subsidiaries: ${p.subsidiaries.map(safeText).join(', ')}`);
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
