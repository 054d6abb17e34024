// `vetted lists [black|white|watch]` and `vetted why <company>`.

import { toJson, inertJson } from '../ui/safe.js';
import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { LISTS, type ListName } from '../domain/types.js';
import { requireCompany, withStore } from './shared.js';
import { entryJson, jsonCatalogs, listEntry, listEntryTexts, policyOf, reasonJson, type ListEntry } from './verdicts.js';
import { judgeCompany } from '../domain/policy.js';
import { t } from '../i18n/index.js';
import { vocabularyId } from '../i18n/vocabulary.js';
import { UserError } from '../errors.js';

export async function runLists(ctx: Context, which: string | undefined, opts: { json?: boolean }): Promise<CommandResult> {
  let list: ListName | undefined;
  if (which !== undefined) {
    list = await vocabularyId('list', LISTS, which);
    if (!list) throw new UserError(t().lists.noSuchList(which));
  }
  const policy = await policyOf(ctx);
  return withStore(ctx, async (store) => {
    const texts = listEntryTexts(store, policy, ctx.now(), list);
    const shown = (list ? [list] : LISTS) as ListName[];
    if (opts.json) {
      // One company a line, its reasons in the words of both languages that JSON carries.
      const catalogs = await jsonCatalogs();
      const line = (text: string) => inertJson(entryJson(JSON.parse(text) as ListEntry, catalogs));
      const body = shown.map((l) => `"${l}": [${texts[l].length ? `\n${texts[l].map(line).join(',\n')}\n` : ''}]`).join(',\n');
      return { out: `{\n${body}\n}` };
    }
    const total = shown.reduce((n, l) => n + texts[l].length, 0);
    if (!total && !list) return { out: `${t().lists.empty}\n` };
    const [{ renderLists }, { colourWanted, paint }] = await Promise.all([import('../ui/render-lists.js'), import('../ui/colour.js')]);
    const p = paint(colourWanted(ctx.out, { noColor: ctx.noColor }, ctx.env));
    const groups = Object.fromEntries(shown.map((l) => [l, texts[l].map((x) => JSON.parse(x) as ListEntry)]));
    return { out: renderLists(groups, p) };
  });
}

export async function runWhy(ctx: Context, name: string, opts: { json?: boolean }): Promise<CommandResult> {
  const policy = await policyOf(ctx);
  return withStore(ctx, async (store) => {
    const company = requireCompany(store, name);
    const evidence = store.evidenceOf(company);
    const v = judgeCompany(evidence, policy, ctx.now());
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
        }),
      };
    }
    const [{ renderWhy }, { colourWanted, paint }] = await Promise.all([import('../ui/render-lists.js'), import('../ui/colour.js')]);
    return { out: renderWhy(v, paint(colourWanted(ctx.out, { noColor: ctx.noColor }, ctx.env)), evidence, ctx.now(), policy) };
  });
}
