// A letter from an incident's timeline: which kind comes next, which facts it needs, and the
// values its template fills in. Pure: every fact comes from the record or from the caller.

import type { Incident, IncidentEvent, Level } from './types.js';
import { answeredAfter, daysBetween, closingOf, computeMetrics, dueMs, fixSettling, fixedMs, highestLevel, isAtFault, isSentLetter, isSettledReply, isWritten, letterOfDeadline, madeAfterFix, levelRank, nextRung, promiseStatus, repliedAfter, replyDeadlineOf } from './incident.js';
import { dueReport } from './digest.js';
import { localWallClock, msOf, parseWhen } from './dates.js';
import { CASES, addTerm, basisAsOf, caseFromCategory, chooseRules, type Case, type Demand, type JurisdictionPack, type LawRule, type LetterKind, type RuleChoice } from './law.js';
import { lettersWords, sentNoteIn, type LetterLang, type LetterWords, type NextStep } from './letter-words.js';
import type { TemplateSchema, TemplateScope } from './template.js';

/** The events by which the customer asks a level: went to it, or was answered there. */
const ASKING = new Set<IncidentEvent['type']>(['contact', 'escalation', 'promise', 'refusal']);

/**
 * The events that show the company had been told of the problem by then: the customer went to it
 * (a contact, an escalation), or it spoke to the customer of it (a promise, an apology, an
 * explanation, a refusal, a compensation). A note is the customer's own; a resolution may be
 * the problem going away, with nobody told.
 */
const TOLD = new Set<IncidentEvent['type']>(['contact', 'escalation', 'promise', 'apology', 'explanation', 'refusal', 'compensation']);

/**
 * The kind of letter the escalation ladder calls for as `due` reads it at `now`: the next rung's
 * where the level the incident is at has failed (`due` advises escalating) or has been written
 * to, else one to that level itself (a letter over a supervisor's head while the supervisor's promise still runs was
 * what `due` said to wait for).
 */
export function defaultKind(i: Incident, now: number): LetterKind {
  const rung = defaultRung(i, now);
  if (rung === 'frontline' || rung === 'supervisor') return 'complaint';
  if (rung === 'quality' || rung === 'management') return 'escalation';
  if (rung === 'regulator' || rung === 'court') return lettersTo(i).length ? 'regulator' : 'claim';
  return 'claim';
}

/** The rung of the ladder a letter with no kind named goes to: the step `due` names (null past the top). */
export function defaultRung(i: Incident, now: number): Level | null {
  const here = highestLevel(i);
  // Written to already, a level has had its letter: the next is the rung above (sent once that
  // letter's deadline has passed unanswered; `letter --sent` refuses another before then).
  const written = lettersTo(i).some((l) => levelRank(l.event.level ?? 'frontline') >= levelRank(here));
  const escalate = written || dueReport(i, now, String).advice.some((a) => a.kind === 'escalate');
  return escalate ? nextRung(i).level : here;
}

/** Whether a letter with no kind named is a claim where `due` names the regulator: a letter to one says the company was written to first. */
export function claimBeforeRegulator(i: Incident, now: number): boolean {
  const rung = defaultRung(i, now);
  return rung === 'regulator' && defaultKind(i, now) === 'claim';
}

/** The level a letter of this kind reaches once it is sent. */
export function letterLevel(kind: LetterKind, i: Incident): Level {
  if (kind === 'complaint') return 'supervisor';
  if (kind === 'escalation') return levelRank(nextRung(i).from) >= levelRank('quality') ? 'management' : 'quality';
  if (kind === 'claim') return 'management';
  return 'regulator';
}

export interface WrittenLetter {
  event: IncidentEvent;
  /** The reply deadline logged with it (a promise at the same time), if any. */
  due?: string;
  /** Whether that deadline was marked kept or not kept by hand. */
  marked?: boolean;
  /** When the company answered: its first event of its own after the letter (answeredAfter), the fix among them. */
  answeredAt?: string;
  /** When it answered by a word or deed of its own, the fix left out (repliedAfter): a letter settled by the fix alone was not answered. */
  repliedAt?: string;
}

/** The letters and emails the customer sent the company, with whether they were answered. */
export function lettersTo(i: Incident): WrittenLetter[] {
  const out: WrittenLetter[] = [];
  // The fix settles a letter sent before it, at its own minute too, and none logged after it (fixSettling): said as one after it is.
  const closing = closingOf(i);
  for (const e of i.events) {
    if (!isSentLetter(e)) continue;
    const deadline = replyDeadlineOf(i.events, e);
    const answeredAt = answeredAfter(i.events, e.at) ?? (fixSettling(e, closing) !== undefined ? closing!.at : undefined);
    out.push({ event: e, due: deadline?.due, marked: deadline?.kept !== undefined, answeredAt, repliedAt: repliedAfter(i.events, e.at) });
  }
  return out;
}

