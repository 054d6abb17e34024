// A company's record in one or two lines (list, since, the deciding reason, open incidents,
// broken promises), and what a new check did to its verdict.

import type { FindingFacts, Verdict } from '../domain/policy.js';
import type { CompanyEvidence } from '../domain/types.js';
import { isOpen, promisesApart } from '../domain/incident.js';
import { safeText } from './safe.js';
import { t } from '../i18n/index.js';

export interface RecordFacts {
  open: number;
  broken: number;
}

export function recordFacts(e: CompanyEvidence, now: number): RecordFacts {
  return { open: e.incidents.filter(isOpen).length, broken: e.incidents.reduce((n, i) => n + promisesApart(i, now).company.filter((p) => p.state === 'broken').length, 0) };
}

export function renderRecord(name: string, v: Verdict, facts: RecordFacts): string[] {
  const c = t().check;
  const lines = [c.record(safeText(name), v.list, v.since)];
  if (v.decided_by) lines.push(c.recordReason(v.decided_by.rule, safeText(t().finding(v.decided_by.facts))));
  if (facts.open || facts.broken) lines.push(c.recordCounts(facts.open, facts.broken));
  return lines;
}

export type Unchanged = 'pin' | 'deeds' | 'older' | null;

/** Why a check left the verdict as it was, if it did. */
export function whyUnchanged(before: Verdict, after: Verdict, checkId: string): Unchanged {
  if (before.list !== after.list) return null;
  if (after.pinned) return 'pin';
  if (after.set_aside.some((f) => f.evidence.includes(`check:${checkId}`))) return 'deeds';
  const own = after.findings.find((f) => f.evidence.includes(`check:${checkId}`));
  if (own && own.side !== after.list) return 'older';
  return null;
}

export function renderAfterCheck(before: Verdict, after: Verdict, checkId: string): string[] {
  const c = t().check;
  const why = whyUnchanged(before, after, checkId);
  const lines = before.list !== after.list || !why ? [c.nowChanged(before.list, after.list)] : [c.notChanged(after.list), why === 'pin' ? c.whyNotPin : why === 'deeds' ? c.whyNotDeeds : c.whyNotOlder];
  // The check's own verdict (by its checklist's thresholds) and the policy's may differ: said where they do.
  const read = [...after.findings, ...after.reasons].find((f) => f.evidence.includes(`check:${checkId}`) && policyDiffers(f.facts));
  if (read) lines.push(c.policyReads(t().finding(read.facts)));
  return lines;
}

function policyDiffers(f: FindingFacts): boolean {
  if (f.kind === 'failed-check') return f.own !== undefined && f.own !== 'avoid';
  if (f.kind === 'passed-check') return f.own !== undefined && f.own !== 'go';
  if (f.kind === 'watch-check') return f.own !== undefined && f.own !== f.verdict;
  return false;
}
