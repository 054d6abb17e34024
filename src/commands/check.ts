// `vetted check <company>`: answer a checklist (asked on a terminal, or given), score it,
// store it in one transaction, and say whether this vendor is safe to buy from.

import { safeText, toJson } from '../ui/safe.js';
import { INPUT_LIMITS, readInputText } from '../formats/read-input.js';
import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { UserError } from '../errors.js';
import { checkAnswers, scoreCheck, type Checklist } from '../domain/checklist.js';
import { formatLocalSecond } from '../domain/dates.js';
import { findChecklist } from '../formats/checklist-file.js';
import { parseDataText } from '../formats/data-text.js';
import { judgeCompany, findingText, type Verdict } from '../domain/policy.js';
import { brokenPromises, isOpen } from '../domain/incident.js';
import type { CompanyEvidence } from '../domain/types.js';
import { policyOf } from './verdicts.js';
import { count } from '../ui/words.js';
import { checkCompanyName, checkNote, lookalikeWarning, parsePairs, typoWarning, withStore } from './shared.js';
import { renderCheck, checkJson } from '../ui/render-check.js';
import { colourWanted, paint } from '../ui/colour.js';

export interface CheckOptions {
  checklist?: string;
  answers?: string;
  answer?: string[];
  note?: string[];
  json?: boolean;
}

/** Reads --answers: a map of question id to value, or { answers, notes } as in the data file. */
function readAnswersFile(file: string): { answers: Record<string, string>; notes: Record<string, string> } {
  const data = parseDataText(readInputText(file, { what: 'an answers file', maxBytes: INPUT_LIMITS.small }), file);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new UserError(`${file} must be a map of question id to answer value, such as "who-helps: live-support".`);
  }
  const obj = data as Record<string, unknown>;
  const nested = typeof obj.answers === 'object' && obj.answers !== null;
  const answers = (nested ? obj.answers : obj) as Record<string, unknown>;
  const notes = (nested && typeof obj.notes === 'object' && obj.notes !== null ? obj.notes : {}) as Record<string, unknown>;
  const asText = (map: Record<string, unknown>, what: string) =>
    Object.fromEntries(
      Object.entries(map).map(([k, v]) => {
        if (typeof v !== 'string') throw new UserError(`${file}: the ${what} of "${k}" must be text, not ${JSON.stringify(v)}.`);
        return [k, v.trim()];
      }),
    );
  return { answers: asText(answers, 'answer'), notes: asText(notes, 'note') };
}

function answerProblemsMessage(checklist: Checklist, answers: Record<string, string>): string | undefined {
  const { problems } = checkAnswers(checklist, answers);
  if (!problems.length) return undefined;
  return problems.map((p) => p.message).join('; ');
}

