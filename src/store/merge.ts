// Merging a validated data file into the store, in one transaction: all of it or none.
// Companies match by name or alias, checks by company + checklist + date, incidents by id
// (or company + opened + title), events by their content; what is there already is left.

import type { CompanyRow, RowsBefore, Store } from './store.js';
import { attachmentEvent, withOpening, withoutNulls, type AttachmentEventFault, type CheckEntry, type CompanyEntry, type DataFile, type IncidentEntry, type OpenedIncidentEntry, type PinEntry } from '../formats/data-file.js';
import { checkAnswers, hasScore, isChecklistId, roundScore, scoreCheck, verdictOf, type Checklist } from '../domain/checklist.js';
import { t } from '../i18n/index.js';
import { companyKey } from '../domain/names.js';
import { refSlugOf } from '../domain/redact.js';
import { formatPath, type Path } from '../domain/validation.js';
import { eventContentKey, eventMomentKey, eventNumber, MAX_EVENT_NUMBER, repeatedEvents, timedInOrder } from '../domain/events.js';
import { digestOf } from '../domain/digest.js';
import { msOf } from '../domain/dates.js';
import { dueMs, newTimelineFaults, type TimelineFault } from '../domain/incident.js';
import { UserError } from '../errors.js';
import type { CheckVerdict, IncidentEvent } from '../domain/types.js';
import { addAttachment, contentOf, sha256Of } from './attachments.js';
import { largest, smallest } from '../domain/extremes.js';

export interface Tally {
  added: number;
  existing: number;
}

/** Records there already, some of which the file changed (a company's details, a pin replaced). */
export interface ChangeTally extends Tally {
  /** Of those there already, how many the file changed. */
  changed: number;
}

export interface MergeReport {
  companies: ChangeTally;
  aliases: Tally;
  checks: Tally;
  incidents: ChangeTally;
  events: Tally;
  pins: ChangeTally;
  attachments: Tally;
  /** Attachments listed without their content, whose content this database does not hold. */
  attachments_without_content: number;
  /** Checks whose id in the file is another check's here: added under a new id (`to`). */
  checks_renumbered: { from: string; to: string }[];
  /** Events whose id in the file is another event's here (or of the same file): added under a new id (`to`). */
  events_renumbered: { from: string; to: string }[];
  /**
   * Companies of the file unknown here by their name, taken for the company here (`here`) that
   * one of their other names (`by`) names: their name is kept as another name of it.
   */
  companies_taken_for: { name: string; here: string; by: string }[];
  /**
   * Companies of the file whose parent it names is that company itself here (`here`): the two
   * merged since, or one named by an alias of the other. The link is left out.
   */
  parents_left_out: { name: string; parent: string; here: string }[];
  /**
   * Companies the file added whose name looks the same as the name or an alias (`like`) of one
   * here before (`of`, its name), spelled with letters of another script: those of the first
   * LOOKALIKES_LISTED such companies, by name (each with every name it looks like).
   */
  companies_like_others: { name: string; like: string; of: string }[];
  /** How many companies the file added look so, all told: more than companies_like_others lists, it is cut. */
  companies_like_others_count: number;
}

/** The most companies whose lookalikes companies_like_others lists. */
export const LOOKALIKES_LISTED = 100;

export interface MergeOptions {
  checklists: Map<string, Checklist>;
  /** The built-in checklists a checklist of the user's overrides (of another version): a check made with one is scored by it. */
  overridden?: Map<string, Checklist>;
  /** The time of the import: for pins without a date. */
  today: string;
  dryRun?: boolean;
  onProgress?: (done: number, total: number) => void;
  /** The one line the journal keeps for this import. */
  summary?: (report: MergeReport) => string;
  /**
   * Told the id of each incident the merge adds or changes (its details, its events, its
   * closing), with what of it the file gave: all of it (an incident added, or its opening or
   * closing changed), or the events added (by their places in the file's list).
   */
  onIncidentWritten?: (id: string, taken: { whole: boolean; events: ReadonlySet<number> }) => void;
}

/**
 * Numbers for a timeline's new events: the one its id gives where that is free, else the next
 * after every number handed out, in timeline order; so a file without ids is numbered the same
 * way every time.
 */
function numberEvents(events: IncidentEvent[], taken: Set<number>, last: number): { seqs: number[]; last: number } {
  const own = events.map((e) => eventNumber(e.id));
  const used = new Set(taken);
  const seqs: number[] = new Array(events.length);
  own.forEach((n, i) => {
    if (n !== undefined && !used.has(n)) {
      seqs[i] = n;
      used.add(n);
    }
  });
  let next = largest(seqs.filter((n) => n !== undefined), last);
  for (let i = 0; i < events.length; i++) {
    if (seqs[i] !== undefined) continue;
    // Past the most a number holds (a file's id may take it) there is none to give: a number is
    // never given twice, even one whose event is gone, and one past nine digits is an id the data
    // file refuses (an export of it was not imported again).
    if (next >= MAX_EVENT_NUMBER) throw new Refusal({ kind: 'numbers-used-up', max: MAX_EVENT_NUMBER }, 'events');
    seqs[i] = ++next;
  }
  return { seqs, last: next };
}

class DryRun extends Error {}

