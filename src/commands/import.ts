// `vetted import FILE [--dry-run] [--json]`: merge a vetted/1 data file, all or nothing.

import { t } from '../i18n/index.js';
import type { LookedLike } from '../i18n/en.js';
import { safeText, toJson } from '../ui/safe.js';
import { statSync } from 'node:fs';
import { INPUT_LIMITS, decodeInput, readInputBytes, readOnce, refuseSqliteInput, sameFile, statOfInput } from '../formats/read-input.js';
import { databaseFileOf, sqliteFileOf, sqliteInputAt, type Companion, type Misplaced, type SqliteFile } from '../formats/write-file.js';
import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { UserError } from '../errors.js';
import { parseDataDocument } from '../formats/data-text.js';
import { NotValidRecord, READ_WHOLE_BYTES, isValidHead, isValidLayout, layoutOfFile, recordsOfFile, type DataLayout, type FileIdentity } from '../formats/data-stream.js';
import { describeProblems, keptSummary, validateDataFile, type KeptKind, type KeptProblem } from '../formats/data-file.js';
import { builtInChecklists, loadAllChecklists } from '../formats/checklist-file.js';
import { mergeRecords, recordsOf, type DataRecords, type ChangeTally, type MergeReport } from '../store/merge.js';
import { formatLocalDate } from '../domain/dates.js';
import { readingStore, withNewStore, withStore, withUpgradedCopy } from './shared.js';
import { IMPORT_MAP_BYTES, needsMigration, type Store } from '../store/store.js';
import { basename } from 'node:path';
import { importedFile, opSummary } from '../domain/op-summary.js';

export interface ImportOptions {
  dryRun?: boolean;
  json?: boolean;
}

function renderReport(file: string, r: MergeReport, dryRun: boolean): string[] {
  const rows: [string, Exclude<keyof MergeReport, 'attachments_without_content' | 'checks_renumbered' | 'events_renumbered' | 'companies_taken_for' | 'parents_left_out' | 'companies_like_others' | 'companies_like_others_count'>][] = [
    ['companies', 'companies'],
    ['aliases', 'aliases'],
    ['checks', 'checks'],
    ['incidents', 'incidents'],
    ['events', 'events'],
    ['pins', 'pins'],
    ['attachments', 'attachments'],
  ];
  const parts = rows
    .filter(([, k]) => r[k].added || r[k].existing)
    .map(([label, k]) => t().data.counts(t().data.sections[label] ?? label, r[k].added, dryRun, r[k].existing, (r[k] as Partial<ChangeTally>).changed));
  const head = dryRun ? t().data.dryRunHead(file) : t().data.importedHead(file);
  // Said under the counts: what was left out, and what was added under another id.
  const notes = [
    ...(r.attachments_without_content ? [`  ${t().data.attachmentsLeftOut(r.attachments_without_content)}`] : []),
    ...r.checks_renumbered.map((c) => `  ${t().data.checkRenumbered(safeText(c.from), c.to, dryRun)}`),
    ...r.events_renumbered.map((e) => `  ${t().data.eventRenumbered(safeText(e.from), e.to, dryRun)}`),
    ...r.companies_taken_for.map((c) => `  ${t().data.companyTakenFor(safeText(c.name), safeText(c.here), safeText(c.by), dryRun)}`),
    ...r.parents_left_out.map((c) => `  ${t().data.parentLeftOut(safeText(c.name), safeText(c.parent), safeText(c.here), dryRun)}`),
    ...lookalikeNotes(r.companies_like_others, r.companies_like_others_count),
  ];
  return [head, ...(parts.length ? parts.map((p) => `  ${p}`) : notes.length ? [] : [`  ${t().data.nothing}`]), ...notes];
}

/** The incidents a file held as a database kept them, by the rule of dates each breaks, as --json gives them. */
function keptByKind(byKind: Partial<Record<KeptKind, string[]>> | undefined): Record<string, string[]> {
  return Object.fromEntries(Object.entries(byKind ?? {}).map(([kind, ids]) => [kind.replace(/-/g, '_'), ids]));
}

/** The most new companies whose lookalikes the report names; --json lists more. */
const LOOKALIKES_SAID = 5;

/**
 * A warning for each of the first few new companies that look like one here before (see
 * MergeReport), and how many more there are of all `count` (the pairs list only the first ones).
 */
function lookalikeNotes(pairs: MergeReport['companies_like_others'], count: number): string[] {
  const byName = new Map<string, LookedLike[]>();
  for (const p of pairs) byName.set(p.name, [...(byName.get(p.name) ?? []), { name: safeText(p.like), of: safeText(p.of) }]);
  const said = [...byName].slice(0, LOOKALIKES_SAID).map(([name, like]) => `  ${t().errors.lookalike(safeText(name), like)}`);
  return count > said.length ? [...said, `  ${t().data.moreLookalikes(count - said.length, byName.size, count)}`] : said;
}