const levelOfEvent = (e: IncidentEvent): Level => e.level ?? 'frontline';

export interface LetterRequest {
  incident: Incident;
  kind: LetterKind;
  lang: LetterLang;
  pack: JurisdictionPack;
  /** The company's category, to tell the case when --case is not given. */
  category?: string | null;
  case?: Case;
  /** The letter's date, ms (local clock). */
  now: number;
  from?: string;
  to?: string;
  account?: string;
  replyTo?: string;
  demand?: Demand;
  amount?: number;
  currency?: string;
  purchase?: number;
  statement?: number;
  allowUnverified: boolean;
  enclosures: { name: string; size: number }[];
}

/**
 * A fact a letter needs, named by the flag that gives it (the catalogs say what to ask). One
 * `onlyWith` is needed only once another fact still missing is given as one of those values (a
 * sum for a demand of one; whom to write to for a case the pack names no regulator for): named
 * with the rest, so that one message names every fact, and asked only once it is known to be needed.
 */
export type MissingFact = {
  flag: '--from' | '--case' | '--account' | '--demand' | '--amount' | '--currency' | '--to';
  onlyWith?: { flag: '--demand'; values: Demand[] } | { flag: '--case'; values: Case[] };
};

const AMOUNT_DEMANDS: Demand[] = ['refund', 'recalculation', 'compensation'];

export function caseOf(r: LetterRequest): Case | undefined {
  return r.case ?? caseFromCategory(r.category);
}

/** The facts this kind of letter needs that neither the record nor the flags give. */
export function missingFacts(r: LetterRequest): MissingFact[] {
  const out: MissingFact[] = [];
  if (!r.from) out.push({ flag: '--from' });
  const c = caseOf(r);
  const citesLaw = r.pack.rules.length > 0 && (r.kind === 'claim' || r.kind === 'regulator');
  // A letter to a regulator names one: the pack's for the case, or the user's (--to). A case the
  // pack names none for (every case, without a jurisdiction) calls for --to all the same.
  const unnamed = CASES.filter((x) => !r.pack.regulators[x]);
  const toNeeded = r.kind === 'regulator' && !r.to;
  if (!c && (citesLaw || (toNeeded && unnamed.length < CASES.length))) out.push({ flag: '--case' });
  if (r.kind === 'claim') {
    if (!r.account) out.push({ flag: '--account' });
    if (!r.demand) out.push({ flag: '--demand' });
  }
  // The sum of a demand of one, and its currency: with a claim's demand still to be given, they
  // are needed if it is one of those.
  const sum: Pick<MissingFact, 'onlyWith'> | undefined = r.demand
    ? AMOUNT_DEMANDS.includes(r.demand) ? {} : undefined
    : r.kind === 'claim' ? { onlyWith: { flag: '--demand', values: AMOUNT_DEMANDS } } : undefined;
  if (r.amount === undefined && sum) out.push({ flag: '--amount', ...sum });
  if (!r.currency && (r.amount !== undefined || sum)) out.push({ flag: '--currency', ...(r.amount !== undefined ? {} : sum) });
  if (toNeeded && (c ? !r.pack.regulators[c] : unnamed.length === CASES.length)) out.push({ flag: '--to' });
  else if (toNeeded && !c && unnamed.length) out.push({ flag: '--to', onlyWith: { flag: '--case', values: unnamed } });
  return out;
}

/** The template's names: `vetted letters check` reports any other as unknown. */
export const LETTER_SCHEMA: TemplateSchema = withCounts({
  title: 'text',
  subject: 'text',
  date: 'text',
  from: 'text',
  to: 'text',
  company: 'text',
  account: 'given',
  incident: 'text',
  incident_title: 'text',
  where_it_stands: 'text',
  opened: 'text',
  reported: 'optional',
  case_name: 'given',
  jurisdiction: 'text',
  chronology: { date: 'text', text: 'text' },
  broken: { text: 'text', made: 'text', due: 'text', late: 'text' },
  refusals: { date: 'text', text: 'text' },
  failed: { level: 'text', date: 'text' },
  costs: { text: 'text' },
  letters: { date: 'text', channel: 'text', outcome: 'text' },
  law: { article: 'text', says: 'text', term: 'optional', override: 'optional', unverified: 'optional', source: 'text' },
  legal_as_of: 'optional',
  unverified_notice: 'optional',
  demands: { text: 'text' },
  amount: 'given',
  reply_by: 'text',
  reply_term: 'text',
  reply_rule: 'optional',
  reply_how: 'text',
  next_step: 'text',
  enclosures: { name: 'text', size: 'text' },
});