/** A check scored by its checklist, refused as `check` refuses it when no answer counts. */
function scoredOrRefused(checklist: Checklist, answers: Record<string, string>) {
  const result = scoreCheck(checklist, answers);
  if (!hasScore(result)) throw new Refusal({ kind: 'nothing-scored' }, 'answers');
  return result;
}

/** What stops a record of a data file from being merged, as facts (the catalogs say it in words). */
export type ImportFault =
  | { kind: 'own-parent'; company: string }
  | { kind: 'parent-loop'; company: string; parent: string }
  | { kind: 'no-checklist'; checklist: string; known: string[] }
  | { kind: 'unanswered'; questions: string[] }
  | { kind: 'not-a-question'; question: string; checklist: string }
  /** A check taken as found: an answer without its score, or a score or dealbreaker of no answer. */
  | { kind: 'unscored'; question: string }
  | { kind: 'not-answered'; question: string }
  | { kind: 'question-id'; question: string }
  | { kind: 'dealbreaker-twice' }
  | { kind: 'nothing-scored' }
  | { kind: 'verdict-of-score'; given: CheckVerdict; verdict: CheckVerdict }
  /** A score no weights could make of the answers' scores (between the lowest and the highest, as a percentage). */
  | { kind: 'score-of-scores'; score: number; low: number; high: number }
  /** What a check found, against what the checklist of its id and version at hand finds of its answers: that checklist has changed since, under the same version. */
  | { kind: 'scored-otherwise'; checklist: string; version: number; found: number; now: number; verdict: CheckVerdict; verdictNow: CheckVerdict; dealbreakers?: [given: string[], now: string[]] }
  | { kind: 'partial-result' }
  | { kind: 'id-taken'; id: string; company: string }
  /** An id the file gives that names another incident of the company here (neither its opening nor its title the same). */
  | { kind: 'id-other-incident'; id: string; opened: string; title: string }
  /** Events merged into an incident there already that break its timeline as it stands (a second closing). */
  | { kind: 'timeline'; id: string; fault: TimelineFault }
  /** Parts of one incident of the file whose opening comes after what another part gives (an event, the closing): `at`. */
  | { kind: 'parts-opening'; id: string; at: string }
  | AttachmentEventFault
  | { kind: 'content-mismatch' }
  /** An event of the file under the id, time and type of one here, with other details: the one here changed. */
  | { kind: 'event-changed'; event: string }
  /** A record the file gives twice: the same company (by any of its names), incident id, or company's pin as an earlier record of its section. */
  /** `here`: the company's name in this database, where the file names the two otherwise (one here by a merge or an alias). */
  | { kind: 'twice-in-file'; section: 'companies' | 'incidents' | 'pins'; first: number; here?: string }
  /** Two companies of the file, by two names neither gives the other, that share another name. */
  | { kind: 'shared-alias'; alias: string; first: number; name: string }
  /** An event whose id names another incident than the one it is in. */
  | { kind: 'event-of-other'; event: string; id: string }
  /** Events without an id where the incident's events are numbered up to the most a number holds. */
  | { kind: 'numbers-used-up'; max: number };

/** Lower case as SQLite's NOCASE has it (ids are looked up so): A to Z only. */
const asciiLower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** A record's fault, at one of its fields when `field` is given: `guard` names the record. */
class Refusal extends Error {
  constructor(
    readonly fault: ImportFault,
    readonly field?: string,
  ) {
    super(fault.kind);
  }
}

/** A user error that names the record of the file it is about. */
class RecordError extends UserError {}

function recordError(path: Path, problem: string, field?: string): RecordError {
  return new RecordError(t().data.recordProblem(formatPath(path), field, problem));
}

const tally = (): Tally => ({ added: 0, existing: 0 });

/** The records of a data file, a section at a time in the order they are merged (companies, checks, incidents, pins). */
export interface DataRecords {
  /** How many records of those four sections there are. */
  count: number;
  /** The ids the file gives its incidents. */
  incidentIds: Set<string>;
  forEach(visit: <S extends MergedSection>(section: S, record: MergedRecord[S], index: number) => void): void;
}

export type MergedSection = 'companies' | 'checks' | 'incidents' | 'pins';
type MergedRecord = { [S in MergedSection]: NonNullable<DataFile[S]>[number] };

/** A parsed data file's records. */
export function recordsOf(data: DataFile): DataRecords {
  return {
    count: (data.companies?.length ?? 0) + (data.checks?.length ?? 0) + (data.incidents?.length ?? 0) + (data.pins?.length ?? 0),
    incidentIds: new Set((data.incidents ?? []).flatMap((i) => (i.id ? [i.id] : []))),
    forEach(visit) {
      (data.companies ?? []).forEach((r, i) => visit('companies', r, i));
      (data.checks ?? []).forEach((r, i) => visit('checks', r, i));
      (data.incidents ?? []).forEach((r, i) => visit('incidents', r, i));
      (data.pins ?? []).forEach((r, i) => visit('pins', r, i));
    },
  };
}

export function mergeDataFile(store: Store, data: DataFile, opts: MergeOptions): MergeReport {
  return mergeRecords(store, recordsOf(data), opts);
}

