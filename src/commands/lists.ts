// `vetted lists [black|white|watch]` and `vetted why <company>`.

import { toJson, writePieces } from '../ui/safe.js';
import { listsJsonPieces, listsJsonTextPieces } from '../ui/json-out.js';
import { fitLines, terminalWidth } from '../ui/wrap.js';
import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { LISTS, type ListName } from '../domain/types.js';
import { readingStore } from './shared.js';
import { entryJson, entryJsonTextsAsRead, entryTextsAsRead, jsonCatalogs, listEntry, listedAsRead, policyOf, reasonJson, type ListEntry } from './verdicts.js';
import { judgeCompany } from '../domain/policy.js';
import { t } from '../i18n/index.js';
import { vocabularyId } from '../i18n/vocabulary.js';
import { UserError } from '../errors.js';
import { slipOf } from '../domain/names.js';

export async function runLists(ctx: Context, which: string | undefined, opts: { json?: boolean; ndjson?: boolean; sources?: boolean; from?: string }): Promise<CommandResult> {
  let list: ListName | undefined;
  if (which !== undefined) {
    list = await vocabularyId('list', LISTS, which);
    if (!list) {
      // A list's id or its word in the language in use, a letter or two from what was typed.
      const names = [...new Set([...LISTS, ...LISTS.map((l) => t().words.list[l])])];
      throw new UserError(t().lists.noSuchList(which, slipOf(which, names)));
    }
  }
  if (opts.from !== undefined && opts.sources) throw new UserError(t().lists.fromOrSources);
  const policy = await policyOf(ctx);
  return readingStore(ctx, async (store) => {
    const shown = (list ? [list] : LISTS) as ListName[];
    if (opts.from !== undefined || opts.sources) {
      const { listsWithSources } = await import('./lists-sources.js');
      return listsWithSources(ctx, store, policy, shown, opts);
    }
    if (opts.json && !opts.ndjson) {
      // The reasons in the words of both languages that JSON carries, made as each company is
      // judged and kept beside its entry.
      const texts = entryJsonTextsAsRead(store, policy, ctx.now(), await jsonCatalogs(), list);
      await writePieces(ctx.out, listsJsonTextPieces(shown, texts));
      return {};
    }
    if (opts.ndjson) {
      const texts = entryTextsAsRead(store, policy, ctx.now(), list);
      // The reasons in the words of both languages that JSON carries.
      const catalogs = await jsonCatalogs();
      const entry = (text: string) => entryJson(JSON.parse(text) as ListEntry, catalogs);
      // Written an entry at a time as it is read: ten thousand entries are never one value or one text.
      function* entries(l: ListName): Generator<ReturnType<typeof entry>> {
        for (const text of texts(l)) yield entry(text);
      }
      await writePieces(ctx.out, listsJsonPieces(shown, entries, opts));
      return {};
    }
    const listed = listedAsRead(store, policy, ctx.now(), list);
    const names = Object.fromEntries(shown.map((l) => [l, listed.names(l)])) as Record<ListName, string[]>;
    const total = shown.reduce((n, l) => n + names[l].length, 0);
    if (!total && !list) return { out: `${t().lists.empty}\n` };
    const [{ nameColumn, renderListPieces }, { colourWanted, paint }] = await Promise.all([import('../ui/render-lists.js'), import('../ui/colour.js')]);
    const p = paint(colourWanted(ctx.out, { noColor: ctx.noColor }, ctx.env));
    // Written as the entries are read: a long listing is never held whole, as entries or as text.
    function* parsed(l: ListName): Generator<ListEntry> {
      for (const text of listed.entries(l)) yield JSON.parse(text) as ListEntry;
    }
    const sections = shown.map((l) => ({ list: l, count: names[l].length, width: nameColumn(names[l]), entries: parsed(l) }));
    await writePieces(ctx.out, renderListPieces(sections, p, terminalWidth(ctx.out)));
    return {};
  });
}

export async function runWhy(ctx: Context, name: string, opts: { json?: boolean }): Promise<CommandResult> {
  const policy = await policyOf(ctx);
  return readingStore(ctx, async (store) => {
    const { requireCompanyOrSources } = await import('./shared-sources.js');
    const company = requireCompanyOrSources(store, name);
    const evidence = store.evidenceOf(company);
    const v = judgeCompany(evidence, policy, ctx.now());
    const [{ othersOn }, render] = await Promise.all([import('./shared-sources.js'), import('../ui/render-sources.js')]);
    const others = await othersOn(ctx, store, company, policy);
    if (opts.json) {
      const c = await jsonCatalogs();
      return {
        out: toJson({
          ...entryJson(listEntry(v), c),
          list: v.list,
          decided_by: v.decided_by ? reasonJson(v.decided_by, c) : null,
          findings: v.findings.map((f) => ({ ...reasonJson(f, c), side: f.side, facts: f.facts })),
          set_aside: v.set_aside.map((f) => ({ ...reasonJson(f, c), side: f.side, facts: f.facts })),
          would_change: v.would_change.map((x) => c.en.change(x)),
          would_change_ru: v.would_change.map((x) => c.ru.change(x)),
          ...(others.length ? { others: render.othersJson(others) } : {}),
        }),
      };
    }
    const [{ renderWhy }, { colourWanted, paint }] = await Promise.all([import('../ui/render-lists.js'), import('../ui/colour.js')]);
    const p = paint(colourWanted(ctx.out, { noColor: ctx.noColor }, ctx.env));
    const text = fitLines(renderWhy(v, p, evidence, ctx.now(), policy), terminalWidth(ctx.out));
    const beside = render.renderOthersSay(others, p);
    return { out: beside.length ? `${text}\n${fitLines(beside.join('\n'), terminalWidth(ctx.out))}\n` : text };
  });
}
