// What the sources say about a company, for the commands that show it beside the user's record.

import type { Context } from '../context.js';
import type { Store, CompanyRow } from '../store/store.js';
import type { Policy } from '../domain/policy.js';
import type { Checklist } from '../domain/checklist.js';
import { Sources } from '../store/sources.js';
import { whatOthersSay, type OtherView } from '../sources/others-say.js';
import { companyKey } from '../domain/names.js';
import { requireCompany } from './shared.js';
import { UserError } from '../errors.js';
import { t } from '../i18n/index.js';

/**
 * Each source's view of a company; empty, at the cost of one query, when there are no sources.
 * A name that is none of the user's companies (`{ name }`) is looked for among the sources' own.
 */
export async function othersOn(ctx: Context, store: Store, company: CompanyRow | { id?: undefined; name: string }, policy: Policy): Promise<OtherView[]> {
  const sources = new Sources(store);
  if (!sources.hasSources()) return [];
  // Checklists (and the YAML parser they need) are read only when a source gives evidence to judge.
  let checklists = new Map<string, Checklist>();
  if (sources.hasEvidence()) {
    const { loadAllChecklists } = await import('../formats/checklist-file.js');
    checklists = new Map(loadAllChecklists(ctx.configDir).map((c) => [c.checklist.id, c.checklist]));
  }
  const checklistsOf = () => checklists;
  return whatOthersSay(sources, company.id ?? { key: companyKey(company.name) }, company.name, policy, checklistsOf, ctx.now());
}

/**
 * The company of this name, or a refusal that says which sources know a vendor that is none of
 * the user's companies (where a plain "no company" was a dead end): what they say is shown by
 * `check` before buying, and by `source show`.
 */
export function requireCompanyOrSources(store: Store, name: string): CompanyRow {
  try {
    return requireCompany(store, name);
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    const sources = new Sources(store);
    if (!sources.hasSources()) throw err;
    const known = [...new Set(sources.sourcesOnName(companyKey(name)).map((s) => s.source))];
    if (!known.length) throw err;
    throw new UserError(t().errors.noCompanyButSources(name, known));
  }
}