/** Merges the records of a data file (validated), in one transaction: all of them or none. */
/**
 * The checklist a check of a file was made with: the one in use, or the built-in one the user's
 * overrides where the check names its version, or (naming none) where its answers fit that one
 * alone — a file of checks made with the built-in `general` imports whatever the user's own
 * `general` asks.
 */
function checklistOf(k: CheckEntry, opts: MergeOptions): Checklist | undefined {
  const current = opts.checklists.get(k.checklist);
  const other = opts.overridden?.get(k.checklist);
  if (!current || !other) return current;
  if (k.checklist_version !== undefined) return [current, other].find((c) => c.version === k.checklist_version) ?? current;
  const fits = (c: Checklist) => {
    const { problems, missing } = checkAnswers(c, k.answers);
    return !problems.length && !missing.length;
  };
  return !fits(current) && fits(other) ? other : current;
}

/**
 * A company's incidents by title and opening, within one import: an incident of the file
 * without an id is the company's incident of the same title and the same opening, as written
 * first (one stored by a process in another time zone may be another moment here), else the
 * same moment written another way (`09:00` and `09:00:00`), the first added first. A company's
 * are read once, at the first incident of it sought (none is where every incident has its id),
 * kept up as the import adds to them, and read again after it changes one's title or opening:
 * they were sought among all of the company's incidents for each incident of the file, the
 * square of their number.
 */
class IncidentsByContent {
  private readonly byCompany = new Map<number, { byText: Map<string, string>; byMoment: Map<string, string> }>();

  constructor(private readonly store: Store) {}

  private static put(m: Map<string, string>, key: string, ref: string): void {
    if (!m.has(key)) m.set(key, ref);
  }

  private static keep(c: { byText: Map<string, string>; byMoment: Map<string, string> }, title: string, opened: string, openedMs: number, ref: string): void {
    IncidentsByContent.put(c.byText, `${opened}\u0000${title}`, ref);
    IncidentsByContent.put(c.byMoment, `${openedMs}\u0000${title}`, ref);
  }

  /** After the import changed a title or an opening of the company's: they are read again when next sought. */
  changed(companyId: number): void {
    this.byCompany.delete(companyId);
  }

  add(companyId: number, title: string, opened: string, ref: string): void {
    const c = this.byCompany.get(companyId);
    if (c) IncidentsByContent.keep(c, title, opened, msOf(opened), ref);
  }

  find(companyId: number, title: string, opened: string): string | undefined {
    let c = this.byCompany.get(companyId);
    if (!c) {
      c = { byText: new Map(), byMoment: new Map() };
      for (const r of this.store.incidentContentsOf(companyId)) IncidentsByContent.keep(c, r.title, r.opened, r.openedMs, r.ref);
      this.byCompany.set(companyId, c);
    }
    return c.byText.get(`${opened}\u0000${title}`) ?? c.byMoment.get(`${msOf(opened)}\u0000${title}`);
  }
}

