// `vetted due`: for every open incident, the promises broken and coming due, staleness,
// and the next escalation step with its reason.

import { jsonListPieces, type JsonOutOptions } from '../ui/json-out.js';
import type { Context } from '../context.js';
import type { CommandResult } from './result.js';
import { owedDeadlines, owedReport, type DueReport } from '../domain/digest.js';
import type { Store } from '../store/store.js';
import { formatLocalDate } from '../domain/dates.js';
import { readingStore } from './shared.js';
import { colourWanted, paint as makePaint, type Paint } from '../ui/colour.js';
import { safeText, writePieces } from '../ui/safe.js';
import { fitLines, terminalWidth } from '../ui/wrap.js';
import { UserError } from '../errors.js';
import { calendarChunks, type CalendarDeadline } from '../formats/ics.js';
import { outputFileOf, writeOutputFile } from '../formats/write-file.js';
import { loadCatalog, readerLang, t, type Catalog } from '../i18n/index.js';
import { adviceWords, stepWords } from '../ui/advice.js';
import { replyPromiseIn } from '../domain/letter-words.js';

/** How many open incidents `due` reads at once. */
const DUE_BATCH = 100;

/** A report as JSON: each next step in English (`step`, `why`) and in Russian (`step_ru`, `why_ru`), as `lists --json` carries its reasons. */
function reportJson(r: DueReport, en: Catalog, ru: Catalog) {
  return {
    incident: r.incident.id,
    company: r.incident.company,
    title: r.incident.title,
    // `owed_by`: the company, or the regulator or court a letter of the customer's went to.
    broken: r.broken.map((p) => ({ text: p.event.text ?? null, due: p.event.due, late_minutes: Math.round((p.lateMs ?? 0) / 60000), reply_deadline: p.event.reply === true, owed_by: p.event.replyOf ?? 'company' })),
    coming_due: r.comingDue.map((p) => ({ text: p.event.text ?? null, due: p.event.due, reply_deadline: p.event.reply === true, owed_by: p.event.replyOf ?? 'company' })),
    stale_days: r.staleDays,
    next_steps: r.advice.map((a) => {
      const inRu = adviceWords(ru, a);
      return { ...a, ...adviceWords(en, a), step_ru: inRu.step, why_ru: inRu.why };
    }),
  };
}

/** What a deadline is of, in the reader's words: its own text (a reply deadline's as `letter --sent` kept it, told in the reader's language), or what it is. */
function deadlineWords(e: { text?: string | null }, reply: boolean): string {
  const d = t().due;
  if (e.text === undefined || e.text === null) return reply ? d.aReply : d.aPromise;
  return reply ? replyPromiseIn(e.text, readerLang()) : e.text;
}

function renderReport(r: DueReport, now: number, p: Paint): string {
  const c = t();
  const d = c.due;
  const lines = [p.bold(`${r.incident.id} · ${safeText(r.incident.company)} · ${safeText(r.incident.title)}`)];
  // One column for the three words, as wide as the longest and two more: a word as wide as the
  // column ran into its line ("без движения событий нет…").
  const width = Math.max(9, ...[d.broken, d.unanswered, d.due, d.stale].map((w) => w.length + 2));
  const col = (word: string) => word.padEnd(width);
  // A letter to a regulator or a court awaits their reply, not the company's: said whose it is.
  for (const b of r.broken) lines.push(`  ${p.red(col(b.event.reply ? d.unanswered : d.broken))}${d.brokenLine(safeText(deadlineWords(b.event, !!b.event.reply)), safeText(b.event.due!), b.lateMs ?? 0, b.event.replyOf)}`);
  for (const x of r.comingDue) lines.push(`  ${p.yellow(col(d.due))}${d.dueLine(safeText(deadlineWords(x.event, !!x.event.reply)), safeText(x.event.due!), x.dueMs - now, x.event.replyOf)}`);
  if (r.staleDays !== null) lines.push(`  ${p.yellow(col(d.stale))}${d.staleLine(r.staleDays)}`);
  if (r.advice.length) {
    lines.push(`  ${d.next}`);
    for (const a of r.advice) {
      const w = adviceWords(c, a);
      lines.push(`    → ${w.step} ${p.dim(`(${w.why})`)}`);
    }
  }
  return lines.join('\n');
}

/** The reports of `due`, an incident at a time, in name order: of each open incident, and of each
 * closed one that still owes a promise made after its fix. */
function* reportsOf(store: Store, now: number): Generator<DueReport> {
  // A hundred at a time: a batch lives through the collections made while it is written,
  // and batches of 500 took `due` at 10,000 companies to 4.2 NU from 3.8 (2,600 more pages touched).
  for (const batch of store.digestedIncidentsInBatches(DUE_BATCH, 'owing')) {
    for (const i of batch) {
      const r = owedReport(i, now, formatLocalDate);
      if (r) yield r;
    }
  }
}

