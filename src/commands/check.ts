// `vetted check <company>`: answer a checklist (asked on a terminal, or given), score it,
// store it in one transaction, and say whether this vendor is safe to buy from.

import { safeText, toJson } from '../ui/safe.js';
import { fitLines, terminalWidth } from '../ui/wrap.js';
import { INPUT_LIMITS, readInputText } from '../formats/read-input.js';
import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { UserError } from '../errors.js';
import { checkAnswers, hasScore, scoreCheck, scoringChange, type Checklist } from '../domain/checklist.js';
import { formatZonedSecond } from '../domain/dates.js';
import { findChecklist } from '../formats/checklist-file.js';
import { parseDataText } from '../formats/data-text.js';
import { MAX_NOTE, askWhichCompany, checkCompanyName, checkNote, lookalikeWarning, parsePairs, typoWarning, withStore } from './shared.js';
import { renderCheck, checkJson } from '../ui/render-check.js';
import { colourWanted, paint, type Paint } from '../ui/colour.js';
import { judgeCompany, verdictByPolicy, type Verdict } from '../domain/policy.js';
import type { CompanyEvidence } from '../domain/types.js';
import { jsonCatalogs, policyOf, reasonJson } from './verdicts.js';
import { fallbackNotice } from '../ui/checklist-language.js';
import { pickLang, t } from '../i18n/index.js';
import { recordFacts, renderAfterCheck, renderRecord, type RecordFacts } from '../ui/render-record.js';
import { opSummary } from '../domain/op-summary.js';
import { shellArg, shellWord } from '../i18n/format.js';

export interface CheckOptions {
  checklist?: string;
  answers?: string;
  answer?: string[];
  note?: string[];
  json?: boolean;
}

/** Reads --answers: a map of question id to value, or { answers, notes } as in the data file. */
function readAnswersFile(file: string): { answers: Record<string, string>; notes: Record<string, string> } {
  const data = parseDataText(readInputText(file, { what: 'answers', maxBytes: INPUT_LIMITS.small }), file);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new UserError(t().check.answersMap(file));
  }
  const obj = data as Record<string, unknown>;
  const isMap = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  const say = t().check;
  // Sections (answers: and notes:) when answers is given as anything but text; then nothing else
  // is read, and a section misspelt (notse:) would lose its words without a word.
  const nested = typeof obj.answers === 'object' && obj.answers !== null;
  if (nested) {
    if (!isMap(obj.answers)) throw new UserError(say.sectionMap(file, 'answers'));
    // An empty notes: (no value) is no notes.
    if (Object.hasOwn(obj, 'notes') && obj.notes !== null && !isMap(obj.notes)) throw new UserError(say.sectionMap(file, 'notes'));
    const others = Object.keys(obj).filter((k) => k !== 'answers' && k !== 'notes');
    if (others.length) throw new UserError(say.sectionsOnly(file, others));
  } else if (isMap(obj.notes)) throw new UserError(say.notesWithoutSections(file));
  const answers = (nested ? obj.answers : obj) as Record<string, unknown>;
  const notes = (nested && isMap(obj.notes) ? obj.notes : {}) as Record<string, unknown>;
  const asText = (map: Record<string, unknown>, what: string) =>
    Object.fromEntries(
      Object.entries(map).map(([k, v]) => {
        // A map or a list is named by its brackets: written out, a deep one overflowed the stack,
        // and a long one made a message of many kilobytes.
        if (typeof v !== 'string') throw new UserError(t().check.answerText(file, what, k, typeof v === 'object' && v !== null ? (Array.isArray(v) ? '[…]' : '{…}') : JSON.stringify(v)));
        return [k, v.trim()];
      }),
    );
  return { answers: asText(answers, 'answer'), notes: asText(notes, 'note') };
}

