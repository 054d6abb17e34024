// `vetted checks list|show|remove`: the pre-purchase checks run so far, by their stable ids.

import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { UserError } from '../errors.js';
import { safeText, toJson } from '../ui/safe.js';
import { renderTable } from '../ui/table.js';
import { jsonList, type JsonOutOptions } from '../ui/json-out.js';
import { colourWanted, paint } from '../ui/colour.js';
import { datePart } from '../domain/dates.js';
import { closestNames } from '../domain/names.js';
import { requireCompany, withStore } from './shared.js';
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
  throw new UserError(`there is no check "${id}"; ${close.length ? `did you mean ${close.map((c) => `"${c}"`).join(' or ')}? ` : ''}see \`vetted checks list\` for the ids.`);
}

export async function runList(ctx: Context, opts: { company?: string } & JsonOutOptions): Promise<CommandResult> {
  return withStore(ctx, (store) => {
    const checks = opts.company ? store.checksOf(requireCompany(store, opts.company).id) : store.allChecks();
    if (opts.json || opts.ndjson) return { out: jsonList(checks.map(checkJson), opts) };
    if (!checks.length) return { out: opts.company ? 'No checks of this company yet.\n' : 'No checks yet. Run one with `vetted check "Some Shop"`.\n' };
    const p = paint(colourWanted(ctx.out, { noColor: ctx.noColor }, ctx.env));
    return {
      out: renderTable(
        [{ header: 'ID' }, { header: 'COMPANY', max: 40 }, { header: 'DATE' }, { header: 'CHECKLIST' }, { header: 'SCORE', align: 'right' }, { header: 'VERDICT' }],
        checks.map((c) => [c.id, c.company, datePart(c.at), `${c.checklist} v${c.checklist_version}`, String(c.score), c.verdict]),
        p.bold,
      ),
    };
  });
}

export async function runShow(ctx: Context, id: string, opts: { json?: boolean }): Promise<CommandResult> {
  return withStore(ctx, (store) => {
    const c = requireCheck(store, id);
    if (opts.json) return { out: toJson(checkJson(c)) };
    const p = paint(colourWanted(ctx.out, { noColor: ctx.noColor }, ctx.env));
    const lines = [
      p.bold(`${safeText(c.company)} — check ${c.id}`),
      `${c.checklist} v${c.checklist_version}, ${c.at}: ${c.score}/100, ${c.verdict}${c.dealbreakers.length ? ` (dealbreakers: ${c.dealbreakers.join(', ')})` : ''}`,
      '',
      renderTable(
        [{ header: 'QUESTION' }, { header: 'ANSWER' }, { header: 'SCORE', align: 'right' }, { header: 'EVIDENCE', max: 60 }],
        c.answers.map((a) => [a.question, a.answer, a.score === null ? '—' : String(a.score), a.note ?? '']),
        p.bold,
      ).trimEnd(),
    ];
    return { out: `${lines.join('\n')}\n` };
  });
}

export async function runRemove(ctx: Context, id: string): Promise<CommandResult> {
  return withStore(ctx, (store) => {
    const c = requireCheck(store, id);
    store.write(() => store.removeCheck(c.id), { summary: `remove check ${c.id} of ${c.company} (${c.checklist}, ${datePart(c.at)})` });
    return { err: `removed check ${c.id} of ${c.company} (to bring it back: vetted undo)` };
  });
}
