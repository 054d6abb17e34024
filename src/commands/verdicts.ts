// Verdicts of companies under the policy in force: shared by lists, why, company show and
// export. Computed verdicts are cached in the store until the evidence changes or a
// promise falls due, so that large lists are read, not recomputed.

import type { Context } from '../context.js';
import type { Store, CompanyRow } from '../store/store.js';
import { judgeCompany, verdictValidUntil, type Policy, type Verdict } from '../domain/policy.js';
import { loadPolicy } from '../formats/policy-file.js';
import { LISTS, type ListName } from '../domain/types.js';
import { loadCatalog, type Catalog } from '../i18n/index.js';
import type { Finding } from '../domain/policy.js';
import { BUILD } from '../version.js';
import { localZone } from '../local-zone.js';
import { textInGroup } from '../ui/safe.js';

export async function policyOf(ctx: Context): Promise<Policy> {
  return (await loadPolicy(ctx.configDir)).policy;
}

/**
 * The policy the cached verdicts were judged under, the build that judged them and the local
 * time zone they were judged in, as a short key: 64 bits of FNV-1a over the three, then the key
 * of the words their texts are in (wordsKey), which each cached row carries (the whole key is
 * kept once, with the moment they were judged). With the build in the key, a new version that
 * judges or words a verdict differently judges every company again once, rather than listing
 * what an older one cached; with the zone, a promise due at a local time is judged broken or not
 * in the zone the listing is made in.
 */
export function policyKey(policy: Policy, build = BUILD, zone = localZone()): string {
  return `fnv:${fnv64(`${build}\u0000${zone}\u0000${JSON.stringify(policy)}`)}${wordsKey(build, zone)}`;
}

/**
 * The words of a cached entry's texts (its text for `lists --json`, its markdown rows): the
 * build's catalogs, in the local time zone (a time given with its offset is told as the local
 * day); the policy is no part of them. The last part of the policy key, and what each cached
 * row carries of it: a text made in these words from an entry is the text of the same entry
 * judged again under another policy. Kept short: a whole key made each row and its index some
 * 250 bytes longer.
 */
export function wordsKey(build = BUILD, zone = localZone()): string {
  return `:${fnv64(`${build}\u0000${zone}`)}`;
}

