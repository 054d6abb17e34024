// The list policy: small named rules (B1–B4 black, W1–W3 white), each a pure function of
// one company's evidence that returns findings; the verdict folds them. `now` is passed in.

import { LEVELS, type CheckRecord, type CheckVerdict, type CompanyEvidence, type CompanyFacts, type CompensationKind, type Level, type ListName, type Outcome, type Placement, EFFORTS, type Effort } from './types.js';

export type { CompanyFacts } from './types.js';
import { addMonths, datePart, msOf } from './dates.js';
import { effortRank, isAtFault, levelOf, levelRank } from './incident.js';
import { closingOfDigest, companyBrokenOfDigested, digested, highestLevelGoneTo, isOpenDigested, lastActivityOf, promisesOfDigested, type DigestedIncident } from './digest.js';
import type { Problem, Validated } from './validation.js';
import { largest, smallest } from './extremes.js';

export interface Policy {
  /** B2: this many broken promises within one incident. */
  broken_promises: number;
  /** B3: this many at-fault incidents closed unresolved or abandoned… */
  repeat_unresolved: number;
  /** …within this many months of each other. */
  repeat_window_months: number;
  /** B1: the levels that speak for the company, not one employee. */
  institutional_levels: Level[];
  /** B4/W3: a check scoring below this is `avoid`… */
  check_avoid_below: number;
  /** …and from this up, `go`. */
  check_go_from: number;
  /** W1: the highest level the customer may have had to reach for a good recovery. */
  recovery_max_level: Level;
  /** W1: the most effort a compensation may have cost the customer for a good recovery. */
  recovery_max_effort: Effort;
}

export const DEFAULT_POLICY: Policy = {
  broken_promises: 3,
  repeat_unresolved: 2,
  repeat_window_months: 24,
  institutional_levels: ['quality', 'management', 'regulator', 'court'],
  check_avoid_below: 50,
  check_go_from: 80,
  recovery_max_level: 'supervisor',
  recovery_max_effort: 'asked',
};

export type RuleId = 'B1' | 'B2' | 'B3' | 'B4' | 'W1' | 'W2' | 'W3';

/**
 * What a finding rests on, as facts: counts, dates, levels, the words quoted from the record.
 * The catalogs of the interface turn them into sentences; the domain says no words itself.
 */
export type FindingFacts =
  | { kind: 'refused'; policy: boolean; level: Level; text: string | null; incident: string }
  | { kind: 'reached-failed'; level: Level; outcome: Outcome; incident: string }
  | { kind: 'reached-no-amends'; level: Level; outcome: Outcome; incident: string }
  | { kind: 'broken-promises'; broken: number; days: number; promises: { text: string | null; times: number }[]; incident: string }
  | { kind: 'repeat'; months: number; incidents: { title: string; date: string }[] }
  | { kind: 'failed-check'; checklist: string; date: string; score: number; dealbreakers: string[]; below: number; own?: CheckVerdict }
  | { kind: 'recovery'; apologised: boolean; explained: boolean; compensated: 'unasked' | 'asked' | null; incident: string }
  | { kind: 'unasked'; what: CompensationKind | 'compensation'; incident: string }
  | { kind: 'customer-fault'; what: CompensationKind | 'compensation'; incident: string }
  | { kind: 'passed-check'; checklist: string; date: string; score: number; own?: CheckVerdict }
  | { kind: 'watch-incident'; incident: string; open_since: string | null; outcome: Outcome | null; broken: number; robots: number; stayed_with: Level | null }
  | { kind: 'watch-check'; checklist: string; date: string; score: number; verdict: CheckVerdict; own?: CheckVerdict }
  | { kind: 'pin'; reason: string };

export interface Finding {
  rule: RuleId | 'watch' | 'pin';
  side: ListName;
  facts: FindingFacts;
  /** The newest date among the evidence it cites (a date-time text as stored). */
  date: string;
  evidence: string[];
}

/** What would change a verdict, as facts for the catalogs. */
/** What a failure must be to blacken a company: `level` the lowest level the policy counts, and
 * `levels` every level it counts where that is not `level` and all above it (a policy that skips
 * one: "management or the court", not "management or above"). */
