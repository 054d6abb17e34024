// Jurisdiction packs: the rules a letter may cite, as data. Validation of a pack and of the
// user's overrides, and the choice of the rules a given letter can honestly invoke. Pure.

import { parseWhen } from './dates.js';
import type { Path, Problem, Validated } from './validation.js';

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
   * has yet, and `to_check` says what must be checked there. */
  status: 'verified' | 'indicative';
  verified_on?: string;
  to_check?: string;
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
  if (typeof v !== 'string' || !v.trim()) out.push({ path, message: 'must be non-empty text' });
};
const words: Check = (v, path, out) => {
  if (!isMap(v)) return void out.push({ path, message: 'must be a map with en and ru text' });
  for (const k of Object.keys(v)) if (k !== 'en' && k !== 'ru') out.push({ path: [...path, k], message: 'unknown language (en or ru)' });
  for (const k of ['en', 'ru']) text(v[k], [...path, k], out);
};
const oneOf =
  (values: readonly string[]): Check =>
  (v, path, out) => {
    if (typeof v !== 'string' || !values.includes(v)) out.push({ path, message: `must be one of ${values.join(', ')}` });
  };
const listOf =
  (values: readonly string[], nonEmpty: boolean): Check =>
  (v, path, out) => {
    if (!Array.isArray(v) || (nonEmpty && !v.length)) return void out.push({ path, message: `must be a list of ${values.join(', ')}` });
    v.forEach((x, i) => oneOf(values)(x, [...path, i], out));
  };
const positive: Check = (v, path, out) => {
  if (!Number.isInteger(v) || (v as number) < 1 || (v as number) > 3650) out.push({ path, message: 'must be a whole number of days from 1 to 3650' });
};
const date: Check = (v, path, out) => {
  const w = typeof v === 'string' ? parseWhen(v) : undefined;
  if (!w || !w.dateOnly) out.push({ path, message: 'must be a date such as 2026-12-02' });
};
const url: Check = (v, path, out) => {
  if (typeof v !== 'string' || !URL_RE.test(v)) out.push({ path, message: 'must be the address (http or https) of the text the rule comes from' });
};

const RULE_FIELDS: Record<string, Check> = {
  id: (v, path, out) => {
    if (typeof v !== 'string' || !ID.test(v)) out.push({ path, message: 'must be lower-case letters, digits and dashes' });
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
  to_check: text,
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
    if (v.verified_on === undefined || v.verified_on === null) out.push({ path: [...path, 'verified_on'], message: 'is required of a verified rule: the date it was read in its source' });
    if (v.source === undefined || v.source === null) out.push({ path: [...path, 'source'], message: 'is required of a verified rule: the address of the text it was read in' });
  } else if (v.status === 'indicative') {
    if (v.verified_on !== undefined && v.verified_on !== null) out.push({ path: [...path, 'verified_on'], message: 'is only for a verified rule; an indicative one has not been checked against its source' });
    if (toCheck && (v.to_check === undefined || v.to_check === null)) out.push({ path: [...path, 'to_check'], message: 'is required of an indicative rule: what must be checked in its source before it is marked verified' });
  }
}

function checkFields(v: Record<string, unknown>, fields: Record<string, Check>, required: string[], path: Path, out: Problem[]): void {
  for (const k of Object.keys(v)) if (!Object.hasOwn(fields, k)) out.push({ path: [...path, k], message: 'unknown field' });
  for (const k of required) if (v[k] === undefined || v[k] === null) out.push({ path: [...path, k], message: 'is required' });
  for (const [k, check] of Object.entries(fields)) if (v[k] !== undefined && v[k] !== null) check(v[k], [...path, k], out);
}

function checkRule(v: unknown, path: Path, out: Problem[]): void {
  if (!isMap(v)) return void out.push({ path, message: 'must be a map' });
  checkFields(v, RULE_FIELDS, RULE_REQUIRED, path, out);
  checkStatus(v, path, out, true);
  const timed = v.role === 'reply' || v.role === 'escalation' || v.since !== undefined;
  if (timed && (v.value === undefined || v.unit === undefined)) out.push({ path, message: 'a rule with a term needs both value and unit' });
  if ((v.value === undefined) !== (v.unit === undefined)) out.push({ path, message: 'value and unit go together' });
  if (v.role === 'escalation' && v.since !== 'first-letter') out.push({ path: [...path, 'since'], message: 'an escalation rule counts from the first letter: since: first-letter' });
}

