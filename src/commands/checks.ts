// `vetted checks list|show|remove`: the pre-purchase checks run so far, by their stable ids.

import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { UserError } from '../errors.js';
import { safeText, toJson } from '../ui/safe.js';
import { renderTable } from '../ui/table.js';
import { terminalWidth } from '../ui/wrap.js';
import { jsonList, type JsonOutOptions } from '../ui/json-out.js';
import { colourWanted, paint } from '../ui/colour.js';
import { datePart } from '../domain/dates.js';
import { opSummary } from '../domain/op-summary.js';
import { t } from '../i18n/index.js';
import { closestNames } from '../domain/names.js';
import { requireCompany, readingStore, writingStore } from './shared.js';
import type { Store, StoredCheck } from '../store/store.js';

function checkJson(c: StoredCheck) {
  return {
    id: c.id,
    company: c.company,
    checklist: c.checklist,
    checklist_version: c.checklist_version,
    at: c.at,
    score: c.score,
    verdict: c.verdict,
    dealbreakers: c.dealbreakers,
    answers: c.answers,
  };
}

function requireCheck(store: Store, id: string): StoredCheck {
  const found = store.findCheckById(id);
  if (found) return found;
  const close = closestNames(id.trim().toLowerCase(), store.allCheckRefs(), 3, 3);
  throw new UserError(t().checks.noCheck(id, close));
}

export async function runList(ctx: Context, opts: { company?: string } & JsonOutOptions): Promise<CommandResult> {
  return readingStore(ctx, (store) => {
    const checks = opts.company !== undefined ? store.checksOf(requireCompany(store, opts.company).id) : store.allChecks();
    if (opts.json || opts.ndjson) return { out: jsonList(checks.map(checkJson), opts) };
    const w = t();
    if (!checks.length) return { out: `${opts.company !== undefined ? w.checks.noneOf : w.checks.none}\n` };
    const p = paint(colourWanted(ctx.out, { noColor: ctx.noColor }, ctx.env));
    const [id, company, date, checklist, score, verdict] = w.checks.headers;
    return {
      out: renderTable(
        [{ header: id }, { header: company, max: 40 }, { header: date }, { header: checklist }, { header: score, align: 'right' }, { header: verdict }],
        checks.map((c) => [c.id, c.company, w.fmt.date(c.at), `${c.checklist} v${c.checklist_version}`, w.fmt.number(c.score), w.words.checkVerdict[c.verdict]]),
        p.bold,
      ),
    };
  });
}

export async function runShow(ctx: Context, id: string, opts: { json?: boolean }): Promise<CommandResult> {
  return readingStore(ctx, (store) => {
    const c = requireCheck(store, id);
    if (opts.json) return { out: toJson(checkJson(c)) };
    const p = paint(colourWanted(ctx.out, { noColor: ctx.noColor }, ctx.env));
    const w = t();
    const [question, answer, score, evidence] = w.checks.answerHeaders;
    const lines = [
      p.bold(w.checks.title(safeText(c.company), c.id)),
      w.checks.line(`${c.checklist} v${c.checklist_version}`, c.at, c.score, c.verdict, c.dealbreakers),
      '',
      // The evidence whole, as `show` promises: on a terminal wrapped under its column, in a
      // pipe on one line. (Cut at 60 characters, the rest of a note could be read nowhere but in JSON.)
      renderTable(
        [{ header: question }, { header: answer }, { header: score, align: 'right' }, { header: evidence, wrap: true }],
        c.answers.map((a) => [a.question, a.answer, a.score === null ? '—' : w.fmt.number(a.score), a.note ?? '']),
        p.bold,
        terminalWidth(ctx.out),
      ).trimEnd(),
    ];
    return { out: `${lines.join('\n')}\n` };
  });
}

export async function runRemove(ctx: Context, id: string): Promise<CommandResult> {
  return writingStore(ctx, (store) => {
    const c = requireCheck(store, id);
    store.write(() => store.removeCheck(c.id), { summary: opSummary({ k: 'check-remove', id: c.id, company: c.company, checklist: c.checklist, date: datePart(c.at) }) });
    return { err: t().checks.removed(c.id, c.company) };
  });
}
