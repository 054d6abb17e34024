// `vetted pin <company> black|white --reason R` and `vetted unpin <company>`: a manual
// decision, recorded with its date and always shown as such.

import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { UserError } from '../errors.js';
import { formatLocalDate } from '../domain/dates.js';
import { checkCompanyName, checkNote, lookalikeWarning, requireCompany, typoWarning, withStore } from './shared.js';

export async function runPin(ctx: Context, name: string, list: string, opts: { reason?: string }): Promise<CommandResult> {
  const company = checkCompanyName(name);
  if (list !== 'black' && list !== 'white') throw new UserError(`a company is pinned to black or white, not "${list}".`);
  const reason = (opts.reason ?? '').trim();
  if (!reason) throw new UserError('a pin needs --reason "why": it is shown as "pinned by you: …" wherever the company appears.');
  checkNote(reason, 'a reason');
  return withStore(ctx, (store) => {
    const warning = store.findCompany(company) ? undefined : (lookalikeWarning(store, company) ?? typoWarning(store, company)?.warning);
    const at = formatLocalDate(ctx.now());
    const row = store.write(() => {
      const { company: row } = store.ensureCompany(company, at);
      store.setPin(row.id, { list, reason, at });
      return row;
    }, { summary: (row) => `pin ${row.name} to the ${list} list: ${reason}` });
    return { err: [warning ?? '', `pinned ${row.name} to the ${list} list: ${reason}`] };
  });
}

export async function runUnpin(ctx: Context, name: string): Promise<CommandResult> {
  return withStore(ctx, (store) => {
    const company = requireCompany(store, name);
    const removed = store.write(() => store.removePin(company.id), { summary: `unpin ${company.name}` });
    if (!removed) throw new UserError(`${company.name} is not pinned; nothing to undo.`);
    return { err: `unpinned ${company.name}: the evidence decides its list again (see \`vetted why "${company.name}"\`).` };
  });
}