export async function run(ctx: Context, companyArg: string, opts: CheckOptions): Promise<CommandResult> {
  const company = checkCompanyName(companyArg);
  const { checklist } = findChecklist(opts.checklist ?? 'general', ctx.configDir);
  const fromFile = opts.answers ? readAnswersFile(opts.answers) : { answers: {}, notes: {} };
  const answers = { ...fromFile.answers, ...parsePairs(opts.answer, '--answer') };
  const notes = { ...fromFile.notes, ...parsePairs(opts.note, '--note') };
  const bad = answerProblemsMessage(checklist, answers);
  if (bad) throw new UserError(`${bad}.`);
  for (const q of Object.keys(notes)) {
    if (!checklist.questions.some((x) => x.id === q)) throw new UserError(`--note names "${q}", which is not a question of the ${checklist.id} checklist.`);
    checkNote(notes[q]);
  }
  const { missing } = checkAnswers(checklist, answers);
  const err = colourWanted(ctx.err, { noColor: ctx.noColor }, ctx.env);

  const policy = await policyOf(ctx);
  return withStore(ctx, async (store) => {
    const warnings: string[] = [];
    const knownBefore = store.findCompany(company);
    const before = knownBefore ? judgeCompany(store.evidenceOf(knownBefore), policy, ctx.now()) : undefined;
    const beforeEvidence = knownBefore ? store.evidenceOf(knownBefore) : undefined;
    if (!store.findCompany(company)) {
      const w = lookalikeWarning(store, company);
      if (w) warnings.push(w);
      const typo = typoWarning(store, company);
      if (typo) warnings.push(typo.warning);
    }
    if (missing.length) {
      if (!ctx.interactive) {
        throw new UserError(
          `no answer was given to ${missing.join(', ')}; give them with --answer ID=VALUE or --answers FILE, or run on a terminal to be asked (see \`vetted checklists show ${checklist.id}\`).`,
        );
      }
      for (const w of warnings.splice(0)) ctx.err.write(`${safeText(w)}\n`);
      // The company's record first: what it did decides more than what the answers will say.
      if (before && beforeEvidence) ctx.err.write(`${recordLines(before, beforeEvidence, ctx.now()).map(safeText).join('\n')}\n\n`);
      const known = store.findCompany(company);
      if (known) {
        // What others say, before the first question: a short block beside the company's record.
        const [{ othersOn }, { renderOthersBrief }, { policyOf }] = await Promise.all([import('./shared-sources.js'), import('../ui/render-sources.js'), import('./verdicts.js')]);
        const brief = renderOthersBrief(await othersOn(ctx, store, known, await policyOf(ctx)), paint(err));
        if (brief) ctx.err.write(`${brief}\n`);
      }
      const { askChecklist } = await import('../ui/prompts.js');
      const asked = await askChecklist(checklist, ctx.lang, answers, paint(err), ctx.err, err);
      Object.assign(answers, asked.answers);
      for (const [q, n] of Object.entries(asked.notes)) notes[q] = checkNote(n);
    }
    const result = scoreCheck(checklist, answers);
    const at = formatLocalSecond(ctx.now());
    const id = store.write(() => {
      const { company: row } = store.ensureCompany(company, at);
      return store.insertCheck({
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
    }, { summary: (ref) => `check ${ref} of ${company} (${checklist.id}): ${result.score}/100, ${result.verdict}` });
    const row = store.findCompany(company)!;
    const name = row.name;
    const evidence = store.evidenceOf(row);
    const after = judgeCompany(evidence, policy, ctx.now());
    const counted = !after.set_aside.some((f) => f.evidence.includes(`check:${id}`));
    const record = {
      list: after.list,
      since: after.since,
      pinned: after.pinned,
      reason: after.decided_by ? { rule: after.decided_by.rule, text: after.decided_by.text, evidence: after.decided_by.evidence } : null,
      open_incidents: evidence.incidents.filter(isOpen).length,
      broken_promises: evidence.incidents.reduce((n, i) => n + brokenPromises(i, ctx.now()).length, 0),
      before: before ? { list: before.list, since: before.since } : null,
      changed: !before || before.list !== after.list,
      check_counted: counted && !after.pinned,
    };
    if (opts.json) {
      return { out: toJson({ ...checkJson(id, name, checklist, at, result, notes), record }), err: warnings };
    }
    const colour = colourWanted(ctx.out, { noColor: ctx.noColor }, ctx.env);
    const why = after.pinned
      ? 'your pin decides'
      : !counted
        ? 'deeds over words: your incidents decide, and a check says only what a company promises'
        : '';
    const now = record.changed
      ? `Now: ${after.list === 'unlisted' ? 'on no list' : `on the ${after.list} list`}${before ? ` (was ${before.list})` : ''}.`
      : `Now: still ${after.list === 'unlisted' ? 'on no list' : `on the ${after.list} list`}${why ? `; this check did not change it: ${why}` : ''}.`;
    return {
      out: `${renderCheck({ id, company: name, checklist, result, notes, lang: ctx.lang, paint: paint(colour) })}\n${recordLines(after, evidence, ctx.now()).map(safeText).join('\n')}\n${now}\n`,
      err: warnings,
    };
  });
}

/** The company's record in two lines: its list and the reason, its open incidents and broken promises. */
function recordLines(v: Verdict, e: CompanyEvidence, now: number): string[] {
  const open = e.incidents.filter(isOpen).length;
  const broken = e.incidents.reduce((n, i) => n + brokenPromises(i, now).length, 0);
  const list = v.list === 'unlisted' ? 'on no list yet' : `on the ${v.list} list${v.since ? ` since ${v.since}` : ''}`;
  const reason = v.decided_by ? ` — ${v.decided_by.rule === 'pin' ? '' : `${v.decided_by.rule} `}${findingText(v.decided_by, 'en')}` : '';
  return [`Record: ${v.company} is ${list}${reason}`, `  ${count(open, 'open incident')}, ${count(broken, 'broken promise')}`];
}