export interface ToBlack {
  level: Level;
  levels?: Level[];
  promises: number;
  repeat: number;
  months: number;
}

export type Change =
  | { kind: 'unpin'; company: string; evidence_says: 'black' | 'white' | null }
  | { kind: 'deeds-to-white' }
  | ({ kind: 'deeds-to-black' } & ToBlack)
  | { kind: 'words-to-white' }
  | ({ kind: 'words-to-black' } & ToBlack)
  | ({ kind: 'watch-to-black' } & ToBlack)
  | { kind: 'watch-to-white' }
  | { kind: 'any-evidence' };

function toBlackOf(policy: Policy): ToBlack {
  // The policy's levels are kept in the ladder's order (validatePolicy).
  const counted = policy.institutional_levels;
  const level = counted[0];
  const allAbove = LEVELS.slice(LEVELS.indexOf(level)).every((l) => counted.includes(l));
  return { level, ...(allAbove ? {} : { levels: [...counted] }), promises: policy.broken_promises, repeat: policy.repeat_unresolved, months: policy.repeat_window_months };
}

export function factsOf(e: CompanyEvidence | CompanyFacts): CompanyFacts {
  // Facts read from the store are digested already, and are taken as they are.
  if (e.incidents.every((i) => 'digest' in i)) return e as CompanyFacts;
  return { ...e, incidents: e.incidents.map(digested) };
}

export interface Rule {
  id: RuleId;
  side: 'black' | 'white';
  judge: (e: CompanyFacts, policy: Policy, now: number) => Finding[];
}

type I = DigestedIncident;
const ref = (i: I) => `incident:${i.id}`;
const checkRef = (c: CheckRecord) => `check:${c.id}`;
const NO_CHECKS: CheckRecord[] = [];

/** A finding dated by the newest of its evidence (the first of equals), which it cites in order. */
function finding(rule: RuleId, side: ListName, facts: FindingFacts, incidents: I[], checks: CheckRecord[] = NO_CHECKS): Finding {
  let date = '';
  let dateMs = -Infinity;
  const evidence: string[] = [];
  for (let k = 0; k < incidents.length; k++) {
    const at = lastActivityOf(incidents[k]);
    const ms = msOf(at);
    if (!evidence.length || ms > dateMs) {
      date = at;
      dateMs = ms;
    }
    evidence.push(ref(incidents[k]));
  }
  for (let k = 0; k < checks.length; k++) {
    const ms = msOf(checks[k].at);
    if (!evidence.length || ms > dateMs) {
      date = checks[k].at;
      dateMs = ms;
    }
    evidence.push(checkRef(checks[k]));
  }
  return { rule, side, facts, date, evidence };
}

function isInstitutional(l: Level, p: Policy): boolean {
  return p.institutional_levels.includes(l);
}

/** The highest level the policy counts that the customer had to go to: by the closing, where there is one. */
function highestInstitutional(i: I, p: Policy): Level | undefined {
  let best: Level | undefined;
  for (const l of i.digest.levelsByClosing ?? i.digest.levels) if (isInstitutional(l, p)) best = l;
  return best;
}

function latestCheck(checks: CheckRecord[]): CheckRecord | undefined {
  let best: CheckRecord | undefined;
  // Checks come in the order they were recorded: of two at the same moment, the later one counts.
  for (const c of checks) if (!best || msOf(c.at) >= msOf(best.at)) best = c;
  return best;
}

/** A check's verdict by the policy's thresholds (its own, `c.verdict`, is by its checklist's: they differ where the policy moved them). */
function checkVerdict(c: CheckRecord, p: Policy): CheckVerdict {
  return verdictByPolicy(c.score, c.dealbreakers, p);
}

/** What a check's score (and its dealbreakers) reads as by the policy's thresholds. */
export function verdictByPolicy(score: number, dealbreakers: readonly string[], p: Policy): CheckVerdict {
  if (dealbreakers.length || score < p.check_avoid_below) return 'avoid';
  return score >= p.check_go_from ? 'go' : 'caution';
}

// ---- black ----