/** Merges, naming the file in any refusal. */
function mergeInto(file: string, ...args: Parameters<typeof mergeRecords>): MergeReport {
  try {
    return mergeRecords(...args);
  } catch (err) {
    if (err instanceof UserError) throw new UserError(`${file}: ${err.message}`);
    throw err;
  }
}

/** A regular file's identity, to tell whether it changed between two readings. */
function identityOf(path: string): FileIdentity | undefined {
  if (path === '-') return undefined;
  let st;
  try {
    st = statSync(path);
  } catch {
    // Not there, or not to be looked at: the reading of the whole file says which.
    return undefined;
  }
  return st.isFile() ? { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino } : undefined;
}

/**
 * An SQLite file given for a data file, said to be what it is, rather than not text, or too
 * large a data file: a database (a backup, say) is put back by restore, or exported and
 * imported; one cut short can be read by neither; a database's log, shared memory or journal
 * is part of that database, to be given in its place.
 */
function refuseSqlite(file: string, found: SqliteFile | Companion | Misplaced, dbPath: string, once: boolean): never {
  const say = t().data;
  refuseSqliteInput(file, found, once, {
    companion: (f, kind, database) => say.companionGiven(f, kind, database, database !== undefined && sameFile(database, dbPath)),
    cut: say.databaseCut,
    database: say.databaseGiven,
  });
}

/**
 * The database in use, or a file of its own (its log, its shared memory, its journal), given for
 * a data file by any name (a link, a hard link, standard input): the record itself, with nothing
 * to import from it. Told by the file, not its bytes: on standard input, the database in use was
 * sent to restore (which refuses it), and its log under another name was said to be another
 * database's.
 */
function refuseDatabaseInUse(path: string, dbPath: string): void {
  const st = statOfInput(path);
  const part = st?.isFile() ? databaseFileOf(st, dbPath) : undefined;
  if (!part) return;
  const file = path === '-' ? t().data.stdin : path;
  if (part === 'database') throw new UserError(t().data.databaseInUse(file));
  throw new UserError(t().data.companionGiven(file, part, dbPath, true));
}

/**
 * A large JSON file laid out as vetted writes it (with a valid head) is laid out as it is read
 * a window at a time, and then merged a record at a time as it is read again (see
 * formats/data-stream.ts), each record checked just before it is merged: its bytes are never
 * in memory whole (a large file's are 100 MB). Any other file, and one of at most
 * READ_WHOLE_BYTES, is read whole, and its problems named, as before, from the bytes returned.
 */
function firstReading(path: string, now: number, dbPath: string): { bytes?: Buffer; recordByRecord?: { layout: DataLayout; identity: FileIdentity } } {
  refuseDatabaseInUse(path, dbPath);
  const identity = identityOf(path);
  const found = identity && sqliteInputAt(path);
  if (found) {
    // A name of a descriptor of this process (/dev/stdin, /dev/fd/3) names nothing to the next command.
    refuseSqlite(path, found, dbPath, readOnce(path));
  }
  if (identity && identity.size > READ_WHOLE_BYTES && identity.size <= INPUT_LIMITS.data) {
    const layout = layoutOfFile(path, identity, path);
    if (layout && isValidHead(layout, now)) return { recordByRecord: { layout, identity } };
  }
  // Read whole: whatever stops that (a file too large, or gone) is said as for any file.
  return { bytes: readInputBytes(path, { what: 'data', maxBytes: INPUT_LIMITS.data }) };
}

/** Someone's lists (a file of `export --share`, which has a lists section) are a source to read beside the record, not a record to merge. */
function refuseShared(file: string, head: { source?: unknown }, hasLists: boolean): void {
  if (hasLists) throw new UserError(t().data.sharedFile(file, typeof head.source === 'string' ? head.source : undefined));
}

