// The list policy: small named rules (B1–B4 black, W1–W3 white), each a pure function of
// one company's evidence that returns findings; the verdict folds them. `now` is passed in.

import { LEVELS, type CheckRecord, type CheckVerdict, type CompanyEvidence, type Incident, type Level, type ListName, type Placement, EFFORTS, type Effort } from './types.js';
import { addMonths, datePart, msOf, plural } from './dates.js';
import { brokenPromises, promisesOf, closingOf, effortRank, isAtFault, isOpen, lastActivityText, levelOf, levelRank, highestLevel } from './incident.js';
import type { Problem, Validated } from './validation.js';

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

export interface Finding {
  rule: RuleId | 'watch' | 'pin';
  side: ListName;
  /** The reason in plain words. */
  text: string;
  /** The same in Russian. */
  text_ru?: string;
  /** The newest date among the evidence it cites (a date-time text as stored). */
  date: string;
  evidence: string[];
}

/** A finding's reason in the language asked for. */
export function findingText(f: Pick<Finding, 'text' | 'text_ru'>, lang: 'en' | 'ru'): string {
  return lang === 'ru' ? (f.text_ru ?? f.text) : f.text;
}

export interface Rule {
  id: RuleId;
  side: 'black' | 'white';
  title: string;
  /** Why the rule holds a company to account, in one sentence, with the policy's numbers. */
  explain: (policy: Policy) => string;
  judge: (e: CompanyEvidence, policy: Policy, now: number) => Finding[];
}

const ref = (i: Incident) => `incident:${i.id}`;
const checkRef = (c: CheckRecord) => `check:${c.id}`;
const quote = (s: string) => `"${s}"`;
const quoteRu = (s: string) => `«${s}»`;

/** A text in both languages of the interface. */
interface Say {
  en: string;
  ru: string;
}

/** Russian plural: 1 день, 2 дня, 5 дней. */
export function pluralRu(n: number, one: string, few: string, many: string): string {
  const m10 = n % 10, m100 = n % 100;
  const word = m10 === 1 && m100 !== 11 ? one : m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14) ? few : many;
  return `${n} ${word}`;
}

const OUTCOME_RU: Record<string, string> = { resolved: 'решено', partial: 'решено частично', unresolved: 'не решено', abandoned: 'брошено' };
const VERDICT_RU: Record<string, string> = { go: 'можно покупать', caution: 'осторожно', avoid: 'избегать' };
const KIND_RU: Record<string, string> = { refund: 'возврат денег', credit: 'зачёт на счёт', replacement: 'замена', repair: 'ремонт', other: 'компенсация', compensation: 'компенсация' };

function newest(dates: string[]): string {
  return dates.reduce((a, b) => (msOf(b) > msOf(a) ? b : a));
}

function finding(rule: RuleId, side: ListName, say: Say, incidents: Incident[], checks: CheckRecord[] = []): Finding {
  const dates = [...incidents.map(lastActivityText), ...checks.map((c) => c.at)];
  return { rule, side, text: say.en, text_ru: say.ru, date: newest(dates), evidence: [...incidents.map(ref), ...checks.map(checkRef)] };
}

const LEVEL_NAMES: Record<Level, string> = {
  frontline: 'the front line',
  supervisor: 'a supervisor',
  quality: 'the quality or complaints department',
  management: 'management',
  regulator: 'the regulator',
  court: 'court',
};

/** Who, in Russian: "дошло до …" takes the genitive, "отказал(и) …" the nominative. */
const LEVEL_RU: Record<Level, { gen: string; nom: string }> = {
  frontline: { gen: 'первой линии', nom: 'первая линия' },
  supervisor: { gen: 'старшего смены', nom: 'старший смены' },
  quality: { gen: 'отдела качества или претензий', nom: 'отдел качества или претензий' },
  management: { gen: 'руководства', nom: 'руководство' },
  regulator: { gen: 'регулятора', nom: 'регулятор' },
  court: { gen: 'суда', nom: 'суд' },
};

function isInstitutional(l: Level, p: Policy): boolean {
  return p.institutional_levels.includes(l);
}

