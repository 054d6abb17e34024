// `vetted source add|list|show|update|remove|match`: other people's shared lists and public
// complaint records, kept apart from the user's own evidence.

import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { UserError } from '../errors.js';
import { withStore, readingStore, refuseWhereNone, writingStore, MAX_NAME } from './shared.js';
import { jsonList, type JsonOutOptions } from '../ui/json-out.js';
import { Sources, type SourceData, type SourceRow } from '../store/sources.js';
import type { Store } from '../store/store.js';
import { SOURCE_KINDS, sameSharedContent, type SourceKind } from '../domain/sources.js';
import type { ListName } from '../domain/types.js';
import { formatLocalDate, formatLocalSecond } from '../domain/dates.js';
import { indexNames, suggestNames } from '../domain/name-match.js';
import { companyKey } from '../domain/names.js';
import { safeText, toJson, UNSAFE } from '../ui/safe.js';
import { colourWanted, paint } from '../ui/colour.js';
import { renderSourceList, skippedLines } from '../ui/render-sources.js';
import { renderTable } from '../ui/table.js';
import { t } from '../i18n/index.js';
import { shellArg } from '../i18n/format.js';

export interface AddOptions {
  name: string;
  kind?: string;
}

function checkSourceName(name: string | undefined): string {
  const trimmed = (name ?? '').trim();
  if (!companyKey(trimmed)) throw new UserError(t().sources.needsName);
  if ([...trimmed].length > MAX_NAME) throw new UserError(t().sources.longName(MAX_NAME));
  // A name typed back in every command that names the source: no control or invisible character it could not be typed with.
  if (new RegExp(UNSAFE.source, 'u').test(trimmed)) throw new UserError(t().sources.unsafeName);
  return trimmed;
}

function checkKind(kind: string | undefined): SourceKind {
  const k = kind ?? 'vetted';
  if (!(SOURCE_KINDS as readonly string[]).includes(k)) throw new UserError(t().sources.badKind(SOURCE_KINDS, k));
  return k as SourceKind;
}

function checkFile(file: string): void {
  // Standard input, as `import -` reads it (a shared file; a public record is read from its file: see readSource).
  if (file === '-') return;
  let st;
  try {
    st = statSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') throw new UserError(t().files.loop(file));
    throw new UserError(t().sources.noFile(file));
  }
  if (st.isDirectory()) throw new UserError(t().sources.folder(file));
}

function requireSource(sources: Sources, name: string): SourceRow {
  const found = sources.findSource(name);
  if (found) return found;
  throw new UserError(t().sources.unknown(name, sources.allSources().map((s) => s.name)));
}

/** Reads a source's file with the reader of its kind; progress on a terminal only. */
async function readSource(ctx: Context, file: string, kind: SourceKind): Promise<SourceData> {
  if (file === '-' && kind === 'cfpb') throw new UserError(t().sources.cfpbNotStdin);
  const data = await readOfKind(ctx, file, kind);
  // Where it came from, wherever `source show` is run: the path whole, not as typed from one folder.
  if (file !== '-') data.meta.file = resolve(file);
  return data;
}

async function readOfKind(ctx: Context, file: string, kind: SourceKind): Promise<SourceData> {
  if (kind === 'vetted') {
    // A complaint record given as a shared list would be read as YAML, and refused as that.
    if (/\.(csv|zip)$/i.test(file)) throw new UserError(t().sources.notAList(file));
    const { readVettedFile } = await import('../sources/read-vetted.js');
    return readVettedFile(file, file, ctx.now());
  }
  const { readCfpbFile } = await import('../sources/read-cfpb.js');
  const started = ctx.now();
  const tty = !!ctx.err.isTTY;
  // A day of slack: the record's days are those of the United States, which may be a day ahead of this clock.
  const data = await readCfpbFile(file, file, {
    lastDay: formatLocalDate(started + 86_400_000),
    onProgress: tty
      ? ({ rows }) => {
          const seconds = Math.max(0.001, (Date.now() - started) / 1000);
          ctx.err.write(`\r${t().sources.progress(file, rows, Math.round(rows / seconds))}`);
        }
      : undefined,
  });
  if (tty && data.meta.rows_read >= 65536) ctx.err.write('\n');
  return data;
}

const SEVERAL_SHOWN = 3;

