// `vetted company list|show|alias`.

import { toJson } from '../ui/safe.js';
import { jsonList, type JsonOutOptions } from '../ui/json-out.js';
import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { requireCompany, withStore, checkCompanyName } from './shared.js';
import { renderTable } from '../ui/table.js';
import { colourWanted, paint } from '../ui/colour.js';
import { renderCompany, companyJson } from '../ui/render-company.js';
import { UserError } from '../errors.js';
import { judgeCompany } from '../domain/policy.js';
import { serviceFigures } from '../domain/figures.js';
import { judgeOne, policyOf } from './verdicts.js';

interface JsonOption {
  json?: boolean;
}

export async function runList(ctx: Context, opts: JsonOutOptions): Promise<CommandResult> {
  return withStore(ctx, (store) => {
    const companies = store.listCompanies();
    if (opts.json) {
      return {
        out: jsonList(
          companies.map((c) => ({
            name: c.name,
            aliases: c.aliases,
            parent: c.parent,
            category: c.category,
            website: c.website,
            checks: c.checks,
            incidents: c.incidents,
            open_incidents: c.open_incidents,
          })),
          opts,
        ),
      };
    }
    if (!companies.length) return { out: 'No companies yet. Start with `vetted check "Some Shop"` or `vetted incident add "Some Shop"`.\n' };
    const p = paint(colourWanted(ctx.out, { noColor: ctx.noColor }, ctx.env));
    const rows = companies.map((c) => [c.name, c.aliases.join(', '), c.category ?? '', String(c.checks), String(c.incidents), String(c.open_incidents)]);
    return {
      out: renderTable(
        [{ header: 'COMPANY', max: 40 }, { header: 'ALIASES', max: 30 }, { header: 'CATEGORY', max: 24 }, { header: 'CHECKS', align: 'right' }, { header: 'INCIDENTS', align: 'right' }, { header: 'OPEN', align: 'right' }],
        rows,
        p.bold,
      ),
    };
  });
}

export async function runShow(ctx: Context, name: string, opts: JsonOption): Promise<CommandResult> {
  const policy = await policyOf(ctx);
  return withStore(ctx, async (store) => {
    const company = requireCompany(store, name);
    const profile = {
      company,
      aliases: store.aliasesOf(company.id),
      parent: company.parent_id ? store.companyById(company.parent_id)?.name ?? null : null,
      subsidiaries: store.subsidiariesOf(company.id).map((c) => c.name),
      evidence: store.evidenceOf(company),
    };
    const now = ctx.now();
    const verdict = judgeCompany(profile.evidence, policy, now);
    const subsidiaries = store.subsidiariesOf(company.id).map((c) => ({ name: c.name, list: judgeOne(store, c, policy, now).list }));
    const full = { ...profile, verdict, figures: serviceFigures(profile.evidence.incidents, now), subsidiaryVerdicts: subsidiaries };
    // Sources are read only where there are any: the modules load on demand.
    const { othersOn } = await import('./shared-sources.js');
    const others = await othersOn(ctx, store, company, policy);
    const render = others.length ? await import('../ui/render-sources.js') : undefined;
    if (opts.json) return { out: toJson({ ...companyJson(full), ...(render ? { others: render.othersJson(others) } : {}) }) };
    const p = paint(colourWanted(ctx.out, { noColor: ctx.noColor }, ctx.env));
    const text = renderCompany(full, p, ctx.lang);
    const beside = render ? render.renderOthersSay(others, p) : [];
    return { out: beside.length ? `${text}\n${beside.join('\n')}\n` : text };
  });
}

export async function runAlias(ctx: Context, name: string, alias: string): Promise<CommandResult> {
  checkCompanyName(alias);
  return withStore(ctx, (store) => {
    const company = requireCompany(store, name);
    const added = store.write(() => store.addAlias(company.id, alias), { summary: `alias "${alias}" of ${company.name}` });
    if (!added) throw new UserError(`"${alias}" already names ${company.name}.`);
    return { err: `"${alias}" is now another name of ${company.name}.` };
  });
}