/** B1 institutional failure: the company itself, not one employee, failed the customer. */
export const B1: Rule = {
  id: 'B1',
  side: 'black',
  judge(e, p) {
    const out: Finding[] = [];
    for (const i of e.incidents.filter(isAtFault)) {
      const refusals = i.digest.refusals.filter((x) => isInstitutional(levelOf(x), p) || x.policy === true);
      if (refusals.length) {
        const r = refusals[0];
        out.push(finding('B1', 'black', { kind: 'refused', policy: r.policy === true, level: levelOf(r), text: r.text ?? null, incident: i.title }, [i]));
        continue;
      }
      const reached = highestInstitutional(i, p);
      const closing = closingOfDigest(i.digest);
      if (!reached || !closing) continue;
      if (closing.outcome === 'unresolved' || closing.outcome === 'abandoned') {
        out.push(finding('B1', 'black', { kind: 'reached-failed', level: reached, outcome: closing.outcome, incident: i.title }, [i]));
      } else if (!i.digest.apology && !i.digest.compensations.length) {
        out.push(finding('B1', 'black', { kind: 'reached-no-amends', level: reached, outcome: closing.outcome, incident: i.title }, [i]));
      }
    }
    return out;
  },
};

/** B2 broken-promise pattern: several promises broken within one incident. */
export const B2: Rule = {
  id: 'B2',
  side: 'black',
  judge(e, p, now) {
    const out: Finding[] = [];
    for (const i of e.incidents) {
      const broken = companyBrokenOfDigested(i, now);
      if (broken.length < p.broken_promises) continue;
      const first = smallest(broken.map((b) => msOf(b.event.at)));
      const last = largest(broken.map((b) => b.dueMs));
      const days = Math.max(1, Math.ceil((last - first) / 86_400_000));
      // Each text with how often it was broken, in the order first broken: counted in one pass
      // (a count of each text over them all took seconds for 40,000 promises of their own words).
      const times = new Map<string | null, number>();
      for (const b of broken) times.set(b.event.text ?? null, (times.get(b.event.text ?? null) ?? 0) + 1);
      const promises = [...times].map(([text, n]) => ({ text, times: n }));
      out.push(finding('B2', 'black', { kind: 'broken-promises', broken: broken.length, days, promises, incident: i.title }, [i]));
    }
    return out;
  },
};

/** B3 repeat offender: unresolved at-fault incidents close together in time. */
export const B3: Rule = {
  id: 'B3',
  side: 'black',
  judge(e, p) {
    const failed = e.incidents
      .filter((i) => isAtFault(i) && ['unresolved', 'abandoned'].includes(i.digest.closing?.outcome ?? ''))
      .map((i) => ({ i, t: closingOfDigest(i.digest)!.ms }))
      .sort((a, b) => a.t - b.t);
    if (failed.length < p.repeat_unresolved) return [];
    // Every failed incident that has enough others within the window of it: the window's end
    // worked out once an incident, and the others counted only until there are enough (each
    // pair's window worked out anew took 24 s for a company of 8,000 failed incidents).
    const ends = failed.map((x) => addMonths(x.t, p.repeat_window_months));
    const cited = failed.filter((x, k) => {
      let near = 0;
      for (let j = 0; j < failed.length && near + 1 < p.repeat_unresolved; j++) {
        if (j !== k && (x.t <= failed[j].t ? failed[j].t <= ends[k] : x.t <= ends[j])) near++;
      }
      return near + 1 >= p.repeat_unresolved;
    });
    if (cited.length < p.repeat_unresolved) return [];
    const incidents = cited.map((x) => x.i);
    return [
      finding(
        'B3',
        'black',
        { kind: 'repeat', months: p.repeat_window_months, incidents: incidents.map((i) => ({ title: i.title, date: datePart(lastActivityOf(i)) })) },
        incidents,
      ),
    ];
  },
};

/** B4 failed check: the latest pre-purchase check says avoid. */
export const B4: Rule = {
  id: 'B4',
  side: 'black',
  judge(e, p) {
    const c = latestCheck(e.checks);
    if (!c || checkVerdict(c, p) !== 'avoid') return [];
    return [
      finding('B4', 'black', { kind: 'failed-check', checklist: c.checklist, date: datePart(c.at), score: c.score, dealbreakers: c.dealbreakers, below: p.check_avoid_below, own: c.verdict }, [], [c]),
    ];
  },
};

