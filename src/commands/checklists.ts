// `vetted checklists list|show|validate`.

import { count } from '../ui/words.js';
import { toJson } from '../ui/safe.js';
import { INPUT_LIMITS, readInputText } from '../formats/read-input.js';
import { jsonList, type JsonOutOptions } from '../ui/json-out.js';
import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { localize } from '../domain/checklist.js';
import { findChecklist, formatProblems, loadAllChecklists, parseChecklistText } from '../formats/checklist-file.js';
import { renderTable } from '../ui/table.js';
import { safeText } from '../ui/safe.js';
import { colourWanted, paint } from '../ui/colour.js';
import { terminalWidth } from '../ui/wrap.js';

interface JsonOption {
  json?: boolean;
}

export async function runList(ctx: Context, opts: JsonOutOptions): Promise<CommandResult> {
  const broken: string[] = [];
  const all = loadAllChecklists(ctx.configDir, (m) => broken.push(`warning: ${m}`));
  const err = broken;
  if (opts.json) {
    return {
      out: jsonList(
        all.map(({ checklist: c, source, file }) => ({ id: c.id, version: c.version, title: localize(c.title, ctx.lang), questions: c.questions.length, source, file })),
        opts,
      ),
      err,
    };
  }
  const p = paint(colourWanted(ctx.out, { noColor: ctx.noColor }, ctx.env));
  const rows = all.map(({ checklist: c, source }) => [c.id, String(c.version), String(c.questions.length), source, localize(c.title, ctx.lang)]);
  return {
    out:
      renderTable(
        [{ header: 'ID' }, { header: 'VERSION', align: 'right' }, { header: 'QUESTIONS', align: 'right' }, { header: 'SOURCE' }, { header: 'TITLE', wrap: true }],
        rows,
        p.bold,
        terminalWidth(ctx.out),
      ) + p.dim(`\nYour own checklists go in ${ctx.configDir}/checklists/ (see \`vetted checklists show general\` for the format).\n`),
    err,
  };
}

export async function runShow(ctx: Context, id: string, opts: JsonOption): Promise<CommandResult> {
  const { checklist: c, source, file } = findChecklist(id, ctx.configDir);
  if (opts.json) return { out: toJson({ ...c, source, file }) };
  const p = paint(colourWanted(ctx.out, { noColor: ctx.noColor }, ctx.env));
  const lang = ctx.lang;
  const lines = [p.bold(`${safeText(localize(c.title, lang))}  (${c.id} v${c.version}, ${source})`)];
  const description = localize(c.description, lang);
  if (description) lines.push(safeText(description));
  c.questions.forEach((q, i) => {
    lines.push('', `${i + 1}. ${p.bold(safeText(localize(q.text, lang)))}  ${p.dim(`[${q.id}, weight ${q.weight}]`)}`);
    const help = localize(q.help, lang);
    if (help) lines.push(`   ${p.dim(safeText(help))}`);
    for (const a of q.answers) {
      const score = a.score === null ? 'not counted' : String(a.score);
      lines.push(`   - ${a.value.padEnd(18)} ${score.padStart(11)}${a.dealbreaker ? p.red('  dealbreaker') : ''}  ${safeText(localize(a.label, lang))}`);
    }
  });
  return { out: lines.join('\n') + '\n' };
}

export async function runValidate(_ctx: Context, file: string, opts: JsonOption): Promise<CommandResult> {
  const { checklist, problems } = parseChecklistText(readInputText(file, { what: 'a checklist', maxBytes: INPUT_LIMITS.small }), file);
  if (opts.json) {
    return { out: toJson({ file, valid: !!checklist, id: checklist?.id, problems }), code: checklist ? 0 : 2 };
  }
  if (checklist) return { out: `${file}: ok — ${checklist.id} v${checklist.version}, ${count(checklist.questions.length, 'question')}\n` };
  return {
    err: [...formatProblems(file, problems), `${problems.length} problem${problems.length === 1 ? '' : 's'}; fix ${problems.length === 1 ? 'it' : 'them'} and validate again.`],
    code: 2,
  };
}
