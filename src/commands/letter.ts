// `vetted letter ID`: a letter written from an incident's timeline; with --sent, the letter is
// recorded as a contact (its text kept as an attachment) and its reply deadline as a promise.

import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { UserError } from '../errors.js';
import { CASES, DEMANDS, LETTER_KINDS, type Case, type Demand, type LetterKind } from '../domain/law.js';
import { claimBeforeRegulator, composeLetter, defaultKind, letterLevel, lettersTo, missingFacts, whenMs, type LetterRequest, type MissingFact } from '../domain/letter.js';
import { renderLetter, type LetterFormat } from '../domain/letter-format.js';
import { TemplateError } from '../domain/template.js';

/** A template's values that a flag of this command gives, where a letter may be without them. */
const FLAG_OF_VALUE: Record<string, string> = { from: '--from', to: '--to', account: '--account', amount: '--amount', case_name: '--case', demands: '--demand', jurisdiction: '--jurisdiction' };
import { lettersWords } from '../domain/letter-words.js';
import { eventNumber, MAX_EVENT_NUMBER, sameEventAs } from '../domain/events.js';
import { formatLocalDate, formatLocalMinute, formatZonedMinute, msOf } from '../domain/dates.js';
import { SENT_CHANNELS, type IncidentEvent } from '../domain/types.js';
import { closingOf, dueMs, incidentAsOf, isOpen } from '../domain/incident.js';
import { howDueTakes } from '../domain/digest.js';
import { checkNote, problemOf, readingStore } from './shared.js';
import { checkEventFits, whenFlag } from './incident.js';
import { requireVocabulary, vocabularyId } from '../i18n/vocabulary.js';
import { loadPack } from '../formats/law-file.js';
import { loadTemplate } from '../formats/letter-template.js';
import { readsStdin } from '../formats/read-input.js';
import { checkOutputPath, outputFileOf, prepareOutputFile, writeOutputFile } from '../formats/write-file.js';
import { addAttachment, attachmentsOf } from '../store/attachments.js';
import { safeText } from '../ui/safe.js';
import { t } from '../i18n/index.js';
import { opSummary } from '../domain/op-summary.js';

export interface LetterOptions {
  kind?: string;
  jurisdiction?: string;
  case?: string;
  demand?: string;
  amount?: string;
  currency?: string;
  from?: string;
  to?: string;
  account?: string;
  replyTo?: string;
  bought?: string;
  statement?: string;
  out?: string;
  format?: string;
  template?: string;
  allowUnverified?: boolean;
  sent?: boolean;
  at?: string;
  channel?: string;
}

const oneLine = (v: string | undefined, flag: string): string | undefined => {
  if (v === undefined) return undefined;
  const text = v.trim();
  if (!text) throw new UserError(t().letter.empty(flag));
  if ([...text].length > 500) throw new UserError(t().letter.tooLong(flag, 500));
  return text;
};

/** A sum demanded: above nothing, in cents at most, as a person types it (12.50 or 12,50), and no more digits than a number holds exactly. */
function checkAmount(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const text = v.trim();
  const n = /^\d{1,12}(?:[.,]\d{1,2})?$/.test(text) ? Number(text.replace(',', '.')) : 0;
  if (!(n > 0)) throw new UserError(t().letter.badAmount(v));
  return n;
}

function checkCurrency(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (!/^[A-Za-z]{3}$/.test(v.trim())) throw new UserError(t().letter.badCurrency(v));
  return v.trim().toUpperCase();
}

/** What is wrong with a fact typed at its question: what its flag's check says of it. */
function factProblem(flag: MissingFact['flag'], value: string): string | undefined {
  if (flag === '--amount') return problemOf(checkAmount)(value);
  if (flag === '--currency') return problemOf(checkCurrency)(value);
  if (flag === '--from' || flag === '--account' || flag === '--to') return problemOf((v) => oneLine(v, flag))(value);
  return undefined;
}