/** Every deadline `due` shows (broken ones too: they stay owed), as calendar events, each with
 * the step `due` gives for it: now, for one let pass; once it is let pass, for one to come. */
function* calendarOf(store: Store, now: number): Generator<CalendarDeadline> {
  const c = t();
  const say = c.due;
  // (Read before the deadlines: their read holds the connection until its last row.)
  const database = store.databaseId();
  // Only the incidents with a promise that may be owed (the others have no deadline to give),
  // and of each only its deadlines and their steps: not the rest of due's report.
  for (const batch of store.digestedIncidentsInBatches(DUE_BATCH, 'promises-owed')) {
    for (const i of batch) {
      // In the order they were made, as the timeline has them.
      for (const { promise: p, step } of owedDeadlines(i, now)) {
        const e = p.event;
        // A letter's deadline awaits a reply to it, not a promise: said whose, the company's or the
        // regulator's or court's it went to.
        const whose = e.replyOf ?? (e.reply ? 'company' : undefined);
        const what = deadlineWords(e, whose !== undefined);
        yield {
          // By the promise's event: a promise whose deadline or words are corrected keeps its UID,
          // so that a calendar updates the event rather than keeping the old one beside the new;
          // and by the database, so that another's acme-1#3 is another event.
          uid: `${e.id}${database ? `.${database}` : ''}@vetted`,
          summary: say.calendarSummary(what, i.company, whose),
          description: say.calendarDescription(i.company, i.id, i.title, e.at, what, e.due!, p.state !== 'broken' ? null : p.dueMs > now ? 'marked' : 'passed', step && stepWords(c, step), whose),
          dueMs: p.dueMs,
          ...(/^\d{4}-\d{2}-\d{2}$/.test(e.due!) ? { date: e.due } : {}),
        };
      }
    }
  }
}

export async function run(ctx: Context, opts: JsonOutOptions & { format?: string; out?: string }): Promise<CommandResult> {
  const format = opts.json ? 'json' : (opts.format ?? 'text');
  if (!['text', 'json', 'ics'].includes(format)) throw new UserError(t().due.badFormat(format));
  if ((opts.json || opts.ndjson) && opts.format !== undefined && opts.format !== 'json') throw new UserError(t().due.twoFormats(opts.ndjson ? '--ndjson' : '--json', opts.format));
  // `-` (or none) is standard output, in every format.
  const file = outputFileOf(opts.out);
  if (format === 'ics') {
    // Written piece by piece while the deadlines are read: at 10,000 companies the calendar
    // is megabytes, and holding it whole costs more than rendering it.
    return readingStore(ctx, (store): CommandResult => {
      const now = ctx.now();
      const chunks = calendarChunks(calendarOf(store, now), now, t().due.calendarName);
      if (file !== undefined) {
        writeOutputFile(file, chunks, { dbPath: ctx.dbPath });
        return { err: t().data.wrote(file) };
      }
      // A terminal gets text through its guard; a pipe or a file, the bytes directly.
      if (ctx.out.isTTY) for (const chunk of chunks) ctx.out.write(chunk);
      else writeOutputFile('-', chunks, { dbPath: ctx.dbPath });
      return {};
    });
  }
  const catalogs = format === 'json' ? { en: await loadCatalog('en'), ru: await loadCatalog('ru') } : undefined;
  return readingStore(ctx, async (store): Promise<CommandResult> => {
    const now = ctx.now();
    const p = catalogs ? undefined : makePaint(colourWanted(ctx.out, { noColor: ctx.noColor }, ctx.env));
    const width = terminalWidth(ctx.out);
    // Each report is written as its text or its JSON is made: at 100,000 companies the whole
    // report was hundreds of megabytes in memory.
    const reports = () => reportsOf(store, now);
    function* jsonOf(c: { en: Catalog; ru: Catalog }): Generator<ReturnType<typeof reportJson>> {
      for (const r of reports()) yield reportJson(r, c.en, c.ru);
    }
    function* text(): Generator<string> {
      let n = 0;
      for (const r of reports()) yield `${n++ ? '\n\n' : ''}${fitLines(renderReport(r, now, p!), width)}`;
      yield n ? '\n' : `${t().due.nothing}\n`;
    }
    const pieces = catalogs ? jsonListPieces(jsonOf(catalogs), opts) : text();
    if (file !== undefined) {
      writeOutputFile(file, pieces, { dbPath: ctx.dbPath });
      return { err: t().data.wrote(file) };
    }
    await writePieces(ctx.out, pieces);
    return {};
  });
}
