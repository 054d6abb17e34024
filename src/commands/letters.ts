// `vetted letters check FILE`: a letter template's problems, each with its line.

import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { listTemplates, readTemplateText, templateProblems } from '../formats/letter-template.js';
import { LETTER_KINDS } from '../domain/law.js';
import { renderTable } from '../ui/table.js';
import { jsonList, type JsonOutOptions } from '../ui/json-out.js';
import { toJson } from '../ui/safe.js';

export async function runCheck(_ctx: Context, file: string, opts: { json?: boolean }): Promise<CommandResult> {
  const problems = templateProblems(readTemplateText(file));
  if (opts.json) return { out: toJson({ file, ok: problems.length === 0, problems: problems.map((p) => ({ line: p.line, placeholder: p.name ?? null, message: p.message })) }), code: problems.length ? 2 : 0 };
  if (!problems.length) return { err: `${file}: a valid letter template` };
  return { err: problems.map((p) => `${file}:${p.line}: ${p.message}`), code: 2 };
}

/** `vetted letters list`: the template each letter uses, yours or the built-in one. */
export async function runList(ctx: Context, opts: JsonOutOptions): Promise<CommandResult> {
  const rows = listTemplates(ctx.configDir, LETTER_KINDS);
  if (opts.json || opts.ndjson) return { out: jsonList(rows, opts) };
  return { out: renderTable([{ header: 'LANG' }, { header: 'KIND' }, { header: 'SOURCE' }, { header: 'FILE' }], rows.map((r) => [r.lang, r.kind, r.source, r.file])) };
}
