// `vetted pin <company> black|white --reason R` and `vetted unpin <company>`: a manual
// decision, recorded with its date and always shown as such.

import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { UserError } from '../errors.js';
import { formatLocalDate } from '../domain/dates.js';
import { t } from '../i18n/index.js';
import { vocabularyId } from '../i18n/vocabulary.js';
import { changingStore, checkCompanyName, checkNote, lookalikeWarning, requireCompany, typoWarning, writingStore } from './shared.js';
import { opSummary } from '../domain/op-summary.js';

export async function runPin(ctx: Context, name: string, given: string, opts: { reason: string }): Promise<CommandResult> {
  const company = checkCompanyName(name);
  const list = await vocabularyId('list', ['black', 'white'] as const, given);
  if (!list) throw new UserError(t().pin.notAList(given));
  // Required, and refused empty or blank as it is parsed.
  const reason = opts.reason.trim();
  checkNote(reason, '--reason');
  return writingStore(ctx, (store) => {
    const warning = store.findCompany(company) ? undefined : (lookalikeWarning(store, company) ?? typoWarning(store, company)?.warning);
    const at = formatLocalDate(ctx.now());
    // The same list for the same reason is the pin there is: nothing changes (its date stays the
    // day it was pinned), nothing is journaled, and it is said so. A pin it replaces is named.
    const { row, was, same } = store.write(() => {
      const { company: row } = store.ensureCompany(company, at);
      const was = store.pinOf(row.id);
      const same = !!was && was.list === list && was.reason === reason;
      if (!same) store.setPin(row.id, { list, reason, at });
      return { row, was, same };
    }, { summary: ({ row }) => opSummary({ k: 'pin', company: row.name, list, reason }) });
    if (same) return { err: [warning ?? '', t().pin.pinnedAlready(row.name, list, reason, was!.at)] };
    return { err: [warning ?? '', t().pin.pinned(row.name, list, reason, was && { list: was.list, reason: was.reason })] };
  });
}

export async function runUnpin(ctx: Context, name: string): Promise<CommandResult> {
  return changingStore(ctx, (store) => {
    const company = requireCompany(store, name);
    const removed = store.write(() => store.removePin(company.id), { summary: opSummary({ k: 'unpin', company: company.name }) });
    if (!removed) throw new UserError(t().pin.notPinned(company.name));
    return { err: t().pin.unpinned(company.name) };
  });
}
