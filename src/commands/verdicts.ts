// Verdicts of companies under the policy in force: shared by lists, why, company show and export.

import type { Context } from '../context.js';
import type { Store, CompanyRow } from '../store/store.js';
import { judgeCompany, type Policy, type Verdict } from '../domain/policy.js';
import { loadPolicy } from '../formats/policy-file.js';
import { LISTS, type ListName } from '../domain/types.js';

export interface Judged {
  company: CompanyRow;
  verdict: Verdict;
}

export function policyOf(ctx: Context): Policy {
  return loadPolicy(ctx.configDir).policy;
}

export function judgeAll(store: Store, policy: Policy, now: number): Judged[] {
  return store.allEvidence().map(({ company, evidence }) => ({ company, verdict: judgeCompany(evidence, policy, now) }));
}

export function judgeOne(store: Store, company: CompanyRow, policy: Policy, now: number): Verdict {
  return judgeCompany(store.evidenceOf(company), policy, now);
}

/** The entry of one company in `lists --json`, as DATA-FORMAT.md gives it. */
export function listEntry(v: Verdict) {
  return {
    company: v.company,
    since: v.since,
    pinned: v.pinned,
    reasons: v.reasons.map((f) => ({ rule: f.rule, text: f.text, date: f.date, evidence: f.evidence })),
  };
}

export function groupByList(judged: Judged[]): Record<ListName, Judged[]> {
  const out = Object.fromEntries(LISTS.map((l) => [l, [] as Judged[]])) as Record<ListName, Judged[]>;
  for (const j of judged) if (j.verdict.list !== 'unlisted') out[j.verdict.list].push(j);
  return out;
}