function summary(verb: 'added' | 'replaced', name: string, data: SourceData, sources: Sources, id: number): string[] {
  const w = t().sources;
  const s = sources.sourceSummary(id)!;
  const m = data.meta;
  const lines = [w[verb](name, m.kind, s.companies, s.known)];
  if (m.kind === 'cfpb') {
    lines.push(`  ${w.rowsRead(m.rows_read, m.rows_skipped, m.date_from, m.date_to)}`);
    lines.push(...skippedLines(m.skipped));
    lines.push(`  ${w.matchHint(name)}`);
  } else {
    lines.push(`  ${w.onItsLists(s.listed, m.label, m.exported_at)}`);
  }
  // A company of theirs that names two of yours is counted for one: said, the first few.
  const several = sources.namingSeveral(id);
  for (const c of several.slice(0, SEVERAL_SHOWN)) lines.push(`  ${w.namesSeveral(safeText(c.name), c.yours.map(safeText), safeText(c.owner))}`);
  if (several.length > SEVERAL_SHOWN) lines.push(`  ${w.namesSeveralMore(several.length - SEVERAL_SHOWN)}`);
  // What the file holds that new input could not, as an import says it.
  if (data.kept) lines.push(w.keptAsTheyWere(data.kept.counts, data.kept.records.map(safeText)));
  return lines;
}

/**
 * The same file under a second name would count one person's lists (or one record's complaints)
 * twice beside yours: the same bytes; for a public record, the same CSV (a public record's hash is
 * of its CSV, zipped or not); for a shared file, the same export (its label, the moment it was
 * made, and what it says), whatever its spacing or line ends. An export is dated to the second:
 * one made again in that second after a change says something else, and is another file.
 */
function refuseSameFile(sources: Sources, data: SourceData, except?: number): void {
  const m = data.meta;
  for (const s of sources.allSources()) {
    if (s.id === except) continue;
    if (s.file_sha256 === m.file_sha256) throw new UserError(t().sources.sameFile(s.name, m.kind === 'cfpb' ? 'csv' : 'bytes'));
    // By a label (two people's unlabelled files of one second are two files), at the same moment however written.
    const sameMoment = m.exported_at !== null && s.exported_at !== null && Date.parse(s.exported_at) === Date.parse(m.exported_at);
    if (m.kind === 'vetted' && s.kind === 'vetted' && m.label && s.label === m.label && sameMoment && sameSharedContent(sources.sharedCompaniesOf(s.id), data.companies)) {
      throw new UserError(t().sources.sameFile(s.name, 'export'));
    }
    // A public record added before this version, zipped, is known by the archive's own hash.
    if (m.archive_sha256 !== undefined && s.file_sha256 === m.archive_sha256) throw new UserError(t().sources.sameFile(s.name, 'csv'));
  }
}

export async function runAdd(ctx: Context, file: string, opts: AddOptions): Promise<CommandResult> {
  const name = checkSourceName(opts.name);
  const kind = checkKind(opts.kind);
  checkFile(file);
  // A name taken is said before the file is read (it may take a while); where there is no
  // database yet, none is taken, and none is made until the file has been read: a file refused
  // left an empty database behind.
  await readingStore(
    ctx,
    (store) => {
      const taken = new Sources(store).findSource(name);
      if (taken) throw new UserError(t().sources.taken(taken.name));
    },
    {},
    true,
  );
  const data = await readSource(ctx, file, kind);
  return writingStore(ctx, (store) => {
    const sources = new Sources(store);
    // Looked at again under the write lock, with the source written: another `source add` run at
    // once may have taken the name, or added the same file, while this one was read.
    const id = store.write(() => {
      const takenNow = sources.findSource(name);
      if (takenNow) throw new UserError(t().sources.taken(takenNow.name));
      refuseSameFile(sources, data);
      return sources.addSource(name, data, formatLocalSecond(ctx.now()));
    });
    return { err: summary('added', name, data, sources, id) };
  });
}

export async function runUpdate(ctx: Context, name: string, file: string): Promise<CommandResult> {
  checkFile(file);
  refuseWhereNone(ctx, () => new UserError(t().sources.unknown(name, [])));
  return withStore(ctx, async (store) => {
    const sources = new Sources(store);
    const source = requireSource(sources, name);
    const data = await readSource(ctx, file, source.kind);
    const listsBefore = store.write(() => {
      if (sources.findSource(name)?.id !== source.id) throw new UserError(t().sources.goneMeanwhile(source.name));
      // Another source of the same bytes: the update would make one file count twice, as an add would.
      refuseSameFile(sources, data, source.id);
      const before = sources.listsOfSource(source.id);
      sources.replaceSource(source.id, data, formatLocalSecond(ctx.now()));
      return before;
    });
    return { err: [...summary('replaced', source.name, data, sources, source.id), ...changedLines(source, data, listsBefore, sources.listsOfSource(source.id))] };
  });
}