function highestInstitutional(i: Incident, p: Policy): Level | undefined {
  let best: Level | undefined;
  for (const e of i.events) {
    const l = levelOf(e);
    if (isInstitutional(l, p) && (best === undefined || levelRank(l) > levelRank(best))) best = l;
  }
  return best;
}

function latestCheck(checks: CheckRecord[]): CheckRecord | undefined {
  let best: CheckRecord | undefined;
  for (const c of checks) if (!best || msOf(c.at) > msOf(best.at) || (msOf(c.at) === msOf(best.at) && c.id > best.id)) best = c;
  return best;
}

/** A check's verdict under the policy's bounds (the defaults are those of the checklists). */
function checkVerdict(c: CheckRecord, p: Policy): CheckVerdict {
  if (c.dealbreakers.length || c.score < p.check_avoid_below) return 'avoid';
  return c.score >= p.check_go_from ? 'go' : 'caution';
}

// ---- black ----

/** B1 institutional failure: the company itself, not one employee, failed the customer. */
export const B1: Rule = {
  id: 'B1',
  side: 'black',
  title: 'institutional failure',
  explain: () =>
    'one rude employee is not the company, but when the quality department or management did not help, or a refusal is company policy, the company itself failed',
  judge(e, p) {
    const out: Finding[] = [];
    for (const i of e.incidents.filter(isAtFault)) {
      const refusals = i.events.filter((x) => x.type === 'refusal' && (isInstitutional(levelOf(x), p) || x.policy === true));
      if (refusals.length) {
        const r = refusals[0];
        const who = r.policy ? 'refused as company policy' : `${LEVEL_NAMES[levelOf(r)]} refused`;
        const whoRu = r.policy ? 'отказали, сославшись на политику компании' : `отказ (${LEVEL_RU[levelOf(r)].nom})`;
        out.push(
          finding('B1', 'black', { en: `${who}${r.text ? `: ${quote(r.text)}` : ''} (${i.title})`, ru: `${whoRu}${r.text ? `: ${quoteRu(r.text)}` : ''} (${i.title})` }, [i]),
        );
        continue;
      }
      const reached = highestInstitutional(i, p);
      const closing = closingOf(i);
      if (!reached || !closing) continue;
      if (closing.outcome === 'unresolved' || closing.outcome === 'abandoned') {
        out.push(
          finding('B1', 'black', {
            en: `reached ${LEVEL_NAMES[reached]} and it still ended ${closing.outcome} (${i.title})`,
            ru: `дошло до ${LEVEL_RU[reached].gen}, и всё равно ${OUTCOME_RU[closing.outcome]} (${i.title})`,
          }, [i]),
        );
      } else if (!i.events.some((x) => x.type === 'apology' || x.type === 'compensation')) {
        out.push(
          finding('B1', 'black', {
            en: `reached ${LEVEL_NAMES[reached]}, which closed it ${closing.outcome} with neither an apology nor compensation (${i.title})`,
            ru: `дошло до ${LEVEL_RU[reached].gen}; закрыто (${OUTCOME_RU[closing.outcome]}) без извинений и без компенсации (${i.title})`,
          }, [i]),
        );
      }
    }
    return out;
  },
};

