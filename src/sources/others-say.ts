// What the sources say about one of the user's companies: each source's own list, its
// evidence judged by the user's own policy, and a public complaint record's figures. Shared
// by `company show`, `why` and `check`; it reads sources and never writes the user's data.

import type { Sources, SourceSays } from '../store/sources.js';
import { judgeCompany, type Policy } from '../domain/policy.js';
import { checkAnswers, scoreCheck, type Checklist } from '../domain/checklist.js';
import { sortEvents } from '../domain/events.js';
import { msOf } from '../domain/dates.js';
import { companyKey } from '../domain/names.js';
import { complaintRecord, type ComplaintRecord, type SharedList, type SourceKind } from '../domain/sources.js';
import type { CheckRecord, CompanyEvidence, Incident, Placement } from '../domain/types.js';
import type { CheckEntry, OpenedIncidentEntry } from '../formats/data-file.js';

export interface OtherView {
  source: string;
  kind: SourceKind;
  date: string | null;
  /** The names the source gives the company. */
  names: string[];
  /** Whether the source names it otherwise than the user does (an alias of either: not only in case or spacing). */
  named_otherwise: boolean;
  list: SharedList | null;
  /** The source's evidence judged by the user's own policy (null when it gave none). */
  by_your_policy: { list: Placement; checks: number; incidents: number } | null;
  record: ComplaintRecord | null;
}

/** A source's checks and incidents as evidence the user's policy can judge. */
export function evidenceOfSource(company: string, says: SourceSays[], checklistsOf: () => Map<string, Checklist>): CompanyEvidence {
  const checks: CheckRecord[] = [];
  const incidents: Incident[] = [];
  for (const s of says) {
    for (const e of s.evidence) {
      if (e.kind === 'check') {
        const k = e.data as CheckEntry;
        const checklist = checklistsOf().get(k.checklist);
        // A check on a checklist this user does not have cannot be scored here.
        if (!checklist || checkAnswers(checklist, k.answers).problems.length || checkAnswers(checklist, k.answers).missing.length) continue;
        const r = scoreCheck(checklist, k.answers);
        checks.push({ id: k.id ?? `${s.source}-check-${checks.length + 1}`, company, checklist: k.checklist, checklist_version: k.checklist_version ?? checklist.version, at: k.at, score: r.score, verdict: r.verdict, dealbreakers: r.dealbreakers });
      } else {
        // (Kept with its opening when its file was read: see readVettedFile.)
        const i = e.data as OpenedIncidentEntry;
        incidents.push({
          id: i.id ?? `${s.source}-${incidents.length + 1}`,
          company,
          title: i.title,
          opened: i.opened,
          fault: i.fault ?? 'unknown',
          ...(i.closed ? { closed: i.closed } : {}),
          events: sortEvents(i.events ?? [], msOf),
        });
      }
    }
  }
  checks.sort((a, b) => msOf(a.at) - msOf(b.at));
  return { company, checks, incidents };
}

/** What each source says of a company of the user's (its id), or of a name none of theirs has (`{ key }`). */
export function whatOthersSay(sources: Sources, of: number | { key: string }, company: string, policy: Policy, checklistsOf: () => Map<string, Checklist>, now: number): OtherView[] {
  const says = typeof of === 'number' ? sources.sourcesOn(of) : sources.sourcesOnName(of.key);
  const ownKey = companyKey(company);
  const bySource = new Map<string, SourceSays[]>();
  for (const s of says) {
    const list = bySource.get(s.source) ?? [];
    list.push(s);
    bySource.set(s.source, list);
  }
  // A source that lists the company under more than one of its names (two it has merged, or
  // an alias) says each of them: one view a listed name, and one of its names it lists not.
  const parts = [...bySource.values()].flatMap((group) => {
    const listed = group.filter((s) => s.list);
    if (listed.length < 2) return [group];
    const unlisted = group.filter((s) => !s.list);
    return [...listed.map((s) => [s]), ...(unlisted.length ? [unlisted] : [])];
  });
  return parts.map((group) => {
    const first = group[0];
    const withEvidence = group.some((s) => s.evidence.length);
    let byYours: OtherView['by_your_policy'] = null;
    if (withEvidence) {
      const evidence = evidenceOfSource(company, group, checklistsOf);
      byYours = { list: judgeCompany(evidence, policy, now).list, checks: evidence.checks.length, incidents: evidence.incidents.length };
    }
    let record: ComplaintRecord | null = null;
    if (first.kind === 'cfpb' && first.date) {
      const ids = group.map((s) => s.source_company_id);
      const through = first.date.slice(0, 7);
      const rows = sources.complaintCountsOf(ids);
      const since = first.date_from?.slice(0, 7);
      const from = complaintRecord([], through, [], since).last12.from;
      record = complaintRecord(rows, through, sources.complaintIssuesOf(ids, from, through), since);
    }
    return {
      source: first.source,
      kind: first.kind,
      date: first.date,
      names: group.map((s) => s.name),
      named_otherwise: group.some((s) => companyKey(s.name) !== ownKey),
      list: group.find((s) => s.list)?.list ?? null,
      by_your_policy: byYours,
      record,
    };
  });
}
