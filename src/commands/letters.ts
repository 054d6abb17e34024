// `vetted letters check FILE`: a letter template's problems, each with its line.

import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { listTemplates, readTemplateText, templateProblems } from '../formats/letter-template.js';
import { LETTER_KINDS } from '../domain/law.js';
import { renderTable } from '../ui/table.js';
import { jsonList, type JsonOutOptions } from '../ui/json-out.js';
import { safeText, toJson } from '../ui/safe.js';
import { loadCatalog, t } from '../i18n/index.js';

export async function runCheck(_ctx: Context, file: string, opts: { json?: boolean }): Promise<CommandResult> {
  const problems = templateProblems(readTemplateText(file));
  if (opts.json) {
    // JSON stays language-neutral: its messages are the English ones.
    const en = (await loadCatalog('en')).letter;
    return { out: toJson({ file, ok: problems.length === 0, problems: problems.map((p) => ({ line: p.line, placeholder: p.name ?? null, message: en.templateFault(p.fault, p.line) })) }), code: problems.length ? 2 : 0 };
  }
  const w = t().letter;
  // The result of a check is its output, as `checklists validate` gives it; a problem goes to stderr.
  if (!problems.length) return { out: `${w.valid(safeText(file))}\n` };
  return { err: problems.map((p) => w.problemAt(file, p.line, w.templateFault(p.fault, p.line))), code: 2 };
}

/** `vetted letters list`: the template each letter uses, yours or the built-in one. */
export async function runList(ctx: Context, opts: JsonOutOptions): Promise<CommandResult> {
  const rows = listTemplates(ctx.configDir, LETTER_KINDS);
  if (opts.json || opts.ndjson) return { out: jsonList(rows, opts) };
  const w = t().letter;
  const table = renderTable(w.listHeaders.map((header) => ({ header })), rows.map((r) => [r.lang, r.kind, r.problem ? w.unusable : w.source[r.source], r.file]));
  // What is wrong with each of yours that cannot be used: a letter of that kind is refused until it is mended or removed.
  return { out: table, err: rows.flatMap((r) => (r.problem ? [r.problem] : [])) };
}