/**
 * What a shared file's update changed: how many companies moved to another list, left its lists
 * or came onto them; and, said apart, a file shared before the one it replaces, or by another label.
 */
function changedLines(old: { kind: string; label: string | null; exported_at: string | null }, data: SourceData, before: { company: string; list: { list: string } }[], after: { company: string; list: { list: string } }[]): string[] {
  if (data.meta.kind !== 'vetted') return [];
  const w = t().sources;
  const was = new Map(before.map((e) => [companyKey(e.company), e.list.list]));
  const now = new Map(after.map((e) => [companyKey(e.company), { name: e.company, list: e.list.list }]));
  const moved = [...now.entries()].filter(([k, e]) => was.has(k) && was.get(k) !== e.list).map(([k, e]) => ({ company: e.name, from: was.get(k) as ListName, to: e.list as ListName }));
  const left = [...was.keys()].filter((k) => !now.has(k)).length;
  const came = [...now.keys()].filter((k) => !was.has(k)).length;
  const lines = [`  ${w.listsChanged(moved.length, left, came)}`];
  // Which companies moved, and from what list to what: a company taken off a black list is what a reader looks for.
  moved.sort((a, b) => a.company.localeCompare(b.company));
  for (const m of moved.slice(0, MOVES_NAMED)) lines.push(`    ${w.movedList(safeText(m.company), m.from, m.to)}`);
  if (moved.length > MOVES_NAMED) lines.push(`    ${w.movedMore(moved.length - MOVES_NAMED)}`);
  const m = data.meta;
  if (m.exported_at && old.exported_at && Date.parse(m.exported_at) < Date.parse(old.exported_at)) lines.push(`  ${w.sharedBefore(m.exported_at, old.exported_at)}`);
  if (old.kind === 'vetted' && (m.label ?? null) !== (old.label ?? null)) lines.push(`  ${w.labelChanged(safeText(m.label ?? ''), safeText(old.label ?? ''))}`);
  return lines;
}

/** The most companies an update names as moved to another list; the rest are counted. */
const MOVES_NAMED = 10;

export async function runRemove(ctx: Context, name: string): Promise<CommandResult> {
  refuseWhereNone(ctx, () => new UserError(t().sources.unknown(name, [])));
  return withStore(ctx, (store) => {
    const sources = new Sources(store);
    const source = requireSource(sources, name);
    sources.removeSource(source.id);
    return { err: t().sources.removed(source.name) };
  });
}

/** Where a source came from, as its JSON says it. */
function provenanceJson(s: SourceRow) {
  return {
    name: s.name,
    kind: s.kind,
    label: s.label,
    file: s.file,
    file_sha256: s.file_sha256,
    exported_at: s.exported_at,
    added_at: s.added_at,
    updated_at: s.updated_at,
    rows_read: s.rows_read,
    rows_skipped: s.rows_skipped,
    skipped: s.skipped,
    date_from: s.date_from,
    date_to: s.date_to,
  };
}

export async function runList(ctx: Context, opts: JsonOutOptions): Promise<CommandResult> {
  return readingStore(ctx, (store) => {
    const all = new Sources(store).allSources();
    if (opts.json || opts.ndjson) {
      return {
        out: jsonList(
          all.map((s) => ({
            ...provenanceJson(s),
            companies: s.companies,
            known: s.known,
            listed: s.listed,
          })),
          opts,
        ),
      };
    }
    if (!all.length) return { out: `${t().sources.none}\n` };
    return { out: renderSourceList(all, paint(colourWanted(ctx.out, { noColor: ctx.noColor }, ctx.env))) };
  });
}

