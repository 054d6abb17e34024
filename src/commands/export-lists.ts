// The lists as markdown to publish, or as CSV.

import type { Context } from '../context.js';
import type { Store } from '../store/store.js';
import { LISTS, type ListName } from '../domain/types.js';
import type { Policy } from '../domain/policy.js';
import { formatLocalDate } from '../domain/dates.js';
import { judgeListed, listEntry, listEntryTexts, markdownRows, policyOf, type ListEntry } from './verdicts.js';
import { markdownRowsOf, renderCsvLists, renderMarkdownLists, type MarkdownCompany } from '../formats/markdown.js';
import { describeEvent } from '../ui/render-incident.js';
import { paint } from '../ui/colour.js';
import { t } from '../i18n/index.js';

function emptyLists(): Record<ListName, MarkdownCompany[]> {
  return Object.fromEntries(LISTS.map((l) => [l, [] as MarkdownCompany[]])) as Record<ListName, MarkdownCompany[]>;
}

/** The listed companies: from the cached rows for a plain table (which are redacted), with verdicts and timelines for --detail. */
function listedCompanies(store: Store, policy: Policy, now: number, detail: boolean, keep: boolean, lang: string): Record<ListName, MarkdownCompany[]> {
  const lists = emptyLists();
  if (!detail && !keep) {
    const rows = markdownRows(store, policy, now, lang, markdownRowsOf);
    if (rows) {
      for (const r of rows) lists[r.list].push({ row: r.row });
      return lists;
    }
  }
  const judged = judgeListed(store, policy, now);
  const incidents = detail ? groupIncidents(store) : new Map();
  for (const l of LISTS) {
    lists[l] = judged[l].map((j) => ({ entry: listEntry(j.verdict), verdict: j.verdict, incidents: incidents.get(j.companyId) ?? [] }));
  }
  return lists;
}

/** `keep`: user text as typed (--no-redact), where a page to publish otherwise redacts what identifies a person. */
export async function exportLists(ctx: Context, store: Store, format: 'md' | 'csv', detail: boolean, keep: boolean): Promise<string> {
  const now = ctx.now();
  const policy = await policyOf(ctx);
  if (format === 'csv') {
    const texts = listEntryTexts(store, policy, now);
    const lists = Object.fromEntries(LISTS.map((l) => [l, texts[l].map((t) => ({ entry: JSON.parse(t) as ListEntry }))])) as Record<ListName, { entry: ListEntry }[]>;
    return renderCsvLists(lists, keep);
  }
  const lists = listedCompanies(store, policy, now, detail, keep, t().lang);
  const plain = paint(false);
  return renderMarkdownLists({
    date: formatLocalDate(now),
    lists,
    detail,
    keep,
    policy,
    // A published page never goes stale: dates of promises are absolute, never "in 31 hours".
    describeEvent: (e, i) => describeEvent(e, i, now, plain, { absolute: true }),
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
