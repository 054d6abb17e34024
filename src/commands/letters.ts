// `vetted letters check FILE`: a letter template's problems, each with its line.

import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { readTemplateText, templateProblems } from '../formats/letter-template.js';
import { toJson } from '../ui/safe.js';

export async function runCheck(_ctx: Context, file: string, opts: { json?: boolean }): Promise<CommandResult> {
  const problems = templateProblems(readTemplateText(file));
  if (opts.json) return { out: toJson({ file, ok: problems.length === 0, problems: problems.map((p) => ({ line: p.line, placeholder: p.name ?? null, message: p.message })) }), code: problems.length ? 2 : 0 };
  if (!problems.length) return { err: `${file}: a valid letter template` };
  return { err: problems.map((p) => `${file}:${p.line}: ${p.message}`), code: 2 };
}