function answerProblemsMessage(checklist: Checklist, answers: Record<string, string>): string | undefined {
  const { problems } = checkAnswers(checklist, answers);
  if (!problems.length) return undefined;
  // Several ids of no question: named together, and the checklist's questions said once (they were said once for each).
  // The first few of each, and how many more: a file of 65,000 ids made one sentence of 640 KB.
  const unknown = problems.filter((p) => p.kind === 'unknown-question');
  const others = problems.filter((p) => p.kind !== 'unknown-question');
  const rest = others.slice(0, SAID).map((p) => t().answers.problem(p));
  if (others.length > SAID) rest.push(t().answers.andMore(others.length - SAID));
  const given = unknown.slice(0, SAID).map((p) => p.given);
  if (unknown.length > SAID) given.push(t().answers.andMore(unknown.length - SAID));
  const named = unknown.length > 1 ? [t().answers.notQuestions(given, checklist.id, checklist.questions.map((x) => x.id), unknown.length > SAID)] : unknown.map((p) => t().answers.problem(p));
  return [...named, ...rest].join('; ');
}

/** The command line that makes a check with these answers and notes (in the checklist's order), asking nothing. */
function commandWith(ctx: Context, company: string, checklistArg: string | undefined, checklist: Checklist, answers: Record<string, string>, notes: Record<string, string>): string {
  // An id and its value joined by = need no quotes where neither does.
  const pair = (id: string, value: string) => {
    const text = `${id}=${value}`;
    return /^[\w./=-]+$/.test(text) ? text : shellArg(text);
  };
  const words = ['vetted'];
  if (ctx.setBy.db === '--db') words.push('--db', shellWord(ctx.dbPath));
  // The check keeps the language it was made in: one given by --lang is given again.
  if (ctx.lang !== pickLang(undefined, ctx.env)) words.push('--lang', ctx.lang);
  words.push('check');
  if (checklistArg !== undefined) words.push('--checklist', shellWord(checklistArg));
  for (const q of checklist.questions) if (Object.hasOwn(answers, q.id)) words.push('--answer', pair(q.id, answers[q.id]));
  for (const q of checklist.questions) if (notes[q.id]) words.push('--note', pair(q.id, notes[q.id]));
  // Last, after `--` where it begins with a dash.
  words.push(shellWord(company));
  return words.join(' ');
}

/** What is wrong with a note typed at the prompt (as checkNote refuses one given by a flag). */
function noteProblem(note: string): string | undefined {
  const length = [...note].length;
  return length > MAX_NOTE ? t().check.noteTooLong(length, MAX_NOTE) : undefined;
}

/** How many problems of a kind an answers file is told of by name. */
const SAID = 10;