/**
 * Asks for the facts the letter needs on a terminal; without one, or where standard input is
 * the template (`--template -`) and no prompt can read it, names the flags to give.
 */
async function fillMissing(ctx: Context, req: LetterRequest, missing: MissingFact[], stdinTemplate: boolean, why?: string): Promise<void> {
  if (!ctx.interactive || stdinTemplate) {
    const w = t().letter;
    throw new UserError(`${why ? `${why}; ` : ''}${w.needs(req.kind, missing.map((m) => ({ flag: m.flag, question: w.question[m.flag], onlyWith: m.onlyWith })), stdinTemplate)}`);
  }
  // A fact needed only with some answer of another is asked once that answer is known (below).
  const asked = missing.filter((m) => !m.onlyWith);
  const { askLetterFacts } = await import('../ui/letter-prompts.js');
  const answers = await askLetterFacts(asked, false, factProblem);
  for (const m of asked) {
    const v = answers[m.flag];
    if (m.flag === '--from') req.from = oneLine(v, '--from');
    else if (m.flag === '--account') req.account = oneLine(v, '--account');
    else if (m.flag === '--to') req.to = oneLine(v, '--to');
    else if (m.flag === '--amount') req.amount = checkAmount(v);
    else if (m.flag === '--currency') req.currency = checkCurrency(v);
    else if (m.flag === '--case') req.case = v as Case;
    else if (m.flag === '--demand') req.demand = v as Demand;
  }
  const still = missingFacts(req);
  if (still.some((m) => !m.onlyWith)) await fillMissing(ctx, req, still, false);
}

