// `vetted letter ID`: a letter written from an incident's timeline; with --sent, the letter is
// recorded as a contact (its text kept as an attachment) and its reply deadline as a promise.

import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { UserError } from '../errors.js';
import { LETTER_KINDS, type Case, type Demand, type LetterKind } from '../domain/law.js';
import { composeLetter, defaultKind, letterLevel, lettersTo, missingFacts, whenMs, type LetterRequest, type MissingFact } from '../domain/letter.js';
import { renderLetter, type LetterFormat } from '../domain/letter-format.js';
import { TemplateError } from '../domain/template.js';
import { lettersWords } from '../domain/letter-words.js';
import { formatLocalDate, formatLocalMinute, msOf } from '../domain/dates.js';
import type { IncidentEvent } from '../domain/types.js';
import { dueMs, isOpen } from '../domain/incident.js';
import { checkNote, withStore } from './shared.js';
import { whenFlag } from './incident.js';
import { loadPack } from '../formats/law-file.js';
import { loadTemplate } from '../formats/letter-template.js';
import { writeFileAtomic } from '../formats/write-file.js';
import { addAttachment, attachmentsOf } from '../store/attachments.js';
import { safeText } from '../ui/safe.js';

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
  const t = v.trim();
  if (!t) throw new UserError(`${flag} cannot be empty.`);
  if ([...t].length > 500) throw new UserError(`${flag} can be at most 500 characters; shorten it.`);
  return t;
};

function checkAmount(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+(\.\d{1,2})?$/.test(v.trim())) throw new UserError(`--amount takes a sum such as 500 or 12.50, not "${v}".`);
  return Number(v);
}

function checkCurrency(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (!/^[A-Za-z]{3}$/.test(v.trim())) throw new UserError(`--currency takes a three-letter ISO 4217 code such as RUB or EUR, not "${v}".`);
  return v.trim().toUpperCase();
}