// ---- white ----

/** W1 good recovery: an at-fault failure put right without the customer having to fight. */
export const W1: Rule = {
  id: 'W1',
  side: 'white',
  judge(e, p, now) {
    const out: Finding[] = [];
    for (const i of e.incidents.filter(isAtFault)) {
      if (i.digest.closing?.outcome !== 'resolved') continue;
      if (companyBrokenOfDigested(i, now).length) continue;
      if (levelRank(highestLevelGoneTo(i.digest)) > levelRank(p.recovery_max_level)) continue;
      const compensations = i.digest.compensations;
      if (compensations.some((c) => effortRank(c.effort ?? 'none') > effortRank(p.recovery_max_effort))) continue;
      out.push(
        finding(
          'W1',
          'white',
          {
            kind: 'recovery',
            apologised: i.digest.apology,
            explained: i.digest.explanation,
            compensated: compensations.some((c) => c.proactive) ? 'unasked' : compensations.length ? 'asked' : null,
            incident: i.title,
          },
          [i],
        ),
      );
    }
    return out;
  },
};

/** W2 beyond expectations: compensation offered unasked, or given when the fault was the customer's. */
export const W2: Rule = {
  id: 'W2',
  side: 'white',
  judge(e) {
    const out: Finding[] = [];
    for (const i of e.incidents) {
      const compensations = i.digest.compensations;
      const proactive = compensations.find((c) => c.proactive === true);
      if (proactive) {
        out.push(finding('W2', 'white', { kind: 'unasked', what: proactive.kind ?? 'compensation', incident: i.title }, [i]));
      } else if (i.fault === 'customer' && compensations.length && i.digest.closing?.outcome === 'resolved') {
        out.push(finding('W2', 'white', { kind: 'customer-fault', what: compensations[0].kind ?? 'compensation', incident: i.title }, [i]));
      }
    }
    return out;
  },
};

/** W3 passed check: the latest pre-purchase check says go. */
export const W3: Rule = {
  id: 'W3',
  side: 'white',
  judge(e, p) {
    const c = latestCheck(e.checks);
    if (!c || checkVerdict(c, p) !== 'go') return [];
    // With the check's own verdict, where the policy's thresholds read it otherwise ("caution by its checklist, go by your policy").
    return [finding('W3', 'white', { kind: 'passed-check', checklist: c.checklist, date: datePart(c.at), score: c.score, own: c.verdict }, [], [c])];
  },
};

export const RULES: Rule[] = [B1, B2, B3, B4, W1, W2, W3];

// ---- the verdict ----

export interface Verdict {
  company: string;
  list: Placement;
  since: string | null;
  pinned: boolean;
  /** The findings of the side that decided (or the pin, or what put it on watch). */
  reasons: Finding[];
  /** Every black and white finding, newest first. */
  findings: Finding[];
  /** Check findings that hold but decide nothing, because incident findings hold (deeds over words). */
  set_aside: Finding[];
  /** The finding that decided the verdict. */
  decided_by: Finding | null;
  /** What would change the verdict. */
  would_change: Change[];
}

function byDateDesc(a: Finding, b: Finding): number {
  return msOf(b.date) - msOf(a.date);
}

