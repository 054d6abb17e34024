// The reader of a shared vetted/1 file: its companies with their aliases, its lists (or its
// pins, in a file without lists), and its checks and incidents kept as evidence to judge.

import { createHash } from 'node:crypto';
import { UserError } from '../errors.js';
import { INPUT_LIMITS, decodeInput, readInputBytes, readOnce, refuseSqliteInput } from '../formats/read-input.js';
import { sqliteFileOf, sqliteInputAt } from '../formats/write-file.js';
import { t } from '../i18n/index.js';
import { SHARED_LIMITS, parseDataDocument } from '../formats/data-text.js';
import { describeProblems, keptSummary, validateDataFile, withOpening, type KeptProblem } from '../formats/data-file.js';
import { companyKey } from '../domain/names.js';
import { formatPath } from '../domain/validation.js';
import type { SourceCompanyData, SourceData } from '../store/sources.js';

export function readVettedFile(path: string, shownAs: string, now?: number): SourceData {
  // An SQLite file is said to be what it is: a regular file by its name and first bytes (a
  // database's shared memory has no mark of its own), then what was read.
  const say = t().data;
  const words = { companion: say.sharedCompanion, cut: say.sharedCut, database: say.sharedDatabase };
  const named = path === '-' ? undefined : sqliteInputAt(path);
  if (named) refuseSqliteInput(shownAs, named, readOnce(path), words);
  // Read as `vetted import` reads a data file: at most as much, whatever the path is (a device
  // or a pipe says nothing of its size, and was read into memory without end).
  const bytes = readInputBytes(path, { what: 'data', maxBytes: INPUT_LIMITS.data });
  const sqlite = sqliteFileOf(bytes, bytes.length);
  if (sqlite) refuseSqliteInput(shownAs, sqlite, readOnce(path), words);
  const { data, locate } = parseDataDocument(decodeInput(bytes, shownAs), shownAs, SHARED_LIMITS);
  // Checked against the time now, as an import is: nothing it says happened is still to come.
  // Each problem with its line in a YAML file, as an import names it. Incidents an older version
  // let in against today's rules of order, as an export writes them (their ids and their events'),
  // are taken as they are, as an import takes them: a file vetted shared is one vetted reads.
  const kept: KeptProblem[] = [];
  const validated = validateDataFile(data, { now, kept });
  if ('errors' in validated) throw new UserError(t().sources.invalid(shownAs, describeProblems(validated.errors, 5, locate)));
  const doc = validated.value;

  const companies: SourceCompanyData[] = [];
  const byKey = new Map<string, SourceCompanyData>();
  const companyOf = (name: string): SourceCompanyData => {
    const found = byKey.get(companyKey(name));
    if (found) return found;
    const c: SourceCompanyData = { name: name.trim(), aliases: [] };
    companies.push(c);
    byKey.set(companyKey(name), c);
    return c;
  };
  for (const c of doc.companies ?? []) {
    const entry = companyOf(c.name);
    for (const a of c.aliases ?? []) {
      if (!byKey.has(companyKey(a))) {
        entry.aliases.push(a.trim());
        byKey.set(companyKey(a), entry);
      }
    }
  }
  // A company is on one list of a file: two entries that name it (by name or by alias, in any
  // case) say two things of it, and one of them would be lost without a word.
  const listedAs = new Map<SourceCompanyData, string>();
  for (const [k, l] of (doc.lists ?? []).entries()) {
    const c = companyOf(l.company);
    const first = listedAs.get(c);
    if (first !== undefined) {
      const path = ['lists', k];
      throw new UserError(t().sources.invalid(shownAs, t().data.problemAt(locate(path)?.line, formatPath(path), t().sources.listedTwice(l.company, first), false)));
    }
    listedAs.set(c, l.company);
    c.list = {
      list: l.list,
      since: l.since ?? null,
      pinned: !!l.pinned,
      reasons: (l.reasons ?? []).map((r) => ({ ...r, evidence: r.evidence ?? [] })),
    };
  }
  if (!doc.lists) {
    // A file without lists still says something by its pins.
    for (const p of doc.pins ?? []) {
      companyOf(p.company).list = { list: p.list, since: p.at ?? null, pinned: true, reasons: [{ rule: 'pin', text: p.reason, ...(p.at ? { date: p.at } : {}), evidence: [] }] };
    }
  }
  for (const k of doc.checks ?? []) (companyOf(k.company).evidence ??= []).push({ kind: 'check', data: k });
  // Each incident kept with its opening, as an import gives it one: its earliest event's where the file gives none.
  // Its attachments are kept as what they are (a name, a size, a hash), not their bytes: a file
  // of an export with --with-attachments put every file, in base64, into the evidence kept, where
  // nothing reads it.
  const incidents = (doc.incidents ?? []).map((i) => withOpening(i.attachments?.some((a) => a.content !== undefined) ? { ...i, attachments: i.attachments.map(({ content: _bytes, ...a }) => a) } : i));
  for (const i of incidents) (companyOf(i.company).evidence ??= []).push({ kind: 'incident', data: i });

  const dates = [...(doc.lists ?? []).map((l) => l.since ?? ''), ...(doc.checks ?? []).map((k) => k.at), ...incidents.map((i) => i.opened)].filter(Boolean).sort();
  return {
    meta: {
      kind: 'vetted',
      file: shownAs,
      file_sha256: createHash('sha256').update(bytes).digest('hex'),
      exported_at: doc.exported_at ?? null,
      label: doc.source ?? null,
      rows_read: companies.length,
      rows_skipped: 0,
      skipped: [],
      date_from: dates[0]?.slice(0, 10) ?? null,
      date_to: dates[dates.length - 1]?.slice(0, 10) ?? null,
    },
    companies,
    // What it holds that new input could not, to be said as an import says it (never stored).
    ...(kept.length ? { kept: keptSummary(kept) } : {}),
  };
}