/** Asks for the facts the letter needs on a terminal; without one, names the flags to give. */
async function fillMissing(ctx: Context, req: LetterRequest, missing: MissingFact[]): Promise<void> {
  if (!ctx.interactive) {
    throw new UserError(`a ${req.kind} letter needs ${missing.map((m) => `${m.flag} (${m.question.toLowerCase()})`).join(', ')}; give ${missing.length === 1 ? 'it' : 'them'} as flags, or run on a terminal to be asked.`);
  }
  const { askLetterFacts } = await import('../ui/letter-prompts.js');
  const answers = await askLetterFacts(missing);
  for (const m of missing) {
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
  if (still.length) await fillMissing(ctx, req, still);
}

export async function run(ctx: Context, id: string, opts: LetterOptions): Promise<CommandResult> {
  if (opts.kind !== undefined && !(LETTER_KINDS as readonly string[]).includes(opts.kind)) throw new UserError(`--kind takes ${LETTER_KINDS.join(', ')}, not "${opts.kind}".`);
  if (!opts.sent && (opts.at !== undefined || opts.channel !== undefined)) throw new UserError('--at and --channel say when and how a letter was sent; give them with --sent.');
  const format: LetterFormat = opts.format === 'txt' ? 'txt' : 'md';
  if (opts.format !== undefined && opts.format !== 'md' && opts.format !== 'txt') throw new UserError(`--format takes md or txt, not "${opts.format}".`);
  const sentAt = opts.sent ? (opts.at !== undefined ? whenFlag(opts.at, '--at', ctx.now()) : formatLocalMinute(ctx.now())) : undefined;
  if (sentAt && msOf(sentAt) > ctx.now() + 60_000) throw new UserError(`--at ${opts.at} is in the future; a letter is recorded once it is sent.`);
  const letterNow = sentAt ? msOf(sentAt) : ctx.now();
  const pack = await loadPack(opts.jurisdiction ?? 'none', ctx.configDir);
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
  if (base.currency && base.amount === undefined) throw new UserError('--currency goes with --amount; give the sum too, such as --amount 500 --currency RUB.');

  return withStore(ctx, async (store) => {
    const incident = store.findIncident(id);
    if (!incident) throw new UserError(`there is no incident "${id}"; see \`vetted incident list\` for the ids.`);
    const kind = (opts.kind as LetterKind | undefined) ?? defaultKind(incident);
    if (kind === 'regulator' && !lettersTo(incident).length) {
      throw new UserError(
        `a letter to a regulator says that the company was written to first, and the timeline of ${incident.id} shows no letter or email to it; send a claim first (\`vetted letter ${incident.id} --kind claim … --sent\`) or log the one you sent (\`vetted incident event ${incident.id} contact --channel letter\`).`,
      );
    }
    const company = store.findCompany(incident.company);
    const attachments = attachmentsOf(store, incident.rowId);
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
    if (missing.length) await fillMissing(ctx, req, missing);
    const template = loadTemplate({ template: opts.template, configDir: ctx.configDir, lang, kind, format });
    const letter = composeLetter(req);
    let text: string;
    try {
      text = renderLetter(template.nodes, letter.scope, format);
    } catch (err) {
      if (err instanceof TemplateError) throw new UserError(`the template ${template.file}: ${err.message}.`);
      throw err;
    }

    const notes: string[] = [];
    for (const s of letter.skipped) notes.push(`note: not cited: ${s.rule.article.en} — ${s.why}${s.flag ? ` (${s.flag})` : ''}.`);
    if (pack.id === 'none' && (kind === 'claim' || kind === 'regulator')) notes.push('note: this letter cites no law; add --jurisdiction ru, uk, eu or us to cite the rules that apply.');
    if (kind === 'regulator') {
      const waiting = lettersTo(incident).filter((l) => !l.answeredAt && l.due && dueMs(l.due) > letterNow);
      for (const l of waiting) notes.push(`note: the company's answer to your letter of ${l.event.at.slice(0, 10)} is due by ${l.due}; a regulator may expect you to wait for it.`);
    }
    for (const r of letter.cited.filter((x) => x.status !== 'verified')) {
      notes.push(`note: NOT VERIFIED: ${r.article.en} has not been checked against its source. Before sending, check at ${r.source}: ${r.to_check ?? 'the rule as the letter states it'}.`);
    }

    if (sentAt) {
      const w = lettersWords(lang);
      const channel = opts.channel === 'email' ? 'email' : 'letter';
      const level = letterLevel(kind, incident);
      const sentDate = formatLocalDate(msOf(sentAt));
      const name = `${kind}-${sentDate}.${format}`;
      const contact: IncidentEvent = { at: sentAt, type: 'contact', channel, level, note: checkNote(`${w.sentNote(kind)} (${name})`) };
      const promise: IncidentEvent = { at: sentAt, type: 'promise', text: w.replyPromise(kind, sentDate), due: letter.replyBy, level };
      const attachmentId = store.write(() => {
        if (!store.addEvent(incident.rowId, contact)) throw new UserError(`this ${kind} letter is on the timeline of ${incident.id} already (sent ${sentAt}); nothing was recorded.`);
        store.addEvent(incident.rowId, promise);
        const updated = store.findIncident(incident.id)!;
        const sent = updated.events.find((e) => e.at === contact.at && e.type === 'contact' && e.note === contact.note)!;
        return addAttachment(store, { incidentRowId: incident.rowId, eventRowId: store.findEvent(sent.id!)!.rowId, name, addedAt: formatLocalMinute(ctx.now()), data: Buffer.from(text, 'utf8') }).id;
      }, { summary: `${kind} letter to ${incident.company} sent for ${incident.id}` });
      notes.push(
        isOpen(incident)
          ? `recorded the ${kind} as sent on ${sentAt} (its text is attachment ${attachmentId}); the reply is due by ${letter.replyBy}, and \`vetted due\` will chase it.`
          : `recorded the ${kind} as sent on ${sentAt} (its text is attachment ${attachmentId}); the reply is due by ${letter.replyBy}, but ${incident.id} is closed, so \`vetted due\` will not chase it until the incident is reopened.`,
      );
    }
    if (opts.out) {
      writeFileAtomic(opts.out, [text], 0o600);
      return { err: [...notes, `wrote the ${kind} letter to ${safeText(opts.out)}`] };
    }
    return { out: text, err: notes };
  });
}