/** Why a company with evidence but no rule is on the watch list. */
function watchFindings(e: CompanyFacts, p: Policy, now: number): Finding[] {
  const out: Finding[] = [];
  for (const i of e.incidents) {
    const level = highestLevelGoneTo(i.digest);
    const broken = companyBrokenOfDigested(i, now).length;
    const closing = i.digest.closing;
    const robots = i.digest.robots;
    // A failure of the company's that went no higher: never one whose fault is the customer's or no one's
    // (a refusal there is the company in its right, and no failure stayed anywhere).
    const stayed = isAtFault(i) && !isInstitutional(level, p) && (broken || robots || (closing && closing.outcome !== 'resolved') || i.digest.refusals.length);
    out.push({
      rule: 'watch',
      side: 'watch',
      facts: {
        kind: 'watch-incident',
        incident: i.title,
        open_since: isOpenDigested(i) ? datePart(i.opened) : null,
        outcome: isOpenDigested(i) ? null : (closing?.outcome ?? null),
        broken,
        robots,
        stayed_with: stayed ? level : null,
      },
      date: lastActivityOf(i),
      evidence: [ref(i)],
    });
  }
  const c = latestCheck(e.checks);
  if (c) {
    out.push({
      rule: 'watch',
      side: 'watch',
      facts: { kind: 'watch-check', checklist: c.checklist, date: datePart(c.at), score: c.score, verdict: checkVerdict(c, p), own: c.verdict },
      date: c.at,
      evidence: [checkRef(c)],
    });
  }
  return out.sort(byDateDesc);
}

/** Rules that read what a company did (its incidents), as against what it says it will do (its checks). */
export const DEED_RULES: readonly RuleId[] = ['B1', 'B2', 'B3', 'W1', 'W2'];

export function isDeed(f: Pick<Finding, 'rule'>): boolean {
  return (DEED_RULES as readonly string[]).includes(f.rule);
}

/**
 * Runs every rule and folds the findings: a pin first; then deeds over words (when any
 * incident finding holds, the check findings decide nothing); then, among the findings
 * that decide, the newest evidence (black on a tie).
 */
export function judgeCompany(evidence: CompanyEvidence | CompanyFacts, policy: Policy = DEFAULT_POLICY, now: number): Verdict {
  const e = factsOf(evidence);
  // Plain loops: arrays empty and not, of findings of every kind, made the callbacks of
  // filter and reduce meet new shapes, and each time the optimised code was thrown away.
  const findings: Finding[] = [];
  for (const r of RULES) for (const f of r.judge(e, policy, now)) findings.push(f);
  findings.sort(byDateDesc);
  const deeds: Finding[] = [];
  const words: Finding[] = [];
  for (const f of findings) (isDeed(f) ? deeds : words).push(f);
  const deciding = deeds.length ? deeds : findings;
  const setAside = deeds.length ? words : [];
  const black: Finding[] = [];
  const white: Finding[] = [];
  for (const f of deciding) {
    if (f.side === 'black') black.push(f);
    else if (f.side === 'white') white.push(f);
  }
  // Sides are compared by calendar date: evidence of the same day is a tie, and black wins a tie.
  const newestOf = (fs: Finding[]) => {
    let best = '';
    for (const f of fs) if (datePart(f.date) > best) best = datePart(f.date);
    return best;
  };
  // Built field by field, in one order: a spread of shared fields made each verdict cost twice as much.
  const verdict = (list: Placement, since: string | null, pinned: boolean, reasons: Finding[], decidedBy: Finding | null, wouldChange: Change[]): Verdict => ({
    company: e.company,
    findings,
    set_aside: setAside,
    list,
    since,
    pinned,
    reasons,
    decided_by: decidedBy,
    would_change: wouldChange,
  });

  if (e.pin) {
    const pin: Finding = { rule: 'pin', side: e.pin.list, facts: { kind: 'pin', reason: e.pin.reason }, date: e.pin.at, evidence: [] };
    const evidenceSays = black.length || white.length ? (newestOf(black) >= newestOf(white) && black.length ? 'black' : 'white') : null;
    return verdict(e.pin.list, datePart(e.pin.at), true, [pin], pin, [{ kind: 'unpin', company: e.company, evidence_says: evidenceSays }]);
  }
  if (black.length || white.length) {
    const side: 'black' | 'white' = black.length && newestOf(black) >= newestOf(white) ? 'black' : 'white';
    const reasons = side === 'black' ? black : white;
    const decided = reasons[0];
    // What a failure must be to blacken it, as the rules say: institutional and not put right, a pattern of broken promises, or failures left unresolved again and again.
    const toBlack = toBlackOf(policy);
    const change: Change = side === 'black' ? { kind: deeds.length ? 'deeds-to-white' : 'words-to-white' } : { kind: deeds.length ? 'deeds-to-black' : 'words-to-black', ...toBlack };
    return verdict(side, datePart(decided.date), false, reasons, decided, [change]);
  }
  const watch = watchFindings(e, policy, now);
  if (watch.length) {
    const toBlack: Change = { kind: 'watch-to-black', ...toBlackOf(policy) };
    return verdict('watch', datePart(watch[0].date), false, watch, null, [toBlack, { kind: 'watch-to-white' }]);
  }
  return verdict('unlisted', null, false, [], null, [{ kind: 'any-evidence' }]);
}

