// Jurisdiction packs: the rules a letter may cite, as data. Validation of a pack and of the
// user's overrides, and the choice of the rules a given letter can honestly invoke. Pure.

import { parseWhen } from './dates.js';
import { YEARS } from './date-rules.js';
import type { Path } from './validation.js';

/** What is wrong at a path of a pack or of law.yaml: facts, which the catalogs put in words. */
export type LawFault =
  | { kind: 'text' }
  | { kind: 'words'; langs: readonly string[] }
  | { kind: 'text-or-words'; langs: readonly string[] }
  | { kind: 'language'; langs: readonly string[] }
  | { kind: 'one-of'; values: readonly string[] }
  | { kind: 'list-of'; values: readonly string[] }
  | { kind: 'days' }
  | { kind: 'date' }
  | { kind: 'url' }
  | { kind: 'id' }
  | { kind: 'unknown-field' }
  | { kind: 'required' }
  | { kind: 'term-needs-both' }
  | { kind: 'verified-needs-date' }
  | { kind: 'date-ahead' }
  /** A day before any a rule of today's law was read on (1800-01-01): a year mistyped. */
  | { kind: 'date-year'; first: number }
  | { kind: 'verified-needs-source' }
  | { kind: 'indicative-no-date' }
  | { kind: 'indicative-needs-to-check' }
  | { kind: 'value-with-unit' }
  | { kind: 'escalation-since' }
  | { kind: 'pack-map' }
  | { kind: 'rule-map' }
  | { kind: 'regulators-map'; cases: readonly string[] }
  | { kind: 'not-case'; cases: readonly string[] }
  | { kind: 'rules-list' }
  | { kind: 'duplicate-id'; id: string }
  | { kind: 'overrides-map' }
  | { kind: 'not-jurisdiction'; ids: string[] }
  | { kind: 'overrides-of'; jurisdiction: string }
  | { kind: 'not-rule'; jurisdiction: string; ids: string[] }
  | { kind: 'fields-map' };

export interface LawProblem {
  path: Path;
  fault: LawFault;
}

type Problem = LawProblem;
type Validated<T> = { value: T } | { errors: LawProblem[] };

const LANGS = ['en', 'ru'] as const;

export const CASES = ['goods', 'services', 'telecom', 'finance'] as const;
export type Case = (typeof CASES)[number];