/** Checks a parsed jurisdiction pack; every problem with its path. */
export function validatePack(data: unknown): Validated<JurisdictionPack> {
  const out: Problem[] = [];
  if (!isMap(data)) return { errors: [{ path: [], message: 'a jurisdiction pack must be a map' }] };
  checkFields(
    data,
    {
      id: RULE_FIELDS.id,
      name: words,
      default_reply_days: positive,
      regulators: (v, path, o) => {
        if (!isMap(v)) return void o.push({ path, message: `must be a map of case (${CASES.join(', ')}) to a name in en and ru` });
        for (const [k, x] of Object.entries(v)) {
          if (!(CASES as readonly string[]).includes(k)) o.push({ path: [...path, k], message: `is not a case (${CASES.join(', ')})` });
          else words(x, [...path, k], o);
        }
      },
      rules: (v, path, o) => {
        if (!Array.isArray(v)) return void o.push({ path, message: 'must be a list of rules' });
        const seen = new Set<string>();
        v.forEach((r, i) => {
          checkRule(r, [...path, i], o);
          const id = isMap(r) ? r.id : undefined;
          if (typeof id === 'string') {
            if (seen.has(id)) o.push({ path: [...path, i, 'id'], message: `"${id}" is used by another rule of this pack` });
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

/** Checks the user's law.yaml: `<jurisdiction>: { <rule id>: { value: 20, … } }`, against the packs. */
export function validateOverrides(data: unknown, packs: Map<string, JurisdictionPack>): Validated<LawOverrides> {
  const out: Problem[] = [];
  if (data === null || data === undefined) return { value: {} };
  if (!isMap(data)) return { errors: [{ path: [], message: 'must be a map of jurisdiction to rule overrides' }] };
  for (const [j, rules] of Object.entries(data)) {
    const pack = packs.get(j);
    if (!pack) {
      out.push({ path: [j], message: `is not a jurisdiction (${[...packs.keys()].join(', ')})` });
      continue;
    }
    if (!isMap(rules)) {
      out.push({ path: [j], message: 'must be a map of rule id to the fields you change' });
      continue;
    }
    for (const [id, fields] of Object.entries(rules)) {
      if (!pack.rules.some((r) => r.id === id)) {
        out.push({ path: [j, id], message: `is not a rule of ${j} (${pack.rules.map((r) => r.id).join(', ') || 'it has none'})` });
        continue;
      }
      if (!isMap(fields)) {
        out.push({ path: [j, id], message: 'must be a map of the fields you change' });
        continue;
      }
      const checks = Object.fromEntries(OVERRIDABLE.map((k) => [k, RULE_FIELDS[k]]));
      checkFields(fields, checks, [], [j, id], out);
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

export interface RuleChoice {
  cited: LawRule[];
  /** Rules of the case that were not cited, and why: to tell the user on stderr. */
  skipped: { rule: LawRule; why: string; flag?: string }[];
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
      skipped.push({ rule: r, why: `it is not verified: nobody has checked it against its source (${r.source}) yet`, flag: '--allow-unverified' });
      continue;
    }
    if (r.since) {
      const from = r.since === 'purchase' ? f.purchase : r.since === 'statement' ? f.statement : f.firstLetter;
      if (from === undefined) {
        const flag = r.since === 'purchase' ? '--bought' : r.since === 'statement' ? '--statement' : undefined;
        skipped.push({ rule: r, why: r.since === 'first-letter' ? 'the record shows no letter to the company yet' : `it runs from the date of the ${r.since}, which was not given`, flag });
        continue;
      }
      const end = addTerm(from, r.value!, r.unit!);
      if (r.role === 'escalation' ? f.now < end : f.now > end) {
        skipped.push({ rule: r, why: r.role === 'escalation' ? 'its term has not passed yet' : 'its term has passed' });
        continue;
      }
    }
    if (f.kind === 'regulator' && r.role === 'reply' && r.kinds.includes('claim')) {
      // In a complaint to a regulator, the company's term to answer is a breach only once it has passed.
      if (f.firstLetter === undefined || f.now < addTerm(f.firstLetter, r.value!, r.unit!)) {
        skipped.push({ rule: r, why: "the company's term to answer your first letter has not passed yet" });
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

/** The case an incident falls under, from its company's category, when that says it plainly. */
export function caseFromCategory(category: string | null | undefined): Case | undefined {
  if (!category) return undefined;
  const c = category.toLowerCase();
  if (/internet|telecom|mobile|phone|broadband|isp|cable|связ|интернет|провайдер|оператор/.test(c)) return 'telecom';
  if (/bank|card|credit|loan|insur|finan|банк|кредит|страх/.test(c)) return 'finance';
  if (/shop|store|market|retail|seller|goods|магазин|маркетплейс|товар/.test(c)) return 'goods';
  if (/hosting|service|airline|delivery|repair|installation|услуг|хостинг|доставк|авиа/.test(c)) return 'services';
  return undefined;
}