/** B2 broken-promise pattern: several promises broken within one incident. */
export const B2: Rule = {
  id: 'B2',
  side: 'black',
  title: 'broken-promise pattern',
  explain: (p) => `${p.broken_promises} or more promises broken within one incident are a pattern, not one employee's slip`,
  judge(e, p, now) {
    const out: Finding[] = [];
    for (const i of e.incidents) {
      const broken = brokenPromises(i, now);
      if (broken.length < p.broken_promises) continue;
      const first = Math.min(...broken.map((b) => msOf(b.event.at)));
      const last = Math.max(...broken.map((b) => b.dueMs));
      const days = Math.max(1, Math.ceil((last - first) / 86_400_000));
      const texts = broken.map((b) => b.event.text ?? 'a promise');
      const distinct = [...new Set(texts)];
      const times = (n: number) => (n === 1 ? '' : n === 2 ? ' twice' : ` ${n} times`);
      const timesRu = (n: number) => (n === 1 ? '' : ` ${pluralRu(n, 'раз', 'раза', 'раз')}`);
      const daysRu = pluralRu(days, 'день', 'дня', 'дней');
      const count = (t: string) => texts.filter((x) => x === t).length;
      const say: Say =
        distinct.length === 1
          ? {
              en: `promised ${quote(distinct[0])} and broke it${times(broken.length)} in ${plural(days, 'day')} (${i.title})`,
              ru: `обещали ${quoteRu(distinct[0])} и не сдержали слово${timesRu(broken.length)} за ${daysRu} (${i.title})`,
            }
          : {
              en: `broke ${broken.length} promises in ${plural(days, 'day')}: ${distinct.map((t) => `${quote(t)}${times(count(t))}`).join(', ')} (${i.title})`,
              ru: `нарушили ${pluralRu(broken.length, 'обещание', 'обещания', 'обещаний')} за ${daysRu}: ${distinct.map((t) => `${quoteRu(t)}${timesRu(count(t))}`).join(', ')} (${i.title})`,
            };
      out.push(finding('B2', 'black', say, [i]));
    }
    return out;
  },
};

/** B3 repeat offender: unresolved at-fault incidents close together in time. */
export const B3: Rule = {
  id: 'B3',
  side: 'black',
  title: 'repeat offender',
  explain: (p) => `${p.repeat_unresolved} failures left unresolved within ${p.repeat_window_months} months of each other are a habit`,
  judge(e, p) {
    const failed = e.incidents
      .filter((i) => isAtFault(i) && ['unresolved', 'abandoned'].includes(closingOf(i)?.outcome ?? ''))
      .map((i) => ({ i, t: closingOf(i)!.ms }))
      .sort((a, b) => a.t - b.t);
    if (failed.length < p.repeat_unresolved) return [];
    // Every failed incident that has enough others within the window of it.
    const cited = failed.filter((x) => {
      const near = failed.filter((y) => y !== x && within(x.t, y.t, p.repeat_window_months));
      return near.length + 1 >= p.repeat_unresolved;
    });
    if (cited.length < p.repeat_unresolved) return [];
    const incidents = cited.map((x) => x.i);
    return [
      finding(
        'B3',
        'black',
        {
          en: `${incidents.length} incidents left unresolved within ${p.repeat_window_months} months of each other: ${incidents.map((i) => `${i.title} (${datePart(lastActivityText(i))})`).join('; ')}`,
          ru: `${pluralRu(incidents.length, 'обращение осталось', 'обращения остались', 'обращений остались')} нерешёнными в пределах ${p.repeat_window_months} мес. друг от друга: ${incidents.map((i) => `${i.title} (${datePart(lastActivityText(i))})`).join('; ')}`,
        },
        incidents,
      ),
    ];
  },
};

function within(a: number, b: number, months: number): boolean {
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  return hi <= addMonths(lo, months);
}

/** B4 failed check: the latest pre-purchase check says avoid. */
export const B4: Rule = {
  id: 'B4',
  side: 'black',
  title: 'failed check',
  explain: (p) => `the latest pre-purchase check found a dealbreaker or scored below ${p.check_avoid_below}`,
  judge(e, p) {
    const c = latestCheck(e.checks);
    if (!c || checkVerdict(c, p) !== 'avoid') return [];
    const why = c.dealbreakers.length ? `a dealbreaker answer to ${c.dealbreakers.join(', ')}` : `score ${c.score} is below ${p.check_avoid_below}`;
    const whyRu = c.dealbreakers.length ? `неприемлемый ответ: ${c.dealbreakers.join(', ')}` : `оценка ${c.score} ниже ${p.check_avoid_below}`;
    return [
      finding('B4', 'black', {
        en: `the pre-purchase check (${c.checklist}) on ${datePart(c.at)} scored ${c.score}: avoid (${why})`,
        ru: `проверка перед покупкой (${c.checklist}) от ${datePart(c.at)}: ${c.score} из 100 — избегать (${whyRu})`,
      }, [], [c]),
    ];
  },
};

// ---- white ----