export const LETTER_KINDS = ['complaint', 'escalation', 'claim', 'regulator'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const DEMANDS = ['refund', 'repair', 'replacement', 'recalculation', 'compensation'] as const;
export type Demand = (typeof DEMANDS)[number];

export const UNITS = ['calendar-days', 'working-days'] as const;
export type Unit = (typeof UNITS)[number];

/** reply: the company must answer or act within the term; basis: a right the customer invokes
 * within the term of `since`; escalation: the regulator may be approached once the term has passed. */
export const ROLES = ['reply', 'basis', 'escalation'] as const;
export type Role = (typeof ROLES)[number];

export const SINCE = ['purchase', 'statement', 'first-letter'] as const;
export type Since = (typeof SINCE)[number];

export type Words = { en: string; ru: string };

export interface LawRule {
  id: string;
  role: Role;
  says: Words;
  value?: number;
  unit?: Unit;
  since?: Since;
  article: Words;
  /** The official text the rule comes from: where it is checked. */
  source: string;
  /** verified: someone read the rule in its source on `verified_on`; indicative: nobody
   * has yet, and `to_check` says what must be checked there: in every language in a pack,
   * in the user's own words (or every language) in law.yaml. */
  status: 'verified' | 'indicative';
  verified_on?: string;
  to_check?: string | Words;
  note?: string;
  applies_to: Case[];
  kinds: LetterKind[];
  demands?: Demand[];
  /** Set when the user's law.yaml changed the rule. */
  override?: boolean;
}

export interface JurisdictionPack {
  id: string;
  name: Words;
  default_reply_days: number;
  regulators: Partial<Record<Case, Words>>;
  rules: LawRule[];
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const URL_RE = /^https?:\/\/[^\s]+$/;

type Check = (v: unknown, path: Path, out: Problem[]) => void;

const text: Check = (v, path, out) => {
  if (typeof v !== 'string' || !v.trim()) out.push({ path, fault: { kind: 'text' } });
};
const words: Check = (v, path, out) => {
  if (!isMap(v)) return void out.push({ path, fault: { kind: 'words', langs: LANGS } });
  for (const k of Object.keys(v)) if (!(LANGS as readonly string[]).includes(k)) out.push({ path: [...path, k], fault: { kind: 'language', langs: LANGS } });
  for (const k of LANGS) text(v[k], [...path, k], out);
};
/** A text in one's own words, or a map of every language's. */
const textOrWords: Check = (v, path, out) => {
  if (isMap(v)) words(v, path, out);
  else if (typeof v !== 'string' || !v.trim()) out.push({ path, fault: { kind: 'text-or-words', langs: LANGS } });
};
const oneOf =
  (values: readonly string[]): Check =>
  (v, path, out) => {
    if (typeof v !== 'string' || !values.includes(v)) out.push({ path, fault: { kind: 'one-of', values } });
  };
const listOf =
  (values: readonly string[], nonEmpty: boolean): Check =>
  (v, path, out) => {
    if (!Array.isArray(v) || (nonEmpty && !v.length)) return void out.push({ path, fault: { kind: 'list-of', values } });
    v.forEach((x, i) => oneOf(values)(x, [...path, i], out));
  };
const positive: Check = (v, path, out) => {
  if (!Number.isInteger(v) || (v as number) < 1 || (v as number) > 3650) out.push({ path, fault: { kind: 'days' } });
};
const date: Check = (v, path, out) => {
  const w = typeof v === 'string' ? parseWhen(v) : undefined;
  if (!w || !w.dateOnly) out.push({ path, fault: { kind: 'date' } });
  // (The first year a date of vetted may fall in, as every other date of it.)
  else if (Number(w.text.slice(0, 4)) < YEARS.first) out.push({ path, fault: { kind: 'date-year', first: YEARS.first } });
};
const url: Check = (v, path, out) => {
  if (typeof v !== 'string' || !URL_RE.test(v)) out.push({ path, fault: { kind: 'url' } });
};

const RULE_FIELDS: Record<string, Check> = {
  id: (v, path, out) => {
    if (typeof v !== 'string' || !ID.test(v)) out.push({ path, fault: { kind: 'id' } });
  },
  role: oneOf(ROLES),
  says: words,
  value: positive,
  unit: oneOf(UNITS),
  since: oneOf(SINCE),
  article: words,
  source: url,
  verified_on: date,
  status: oneOf(['verified', 'indicative']),
  to_check: words,
  note: text,
  applies_to: listOf(CASES, true),
  kinds: listOf(LETTER_KINDS, true),
  demands: listOf(DEMANDS, true),
};
const RULE_REQUIRED = ['id', 'role', 'says', 'article', 'source', 'status', 'applies_to', 'kinds'];

/** What a status must come with: a verified rule, the date it was read in its source; a rule
 * nobody has checked, no such date (it would claim a check that never happened) and a word
 * on what must be checked. `toCheck`: whether that word is required (in a pack, not in the
 * user's overrides, where the user is the one who checks). */
function checkStatus(v: Record<string, unknown>, path: Path, out: Problem[], toCheck: boolean): void {
  if (v.status === 'verified') {
    if (v.verified_on === undefined || v.verified_on === null) out.push({ path: [...path, 'verified_on'], fault: { kind: 'verified-needs-date' } });
    if (v.source === undefined || v.source === null) out.push({ path: [...path, 'source'], fault: { kind: 'verified-needs-source' } });
  } else if (v.status === 'indicative') {
    if (v.verified_on !== undefined && v.verified_on !== null) out.push({ path: [...path, 'verified_on'], fault: { kind: 'indicative-no-date' } });
    if (toCheck && (v.to_check === undefined || v.to_check === null)) out.push({ path: [...path, 'to_check'], fault: { kind: 'indicative-needs-to-check' } });
  }
}

function checkFields(v: Record<string, unknown>, fields: Record<string, Check>, required: string[], path: Path, out: Problem[]): void {
  for (const k of Object.keys(v)) if (!Object.hasOwn(fields, k)) out.push({ path: [...path, k], fault: { kind: 'unknown-field' } });
  for (const k of required) if (v[k] === undefined || v[k] === null) out.push({ path: [...path, k], fault: { kind: 'required' } });
  for (const [k, check] of Object.entries(fields)) if (v[k] !== undefined && v[k] !== null) check(v[k], [...path, k], out);
}

function checkRule(v: unknown, path: Path, out: Problem[]): void {
  if (!isMap(v)) return void out.push({ path, fault: { kind: 'rule-map' } });
  checkFields(v, RULE_FIELDS, RULE_REQUIRED, path, out);
  checkStatus(v, path, out, true);
  const timed = v.role === 'reply' || v.role === 'escalation' || v.since !== undefined;
  if (timed && (v.value === undefined || v.unit === undefined)) out.push({ path, fault: { kind: 'term-needs-both' } });
  if ((v.value === undefined) !== (v.unit === undefined)) out.push({ path, fault: { kind: 'value-with-unit' } });
  if (v.role === 'escalation' && v.since !== 'first-letter') out.push({ path: [...path, 'since'], fault: { kind: 'escalation-since' } });
}

/** Checks a parsed jurisdiction pack; every problem with its path. */
export function validatePack(data: unknown): Validated<JurisdictionPack> {
  const out: Problem[] = [];
  if (!isMap(data)) return { errors: [{ path: [], fault: { kind: 'pack-map' } }] };
  checkFields(
    data,
    {
      id: RULE_FIELDS.id,
      name: words,
      default_reply_days: positive,
      regulators: (v, path, o) => {
        if (!isMap(v)) return void o.push({ path, fault: { kind: 'regulators-map', cases: CASES } });
        for (const [k, x] of Object.entries(v)) {
          if (!(CASES as readonly string[]).includes(k)) o.push({ path: [...path, k], fault: { kind: 'not-case', cases: CASES } });
          else words(x, [...path, k], o);
        }
      },
      rules: (v, path, o) => {
        if (!Array.isArray(v)) return void o.push({ path, fault: { kind: 'rules-list' } });
        const seen = new Set<string>();
        v.forEach((r, i) => {
          checkRule(r, [...path, i], o);
          const id = isMap(r) ? r.id : undefined;
          if (typeof id === 'string') {
            if (seen.has(id)) o.push({ path: [...path, i, 'id'], fault: { kind: 'duplicate-id', id } });
            seen.add(id);
          }
        });
      },
    },
    ['id', 'name', 'default_reply_days', 'regulators', 'rules'],
    [],
    out,
  );
  return out.length ? { errors: out } : { value: data as unknown as JurisdictionPack };
}

/** The fields of a rule the user may override in law.yaml. */
const OVERRIDABLE = ['value', 'unit', 'article', 'source', 'verified_on', 'status', 'to_check', 'note', 'says'] as const;

export type LawOverrides = Record<string, Record<string, Partial<LawRule>>>;

/**
 * Checks the user's law.yaml: `<jurisdiction>: { <rule id>: { value: 20, … } }`, against the
 * packs. A rule read on a day after `today` (the local date, YYYY-MM-DD) was not read yet: a
 * letter dated today would give its legal basis "as of" a day to come.
 */
export function validateOverrides(data: unknown, packs: Map<string, JurisdictionPack>, today = '9999-12-31'): Validated<LawOverrides> {
  const out: Problem[] = [];
  if (data === null || data === undefined) return { value: {} };
  if (!isMap(data)) return { errors: [{ path: [], fault: { kind: 'overrides-map' } }] };
  for (const [j, rules] of Object.entries(data)) {
    const pack = packs.get(j);
    if (!pack) {
      out.push({ path: [j], fault: { kind: 'not-jurisdiction', ids: [...packs.keys()] } });
      continue;
    }
    if (!isMap(rules)) {
      out.push({ path: [j], fault: { kind: 'overrides-of', jurisdiction: j } });
      continue;
    }
    for (const [id, fields] of Object.entries(rules)) {
      if (!pack.rules.some((r) => r.id === id)) {
        out.push({ path: [j, id], fault: { kind: 'not-rule', jurisdiction: j, ids: pack.rules.map((r) => r.id) } });
        continue;
      }
      if (!isMap(fields)) {
        out.push({ path: [j, id], fault: { kind: 'fields-map' } });
        continue;
      }
      const checks = { ...Object.fromEntries(OVERRIDABLE.map((k) => [k, RULE_FIELDS[k]])), to_check: textOrWords };
      checkFields(fields, checks, [], [j, id], out);
      const read = (fields as Record<string, unknown>).verified_on;
      const readOn = typeof read === 'string' ? parseWhen(read) : undefined;
      if (readOn?.dateOnly && readOn.text > today) out.push({ path: [j, id, 'verified_on'], fault: { kind: 'date-ahead' } });
      const rule = pack.rules.find((r) => r.id === id)!;
      checkStatus(overridden(rule, fields) as unknown as Record<string, unknown>, [j, id], out, false);
    }
  }
  return out.length ? { errors: out } : { value: data as LawOverrides };
}

/** A rule with the user's changes, marked as the user's. It is verified when the user says
 * when they read it in its source (verified_on) or says `status: verified`; otherwise it
 * keeps the pack's status. An indicative rule carries no verification date. */
function overridden(r: LawRule, mine: Partial<LawRule>): LawRule {
  const status = mine.status ?? (mine.verified_on !== undefined ? 'verified' : r.status);
  const rule: LawRule = { ...r, ...mine, status, override: true };
  if (status === 'indicative') delete rule.verified_on;
  return rule;
}

/** A pack with the user's overrides applied; a changed rule is marked as the user's. */
export function applyOverrides(pack: JurisdictionPack, overrides: LawOverrides): JurisdictionPack {
  const mine = overrides[pack.id];
  if (!mine) return pack;
  return {
    ...pack,
    rules: pack.rules.map((r) => (mine[r.id] ? overridden(r, mine[r.id]) : r)),
  };
}

export interface InvokeFacts {
  kind: LetterKind;
  case: Case;
  demand?: Demand;
  /** The letter's date, ms. */
  now: number;
  /** When the goods were bought or delivered, ms. */
  purchase?: number;
  /** The date of the statement that first showed a billing error, ms. */
  statement?: number;
  /** When the company was first written to, ms. */
  firstLetter?: number;
  allowUnverified: boolean;
}

/** Why a rule of the case was not cited. */
export type SkipReason =
  | 'indicative'
  | 'no-first-letter'
  | 'no-purchase-date'
  | 'no-statement-date'
  | 'term-not-passed'
  | 'term-passed'
  | 'company-term-not-passed';

export interface RuleChoice {
  cited: LawRule[];
  /** Rules of the case that were not cited, and why: to tell the user on stderr. */
  skipped: { rule: LawRule; why: SkipReason; flag?: string }[];
}

/** The last moment of a term of `value` days of `unit` counted from `from` (ms, local clock). */
export function addTerm(from: number, value: number, unit: Unit): number {
  const d = new Date(from);
  if (unit === 'calendar-days') {
    d.setDate(d.getDate() + value);
    return d.getTime();
  }
  let left = value;
  while (left > 0) {
    d.setDate(d.getDate() + 1);
    const day = d.getDay();
    if (day !== 0 && day !== 6) left--;
  }
  return d.getTime();
}

/** The rules this letter can honestly invoke: of its case and kind (and demand), verified
 * unless unverified ones are allowed, and within the term of their `since` date. */
export function chooseRules(pack: JurisdictionPack, f: InvokeFacts): RuleChoice {
  const cited: LawRule[] = [];
  const skipped: RuleChoice['skipped'] = [];
  for (const r of pack.rules) {
    if (!r.applies_to.includes(f.case) || !r.kinds.includes(f.kind)) continue;
    if (r.demands && (!f.demand || !r.demands.includes(f.demand))) continue;
    if (r.status !== 'verified' && !f.allowUnverified) {
      skipped.push({ rule: r, why: 'indicative', flag: '--allow-unverified' });
      continue;
    }
    if (r.since) {
      const from = r.since === 'purchase' ? f.purchase : r.since === 'statement' ? f.statement : f.firstLetter;
      if (from === undefined) {
        const flag = r.since === 'purchase' ? '--bought' : r.since === 'statement' ? '--statement' : undefined;
        skipped.push({ rule: r, why: r.since === 'first-letter' ? 'no-first-letter' : r.since === 'purchase' ? 'no-purchase-date' : 'no-statement-date', flag });
        continue;
      }
      const end = addTerm(from, r.value!, r.unit!);
      if (r.role === 'escalation' ? f.now < end : f.now > end) {
        skipped.push({ rule: r, why: r.role === 'escalation' ? 'term-not-passed' : 'term-passed' });
        continue;
      }
    }
    if (f.kind === 'regulator' && r.role === 'reply' && r.kinds.includes('claim')) {
      // In a complaint to a regulator, the company's term to answer is a breach only once it has passed.
      if (f.firstLetter === undefined || f.now < addTerm(f.firstLetter, r.value!, r.unit!)) {
        skipped.push({ rule: r, why: 'company-term-not-passed' });
        continue;
      }
    }
    cited.push(r);
  }
  return { cited, skipped };
}

/** The oldest verified_on among the verified rules: the date the letter's legal basis stands
 * as of. Null when no cited rule is verified: an unchecked rule has no such date. */
export function basisAsOf(rules: LawRule[]): string | null {
  const dates = rules.filter((r) => r.status === 'verified' && r.verified_on).map((r) => r.verified_on!);
  return dates.length ? dates.sort()[0] : null;
}

/**
 * The words of a category that name a case, each a whole word (a Russian one with its endings).
 * Matched as parts of the text, "isp" was found in "display" and "crispy", "phone" in
 * "headphones" and "card" in "postcard": a bakery's letter went to the communications regulator,
 * citing the law of communications.
 */
const CASE_WORDS: [Case, RegExp][] = [
  ['telecom', /^(?:internet|telecoms?|telecommunications?|mobile|phones?|telephon[ey]|broadband|isps?|cable|operators?|carriers?|связ[ьиюей]|интернет\p{L}*|провайдер\p{L}*|оператор\p{L}*|телеком\p{L}*|телефон\p{L}*|мобильн\p{L}*|сотов\p{L}*)$/u],
  ['finance', /^(?:banks?|banking|cards?|credit|loans?|insurance|insurers?|finance|financial|lenders?|brokers?|brokerage|банк(?:а|у|ом|е|и|ов|ам|ами|ах)?|банковск\p{L}*|кредит\p{L}*|страхов\p{L}*|страхован\p{L}*|финанс\p{L}*|займ\p{L}*|микрофинанс\p{L}*)$/u],
  ['goods', /^(?:goods|retail|electronics|товар(?:ы|ов|а|ам|ами|ах)?|ритейл\p{L}*)$/u],
  ['services', /^(?:hosting|airlines?|delivery|couriers?|repairs?|installation|travel|хостинг\p{L}*|доставк\p{L}*|курьер\p{L}*|авиа\p{L}*|ремонт\p{L}*)$/u],
];

/** A shop of any kind sells goods: an "интернет-магазин", a "phone shop". */
const SHOP = /^(?:shops?|stores?|markets?|marketplaces?|supermarkets?|retailers?|sellers?|магазин\p{L}*|маркетплейс\p{L}*|супермаркет\p{L}*|продав\p{L}*)$/u;

/** Services as such: the case where a category names no other ("Internet service provider", "услуги связи" are telecom). */
const SERVICE = /^(?:services?|услуг\p{L}*|сервис\p{L}*)$/u;

/**
 * The case an incident falls under, from its company's category, when that says it plainly:
 * by its whole words, a shop's goods whatever it sells, "services" where no other case is named;
 * a category whose words name two cases says none (the case is then asked for).
 */
export function caseFromCategory(category: string | null | undefined): Case | undefined {
  if (!category) return undefined;
  const words = category.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.some((w) => SHOP.test(w))) return 'goods';
  const named = CASE_WORDS.filter(([, re]) => words.some((w) => re.test(w))).map(([c]) => c);
  if (named.length === 1) return named[0];
  return named.length === 0 && words.some((w) => SERVICE.test(w)) ? 'services' : undefined;
}