export async function run(ctx: Context, id: string, opts: LetterOptions): Promise<CommandResult> {
  // Each as its id or a word of the reader's language (`--kind претензия`, `--demand перерасчёт`).
  if (opts.kind !== undefined) opts.kind = await requireVocabulary('letterKind', LETTER_KINDS, opts.kind, '--kind');
  if (opts.case !== undefined) opts.case = await requireVocabulary('letterCase', CASES, opts.case, '--case');
  if (opts.demand !== undefined) opts.demand = await requireVocabulary('demand', DEMANDS, opts.demand, '--demand');
  if (!opts.sent && (opts.at !== undefined || opts.channel !== undefined)) throw new UserError(t().letter.sentOnly);
  const format: LetterFormat = opts.format === 'txt' ? 'txt' : 'md';
  if (opts.format !== undefined && opts.format !== 'md' && opts.format !== 'txt') throw new UserError(t().letter.badFormat(opts.format));
  // Sent by post or by e-mail, as the help says: any other channel was recorded as a letter.
  const channel = opts.channel === undefined ? 'letter' : await vocabularyId('channel', SENT_CHANNELS, opts.channel);
  if (!channel) throw new UserError(t().vocabulary.notOne('--channel', [...SENT_CHANNELS], opts.channel!));
  const sentAt = opts.sent ? (opts.at !== undefined ? whenFlag(opts.at, '--at', ctx.now()) : formatZonedMinute(ctx.now())) : undefined;
  if (sentAt && msOf(sentAt) > ctx.now() + 60_000) throw new UserError(t().letter.inFuture(opts.at!));
  const letterNow = sentAt ? msOf(sentAt) : ctx.now();
  const pack = await loadPack(opts.jurisdiction ?? 'none', ctx.configDir, ctx.now());
  const lang = ctx.lang;
  const base = {
    from: oneLine(opts.from, '--from'),
    to: oneLine(opts.to, '--to'),
    account: oneLine(opts.account, '--account'),
    replyTo: oneLine(opts.replyTo, '--reply-to'),
    amount: checkAmount(opts.amount),
    currency: checkCurrency(opts.currency),
    purchase: opts.bought !== undefined ? whenMs(whenFlag(opts.bought, '--bought', ctx.now())) : undefined,
    statement: opts.statement !== undefined ? whenMs(whenFlag(opts.statement, '--statement', ctx.now())) : undefined,
  };
  if (base.currency && base.amount === undefined) throw new UserError(t().letter.currencyNeedsAmount);

  return readingStore(ctx, async (store) => {
    const recorded = store.findIncident(id);
    if (!recorded) throw new UserError(t().errors.noIncident(id));
    // Sent before the incident opened it would stand on no timeline (its export would not import).
    if (sentAt) checkEventFits(recorded, 'contact', sentAt, {});
    // A letter sent earlier (--at) tells the timeline as it stood then: what came after it
    // (an apology, a promise) was not in the letter, nor are receipts of later events enclosed.
    const incident = incidentAsOf(recorded, letterNow);
    const kept = new Set(incident.events);
    const later = new Set(recorded.events.filter((e) => !kept.has(e)).map((e) => eventNumber(e.id)));
    const kind = (opts.kind as LetterKind | undefined) ?? defaultKind(incident, letterNow);
    // `due` names the regulator, but a letter to one says the company was written to first: a claim, said why.
    const claimFirst = opts.kind === undefined && claimBeforeRegulator(incident, letterNow);
    if (kind === 'regulator' && !lettersTo(incident).length) throw new UserError(t().letter.writeFirst(incident.id));
    // The letters still waiting for their answer: another sent meanwhile with no kind named
    // (the same command run again, say) would climb the ladder a rung for nothing.
    const waiting = lettersTo(incident).filter((l) => !l.answeredAt && !l.marked && l.due && dueMs(l.due) > letterNow);
    if (sentAt && opts.kind === undefined && waiting.length) {
      const last = waiting[waiting.length - 1];
      throw new UserError(t().letter.stillAwaiting(last.event.at, last.due!, kind, incident.id, opts.at, dueMs(last.due!) <= ctx.now()));
    }
    const company = store.findCompany(incident.company);
    const attachments = attachmentsOf(store, recorded.rowId).filter((a) => a.event === null || !later.has(a.event));
    const req: LetterRequest = {
      incident,
      kind,
      lang,
      pack,
      category: company?.category,
      case: opts.case as Case | undefined,
      now: letterNow,
      demand: opts.demand as Demand | undefined,
      allowUnverified: !!opts.allowUnverified,
      enclosures: attachments.map((a) => ({ name: a.name, size: a.size })),
      ...base,
    };
    const missing = missingFacts(req);
    if (missing.length) await fillMissing(ctx, req, missing, opts.template !== undefined && readsStdin(opts.template), claimFirst ? t().letter.claimFirst(incident.id) : undefined);
    const template = loadTemplate({ template: opts.template, configDir: ctx.configDir, lang, kind, format });
    const letter = composeLetter(req);
    let text: string;
    try {
      text = renderLetter(template.nodes, letter.scope, format);
    } catch (err) {
      if (err instanceof TemplateError) {
        const fault = err.fault.kind === 'no-value' && Object.hasOwn(FLAG_OF_VALUE, err.fault.name) ? { ...err.fault, flag: FLAG_OF_VALUE[err.fault.name] } : err.fault;
        throw new UserError(t().letter.inTemplate(template.file, t().letter.templateFault(fault, err.line)));
      }
      throw err;
    }

    const w = t().letter;
    const notes: string[] = claimFirst ? [w.claimFirst(incident.id, true)] : [];
    for (const s of letter.skipped) notes.push(w.notCited(w.article(s.rule.article), s.why === 'indicative' ? w.notVerifiedAt(s.rule.source) : w.skipWhy[s.why], s.flag));
    // The letter tells its timeline as the record of every contact: with nothing logged, that is empty.
    if (!incident.events.length && !sentAt) notes.push(w.noTimeline(incident.id));
    if ((kind === 'complaint' || kind === 'escalation') && closingOf(incident)?.outcome === 'resolved') notes.push(w.resolvedAlready(incident.id, kind));
    if (pack.id === 'none' && (kind === 'claim' || kind === 'regulator')) notes.push(w.citesNoLaw);
    if (kind === 'regulator') for (const l of waiting) notes.push(w.awaitingAnswer(l.event.at, l.due!));
    for (const r of letter.cited.filter((x) => x.status !== 'verified')) notes.push(w.notVerified(w.article(r.article), r.source, r.to_check ? w.toCheck(r.to_check) : null));

    // Where it goes is checked before anything is recorded: a letter recorded as sent whose file
    // could not be written was a change made by a command that failed.
    const guard = { dbPath: ctx.dbPath };
    // `-` (or none) is standard output: the letter is printed, as it is without --out.
    const file = outputFileOf(opts.out);
    if (file !== undefined) checkOutputPath(file, guard);
    // A letter recorded as sent is written first wherever it goes but onto a terminal (which
    // gets it through its guard): into a file, a pipe or a file standard output was sent to,
    // with --out or without it, a letter that could not be written is no letter sent.
    const writtenFirst = file !== undefined || !ctx.out.isTTY;
    if (sentAt) {
      const lw = lettersWords(lang);
      const level = letterLevel(kind, incident);
      const sentDate = formatLocalDate(msOf(sentAt));
      const name = `${kind}-${sentDate}.${format}`;
      const contact: IncidentEvent = { at: sentAt, type: 'contact', channel, level, note: checkNote(`${lw.sentNote(kind)} (${name})`) };
      // The date in the words of the letter's language (an ISO date stood in Russian text).
      const [y, m, d] = sentDate.split('-').map(Number);
      const promise: IncidentEvent = { at: sentAt, type: 'promise', text: lw.replyPromise(kind, lw.date(y, m, d)), due: letter.replyBy, level };
      const alreadySent = () => new UserError(w.alreadySent(kind, incident.id, sentAt));
      // Said before the letter goes out: a pipe would otherwise be sent a letter not recorded.
      if (sameEventAs(contact, recorded.events)) throw alreadySent();
      // As is an incident whose events' numbers are used up: the contact and the deadline take two.
      if (store.eventNumbersLeft(incident.rowId) < 2) throw new UserError(t().errors.eventNumbersUsedUp(MAX_EVENT_NUMBER));
      // Written (a pipe or a device) or made ready beside its place (a file) before the record's
      // transaction: the database is never held while an output waits for its reader. The file
      // is put in place within the transaction: a file that cannot be written records nothing.
      const output = writtenFirst ? prepareOutputFile(file ?? '-', [text], guard) : undefined;
      try {
        const { attachmentId, deadline } = store.write(() => {
          const sent = store.addEvent(incident.rowId, contact);
          if (!sent) throw alreadySent();
          const deadline = store.addEvent(incident.rowId, promise);
          // The contact just logged, by its number (a letter sent the same minute before it has the
          // same time and words, and took this one's text as its own).
          const id = addAttachment(store, { incidentRowId: incident.rowId, eventRowId: store.findEvent(`${incident.id}#${sent}`)!.rowId, name, addedAt: formatLocalMinute(ctx.now()), data: Buffer.from(text, 'utf8') }).id;
          output?.commit();
          return { attachmentId: id, deadline };
        }, { summary: opSummary({ k: 'letter', kind, company: incident.company, incident: incident.id }) });
        // Said as `due` takes the reply deadline just logged: of a closed incident, it chases one logged after the fix.
        const chased = deadline ? howDueTakes(store.findIncident(incident.id)!, `${incident.id}#${deadline}`) : isOpen(recorded) ? 'open' : 'closed';
        notes.push(w.recorded(kind, sentAt, attachmentId, letter.replyBy, chased, incident.id));
      } finally {
        output?.discard();
      }
    } else if (file !== undefined) writeOutputFile(file, [text], guard);
    if (file !== undefined) return { err: [...notes, w.wrote(kind, safeText(file))] };
    return writtenFirst && sentAt ? { err: notes } : { out: text, err: notes };
  });
}
