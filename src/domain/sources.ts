// Sources of other people's data: the words shared by readers, the store and the renderers,
// and the public complaint record's figures. Pure: facts only, no words for the user.

import type { ListName } from './types.js';
import { companyKey } from './names.js';

/** Each kind is one reader. */
export const SOURCE_KINDS = ['vetted', 'cfpb'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** A company's entry in a shared `lists` section. */
export interface SharedList {
  list: ListName;
  since: string | null;
  pinned: boolean;
  reasons: { rule: string; text: string; text_ru?: string; date?: string; evidence: string[] }[];
}

/** What a shared file says of one company, as a source keeps it. */
export interface SharedCompany {
  name: string;
  aliases: string[];
  list?: SharedList;
  evidence?: { kind: 'check' | 'incident'; data: unknown }[];
}

/** A value with the keys of every map in one order, and no key whose value is left out. */
function inKeyOrder(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(inKeyOrder);
  if (v === null || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => [k, inKeyOrder(o[k])]),
  );
}

/** What a shared file says, as one text: its companies by name key, each with its names, its list and its evidence. */
function sharedContent(companies: readonly SharedCompany[]): string {
  // Evidence in the order of its texts: a file may give its checks and incidents in any order.
  const evidenceOf = (c: SharedCompany) => (c.evidence ?? []).map((e) => JSON.stringify(inKeyOrder(e))).sort();
  const each = companies.map((c) => ({ key: companyKey(c.name), text: JSON.stringify(inKeyOrder({ name: c.name, aliases: [...c.aliases].sort(), list: c.list ?? null, evidence: evidenceOf(c) })) }));
  each.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return JSON.stringify(each.map((c) => c.text));
}

/**
 * Whether two shared files say the same of the same companies (their names, lists, reasons and
 * evidence), whatever the order they give them in: of two exports of one label and one second,
 * it tells the same export saved again from a changed one made in the same second.
 */
export function sameSharedContent(a: readonly SharedCompany[], b: readonly SharedCompany[]): boolean {
  return a.length === b.length && sharedContent(a) === sharedContent(b);
}

/** Rows a reader skipped for one reason: how many, and the first few line numbers. */
export interface SkippedRows {
  reason: 'no-company' | 'bad-date' | 'future-date' | 'short-row' | 'too-long';
  count: number;
  lines: number[];
}

export const COUNT_FIELDS = [
  'complaints',
  'timely',
  'untimely',
  'explained',
  'monetary',
  'non_monetary',
  'in_progress',
  'disputed_yes',
  'disputed_no',
] as const;
export type CountField = (typeof COUNT_FIELDS)[number];
export type ComplaintCounts = Record<CountField, number>;

export const emptyCounts = (): ComplaintCounts => ({
  complaints: 0,
  timely: 0,
  untimely: 0,
  explained: 0,
  monetary: 0,
  non_monetary: 0,
  in_progress: 0,
  disputed_yes: 0,
  disputed_no: 0,
});

/** Below this many complaints a rate says more about chance than about the company. */
export const MIN_FOR_RATE = 30;
/** Consumers could dispute a response until this day. */
export const DISPUTES_ENDED = '2017-04-24';

/** `YYYY-MM` moved by `delta` months. */
export function addMonthsTo(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number);
  const t = y * 12 + (m - 1) + delta;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
}

export interface Share {
  count: number;
  /** Of how many; the rate is null when fewer than MIN_FOR_RATE back it. */
  of: number;
  rate: number | null;
}

const share = (count: number, of: number): Share => ({ count, of, rate: of >= MIN_FOR_RATE ? count / of : null });

export interface PeriodFigures {
  from: string;
  to: string;
  complaints: number;
  monetary_relief: Share;
  any_relief: Share;
  untimely: Share;
}

export interface ComplaintRecord {
  /** The last month the source holds: the periods count back from it. */
  through: string;
  /** From the first month the record holds, where it starts within the 12 months. */
  last12: PeriodFigures;
  /** Null where the record starts after those 12 months: it does not cover them (not "none"). */
  previous12: PeriodFigures | null;
  all_time: number;
  /** Disputed responses, from the months when consumers could dispute (before May 2017). */
  disputed: Share | null;
  top_products: { product: string; complaints: number }[];
  top_issues: { issue: string; complaints: number }[];
}

function period(rows: { month: string; c: ComplaintCounts }[], from: string, to: string): PeriodFigures {
  const sum = emptyCounts();
  for (const r of rows) if (r.month >= from && r.month <= to) for (const f of COUNT_FIELDS) sum[f] += r.c[f];
  return {
    from,
    to,
    complaints: sum.complaints,
    monetary_relief: share(sum.monetary, sum.complaints),
    any_relief: share(sum.monetary + sum.non_monetary, sum.complaints),
    untimely: share(sum.untimely, sum.timely + sum.untimely),
  };
}

/**
 * The public record of one company from its monthly counts: the 12 months up to `through`
 * and the 12 before, relief and untimely shares, disputes while they existed, the top
 * products. It states facts; it never decides a verdict.
 */
export function complaintRecord(
  rows: ({ month: string; product: string } & ComplaintCounts)[],
  through: string,
  topIssues: { issue: string; complaints: number }[] = [],
  /** The first month the record holds (YYYY-MM), when known: periods before it are not covered. */
  since?: string,
): ComplaintRecord {
  const monthly = rows.map((r) => ({ month: r.month, c: r as ComplaintCounts }));
  const covered = (from: string) => (since !== undefined && since > from ? since : from);
  const last12 = period(monthly, covered(addMonthsTo(through, -11)), through);
  const before = addMonthsTo(through, -12);
  const previous12 = since !== undefined && since > before ? null : period(monthly, covered(addMonthsTo(through, -23)), before);
  let yes = 0;
  let no = 0;
  for (const r of rows) {
    if (r.month > DISPUTES_ENDED.slice(0, 7)) continue;
    yes += r.disputed_yes;
    no += r.disputed_no;
  }
  const products = new Map<string, number>();
  for (const r of rows) if (r.month >= last12.from && r.month <= through) products.set(r.product, (products.get(r.product) ?? 0) + r.complaints);
  return {
    through,
    last12,
    previous12,
    all_time: rows.reduce((n, r) => n + r.complaints, 0),
    disputed: yes + no ? share(yes, yes + no) : null,
    top_products: [...products].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3).map(([product, complaints]) => ({ product, complaints })),
    top_issues: topIssues.slice(0, 3),
  };
}