/** 64 bits of FNV-1a over a text, as 16 hex digits (two 32-bit halves with different offsets). */
function fnv64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (a >>> 15);
  }
  return `${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}

export function judgeOne(store: Store, company: CompanyRow, policy: Policy, now: number): Verdict {
  return judgeCompany(store.evidenceOf(company), policy, now);
}

export type ListEntry = ReturnType<typeof listEntry>;

/** The entry of one company as the cache keeps it: facts, no words of any language. */
export function listEntry(v: Verdict) {
  return {
    company: v.company,
    since: v.since,
    pinned: v.pinned,
    reasons: v.reasons.map((f) => ({ rule: f.rule, facts: f.facts, date: f.date, evidence: f.evidence })),
  };
}

/** The catalogs whose words JSON carries: `text` in English and `text_ru` in Russian (DATA-FORMAT.md). */
export type JsonCatalogs = { en: Catalog; ru: Catalog };
export async function jsonCatalogs(): Promise<JsonCatalogs> {
  const [en, ru] = await Promise.all([loadCatalog('en'), loadCatalog('ru')]);
  return { en, ru };
}

/** A reason as JSON shows it: its rule, its text in both languages, its date and evidence. */
export function reasonJson(f: Pick<Finding, 'rule' | 'facts' | 'date' | 'evidence'>, c: JsonCatalogs) {
  return { rule: f.rule, text: c.en.finding(f.facts), text_ru: c.ru.finding(f.facts), date: f.date, evidence: f.evidence };
}

/** The entry of one company in `lists --json`, as DATA-FORMAT.md gives it. */
export function entryJson(e: ListEntry, c: JsonCatalogs) {
  return { company: e.company, since: e.since, pinned: e.pinned, reasons: e.reasons.map((f) => reasonJson(f, c)) };
}

/**
 * Judges the companies whose cached verdict is missing or no longer holds, and caches them.
 * What was judged is not kept for the listing that follows: it reads the cache as a warm
 * listing does, an entry at a time. Holding ten thousand entries' texts (and a map of them) to
 * list them from memory made the first listing after an import 45–55 ms slower than reading them
 * back, and at 100,000 companies held them all at once.
 */
export function refreshVerdicts(store: Store, policy: Policy, now: number, words?: JsonCatalogs): void {
  const key = policyKey(policy);
  // The cache is checked, and then read by the caller, within one read of the database: a write
  // by another process in between (dropping a verdict just checked) is never seen half. Should
  // one come between the check and the judging, what to judge is worked out again under the
  // write lock, and the judged verdicts are checked again.
  let worded = words === undefined;
  for (let attempt = 0; ; attempt++) {
    store.beginRead();
    const companies = store.companiesToJudge(key, now);
    const read = store.dataVersion();
    if (!companies.length) {
      // Every verdict holds. With the words of JSON, the texts for `lists --json` that commands
      // listing in one language did not make are made and kept, where the database can be
      // written at once (then read again); else the listing makes them as it reads.
      if (worded || !store.hasEntryWithoutJson(key)) return;
      worded = true;
      store.writeCacheIfFree(() => wordEntries(store, key, words!));
      continue;
    }
    // Other processes kept changing the record: judged without the cache this time.
    if (attempt === REFRESH_ATTEMPTS) throw new CacheUnavailable();
    // One transaction for every batch: a commit each cost more than the rows it wrote. Never
    // waited for: while another process writes (a long import), the listing judges without the
    // cache, where it waited up to twenty seconds without a word; so too on a read-only database.
    const written = store.writeCacheIfFree(() => {
      // Worked out again under the write lock where another process has written since the read:
      // it may have judged, under another policy too; marked as judged under this one, its rows
      // would be listed as this one's. (Worked out again each time, it took 75 ms more of the
      // first listing after an import at 100,000 companies.)
      const todo = store.dataVersion() === read ? companies : store.companiesToJudge(key, now);
      const save = () => judgeInBatches(store, todo, policy, now, (rows) => saveJudged(store, key, rows, words));
      if (todo.length === store.companyCount()) store.savingEveryVerdict(key, save);
      else save();
      store.markVerdictsJudged(now, key);
      if (words !== undefined) wordEntries(store, key, words);
    });
    if (!written) throw new CacheUnavailable();
  }
}

const REFRESH_ATTEMPTS = 3;

const VERDICT_BATCH = 250;

interface JudgedRow {
  companyId: number;
  name: string;
  key: string;
  verdict: Verdict;
  validUntil: number | null;
}

/** Judges companies a batch at a time, so that memory stays bounded however many there are. */
function judgeInBatches(store: Store, companies: Pick<CompanyRow, 'id' | 'name' | 'key'>[], policy: Policy, now: number, onBatch: (rows: JudgedRow[]) => void): void {
  for (let start = 0; start < companies.length; start += VERDICT_BATCH) {
    const batch = companies.slice(start, start + VERDICT_BATCH);
    const evidence = store.factsOfMany(batch);
    onBatch(
      batch.map((c) => {
        const e = evidence.get(c.id)!;
        return { companyId: c.id, name: c.name, key: c.key, verdict: judgeCompany(e, policy, now), validUntil: verdictValidUntil(e, now) };
      }),
    );
  }
}

/**
 * Inside a write: judged companies' rows of the cache. A company judged to the entry it had,
 * in the same words, keeps its row as it is, and the texts made of it (its text for `lists
 * --json`, its markdown rows): each is a function of the entry and the words alone. A change of
 * policy leaves most entries as they were: at 10,000 companies, one promise more or less to
 * black-list a company changed 547 of 9,308 listed, and every row was written again, with
 * every text made anew.
 */
function saveJudged(store: Store, key: string, rows: JudgedRow[], words?: JsonCatalogs): void {
  const before = store.cachedEntriesIn(rows.map((r) => r.companyId), key);
  const kept: Parameters<Store['keepVerdicts']>[0] = [];
  const saved: ReturnType<typeof cacheRow>[] = [];
  for (const r of rows) {
    const entry = listEntry(r.verdict);
    const text = JSON.stringify(entry);
    const old = before.get(r.companyId);
    if (old?.entry !== text) saved.push(cacheRow(r, entry, text, words));
    else if (old.list !== r.verdict.list || old.key !== r.key || old.validUntil !== r.validUntil) kept.push({ companyId: r.companyId, key: r.key, list: r.verdict.list, validUntil: r.validUntil });
  }
  store.keepVerdicts(kept);
  store.saveVerdicts(key, saved);
}

/**
 * A judged company's row of the cache: its entry as plain JSON (every reader parses it, and
 * escapes what it writes out), and, given the words of JSON and for a listed company, the text
 * `lists --json` gives of it.
 */
function cacheRow(r: JudgedRow, entry: ListEntry, text: string, words?: JsonCatalogs) {
  const json = words !== undefined && r.verdict.list !== 'unlisted' ? entryJsonText(entry, words) : null;
  return { companyId: r.companyId, key: r.key, list: r.verdict.list, entry: text, json, validUntil: r.validUntil };
}

/** An entry's text in `lists --json`, as it stands in its list's array. */
const entryJsonText = (e: ListEntry, words: JsonCatalogs) => textInGroup(entryJson(e, words));

/** Inside a write: the text for `lists --json` made for every listed entry judged without it (by a command that lists in one language). */
function wordEntries(store: Store, key: string, words: JsonCatalogs): void {
  const rows = store.entriesWithoutJson(key);
  for (let start = 0; start < rows.length; start += VERDICT_BATCH) {
    const batch = rows.slice(start, start + VERDICT_BATCH);
    store.saveEntryJson(batch.map((r) => ({ ...r, json: entryJsonText(JSON.parse(r.entry) as ListEntry, words) })));
  }
}

class CacheUnavailable extends Error {
  constructor() {
    super('verdict cache unavailable');
  }
}

/**
 * Every listed company's markdown table row, made and cached where missing. `makeRows`
 * serialises entries, many at once; null when the cache cannot be used (then the caller renders all).
 */
export function markdownRows(store: Store, policy: Policy, now: number, lang: string, makeRows: (entries: ListEntry[]) => string[]): { list: ListName; row: string }[] | null {
  try {
    refreshVerdicts(store, policy, now);
  } catch (err) {
    if (err instanceof CacheUnavailable) return null;
    throw err;
  }
  const rows = store.cachedMarkdownRows(policyKey(policy), lang);
  const missing = rows.flatMap((r, k) => (r.md_row === null ? [k] : []));
  const made: { companyId: number; entry: string; row: string }[] = [];
  // A few hundred at a time: one serialisation of many rows took half as long as one of each.
  for (let start = 0; start < missing.length; start += MARKDOWN_BATCH) {
    const batch = missing.slice(start, start + MARKDOWN_BATCH);
    const texts = makeRows(batch.map((k) => JSON.parse(rows[k].entry!) as ListEntry));
    batch.forEach((k, n) => made.push({ companyId: rows[k].company_id, entry: rows[k].entry!, row: (rows[k].md_row = texts[n]) }));
  }
  if (made.length) {
    try {
      store.saveMarkdownRows(made, lang, policyKey(policy));
    } catch {
      // The rows were made all the same; the cache waits for a writable database.
    }
  }
  return rows.map((r) => ({ list: r.list as ListName, row: r.md_row! }));
}

const MARKDOWN_BATCH = 500;

/** Cached rows after a refresh; when the cache cannot be written, everything is judged afresh. */
function verdictRows(store: Store, policy: Policy, now: number, list?: ListName) {
  try {
    refreshVerdicts(store, policy, now);
    return store.cachedVerdicts(policyKey(policy), list);
  } catch (err) {
    if (!(err instanceof CacheUnavailable)) throw err;
    return judgedAfresh(store, policy, now, list);
  }
}

/** Every company (of `list`) judged afresh, in name order, as the cache would have given them. */
function judgedAfresh(store: Store, policy: Policy, now: number, list?: ListName) {
  const all: { company_id: number; name: string; list: string; json: string }[] = [];
  judgeInBatches(store, store.allCompanies(), policy, now, (rows) => {
    for (const r of rows) {
      if (!list || r.verdict.list === list) all.push({ company_id: r.companyId, name: r.name, list: r.verdict.list, json: JSON.stringify(listEntry(r.verdict)) });
    }
  });
  return all;
}

/** The cached entries of each list (facts, no words), as JSON texts, in name order. */
export function listEntryTexts(store: Store, policy: Policy, now: number, list?: ListName): Record<ListName, string[]> {
  return textsByList(listEntryRows(store, policy, now, list));
}

const textsByList = (rows: Record<ListName, EntryRow[]>) => Object.fromEntries(LISTS.map((l) => [l, rows[l].map((r) => r.json)])) as Record<ListName, string[]>;

/**
 * Each list's company names in name order (to count each list and size its name column before
 * any entry is read), and its entries as JSON texts, read from the cache as they are taken: a
 * listing of 100,000 companies read every entry at once, with its company's name, and held them
 * all while it wrote the first (a third of its time, and some 30 MB of text).
 */
export function listedAsRead(store: Store, policy: Policy, now: number, list?: ListName): { names: (l: ListName) => string[]; entries: (l: ListName) => Iterable<string> } {
  try {
    refreshVerdicts(store, policy, now);
  } catch (err) {
    if (!(err instanceof CacheUnavailable)) throw err;
    const rows = entryRowsByList(judgedAfresh(store, policy, now, list));
    return { names: (l) => rows[l].map((r) => r.name), entries: (l) => rows[l].map((r) => r.json) };
  }
  const key = policyKey(policy);
  return { names: (l) => store.cachedNamesOf(key, l), entries: (l) => store.cachedEntriesOf(key, l) };
}

/** The same, each with its company's name (to size a column before any entry is read). */
export type EntryRow = { companyId: number; name: string; json: string };
export function listEntryRows(store: Store, policy: Policy, now: number, list?: ListName): Record<ListName, EntryRow[]> {
  return entryRowsByList(verdictRows(store, policy, now, list));
}

function entryRowsByList(rows: Iterable<{ company_id: number; name: string; list: string; json: string }>): Record<ListName, EntryRow[]> {
  const out = Object.fromEntries(LISTS.map((l) => [l, [] as EntryRow[]])) as Record<ListName, EntryRow[]>;
  for (const r of rows) if (r.list !== 'unlisted') out[r.list as ListName].push({ companyId: r.company_id, name: r.name, json: r.json });
  return out;
}

/**
 * Each list's entries as `lists --json` gives them (textInGroup's texts), read from the cache
 * as they are taken rather than held all at once; judged afresh when the cache cannot be written.
 */
export function entryJsonTextsAsRead(store: Store, policy: Policy, now: number, words: JsonCatalogs, list?: ListName): (l: ListName) => Iterable<string> {
  const worded = (entry: string) => entryJsonText(JSON.parse(entry) as ListEntry, words);
  try {
    refreshVerdicts(store, policy, now, words);
  } catch (err) {
    if (!(err instanceof CacheUnavailable)) throw err;
    const texts = textsByList(entryRowsByList(judgedAfresh(store, policy, now, list)));
    return (l) => texts[l].map(worded);
  }
  const key = policyKey(policy);
  return function* (l) {
    for (const r of store.cachedJsonOf(key, l)) yield 'json' in r ? r.json : worded(r.entry);
  };
}

/**
 * Each list's cached entries as JSON texts, read from the database as they are taken rather
 * than held all at once; judged afresh when the cache cannot be written.
 */
export function entryTextsAsRead(store: Store, policy: Policy, now: number, list?: ListName): (l: ListName) => Iterable<string> {
  try {
    refreshVerdicts(store, policy, now);
  } catch (err) {
    if (!(err instanceof CacheUnavailable)) throw err;
    // Judged afresh at once: the cache was tried, and a busy database is not waited for twice.
    const texts = textsByList(entryRowsByList(judgedAfresh(store, policy, now, list)));
    return (l) => texts[l];
  }
  const key = policyKey(policy);
  return (l) => store.cachedEntriesOf(key, l);
}

/** The entries of rows as they are read, one at a time (`then` may add to each what its row knows). */
export function* parsedEntries<E = ListEntry>(rows: Iterable<EntryRow>, then: (entry: ListEntry, row: EntryRow) => E = (e) => e as E): Generator<E> {
  for (const r of rows) yield then(JSON.parse(r.json) as ListEntry, r);
}

/** Every listed company with its whole verdict, in name order: judged afresh, for the cache keeps entries only. */
export function judgeListed(store: Store, policy: Policy, now: number): Record<ListName, { companyId: number; verdict: Verdict }[]> {
  const out = Object.fromEntries(LISTS.map((l) => [l, [] as { companyId: number; verdict: Verdict }[]])) as Record<ListName, { companyId: number; verdict: Verdict }[]>;
  judgeInBatches(store, store.allCompanies(), policy, now, (rows) => {
    for (const r of rows) if (r.verdict.list !== 'unlisted') out[r.verdict.list as ListName].push({ companyId: r.companyId, verdict: r.verdict });
  });
  return out;
}