export async function runShow(ctx: Context, name: string, opts: { json?: boolean; all?: boolean }): Promise<CommandResult> {
  return readingStore(ctx, (store) => {
    const sources = new Sources(store);
    const s = requireSource(sources, name);
    const companies = sources.companiesOfSource(s.id);
    if (opts.json) {
      return {
        out: toJson({
          ...provenanceJson(s),
          companies: companies.map((c) => ({
            name: c.name,
            aliases: c.aliases,
            yours: c.known,
            ...(s.kind === 'cfpb' ? { complaints: c.complaints } : { list: c.list?.list ?? null, since: c.list?.since ?? null }),
          })),
        }),
      };
    }
    const w = t().sources;
    const p = paint(colourWanted(ctx.out, { noColor: ctx.noColor }, ctx.env));
    const label = s.kind === 'cfpb' ? w.cfpbLabel : s.label;
    const lines = [p.bold(safeText(s.name)) + p.dim(` (${s.kind}${label ? `: ${safeText(label)}` : ''})`)];
    lines.push(w.file(safeText(s.file), s.file_sha256.slice(0, 16)));
    lines.push(w.dates(s.added_at, s.updated_at, s.exported_at));
    if (s.kind === 'cfpb') {
      lines.push(w.rowsLine(s.rows_read, s.rows_skipped, s.date_from, s.date_to));
      lines.push(...skippedLines(s.skipped).map(safeText));
    }
    const known = companies.filter((c) => c.known);
    const unknown = companies.filter((c) => !c.known);
    const row = (c: (typeof companies)[number]) =>
      s.kind === 'cfpb'
        ? [c.name, c.known ?? '', t().fmt.number(c.complaints)]
        : [c.name, c.known ?? '', c.list ? t().words.list[c.list.list] : '', c.list?.since ? w.day(c.list.since) : ''];
    const [theirs, yours, third, fourth] = s.kind === 'cfpb' ? w.cfpbHeaders : w.vettedHeaders;
    const columns =
      s.kind === 'cfpb'
        ? [{ header: theirs, max: 50 }, { header: yours, max: 30 }, { header: third, align: 'right' as const }]
        : [{ header: theirs, max: 40 }, { header: yours, max: 30 }, { header: third }, { header: fourth }];
    lines.push('', p.bold(w.known(known.length)));
    lines.push(known.length ? renderTable(columns, known.map(row), p.bold).trimEnd() : p.dim(w.noneKnown));
    const limit = opts.all ? unknown.length : 50;
    lines.push('', p.bold(w.unknownCompanies(unknown.length)));
    if (unknown.length) lines.push(renderTable(columns, unknown.slice(0, limit).map(row), p.bold).trimEnd());
    if (unknown.length > limit) lines.push(p.dim(w.more(unknown.length - limit)));
    return { out: `${lines.join('\n')}\n` };
  });
}

/** The user's companies to match: one, or every one. */
function companiesToMatch(store: Store, company: string | undefined) {
  if (company === undefined) return store.listCompanies().map((c) => ({ name: c.name, names: [c.name, ...c.aliases] }));
  const found = store.findCompany(company);
  if (!found) throw new UserError(t().sources.noCompany(company));
  return [{ name: found.name, names: [found.name, ...store.aliasesOf(found.id)] }];
}

export async function runMatch(ctx: Context, name: string, company: string | undefined, opts: JsonOutOptions): Promise<CommandResult> {
  return readingStore(ctx, (store) => {
    const sources = new Sources(store);
    const s = requireSource(sources, name);
    const candidates = sources.namesOfSource(s.id);
    const index = indexNames(candidates);
    const results = companiesToMatch(store, company).map((c) => ({ company: c.name, suggestions: suggestNames(c.names, candidates, index) }));
    const complaints = new Map(candidates.map((c) => [c.id, c.complaints]));
    if (opts.json || opts.ndjson) {
      return { out: jsonList(results.map((r) => ({ company: r.company, suggestions: r.suggestions.map((x) => ({ name: x.name, score: Math.round(x.score * 100) / 100, linked: x.linked, complaints: complaints.get(x.id) ?? 0 })) })), opts) };
    }
    const w = t().sources;
    const p = paint(colourWanted(ctx.out, { noColor: ctx.noColor }, ctx.env));
    const lines: string[] = [];
    for (const r of results) {
      if (!r.suggestions.length && company === undefined) continue;
      lines.push(p.bold(safeText(r.company)));
      if (!r.suggestions.length) lines.push(p.dim(w.nothingLike(safeText(s.name))));
      for (const x of r.suggestions) {
        const count = s.kind === 'cfpb' ? p.dim(w.complaints(complaints.get(x.id) ?? 0)) : '';
        if (x.linked) lines.push(`  ${safeText(x.name)}${count} ${p.green(w.linked)}`);
        else lines.push(`  ${safeText(x.name)}${count} ${p.dim(w.alike(Math.round(x.score * 100)))}\n${w.linkIt(`vetted company alias ${safeText(shellArg(r.company))} ${safeText(shellArg(x.name))}`)}`);
      }
    }
    if (!lines.length) return { out: `${w.noneAlike(safeText(s.name))}\n` };
    return { out: `${lines.join('\n')}\n` };
  });
}