export async function run(ctx: Context, companyArg: string, opts: CheckOptions): Promise<CommandResult> {
  let company = checkCompanyName(companyArg);
  // Standard input is read once: the checklist and the answers cannot both come from it.
  if (opts.checklist === '-' && opts.answers === '-') throw new UserError(t().check.stdinTwice);
  const { checklist, source, file } = findChecklist(opts.checklist ?? 'general', ctx.configDir);
  const fromFile = opts.answers ? readAnswersFile(opts.answers) : { answers: {}, notes: {} };
  // Keyed by question ids, which may be any word a checklist uses (constructor, __proto__…): no prototype.
  const answers: Record<string, string> = Object.assign(Object.create(null), fromFile.answers, parsePairs(opts.answer, '--answer'));
  const notes: Record<string, string> = Object.assign(Object.create(null), fromFile.notes, parsePairs(opts.note, '--note'));
  const bad = answerProblemsMessage(checklist, answers);
  if (bad) throw new UserError(`${bad}.`);
  for (const q of Object.keys(notes)) {
    if (!checklist.questions.some((x) => x.id === q)) throw new UserError(t().check.noteNotQuestion(q, checklist.id));
    checkNote(notes[q]);
  }
  const { missing } = checkAnswers(checklist, answers);
  // What no question on a terminal can mend is refused before the database is opened (or made).
  // A checklist given by its file is shown by its file: `checklists show` knows no id of it.
  // JSON is asked for by a script, which answers no question even where it runs on a terminal:
  // asked anyway, it waited for keys that never came.
  if (missing.length && (!ctx.interactive || opts.json)) throw new UserError(t().check.noAnswers(missing, source === 'file' && opts.checklist !== undefined && opts.checklist !== '-' ? opts.checklist : checklist.id, { json: !!opts.json, terminal: ctx.interactive }));
  if (!missing.length && !hasScore(scoreCheck(checklist, answers))) throw new UserError(t().check.nothingScored(checklist.id));
  const err = colourWanted(ctx.err, { noColor: ctx.noColor }, ctx.env);
  const policy = await policyOf(ctx);
  // (Loaded when a check is made: its expressions take a moment to build.)
  const { refSlugOf } = await import('../domain/redact.js');
  return withStore(ctx, async (store) => {
    // A checklist of the user's edited without a new version would have its checks, old and new,
    // read as one checklist's: refused before any question is asked. (A built-in one changes
    // only with its version: a unit test holds each version's scoring.)
    if (source !== 'built-in') {
      for (const made of store.checksWith(checklist.id, checklist.version)) {
        const change = scoringChange(checklist, made);
        if (change) throw new UserError(t().check.checklistChanged(checklist.id, checklist.version, file, made.id, made.at, change));
      }
    }
    const warnings: string[] = [];
    const notice = fallbackNotice(checklist, ctx.lang);
    if (notice) warnings.push(notice);
    let existing = store.findCompany(company);
    if (!existing) {
      const w = lookalikeWarning(store, company);
      if (w) warnings.push(w);
      const typo = typoWarning(store, company);
      // On a terminal, where the questions are asked, asked which company was meant, as `incident add` asks.
      if (typo && missing.length) {
        const meant = await askWhichCompany(ctx, company, typo.like);
        // The new one chosen by name is no typo to warn of.
        if (meant !== company) {
          company = meant;
          existing = store.findCompany(company);
        }
      } else if (typo) warnings.push(typo.warning);
    }
    // The record as it stands, before this check: shown before the first question and in the result.
    const empty: CompanyEvidence = { company, checks: [], incidents: [] };
    const beforeEvidence = existing ? store.evidenceOf(existing) : empty;
    const before = judgeCompany(beforeEvidence, policy, ctx.now());
    const beforeFacts = recordFacts(beforeEvidence, ctx.now());
    // What others say of it, or of its name where it is none of yours yet (a vendor vetted before
    // anything is recorded of it): beside the record, before the first question and in the result.
    // (Their code is loaded only where a source is kept: a check is one of the commands run most.)
    const others = store.hasSources() ? await (await import('./shared-sources.js')).othersOn(ctx, store, existing ?? { name: company }, policy) : [];
    const render = others.length ? await import('../ui/render-sources.js') : undefined;
    const othersBrief = (stream: typeof ctx.out, p: Paint) => (render ? fitLines(render.renderOthersBrief(others, p), terminalWidth(stream)) : '');
    if (missing.length) {
      for (const w of warnings.splice(0)) ctx.err.write(`${safeText(w)}\n`);
      // The company's record first: what it did decides more than what the answers will say.
      ctx.err.write(`${fitLines(renderRecord(existing?.name ?? company, before, beforeFacts).join('\n'), terminalWidth(ctx.err))}\n\n`);
      const brief = othersBrief(ctx.err, paint(err));
      if (brief) ctx.err.write(`${brief}\n`);
      const { askChecklist } = await import('../ui/prompts.js');
      const asked = await askChecklist(checklist, ctx.lang, answers, paint(err), ctx.err, err, noteProblem);
      Object.assign(answers, asked.answers);
      Object.assign(notes, asked.notes);
    }
    const result = scoreCheck(checklist, answers);
    // Answers asked one by one and then refused, or not saved, are said as the command that gives
    // them at once: they were lost with the run, and had to be given again question by question.
    const sayAnswers = (say: (command: string) => string) => {
      if (missing.length) ctx.err.write(`${say(commandWith(ctx, company, opts.checklist, checklist, answers, notes))}\n`);
    };
    if (!hasScore(result)) {
      sayAnswers(t().check.answersToChange);
      throw new UserError(t().check.nothingScored(checklist.id));
    }
    // Read off the clock: kept with its offset, the instant it was wherever it is read later.
    const at = formatZonedSecond(ctx.now());
    let id: string;
    try {
      // (A lock another process holds is waited for here, within the store's deadline.)
      id = store.write(() => {
        const { company: row } = store.ensureCompany(company, at);
        return store.insertCheck({
          slug: refSlugOf(row.name, 'company'),
          companyId: row.id,
          checklist: checklist.id,
          checklistVersion: checklist.version,
          at,
          lang: ctx.lang,
          score: result.score,
          verdict: result.verdict,
          dealbreakers: result.dealbreakers,
          answers: result.answers.map((a) => ({ question: a.question, answer: a.answer, score: a.score, ...(notes[a.question] ? { note: notes[a.question] } : {}) })),
        });
      }, { summary: (ref) => opSummary({ k: 'check', id: ref, company, checklist: checklist.id, score: result.score, verdict: result.verdict }) });
    } catch (e) {
      sayAnswers(t().check.answersNotSaved);
      throw e;
    }
    const row = store.findCompany(company)!;
    const name = row.name;
    const afterEvidence = store.evidenceOf(row);
    const after = judgeCompany(afterEvidence, policy, ctx.now());
    const afterFacts = recordFacts(afterEvidence, ctx.now());
    if (opts.json) {
      const record = await recordJson(existing ? before : undefined, after, afterFacts, id);
      return { out: toJson({ ...checkJson(id, name, checklist, at, result, notes), record, ...(render ? { others: render.othersJson(others) } : {}) }), err: warnings };
    }
    const colour = colourWanted(ctx.out, { noColor: ctx.noColor }, ctx.env);
    const p = paint(colour);
    // Asked on a terminal, the record and what others say were shown before the first question:
    // on that screen, not again above the result (a result written to a file has them).
    const shown = missing.length > 0 && !!ctx.out.isTTY && !!ctx.err.isTTY;
    const brief = missing.length ? '' : othersBrief(ctx.out, p);
    // Wrapped at spaces to the terminal's width, as the questions were.
    const width = terminalWidth(ctx.out);
    const head = shown ? '' : `${fitLines(renderRecord(name, before, beforeFacts).join('\n'), width)}\n\n${brief ? `${brief}\n` : ''}`;
    const tail = `\n${fitLines(renderAfterCheck(before, after, id).map((l, i) => (i ? p.dim(l) : p.bold(l))).join('\n'), width)}\n`;
    return {
      out: head + renderCheck({ id, company: name, checklist, result, notes, lang: ctx.lang, paint: p, byPolicy: verdictByPolicy(result.score, result.dealbreakers, policy), width }) + tail,
      err: warnings,
    };
  });
}

/** The record in `check --json`: the list now and its deciding reason, the list before the check
 * (null for a company the check brought in), and whether the check counted. */
async function recordJson(before: Verdict | undefined, after: Verdict, facts: RecordFacts, checkId: string) {
  const c = await jsonCatalogs();
  return {
    list: after.list,
    since: after.since,
    pinned: after.pinned,
    reason: after.decided_by ? reasonJson(after.decided_by, c) : null,
    open_incidents: facts.open,
    broken_promises: facts.broken,
    before: before ? { list: before.list, since: before.since } : null,
    changed: !before || before.list !== after.list,
    check_counted: !after.pinned && !after.set_aside.some((f) => f.evidence.includes(`check:${checkId}`)),
  };
}
