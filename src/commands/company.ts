// `vetted company list|show|alias`.

import { toJson } from '../ui/safe.js';
import { fitLines, terminalWidth } from '../ui/wrap.js';
import { jsonList, type JsonOutOptions } from '../ui/json-out.js';
import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { changingStore, requireCompany, readingStore, checkCompanyName, lookalikeWarning } from './shared.js';
import { renderTable } from '../ui/table.js';
import { colourWanted, paint } from '../ui/colour.js';
import { renderCompany, companyJson } from '../ui/render-company.js';
import { judgeCompany } from '../domain/policy.js';
import { serviceFigures } from '../domain/figures.js';
import { jsonCatalogs, judgeOne, policyOf } from './verdicts.js';
import { t } from '../i18n/index.js';
import { opSummary } from '../domain/op-summary.js';

interface JsonOption {
  json?: boolean;
}

export async function runList(ctx: Context, opts: JsonOutOptions): Promise<CommandResult> {
  return readingStore(ctx, (store) => {
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
    if (!companies.length) return { out: `${t().company.noCompanies}\n` };
    const p = paint(colourWanted(ctx.out, { noColor: ctx.noColor }, ctx.env));
    const rows = companies.map((c) => [c.name, c.aliases.join(', '), c.category ?? '', String(c.checks), String(c.incidents), String(c.open_incidents)]);
    return {
      out: renderTable(
        ((h) => [{ header: h[0], max: 40 }, { header: h[1], max: 30 }, { header: h[2], max: 24 }, { header: h[3], align: 'right' as const }, { header: h[4], align: 'right' as const }, { header: h[5], align: 'right' as const }])(t().company.listHeaders),
        rows,
        p.bold,
      ),
    };
  });
}

export async function runShow(ctx: Context, name: string, opts: JsonOption): Promise<CommandResult> {
  const policy = await policyOf(ctx);
  return readingStore(ctx, async (store) => {
    const { requireCompanyOrSources } = await import('./shared-sources.js');
    const company = requireCompanyOrSources(store, name);
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
    if (opts.json) return { out: toJson({ ...companyJson(full, await jsonCatalogs()), ...(render ? { others: render.othersJson(others) } : {}) }) };
    const p = paint(colourWanted(ctx.out, { noColor: ctx.noColor }, ctx.env));
    const text = renderCompany(full, p);
    const beside = render ? render.renderOthersSay(others, p) : [];
    // Long reasons wrap under their own text on a terminal.
    return { out: beside.length ? `${text}\n${fitLines(beside.join('\n'), terminalWidth(ctx.out))}\n` : text };
  });
}

export async function runAlias(ctx: Context, name: string, typed: string): Promise<CommandResult> {
  // As the record keeps it (its spaces one each): so in the message and the history too.
  const alias = checkCompanyName(typed);
  return changingStore(ctx, (store) => {
    const company = requireCompany(store, name);
    const added = store.write(() => store.addAlias(company.id, alias), { summary: opSummary({ k: 'alias', alias, company: company.name }) });
    // Already so: nothing to do, as an edit that changes nothing is no failure.
    if (!added) return { err: t().company.aliasExists(alias, company.name) };
    const like = lookalikeWarning(store, alias, company.id);
    return { err: [t().company.aliasAdded(alias, company.name), ...(like ? [like] : [])] };
  });
}
