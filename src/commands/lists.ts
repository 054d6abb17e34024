// `vetted lists [black|white|watch]` and `vetted why <company>`.

import { toJson } from '../ui/safe.js';
import { fitLines, terminalWidth } from '../ui/wrap.js';
import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { UserError } from '../errors.js';
import { LISTS, type ListName } from '../domain/types.js';
import { requireCompany, withStore } from './shared.js';
import { listEntry, listEntryTexts, policyOf, type ListEntry } from './verdicts.js';
import { judgeCompany } from '../domain/policy.js';

export async function runLists(ctx: Context, which: string | undefined, opts: { json?: boolean; ndjson?: boolean; sources?: boolean; from?: string }): Promise<CommandResult> {
  if (which !== undefined && !(LISTS as readonly string[]).includes(which)) {
    throw new UserError(`there is no "${which}" list; the lists are black, white and watch.`);
  }
  if (opts.from !== undefined && opts.sources) throw new UserError('--from shows one source\'s lists as they are and --sources adds every source to yours; give one of them.');
  const policy = await policyOf(ctx);
  return withStore(ctx, async (store) => {
    const shown = (which ? [which] : LISTS) as ListName[];
    if (opts.from !== undefined || opts.sources) {
      const { listsWithSources } = await import('./lists-sources.js');
      return listsWithSources(ctx, store, policy, shown, opts);
    }
    const texts = listEntryTexts(store, policy, ctx.now(), which as ListName | undefined);
    if (opts.ndjson) {
      // The cached entries are compact JSON objects already: each gets its list in front.
      return { out: shown.flatMap((l) => texts[l].map((t) => `{"list":"${l}",${t.slice(1)}`)).join('\n') };
    }
    if (opts.json) return { out: toJson(Object.fromEntries(shown.map((l) => [l, texts[l].map((t) => JSON.parse(t) as unknown)]))) };
    const total = shown.reduce((n, l) => n + texts[l].length, 0);
    if (!total && !which) return { out: 'No company is on a list yet: vet one with `vetted check`, log an incident, or `vetted import` a data file.\n' };
    const [{ renderLists }, { colourWanted, paint }] = await Promise.all([import('../ui/render-lists.js'), import('../ui/colour.js')]);
    const p = paint(colourWanted(ctx.out, { noColor: ctx.noColor }, ctx.env));
    const groups = Object.fromEntries(shown.map((l) => [l, texts[l].map((t) => JSON.parse(t) as ListEntry)]));
    return { out: renderLists(groups, p, ctx.lang, terminalWidth(ctx.out)) };
  });
}

export async function runWhy(ctx: Context, name: string, opts: { json?: boolean }): Promise<CommandResult> {
  const policy = await policyOf(ctx);
  return withStore(ctx, async (store) => {
    const company = requireCompany(store, name);
    const evidence = store.evidenceOf(company);
    const v = judgeCompany(evidence, policy, ctx.now());
    const [{ othersOn }, render] = await Promise.all([import('./shared-sources.js'), import('../ui/render-sources.js')]);
    const others = await othersOn(ctx, store, company, policy);
    if (opts.json) {
      return {
        out: toJson(
          { ...listEntry(v), list: v.list, decided_by: v.decided_by, findings: v.findings, set_aside: v.set_aside, would_change: v.would_change, ...(others.length ? { others: render.othersJson(others) } : {}) },
        ),
      };
    }
    const [{ renderWhy }, { colourWanted, paint }] = await Promise.all([import('../ui/render-lists.js'), import('../ui/colour.js')]);
    const p = paint(colourWanted(ctx.out, { noColor: ctx.noColor }, ctx.env));
    const text = fitLines(renderWhy(v, p, ctx.lang, evidence, ctx.now(), policy), terminalWidth(ctx.out));
    const beside = render.renderOthersSay(others, p);
    return { out: beside.length ? `${text}\n${beside.join('\n')}\n` : text };
  });
}