export function mergeRecords(store: Store, records: DataRecords, opts: MergeOptions): MergeReport {
  const changes = (): ChangeTally => ({ ...tally(), changed: 0 });
  const report: MergeReport = { companies: changes(), aliases: tally(), checks: tally(), incidents: changes(), events: tally(), pins: changes(), attachments: tally(), attachments_without_content: 0, checks_renumbered: [], events_renumbered: [], companies_taken_for: [], parents_left_out: [], companies_like_others: [], companies_like_others_count: 0 };
  const total = records.count;
  let done = 0;
  const step = Math.max(1, Math.floor(total / 100));
  const progress = () => {
    done++;
    if (opts.onProgress && (done % step === 0 || done === total)) opts.onProgress(done, total);
  };
  const created = opts.today;
  // The companies and aliases here before the import (read in its transaction, as it starts).
  let before: RowsBefore = { company: 0, alias: 0 };

  // Names seen in this file: most records name a company another record named already.
  const byName = new Map<string, CompanyRow>();
  const createdHere = new Set<number>();
  const byContent = new IncidentsByContent(store);
  // Every company the file names, in any record, counted once: as added, or as there already
  // (a second import of a file whose first added three companies said "1 already there").
  const thereAlready = new Set<number>();
  const counted = (company: CompanyRow) => {
    if (createdHere.has(company.id) || thereAlready.has(company.id)) return;
    thereAlready.add(company.id);
    report.companies.existing++;
  };
  const remember = (name: string, company: CompanyRow, isNew: boolean) => {
    if (isNew) {
      report.companies.added++;
      createdHere.add(company.id);
    } else counted(company);
    byName.set(name, company);
    return company;
  };
  // Companies this file made from a reference alone (a parent named before its own record): the
  // name its own record gives, when one does, is the company's, not the spelling of the reference.
  const madeByReference = new Set<number>();
  const ensure = (name: string) => {
    const company = byName.get(name);
    if (company) return company;
    const r = store.ensureCompany(name, created);
    if (r.created) madeByReference.add(r.company.id);
    return remember(name, r.company, r.created);
  };
  const guard = <T>(path: Path, fn: () => T): T => {
    try {
      return fn();
    } catch (err) {
      if (err instanceof Refusal) throw recordError(path, t().data.importFault(err.fault), err.field);
      if (err instanceof UserError && !(err instanceof RecordError)) throw recordError(path, err.message.replace(/\.$/, ''));
      throw err;
    }
  };

  // Ids the file gives its incidents are not handed out to the file's incidents without one.
  const fileIds = records.incidentIds;
  // A record the file gives twice and tells otherwise the second time (a company by another
  // name or an alias of it, an incident's id, a company's pin) would be settled by the last
  // without a word: refused, naming the first. Told the same again, it changes nothing. Each is
  // the index of its first record, by company row id or id. (An incident given twice, its
  // company, opening and title the same, is one incident told in two parts: its events are merged.)
  const once = { companies: new Map<number, { i: number; name: string }>(), incidents: new Map<string, { first: number; companyId: number; opened?: string; title: string; fault?: string }>(), pins: new Map<number, { i: number; name: string }>() };
  /** Where the record changes what an earlier one of the file made so: refused. */
  const toldOnce = (section: 'companies' | 'pins', seen: Map<number, { i: number; name: string }>, company: CompanyRow, name: string, i: number, changes: boolean) => {
    const first = seen.get(company.id);
    if (first === undefined) seen.set(company.id, { i, name });
    else if (changes) {
      // Two names of the file that are one company only here (merged since, or an alias of it): said so.
      const here = companyKey(first.name) !== companyKey(name) && !createdHere.has(company.id) ? company.name : undefined;
      throw new Refusal({ kind: 'twice-in-file', section, first: first.i, ...(here !== undefined ? { here } : {}) });
    }
  };
  // (Of each id, what the first record told of it: its company, opening, title and fault.)
  // Incidents this file made that opened at their earliest event, no record giving an opening: the moment.
  const derivedOpenings = new Map<number, number>();
  // Every incident this file made (by row id).
  const incidentsMadeHere = new Set<number>();
  // (An opening a record leaves out, its earliest event's, tells nothing against another's.)
  const incidentOnce = (inc: OpenedIncidentEntry, i: number, companyId: number, derived: boolean) => {
    const key = asciiLower(inc.id!);
    const seen = once.incidents.get(key);
    if (seen === undefined) {
      once.incidents.set(key, { first: i, companyId, opened: derived ? undefined : inc.opened, title: inc.title, fault: inc.fault });
      return;
    }
    const sameOpening = derived || seen.opened === undefined || seen.opened === inc.opened || msOf(seen.opened) === msOf(inc.opened);
    seen.opened ??= derived ? undefined : inc.opened;
    const same = seen.companyId === companyId && seen.title === inc.title && sameOpening;
    if (!same || (seen.fault !== undefined && inc.fault !== undefined && seen.fault !== inc.fault)) {
      throw new Refusal({ kind: 'twice-in-file', section: 'incidents', first: seen.first });
    }
    seen.fault ??= inc.fault;
  };
  /** An event added under another number than its id gives (that one was taken): said so. */
  const renumbered = (ref: string, e: IncidentEvent, seq: number) => {
    const own = eventNumber(e.id);
    if (own !== undefined && own !== seq) report.events_renumbered.push({ from: `${ref}#${own}`, to: `${ref}#${seq}` });
  };
  const merge = {
    companies: (c: CompanyEntry, i: number) => {
      guard(['companies', i], () => {
        // Unknown here by its name, it is the company one of its aliases names here, if any: one
        // renamed since this database was copied (a backup restored), its old name kept as an alias.
        // Its name is then kept here as an alias of that company.
        const byAlias = () => {
          for (const alias of c.aliases ?? []) {
            const owner = store.findCompany(alias);
            if (owner) return { owner, alias };
          }
          return undefined;
        };
        const known = byName.get(c.name) ?? store.findCompany(c.name);
        const viaAlias = known ? undefined : byAlias();
        const renamed = viaAlias?.owner;
        if (viaAlias && renamed) {
          // An earlier record of this file named that company otherwise, and neither record gives
          // the other's name: two companies that share a name. Taken for one, the second would be
          // lost in the first without a word.
          const first = once.companies.get(renamed.id);
          const givesFirst = (c.aliases ?? []).some((a) => companyKey(a) === companyKey(first?.name ?? ''));
          if (first && companyKey(first.name) !== companyKey(c.name) && !givesFirst) {
            throw new Refusal({ kind: 'shared-alias', alias: viaAlias.alias, first: first.i, name: first.name });
          }
          // One here already (renamed since, say): taken for it, and said so.
          if (!first && !madeByReference.has(renamed.id)) report.companies_taken_for.push({ name: c.name, here: renamed.name, by: viaAlias.alias });
        }
        const found = known ?? renamed;
        if (found && madeByReference.delete(found.id)) {
          // Named by a reference so far: it takes its record's name (the reference was no name of its own).
          if (found.name !== c.name) {
            store.renameCompany(found, c.name, false);
            Object.assign(found, store.companyById(found.id));
          }
        } else if (renamed && store.addAlias(renamed.id, c.name)) report.aliases.added++;
        // A company made by this record is inserted with its own fields (its parent may be made
        // after it), and its row is the one just inserted, not read again.
        const made = found ? undefined : remember(c.name, store.createUnfoundCompany(c.name, created, { website: c.website, category: c.category }), true);
        const company = found ?? made!;
        if (found) {
          counted(found);
          byName.set(c.name, found);
        }
        for (const alias of c.aliases ?? []) {
          if (store.addAlias(company.id, alias)) report.aliases.added++;
          else report.aliases.existing++;
        }
        let parent = c.parent ? ensure(c.parent) : undefined;
        if (parent?.id === company.id) {
          // Two companies of the file that were one here before this import (merged since, or one
          // an alias of the other): the link is left as it is, and said so. Refused, the file that
          // made them could not be imported again after the merge. Made one by the file itself (by
          // the company's name, or an alias given by this record or another), it is refused: that
          // company would be its own parent.
          const ownNames = [c.name, ...(c.aliases ?? [])];
          const oneBefore =
            !createdHere.has(company.id) &&
            !ownNames.some((n) => companyKey(n) === companyKey(c.parent!)) &&
            store.wasNameOf(company.id, c.parent!, before) &&
            ownNames.some((n) => store.wasNameOf(company.id, n, before));
          if (!oneBefore) throw new Refusal({ kind: 'own-parent', company: c.name });
          report.parents_left_out.push({ name: c.name, parent: c.parent!, here: company.name });
          parent = undefined;
        }
        // Nor one of its subsidiaries, in the database or made so by the file: no company is ever above itself.
        if (parent && store.isAncestor(parent.id, company.id)) throw new Refusal({ kind: 'parent-loop', company: c.name, parent: c.parent! });
        const parentId = parent?.id;
        const updated = store.updateCompany(company.id, { parentId, website: c.website, category: c.category }, made);
        toldOnce('companies', once.companies, company, c.name, i, updated);
        if (updated && found && !createdHere.has(found.id)) report.companies.changed++;
      });
      progress();
    },

    checks: (k: CheckEntry, i: number) => {
      guard(['checks', i], () => {
        const checklist = checklistOf(k, opts);
        // With the checklist it was made with at hand (that id and version), a check is scored
        // by it, its answers fitting it, whatever the file says it found. Without it, a check
        // that says what it found (an export does) is taken as found, when that holds together:
        // a checklist changed since, or one given by its file, no longer scores an older check's
        // answers, and the check must come back all the same. A check that says nothing of what
        // it found is scored with the checklist at hand (of whatever version), its answers fitting it.
        const sameVersion = checklist !== undefined && (k.checklist_version === undefined || k.checklist_version === checklist.version);
        const told = [k.score, k.verdict, k.scores].filter((x) => x !== undefined).length;
        if (told === 1 || told === 2) throw new Refusal({ kind: 'partial-result' }, k.score === undefined ? 'score' : k.verdict === undefined ? 'verdict' : 'scores');
        const scorable = sameVersion || told === 0;
        if (scorable) {
          if (!checklist) throw new Refusal({ kind: 'no-checklist', checklist: k.checklist, known: [...opts.checklists.keys()] });
          const { problems, missing } = checkAnswers(checklist, k.answers);
          if (problems.length) {
            const p = problems[0];
            throw recordError(['checks', i, 'answers', ...(p.question ? [p.question] : [])], t().answers.problem(p));
          }
          if (missing.length) throw new Refusal({ kind: 'unanswered', questions: missing }, 'answers');
          for (const q of Object.keys(k.notes ?? {})) {
            if (!checklist.questions.some((x) => x.id === q)) throw new Refusal({ kind: 'not-a-question', question: q, checklist: checklist.id }, `notes.${q}`);
          }
        } else {
          const scores = k.scores!;
          const dealbreakers = k.dealbreakers ?? [];
          for (const q of Object.keys(k.answers)) {
            if (!isChecklistId(q)) throw new Refusal({ kind: 'question-id', question: q }, 'answers');
            if (!Object.hasOwn(scores, q)) throw new Refusal({ kind: 'unscored', question: q }, 'scores');
          }
          for (const q of Object.keys(scores)) if (!Object.hasOwn(k.answers, q)) throw new Refusal({ kind: 'not-answered', question: q }, `scores.${q}`);
          for (const q of dealbreakers) if (!Object.hasOwn(k.answers, q)) throw new Refusal({ kind: 'not-answered', question: q }, 'dealbreakers');
          for (const q of Object.keys(k.notes ?? {})) if (!Object.hasOwn(k.answers, q)) throw new Refusal({ kind: 'not-answered', question: q }, `notes.${q}`);
          if (new Set(dealbreakers).size !== dealbreakers.length) throw new Refusal({ kind: 'dealbreaker-twice' }, 'dealbreakers');
          // What it found holds together as a check finds it (CHECKLISTS.md): a score at all, and the verdict of that score.
          if (!dealbreakers.length && !Object.values(scores).some((x) => x !== null)) throw new Refusal({ kind: 'nothing-scored' }, 'scores');
          // The score is its answers' scores averaged by their questions' weights: whatever the
          // weights, between the lowest and the highest of them (a file cannot make a check of
          // one answer scored 0 a pass of 90).
          const counted = Object.values(scores).filter((x): x is number => x !== null);
          if (counted.length) {
            const [low, high] = [roundScore(100 * smallest(counted)), roundScore(100 * largest(counted))];
            if (k.score! < low || k.score! > high) throw new Refusal({ kind: 'score-of-scores', score: k.score!, low, high }, 'score');
          }
          const verdict = verdictOf(k.score!, dealbreakers.length > 0);
          if (k.verdict !== verdict) throw new Refusal({ kind: 'verdict-of-score', given: k.verdict!, verdict }, 'verdict');
        }
        const company = ensure(k.company);
        // There already: a check made at that time that found the same, under the file's id,
        // or, where the file gives none or its id is another check's here, under any. (Under an
        // id of its own, not there, it is a check of its own: two checks of one second keep theirs.)
        const alike = store.checksAlike(company.id, k.checklist, k.at, { answers: k.answers, notes: k.notes });
        const own = k.id === undefined ? undefined : asciiLower(k.id);
        if (own === undefined ? alike.length > 0 : alike.some((r) => asciiLower(r) === own) || (alike.length > 0 && store.checkRefTaken(k.id!))) {
          report.checks.existing++;
          return;
        }
        // A check to be added that says what it found, of the version at hand, found what that
        // checklist finds, or the checklist has changed since without a new version: scored
        // again, it would come in otherwise (a company moved from one list to another), and
        // `check` refuses that checklist as changed. (One there already is left as it is.)
        if (scorable && told === 3) {
          const now = scoreCheck(checklist!, k.answers);
          const sameScores = now.answers.every((a) => Object.hasOwn(k.scores!, a.question) && k.scores![a.question] === a.score);
          const given = new Set(k.dealbreakers ?? []);
          const sameDealbreakers = given.size === now.dealbreakers.length && now.dealbreakers.every((q) => given.has(q));
          if (now.score !== k.score || now.verdict !== k.verdict || !sameScores || !sameDealbreakers) {
            const dealbreakers: [string[], string[]] | undefined = sameDealbreakers ? undefined : [[...given], now.dealbreakers];
            throw new Refusal({ kind: 'scored-otherwise', checklist: checklist!.id, version: checklist!.version, found: k.score!, now: now.score, verdict: k.verdict!, verdictNow: now.verdict, dealbreakers }, 'score');
          }
        }
        const noteOf = (q: string) => (k.notes && Object.hasOwn(k.notes, q) && k.notes[q] ? { note: k.notes[q] } : {});
        const result = scorable
          ? scoredOrRefused(checklist!, k.answers)
          : {
              score: k.score!,
              verdict: k.verdict!,
              dealbreakers: k.dealbreakers ?? [],
              answers: Object.keys(k.answers).map((q) => ({ question: q, answer: k.answers[q], score: k.scores![q] })),
            };
        const ref = store.insertCheck({
          ref: k.id,
          slug: refSlugOf(company.name, 'company'),
          companyId: company.id,
          checklist: k.checklist,
          // Scored here, it is of the version that scored it (a file naming one not at hand was
          // scored by another and kept under the name of the first: a score no version gives).
          checklistVersion: scorable ? checklist!.version : (k.checklist_version ?? checklist?.version ?? 1),
          at: k.at,
          lang: null,
          score: result.score,
          verdict: result.verdict,
          dealbreakers: result.dealbreakers,
          answers: result.answers.map((a) => ({ question: a.question, answer: a.answer, score: a.score, ...noteOf(a.question) })),
        });
        report.checks.added++;
        // An id that cites this check elsewhere (a shared list's evidence) names another one here: said.
        if (k.id !== undefined && asciiLower(ref) !== asciiLower(k.id)) report.checks_renumbered.push({ from: k.id, to: ref });
      });
      progress();
    },

    incidents: (entry: IncidentEntry, i: number) => {
      guard(['incidents', i], () => {
        // Its opening, given or its earliest event's, before anything reads it: the same
        // incident found, told once, and inserted, however many times the file is imported.
        const inc = withOpening(entry);
        const derived = entry.opened === undefined || entry.opened === null;
        const company = ensure(inc.company);
        let ref = inc.id ?? byContent.find(company.id, inc.title, inc.opened);
        // An id is the incident's whatever the case of its letters, as it is looked up (exactly
        // first, then ignoring case: ACME-1 is acme-1 here).
        const existing = ref ? store.findIncident(ref) : undefined;
        if (inc.id !== undefined) incidentOnce(inc, i, company.id, derived);
        if (existing) ref = existing.id;
        let rowId: number;
        // An event's id names its incident: one that names another (moved there in the file) is
        // not this incident's event, nor taken for it.
        if (inc.id !== undefined) {
          for (const e of inc.events ?? []) {
            if (e.id === undefined || e.id.startsWith('#') || (e.id.startsWith(inc.id) && e.id.charCodeAt(inc.id.length) === 35)) continue;
            if (asciiLower(e.id.slice(0, e.id.lastIndexOf('#'))) !== asciiLower(inc.id)) throw new Refusal({ kind: 'event-of-other', event: e.id, id: inc.id }, 'events');
          }
        }
        const timed = timedInOrder(inc.events ?? [], msOf);
        const events = timed.map((x) => x.e);
        const addedEvents: IncidentEvent[] = [];
        // The file's events added, as the file gives them (to tell where they stand in its list).
        const added = new Set<IncidentEvent>();
        // Changed here, besides events added: its details, its opening or its closing.
        let changedHere = false;
        // Its opening or its closing changed here.
        let timesHere = false;
        if (existing) {
          if (existing.companyId !== company.id) {
            throw new Refusal({ kind: 'id-taken', id: ref!, company: existing.company });
          }
          // An id names the incident here when the two can be one: the same opening or the same
          // title (the other edited since, in one of the two records). Sharing neither, they are
          // two incidents that happen to have one id (each database numbers its own: shop-1),
          // and merged, one would take the other's events and verdict: refused.
          if (inc.id !== undefined && existing.title !== inc.title && msOf(existing.opened) !== msOf(inc.opened)) {
            throw new Refusal({ kind: 'id-other-incident', id: ref!, opened: existing.opened, title: existing.title });
          }
          report.incidents.existing++;
          rowId = existing.rowId;
          // Opened by this file at the earliest event of its first part, neither part giving an
          // opening: a part with an earlier event opens it then.
          // A part that gives its opening gives the incident's.
          const openedHere = derivedOpenings.get(rowId);
          const reopened = openedHere !== undefined && (derived ? msOf(inc.opened) < openedHere : msOf(inc.opened) !== openedHere);
          if (reopened) {
            changedHere = timesHere = true;
            store.updateIncident(rowId, { opened: inc.opened });
            derivedOpenings.set(rowId, msOf(inc.opened));
            byContent.changed(company.id);
          }
          if (!derived) derivedOpenings.delete(rowId);
          // Its title and fault as the file gives them, as a company's details are taken: a
          // correction made in the file is not dropped while the report says it is there.
          const fault = inc.fault ?? existing.fault;
          if (inc.title !== existing.title || fault !== existing.fault) {
            store.updateIncident(rowId, { title: inc.title, fault });
            changedHere = true;
            report.incidents.changed++;
            if (inc.title !== existing.title) byContent.changed(company.id);
          }
          // The content of the events there already: an event the timeline has is not added again.
          const { known, moments, byNumber, last } = store.eventsToMergeInto(rowId);
          // An event under the id of one here, of its type: the same, its times written otherwise
          // (their moments the same), is that event; one that differs from it in its time alone,
          // or in its details alone, is it changed in the file, refused (an import adds what is
          // new; taken as new, it would be on the timeline twice: a promise broken twice, say).
          // One that differs in both is another record's event under that number, and is added.
          const hereAlready = new Set<number>();
          events.forEach((e, n) => {
            const here = byNumber.get(eventNumber(e.id) ?? 0);
            if (!here || here.type !== e.type) return;
            const sameAt = here.at === e.at || here.atMs === timed[n].t;
            const sameDue = e.due !== undefined && here.due !== undefined && (e.due === here.due || dueMs(e.due) === dueMs(here.due));
            const asHere = { ...e, at: sameAt ? here.at : e.at, ...(sameDue ? { due: here.due } : {}) };
            if (eventContentKey(asHere) === here.key) hereAlready.add(n);
            else if (sameAt || eventContentKey({ ...asHere, at: here.at }) === here.key) throw new Refusal({ kind: 'event-changed', event: `${ref}#${eventNumber(e.id)}` }, 'events');
          });
          const numbers = numberEvents(events, new Set(byNumber.keys()), last);
          // An event is there already when one there is the same, its times written otherwise.
          events.forEach((e, n) => {
            if (!hereAlready.has(n) && !moments.has(eventMomentKey(e)) && store.addEvent(rowId, e, known, numbers.seqs[n], timed[n].t)) {
              addedEvents.push(e);
              added.add(e);
              renumbered(ref!, e, numbers.seqs[n]);
            } else report.events.existing++;
          });
          if (addedEvents.length) store.setLastSeq(rowId, numbers.last);
          // The file's timeline keeps the rules; merged into the one here it may not (a
          // resolution beside the one that closed it here): the database would then export a
          // file that no import takes.
          // (An opening moved by a part that gives it, checked against the events and closing there.)
          if (addedEvents.length || reopened || (inc.closed && inc.closed !== existing.closed)) {
            // Closed here (by a resolution, or by its closing time alone): closed once, at that time.
            // (The same moment however it is written; the fault names the new closing by its time,
            // as the file's event has no id here.)
            const closing = addedEvents.find((e) => e.type === 'resolution')?.at ?? inc.closed;
            if (existing.closed && closing && msOf(closing) !== msOf(existing.closed)) throw new Refusal({ kind: 'timeline', id: ref!, fault: { kind: 'closes-twice', event: closing } });
            if (inc.closed) {
              store.setIncidentClosed(rowId, inc.closed);
              changedHere ||= inc.closed !== existing.closed;
              timesHere ||= inc.closed !== existing.closed;
            }
            // (A rule the timeline here broke before, as an older version let it in, is not this file's doing.)
            const fault = newTimelineFaults(existing, store.findIncident(ref!, { exact: true })!)[0];
            // Made by this file, its parts are what disagree: said so, not of the incident "here".
            if (fault && incidentsMadeHere.has(rowId) && (fault.kind === 'before-opening' || fault.kind === 'closed-before-opening')) {
              throw new Refusal({ kind: 'parts-opening', id: ref!, at: fault.kind === 'before-opening' ? fault.at : fault.closed });
            }
            if (fault) throw new Refusal({ kind: 'timeline', id: ref!, fault });
          }
        } else {
          ref = inc.id ?? store.nextIncidentRef(refSlugOf(company.name), fileIds);
          const numbers = numberEvents(events, new Set(), 0);
          // Closed when the file says, else at its first resolution (as adding each would set it).
          const closed = inc.closed ?? events.find((e) => e.type === 'resolution')?.at;
          rowId = store.insertIncident({ ref, companyId: company.id, title: inc.title, opened: inc.opened, fault: inc.fault ?? 'unknown', closed, lastSeq: numbers.last });
          byContent.add(company.id, inc.title, inc.opened, ref);
          if (derived) derivedOpenings.set(rowId, msOf(inc.opened));
          incidentsMadeHere.add(rowId);
          report.incidents.added++;
          // A new timeline: its only repeats are among its own events, left out here; the rest
          // are inserted many to a statement with those of the timelines around it.
          const repeats = repeatedEvents(events);
          const fresh: { e: IncidentEvent; seq: number; atMs: number }[] = [];
          events.forEach((e, n) => {
            if (repeats.has(n)) report.events.existing++;
            else {
              fresh.push({ e, seq: numbers.seqs[n], atMs: timed[n].t });
              // Under the id it is stored under (the digest keeps a promise's: a calendar's UID).
              const id = `${ref}#${numbers.seqs[n]}`;
              addedEvents.push(e.id === id ? e : { ...e, id });
              added.add(e);
              renumbered(ref!, e, numbers.seqs[n]);
            }
          });
          store.addNewTimeline(rowId, fresh);
          // Its digest is the events just added, in the order stored: worked out here, saving a
          // listing to read them all again.
          store.keepDigest(rowId, digestOf(addedEvents));
        }
        report.events.added += addedEvents.length;
        if (opts.onIncidentWritten && (!existing || addedEvents.length || changedHere)) {
          const places = new Set<number>();
          (inc.events ?? []).forEach((e, j) => added.has(e) && places.add(j));
          opts.onIncidentWritten(ref!, { whole: !existing || timesHere, events: places });
        }
        (inc.attachments ?? []).forEach((a, k) =>
          guard(['incidents', i, 'attachments', k], () => {
            let eventRowId: number | undefined;
            if (a.event !== undefined) {
              const tied = attachmentEvent(inc, a);
              if ('fault' in tied) throw new Refusal(tied.fault, 'event');
              eventRowId = store.eventRowIdByContent(rowId, inc.events![tied.index]);
            }
            let data: Buffer | undefined;
            if (a.content !== undefined) {
              data = Buffer.from(a.content, 'base64');
              if (data.length !== a.size || sha256Of(data) !== a.sha256) throw new Refusal({ kind: 'content-mismatch' }, 'content');
            } else data = contentOf(store, a.sha256);
            if (!data) {
              report.attachments_without_content++;
              return;
            }
            const r = addAttachment(store, { incidentRowId: rowId, eventRowId, name: a.name, note: a.note, addedAt: a.added ?? opts.today, data });
            if (r.existing) report.attachments.existing++;
            else report.attachments.added++;
          }),
        );
      });
      progress();
    },

    pins: (p: PinEntry, i: number) => {
      guard(['pins', i], () => {
        const company = ensure(p.company);
        const old = store.pinOf(company.id);
        const same = old !== undefined && old.list === p.list && old.reason === p.reason && (p.at === undefined || p.at === old.at);
        toldOnce('pins', once.pins, company, p.company, i, !same);
        if (same) {
          report.pins.existing++;
          return;
        }
        store.setPin(company.id, { list: p.list, reason: p.reason, at: p.at ?? opts.today });
        // A pin the company had is replaced: there already, and changed.
        if (old) {
          report.pins.existing++;
          report.pins.changed++;
        } else report.pins.added++;
      });
      progress();
    },
  };
  const apply = () => {
    // New companies are looked at beside those here before the import (read in its transaction): none, nothing to look at.
    before = store.lastIds();
    records.forEach((section, record, i) => (merge[section] as (r: typeof record, i: number) => void)(withoutNulls(record), i));
    if (before.company && report.companies.added) {
      const like = store.lookalikesOfNewer(before, LOOKALIKES_LISTED);
      report.companies_like_others = like.pairs;
      report.companies_like_others_count = like.companies;
    }
    // A trial inserts every event too (and meets any constraint they break), before it is taken back.
    if (opts.dryRun) {
      store.insertPendingEvents();
      throw new DryRun();
    }
  };

  try {
    // SQLite's own page cache of 2 MB, not a larger one: each page of memory a process touches
    // for the first time costs it some 10 µs here, and the 32 MB cache an import of 10,000
    // companies once had cost it 6,000 of them (80 ms) and 26 MB, for no quicker writes.
    store.write(() => store.handingOutIds(() => store.bulkInsert(apply)), { summary: () => (opts.summary ? opts.summary(report) : 'import') });
  } catch (err) {
    if (!(err instanceof DryRun)) throw err;
  }
  return report;
}