/** Adds `<list>_count` beside every list: its length, absent when the list is empty. */
function withCounts(schema: TemplateSchema): TemplateSchema {
  const out: TemplateSchema = { ...schema };
  for (const [k, v] of Object.entries(schema)) if (typeof v === 'object') out[`${k}_count`] = 'optional';
  return out;
}

export interface ComposedLetter {
  scope: TemplateScope;
  subject: string;
  cited: LawRule[];
  skipped: RuleChoice['skipped'];
  /** The reply deadline, a local date (YYYY-MM-DD). */
  replyBy: string;
}

/** A stored time in the letter's words, as the local clock reads it (see localWallClock). */
function formatWhen(text: string, w: LetterWords, withTime = true): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(localWallClock(text));
  if (!m) return text;
  const day = w.date(Number(m[1]), Number(m[2]), Number(m[3]));
  return withTime && m[4] ? `${day} ${m[4]}:${m[5]}` : day;
}

function localDateText(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A sum as a letter writes it: RUB 1,234.50 in English, 1 234,50 RUB in Russian. */
export function formatMoney(amount: number, currency: string, lang: LetterLang): string {
  const [whole, cents] = amount.toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'ru' ? ' ' : ',');
  return lang === 'ru' ? `${grouped},${cents} ${currency}` : `${currency} ${grouped}.${cents}`;
}

/** A file's size in the letter's language: 1.6 KB in English, 1,6 КБ in Russian. */
export function sizeText(bytes: number, lang: LetterLang): string {
  const [b, kb, mb, point] = lang === 'ru' ? ['Б', 'КБ', 'МБ', ','] : ['B', 'KB', 'MB', '.'];
  if (bytes < 1024) return `${bytes} ${b}`;
  const [n, unit] = bytes < 1048576 ? [bytes / 1024, kb] : [bytes / 1048576, mb];
  return `${n.toFixed(1).replace('.', point)} ${unit}`;
}

/** One event of the timeline in the letter's words. */
function describe(e: IncidentEvent, i: Incident, now: number, w: LetterWords, lang: LetterLang, you: boolean): string {
  const lvl = e.level && e.level !== 'frontline' ? w.level[e.level] : undefined;
  // The note `letter --sent` kept on an earlier letter's contact is told in this letter's language.
  const note = e.note && e.type !== 'note' ? w.noteOn(isWritten(e) ? sentNoteIn(e.note, lang) : e.note) : '';
  switch (e.type) {
    case 'contact':
      return (
        w.contact({ channel: w.channel(e.channel), level: lvl, robot: e.robot, queue: e.queue_position, human: e.reached_human, wait: e.wait_minutes, dropped: e.dropped }) + note
      );
    case 'promise': {
      const s = promiseStatus(e, i, now);
      const answered = isSettledReply(i.events, e);
      return w.promise({ text: e.text, due: formatWhen(e.due!, w), state: s.state, lateMs: s.lateMs, open: fixSettling(e, closingOf(i)) === undefined, answered, partial: closingOf(i)?.outcome === 'partial' }) + note;
    }
    case 'escalation':
      return w.escalation(w.level[e.level ?? 'supervisor']) + note;
    case 'apology':
      return w.apology(lvl) + note;
    case 'explanation':
      return w.explanation(lvl) + note;
    case 'compensation':
      return w.compensation({ kind: e.kind, amount: e.amount !== undefined ? (e.currency ? formatMoney(e.amount, e.currency, lang) : String(e.amount)) : undefined, proactive: e.proactive, effort: e.effort, you }) + note;
    case 'refusal':
      return w.refusal({ policy: e.policy, level: lvl, text: e.text }) + note;
    case 'resolution':
      return w.resolution(e.outcome!) + note;
    case 'note':
      return `${w.note}: ${e.text ?? ''}`;
  }
}