export async function run(ctx: Context, path: string, opts: ImportOptions): Promise<CommandResult> {
  const file = path === '-' ? t().data.stdin : path;
  const now = ctx.now();
  const first = firstReading(path, now, ctx.dbPath);
  let bytes = first.bytes;
  const recordByRecord = first.recordByRecord;
  if (recordByRecord) refuseShared(file, recordByRecord.layout.head, recordByRecord.layout.records.has('lists'));
  const showProgress = !!ctx.err.isTTY && !opts.json;
  // A progress line stopped short (by a record found wanting, say) is ended before anything else is written.
  let progressOpen = false;
  const endProgress = () => {
    if (progressOpen) ctx.err.write('\n');
    progressOpen = false;
  };
  // The date rules broken by records a database kept, taken as they are: said after the counts.
  const kept: KeptProblem[] = [];
  /** The whole file read, parsed and validated at once: a file with problems is refused, naming them. */
  const wholeFile = (): DataRecords => {
    kept.length = 0;
    bytes ??= readInputBytes(path, { what: 'data', maxBytes: INPUT_LIMITS.data });
    // Read from standard input or a pipe (a regular file was looked at before it was read).
    const found = sqliteFileOf(bytes, bytes.length);
    if (found) refuseSqlite(file, found, ctx.dbPath, readOnce(path));
    const { data, locate } = parseDataDocument(decodeInput(bytes, path), file);
    const validated = validateDataFile(data, { now, kept });
    if ('errors' in validated) {
      throw new UserError(t().data.invalid(file, describeProblems(validated.errors, 5, locate)));
    }
    refuseShared(file, validated.value, validated.value.lists !== undefined && validated.value.lists !== null);
    return recordsOf(validated.value);
  };
  const loaded = loadAllChecklists(ctx.configDir);
  const checklists = new Map(loaded.map((c) => [c.checklist.id, c.checklist]));
  // The built-in ones the user's override: checks made with them still import, scored by them.
  // (Read again only where the user has checklists of their own.)
  const ownIds = new Set(loaded.filter((c) => c.source !== 'built-in').map((c) => c.checklist.id));
  const overridden = new Map(ownIds.size ? builtInChecklists().filter((b) => ownIds.has(b.checklist.id)).map((b) => [b.checklist.id, b.checklist]) : []);
  // What of each incident the merge adds or changes it takes from the file: of the faults the file
  // kept as they were, only those of what it takes are said (an event added, an opening moved),
  // not those of events that were there already.
  const written = new Map<string, { whole: boolean; events: ReadonlySet<number> }>();
  const merge = (records: DataRecords) => (store: Store) => {
    written.clear();
    return mergeInto(file, store, records, {
      onIncidentWritten: (id, taken) => written.set(id.toLowerCase(), taken),
      checklists,
      overridden,
      today: formatLocalDate(now),
      dryRun: opts.dryRun,
      summary: (r) =>
        opSummary({
          k: 'import',
          file: importedFile(path, basename(file)),
          companies: r.companies.added,
          checks: r.checks.added,
          incidents: r.incidents.added,
          events: r.events.added,
          pins: r.pins.added,
          aliases: r.aliases.added,
          attachments: r.attachments.added,
          changed: r.companies.changed + r.incidents.changed + r.pins.changed,
        }),
      onProgress: showProgress
        ? (done, total) => {
            if (total < 2000) return;
            ctx.err.write(`\r${t().data.progress(Math.floor((100 * done) / total), done, total)}${done === total ? '\n' : ''}`);
            progressOpen = done !== total;
          }
        : undefined,
    });
  };
  const into = async (records: DataRecords): Promise<MergeReport> => {
    const options = { mapBytes: IMPORT_MAP_BYTES };
    // A dry run with no database yet (no file, or an empty one) works on an empty one in memory:
    // it makes none; on a database an older version wrote, on a private upgraded copy.
    if (opts.dryRun) return needsMigration(ctx.dbPath, ctx.setBy.db) ? withUpgradedCopy(ctx, merge(records)) : readingStore(ctx, merge(records), options, true);
    // Into no database yet, the database is made and filled before it appears: a file refused
    // half way leaves none.
    const made = withNewStore(ctx, merge(records), options);
    return made ? made.value : withStore(ctx, merge(records), options);
  };
  // A database that must be migrated first is not opened (nor backed up) for a file that will
  // be refused: there every record is checked before the merge, as it always was.
  if (recordByRecord && needsMigration(ctx.dbPath, ctx.setBy.db) && !isValidLayout(path, recordByRecord.layout, recordByRecord.identity, now)) wholeFile();
  let report: MergeReport;
  if (!recordByRecord) report = await into(wholeFile());
  else {
    try {
      report = await into(recordsOfFile(path, recordByRecord.layout, recordByRecord.identity, now, kept));
    } catch (err) {
      endProgress();
      // A record found wanting stopped the merge, which wrote nothing: the file is read whole,
      // which names its problems (and merges it, should it hold none after all).
      if (err instanceof NotValidRecord) report = await into(wholeFile());
      else {
        // A record refused by the merge, before the records after it were checked: a file with
        // problems is refused for them, as when every record was checked first.
        if (err instanceof UserError && !isValidLayout(path, recordByRecord.layout, recordByRecord.identity, now)) wholeFile();
        throw err;
      }
    }
  }
  const taken = kept.filter((k) => {
    const w = written.get(k.record.toLowerCase());
    // A fault at an event is taken with that event; one of the incident's own times, with them.
    const j = k.path[2] === 'events' ? k.path[3] : undefined;
    return w !== undefined && (w.whole || (typeof j === 'number' && w.events.has(j)));
  });
  const said = taken.length ? keptSummary(taken) : undefined;
  const keptNote = said ? [t().data.keptAsTheyWere(said.counts, said.records.map(safeText), !!opts.dryRun)] : [];
  if (opts.json) {
    const json = { file: path, dry_run: !!opts.dryRun, ...report, kept_as_they_were: keptByKind(said?.byKind) };
    return { out: toJson(json), ...(keptNote.length ? { err: keptNote } : {}) };
  }
  return { err: [...renderReport(file, report, !!opts.dryRun), ...keptNote] };
}
