// `vetted export --format json --share`: a vetted/1 file meant for others. It carries the
// lists and their reasons; with --with-evidence, the checks and incidents too, their text
// redacted (e-mail addresses, phone, card and account numbers, links with a query string).

import type { Context } from '../context.js';
import type { Store } from '../store/store.js';
import { LISTS } from '../domain/types.js';
import { LIMITS, buildDataFile, longerThan, FORMAT, type DataFile, type ListsEntry } from '../formats/data-file.js';
import { publishedRef, redactText } from '../domain/redact.js';
import { jsonCatalogs, listEntryTexts, policyOf, reasonJson, type ListEntry } from './verdicts.js';
import { toJson } from '../ui/safe.js';
import { SHARED_LIMITS, scanJson } from '../formats/data-text.js';
import { UserError } from '../errors.js';
import { t } from '../i18n/index.js';

export interface ShareOptions {
  source?: string;
  withEvidence?: boolean;
  /** false with --no-redact. */
  redact?: boolean;
}

/** A shared file's text, and how many companies were left out of it (see exportShare). */
export interface Shared {
  text: string;
  leftOut: number;
}

export async function exportShare(ctx: Context, store: Store, exportedAt: string, opts: ShareOptions): Promise<Shared> {
  const policy = await policyOf(ctx);
  const texts = listEntryTexts(store, policy, ctx.now());
  const clean = opts.redact === false ? (s: string) => s : redactText;
  // A record's id that begins with a number or an address (a company's name as it was when the
  // record was made) is shared redacted, the same throughout the file (see publishedRef).
  const id = opts.redact === false ? (s: string) => s : (s: string) => publishedRef(s);
  // A company named by an e-mail address or a number (a sender's, a caller's) is left out whole,
  // its entry and its records: a published page shows its name redacted, and a shared file is
  // read by name, where two redacted would be one. (An alias so named is left out alone, below.)
  const leftOut = new Set<string>();
  const shared = (company: string) => {
    if (clean(company) === company) return true;
    leftOut.add(company);
    return false;
  };
  // A pin's reason is shared in the pinner's own words, not as "pinned by you".
  const pins = new Map(store.allPins().map((p) => [p.company, p.reason]));
  const catalogs = await jsonCatalogs();
  const lists: ListsEntry[] = [];
  for (const l of LISTS) {
    for (const t of texts[l]) {
      const e = JSON.parse(t) as ListEntry;
      if (!shared(e.company)) continue;
      lists.push({
        company: e.company,
        list: l,
        ...(e.since ? { since: e.since } : {}),
        pinned: e.pinned,
        reasons: e.reasons.map((r) => {
          const said = reasonJson(r, catalogs);
          return {
            rule: r.rule,
            text: within(clean(r.rule === 'pin' ? pins.get(e.company) ?? said.text : said.text)),
            ...(r.rule !== 'pin' ? { text_ru: within(clean(said.text_ru)) } : {}),
            ...(r.date ? { date: r.date } : {}),
            evidence: r.evidence.map(id),
          };
        }),
      });
    }
  }
  lists.sort((a, b) => (a.company < b.company ? -1 : a.company > b.company ? 1 : 0));
  let checks: DataFile['checks'] = [];
  let incidents: DataFile['incidents'] = [];
  if (opts.withEvidence) {
    const full = buildDataFile({ companies: [], checks: store.allChecks(), incidents: store.allIncidents(), pins: [] }, exportedAt);
    checks = (full.checks ?? []).filter((k) => shared(k.company)).map((k) => ({
      ...k,
      ...(k.id !== undefined ? { id: id(k.id) } : {}),
      ...(k.notes ? { notes: Object.fromEntries(Object.entries(k.notes).map(([q, n]) => [q, within(clean(n))])) } : {}),
    }));
    incidents = (full.incidents ?? []).filter((i) => shared(i.company)).map((i) => ({
      ...i,
      ...(i.id !== undefined ? { id: id(i.id) } : {}),
      title: within(clean(i.title), LIMITS.title),
      events: (i.events ?? []).map((e) => ({ ...e, ...(e.id !== undefined ? { id: id(e.id) } : {}), ...(e.note ? { note: within(clean(e.note)) } : {}), ...(e.text ? { text: within(clean(e.text)) } : {}) })),
    }));
  }
  const named = new Set([...lists.map((e) => e.company), ...checks.map((k) => k.company), ...incidents.map((i) => i.company)]);
  // An alias that holds an address or a number (one given to match a sender, say) is not shared:
  // redacted, it would name nothing.
  const companies = store
    .listCompanies()
    .filter((c) => named.has(c.name))
    .map((c) => {
      const aliases = c.aliases.filter((a) => clean(a) === a);
      return { name: c.name, ...(aliases.length ? { aliases } : {}) };
    });
  const label = opts.source?.trim();
  const doc: DataFile = {
    format: FORMAT,
    exported_at: exportedAt,
    ...(label ? { source: label } : {}),
    companies,
    lists,
    ...(opts.withEvidence ? { checks, incidents } : {}),
  };
  const text = `${toJson(doc)}\n`;
  // What the person it is made for cannot add as a source is not written: refused in a sentence.
  try {
    scanJson(text, 'the shared file', SHARED_LIMITS);
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    throw new UserError(t().data.shareTooBig(SHARED_LIMITS.containers, SHARED_LIMITS.values, !!opts.withEvidence));
  }
  return { text, leftOut: leftOut.size };
}

/**
 * A text as long as a data file's may be (a reader refuses one longer): a reason made of a long
 * refusal or of a hundred promises' words ran past it, and the file written was refused by the
 * `source add` of the person it was made for (a redacted text may be a little longer than its
 * original too). Cut at a character, with an ellipsis.
 */
function within(text: string, max: number = LIMITS.text): string {
  if (!longerThan(text, max)) return text;
  return `${Array.from(text).slice(0, max - 1).join('')}…`;
}