/** Everything a letter template can name, from the record and the request. */
export function composeLetter(r: LetterRequest): ComposedLetter {
  const w = lettersWords(r.lang);
  const i = r.incident;
  const now = r.now;
  const c = caseOf(r);
  const level = letterLevel(r.kind, i);
  const written = lettersTo(i);
  const choice: RuleChoice = c
    ? chooseRules(r.pack, { kind: r.kind, case: c, demand: r.demand, now, purchase: r.purchase, statement: r.statement, firstLetter: written.length ? msOf(written[0].event.at) : undefined, allowUnverified: r.allowUnverified })
    : { cited: [], skipped: [] };
  // The term the addressee has to answer in: a rule's when the letter goes to the company;
  // a regulator's own terms are not in the packs, so a reasonable time is asked of it.
  const replyRule = r.kind === 'regulator' ? undefined : choice.cited.filter((x) => x.role === 'reply').sort((a, b) => b.value! - a.value!)[0];
  const replyTerm = replyRule ? { value: replyRule.value!, unit: replyRule.unit! } : { value: r.pack.default_reply_days, unit: 'calendar-days' as const };
  const replyByMs = addTerm(now, replyTerm.value, replyTerm.unit);
  const replyBy = localDateText(replyByMs);
  const regulator = c ? r.pack.regulators[c]?.[r.lang] : undefined;
  const to = r.to ?? (r.kind === 'regulator' ? regulator! : w.defaultTo(r.kind, i.company, level));
  const subject = w.subject(r.kind, i.title, i.id);

  /** Whether the letter speaks to the company ("your company") or about it. */
  const you = r.kind !== 'regulator';
  const metrics = computeMetrics(i, now);
  const closing = closingOf(i);
  // Closed unresolved or abandoned is closed, not fixed: its days and lateness run to now.
  const fixed = fixedMs(closing);
  const unfixed = fixed === undefined;
  // Put right in part is not put right: the letter says so, and still asks for the rest.
  const partial = closing?.outcome === 'partial';
  const costs: { text: string }[] = [];
  const days = daysBetween(msOf(i.opened), fixed ?? now);
  if (days >= 1) costs.push({ text: w.costs.days(days, unfixed, partial) });
  const waited = i.events.reduce((n, e) => n + (e.type === 'contact' ? (e.wait_minutes ?? 0) : 0), 0);
  if (metrics.contacts) costs.push({ text: w.costs.contacts(metrics.contacts, waited, you) });
  if (metrics.customer_effort && metrics.customer_effort !== 'none' && metrics.customer_effort !== 'asked') costs.push({ text: `${w.compensation({ kind: i.events.find((e) => e.type === 'compensation' && e.effort === metrics.customer_effort)?.kind, effort: metrics.customer_effort, you })}` });

  // A reply deadline of the customer's own letter is no promise of the company's: told under
  // the letters it belongs to ("no answer by …"), never as a promise they broke.
  const deadlines = new Set(i.events.filter((e) => letterOfDeadline(i.events, e)));
  const brokenOnes = i.events
    .filter((e) => e.type === 'promise' && e.due && !deadlines.has(e))
    .map((e) => ({ e, s: promiseStatus(e, i, now) }))
    .filter((x) => x.s.state === 'broken');
  // Whether it was put right as promised: by the promises the fix settled (one made after the
  // fix, a refund say, broken since, tells nothing of the fix).
  const fixBroken = brokenOnes.filter(({ e }) => !madeAfterFix(e, closing)).length;
  const broken = brokenOnes.map(({ e, s }) => ({
      text: e.text === undefined ? '—' : w.inQuotes(e.text),
      made: formatWhen(e.at, w),
      due: formatWhen(e.due!, w),
      // Late to now where the fix did not settle it (it came before the promise was made).
      late: w.lateBy(s.lateMs ?? 0, fixSettling(e, closing) === undefined, isSettledReply(i.events, e), partial),
    }));

  // Whom the customer has asked: the levels they went to (a contact, an escalation) or were
  // answered at (a promise, a refusal), each from the first time, up the ladder. A note of
  // their own has no level, and an apology or an explanation the company gave of itself asks
  // nobody: each was said to be a level "already asked", the front line or management.
  const firstAsked = new Map<Level, IncidentEvent>();
  for (const e of i.events) {
    if (!ASKING.has(e.type)) continue;
    const l = levelOfEvent(e);
    if (!firstAsked.has(l) && l !== 'regulator' && l !== 'court') firstAsked.set(l, e);
  }
  const failed = [...firstAsked]
    .sort(([a], [b]) => levelRank(a) - levelRank(b))
    .map(([l, e]) => ({ level: w.level[l], date: formatWhen(e.at, w, false) }));

  const demands: { text: string }[] = [];
  const amount = r.amount !== undefined && r.currency ? formatMoney(r.amount, r.currency, r.lang) : null;
  if (r.demand) demands.push({ text: w.demand(r.demand, amount ?? undefined) });
  if (r.kind !== 'regulator') {
    if (unfixed) demands.push({ text: w.owed.fix });
    else if (partial) demands.push({ text: w.owed.restOfFix });
    if (isAtFault(i)) {
      if (!i.events.some((e) => e.type === 'explanation')) demands.push({ text: w.owed.explanation });
      if (!i.events.some((e) => e.type === 'apology')) demands.push({ text: w.owed.apology });
      if (!r.demand && !i.events.some((e) => e.type === 'compensation')) demands.push({ text: w.owed.compensation });
    }
  }

  const next: NextStep = r.kind === 'complaint' ? 'quality' : r.kind === 'escalation' ? (level === 'quality' ? 'management' : 'claim') : r.kind === 'claim' ? 'regulator' : 'court';
  const nextStep = w.nextStep(next, regulator);

  // The day the company was first told (see TOLD), beside the day the problem began: the letters
  // said "a problem I reported on" the opening, which no contact may have told; and a promise
  // made before any contact was logged was made to someone who had told them.
  const firstReport = i.events.find((e) => TOLD.has(e.type));
  const reported = firstReport ? formatWhen(firstReport.at, w, false) : null;

  const scope: TemplateScope = {
    title: w.kindTitle[r.kind],
    subject,
    date: formatWhen(localDateText(now), w),
    from: r.from ?? null,
    to,
    company: i.company,
    account: r.account ?? null,
    incident: i.id,
    incident_title: i.title,
    where_it_stands: w.standing({ broken: fixBroken, fixedOn: fixed === undefined ? null : formatWhen(localDateText(fixed), w, false), partial }),
    opened: formatWhen(i.opened, w, false),
    reported,
    case_name: c ? w.caseName[c] : null,
    jurisdiction: r.pack.name[r.lang],
    chronology: i.events.filter((e) => !deadlines.has(e)).map((e) => ({ date: formatWhen(e.at, w), text: describe(e, i, now, w, r.lang, you) })),
    broken,
    refusals: i.events.filter((e) => e.type === 'refusal').map((e) => ({ date: formatWhen(e.at, w), text: e.text === undefined ? w.refusal({ policy: e.policy }) : w.inQuotes(e.text) })),
    failed,
    costs,
    letters: written.map((l) => ({
      date: formatWhen(l.event.at, w, false),
      channel: w.channel(l.event.channel),
      outcome: l.repliedAt
        ? w.answered(formatWhen(l.repliedAt, w, false))
        : l.answeredAt
          ? w.fixedUnanswered(formatWhen(l.answeredAt, w, false), partial)
          : l.due
            ? dueMs(l.due) < now
              ? w.unanswered(formatWhen(l.due, w, false))
              : w.replyDue(formatWhen(l.due, w, false))
            : w.noAnswerYet,
    })),
    law: choice.cited.map((x) => ({
      article: x.article[r.lang],
      says: x.says[r.lang],
      term: x.value !== undefined ? w.term(x.value, x.unit!) : null,
      override: x.override ? w.override : null,
      unverified: x.status === 'verified' ? null : w.notVerified,
      source: x.source,
    })),
    legal_as_of: basisAsOf(choice.cited) ? formatWhen(basisAsOf(choice.cited)!, w) : null,
    unverified_notice: choice.cited.some((x) => x.status !== 'verified') ? w.notVerifiedNotice : null,
    demands,
    amount,
    reply_by: formatWhen(replyBy, w),
    reply_term: w.term(replyTerm.value, replyTerm.unit),
    reply_rule: replyRule ? `${replyRule.article[r.lang]}${replyRule.override ? ` ${w.override}` : ''}${replyRule.status === 'verified' ? '' : ` ${w.notVerified}`}` : null,
    reply_how: w.replyHow(r.replyTo),
    next_step: nextStep,
    enclosures: r.enclosures.map((a) => ({ name: a.name, size: sizeText(a.size, r.lang) })),
  };
  // Each list's length (null when empty): a section that shows a heading once.
  for (const [k, v] of Object.entries(scope)) if (Array.isArray(v)) scope[`${k}_count`] = v.length ? v.length : null;
  return { scope, subject, cited: choice.cited, skipped: choice.skipped, replyBy };
}

/** A date flag's value as local ms (its start of day for a date alone). */
export function whenMs(text: string): number | undefined {
  const w = parseWhen(text);
  return w ? w.ms : undefined;
}
