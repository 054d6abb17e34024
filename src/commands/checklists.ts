// `vetted checklists list|show|validate`.

import { toJson } from '../ui/safe.js';
import { INPUT_LIMITS, readInputText } from '../formats/read-input.js';
import { jsonList, type JsonOutOptions } from '../ui/json-out.js';
import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { localize, type Answer } from '../domain/checklist.js';
import { displayWidth } from '../ui/width.js';
import { clashOf, findChecklist, formatProblems, loadAllChecklists, parseChecklistText } from '../formats/checklist-file.js';
import { renderTable } from '../ui/table.js';
import { safeText } from '../ui/safe.js';
import { colourWanted, paint } from '../ui/colour.js';
import { terminalWidth, textLine, textLines } from '../ui/wrap.js';
import { loadCatalog, t } from '../i18n/index.js';
import { fallbackNotice } from '../ui/checklist-language.js';

interface JsonOption {
  json?: boolean;
}

export async function runList(ctx: Context, opts: JsonOutOptions): Promise<CommandResult> {
  const broken: string[] = [];
  const all = loadAllChecklists(ctx.configDir, (m) => broken.push(t().checklists.warning(m)));
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
  const w = t().checklists;
  const rows = all.map(({ checklist: c, source }) => [c.id, String(c.version), String(c.questions.length), w.source[source] ?? source, textLine(localize(c.title, ctx.lang))]);
  const [id, version, questions, from, title] = w.headers;
  return {
    out:
      renderTable(
        [{ header: id }, { header: version, align: 'right' }, { header: questions, align: 'right' }, { header: from }, { header: title, wrap: true }],
        rows,
        p.bold,
        terminalWidth(ctx.out),
      ) + p.dim(`\n${w.ownGoIn(`${ctx.configDir}/checklists/`)}\n`),
    err,
  };
}

export async function runShow(ctx: Context, id: string, opts: JsonOption): Promise<CommandResult> {
  const { checklist: c, source, file } = findChecklist(id, ctx.configDir);
  if (opts.json) return { out: toJson({ ...c, source, file }) };
  const p = paint(colourWanted(ctx.out, { noColor: ctx.noColor }, ctx.env));
  const lang = ctx.lang;
  const w = t().checklists;
  const lines = [p.bold(`${textLine(localize(c.title, lang))}  (${c.id} v${c.version}, ${w.source[source] ?? source})`)];
  const description = localize(c.description, lang);
  if (description) lines.push(...textLines(description));
  const scoreOf = (a: Answer) => (a.score === null ? w.notCounted : t().fmt.number(a.score));
  // The columns of answers and scores as wide as the widest of the checklist's (a score not
  // counted is said in words, longer in some languages than any number).
  let valueWidth = 18;
  let scoreWidth = 4;
  for (const q of c.questions) {
    for (const a of q.answers) {
      valueWidth = Math.max(valueWidth, displayWidth(a.value));
      scoreWidth = Math.max(scoreWidth, displayWidth(scoreOf(a)));
    }
  }
  const pad = (s: string, width: number) => ' '.repeat(Math.max(0, width - displayWidth(s)));
  c.questions.forEach((q, i) => {
    lines.push('', `${i + 1}. ${p.bold(textLine(localize(q.text, lang)))}  ${p.dim(`[${q.id}, ${w.weight(q.weight)}]`)}`);
    const help = localize(q.help, lang);
    if (help) for (const line of textLines(help)) lines.push(`   ${p.dim(line)}`);
    for (const a of q.answers) {
      const score = scoreOf(a);
      lines.push(`   - ${a.value}${pad(a.value, valueWidth)} ${pad(score, scoreWidth)}${score}${a.dealbreaker ? p.red(`  ${w.dealbreaker}`) : ''}  ${textLine(localize(a.label, lang))}`);
    }
  });
  const notice = fallbackNotice(c, lang);
  return { out: lines.join('\n') + '\n', err: notice ? [notice] : [] };
}

export async function runValidate(ctx: Context, file: string, opts: JsonOption): Promise<CommandResult> {
  const { checklist, problems } = parseChecklistText(readInputText(file, { what: 'checklist', maxBytes: INPUT_LIMITS.small }), file);
  // Valid alone, it may still be refused beside the others (as check and the list of checklists refuse it).
  const clash = checklist && file !== '-' ? clashOf(file, checklist, ctx.configDir) : undefined;
  if (opts.json) {
    // JSON stays language-neutral: its messages are the English ones.
    const en = (await loadCatalog('en')).checklists;
    const shown = problems.map(({ line, col, path, fault }) => ({ line, col, path, message: en.fault(fault) }));
    const clashEn = clash === undefined ? undefined : clashOf(file, checklist!, ctx.configDir, en);
    return { out: toJson({ file, valid: !!checklist && !clash, id: checklist?.id, problems: clashEn ? [...shown, { line: null, col: null, path: 'id', message: clashEn }] : shown }), code: checklist && !clash ? 0 : 2 };
  }
  if (clash) return { err: clash, code: 2 };
  // The path as the user gave it, made safe: stdout is written as it is.
  if (checklist) return { out: `${t().checklists.valid(safeText(file), checklist.id, checklist.version, checklist.questions.length)}\n` };
  return {
    err: [...formatProblems(file, problems), t().checklists.problems(problems.length)],
    code: 2,
  };
}