/** W1 good recovery: an at-fault failure put right without the customer having to fight. */
export const W1: Rule = {
  id: 'W1',
  side: 'white',
  title: 'good recovery',
  explain: () => 'a failure put right without a fight earns more trust than no failure at all',
  judge(e, p, now) {
    const out: Finding[] = [];
    for (const i of e.incidents.filter(isAtFault)) {
      if (closingOf(i)?.outcome !== 'resolved') continue;
      if (brokenPromises(i, now).length) continue;
      if (levelRank(highestLevel(i)) > levelRank(p.recovery_max_level)) continue;
      const compensations = i.events.filter((x) => x.type === 'compensation');
      if (compensations.some((c) => effortRank(c.effort ?? 'none') > effortRank(p.recovery_max_effort))) continue;
      const extras: Say[] = [];
      if (i.events.some((x) => x.type === 'apology')) extras.push({ en: 'apologised', ru: 'извинились' });
      if (i.events.some((x) => x.type === 'explanation')) extras.push({ en: 'explained', ru: 'объяснили' });
      if (compensations.some((c) => c.proactive)) extras.push({ en: 'compensated unasked', ru: 'компенсировали без просьбы' });
      else if (compensations.length) extras.push({ en: 'compensated when asked', ru: 'компенсировали по просьбе' });
      const list = (lang: keyof Say) => (extras.length ? `, ${extras.map((x) => x[lang]).join(', ')}` : '');
      out.push(
        finding('W1', 'white', { en: `put things right without a fight${list('en')} (${i.title})`, ru: `исправили без борьбы${list('ru')} (${i.title})` }, [i]),
      );
    }
    return out;
  },
};

/** W2 beyond expectations: compensation offered unasked, or given when the fault was the customer's. */
export const W2: Rule = {
  id: 'W2',
  side: 'white',
  title: 'beyond expectations',
  explain: () => 'the company gave more than it had to: compensation unasked, or help when the fault was the customer\'s',
  judge(e) {
    const out: Finding[] = [];
    for (const i of e.incidents) {
      const compensations = i.events.filter((x) => x.type === 'compensation');
      const proactive = compensations.find((c) => c.proactive === true);
      if (proactive) {
        const kind = proactive.kind ?? 'compensation';
        out.push(finding('W2', 'white', { en: `offered ${kind} without being asked (${i.title})`, ru: `сами, без просьбы, предложили: ${KIND_RU[kind]} (${i.title})` }, [i]));
      } else if (i.fault === 'customer' && compensations.length && closingOf(i)?.outcome === 'resolved') {
        const kind = compensations[0].kind ?? 'compensation';
        out.push(
          finding('W2', 'white', { en: `gave a ${kind} though the fault was the customer's (${i.title})`, ru: `дали компенсацию (${KIND_RU[kind]}), хотя виноват был покупатель (${i.title})` }, [i]),
        );
      }
    }
    return out;
  },
};

