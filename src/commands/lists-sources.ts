// `vetted lists --sources` (your lists, with how your sources list each company) and
// `vetted lists --from NAME` (one source's lists, as it gave them).

import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import type { Store } from '../store/store.js';
import type { Policy } from '../domain/policy.js';
import { LISTS, type ListName } from '../domain/types.js';
import { UserError } from '../errors.js';
import { Sources } from '../store/sources.js';
import { entryJson, jsonCatalogs, listEntryRows, parsedEntries, type EntryRow, type ListEntry } from './verdicts.js';
import { t } from '../i18n/index.js';
import { safeText, writePieces } from '../ui/safe.js';
import { listsJsonPieces } from '../ui/json-out.js';
import { colourWanted, paint } from '../ui/colour.js';
import { fitLines, terminalWidth } from '../ui/wrap.js';
import { nameColumn, renderListPieces, renderLists } from '../ui/render-lists.js';

/** `2 black · 1 white`: how many sources put a company on each list. */
export function sourceCountText(counts: Record<string, number> | undefined): string {
  if (!counts) return '';
  return LISTS.filter((l) => counts[l]).map((l) => t().sources.countOn(counts[l], l)).join(' · ');
}

export async function listsWithSources(ctx: Context, store: Store, policy: Policy, shown: ListName[], opts: { json?: boolean; ndjson?: boolean; from?: string }): Promise<CommandResult> {
  const sources = new Sources(store);
  const p = paint(colourWanted(ctx.out, { noColor: ctx.noColor }, ctx.env));
  const groups = Object.fromEntries(LISTS.map((l) => [l, [] as ListEntry[]])) as Record<ListName, ListEntry[]>;
  if (opts.from !== undefined) {
    const source = sources.findSource(opts.from);
    if (!source) throw new UserError(t().sources.noSource(opts.from));
    // A public complaint record says how many complained, of what; it puts no one on a list.
    if (source.kind === 'cfpb') throw new UserError(t().sources.recordHasNoLists(source.name));
    for (const { company, list } of sources.listsOfSource(source.id)) {
      groups[list.list].push({
        company,
        since: list.since,
        pinned: list.pinned,
        // A source's reasons as it gave them: its rules and words, not this policy's.
        reasons: list.reasons.map((r) => ({ rule: r.rule, text: r.text, ...(r.text_ru ? { text_ru: r.text_ru } : {}), ...(r.date ? { date: r.date } : {}), evidence: r.evidence })) as unknown as ListEntry['reasons'],
      });
    }
    if (opts.json || opts.ndjson) {
      await writePieces(ctx.out, listsJsonPieces(shown, (l) => groups[l], opts));
      return {};
    }
    // Its name, label and date are the file's words: shown, never obeyed by a terminal.
    const head = p.dim(fitLines(safeText(t().sources.listsOf(source.name, source.label, source.exported_at)), terminalWidth(ctx.out)));
    return { out: `${head}\n\n${renderLists(Object.fromEntries(shown.map((l) => [l, groups[l]])), p, terminalWidth(ctx.out))}` };
  }
  const rows = listEntryRows(store, policy, ctx.now());
  const counts = sources.sourceListCounts();
  type Counted = ListEntry & { sources: Record<string, number> };
  const counted = (e: ListEntry, row: EntryRow): Counted => ({ ...e, sources: counts.get(row.companyId) ?? {} });
  if (opts.json || opts.ndjson) {
    const catalogs = await jsonCatalogs();
    const said = Object.fromEntries(LISTS.map((l) => [l, [...parsedEntries(rows[l], counted)].map((e) => ({ ...entryJson(e, catalogs), sources: e.sources }))])) as Record<ListName, unknown[]>;
    await writePieces(ctx.out, listsJsonPieces(shown, (l) => said[l] as object[], opts));
    return {};
  }
  const extra = (e: Counted) => {
    const text = sourceCountText(e.sources);
    return text ? t().sources.sourcesSay(text) : '';
  };
  // Written as the entries are read: ten thousand companies are never held whole.
  const sections = shown.map((l) => ({ list: l, count: rows[l].length, width: nameColumn(rows[l].map((r) => r.name)), entries: parsedEntries(rows[l], counted) }));
  await writePieces(ctx.out, renderListPieces(sections, p, terminalWidth(ctx.out), extra));
  return {};
}
