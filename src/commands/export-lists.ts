// The lists as markdown to publish, or as CSV.

import type { Context } from '../context.js';
import type { Store } from '../store/store.js';
import { LISTS, type ListName } from '../domain/types.js';
import { formatLocalDate } from '../domain/dates.js';
import { judgeAll, policyOf } from './verdicts.js';
import { renderCsvLists, renderMarkdownLists, type MarkdownCompany } from '../formats/markdown.js';
import { describeEvent } from '../ui/render-incident.js';
import { paint } from '../ui/colour.js';

export function exportLists(ctx: Context, store: Store, format: 'md' | 'csv', detail: boolean): string {
  const now = ctx.now();
  const judged = judgeAll(store, policyOf(ctx), now);
  const lists = Object.fromEntries(LISTS.map((l) => [l, [] as MarkdownCompany[]])) as Record<ListName, MarkdownCompany[]>;
  const byCompany = detail ? groupIncidents(store) : new Map();
  for (const j of judged) {
    if (j.verdict.list === 'unlisted') continue;
    lists[j.verdict.list].push({ verdict: j.verdict, incidents: byCompany.get(j.company.id) ?? [] });
  }
  if (format === 'csv') return renderCsvLists(lists);
  const plain = paint(false);
  return renderMarkdownLists({
    date: formatLocalDate(now),
    lists,
    detail,
    lang: ctx.lang,
    describeEvent: (e, i) => describeEvent(e, i, now, plain),
  });
}

function groupIncidents(store: Store) {
  const out = new Map<number, ReturnType<Store['allIncidents']>>();
  for (const i of store.allIncidents()) {
    const list = out.get(i.companyId) ?? [];
    list.push(i);
    out.set(i.companyId, list);
  }
  return out;
}