/** W3 passed check: the latest pre-purchase check says go. */
export const W3: Rule = {
  id: 'W3',
  side: 'white',
  title: 'passed check',
  explain: (p) => `the latest pre-purchase check scored ${p.check_go_from} or more with no dealbreaker`,
  judge(e, p) {
    const c = latestCheck(e.checks);
    if (!c || checkVerdict(c, p) !== 'go') return [];
    return [
      finding('W3', 'white', {
        en: `the pre-purchase check (${c.checklist}) on ${datePart(c.at)} scored ${c.score}: go`,
        ru: `проверка перед покупкой (${c.checklist}) от ${datePart(c.at)}: ${c.score} из 100 — можно покупать`,
      }, [], [c]),
    ];
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
  /** What would change the verdict, in plain words. */
  would_change: string[];
}

function byDateDesc(a: Finding, b: Finding): number {
  return msOf(b.date) - msOf(a.date);
}

/** Why a company with evidence but no rule is on the watch list. */
function watchFindings(e: CompanyEvidence, p: Policy, now: number): Finding[] {
  const out: Finding[] = [];
  for (const i of e.incidents) {
    const level = highestLevel(i);
    const broken = brokenPromises(i, now).length;
    const closing = closingOf(i);
    const parts: Say[] = [];
    if (isOpen(i)) parts.push({ en: `open since ${datePart(i.opened)}`, ru: `открыто с ${datePart(i.opened)}` });
    else if (closing) parts.push({ en: `closed ${closing.outcome}`, ru: `закрыто: ${OUTCOME_RU[closing.outcome]}` });
    else parts.push({ en: 'closed', ru: 'закрыто' });
    if (broken) parts.push({ en: plural(broken, 'broken promise'), ru: pluralRu(broken, 'нарушенное обещание', 'нарушенных обещания', 'нарушенных обещаний') });
    const robots = i.events.filter((x) => x.type === 'contact' && (x.robot || x.dropped)).length;
    if (robots) {
      parts.push({
        en: `${plural(robots, 'contact')} blocked by a robot or dropped`,
        ru: `робот или обрыв связи: ${pluralRu(robots, 'обращение', 'обращения', 'обращений')}`,
      });
    }
    if (!isInstitutional(level, p) && (broken || robots || (closing && closing.outcome !== 'resolved') || i.events.some((x) => x.type === 'refusal'))) {
      parts.push({ en: `it stayed with ${LEVEL_NAMES[level]}`, ru: `дальше уровня «${LEVEL_RU[level].nom}» не дошло` });
    }
    const join = (lang: keyof Say) => parts.map((x) => x[lang]).join(', ');
    out.push({ rule: 'watch', side: 'watch', text: `${i.title}: ${join('en')}`, text_ru: `${i.title}: ${join('ru')}`, date: lastActivityText(i), evidence: [ref(i)] });
  }
  const c = latestCheck(e.checks);
  if (c) {
    out.push({
      rule: 'watch',
      side: 'watch',
      text: `the pre-purchase check (${c.checklist}) on ${datePart(c.at)} scored ${c.score}: ${checkVerdict(c, p)}`,
      text_ru: `проверка перед покупкой (${c.checklist}) от ${datePart(c.at)}: ${c.score} из 100 — ${VERDICT_RU[checkVerdict(c, p)]}`,
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
export function judgeCompany(e: CompanyEvidence, policy: Policy = DEFAULT_POLICY, now: number): Verdict {
  const findings = RULES.flatMap((r) => r.judge(e, policy, now)).sort(byDateDesc);
  const deeds = findings.filter(isDeed);
  const deciding = deeds.length ? deeds : findings;
  const setAside = deeds.length ? findings.filter((f) => !isDeed(f)) : [];
  const black = deciding.filter((f) => f.side === 'black');
  const white = deciding.filter((f) => f.side === 'white');
  // Sides are compared by calendar date: evidence of the same day is a tie, and black wins a tie.
  const newestOf = (fs: Finding[]) => fs.reduce((best, f) => (datePart(f.date) > best ? datePart(f.date) : best), '');
  const base = { company: e.company, findings, set_aside: setAside };

  if (e.pin) {
    const pin: Finding = { rule: 'pin', side: e.pin.list, text: `pinned by you: ${e.pin.reason}`, text_ru: `закреплено вами: ${e.pin.reason}`, date: e.pin.at, evidence: [] };
    const evidenceSays = black.length || white.length ? (newestOf(black) >= newestOf(white) && black.length ? 'black' : 'white') : null;
    return {
      ...base,
      list: e.pin.list,
      since: datePart(e.pin.at),
      pinned: true,
      reasons: [pin],
      decided_by: pin,
      would_change: [
        `unpin it (vetted unpin "${e.company}") to let the evidence decide${evidenceSays ? `: it would then be on the ${evidenceSays} list` : ''}`,
      ],
    };
  }
  if (black.length || white.length) {
    const side: 'black' | 'white' = black.length && newestOf(black) >= newestOf(white) ? 'black' : 'white';
    const reasons = side === 'black' ? black : white;
    const decided = reasons[0];
    const change = deeds.length
      ? side === 'black'
        ? ['a failure handled well from now on, newer than this evidence, would move it to the white list; a passed check would not, for deeds decide over words']
        : ['a failure the company does not put right, or broken promises, newer than this evidence, would move it to the black list; a failed check would not, for deeds decide over words']
      : side === 'black'
        ? ['a newer passed check, or any failure handled well (deeds decide over words), would move it to the white list']
        : ['a newer failed check, or any failure the company does not put right (deeds decide over words), would move it to the black list'];
    return { ...base, list: side, since: datePart(decided.date), pinned: false, reasons, decided_by: decided, would_change: change };
  }
  const watch = watchFindings(e, policy, now);
  if (watch.length) {
    return {
      ...base,
      list: 'watch',
      since: datePart(watch[0].date),
      pinned: false,
      reasons: watch,
      decided_by: null,
      would_change: [
        `black: if a failure reaches ${LEVEL_NAMES[policy.institutional_levels[0]]} or above and is not put right, ${policy.broken_promises} promises are broken in one incident, or a check fails`,
        'white: if a failure is put right without a fight, compensation comes unasked, or a check passes',
      ],
    };
  }
  return { ...base, list: 'unlisted', since: null, pinned: false, reasons: [], decided_by: null, would_change: ['any check or incident would put it on a list'] };
}

/** Until when a verdict holds without new evidence: the first pending promise falling due. */
export function verdictValidUntil(e: CompanyEvidence, now: number): number | null {
  let until: number | null = null;
  for (const i of e.incidents) {
    for (const p of promisesOf(i, now)) if (p.state === 'pending' && (until === null || p.dueMs < until)) until = p.dueMs;
  }
  return until;
}

// ---- the policy file ----

/** Checks a parsed policy override: known keys with sensible values; the rest from the defaults. */
export function validatePolicy(doc: unknown): Validated<Policy> {
  if (doc === null || doc === undefined) return { value: DEFAULT_POLICY };
  if (typeof doc !== 'object' || Array.isArray(doc)) return { errors: [{ path: [], message: 'a policy must be a map of setting to value' }] };
  const errors: Problem[] = [];
  const d = doc as Record<string, unknown>;
  const out: Policy = { ...DEFAULT_POLICY };
  const int = (k: keyof Policy, min: number, max: number) => {
    if (d[k] === undefined) return;
    if (!Number.isInteger(d[k]) || (d[k] as number) < min || (d[k] as number) > max) errors.push({ path: [k], message: `must be a whole number from ${min} to ${max}` });
    else (out as unknown as Record<string, unknown>)[k] = d[k];
  };
  for (const k of Object.keys(d)) if (!Object.hasOwn(DEFAULT_POLICY, k)) errors.push({ path: [k], message: `unknown setting (the settings are: ${Object.keys(DEFAULT_POLICY).join(', ')})` });
  int('broken_promises', 1, 100);
  int('repeat_unresolved', 2, 100);
  int('repeat_window_months', 1, 600);
  int('check_avoid_below', 0, 100);
  int('check_go_from', 0, 100);
  if (d.institutional_levels !== undefined) {
    const v = d.institutional_levels;
    if (!Array.isArray(v) || !v.length || v.some((l) => !(LEVELS as readonly unknown[]).includes(l))) {
      errors.push({ path: ['institutional_levels'], message: `must be a list of levels from ${LEVELS.join(', ')}` });
    } else out.institutional_levels = [...new Set(v as Level[])].sort((a, b) => levelRank(a) - levelRank(b));
  }
  if (d.recovery_max_level !== undefined) {
    if (!(LEVELS as readonly unknown[]).includes(d.recovery_max_level)) errors.push({ path: ['recovery_max_level'], message: `must be one of ${LEVELS.join(', ')}` });
    else out.recovery_max_level = d.recovery_max_level as Level;
  }
  if (d.recovery_max_effort !== undefined) {
    if (!(EFFORTS as readonly unknown[]).includes(d.recovery_max_effort)) errors.push({ path: ['recovery_max_effort'], message: `must be one of ${EFFORTS.join(', ')}` });
    else out.recovery_max_effort = d.recovery_max_effort as Effort;
  }
  if (!errors.length && out.check_avoid_below > out.check_go_from) {
    errors.push({ path: ['check_avoid_below'], message: `must not be above check_go_from (${out.check_go_from})` });
  }
  return errors.length ? { errors } : { value: out };
}