/** Until when a verdict holds without new evidence: the first pending promise falling due. */
export function verdictValidUntil(evidence: CompanyEvidence | CompanyFacts, now: number): number | null {
  let until: number | null = null;
  for (const i of factsOf(evidence).incidents) {
    for (const p of promisesOfDigested(i, now)) if (p.state === 'pending' && (until === null || p.dueMs < until)) until = p.dueMs;
  }
  return until;
}

// ---- the policy file ----

/** What is wrong with a setting of a policy file: facts, which the catalogs put in words. */
export type PolicyFault =
  | { kind: 'policy-map' }
  | { kind: 'unknown-setting'; settings: readonly string[] }
  | { kind: 'whole-number'; min: number; max: number }
  | { kind: 'levels'; levels: readonly Level[] }
  | { kind: 'one-of'; values: readonly string[] }
  | { kind: 'above-go'; go: number };

/** Checks a parsed policy override: known keys with sensible values; the rest from the defaults. */
export function validatePolicy(doc: unknown): Validated<Policy, PolicyFault> {
  if (doc === null || doc === undefined) return { value: DEFAULT_POLICY };
  if (typeof doc !== 'object' || Array.isArray(doc)) return { errors: [{ path: [], fault: { kind: 'policy-map' } }] };
  const errors: Problem<PolicyFault>[] = [];
  const d = doc as Record<string, unknown>;
  const out: Policy = { ...DEFAULT_POLICY };
  const int = (k: keyof Policy, min: number, max: number) => {
    if (d[k] === undefined) return;
    if (!Number.isInteger(d[k]) || (d[k] as number) < min || (d[k] as number) > max) errors.push({ path: [k], fault: { kind: 'whole-number', min, max } });
    else (out as unknown as Record<string, unknown>)[k] = d[k];
  };
  for (const k of Object.keys(d)) if (!Object.hasOwn(DEFAULT_POLICY, k)) errors.push({ path: [k], fault: { kind: 'unknown-setting', settings: Object.keys(DEFAULT_POLICY) } });
  int('broken_promises', 1, 100);
  int('repeat_unresolved', 2, 100);
  int('repeat_window_months', 1, 600);
  int('check_avoid_below', 0, 100);
  int('check_go_from', 0, 100);
  if (d.institutional_levels !== undefined) {
    const v = d.institutional_levels;
    if (!Array.isArray(v) || !v.length || v.some((l) => !(LEVELS as readonly unknown[]).includes(l))) {
      errors.push({ path: ['institutional_levels'], fault: { kind: 'levels', levels: LEVELS } });
    } else out.institutional_levels = [...new Set(v as Level[])].sort((a, b) => levelRank(a) - levelRank(b));
  }
  if (d.recovery_max_level !== undefined) {
    if (!(LEVELS as readonly unknown[]).includes(d.recovery_max_level)) errors.push({ path: ['recovery_max_level'], fault: { kind: 'one-of', values: LEVELS } });
    else out.recovery_max_level = d.recovery_max_level as Level;
  }
  if (d.recovery_max_effort !== undefined) {
    if (!(EFFORTS as readonly unknown[]).includes(d.recovery_max_effort)) errors.push({ path: ['recovery_max_effort'], fault: { kind: 'one-of', values: EFFORTS } });
    else out.recovery_max_effort = d.recovery_max_effort as Effort;
  }
  if (!errors.length && out.check_avoid_below > out.check_go_from) {
    errors.push({ path: ['check_avoid_below'], fault: { kind: 'above-go', go: out.check_go_from } });
  }
  return errors.length ? { errors } : { value: out };
}
