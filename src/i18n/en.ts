// The English catalog: every word a person reads, as strings and as functions of facts.
// `Catalog` is its type: every other language's catalog must have every entry (tsc says
// which is missing). Plurals, numbers and dates come from Intl through `fmt`.

import type { Change, Policy, PolicyFault, RuleId } from '../domain/policy.js';
import { LEVELS, OUTCOMES, type CheckVerdict, type Channel, type CompensationKind, type Effort, type EventType, type Fault, type Level, type ListName, type Outcome, type Placement, type ReplyOwer } from '../domain/types.js';
import { clipped, commandLine, shellWord, either, findingFrom, formatsFor, lazyFormatter, lowerFirst, neededWith, shellArg as sh, type FindingWords } from './format.js';
import { localWallClock, roundedSpan } from '../domain/dates.js';
import type { AnswerProblem, ScoringChange } from '../domain/checklist.js';
import { STDIN_FILE, type EditorChanges } from '../domain/op-summary.js';
import type { Case, Demand, LawFault, LetterKind, SkipReason } from '../domain/law.js';
import type { MissingFact } from '../domain/letter.js';
import type { TimelineFault } from '../domain/incident.js';
import type { TemplateFault } from '../domain/template.js';
import type { Share, SkippedRows } from '../domain/sources.js';
import type { ZipProblem } from '../formats/zip-entry.js';
import type { ChecklistFileFault } from '../formats/checklist-file.js';
import type { DataFault, FutureMend, Given, KeptKind } from '../formats/data-file.js';
import type { BackupFault } from '../store/open.js';
import type { InputKind } from '../formats/read-input.js';
import type { ImportFault } from '../store/merge.js';
import type { NameTaken } from '../store/journal.js';

/** Why a command asked nothing: --json asks no questions, and nothing is asked but on a terminal. */
export interface NotAsked {
  json: boolean;
  terminal: boolean;
}

/** How to be asked what was not given: on a terminal (where it is not on one), without --json (where it was given). */
const toBeAsked = ({ json, terminal }: NotAsked) => (json ? `run ${terminal ? '' : 'on a terminal '}without --json to be asked` : 'run on a terminal to be asked');

/** What an output may never be written over (see assertNotDatabase). */
type ForbiddenTarget = 'database' | 'backup' | 'link' | 'sqlite' | 'companion';
/** The kinds of the dates kept as they were, each with its count (an import's note, a shared file's). */
function keptKinds(counts: Partial<Record<KeptKind, number>>): string[] {
  const n = (k: KeptKind, one: string, other: string) => (counts[k] ? [fmt.plural(counts[k], { one, other })] : []);
  return [
    ...n('before-opening', "event before its incident's opening", "events before their incident's opening"),
    ...n('due-before-made', 'promise due before it was made', 'promises due before they were made'),
    ...n('closed-before-opening', 'closing before its opening', 'closings before their opening'),
    ...n('closed-not-resolution', 'closing time apart from its resolution', 'closing times apart from their resolution'),
    ...n('closes-twice', 'second resolution', 'second resolutions'),
    ...n('future', 'time still to come', 'times still to come'),
  ];
}

/** The records that hold them, the first five named. */
function keptRecords(records: string[]): string {
  return records.slice(0, 5).join(', ') + (records.length > 5 ? `, ${fmt.number(records.length - 5)} more` : '');
}

const FORBIDDEN: Record<ForbiddenTarget, string> = {
  database: 'the database or one of its own files',
  backup: 'a file in the backups folder of the database',
  link: 'the database or one of its own files (another name of it)',
  sqlite: 'an SQLite database',
  companion: "one of an SQLite database's own files (its log or its shared memory)",
};

/** The files `vetted paths` names. */
export type PathWhat = 'database' | 'backups' | 'config' | 'checklists' | 'letters' | 'policy' | 'law';

const fmt = formatsFor('en', 'en-CA', { plainDates: 'iso', listAnd: { word: 'and', serialComma: true }, grouping: ',' });
/** User text quoted in a message, cut where it is longer than any name (see clipped). */
const q = (s: string) => `"${clipped(s)}"`;
/** A name another looks like (a name or an alias of company `of`): an alias is said with its company's name. */
export interface LookedLike {
  name: string;
  of: string;
}
const lookedLike = (l: LookedLike) => (l.of === l.name ? q(l.name) : `${q(l.name)} (a name of ${q(l.of)})`);
/** A text of the record quoted whole: what a company said or promised is the evidence itself. */
const quoted = (s: string) => `"${s}"`;
/** A date-time as the record writes it (ISO 8601), on a terminal in English: one given with its
 * offset from UTC at the local time of that moment, as every other is (see localWallClock). */
/** What a merge did not keep of the merged company, in this order: each field's value. */
type MergeLost = { parent?: string; website?: string; category?: string };

/** A stored time as a command takes it (`--opened 2024-01-01T10:00`: one word to the shell). */
const iso = (s: string) => localWallClock(s).trim().replace(/^(\d{4}-\d{2}-\d{2}) +(?=\d)/, '$1T');
/** A stored time as prose says it, as the timeline's columns do: 2024-01-01 10:00 (a date alone without a time). */
const when = (s: string) => fmt.dateTime(s);
/** A stored time as the timeline shows it: one kept with its offset, at the local time of that moment (see localWallClock). */
const shownTime = (s: string) => localWallClock(s);
/**
 * The reply deadlines of the customer's letters, said beside the company's promises: those of
 * letters to the company and how many it let pass, and apart from them those of letters to a
 * regulator or a court, passed without their reply (never the company's to miss).
 */
const repliesApart = (replies: { broken: number; total: number }, theirs: { broken: number; total: number }) => {
  const parts = [
    ...(replies.total ? [`${fmt.plural(replies.total, { one: 'reply deadline', other: 'reply deadlines' })} of your letters${theirs.total ? ' to the company' : ''}, ${replies.broken} missed`] : []),
    ...(theirs.total ? [`${fmt.plural(theirs.total, { one: 'reply deadline', other: 'reply deadlines' })} of your letters to a regulator or a court, ${theirs.broken} passed without their reply`] : []),
  ];
  return parts.length ? ` (and ${parts.join('; ')})` : '';
};
/** Whose reply a letter to a regulator or a court awaits: theirs, not the company's. */
const theirs = (w: ReplyOwer) => (w === 'court' ? "the court's" : "the regulator's");
/** The YAML parser's words, but where they speak of its own interface rather than of the file. */
const yamlWords = (code: string | undefined, detail: string) =>
  code === 'MULTIPLE_DOCS' ? 'the file holds several YAML documents (---) where one is read' : code === 'DUPLICATE_KEY' ? 'a key is given twice in one map; keep one of them' : detail;
/** The word with its article: "a promise", "an escalation". */
const an = (w: string) => `${/^[aeiou]/i.test(w) ? 'an' : 'a'} ${w}`;
const days = (n: number) => fmt.plural(n, { one: 'day', other: 'days' });
/** Counts that a policy sets, and may set to 1: "within 1 month", "1 promise broken". */
const monthsOf = (n: number) => fmt.plural(n, { one: 'month', other: 'months' });
const promisesOf = (n: number) => fmt.plural(n, { one: 'promise', other: 'promises' });
/** Shares of a public record: "12.5%", and "13%" where a line is short. */
const percent = lazyFormatter<number>(() => new Intl.NumberFormat('en', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }));
const wholePercent = lazyFormatter<number>(() => new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 }));
/** Sizes in KB and MB: "1.5 KB", "50.0 MB". */
const oneDecimal = lazyFormatter<number>(() => new Intl.NumberFormat('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
/** A month of a public record, "2019-04" → "Apr 2019". */
const months = lazyFormatter<Date>(() => new Intl.DateTimeFormat('en', { month: 'short', year: 'numeric', timeZone: 'UTC' }));
const month = (m: string) => months.format(new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1, 1)));

function zipProblem(p: ZipProblem): string {
  switch (p.kind) {
    case 'ends-early': return 'the archive ends early';
    case 'too-short': return 'it is too short to be a zip archive';
    case 'no-directory': return 'it has no zip directory (not a zip archive, or a damaged one)';
    case 'zip64-missing': return 'its Zip64 directory is missing';
    case 'zip64-damaged': return 'its Zip64 directory is damaged';
    case 'past-end': return 'its directory points past its end';
    case 'directory-damaged': return 'its directory is damaged';
    case 'no-csv': return 'it holds no CSV file';
    case 'entry-damaged': return 'its entry header is damaged';
    case 'data-damaged': return 'the file in it is damaged: its bytes do not match the checksum the archive gives for them';
    case 'encrypted': return `${p.entry} in it is encrypted`;
    case 'method': return `${p.entry} in it is compressed with method ${p.method}, which vetted does not read (only stored and deflated)`;
    case 'several': return `it holds ${p.entries.length} CSV files (${p.entries.slice(0, 3).join(', ')}${p.entries.length > 3 ? ', …' : ''}), not one`;
  }
}
/** Standard input, named where a file is (`-` on the command line). */
const STDIN = 'standard input';
/** The files SQLite keeps beside a database, as a sentence names them. */
const SQLITE_PART = { wal: 'the write-ahead log', shm: 'the shared-memory file', journal: 'the rollback journal' } as const;
/**
 * How another database is named, in place of the one refused: with --db, or by setting VETTED_DB
 * where that variable named this one (`by`: what named it, as Context.setBy.db says).
 */
const anotherDb = (by: string, path: string) => (by === 'VETTED_DB' ? `set VETTED_DB to ${path}` : `pass --db with ${path}`);
/** How much of a database cut short there is: `expected`, the bytes its header gives, unknown where the header itself is not whole. */
const cutShort = (size: number, expected?: number) =>
  expected ? `${fmt.plural(size, { one: 'byte', other: 'bytes' })} of the ${fmt.number(expected)} its header gives` : `${fmt.plural(size, { one: 'byte', other: 'bytes' })}: not even its header is whole`;

const minutes = (n: number) => fmt.plural(n, { one: 'minute', other: 'minutes' });
/**
 * The wait for a live person in words: its minutes, or why there are none. A contact that does
 * not say whether a person answered is not one that reached none: "never" only of those that say.
 */
const toHumanWords = (wait: number | null, reached: boolean, contacts: number, unknown: number) =>
  wait !== null
    ? minutes(wait)
    : reached
      ? 'a person answered, but no wait was logged'
      : !contacts
        ? 'no contact logged'
        : unknown === contacts
          ? `not known: ${contacts === 1 ? 'the contact does not say' : `none of the ${fmt.number(contacts)} contacts says`} whether a person answered`
          : unknown
            ? `never reached one (${fmt.plural(unknown, { one: 'contact', other: 'contacts' })} of ${fmt.number(contacts)} ${unknown === 1 ? 'does' : 'do'} not say whether a person answered)`
            : 'never reached one';

const brokenChecklist = (first: string, more: number, file: string) =>
  more
    ? `${first} (and ${fmt.plural(more, { one: 'more problem', other: 'more problems' })}); run \`vetted checklists validate ${sh(file)}\` to see them all.`
    : `${first}; mend it, and check the checklist again with \`vetted checklists validate ${sh(file)}\`.`;

const given = (g: Given) => (g.kind === 'list' ? 'a list' : g.kind === 'map' ? 'a map' : g.text);

function eventField(f: Extract<DataFault, { kind: 'event-field' }>): string {
  switch (f.field) {
    case 'text': return `must be text of at most ${f.max} characters`;
    case 'bool': return 'must be true or false';
    case 'count': return `must be a whole number from 0 to ${fmt.number(f.max!)}`;
    case 'number': return `must be a number from 0 to ${fmt.number(f.max!)}`;
    case 'when': return 'must be an ISO 8601 date such as 2024-07-12 or 2024-07-12T09:30';
    case 'enum': return `must be one of: ${(f.values ?? []).join(', ')}`;
    case 'currency': return 'must be a three-letter ISO 4217 code such as EUR';
  }
}

/** Where a time still to come of an exported record is mended in the database it came from, where a command does it. */
function futureMend(f: FutureMend): string {
  if (f.field === 'event') return ` or in the database it came from (\`vetted event edit ${f.record} --at WHEN\`, then export again)`;
  if (f.field === 'opened') return ` or in the database it came from (\`vetted incident edit ${f.record} --opened WHEN\`, then export again)`;
  return '';
}

function dataFault(f: DataFault): string {
  switch (f.kind) {
    case 'year': return `is in the year ${f.year}; give a date from ${f.first} to ${f.last}`;
    case 'future': return 'is in the future; record what has happened, with the time it happened';
    case 'future-exported': return `is still to come, and what happened cannot be later than now: give it the time it happened, here in the file${futureMend(f)}`;
    case 'before-opened': return `is before the incident was opened (${f.opened})`;
    case 'before-made': return `is before the promise was made (${f.made})`;
    case 'data-map': return `a data file must be a map with format: ${f.format}`;
    case 'format-missing': return `is missing: a data file starts with format: ${f.format}`;
    case 'newer-format': return `is ${f.given}, a newer format than this vetted reads (${f.format}); upgrade vetted to import it`;
    case 'format': return `must be ${f.format}, not ${given(f.got)}`;
    case 'map': return `must be a map, not ${given(f.got)}`;
    case 'list': return `must be a list, not ${given(f.got)}`;
    case 'unknown-field': return 'unknown field';
    case 'required': return 'is required';
    case 'required-without-events': return 'is required of an incident without events (one with events opens at its earliest)';
    case 'not-text': return `must be text, not ${given(f.got)}`;
    case 'empty': return 'must not be empty';
    case 'too-long': return `is longer than ${f.max} characters`;
    case 'invisible': return 'has no visible character (only spaces, marks or zero-width characters)';
    case 'id': return `must be letters, digits, dots, dashes or underscores (at most ${f.max}), such as ${f.example}`;
    case 'sha256': return 'must be a SHA-256 hash: 64 lower-case hexadecimal digits';
    case 'date': return `must be a real ISO 8601 date such as 2024-07-12 or 2024-07-12T09:30, not ${given(f.got)}`;
    case 'offset': return `gives the offset ${f.offset} from UTC, which no clock keeps (they run from -12:00 to +14:00); give its real offset, or none for local time`;
    case 'one-of': return `must be one of ${f.values.join(', ')}, not ${given(f.got)}`;
    case 'text-map': return `must be a map of question id to text, not ${given(f.got)}`;
    case 'positive': return `must be a whole number from 1 up, not ${given(f.got)}`;
    case 'boolean': return `must be true or false, not ${given(f.got)}`;
    case 'event-id': return `must be an event id such as volga-2012-07#4, not ${given(f.got)}`;
    case 'not-event-field': return `is not a field of ${an(f.type)} event (its fields are ${f.fields.join(', ')})`;
    case 'required-for': return `is required for ${an(f.type)} event`;
    case 'event-field': return `${eventField(f)}, not ${given(f.got)}`;
    case 'file-name': return 'must be a file name, without folders';
    case 'file-name-control': return 'must be a file name without control characters (a line break, a tab, an escape, a mark turning text right to left)';
    case 'size': return `must be a size in bytes, 0 to ${f.max}, not ${given(f.got)}`;
    case 'base64': return 'must be the file in base64';
    case 'score': return `must be a whole number from 0 to 100, not ${given(f.got)}`;
    case 'answer-scores': return `must be a map of question id to a score from 0 to 1 (or null), not ${given(f.got)}`;
    case 'closes-twice': return `is a second resolution (events[${f.first}] closed the incident already): an incident closes once; leave one out`;
    case 'closed-not-resolution': return `says ${f.closed}, where the resolution events[${f.resolution}] closed the incident at ${f.at}; an incident closes once: give closed that time, or leave it out`;
  }
}

function checklistFault(f: ChecklistFileFault): string {
  switch (f.kind) {
    case 'checklist-map': return 'a checklist must be a map with id, version, title and questions';
    case 'question-map': return 'must be a map with id, text and answers';
    case 'answer-map': return 'must be a map with value, label and score';
    case 'required': return 'is required';
    case 'score-required': return 'is required (a number from 0 to 1, or null)';
    case 'empty': return 'must not be empty';
    case 'local-text': return 'must be a string or a map of language to string';
    case 'no-language': return 'must name at least one language';
    case 'language-code': return `${q(f.code)} is not a language code such as en or ru`;
    case 'blank-translation': return 'must be a non-empty string';
    case 'unknown-field': return `unknown field (expected one of: ${f.fields.join(', ')})`;
    case 'id': return `must be lower-case words and dashes, such as ${f.example}`;
    case 'version': return 'must be a whole number from 1 up';
    case 'weight': return `must be a positive number, from ${fmt.number(f.min)} to ${fmt.number(f.max)}`;
    case 'unknown-answer': return `the answer unknown (could not find out) scores ${f.score} in every checklist and is no dealbreaker (CHECKLISTS.md); word it as you like, but leave its score ${f.score}`;
    case 'score': return 'must be a number from 0 to 1, or null';
    case 'dealbreaker-unscored': return 'an answer left out of the score (score: null, such as "does not apply") cannot fail the check; give it a score of 0 to make it a dealbreaker, or drop dealbreaker';
    case 'boolean': return 'must be true or false';
    case 'questions': return 'must be a list of at least one question';
    case 'answers': return 'must be a list of at least one answer';
    case 'too-many': return f.what === 'answers' ? `offers ${fmt.number(f.count)} answers, where a question offers at most ${fmt.number(f.max)}` : `asks ${fmt.number(f.count)} questions, where a checklist asks at most ${fmt.number(f.max)}`;
    case 'duplicate-question': return `${q(f.id)} appears twice in this checklist`;
    case 'duplicate-answer': return `${q(f.value)} appears twice in this question`;
    case 'yaml': return yamlWords(f.code, f.detail);
  }
}

/** A duration in words: "2 days", "5 hours", "40 minutes". */
function duration(ms: number): string {
  const s = roundedSpan(ms);
  return s.unit === 'minute' ? minutes(s.n) : s.unit === 'hour' ? fmt.plural(s.n, { one: 'hour', other: 'hours' }) : days(s.n);
}

const level: Record<Level, string> = {
  frontline: 'front line',
  supervisor: 'supervisor',
  quality: 'quality department',
  management: 'management',
  regulator: 'regulator',
  court: 'court',
};
/** Who, in a sentence: "reached the quality or complaints department". */
const levelWho: Record<Level, string> = {
  frontline: 'the front line',
  supervisor: 'a supervisor',
  quality: 'the quality or complaints department',
  management: 'management',
  regulator: 'the regulator',
  court: 'court',
};
/** The levels a failure must reach to blacken a company, as the policy counts them: "management or above", or each where it skips one. */
const reachedWords = (c: { level: Level; levels?: Level[] }) => {
  if (!c.levels) return `${levelWho[c.level]} or above`;
  const who = c.levels.map((l) => levelWho[l]);
  return who.length > 1 ? `${who.slice(0, -1).join(', ')} or ${who[who.length - 1]}` : who[0];
};
/** Each level in a list of those a policy counts: "a supervisor, the quality department or a court". */
const levelInList: Record<Level, string> = {
  frontline: 'the front line',
  supervisor: 'a supervisor',
  quality: 'the quality department',
  management: 'management',
  regulator: 'the regulator',
  court: 'a court',
};
/** The levels a policy does not count as the company's own (B1): one employee's. */
const belowCompany = (p: Policy) => LEVELS.filter((l) => !p.institutional_levels.includes(l));
const levelWhere: Record<Level, string> = {
  frontline: 'at the front line',
  supervisor: 'with a supervisor',
  quality: 'at the quality department',
  management: 'with management',
  regulator: 'with the regulator',
  court: 'in court',
};

const ruleTitle: Record<RuleId, string> = {
  B1: 'institutional failure',
  B2: 'broken-promise pattern',
  B3: 'repeat offender',
  B4: 'failed check',
  W1: 'good recovery',
  W2: 'beyond expectations',
  W3: 'passed check',
};

function times(n: number): string {
  return n === 1 ? '' : n === 2 ? ' twice' : ` ${n} times`;
}

/** The words of each kind of finding (see findingFrom). */
const findingWords: FindingWords = {
  refused: (f) => `${f.policy ? 'refused as company policy' : `${levelWho[f.level]} refused`}${f.text ? `: ${quoted(f.text)}` : ''} (${f.incident})`,
  'reached-failed': (f) => `reached ${levelWho[f.level]} and it still ended ${f.outcome} (${f.incident})`,
  'reached-no-amends': (f) => `reached ${levelWho[f.level]}, and it was closed ${f.outcome} with neither an apology nor compensation (${f.incident})`,
  'broken-promises': (f) => {
    const text = (t: string | null) => quoted(t ?? 'a promise');
    return f.promises.length === 1
      ? `promised ${text(f.promises[0].text)} and broke it${times(f.broken)} in ${days(f.days)} (${f.incident})`
      : `broke ${f.broken} promises in ${days(f.days)}: ${f.promises.map((p) => `${text(p.text)}${times(p.times)}`).join(', ')} (${f.incident})`;
  },
  // B3 cites each failure that has another within the window of it: a chain of them may span far more than the window.
  repeat: (f) => `${f.incidents.length} incidents left unresolved, each within ${monthsOf(f.months)} of another unresolved one: ${f.incidents.map((i) => `${i.title} (${fmt.date(i.date)})`).join('; ')}`,
  'failed-check': (f) => {
    const why = f.dealbreakers.length ? `a dealbreaker answer to ${f.dealbreakers.join(', ')}` : `score ${f.score} is below ${f.below}`;
    // Where the policy's thresholds are not the checklist's, both verdicts are said: the check itself says its own.
    const verdict = f.own && f.own !== 'avoid' ? `${f.own} by its checklist, avoid by your policy` : 'avoid';
    return `the pre-purchase check (${f.checklist}) on ${fmt.date(f.date)} scored ${f.score}: ${verdict} (${why})`;
  },
  recovery: (f) => {
    const extras = [f.apologised ? 'apologised' : '', f.explained ? 'explained' : '', f.compensated === 'unasked' ? 'compensated unasked' : f.compensated === 'asked' ? 'compensated when asked' : ''].filter(Boolean);
    return `put things right without a fight${extras.length ? `, ${extras.join(', ')}` : ''} (${f.incident})`;
  },
  unasked: (f) => `offered ${f.what} without being asked (${f.incident})`,
  'customer-fault': (f) => `gave ${f.what === 'other' || f.what === 'compensation' ? 'compensation' : `a ${f.what}`} though the fault was the customer's (${f.incident})`,
  'passed-check': (f) => `the pre-purchase check (${f.checklist}) on ${fmt.date(f.date)} scored ${f.score}: ${f.own && f.own !== 'go' ? `${f.own} by its checklist, go by your policy` : 'go'}`,
  'watch-incident': (f) => {
    const parts = [f.open_since ? `open since ${fmt.date(f.open_since)}` : f.outcome ? `closed ${f.outcome}` : 'closed'];
    if (f.broken) parts.push(fmt.plural(f.broken, { one: 'broken promise', other: 'broken promises' }));
    if (f.robots) parts.push(`${fmt.plural(f.robots, { one: 'contact', other: 'contacts' })} blocked by a robot or dropped`);
    if (f.stayed_with) parts.push(`it stayed with ${levelWho[f.stayed_with]}`);
    return `${f.incident}: ${parts.join(', ')}`;
  },
  'watch-check': (f) =>
    `the pre-purchase check (${f.checklist}) on ${fmt.date(f.date)} scored ${f.score}: ${f.own && f.own !== f.verdict ? `${f.own} by its checklist, ${f.verdict} by your policy` : f.verdict}`,
  pin: (f) => `pinned by you: ${f.reason}`,
};

const finding = findingFrom(findingWords);

function change(c: Change): string {
  switch (c.kind) {
    case 'unpin':
      return `unpin it (vetted unpin ${sh(c.company)}) to let the evidence decide${c.evidence_says ? `: it would then be on the ${c.evidence_says} list` : ''}`;
    case 'deeds-to-white':
      return 'a failure handled well from now on, newer than this evidence, would move it to the white list; a passed check would not, for deeds decide over words';
    case 'deeds-to-black':
      return `a newer failure that reaches ${reachedWords(c)} and is not put right, ${promisesOf(c.promises)} broken in one incident, or ${c.repeat} failures of theirs left unresolved within ${monthsOf(c.months)}, would move it to the black list; a failed check would not, for deeds decide over words`;
    case 'words-to-white':
      return 'a newer passed check, or any failure handled well, would move it to the white list';
    case 'words-to-black':
      return `a newer failed check, a failure that reaches ${reachedWords(c)} and is not put right, ${promisesOf(c.promises)} broken in one incident, or ${c.repeat} failures of theirs left unresolved within ${monthsOf(c.months)}, would move it to the black list`;
    case 'watch-to-black':
      return `black: if a failure reaches ${reachedWords(c)} and is not put right, ${promisesOf(c.promises)} ${c.promises === 1 ? 'is' : 'are'} broken in one incident, ${c.repeat} failures of theirs are left unresolved within ${monthsOf(c.months)}, or a check fails`;
    case 'watch-to-white':
      return 'white: if a failure is put right without a fight, compensation comes unasked, or a check passes';
    case 'any-evidence':
      return 'any check or incident would put it on a list';
  }
}

const words = {
  level,
  outcome: { resolved: 'resolved', partial: 'partial', unresolved: 'unresolved', abandoned: 'abandoned' } as Record<Outcome, string>,
  fault: { company: 'company', 'third-party': 'third-party', customer: 'customer', unknown: 'unknown' } as Record<Fault, string>,
  channel: { phone: 'phone', chat: 'chat', email: 'email', app: 'app', web: 'web', 'in-person': 'in-person', letter: 'letter', social: 'social' } as Record<Channel, string>,
  kind: { refund: 'refund', credit: 'credit', replacement: 'replacement', repair: 'repair', other: 'other' } as Record<CompensationKind, string>,
  effort: { none: 'none', asked: 'asked', paperwork: 'paperwork', 'in-person': 'in-person', legal: 'legal' } as Record<Effort, string>,
  list: { black: 'black', white: 'white', watch: 'watch' } as Record<ListName, string>,
  event: {
  contact: 'contact',
  promise: 'promise',
  escalation: 'escalation',
  apology: 'apology',
  explanation: 'explanation',
  compensation: 'compensation',
  refusal: 'refusal',
  resolution: 'resolution',
  note: 'note',
  } as Record<EventType, string>,
  checkVerdict: { go: 'go', caution: 'caution', avoid: 'avoid' } as Record<CheckVerdict, string>,
  letterKind: { complaint: 'complaint', escalation: 'escalation', claim: 'claim', regulator: 'regulator' } as Record<LetterKind, string>,
  letterCase: { goods: 'goods', services: 'services', telecom: 'telecom', finance: 'finance' } as Record<Case, string>,
  demand: { refund: 'refund', repair: 'repair', replacement: 'replacement', recalculation: 'recalculation', compensation: 'compensation' } as Record<Demand, string>,
};
/** How many sources put a company on a list: "2 black" (the help of lists --sources says it so too). */
const countOn = (n: number, list: ListName) => `${fmt.number(n)} ${words.list[list]}`;

/** The values of a closed vocabulary as help shows them: each id, with the word when it differs. */
const values = (w: Record<string, string>) => Object.entries(w).map(([id, word]) => (word === id ? id : `${id} (${word})`)).join(', ');

/** The fields of an incident an edit changed, by flags or in the editor. */
function incidentFields(s: Pick<EditorChanges, 'title' | 'fault' | 'opened' | 'company' | 'closed'>): string[] {
  return [
    s.title ? 'title' : '',
    s.fault ? `fault ${s.fault}` : '',
    s.opened ? `opened ${s.opened}` : '',
    s.company ? `moved to ${s.company}` : '',
    s.closed === undefined ? '' : s.closed === null ? 'no longer closed' : `closed ${s.closed}`,
  ].filter(Boolean);
}

/** What an edit in the editor changed: the incident's fields, then its events (said also where none changed and nothing else did). */
function editorChanges(s: EditorChanges): string {
  const fields = incidentFields(s);
  const events = s.changed || s.added || s.removed || !fields.length ? `${fmt.plural(s.changed, { one: 'event', other: 'events' })} changed, ${s.added} added, ${s.removed} removed` : '';
  return [...fields, events].filter(Boolean).join(', ');
}

export const en = {
  lang: 'en',
  fmt,
  duration,

  // ---- the closed vocabularies: the words shown for each id (and accepted as input) ----
  words,
  vocabulary: {
    notOne: (flag: string, values: string[], given: string) => `${flag} takes ${values.join(', ')}, not ${q(given)}.`,
  },

  // ---- the policy ----
  rules: {
    title: ruleTitle,
    explain: {
      // The levels named are those the policy counts: a user's policy may count a supervisor, or leave management out.
      B1: (p: Policy) =>
        `one rude employee is not the company, but when a failure reached ${either(p.institutional_levels.map((l) => levelInList[l]), 'or')} and was still not put right (a refusal, no resolution, or neither an apology nor compensation), or a refusal is company policy, the company itself failed`,
      B2: (p: Policy) =>
        p.broken_promises === 1
          ? "even one promise broken within one incident is a pattern, not one employee's slip"
          : `${p.broken_promises} or more promises broken within one incident are a pattern, not one employee's slip`,
      B3: (p: Policy) =>
        `${p.repeat_unresolved} or more failures left unresolved, each within ${monthsOf(p.repeat_window_months)} of ${p.repeat_unresolved === 2 ? 'another' : `${p.repeat_unresolved - 1} others`}, are a habit`,
      B4: (p: Policy) => `the latest pre-purchase check found a dealbreaker or scored below ${p.check_avoid_below}`,
      W1: () => 'a failure put right without a fight earns more trust than no failure at all',
      W2: () => "the company gave more than it had to: compensation unasked, or help when the fault was the customer's",
      W3: (p: Policy) => `the latest pre-purchase check scored ${p.check_go_from} or more with no dealbreaker`,
    } as Record<RuleId, (p: Policy) => string>,
    pinned: 'pinned by you',
    evidence: 'evidence',
  },
  finding,
  change,

  // ---- lists and why ----
  lists: {
    fromOrSources: "--from shows one source's lists as they are and --sources adds every source to yours; give one of them.",
    title: { black: 'Black list', white: 'White list', watch: 'Watch list' } as Record<ListName, string>,
    nobody: 'nobody',
    since: (date: string | null) => `since ${date ? fmt.date(date) : '—'}`,
    more: (n: number) => `(+${n} more)`,
    empty: 'No company is on a list yet: vet one with `vetted check`, log an incident, or `vetted import` a data file.',
    noSuchList: (given: string, near: string[] = []) => `there is no ${q(given)} list;${near.length ? ` did you mean ${near.join(' or ')}?` : ''} the lists are black, white and watch.`,
  },
  why: {
    head: (list: Placement, since: string | null) => (list === 'unlisted' ? 'on no list' : `on the ${list} list${since ? ` since ${fmt.date(since)}` : ''}`),
    is: 'is',
    pinnedMark: ' (pinned by you)',
    decidedBy: 'Decided by:',
    /** Where the policy counts every level as the company's, no failure stays with one employee. */
    watchNote: (p: Policy) =>
      belowCompany(p).length ? `No black or white rule holds: failures that stayed with ${either(belowCompany(p).map((l) => levelWho[l]), 'or')} are one employee, not the company.` : 'No black or white rule holds.',
    watchNoteNoRule: 'No black or white rule holds.',
    against: (n: number) => `Against (black rules that hold): ${n || 'none'}`,
    for: (n: number) => `For (white rules that hold): ${n || 'none'}`,
    onWatch: 'On watch because of',
    setAside: (n: number) => `Not counted (${n}): what a check says, beside what the company did`,
    setAsideWhy: 'a check says what a company promises; your incidents say what it did, and deeds decide over words.',
    bothSides: (list: string, since: string | null) => `Both sides hold; the newest evidence decides (black on a tie): ${list} evidence from ${since ? fmt.date(since) : '—'}.`,
    evidence: 'The evidence',
    alsoOnRecord: 'Also on record (no rule holds on it now)',
    incidentSpan: (opened: string, closed: string | null, outcome: Outcome | null) =>
      // Closed without a resolution (a file may say so), it is closed all the same, as every listing says.
      `${fmt.date(opened)}${outcome ? ` to ${closed ? fmt.date(closed) : ''}, ${outcome}` : closed ? ` to ${fmt.date(closed)}, closed` : ', still open'}`,
    incidentFacts: (fault: Fault, contacts: number, highest: Level) =>
      `fault: ${fault} · ${fmt.plural(contacts, { one: 'contact', other: 'contacts' })} · highest level reached: ${level[highest]}`,
    /** The company's promises; `replies`, the reply deadlines of the customer's letters to the company, said apart (the list policy does not count them as the company's); `theirs`, those of letters to a regulator or a court, apart again. */
    promisesLine: (broken: number, total: number, apologised: boolean, explained: boolean, compensations: string[], replies: { broken: number; total: number } = { broken: 0, total: 0 }, theirs: { broken: number; total: number } = { broken: 0, total: 0 }) =>
      `promises: ${broken} of ${total} broken${repliesApart(replies, theirs)} · apology: ${apologised ? 'yes' : 'no'} · explanation: ${explained ? 'yes' : 'no'} · compensation: ${compensations.length ? compensations.join('; ') : 'none'}`,
    compensation: (kind: CompensationKind | undefined, proactive: boolean, effort: Effort | undefined) =>
      `${kind ?? 'yes'}${proactive ? ', unasked' : ''}${effort ? `, it took: ${effort}` : ''}`,
    checkLine: (checklist: string, date: string, score: number, verdict: CheckVerdict, dealbreakers: string[]) =>
      `${checklist} checklist on ${fmt.date(date)}: ${score}/100, ${verdict}${dealbreakers.length ? ` (dealbreakers: ${dealbreakers.join(', ')})` : ''}`,
    wouldChange: 'What would change it:',
  },

  // ---- policy show ----
  policyShow: {
    inForce: (source: string | null, path: string) => `# the list policy in force: ${source ?? `the defaults (override them in ${path})`}`,
    defaultWas: (v: string) => `   # default: ${v}`,
    rules: '# the rules',
    side: { black: 'black', white: 'white' } as Record<'black' | 'white', string>,
    order: [
      '# the order in which findings decide',
      '#   1. a pin decides everything: it is shown as "pinned by you".',
      '#   2. deeds over words: when any incident finding (B1, B2, B3, W1, W2) holds, on either side,',
      '#      the verdict is decided among the incident findings alone; check findings (B4, W3) are',
      '#      shown in `vetted why`, for or against, but decide nothing.',
      '#   3. only when no incident finding holds do the check findings decide.',
      '#   4. among the findings that decide, the newest evidence wins; black wins a tie (same date).',
      '#   5. no finding but some evidence: the watch list; no evidence: on no list.',
    ],
  },

  // ---- the user's policy.yaml ----
  policyFile: {
    top: '(top)',
    invalid: (file: string, problems: string) => `${file}: ${problems}; fix it, or remove the file to use the defaults.`,
    fault: (f: PolicyFault): string => {
      switch (f.kind) {
        case 'policy-map':
          return 'a policy must be a map of setting to value';
        case 'unknown-setting':
          return `unknown setting (the settings are: ${f.settings.join(', ')})`;
        case 'whole-number':
          return `must be a whole number from ${f.min} to ${f.max}`;
        case 'levels':
          return `must be a list of levels from ${f.levels.join(', ')}`;
        case 'one-of':
          return `must be one of ${f.values.join(', ')}`;
        case 'above-go':
          return `must not be above check_go_from (${f.go})`;
      }
    },
  },

  // ---- check ----
  check: {
    answersMap: (file: string) => `${file} must be a map of question id to answer value, such as "who-helps: live-support".`,
    answerText: (file: string, what: string, key: string, given: string) => `${file}: the ${what} of ${q(key)} must be text, not ${given}.`,
    sectionMap: (file: string, section: 'answers' | 'notes') => `${file}: "${section}" must be a map of question id to ${section === 'answers' ? 'answer value, such as "who-helps: live-support"' : 'note'}.`,
    sectionsOnly: (file: string, keys: string[]) =>
      `${file} has ${keys.map(q).join(', ')} beside "answers" and "notes", and no other section is read; remove ${keys.length > 1 ? 'them' : 'it'}; notes go under "notes".`,
    notesWithoutSections: (file: string) => `${file} gives "notes" as a map among the answers; put the answers under "answers:" and the notes under "notes:", each a map of question id to text.`,
    /** At the note prompt, under a note typed too long: it stays there to be shortened. */
    noteTooLong: (length: number, max: number) =>
      `This note is ${fmt.plural(length, { one: 'character', other: 'characters' })} long, and a note can be at most ${fmt.number(max)}: shorten it.`,
    /** Above the error that kept a check with answers asked on a terminal from being saved. */
    answersNotSaved: (command: string) => `Your answers were not saved. Once what is said below is mended, this saves them without asking again:\n  ${command}`,
    /** Above nothingScored, where the answers were asked on a terminal. */
    answersToChange: (command: string) => `Your answers, to give again with at least one changed to an answer that counts:\n  ${command}`,
    noteNotQuestion: (id: string, checklist: string) => `--note names ${q(id)}, which is not a question of the ${checklist} checklist.`,
    nothingScored: (checklist: string) =>
      `every answer given is left out of the score (each says the question does not apply), so this check would have no score and was not saved; answer at least one question of the ${checklist} checklist with an answer that counts, or "unknown" where you could not find out.`,
    checklistChanged: (id: string, version: number, file: string, check: string, at: string, change: ScoringChange) =>
      `the ${id} checklist (${file}) has changed since ${check} was made with it on ${fmt.date(at)}, under the same version ${version}: ${
        change.kind === 'questions'
          ? [change.added.length ? `it asks ${change.added.join(', ')} now` : '', change.gone.length ? `no longer asks ${change.gone.join(', ')}` : ''].filter(Boolean).join(' and ')
          : change.kind === 'answer'
            ? `the answer ${q(change.answer)} to ${change.question} is gone`
            : `it scores the same answers otherwise (${change.was} then, ${change.now} now)`
      }. Give its file a new version (\`version: ${version + 1}\`), so that the checks made with version ${version} keep the questions and scores they were made with; then check again.`,
    stdinTwice: '--checklist - and --answers - both name standard input, which is read once; give one of them as a file.',
    /** `how`: why nothing was asked (--json asks no questions even on a terminal). */
    noAnswers: (missing: string[], checklist: string, how: NotAsked) =>
      `no answer was given to ${missing.join(', ')}; give ${missing.length > 1 ? 'them' : 'it'} with --answer ID=VALUE or --answers FILE, or ${toBeAsked(how)} (see \`vetted checklists show ${shellWord(checklist)}\`).`,
    record: (name: string, list: Placement, since: string | null) =>
      list === 'unlisted' ? `${name}: no record yet (on no list).` : `${name}: on the ${list} list since ${since ? fmt.date(since) : '—'}.`,
    recordReason: (rule: string, text: string) => `  decided by ${rule}: ${text}`,
    recordCounts: (open: number, broken: number) =>
      `  ${fmt.plural(open, { one: 'open incident', other: 'open incidents' })}, ${fmt.plural(broken, { one: 'broken promise', other: 'broken promises' })}`,
    nowChanged: (from: Placement, to: Placement) =>
      to === 'unlisted' ? 'Now: on no list.' : `Now: on the ${to} list${from !== to ? ` (it was ${from === 'unlisted' ? 'on no list' : `on the ${from} list`})` : ''}.`,
    notChanged: (list: Placement) => `Now: still on the ${list} list: this check did not change the verdict.`,
    /** Where the policy's thresholds read the check otherwise than its checklist's: the finding that says both. */
    policyReads: (finding: string) => `Your policy reads this score otherwise than its checklist: ${finding}.`,
    whyNotDeeds: 'A check says what a company promises; your incidents say what it did, and deeds decide over words.',
    whyNotPin: 'You pinned it: a pin decides until you unpin it.',
    whyNotOlder: 'Newer evidence of the other side still decides.',
  },

  // ---- company ----
  company: {
    isAliasOf: (name: string, owner: string) => `${q(name)} is already an alias of ${owner}.`,
    aliasTaken: (alias: string, owner: string) => `${q(alias)} already names ${owner}; an alias can belong to one company only.`,
    nameTaken: (name: string, owner: string, from: string) => `${q(name)} already names ${owner}; to make them one company, use \`vetted company merge ${sh(from)} ${sh(owner)}\`.`,
    pinsDisagree: (a: string, aList: ListName, aReason: string, b: string, bList: ListName, bReason: string) =>
      `${a} is pinned ${aList} (${q(aReason)}) and ${b} is pinned ${bList} (${q(bReason)}); unpin one of them first (\`vetted unpin\`).`,
    alsoKnown: (names: string) => `also known as ${names}`,
    partOf: (name: string) => `part of ${name}`,
    head: (list: Placement, since: string | null) => (list === 'unlisted' ? 'on no list (no evidence yet)' : `on the ${list} list since ${since ? fmt.date(since) : '—'}`),
    subsidiaries: 'Subsidiaries',
    ownEvidence: ' (judged on their own evidence)',
    figures: 'Service figures',
    checks: (n: number) => `Checks (${n})`,
    noChecks: (name: string) => `  none yet: vetted check ${sh(name)}`,
    incidents: (n: number) => `Incidents (${n})`,
    none: '  none',
    checkHeaders: ['ID', 'DATE', 'CHECKLIST', 'SCORE', 'VERDICT', 'DEALBREAKERS'],
    incidentHeaders: ['ID', 'OPENED', 'FAULT', 'STATE', 'TITLE'],
    listHeaders: ['COMPANY', 'ALIASES', 'CATEGORY', 'CHECKS', 'INCIDENTS', 'OPEN'],
    open: 'open',
    closed: 'closed',
    figureLines: (f: {
      median: number | null;
      /** Whether a contact reached a live person: where one did and the median is null, no wait was logged. */
      reachedHuman: boolean;
      /** The contacts that do not say whether a person answered. */
      unknown: number;
      blocked: string;
      contacts: number;
      kept: number;
      broken: number;
      resolved: string;
      incidents: number;
      apologies: number;
      explanations: number;
      compensations: number;
      unasked: number;
      highest: Level | null;
    }) => [
      `time to a live person (median): ${toHumanWords(f.median, f.reachedHuman, f.contacts, f.unknown)}`,
      `contacts blocked by a robot or dropped: ${f.blocked} of ${f.contacts}`,
      `promises: ${f.kept} kept, ${f.broken} broken`,
      `incidents resolved: ${f.resolved} of ${f.incidents}`,
      `apologies: ${f.apologies} · explanations: ${f.explanations} · compensations: ${f.compensations} (${f.unasked} unasked)`,
      `highest level you had to reach: ${f.highest ? level[f.highest] : '—'}`,
    ],
    noCompanies: 'No companies yet. Start with `vetted check "Some Shop"` or `vetted incident add "Some Shop"`.',
    aliasExists: (alias: string, name: string) => `${q(alias)} already names ${name}; nothing changed.`,
    aliasAdded: (alias: string, name: string) => `${q(alias)} is now another name of ${name}.`,
  },

  // ---- incidents ----
  incident: {
    eventIdHint: (id: string, first: string) => `  (an event's id is ${id} and its number, such as ${first}: \`vetted event edit ${first}\`)`,
    attachments: 'Attachments',
    attachmentEvent: (n: number) => `event ${n}`,
    size: (bytes: number) => (bytes < 1024 ? `${bytes} B` : bytes < 1048576 ? `${fmt.number(Math.round(bytes / 102.4) / 10)} KB` : `${fmt.number(Math.round(bytes / 104857.6) / 10)} MB`),
    saveAttachment: (id: number) => `  save one with: vetted attachment save ${id} --out FILE`,
    event: {
      contact: (channel: Channel | undefined, lvl: string) => `contact${channel ? (channel === 'in-person' ? ' in person' : ` by ${channel}`) : ''}${lvl}`,
      robot: (place: number | undefined) => `a robot in the way${place ? `, place ${place} in the queue` : ''}`,
      queue: (place: number) => `place ${place} in the queue`,
      reached: (wait: number | undefined) => `reached a person${wait !== undefined ? ` after ${minutes(wait)}` : ''}`,
      noPerson: (wait: number | undefined) => `no person${wait !== undefined ? ` in ${minutes(wait)}` : ''}`,
      dropped: 'cut off or unanswered',
      kept: 'kept',
      broken: (lateMs: number | null, soFar: boolean) => `broken${lateMs ? `, ${duration(lateMs)} late` : ''}${soFar ? ' so far' : ''}`,
      dueIn: (ms: number) => `due in ${duration(ms)}`,
      promise: (text: string | null, lvl: string, due: string, state: string) => `promise ${text ? quoted(text) : '(no words recorded)'}${lvl}, due ${when(due)}: ${state}`,
      /** The reply deadline of a letter the customer sent, and whether the company answered by it. */
      replyDeadline: (text: string | null, lvl: string, due: string, state: string) => `reply deadline ${text ? quoted(text) : 'of your letter'}${lvl}, due ${when(due)}: ${state}`,
      answeredInTime: 'answered in time',
      answeredLate: (lateMs: number) => `answered${lateMs ? ` ${duration(lateMs)}` : ''} late`,
      unanswered: (lateMs: number | null, soFar: boolean) => `unanswered${lateMs ? `, ${duration(lateMs)} late` : ''}${soFar ? ' so far' : ''}`,
      markedUnanswered: 'marked as not answered',
      /** A reply deadline settled by the fix (the incident closed resolved or in part) before any answer came: settled, not answered. */
      fixedInTime: (partial: boolean) => `settled by the ${partial ? 'partial ' : ''}fix in time`,
      fixedLate: (lateMs: number, partial: boolean) => `settled by the ${partial ? 'partial ' : ''}fix${lateMs ? `, ${duration(lateMs)} late` : ', late'}`,
      escalation: (to: Level) => `escalated to ${to}`,
      apology: (lvl: string) => `apology${lvl}`,
      explanation: (lvl: string) => `explanation${lvl}`,
      compensation: (what: string, how: string, lvl: string) => `compensation${what ? `: ${what}` : ''}${how ? ` (${how})` : ''}${lvl}`,
      // No kind given: the amount alone ("compensation: 500 RUB", not "compensation: compensation 500 RUB").
      compensationWhat: (kind: CompensationKind | undefined, amount: string) => [kind, amount].filter(Boolean).join(' '),
      unasked: 'offered unasked',
      whenAsked: 'only when asked',
      took: (effort: Effort) => `took: ${effort}`,
      refusal: 'refusal',
      asPolicy: ' as company policy',
      resolution: (outcome: Outcome | undefined, lvl: string) => `closed: ${outcome ?? ''}${lvl}`,
      note: (lvl: string, text: string) => `note${lvl}: ${text}`,
      level: (l: Level) => ` (${l})`,
    },
    /** The date of a promise on a page that must not go stale: absolute, never "in 31 hours". */
    /** `late`: how it was settled — by an answer, by the fix before any answer (`partial`: a fix in part), not at all, or marked not answered by hand. */
    replyOnPage: (text: string | null, lvl: string, due: string, state: 'kept' | 'broken' | 'pending', late: 'answered' | 'fixed' | 'unanswered' | 'marked', partial = false) =>
      `reply deadline ${text ? quoted(text) : 'of your letter'}${lvl}, due ${fmt.dateTime(due)}: ${
        state === 'pending'
          ? 'not yet due'
          : late === 'fixed'
            ? `settled by the ${partial ? 'partial ' : ''}fix ${state === 'kept' ? 'in time' : 'late'}`
            : state === 'kept'
              ? 'answered in time'
              : late === 'answered'
                ? 'answered late'
                : late === 'marked'
                  ? 'marked as not answered'
                  : 'unanswered'
      }`,
    promiseOnPage: (text: string | null, lvl: string, due: string, state: 'kept' | 'broken' | 'pending') =>
      `promise ${text ? quoted(text) : '(no words recorded)'}${lvl}, due ${fmt.dateTime(due)}: ${state === 'pending' ? 'not yet due' : state}`,
    metrics: (m: {
      contacts: number;
      robots: number;
      dropped: number;
      toHuman: number | null;
      /** Whether a contact reached a live person: where one did and toHuman is null, no wait was logged. */
      reachedHuman: boolean;
      /** The contacts that do not say whether a person answered. */
      unknown: number;
      promises: number;
      broken: number;
      /** The reply deadlines of the customer's letters to the company, and how many it let pass. */
      replies: number;
      missed: number;
      /** The reply deadlines of letters to a regulator or a court, and how many passed without their reply. */
      theirReplies: number;
      theirMissed: number;
      highest: Level;
      apologised: boolean;
      explained: boolean;
      compensated: boolean;
      proactive: boolean;
      effort: Effort | null;
      daysOpen: number;
    }) => {
      const yn = (b: boolean) => (b ? 'yes' : 'no');
      return [
        `contacts: ${m.contacts} (${m.robots} with a robot in the way, ${m.dropped} cut off or unanswered)`,
        `time to a live person: ${toHumanWords(m.toHuman, m.reachedHuman, m.contacts, m.unknown)}`,
        `promises: ${m.promises}, broken: ${m.broken}${repliesApart({ broken: m.missed, total: m.replies }, { broken: m.theirMissed, total: m.theirReplies })}`,
        `highest level reached: ${level[m.highest]}`,
        `apologised: ${yn(m.apologised)} · explained: ${yn(m.explained)} · compensated: ${yn(m.compensated)}${m.compensated ? ` (${m.proactive ? 'unasked' : 'only when asked'}; it took: ${m.effort ?? 'none'})` : ''}`,
        `days open: ${fmt.number(m.daysOpen)}`,
      ];
    },
    owedPromise: (text: string | null, due: string) => `the promise ${text ? quoted(text) : 'made'} (due ${when(due)})`,
    owedReply: (text: string | null, due: string) => `${text ? quoted(text) : 'a reply to your letter'} (due ${when(due)})`,
    /** The reply a letter to a regulator or a court awaits: owed by them, not by the company. */
    owedTheirReply: (whose: ReplyOwer, text: string | null, due: string) => `${theirs(whose)} reply${text ? `: ${quoted(text)}` : ' to your letter'} (due ${when(due)})`,
    owedFix: 'a fix: the incident is still open',
    owedFixClosed: (closed: string) => `a fix: the incident was closed on ${when(closed)} without one`,
    owedApology: 'an apology',
    owedExplanation: 'an explanation of what went wrong',
    owedCompensation: 'compensation',
    head: (opened: string, fault: Fault, state: string) => `opened ${when(opened)} · fault: ${fault} · ${state}`,
    closedAs: (o: Outcome) => `closed ${o}`,
    closedOn: (closed: string) => `closed ${when(closed)}`,
    open: 'open',
    noEvents: (id: string) => `  no events yet: vetted incident event ${id} contact --channel phone`,
    day: (n: number) => `day ${n}`,
    figures: 'Figures',
    stillOwed: 'Still owed',
    listHeaders: ['ID', 'COMPANY', 'OPENED', 'STATE', 'BROKEN', 'TITLE'],
    closed: 'closed',
    noOpen: 'No open incidents.',
    none: 'No incidents yet. Open one with `vetted incident add "Company" --title "what went wrong"`.',
    opened: (ref: string, company: string) => `opened incident ${ref} with ${company}`,
    // No example values: typed as printed, a hint must not record a contact that never happened.
    next: (ref: string) => `next: vetted incident event ${ref} contact (on a terminal it asks how it went; else say it with --channel, --reached-human and --wait-minutes)`,
    logged: (type: EventType, id: string, company: string, at: string, event: string) => `logged ${type} ${event} on ${id} (${company}) at ${when(at)}`,
    reachedUnknown: (event: string) =>
      `  note: ${event} does not say whether a person answered, so the figures count that as not known; say it with \`vetted event edit ${event} --reached-human\` (or --no-reached-human), and the wait with --wait-minutes.`,
    readAsDeadline: (event: string, letter: string) =>
      `  note: ${event} stands at the moment and level of your letter ${letter}, so it is read as that letter's reply deadline, met by any answer of theirs; if the company made this promise, give the time they did: \`vetted event edit ${event} --at WHEN\`.`,
    nextPromise: (ref: string) => `next, when they promise something: vetted incident event ${ref} promise --text "what they said" --due "tomorrow 18:00"`,
  },

  // ---- due ----
  due: {
    badFormat: (given: string) => `--format takes text, json or ics, not ${q(given)}.`,
    twoFormats: (json: string, format: string) => `${json} and --format ${format} ask for two different outputs; give one.`,
    calendarName: 'vetted: deadlines',
    /** `whose`: the deadline is of a letter of the customer's, whose reply it awaits: the company's, or the regulator's or court's it went to (no promise of anyone's). */
    calendarSummary: (what: string, company: string, whose?: ReplyOwer | 'company') =>
      `${whose === 'court' ? "The court's reply due" : whose === 'regulator' ? "The regulator's reply due" : whose ? "The company's reply due" : 'Due'}: ${what} — ${company}`,
    /** `step`: the next step `due` gives, or would once the deadline is let pass; null where it gives none. */
    calendarDescription: (company: string, id: string, title: string, at: string, what: string, due: string, broken: 'passed' | 'marked' | null, step: string | null, whose?: ReplyOwer | 'company') =>
      whose
        ? `${company}, incident ${id}: ${title}\nYou wrote to the ${whose} on ${when(at)}: ${what}, due ${when(due)}.${broken === 'passed' ? ' Not answered: the deadline has passed.' : broken === 'marked' ? ' Marked as not answered.' : ''}\n${step ? `${broken ? 'Next' : 'If it is not answered'}: ${step}.\n` : ''}See: vetted incident show ${id}`
        : `${company}, incident ${id}: ${title}\nPromised on ${when(at)}: ${what}, due ${when(due)}.${broken === 'passed' ? ' Broken: the deadline has passed.' : broken === 'marked' ? ' Broken: marked as not kept.' : ''}\n${step ? `${broken ? 'Next' : 'If it is not kept'}: ${step}.\n` : ''}See: vetted incident show ${id}`,
    nothing: 'No open incidents: nothing is due.',
    broken: 'broken',
    /** A reply deadline of the customer's letter, let pass: theirs to demand, not a promise broken. */
    unanswered: 'unanswered',
    due: 'due',
    stale: 'stale',
    aPromise: 'a promise',
    aReply: 'a reply to your letter',
    /** `whose`: the deadline of a letter to a regulator or a court, whose reply it awaits (not the company's). */
    brokenLine: (text: string, due: string, lateMs: number, whose?: ReplyOwer) =>
      `${quoted(text)} — ${whose ? `${theirs(whose)} reply, ` : ''}due ${when(due)}, ${lateMs > 0 ? `${duration(lateMs)} ago` : whose ? 'marked as not answered' : 'marked as not kept'}`,
    dueLine: (text: string, due: string, inMs: number, whose?: ReplyOwer) => `${quoted(text)} — ${whose ? `${theirs(whose)} reply, due ` : ''}in ${duration(inMs)} (${when(due)})`,
    staleLine: (n: number) => `no event for ${days(n)}`,
    next: 'next:',
    step: {
      tell: (id: string) => `Tell them: contact the company, then log it with \`vetted incident event ${id} contact\``,
      escalate: (from: Level) =>
        ({
          frontline: 'Ask for a supervisor, by name, and write the name down',
          supervisor: 'Write to the quality or complaints department, with the timeline',
          quality: 'Write to management, with the timeline and what the complaints department said',
          management: 'Complain to the regulator or consumer protection body, with the timeline',
          regulator: 'Consider a claim in court (small claims), with the timeline as evidence',
          court: 'Follow the court case; keep logging every contact',
        })[from],
      compensation: 'Ask for compensation in writing (email or letter), and keep the reply',
      chase: 'Chase them, and log the contact',
      afterFix: (id: string) => `Remind them in writing of what they promised after the fix, and log their answer; if the fault is back, reopen the incident (\`vetted incident reopen ${id}\`)`,
      timeline: 'Keep the timeline: log every call, chat and letter as it happens',
    },
    why: {
      tell: 'no contact with the company is logged yet',
      escalate: (broken: number, missed: number, since: string | null, refusals: number, at: Level, here: 'all' | 'last' | 'quiet', quietDays: number) =>
        `${fmt.list([
          broken ? `${fmt.plural(broken, { one: 'promise', other: 'promises' })} broken since ${since ? fmt.date(since) : ''}` : '',
          missed ? `${fmt.plural(missed, { one: 'reply to your letter', other: 'replies to your letters' })} overdue${broken || !since ? '' : ` since ${fmt.date(since)}`}` : '',
          refusals ? fmt.plural(refusals, { one: 'refusal', other: 'refusals' }) : '',
        ].filter(Boolean))}${here === 'all' ? ' ' : here === 'last' ? ', the last ' : `, and nothing for ${days(quietDays)} `}${levelWhere[at]}`,
      compensation: (n: number) => `the service has failed you${n >= 1 ? ` for ${days(n)}` : ''} and nothing has been offered`,
      chase: (n: number) => `nothing has happened for ${days(n)}`,
      afterFix: (n: number) => `the incident is closed, but ${fmt.plural(n, { one: 'promise', other: 'promises' })} made after the fix ${n === 1 ? 'is' : 'are'} broken`,
      timeline: 'dates and names are your evidence',
    },
  },

  // ---- pins ----
  pin: {
    notAList: (given: string) => `a company is pinned to black or white, not ${q(given)}.`,
    /** `was`: the pin it replaced, on the other list or for another reason. */
    pinned: (name: string, list: string, reason: string, was?: { list: string; reason: string }) =>
      `pinned ${name} to the ${list} list${was && was.list !== list ? ` (was ${was.list})` : ''}: ${reason}${was && was.reason !== reason ? ` (the reason was: ${was.reason})` : ''}`,
    pinnedAlready: (name: string, list: string, reason: string, since: string) => `${name} is pinned to the ${list} list for this reason already, since ${fmt.date(since)}: ${reason}; nothing changed.`,
    notPinned: (name: string) => `${name} is not pinned; nothing to unpin.`,
    unpinned: (name: string) => `unpinned ${name}: the evidence decides its list again (see \`vetted why ${sh(name)}\`).`,
  },

  // ---- errors and hints shared by commands ----
  errors: {
    invisibleName:
      'a company name must show at least one visible character, not only spaces, marks or zero-width characters; give the name the company uses.',
    noCompanyShort: (name: string) => `there is no company ${q(name)};`,
    noCompanyLike: (name: string, like: string[]) => `there is no company ${q(name)}; did you mean ${like.map(q).join(' or ')}? (see \`vetted company list\`)`,
    noIncidentLike: (id: string, like: string[]) =>
      `there is no incident ${q(id)}; ${like.length ? `did you mean ${like.map(q).join(' or ')}? ` : ''}see \`vetted incident list\` for the ids.`,
    typo: (name: string, like: string[]) =>
      `warning: ${q(name)} is a new company, but ${like.map(q).join(' or ')} already exists; if you meant it, use that name (a typo can be mended with \`vetted company merge\`).`,
    whichCompany: (typed: string, like: string[]) => `${q(typed)} is a new company, but there is ${like.map(q).join(' and ')}. Which did you mean?`,
    theOneYouHave: (name: string) => `${name} (the one you have)`,
    aNewCompany: (name: string) => `${name} (a new company)`,
    emptyName: 'a company name cannot be empty; give the name the company uses.',
    longName: (max: number) => `a company name can be at most ${max} characters; shorten it.`,
    longNote: (what: string, max: number) => `${what} can be at most ${max} characters; shorten it.`,
    aNote: 'a note',
    theirWords: 'their words',
    noCompany: (name: string, db: string) => `there is no company ${q(name)} in ${db}; see \`vetted company list\`.`,
    noCompanyButSources: (name: string, sources: string[]) =>
      `there is no company ${q(name)} in your record, but ${sources.length > 1 ? 'your sources' : 'your source'} ${sources.map(q).join(', ')} ${sources.length > 1 ? 'know' : 'knows'} it: \`vetted source show ${sh(sources[0])}\` shows what ${q(sources[0])} says, and \`vetted check ${sh(name)}\` shows what ${sources.length > 1 ? 'they say' : 'it says'} of it before its first question.`,
    didYouMean: (names: LookedLike[]) => ` did you mean ${names.map(lookedLike).join(' or ')}? (it looks the same but is spelled with other letters)`,
    lookalike: (name: string, like: LookedLike[]) =>
      `warning: ${q(name)} looks like ${like.map(lookedLike).join(', ')} but is spelled with letters of another script; they are kept as different companies.`,
    pairTwice: (flag: string, id: string) => `${flag} ${id}=… is given twice; give it once${flag === '--note' ? ' (one note may say several things)' : ''}.`,
    pairs: (flag: string, given: string) => `${flag} takes ID=${flag === '--note' ? 'TEXT' : 'VALUE'}, such as ${flag === '--note' ? `${flag} who-helps="the chat bot only"` : `${flag} who-helps=live-support`}; ${q(given)} has ${given.startsWith('=') ? 'no ID before its "="' : 'no "="'}.`,
    /** The copy kept before an upgrade: the way back for one who must use an older version, which cannot read the upgraded database. */
    backedUp: (path: string) => `backed up the database to ${path} before upgrading it: an older version of vetted reads that copy, not the upgraded database`,
    noIncident: (id: string) => `there is no incident ${q(id)}; see \`vetted incident list\` for the ids.`,
    badDate: (flag: string, given: string) => `${flag} takes an ISO 8601 date such as 2024-07-12 or 2024-07-12T09:30, and ${q(given)} is not one (or not a real date).`,
    emptyTitle: '--title cannot be empty; say in a few words what went wrong.',
    longTitle: (max: number) => `a title can be at most ${max} characters; shorten it.`,
    notForType: (flag: string, type: string, flags: string[]) => `${flag} does not apply to ${an(type)} event; ${an(type)} takes ${flags.join(', ')}.`,
    wholeNumber: (flag: string, given: string, max: number) => `${flag} takes a whole number from 0 to ${fmt.number(max)}, not ${q(given)}.`,
    number: (flag: string, given: string, max: number) => `${flag} takes a number such as 50 or 12.5, without thousands separators (1000, not 1,000), at most ${max}, not ${q(given)}.`,
    currency: (flag: string, given: string) => `${flag} takes a three-letter ISO 4217 code such as EUR, not ${q(given)}.`,
    needsTitle: (how: NotAsked) => `an incident needs a title: give --title "what went wrong" (or ${toBeAsked(how)}).`,
    notEventType: (given: string, types: string[]) => `${q(given)} is not an event type; the types are: ${types.join(', ')}.`,
    eventNeeds: (type: string, flags: string[], promise: boolean) =>
      `${an(type)} event needs ${flags.join(' and ')}${promise ? ' (when it falls due, such as --due 2024-07-13T18:00)' : type === 'resolution' ? ` (how it ended: ${OUTCOMES.join(', ')})` : ''}.`,
    duplicateEvent: (type: string, at: string, id: string) => `this ${type} at ${when(at)} is on the timeline of ${id} already; nothing was added.`,
    eventNumbersUsedUp: (max: number) => `this incident's events are numbered up to #${max}, the most an event's id holds, and a number is never given twice; nothing was added. Log what came next on an incident of its own.`,
    needsOutcome: (values: string[]) => `say how it ended: --outcome ${values.join('|')}.`,
    damaged: (detail: string, by: string) => `vetted: the database is damaged (SQLite says: ${detail}); restore a backup with \`vetted restore FILE\`, or ${anotherDb(by, 'another file')}.`,
    diskFull: 'vetted: the disk is full, so nothing was saved; free some space and run the command again.',
    ioError: (detail: string) => `vetted: the disk refused a write (${detail}): check free space, quotas and the disk itself; nothing was saved.`,
    busy: 'vetted: the database is busy with another vetted process; nothing was saved, try again in a moment.',
    readOnly: (detail: string, by: string) => `vetted: cannot write there (${detail}); check the permissions, or ${anotherDb(by, 'another path')}.`,
    readOnlyCompanion: (file: string, remade: boolean) =>
      remade
        ? `vetted: cannot write to the database: ${file}, which SQLite keeps beside it, was read-only (a read made while the database was read-only leaves it so), and SQLite has just made it again; run the command again.`
        : `vetted: cannot write to the database: ${file}, which SQLite keeps beside it, is read-only (a read made while the database was read-only leaves it so); make it writable (chmod u+w), or remove it while no vetted runs.`,
    readOnlyFolder: (by: string) =>
      `vetted: the database's folder is read-only, and SQLite keeps its log (the -wal and -shm files) beside the database; make the folder writable, or copy the database into a writable folder (a read-only disk or a backup medium: \`cp\` it) and ${anotherDb(by, 'the copy')}.`,
    cantOpen: (detail: string, by: string) => `vetted: SQLite cannot open the database or the files beside it (${detail}); check the permissions of the file and its folder, or ${anotherDb(by, 'another path')}.`,
    fsRefused: (syscall: string, path: string, code: string) => `vetted: the file system refused to ${syscall} ${path} (${code}); check that path.`,
    outputCut: 'vetted: the reader of the output went away before its end, so what it read is cut short and is no whole file; write it to a file with --out FILE.',
    savedAnyway: (ops: number[]) =>
      `vetted: what the command recorded is kept all the same (${ops.length === 1 ? `change #${ops[0]}` : `changes ${ops.map((o) => `#${o}`).join(', ')}`}), so do not run it again: \`vetted history\` shows it, and \`vetted undo\` takes it back.`,
    outputRefused: (code: string) => `vetted: the output could not be written (${code}); check where it goes: a full disk, or a file or device that takes nothing.`,
    unexpected: (detail: string, stack: string | null) => `vetted: unexpected error: ${detail}; please report it${stack === null ? ' (run again with --debug to see the details)' : `\n${stack}`}`,
    usage: (message: string, command: string) => `vetted: ${message}; see \`${command} --help\`.`,
    /** The same, said by a command as it runs (the one exit point puts `vetted: ` before it). */
    seeHelp: (message: string, command: string) => `${message}; see \`${command} --help\`.`,
    /** --lang naming a language vetted has no words in: said once, and the command goes on in English. */
    noLanguage: (given: string, langs: readonly string[]) => `vetted: note: there is no ${q(given)} translation; English is used (--lang takes ${langs.join(' or ')}).`,
    checklistFallback: (id: string, wanted: string, has: string) => `note: the ${id} checklist has no ${wanted} text; it is shown in ${has}.`,
  },

  // ---- attachments: files kept with incidents ----
  attachment: {
    size: (bytes: number) => (bytes < 1024 ? `${fmt.number(bytes)} B` : bytes < 1048576 ? `${oneDecimal.format(bytes / 1024)} KB` : `${oneDecimal.format(bytes / 1048576)} MB`),
    notAnEvent: (arg: string, incident: string) =>
      `--event takes the number of an event of ${incident}, as its id has it (\`vetted incident show ${incident}\` shows them), such as --event 3; ${q(arg)} is not one.`,
    otherIncident: (arg: string, incident: string) => `the event ${arg} belongs to another incident than ${incident}; give an event of ${incident}.`,
    noFiles: 'give at least one file to attach, such as `vetted incident attach volgatelecom-1 receipt.pdf`.',
    noFile: (file: string) => `there is no file ${file}; check the path. Nothing was attached.`,
    folder: (file: string) => `${file} is a folder; attach the files in it one by one (${file}/*). Nothing was attached.`,
    notRegular: (file: string) => `${file} is not a regular file; attach a copy of it. Nothing was attached.`,
    theDatabase: (file: string) => `${file} is the database in use (or one of its own files), the record itself: it cannot be kept inside itself; \`vetted backup\` keeps a copy of it. Nothing was attached.`,
    controlInName: (file: string) =>
      `the name of ${file} holds a control character (a line break, a tab, an escape, a mark turning text right to left), which a file saved from the attachment would keep; attach a copy under a plain name. Nothing was attached.`,
    tooBig: (file: string, bytes: number, maxBytes: number) =>
      // In bytes: one byte over 50 MB is "50.0 MB" to a tenth, and read as within.
      `${file} is over ${fmt.number(maxBytes / 1048576)} MB (${fmt.number(bytes)} bytes; an attachment can be at most ${fmt.number(maxBytes)}), so keep a smaller copy. Nothing was attached.`,
    larger: (name: string, maxBytes: number) => `${name} is larger than ${fmt.number(maxBytes / 1048576)} MB; keep a smaller copy.`,
    grew: (file: string, maxBytes: number) => `${file} grew past ${fmt.number(maxBytes / 1048576)} MB while it was read; nothing was attached.`,
    noIncident: (id: string) => `there is no incident ${q(id)}; see \`vetted incident list\` for the ids. Nothing was attached.`,
    noEvent: (incident: string, n: number, events: number) =>
      `${incident} has no event ${n} (its timeline has ${fmt.number(events)}); see \`vetted incident show ${incident}\`. Nothing was attached.`,
    already: (name: string, incident: string, id: number) => `${name} is attached to ${incident} already (attachment ${id})`,
    attached: (name: string, size: string, incident: string, id: number) => `attached ${name} (${size}) to ${incident} as attachment ${id}`,
    removed: (id: number, name: string, incident: string) =>
      `removed attachment ${id} (${name}) of ${incident} (to take it back: vetted undo; its bytes stay in the database while that can be undone, until \`vetted history prune\` forgets it)`,
    notAnId: (given: string) => `an attachment id is a number, as \`vetted incident show ID\` lists them; ${q(given)} is not one.`,
    noAttachment: (id: string) => `there is no attachment ${id}; \`vetted incident show ID\` lists an incident's attachments.`,
    exists: (path: string) => `${path} exists already; choose where to write it with --out FILE.`,
    outIsFolder: (path: string) => `${path} is a folder; give --out the path of a file.`,
    controlInSavedName: (id: string) =>
      `the name of attachment ${id} holds a control character (a line break, a tab, an escape, a mark turning text right to left), which no file should be named with; choose its name with --out FILE.`,
    notToTerminal: (id: string) => `attachment ${id} is a file, not text for a terminal; write it to a file with --out FILE, or pipe it (--out - | …).`,
    /** `path`: undefined for standard output. */
    wrote: (path: string | undefined, size: string) => `wrote ${path ?? 'to standard output'} (${size}, SHA-256 checked)`,
    damaged: (sha: string) => `the stored content with SHA-256 ${sha} no longer matches its hash: the database is damaged; restore a backup with \`vetted restore FILE\`.`,
    none: 'No files kept yet. Keep one with `vetted incident attach ID FILE`.',
    headers: ['ID', 'INCIDENT', 'EVENT', 'NAME', 'SIZE', 'ADDED'],
    added: (at: string) => when(at),
  },

  // ---- paths: where each file lives ----
  paths: {
    headers: ['WHAT', 'WHERE', 'SET BY'],
    what: { database: 'database', backups: 'backups', config: 'config', checklists: 'checklists', letters: 'letters', policy: 'policy', law: 'law overrides' } as Record<PathWhat, string>,
    setBy: {
      '--db': 'the --db flag',
      VETTED_DB: 'VETTED_DB',
      VETTED_CONFIG: 'VETTED_CONFIG',
      XDG_DATA_HOME: 'XDG_DATA_HOME',
      XDG_CONFIG_HOME: 'XDG_CONFIG_HOME',
      default: 'the default',
    } as Record<string, string>,
    besideDatabase: (by: string) => `beside the database (${by})`,
    inConfig: (by: string) => `in the config folder (${by})`,
    notThere: ' (not there yet)',
  },

  // ---- completion: its messages (the menus' descriptions are the help's) ----
  completion: {
    noShell: (shells: readonly string[], given: string) => `there is completion for ${shells.join(', ')}, not ${q(given)}; run \`vetted completion bash\` (or zsh, fish).`,
    help: 'show help',
    /** The headings of zsh's menus, where its completion style shows them. */
    groups: { flag: 'flag', command: 'command' },
  },

  // ---- help: commander's own words, and every command's ----
  help: {
    usage: 'Usage:',
    options: 'Options:',
    commands: 'Commands:',
    arguments: 'Arguments:',
    globalOptions: 'Global Options:',
    examples: 'Examples:',
    default: (v: string) => `(default: ${v})`,
    choices: (v: string[]) => `(choices: ${v.join(', ')})`,
    helpOption: 'display help for command',
    withoutSubcommand: (listing: string) => `Without a subcommand: \`${listing}\`.`,
    required: '(required)',
    unknownSubcommand: (given: string, group: string, names: string[], near: string[] = []) =>
      `unknown command '${clipped(given)}' of '${group}' (${near.length ? `did you mean ${near.join(' or ')}? ` : ''}the commands are ${names.join(', ')})`,
    badChoice: (flag: string, given: string, choices: string[]) => `option '${flag}' argument '${clipped(given)}' is invalid; the choices are ${choices.join(', ')}`,
    helpCommand: 'display help for command',
    // commander's own error messages, turned into one line by the program.
    unknownOption: (flag: string) => `unknown option '${clipped(flag)}'`,
    /** An unknown option where an argument is awaited: how to give an argument that begins with a dash, after those given before it. */
    dashedArgument: (flag: string, argument: string, command: string, line: string[] | undefined) =>
      `unknown option '${clipped(flag)}' (if it is the argument '${argument}', not an option, give it after --, which ends the options: ${line ? commandLine(command, line) : 'every option before --, and the arguments from it on after'})`,
    conflicting: (a: string, b: string) => `${a} and ${b} ask for two different outputs; give one`,
    /** An option that holds one value, given twice with two. */
    givenTwice: (flag: string, first: string, then: string) => `${flag} is given twice (${q(first)}, then ${q(then)}); give it once`,
    /** A flag and its negation, both given. */
    contradicting: (a: string, b: string) => `${a} and ${b} contradict each other; give one`,
    unknownCommand: (name: string) => `unknown command '${clipped(name)}'`,
    missingArgument: (name: string) => `missing required argument '${name}'`,
    missingOption: (flag: string) => `required option '${flag}' not specified`,
    optionNeedsValue: (flag: string) => `option '${flag}' argument missing`,
    /** An option given an empty (or blank) value, which would be read as not given: `what` is a word of valueWords, by the option's flag or its placeholder. */
    emptyValue: (flag: string, what: string | undefined, choices: readonly string[] | undefined) => `${flag} needs ${what ?? 'a value'}${choices ? ` (${either(choices, 'or')})` : ''}, not an empty one`,
    /** What an option's value is, by its flag or its placeholder (`<company>`): "--company needs a company name". */
    valueWords: {
      '--out': 'a file path (or - for standard output)',
      '--db': 'a file path (or leave --db out to use the default database)',
      '--title': 'a few words of what went wrong',
      '--reason': 'a few words of why (shown as "pinned by you: …" wherever the company appears)',
      company: 'a company name',
      id: 'an id',
      'id|file': 'a checklist id or a file',
      'id=value': 'a question and its answer, such as who-helps=live-support',
      'id=text': 'a question and a note, such as who-helps="the chat bot only"',
      file: 'a file path',
      path: 'a file path',
      when: 'a date or a time',
      date: 'a date',
      name: 'a name',
      text: 'some words',
      words: 'some words',
      n: 'a number',
      number: 'a number',
      code: 'a currency code',
      url: 'an address',
      address: 'an address',
      source: "a source's name",
      lang: 'a language',
      j: 'a jurisdiction',
      how: 'a channel',
      whose: 'the one at fault',
      outcome: 'an outcome',
      kind: 'a kind',
      level: 'a level',
      effort: 'an effort',
      demand: 'a demand',
      case: 'a case',
    } as Record<string, string>,
    tooManyArguments: (n: number) => `too many arguments: this command takes ${fmt.plural(n, { one: 'argument', other: 'arguments' })}`,
    didYouMean: (s: string) => ` (did you mean ${s}?)`,
    usageWords: { '[options]': '[options]', '[command]': '[command]' } as Record<string, string>,
    placeholder: {} as Record<string, string>,
    program: 'Vet vendors before you buy, log bad service as it happens, and keep fair black and white lists of companies.',
    globals: {
      version: 'print the version',
      db: 'the database file (default: $VETTED_DB, else the user data folder)',
      lang: 'language of checklists and messages: en or ru (default: from $LC_ALL, $LC_MESSAGES or $LANG)',
      noColor: 'no colour in the output (NO_COLOR=1 does the same)',
      debug: 'show the stack of unexpected errors',
    },
    topExamples: [
      'vetted check "Elefant.ro"                      # vet a vendor before buying',
      'vetted incident add Volgatelecom               # log a service failure as it unfolds',
      'vetted due                                     # broken promises and what to do next',
      'vetted lists black                             # who is on your black list, and why',
      'vetted export --format md --out lists.md       # publish your lists',
    ],
    cmd: {
      "check": "run a pre-purchase checklist on a vendor: interactive on a terminal, scriptable with answers given",
      "checklists": "the built-in and your own checklists",
      "checklists show": "show a checklist: its questions, answers and scores",
      "checklists validate": "check a checklist file and name every problem with its line",
      "company": "the companies you have evidence about",
      "company list": "list the companies with their checks and incidents (the default)",
      "company show": "a company's profile: verdict, checks, incidents and service figures",
      "company alias": "record another name of a company (another script or spelling)",
      "incident": "log a service failure as it unfolds: contacts, promises, escalations, apologies, compensation",
      "incident add": "open an incident (asks for what is missing on a terminal)",
      "incident event": "append one event to the timeline; types: contact, promise, escalation, apology, explanation, compensation, refusal, resolution, note",
      "incident list": "list incidents (the default)",
      "incident show": "the timeline in plain words, the figures, and what is still owed",
      "incident close": "close an incident with its outcome (a resolution event)",
      "incident attach": "keep files with an incident (a receipt, a screenshot, a recording) inside the database",
      "attachment": "the files kept with incidents",
      "attachment list": "the files kept, with their incidents and sizes (the default)",
      "attachment save": "write an attachment back to a file, checked against its SHA-256",
      "attachment remove": "take a file attached by mistake off its incident (undo brings it back)",
      "due": "promises past their deadline or coming due, stale incidents, and the next escalation step",
      "letter": "write a letter from an incident's timeline: a complaint, an escalation, a formal claim or a complaint to a regulator",
      "letters": "letter templates",
      "letters list": "the template each kind of letter uses in each language: yours, or the built-in one (the default)",
      "letters check": "check a letter template: name each unknown placeholder with its line",
      "lists": "the black, white and watch lists, each company with its reason",
      "why": "the verdict on a company, every finding for and against, and what would change it",
      "pin": "put a company on the black or white list by hand; always shown as \"pinned by you\"",
      "unpin": "remove your pin: the evidence decides again",
      "policy": "the list policy: thresholds of the black and white rules, and the order in which they decide",
      "policy show": "print the policy in force (defaults, or your policy.yaml) and how its findings decide",
      "source": "other people's shared lists and public complaint records, kept apart from your own evidence",
      "source add": "add a source: a shared vetted/1 file (- for standard input), or a CFPB complaint file (CSV or .zip) with --kind cfpb",
      "source list": "the sources, with their dates and how many of their companies you know",
      "source show": "a source's provenance and companies, including the names you do not know",
      "source update": "replace a source's data whole with a newer file",
      "source remove": "remove a source and everything read from it",
      "source match": "suggest which of a source's names are your companies; confirm one with `vetted company alias`",
      "backup": "copy the database safely (SQLite online backup), by default into a backups folder beside it",
      "restore": "replace the database with a backup, after checking it (the current one is kept as a backup first); asks first on a terminal",
      "import": "merge a vetted/1 data file (JSON or YAML, - for stdin); importing the same file twice changes nothing",
      "export": "export the lists as markdown or CSV, or everything as a vetted/1 data file",
      "paths": "where the database, backups, config, checklists, letter templates and policy live, and what set each",
      "completion": "print the completion script for bash, zsh or fish (commands, flags, values, company names and incident ids)",
      "company rename": "give a company its right name; the old one stays as an alias",
      "company merge": "move every check, incident, alias and pin of one company to another, and remove the first",
      "company edit": "change a company's category, website or parent",
      "company remove": "remove a company; refused while it has evidence unless --with-evidence (undo brings it back)",
      "incident edit": "correct an incident's title, fault or opening, or move it to another company; with no flags on a terminal, edit it as YAML in $VISUAL/$EDITOR",
      "incident remove": "remove an incident with its timeline (undo brings it back)",
      "incident reopen": "reopen a closed incident: its resolution is removed",
      "event": "correct one event of a timeline by its id (shown by `vetted incident show`)",
      "event list": "events with their ids: of one incident, or of all (the default)",
      "event edit": "correct an event: its time or any field of its type; a promise can be marked kept or given a new deadline",
      "event remove": "remove one event from its timeline (undo brings it back)",
      "checks": "the pre-purchase checks run so far, each with a stable id",
      "checks list": "list the checks (the default)",
      "checks show": "one check: its answers, score, verdict and evidence",
      "checks remove": "remove a check (undo brings it back)",
      "history": "every change you made, newest first; each can be undone",
      "history prune": "forget old changes for good: they can no longer be undone, and what they removed is gone",
      "undo": "revert the last change (or the last N) exactly; each run goes further back, and an undo is a change too: take one back with `vetted undo --op N` (its number in `vetted history`)",
      "checklists list": "list the checklists (the default)",
    },
    ex: {
      "check": ["vetted check \"Elefant.ro\"", "vetted check Amazon --checklist online-order --lang ru", "vetted check \"Some Shop\" --answers answers.yaml --json", "vetted check Masterhost --answer who-helps=live-support --answer cancel=self-service ..."],
      "checklists": ["vetted checklists", "vetted checklists show general --lang ru", "vetted checklists validate my-list.yaml"],
      "checklists show": ["vetted checklists show general", "vetted checklists show subscription --json"],
      "checklists validate": ["vetted checklists validate ~/.config/vetted/checklists/laptop.yaml"],
      "company": ["vetted company list", "vetted company show Volgatelecom"],
      "company list": ["vetted company list", "vetted company list --json"],
      "company show": ["vetted company show Volgatelecom", "vetted company show Волгателеком --json"],
      "company alias": ["vetted company alias Volgatelecom Волгателеком"],
      "incident": ["vetted incident add Volgatelecom --title \"Internet down\" --fault company", "vetted incident event volgatelecom-1 promise --text \"fixed within 24 hours\" --due \"tomorrow 18:00\"", "vetted incident show volgatelecom-1"],
      "incident add": ["vetted incident add Volgatelecom", "vetted incident add \"Some Shop\" --title \"Parcel lost\" --fault company --opened 2026-11-20 --json"],
      "incident event": ["vetted incident event volgatelecom-1 contact --channel phone --robot --reached-human --wait-minutes 25", "vetted incident event volgatelecom-1 promise --text \"fixed within 24 hours\" --due \"tomorrow 18:00\"", "vetted incident event volgatelecom-1 escalation --level supervisor --note \"shift supervisor, Irina\"", "vetted incident event volgatelecom-1 compensation --kind refund --amount 300 --currency RUB --effort paperwork --no-proactive", "vetted incident event volgatelecom-1 refusal --policy --text \"delivery is paid by the buyer\""],
      "incident list": ["vetted incident list", "vetted incident list --open --company Volgatelecom --json"],
      "incident show": ["vetted incident show volgatelecom-1", "vetted incident show volgatelecom-1 --json"],
      "incident close": ["vetted incident close volgatelecom-1 --outcome resolved", "vetted incident close volgatelecom-1 --outcome abandoned --note \"gave up\""],
      "incident attach": ["vetted incident attach volgatelecom-1 receipt.pdf", "vetted incident attach volgatelecom-1 call.m4a --event 3 --note \"the call where they promised a fix\""],
      "attachment": ["vetted attachment list", "vetted attachment save 3 --out receipt.pdf"],
      "attachment list": ["vetted attachment list", "vetted attachment list --incident volgatelecom-1 --json"],
      "attachment save": ["vetted attachment save 3", "vetted attachment save 3 --out ~/receipt.pdf"],
      "attachment remove": ["vetted attachment remove 3", "vetted history prune --before 2026-12-31   # and its bytes gone from the database"],
      "due": ["vetted due", "vetted due --json", "vetted due --format ics --out deadlines.ics"],
      "letter": ["vetted letter volgatelecom-1 --from \"Ivan Petrov\"", "vetted letter volgatelecom-1 --kind claim --jurisdiction ru --lang ru --case telecom --demand recalculation --amount 500 --currency RUB --account 123456 --from \"Ivan Petrov\"", "vetted letter volgatelecom-1 --kind claim ... --sent --channel email", "vetted letter volgatelecom-1 --template my-claim.md --out claim.md"],
      "letters": ["vetted letters list", "vetted letters check ~/.config/vetted/letters/en/claim.md"],
      "letters list": ["vetted letters list", "vetted letters list --json"],
      "letters check": ["vetted letters check my-claim.md"],
      "lists": ["vetted lists", "vetted lists black", "vetted lists --json", "vetted lists --ndjson | grep Ozon", "vetted lists --sources", "vetted lists --from dmitry"],
      "why": ["vetted why Volgatelecom", "vetted why Волгателеком --json"],
      "pin": ["vetted pin Zappos white --reason \"they helped me order a pizza\""],
      "unpin": ["vetted unpin Zappos"],
      "policy": ["vetted policy", "vetted policy show --json"],
      "policy show": ["vetted policy show", "vetted policy show --json"],
      "source": ["vetted source add dmitry-lists.json --name dmitry", "vetted source add complaints.csv.zip --name cfpb --kind cfpb", "vetted source list"],
      "source add": ["vetted source add dmitry-lists.json --name dmitry", "vetted source add complaints.csv --name cfpb --kind cfpb"],
      "source list": ["vetted source list", "vetted source list --json"],
      "source show": ["vetted source show dmitry", "vetted source show cfpb --all"],
      "source update": ["vetted source update dmitry dmitry-lists-2027.json", "vetted source update cfpb complaints.csv.zip"],
      "source remove": ["vetted source remove dmitry"],
      "source match": ["vetted source match cfpb", "vetted source match cfpb \"Bank of America\""],
      "backup": ["vetted backup", "vetted backup --out ~/vetted-2026-11-22.db"],
      "restore": ["vetted restore ~/.local/share/vetted/backups/vetted-backup-20261122-101500.db", "vetted restore ~/safe/vetted-2026-11.db --yes"],
      "import": ["vetted import lists.yaml", "vetted import backup.json --dry-run --json"],
      "export": ["vetted export --format md > lists.md", "vetted export --format md --detail --lang ru --out lists.ru.md", "vetted export --out backup.json                 # the format from the extension", "vetted export --format csv --out lists.csv"],
      "paths": ["vetted paths", "vetted paths --json", "VETTED_DB=/tmp/try.db vetted paths"],
      "completion": ["vetted completion bash > ~/.local/share/bash-completion/completions/vetted", "vetted completion zsh > ~/.zfunc/_vetted                      # with fpath+=(~/.zfunc) before compinit", "vetted completion fish > ~/.config/fish/completions/vetted.fish"],
      "company rename": ["vetted company rename Wildberies Wildberries", "vetted company rename \"Volga Telecom\" Volgatelecom --no-alias"],
      "company merge": ["vetted company merge Wildberies Wildberries"],
      "company edit": ["vetted company edit Volgatelecom --category \"internet provider\" --parent Rostelecom", "vetted company edit Volgatelecom --parent \"\""],
      "company remove": ["vetted company remove \"Test Shop\"", "vetted company remove \"Test Shop\" --with-evidence"],
      "incident edit": ["vetted incident edit ozon-1 --company Wildberries", "vetted incident edit ozon-1 --opened \"01.12.2026 10:00\" --fault company", "vetted incident edit ozon-1"],
      "incident remove": ["vetted incident remove ozon-1"],
      "incident reopen": ["vetted incident reopen ozon-1"],
      "event": ["vetted event list volga-2012-07", "vetted event edit volga-2012-07#4 --kept", "vetted event remove volga-2012-07#5"],
      "event list": ["vetted event list", "vetted event list volga-2012-07 --json"],
      "event edit": ["vetted event edit volga-2012-07#4 --kept", "vetted event edit volga-2012-07#2 --at \"12.07.2012 09:05\"", "vetted event edit ozon-1#3 --due \"2026-12-10 18:00\""],
      "event remove": ["vetted event remove volga-2012-07#5"],
      "checks": ["vetted checks", "vetted checks show amazon-check-1", "vetted checks remove amazon-check-2"],
      "checks list": ["vetted checks list", "vetted checks list --company Amazon --json"],
      "checks show": ["vetted checks show amazon-check-1", "vetted checks show amazon-check-1 --json"],
      "checks remove": ["vetted checks remove amazon-check-2"],
      "history": ["vetted history", "vetted history --company Volgatelecom --limit 5", "vetted history prune --before 2025-01-01"],
      "history prune": ["vetted history prune --before 2025-01-01"],
      "undo": ["vetted undo", "vetted undo 3", "vetted undo --op 12"],
      "checklists list": ["vetted checklists list", "vetted checklists list --json"],
    } as Record<string, string[]>,
    opts: {
      "--account": "your account or contract number with the company",
      "--all": "every company, not only the first 50 you do not know",
      "--allow-unverified": "also cite rules marked indicative (not checked against their source)",
      "--amount": "compensation: how much",
      "--answer": "one answer (repeat for more); overrides --answers",
      "--answers": "answers as a YAML or JSON map of question id to answer value",
      "--at": "when it happened, such as 2026-11-20 10:00, 20.11.2026 10:00 or yesterday 18:00 (default: now)",
      "--before": "forget the changes made before this date",
      "--bought": "when you bought or received it: some rights run from that date",
      "--case": "what kind of purchase (default: from the company's category)",
      "--category": "what it is (\"\" to clear)",
      "--channel": `contact: how you got in touch: ${values(words.channel)}`,
      "--checklist": "which checklist: an id (see `vetted checklists`) or a YAML file",
      "--company": "only this company",
      "--currency": "compensation: ISO 4217 code such as EUR",
      "--db": "the database file (default: $VETTED_DB, else the user data folder)",
      "--debug": "show the stack of unexpected errors",
      "--demand": "what you demand",
      "--detail": "md: add a section per company with its findings and timelines",
      "--dropped": "contact: cut off or unanswered",
      "--dry-run": "report what would be added; write nothing",
      "--due": "promise: when it falls due, such as 2026-11-23 18:00, 23.11.2026 18:00 or tomorrow 18:00 (it may be in the future)",
      "--effort": `compensation: what you had to do: ${values(words.effort)}`,
      "--event": "tie the files to one event: its number, as its id has it (3 for <incident>#3), or the id itself",
      "--fault": `whose fault it looks like: ${values(words.fault)}`,
      "--format": "text (the default), json, or ics: an iCalendar file of every open deadline for a calendar program",
      "--from": "your name, as the letter is signed",
      "--incident": "only the files of this incident",
      "--json": "print as JSON (one indented document)",
      "--jurisdiction": "whose law to cite: ru, uk, eu, us, or none for no legal claims (default: none)",
      "--kept": "promise: it was kept",
      "--kind": `compensation: what kind: ${values(words.kind)}`,
      "--lang": "language of checklists and messages: en or ru (default: from $LC_ALL, $LC_MESSAGES or $LANG)",
      "--level": `how far up the company: ${values(words.level)}`,
      "--limit": "at most this many (default: 20 in text; --json and --ndjson give every one)",
      "--name": "the name you will call this source by",
      "--ndjson": "print as JSON, one object a line (for pipes)",
      "--no-alias": "do not keep the old name as an alias",
      "--no-color": "no colour in the output (NO_COLOR=1 does the same)",
      "--no-dropped": "contact: not cut off",
      "--no-kept": "promise: it was not kept",
      "--no-policy": "refusal: not stated as policy",
      "--no-proactive": "compensation: only when asked",
      "--no-reached-human": "contact: no live person answered",
      "--no-redact": "with --format md or csv, or --share --with-evidence: keep e-mail addresses, phone, card and account numbers, IP addresses and links with a query string as they are (redacted otherwise)",
      "--no-robot": "contact: no robot",
      "--note": "anything worth remembering",
      "--op": "revert this one operation (see `vetted history`), such as an earlier undo",
      "--open": "only open incidents",
      "--opened": "when it started, such as 2026-11-20 10:00 or 20.11.2026 10:00 (default: now)",
      "--out": "where to write it, or - for stdout (default: its own name, in the current folder)",
      "--outcome": `resolution: how it ended: ${values(words.outcome)}`,
      "--parent": "the company it belongs to (\"\" to clear)",
      "--policy": "refusal: stated as company policy",
      "--proactive": "compensation: offered without being asked",
      "--queue-position": "contact: your place in the queue",
      "--reached-human": "contact: a live person answered",
      "--reason": "why: shown wherever the company appears",
      "--reply-to": "where the answer should go (an email or postal address)",
      "--robot": "contact: an IVR or bot stood in the way",
      "--sent": "record the letter as sent: a contact on the timeline (its text kept) and the reply deadline as a promise",
      "--share": "json: a file for others to add as a source: your lists and their reasons, no private evidence",
      "--source": "with --share: the label others see the file by (such as your name)",
      "--sources": `add, for each company, how your sources list it (such as "${countOn(2, 'black')} · ${countOn(1, 'white')}")`,
      "--statement": "the date of the statement that first showed a billing error",
      "--template": "your own template instead of the built-in one (- reads standard input)",
      "--text": "promise, refusal, note: what was said",
      "--title": "what went wrong, in a few words",
      "--to": "whom the letter is addressed to (default: from the kind and the jurisdiction)",
      "--version": "print the version",
      "--wait-minutes": "contact: minutes until a person answered (or until you gave up)",
      "--website": "its website (\"\" to clear)",
      "--with-attachments": "json: embed the attached files (base64), so that an import restores them",
      "--with-evidence": "remove its checks, incidents and pin too",
      "--yes": "do not ask; needed where there is no terminal to ask on",
      "check --note": "evidence for one answer: where you found it (repeatable)",
      "check --json": "print the result as JSON",
      "checklists show --json": "print as JSON",
      "checklists validate --json": "print the problems as JSON",
      "company show --json": "print as JSON",
      "incident add --json": "print the new incident as JSON",
      "incident event --json": "print the event and the new figures as JSON",
      "incident show --json": "print the incident, with its metrics, as JSON",
      "incident close --outcome": `${values(words.outcome)}`,
      "incident close --at": "when it ended, such as 2026-11-20 10:00, 20.11.2026 10:00 or yesterday 18:00 (default: now)",
      "incident close --json": "print the event and the figures as JSON",
      "incident attach --note": "what the files show",
      "incident attach --json": "print the attachments as JSON",
      "incident edit --fault": `whose fault it looks like: ${values(words.fault)}`,
      "incident edit --opened": "when it started",
      "incident edit --company": "move it to this company",
      "incident edit --json": "print the incident as JSON afterwards",
      "due --out": "where to write it, or - for stdout (the default)",
      "letter --kind": "complaint, escalation, claim or regulator (default: the step of the escalation ladder `due` names; a claim first where that is the regulator and the company has had no letter)",
      "letter --case": `what kind of purchase: ${values(words.letterCase)} (default: from the company's category)`,
      "letter --demand": `what you demand: ${values(words.demand)}`,
      "letter --amount": "the sum you demand",
      "letter --currency": "its ISO 4217 code, such as RUB or EUR",
      "letter --out": "where to write the letter, or - for stdout (the default)",
      "letter --format": "md (the default) or txt",
      "letter --at": "with --sent: when it was sent (default: now)",
      "letter --channel": "with --sent: letter or email (default: letter)",
      "letters check --json": "print the problems as JSON",
      "lists --json": "print as JSON: {\"black\": [...], \"white\": [...], \"watch\": [...]}",
      "lists --from": "one source's lists as it gave them, instead of yours",
      "why --json": "print as JSON",
      "policy show --json": "print as JSON",
      "source add --kind": "what the file is: vetted (a shared vetted/1 file) or cfpb (the CFPB complaint database)",
      "source show --json": "print as JSON",
      "source match --json": "print as JSON",
      "backup --out": "where to write the backup, or - for stdout (default: backups/<database name>-backup-<time>.db beside the database)",
      "import --json": "print the report as JSON",
      "export --format": "md: the lists to publish; json: all your data; csv: one row per listed company (default: from the extension of --out, else md)",
      "export --out": "where to write it, or - for stdout (the default); a file is written whole or not at all, a device or pipe through; .md, .json or .csv choose the format",
      "export --with-evidence": "with --share: add your checks and incidents, with e-mail addresses, phone, card and account numbers, IP addresses and links with a query string redacted",
      "paths --json": "print as JSON",
      "event edit --at": "when it happened",
      "event edit --json": "print the event as JSON afterwards",
      "checks show --json": "print as JSON",
      "history --company": "only changes to this company (and to those merged into it)",
      "undo --json": "print what was undone as JSON",
    },
  },

  // ---- the words around a checklist (its questions and answers come from its own file) ----
  checkWords: {
    questionOf: (n: number, total: number) => `question ${n} of ${total}`,
    howToFind: 'How to find out',
    notePrompt: 'Note (where you found this; Enter to skip)',
    score: 'Score',
    verdict: { go: 'go', caution: 'caution', avoid: 'avoid' } as Record<CheckVerdict, string>,
    verdictLine: { go: 'safe to buy from', caution: 'buy with care', avoid: 'do not buy from this vendor' } as Record<CheckVerdict, string>,
    byPolicy: (verdict: string) => `by its checklist; ${verdict} by your policy`,
    dealbreakers: 'Dealbreakers',
    none: 'none',
    weakest: 'Weakest answers',
    askBefore: 'Before you pay, ask the vendor',
    evidence: 'evidence',
    stored: (id: string) => `saved as check ${id}`,
    weight: 'weight',
    notCounted: 'not counted',
  },

  // ---- the data file, backups ----
  files: {
    changedWhileRead: (path: string) => `${path} changed while it was being imported; nothing was imported, run the command again.`,
    size: (bytes: number) => (bytes >= 1048576 ? `${fmt.number(Math.round(bytes / 1048576))} MB` : `${fmt.number(Math.round(bytes / 1024))} KB`),
    kind: { data: 'a data file', checklist: 'a checklist', policy: 'a policy', answers: 'an answers file', template: 'a letter template', law: 'a law.yaml of overrides' } as Record<InputKind, string>,
    needsPath: (what: InputKind) => `${en.files.kind[what]} needs a file path; give one.`,
    notUtf8Name: (file: string) => `the name ${file} has bytes that are not UTF-8 text (shown as �), which reach vetted replaced, so it cannot find that file; rename the file (\`mv\` with a shell wildcard) and give the new name.`,
    noFile: (file: string) => `there is no file ${file}; check the path.`,
    denied: (file: string) => `cannot read ${file} (permission denied); check its permissions.`,
    notDir: (file: string) => `${file} is not a path to a file (a part of it is not a folder); check the path.`,
    loop: (file: string) => `${file} is a loop of symbolic links; check the path.`,
    nothingBehind: (file: string) => `${file} is a socket or a device with nothing behind it, not a file; give the path of a file.`,
    cannotRead: (file: string, code: string) => `cannot read ${file} (${code}); check the path.`,
    folder: (file: string) => `${file} is a folder, not a file; give the path of a file.`,
    special: (file: string, what: InputKind) => `${file} is a device, a pipe or a socket, not ${en.files.kind[what]}; put a file there, or remove it.`,
    tooBig: (file: string, max: number, what: InputKind) =>
      `${file} holds more than ${en.files.size(max)}, the most vetted reads as ${en.files.kind[what]}; ${what === 'data' ? 'split it into smaller files' : 'shorten it'}.`,
    notUtf8: (file: string) => `${file} is not UTF-8 text; save it as UTF-8 and try again.`,
    databaseNotText: (file: string) => `${file} is an SQLite database, not a text file; give the text file asked for here (a database of vetted's is opened with --db, or its record taken in with \`vetted import\`).`,
    refuseTarget: (target: string, what: ForbiddenTarget, flag: string) => `${target} is ${FORBIDDEN[what]}, so nothing was written there; choose another ${flag}.`,
    stdoutForbidden: (what: ForbiddenTarget) =>
      `standard output is sent to ${FORBIDDEN[what]}, so the command did not run: it would have written its output into that file; send the output elsewhere.`,
    /** The same file found empty: the shell's `>` empties it before any command runs. */
    stdoutEmptied: (what: ForbiddenTarget, backups: string) =>
      `standard output is sent to ${FORBIDDEN[what]}, so the command did not run, but that file is empty now: \`>\` empties the file it names before the command starts. If it held your record, put back a copy: \`vetted restore FILE\`, with a copy from ${backups} (\`ls ${backups}\`) or one of your own; and send the output elsewhere.`,
    outNeedsPath: (flag: string) => `${flag} needs a file path (or - for standard output).`,
    danglingLink: (out: string, flag: string) => `${out} is a symbolic link to a file that does not exist; remove the link or choose another ${flag}.`,
    linkLoop: (out: string, flag: string) => `${out} is a loop of symbolic links; remove the link or choose another ${flag}.`,
    outNamesFolder: (out: string, flag: string) => `${out} names a folder (it ends in a slash), where a file is written; give ${flag} the path of a file, in that folder or another.`,
    outFolder: (out: string, flag: string) => `${out} is a folder; give a file path to ${flag}.`,
    outSpecial: (out: string, flag: string) => `${out} is neither a file, a character device nor a pipe; choose another ${flag}.`,
    nameTooLong: (out: string, bytes: number, max: number, flag: string) =>
      `${out} holds a name too long for a file system (${bytes} bytes, where ${max} at most are allowed); give ${flag} a shorter name.`,
    pathTooLong: (out: string, flag: string) => `${out} is too long a path for a file system; give ${flag} a shorter path.`,
    outNotWritable: (out: string, fd: number, flag: string) =>
      `${out} ${fd === 0 ? 'is the standard input, open here for reading only' : `names descriptor ${fd}, which is not open here for writing`}, so nothing can be written to it; give ${flag} a file path (or - for standard output).`,
    noFolder: (dir: string, flag: string) => `the folder ${dir} does not exist; create it or choose another ${flag}.`,
    notFolder: (dir: string, flag: string) => `${dir} is not a folder; choose another ${flag}.`,
    cannotCreateIn: (dir: string, code: string, flag: string) => `no file can be made in ${dir} (${code}); check its permissions, or choose another ${flag}.`,
    yamlTooBig: (file: string, max: number) => `${file} is larger than ${en.files.size(max)}, the most vetted reads as YAML; write large data as JSON (\`vetted export --format json\` does), or split the file.`,
    yamlTooManyTokens: (file: string, max: number) =>
      `${file} holds more than ${fmt.number(max)} YAML tokens, the most vetted reads as YAML; write large data as JSON (\`vetted export --format json\` does), or split the file.`,
    keyTwice: (file: string, line: number, key: string) => `${file}:${line}: the key ${key} is given twice in one object; keep one.`,
    jsonTooBig: (file: string, containers: number, values: number) =>
      `${file} holds more than ${fmt.number(containers)} maps and lists or ${fmt.number(values)} values, more than vetted reads at once; split it into smaller files.`,
    surrogate: (file: string, path: string) => `${file}: ${path || '(top)'} holds a broken character (a lone UTF-16 surrogate such as \\ud800), not text; fix it and try again.`,
    badJson: (file: string, detail: string) => `${file} is not valid JSON: ${detail}; fix it and try again.`,
    // The parser's own words in English; `code` lets another language word the fault itself.
    badYaml: (where: string, detail: string, code?: string) => `${where} is not valid YAML: ${yamlWords(code, detail)}; fix it and try again.`,
    /** What the YAML parser found, in the language's words where it has them. */
    yamlDetail: (detail: string, code?: string) => yamlWords(code, detail),
    yamlTooDeep: (file: string) => `${file} nests lists or maps too deeply to be read (thousands of levels); no vetted file nests more than a few.`,
    yamlAliases: (file: string) => `${file} uses too many YAML aliases, as an alias bomb does; write the data out in full.`,
    /** The same two, as a problem at a place of a checklist file (the file and place said before it). */
    yamlTooDeepHere: 'lists or maps nest too deeply to be read (thousands of levels), where no vetted file nests more than a few',
    yamlAliasesHere: 'too many YAML aliases, as an alias bomb has; write the data out in full',
    configNotFolder: (dir: string, from: string) =>
      `${dir}, the folder of your settings (policy, checklists, letters)${from === 'default' ? '' : `, named by ${from}`}, is a file; ${from === 'default' ? 'move that file away' : `point ${from} at a folder`}.`,
    yamlAliasToNothing: (name: string) => `the YAML alias *${name} names no anchor before it (an anchor, &${name}, is written on the value before its first alias); anchor that value, or write it out here.`,
    yamlAliasInItself: (name: string) => `the YAML alias *${name} stands inside the value it names, which would contain itself without end; write that value out in full.`,
    cannotYaml: (file: string, detail: string) => `${file} cannot be read as YAML: ${detail}.`,
    blankDbVariable: 'VETTED_DB holds only spaces; set it to a file path, or leave it empty or unset to use the default database.',
    noHome: 'HOME is empty or not an absolute path, and the system gives this account no home folder, so there is nowhere to keep your data by default; set HOME to your home folder, or set VETTED_DB and VETTED_CONFIG.',
    configUnderFile: (dir: string, from: string) =>
      `${dir}, the folder of your settings (policy, checklists, letters)${from === 'default' ? '' : `, named by ${from}`}, cannot be there: a folder above it is a file; ${from === 'default' ? 'move that file away, or set VETTED_CONFIG to a folder' : `point ${from} at a folder`}.`,
  },

  db: {
    notThere: (path: string) => `there is no database at ${path}, so nothing is recorded there; check the path given by --db or VETTED_DB (the first command that records something, such as \`vetted incident add\`, makes one there).`,
    notFolder: (dir: string, by: string) => `${dir} is not a folder; ${by === 'XDG_DATA_HOME' ? 'set XDG_DATA_HOME to a folder, or pass --db with a path in a folder' : anotherDb(by, 'a path in a folder')}.`,
    noFolder: (dir: string, by: string) => `the folder ${dir} does not exist; create it first, or ${anotherDb(by, 'a path in an existing folder')}.`,
    danglingLink: (path: string, by: string) => `${path} is a symbolic link to a file that does not exist; remove the link, or ${anotherDb(by, 'another path')}.`,
    linkLoop: (path: string, by: string) => `${path} is a loop of symbolic links; remove the link, or ${anotherDb(by, 'another path')}.`,
    isFolder: (path: string, by: string) => `${path} is a folder, not a database file; ${anotherDb(by, 'a file path')}.`,
    notRegular: (path: string, by: string) => `${path} is not a regular file (it is a device, a pipe or a socket), so it cannot be a database; ${anotherDb(by, 'a file path')}.`,
    hardLinked: (path: string, names: number) =>
      `${path} is one file with ${names} names (hard links): the database keeps its log beside each name, so writes made at once through two names are lost; give it one name of its own with \`cp ${path} ${path}.new && mv ${path}.new ${path}\` (the other names keep the copy as it was), then open it by that name only.`,
    cannotRead: (path: string, code: string, by: string) => `cannot read ${path} (${code}); check its permissions, or ${anotherDb(by, 'another path')}.`,
    cannotWrite: (path: string, code: string, by: string) => `cannot write to ${path} (${code}); check its permissions, or ${anotherDb(by, 'another path')}.`,
    upgradeUnwritable: (path: string, has: number, knows: number) =>
      `${path} was written by an older version of vetted (schema ${has}; this one reads ${knows}) and is upgraded when it is first opened, which needs it, its folder and the -wal and -shm files beside it writable; make them writable for you, or open it with the version that wrote it.`,
    upgradeNoCopy: (path: string, has: number, knows: number, dir: string) =>
      `${path} was written by an older version of vetted (schema ${has}; this one reads ${knows}) and is upgraded when it is first opened, after a copy of it is kept in ${dir}, where no file can be made; make that folder writable for you, or open the database with the version that wrote it.`,
    cannotOpen: (path: string, detail: string) => `cannot open ${path}: ${detail}; check the path and its permissions.`,
    notSqlite: (path: string, by: string) => `${path} is not a vetted database (it is not an SQLite file); ${anotherDb(by, 'another path')}, or move that file away.`,
    /** A database cut short before the end of its header (a copy that stopped part way): damaged, and what a restore is for. */
    cut: (path: string, size: number, by: string) =>
      `${path} is an SQLite database cut short (${cutShort(size)}): a copy that stopped part way, damaged, which nothing can read. Restore a backup with \`vetted restore FILE\`, or ${anotherDb(by, 'another path')}.`,
    /** No database is made at the name SQLite gives a database's own file. */
    companionName: (path: string, kind: 'wal' | 'shm' | 'journal', database: string) =>
      `${path} is the name SQLite gives ${SQLITE_PART[kind]} of a database ${database}: a database made there would be taken for that one's own file, and wiped, once ${database} is made and opened. Choose another name.`,
    /** A file where a new database's log, shared memory or journal would go. */
    besideNew: (path: string, file: string) =>
      `${file} is there already, where SQLite keeps a file of its own for a database made at ${path} (its log, shared memory or journal): it would be taken for that file, and wiped. Move it away first, or choose another path for the database.`,
    /** A database of its own under the name of another database's companion: the next opening of that one would wipe it. */
    misplaced: (path: string, database: string) =>
      `${path} is a database of its own, under the name SQLite gives a file of the database ${database} (its log, shared memory or journal): the next opening of ${database} would take it for that file and wipe it. Move it to another name first (\`mv ${sh(path)} ${sh(`${path}.db`)}\`), and give it by that name.`,
    /** A database's write-ahead log, shared memory or journal given for a database: `database`, the one it is beside, where its name tells. */
    companion: (path: string, kind: 'wal' | 'shm' | 'journal', database: string | undefined, by: string) =>
      `${path} is ${SQLITE_PART[kind]} of ${database ? `the database ${database}` : 'an SQLite database'}, kept beside it by SQLite, not a database of its own; ${anotherDb(by, database ? 'the database itself' : 'the path of a database')}.`,
    otherProgram: (path: string, by: string) => `${path} is an SQLite database of another program, not of vetted; ${anotherDb(by, 'another path')}.`,
    newer: (path: string, has: number, knows: number) => `${path} was written by a newer version of vetted (schema ${has}, this one knows ${knows}); upgrade vetted to use it.`,
    noVersion: (path: string, by: string) => `${path} says it is a vetted database but lacks its schema version, so it is not read as any; restore a backup with \`vetted restore FILE\`, or ${anotherDb(by, 'another path')}.`,
    lacks: (path: string, first: string, more: number, by: string) =>
      `${path} says it is a vetted database but lacks its ${first}${more ? ` (and ${more} more)` : ''}; restore a backup with \`vetted restore FILE\`, or ${anotherDb(by, 'another path')}.`,
    damaged: (path: string, detail: string) => `${path} is damaged (${detail}); restore a backup with \`vetted restore FILE\`.`,
    exists: (path: string) => `${path} exists already; choose another --out, or move that file away.`,
    emptyBackup: (file: string) => `${file} is empty, not a vetted backup.`,
    notOurs: (file: string) => `${file} is not a vetted database, so it was not restored.`,
    badBackup: (file: string, what: BackupFault) =>
      `${file} is not a vetted backup (${{ dangling: 'it is a symbolic link to a file that does not exist', loop: 'it is a loop of symbolic links', folder: 'it is a folder', special: 'it is a device, a pipe or a socket', 'not-sqlite': 'it is not an SQLite file', 'other-program': 'it is an SQLite database of another program', wal: 'it is the write-ahead log SQLite keeps beside a database: give the database itself', shm: 'it is the shared-memory file SQLite keeps beside a database: give the database itself', journal: 'it is the rollback journal SQLite keeps beside a database: give the database itself', cut: 'it is an SQLite database cut short, a copy that stopped part way; copy it again, whole' }[what]}), so nothing was restored.`,
    notUpgraded: (file: string, problem: string) => `${file} cannot be brought to this version of vetted (${problem}), so it was not restored; restore another backup, or a copy of this one made by the version that wrote it.`,
    newerBackup: (file: string) => `${file} was written by a newer version of vetted; upgrade vetted to restore it.`,
    damagedBackup: (file: string, detail: string) => `${file} is damaged (${detail}), so it was not restored.`,
    lacksBackup: (file: string, first: string | null) => `${file} says it is a vetted database but lacks ${first === null ? 'a schema version' : `its ${first}`}, so it was not restored.`,
  },

  data: {
    cannotWriteFormat: (format: string) => `export cannot write ${format} files yet; give --format md, json or csv (or an --out file ending in .md, .json or .csv).`,
    unknownExtension: (ext: string, out: string) => `cannot tell the format from the extension .${ext} of ${out}; give --format md, json or csv.`,
    shareTooBig: (containers: number, values: number, evidence: boolean) =>
      `the shared file would hold more than ${fmt.number(containers)} maps and lists or ${fmt.number(values)} values, more than \`vetted source add\` takes of a shared file, so it was not written${evidence ? '; share it without --with-evidence, which carries the lists alone' : ': your lists are more than one shared file carries'}.`,
    shareLeftOut: (names: number) =>
      `left out of the shared file ${names === 1 ? 'a company whose name is' : `${fmt.number(names)} companies whose names are`} an e-mail address or a number (a person's, as likely as not), as a published page hides ${names === 1 ? 'it' : 'them'}; to share ${names === 1 ? 'it' : 'them'} too, give --no-redact.`,
    detailNeedsMd: "--detail adds each company's whole verdict and timelines to the markdown page; give it with --format md (a CSV row and a data file carry no more with it).",
    attachmentsNeedJson: '--with-attachments embeds the files in the data file; give it with --format json.',
    shareFlags: '--source and --with-evidence go with --share; add --share --format json.',
    noRedactFor: '--no-redact goes with --format md or csv, or with --share --with-evidence: a JSON export of your own record keeps everything as it is.',
    shareNeedsJson: '--share writes a vetted/1 data file; add --format json.',
    /** --with-attachments with --share: a shared file carries no attachments. */
    shareNoAttachments: '--with-attachments is for your own export; a shared file never carries attachments (--with-evidence shares your checks and incidents, redacted). Leave out one of the two.',
    longSource: (max: number) => `--source can be at most ${max} characters; shorten it.`,
    /** A check of the file whose id is another check's here. */
    companyTakenFor: (name: string, here: string, by: string, dryRun: boolean) =>
      `company ${q(name)}: no company here has that name, so it ${dryRun ? 'would be' : 'was'} taken for ${q(here)}, also called ${q(by)}, and its name kept as another name of ${q(here)}; if they are two companies, ${dryRun ? '' : 'undo the import and '}take ${q(by)} from the file's company`,
    parentLeftOut: (name: string, parent: string, here: string, dryRun: boolean) =>
      `company ${q(name)}: it and its parent ${q(parent)} are one company here, ${q(here)}, so that link ${dryRun ? 'would be' : 'was'} left out`,
    eventRenumbered: (from: string, to: string, dryRun: boolean) => `event ${q(from)}: that id is another event's, so it ${dryRun ? 'would be' : 'was'} added as ${to}`,
    checkRenumbered: (from: string, to: string, dryRun: boolean) => `check ${q(from)}: that id is another check's here, so it ${dryRun ? 'would be' : 'was'} added as ${to}`,
    /** Dates of records a database kept that break the rules new input keeps to: taken as they are. */
    keptAsTheyWere: (counts: Partial<Record<KeptKind, number>>, records: string[], dryRun: boolean) => {
      const kinds = keptKinds(counts);
      const shown = keptRecords(records);
      return `note: ${dryRun ? 'would be taken' : 'taken'} as vetted kept them, though new input is refused for them: ${kinds.join(', ')} (${shown}); see them with \`vetted incident show ID\`, and mend a mistake with \`vetted incident edit ID\``;
    },
    attachmentsLeftOut: (n: number) =>
      `attachments: ${fmt.number(n)} listed without their content were left out; export with --with-attachments to carry the files`,
    stdin: STDIN,
    restoreWould: (db: string, source: string, keep: string | undefined) =>
      `restore would ${keep ? `replace the database ${db} with ${source} (the current one is kept in ${keep})` : `restore ${source} as the database ${db}`}; add --yes to do it without a terminal to confirm on.`,
    restoreAsk: (db: string, source: string, keep: string | undefined, n: { companies: number; incidents: number; checks: number; pins: number } | undefined) =>
      keep
        ? `Replace the database ${db}${n ? ` (${fmt.plural(n.companies, { one: 'company', other: 'companies' })}, ${fmt.plural(n.incidents, { one: 'incident', other: 'incidents' })}, ${fmt.plural(n.checks, { one: 'check', other: 'checks' })}, ${fmt.plural(n.pins, { one: 'pin', other: 'pins' })})` : ''} with ${source}? The current one is kept in ${keep}.`
        : `Restore ${source} as the database ${db}?`,
    notRestored: (db: string) => `nothing restored; the database ${db} is as it was.`,
    emptyRestore: 'restore needs the path of a backup.',
    folder: (file: string) => `${file} is a folder, not a data file; give the path of a JSON or YAML file.`,
    noFile: (file: string) => `there is no file ${file}; check the path.`,
    tooBig: (file: string, mb: number, max: number) => `${file} is ${mb} MB; vetted reads data files of up to ${max} MB, so split it into smaller files.`,
    sections: { companies: 'companies', aliases: 'aliases', checks: 'checks', incidents: 'incidents', events: 'events', pins: 'pins' } as Record<string, string>,
    counts: (label: string, added: number, dryRun: boolean, existing: number, changed = 0) =>
      `${label}: ${added} ${dryRun ? 'to add' : 'added'}${existing ? `, ${existing} already there` : ''}${changed ? `, ${changed} of them ${dryRun ? 'to change' : 'changed'}` : ''}`,
    dryRunHead: (file: string) => `${file} (dry run, nothing written)`,
    importedHead: (file: string) => `imported ${file}`,
    /** `listed`: how many of all `count` such companies --json lists, less than all when cut short. */
    moreLookalikes: (n: number, listed: number, count: number) =>
      `and ${fmt.plural(n, { one: 'other new company', other: 'other new companies' })} like that (--json lists ${listed < count ? `the first ${listed} of all ${count}` : 'them'})`,
    nothing: 'nothing in it',
    invalid: (file: string, problems: string) => `${file} is not a valid vetted/1 data file: ${problems}; nothing was imported.`,
    /** A file of someone else's lists (export --share): read beside your record as a source, never merged into it. */
    databaseInUse: (file: string) => `${file} is the database in use, the record itself, not a data file: there is nothing to import from it. Nothing was imported.`,
    /** `once`: read from standard input or a pipe, which no later command can read again by that name. */
    sharedDatabase: (file: string, once = false) =>
      `${file} is a database (a vetted backup?), not a shared file: make one from ${once ? 'its file' : 'it'} with \`vetted --db ${once ? 'FILE' : sh(file)} export --share --out shared.json\`, and add that.`,
    sharedCut: (file: string, size: number, expected?: number) =>
      `${file} is an SQLite database cut short (${cutShort(size, expected)}), not a shared file: a copy that stopped part way, damaged, which nothing can read. Copy it again, whole, from where it came, and make a shared file from it (\`vetted --db FILE export --share --out shared.json\`).`,
    sharedCompanion: (file: string, kind: 'wal' | 'shm' | 'journal', database?: string) =>
      `${file} is ${SQLITE_PART[kind]} of ${database ? `the database ${database}` : 'an SQLite database'}, not a shared file: make one from the database itself with \`vetted --db ${database ? sh(database) : 'FILE'} export --share --out shared.json\`, and add that.`,
    databaseGiven: (file: string, fromStdin = false) =>
      fromStdin
        ? `${file} is a database (a vetted backup?), not a data file: give its file to \`vetted restore\`, which puts a backup back in place of your record, or export its record as a data file first (\`vetted --db FILE export --format json\`) and import that. Nothing was imported.`
        : `${file} is a database (a vetted backup?), not a data file: \`vetted restore ${sh(file)}\` puts a backup back in place of your record; to add its record to yours, export it first (\`vetted --db ${sh(file)} export --format json --out record.json\`) and import that. Nothing was imported.`,
    /** A database cut short (a backup copied in part): `expected`, the bytes its header gives, unknown where the header itself is not whole. */
    databaseCut: (file: string, size: number, expected?: number) =>
      `${file} is an SQLite database cut short (${cutShort(size, expected)}): a copy that stopped part way, damaged, which neither import nor restore can read. Copy it again, whole, from where it came, or give another backup. Nothing was imported.`,
    /**
     * A database's write-ahead log, shared memory or rollback journal: `database`, the one it is
     * beside, where its name tells which; `inUse`, that one is the database in use.
     */
    companionGiven: (file: string, kind: 'wal' | 'shm' | 'journal', database?: string, inUse = false) => {
      const what = SQLITE_PART[kind];
      if (database && inUse) return `${file} is ${what} of the database in use (${database}), a part of the record itself, not a data file: there is nothing to import from it. Nothing was imported.`;
      if (database)
        return `${file} is ${what} of the database ${database}, kept beside it by SQLite: no data file and no backup, and nothing that can be read without that database. To put the database back in place of your record, give the database itself: \`vetted restore ${sh(database)}\`; to add its record to yours, export it (\`vetted --db ${sh(database)} export --format json --out record.json\`) and import that. Nothing was imported.`;
      return `${file} is ${what} of an SQLite database: no data file and no backup, and nothing that can be read without its database. Give the database instead: its file to \`vetted restore\`, which puts a backup back in place of your record, or its record exported as a data file (\`vetted --db FILE export --format json\`) to import. Nothing was imported.`;
    },
    sharedFile: (file: string, source: string | undefined) =>
      `${file} is a shared file${source ? ` from ${q(source)}` : ''}: someone's lists, kept apart from your own evidence; read it beside your record with \`vetted source add ${sh(file)} --name ${source && /^[\w.-]+$/.test(source) ? source : 'NAME'}\`. Import takes a record of your own (\`vetted export --format json\`); nothing was imported.`,
    // the problems of a data file, each at its path (and line, when it can be told)
    top: '(top)',
    problemAt: (line: number | undefined, path: string, problem: string, strayKey: boolean) =>
      `${line !== undefined ? `line ${line}: ` : ''}${path}: ${problem}${
        strayKey ? ' (a comma inside { } ends a text, and what follows it is read as a key of its own: put a text that holds a comma in quotes)' : ''
      }`,
    /** `atLeast`: the problems were counted up to a limit, and there may be more. */
    problems: (list: string[], more: number, atLeast = false) => `${list.join('; ')}${more ? ` (and ${atLeast ? 'at least ' : ''}${more} more)` : ''}`,
    fault: dataFault,
    /** A record of a data file that cannot be merged: the import stops there. */
    recordProblem: (path: string, field: string | undefined, problem: string) => `${path}: ${field ? `${field}: ` : ''}${problem}; nothing was imported.`,
    importFault: (f: ImportFault): string => {
      switch (f.kind) {
        case 'own-parent':
          return `${f.company} cannot be its own parent`;
        case 'parent-loop':
          return `${f.parent} cannot be the parent of ${f.company}: it is one of its own subsidiaries`;
        case 'no-checklist':
          return `there is no checklist ${q(f.checklist)} (known: ${f.known.join(', ')}); add its file to your checklists folder first`;
        case 'unanswered':
          return `no answer to ${f.questions.join(', ')}`;
        case 'not-a-question':
          return `not a question of the ${f.checklist} checklist`;
        case 'unscored':
          return `the answer to ${f.question} has no score here; give each answer's score, or none (to score them with the checklist)`;
        case 'not-answered':
          return `${f.question} has no answer in this check`;
        case 'question-id':
          return `${q(f.question)} is not a question id (lower-case words and dashes)`;
        case 'dealbreaker-twice':
          return 'names a question twice';
        case 'nothing-scored':
          return 'no answer counts in the score (each says its question does not apply), so the check has no score; a check is kept only with one';
        case 'verdict-of-score':
          return `says ${f.given}, where a check that scored so finds ${f.verdict} (CHECKLISTS.md); give the verdict its score and dealbreakers make`;
        case 'score-of-scores':
          return `says ${f.score}, where its answers' scores, averaged by any weights, make ${f.low === f.high ? f.low : `${f.low} to ${f.high}`} (CHECKLISTS.md); give the score its scores make, or leave out score, verdict and scores to have its checklist score it`;
        case 'scored-otherwise':
          return `says ${f.found} (${f.verdict}${f.dealbreakers ? `, dealbreakers: ${f.dealbreakers[0].join(', ') || 'none'}` : ''}), where the ${f.checklist} checklist of version ${f.version} here scores its answers ${f.now} (${f.verdictNow}${f.dealbreakers ? `, dealbreakers: ${f.dealbreakers[1].join(', ') || 'none'}` : ''}); a check comes in only as its checklist scores it: if yours has changed since the check was made, under the same version, give its file a new version (\`version: ${f.version + 1}\`) and import again, and the check comes back as it was found`;
        case 'partial-result':
          return 'a check that says what it found gives its score, verdict and scores, all three (or none, to be scored by its checklist)';
        case 'id-taken':
          return `the id ${q(f.id)} already belongs to an incident of ${f.company}; give this incident another id`;
        case 'id-other-incident':
          return `the id ${q(f.id)} already belongs to another incident of this company, opened ${when(f.opened)}: ${q(f.title)}; give this incident another id, or leave its id out to have one made`;
        case 'timeline':
          return f.fault.kind === 'before-opening'
            ? `its events would come before the opening of ${f.id} as it stands here (an event at ${when(f.fault.at)}); move that opening first (\`vetted incident edit ${f.id} --opened ${iso(f.fault.at)}\`)`
            : f.fault.kind === 'closed-before-opening'
              ? `it would close ${f.id} (${when(f.fault.closed)}) before its opening as it stands here`
              : `it would close ${f.id} a second time: it is closed here already; leave its closing out, or reopen ${f.id} first (\`vetted incident reopen ${f.id}\`)`;
        case 'parts-opening':
          return `the parts of ${f.id} in this file disagree: the opening one gives comes after an event or the closing another gives (${when(f.at)}); give its parts one opening, before their events and closing, or leave it out of them all`;
        case 'no-event':
          return `this incident lists ${fmt.plural(f.events, { one: 'event', other: 'events' })}, so there is no event ${f.event}`;
        case 'content-mismatch':
          return 'does not match its sha256 and size; the file was changed or cut short';
        case 'event-changed':
          return `the event ${f.event} is not the same in the file as here (its type the same, its time or its details not); an import adds what is new and changes nothing there: change it with \`vetted event edit ${f.event}\`, or leave its id out in the file to add it as another event`;
        case 'twice-in-file':
          return f.section === 'companies'
            ? f.here !== undefined
              ? `is the same company here as ${f.section}[${f.first}], told otherwise: the two names are one company in this database, ${q(f.here)} (merged since, or named so), so one of the two would be lost; give it once in the file, or import it into another database (--db)`
              : `is the same company as ${f.section}[${f.first}] (by this name or another of its names), told otherwise: one of the two would be lost; give it once`
            : f.section === 'incidents'
              ? `has the id of ${f.section}[${f.first}] (in other letters too) but another company, opening, title or fault: one of the two would be lost; give each incident its own id`
              : f.here !== undefined
                ? `pins the same company here as ${f.section}[${f.first}], otherwise: the two names are one company in this database, ${q(f.here)} (merged since, or named so), so one of the two would be lost; give it one pin in the file, or import it into another database (--db)`
                : `pins the same company as ${f.section}[${f.first}], otherwise: one of the two would be lost; give a company one pin`;
        case 'event-of-other':
          return `the event ${q(f.event)} is an event of another incident than ${f.id}; leave its id out to add it to ${f.id}`;
        case 'numbers-used-up':
          return `its events are numbered up to #${f.max}, the most an event's id holds: there is no number left for those without an id; give its events lower numbers`;
        case 'shared-alias':
          return `shares the name ${q(f.alias)} with companies[${f.first}], ${q(f.name)}, and neither gives the other's name: taken for one company, one of the two would be lost; take ${q(f.alias)} from one of them, or list the other's name among its aliases if they are one company`;
      }
    },
    progress: (pct: number, done: number, total: number) => `importing… ${pct}% (${done} of ${fmt.plural(total, { one: 'record', other: 'records' })})`,
    note: (file: string, n: string) => `note: ${file}: ${n}`,
    noDatabase: (path: string) => `there is no database at ${path} yet, so there is nothing to back up.`,
    backedUp: (from: string, to: string) => `backed up ${from} to ${to}`,
    backedUpToStdout: (from: string) => `backed up ${from} to standard output`,
    backupNotToTerminal: 'a backup is a database file, not text for a terminal; write it to a file with --out FILE, or pipe it (--out - | …).',
    /** A backup whose copy SQLite finds damaged (written to `to`; undefined: standard output): kept, and the copies that may be restored instead, newest first (`more` not named). */
    backedUpDamaged: (db: string, to: string | undefined, detail: string, earlier: string[], more: number, dir: string) =>
      `${db} is damaged (SQLite says: ${detail}), and so is the copy of it just written to ${to ? `${to}, kept all the same for what can still be read from it` : 'standard output'}; restore a backup made before the damage with \`vetted restore FILE\`, which refuses a damaged one (${earlier.length ? `the copies in ${dir}, newest first: ${fmt.list([...earlier, ...(more > 0 ? [`${fmt.number(more)} more`] : [])])}` : `there is none in ${dir}`}), or salvage what can still be read with \`sqlite3 ${sh(db)} .recover | sqlite3 salvaged.db\` and restore salvaged.db.`,
    copyFolderTaken: (dir: string) => `${dir} is not a folder (a file or a link to nothing has its name), so no copy of the database can be made in it; move it away.`,
    isItself: 'that is the database itself; give the path of a backup.',
    keptAs: (path: string) => `kept the database as it was in ${path}`,
    restored: (path: string, from: string) => `restored ${path} from ${from}`,
    badFormat: (given: string) => `--format takes md, json or csv, not ${q(given)}.`,
    wrote: (file: string) => `wrote ${file}`,
  },

  sources: {
    countOn,
    noSource: (name: string) => `there is no source ${q(name)}; see \`vetted source list\`.`,
    recordHasNoLists: (name: string) => `${q(name)} is a public complaint record, which puts no company on a list; see what it holds with \`vetted source show ${sh(name)}\`, and what it says of a company with \`vetted company show NAME\`.`,
    listsOf: (name: string, label: string | null, exportedAt: string | null) =>
      `The lists of ${q(name)}${label ? ` (${label})` : ''}${exportedAt ? `, shared ${when(exportedAt)}` : ''}, as they gave them:`,
    sourcesSay: (text: string) => `sources: ${text}`,

    // the command: adding, replacing and removing a source
    needsName: 'a source needs a name: give it with --name, such as --name dmitry.',
    namesSeveral: (name: string, yours: string[], owner: string) =>
      `its ${q(name)} names ${yours.length} of your companies (${fmt.list(yours)}): it is counted as ${owner} alone; \`vetted company merge\` if they are one company`,
    namesSeveralMore: (n: number) => `and ${fmt.plural(n, { one: 'one more company', other: `${n} more companies` })} of it name several of yours (\`vetted source show\`)`,
    unsafeName: "a source's name is typed again in every command that names it: give one without control or invisible characters, such as --name dmitry.",
    longName: (max: number) => `a source name can be at most ${max} characters; shorten it.`,
    badKind: (kinds: readonly string[], given: string) => `--kind takes ${kinds.join(' or ')}, not ${q(given)}.`,
    noFile: (file: string) => `there is no file ${file}; check the path.`,
    folder: (file: string) => `${file} is a folder; give the path of the source's file.`,
    unknown: (name: string, known: string[]) =>
      `there is no source ${q(name)}; ${known.length ? `the sources are ${known.map(q).join(', ')}` : 'add one with `vetted source add FILE --name NAME`'}.`,
    notAList: (file: string) => `${file} is a CSV or ZIP file, not a shared list (a vetted/1 file, JSON or YAML); a public complaint record is a source of its own: \`vetted source add ${sh(file)} --name NAME --kind cfpb\`.`,
    sameFile: (name: string, how: 'bytes' | 'export' | 'csv') =>
      `that file is the source ${q(name)} already (${{ bytes: 'the same bytes', export: 'the same export: its label, the moment it was made and what it says', csv: 'the same CSV, in an archive or not' }[how]}); added again, its ${how === 'csv' ? 'complaints' : 'lists'} would be counted twice. To read it again, \`vetted source update ${sh(name)} FILE\`.`,
    goneMeanwhile: (name: string) => `the source ${q(name)} was removed by another command while its new file was read; nothing was changed (\`vetted source add\` adds it again).`,
    taken: (name: string) => `there is a source ${q(name)} already; choose another --name, or replace it with \`vetted source update ${sh(name)} FILE\`.`,
    noCompany: (name: string) => `there is no company ${q(name)}; see \`vetted company list\`.`,
    progress: (file: string, rows: number, perSecond: number) => `reading ${file}: ${fmt.plural(rows, { one: 'row', other: 'rows' })} (${fmt.number(perSecond)}/s)…`,
    /** Of a shared file, the dates it holds that new input could not (see data.keptAsTheyWere). */
    keptAsTheyWere: (counts: Partial<Record<KeptKind, number>>, records: string[]) =>
      `note: taken as the vetted that exported the file kept them, though new input is refused for them: ${keptKinds(counts).join(', ')} (${keptRecords(records)})`,
    added: (name: string, kind: string, companies: number, known: number) =>
      `added source ${q(name)} (${kind}): ${fmt.plural(companies, { one: 'company', other: 'companies' })}, ${fmt.number(known)} of them yours`,
    replaced: (name: string, kind: string, companies: number, known: number) =>
      `replaced source ${q(name)} (${kind}): ${fmt.plural(companies, { one: 'company', other: 'companies' })}, ${fmt.number(known)} of them yours`,
    rowsRead: (read: number, skipped: number, from: string | null, to: string | null) =>
      `${fmt.plural(read, { one: 'row', other: 'rows' })} read, ${fmt.number(skipped)} skipped; complaints received ${from ?? '—'} to ${to ?? '—'}`,
    matchHint: (name: string) => `link your companies to its names: vetted source match ${sh(name)}`,
    onItsLists: (listed: number, label: string | null, exportedAt: string | null) =>
      `${fmt.number(listed)} on its lists${label ? `; it calls itself ${q(label)}` : ''}${exportedAt ? `; shared ${when(exportedAt)}` : ''}`,
    listsChanged: (moved: number, left: number, came: number) =>
      moved + left + came === 0
        ? 'no company is on another list than before'
        : [moved && `${fmt.plural(moved, { one: 'company', other: 'companies' })} on another list than before`, left && `${fmt.number(left)} no longer on its lists`, came && `${fmt.number(came)} new on them`].filter(Boolean).join(', '),
    /** A company the update moved to another list, and from which. */
    movedList: (company: string, from: ListName, to: ListName) => `${company}: ${words.list[from]} → ${words.list[to]}`,
    movedMore: (n: number) => `and ${fmt.plural(n, { one: 'company', other: 'companies' })} more`,
    sharedBefore: (now: string, was: string) => `note: this file was shared ${when(now)}, before the one it replaces (${when(was)}): what you read now is the older of the two.`,
    labelChanged: (now: string, was: string) => `note: it ${now ? `calls itself ${q(now)}` : 'gives no name of its own'} now; the file it replaces ${was ? `called itself ${q(was)}` : 'gave none'}.`,
    removed: (name: string) => `removed source ${q(name)} and everything read from it (sources are not in the history, so \`vetted undo\` does not bring it back; to have it again, add its file again)`,
    /** The label of a public record's source, in the reader's words (the stored one is for JSON). */
    cfpbLabel: 'Consumer Financial Protection Bureau complaint database',

    // source list and source show
    none: 'No sources yet. Add a shared file with `vetted source add FILE --name NAME`, or a CFPB complaint file with `--kind cfpb`.',
    listHeaders: ['NAME', 'KIND', 'LABEL', 'DATE', 'COMPANIES', 'YOU KNOW', 'ADDED'],
    dateRange: (from: string | null, to: string | null) => `${from ?? '—'} to ${to ?? '—'}`,
    day: (date: string) => date.slice(0, 10),
    file: (file: string, sha: string) => `file: ${file} · sha256 ${sha}…`,
    dates: (added: string, replaced: string | null, shared: string | null) =>
      `added ${when(added)}${replaced ? ` · replaced ${when(replaced)}` : ''}${shared ? ` · shared ${when(shared)}` : ''}`,
    rowsLine: (read: number, skipped: number, from: string | null, to: string | null) =>
      `${fmt.plural(read, { one: 'row', other: 'rows' })} read, ${fmt.number(skipped)} skipped · complaints received ${from ?? '—'} to ${to ?? '—'}`,
    cfpbHeaders: ['THEIR NAME', 'YOURS', 'COMPLAINTS'],
    vettedHeaders: ['THEIR NAME', 'YOURS', 'LIST', 'SINCE'],
    known: (n: number) => `Companies you know (${fmt.number(n)})`,
    noneKnown: '  none yet: link names with `vetted source match` and `vetted company alias`',
    unknownCompanies: (n: number) => `Companies you do not know (${fmt.number(n)})`,
    more: (n: number) => `  … and ${fmt.number(n)} more (--all shows every one)`,

    // source match
    nothingLike: (source: string) => `  no name in ${q(source)} looks like it`,
    complaints: (n: number) => ` (${fmt.plural(n, { one: 'complaint', other: 'complaints' })})`,
    linked: 'linked',
    alike: (percent: number) => `${percent}% alike`,
    linkIt: (command: string) => `    link it: ${command}`,
    noneAlike: (source: string) => `No name in ${q(source)} looks like one of your companies.`,

    // rows a reader skipped
    skipped: (count: number, reason: SkippedRows['reason'], lines: number[], more: boolean) =>
      `  skipped ${fmt.plural(count, { one: 'row', other: 'rows' })} with ${
        ({ 'no-company': 'no company', 'bad-date': 'a date that is not a date', 'future-date': 'a date still to come', 'short-row': 'fewer columns than the header', 'too-long': 'a company, product or issue name of more than 200 characters' } as const)[reason]
      } (${lines.length === 1 ? 'line' : 'lines'} ${lines.join(', ')}${more ? ', …' : ''})`,

    // the readers' refusals
    noColumn: (file: string, column: string, columns: string) =>
      `${file} has no ${q(column)} column, so it is not a CFPB complaint file (its columns: ${columns}); nothing was stored.`,
    notText: (file: string, database: boolean) =>
      `${file} is ${database ? 'an SQLite database' : 'not text (it holds binary data)'}, not a CFPB complaint file; give the CSV file or the .zip CFPB publishes; nothing was stored.`,
    columnTwice: (file: string, column: string) => `${file} has two ${q(column)} columns, and which is meant cannot be told; keep one, and try again; nothing was stored.`,
    notUtf8At: (file: string, line: number) => `${file}: line ${fmt.number(line)} is not UTF-8 text; save the file as UTF-8 and try again; nothing was stored.`,
    quoteNeverClosed: (file: string, line: number) => `${file}: the quote opened at line ${fmt.number(line)} never closes, so the rest of the file would be one text; close it, or download the file again; nothing was stored.`,
    /** A pipe or a device given for a CFPB file, which is read as a file (a zip from its index at the end). */
    cfpbNotFile: (file: string) => `${file} is a pipe or a device, not a file; a CFPB complaint file is read as a file (an archive from its end), so save it to a file first and add that.`,
    notZip: (file: string, problem: ZipProblem) => `${file} cannot be read as a zip archive: ${zipProblem(problem)}; give the CSV file or the archive as CFPB publishes it.`,
    damagedZip: (file: string, detail: string) => `${file} is a damaged zip archive (${detail}); download it again.`,
    empty: (file: string) => `${file} is empty; give a CFPB complaint file.`,
    cfpbNotStdin: 'a CFPB complaint record is read from its file (the CSV, or the archive as CFPB publishes it), not from standard input; give its path.',
    tooManyNames: (file: string, what: 'companies' | 'months' | 'products' | 'issues', max: number) =>
      `${file} names more than ${fmt.number(max)} ${what}, more than vetted counts apart and more than any CFPB release names; nothing was added. Split the file, or give the release as CFPB publishes it.`,
    recordTooLong: (file: string, line: number, mb: number) =>
      `${file}: the record at line ${fmt.number(line)} runs past ${fmt.number(mb)} MB without ending; give a CFPB complaint file (CSV, or a .zip holding one).`,
    invalid: (file: string, problems: string) => `${file} is not a valid vetted/1 file: ${problems}; nothing was stored.`,
    listedTwice: (company: string, first: string) =>
      `${q(company)} is ${company.trim() === first.trim() ? 'listed a second time' : `the company ${q(first)} listed before it (by name or alias)`}; a file lists each company once`,

    // "What others say" beside a company's record
    othersTitle: 'What others say',
    othersApart: ' (their data, kept apart from yours; it does not change your verdict)',
    /** The reason a shared list gives, in the reader's language when the file has it. */
    reasonText: (r: { text: string; text_ru?: string }) => r.text,
    as: (names: string[]) => ` as ${names.join(', ')}`,
    pinned: 'pinned: ',
    since: (date: string) => ` since ${when(date.slice(0, 10))}`,
    onNone: 'on none of their lists',
    theySay: (list: ListName) => `they say ${list}; `,
    byYourPolicy: 'by your policy: ',
    placement: (p: Placement): string => p,
    theirEvidence: (checks: number, incidents: number) =>
      `(their ${fmt.plural(checks, { one: 'check', other: 'checks' })} and ${fmt.plural(incidents, { one: 'incident', other: 'incidents' })})`,
    publicRecordOf: (names: string[], through: string | null) => `(public complaint record, as ${names.join(', ')}, through ${through ? when(through.slice(0, 10)) : '—'})`,
    briefRecord: (source: string, complaints: number, from: string, to: string, anyRelief: number | null) =>
      `${source}: ${fmt.plural(complaints, { one: 'public complaint', other: 'public complaints' })} ${month(from)}–${month(to)}, any relief ${anyRelief === null ? '—' : wholePercent.format(anyRelief)}`,
    notNormalised: '(not normalised by size)',

    // the public complaint record
    record: {
      complaints: (from: string, to: string, last: number, previous: number | null, all: number) =>
        `complaints ${month(from)}–${month(to)}: ${fmt.number(last)} · the 12 months before: ${previous === null ? 'not in this source' : fmt.number(previous)} · all in this source: ${fmt.number(all)}`,
      monetary: (rate: string) => `closed with monetary relief: ${rate}`,
      anyRelief: (rate: string) => `closed with any relief: ${rate}`,
      untimely: (rate: string) => `untimely responses: ${rate}`,
      disputed: (rate: string) => `responses disputed by the consumer, of all complaints until April 2017 (when disputes ended): ${rate}`,
      rate: (s: Share, min: number) => (s.rate === null ? `— (fewer than ${fmt.plural(min, { one: 'complaint', other: 'complaints' })})` : `${percent.format(s.rate)} (${fmt.number(s.count)} of ${fmt.number(s.of)})`),
      topProducts: (items: string) => `top products: ${items}`,
      topIssues: (items: string) => `top issues: ${items}`,
      item: (name: string, complaints: number) => `${name} (${fmt.number(complaints)})`,
      noProduct: '(none)',
      caveat:
        "Counts are not normalised by the company's size (a big bank gets more complaints than a small one), and the company chooses its own response category. The public record never decides a verdict.",
    },
  },

  answers: {
    problem: (p: AnswerProblem) =>
      p.kind === 'unknown-question'
        ? `${q(p.given)} is not a question of the ${p.checklist} checklist; its questions are: ${p.questions.join(', ')}`
        : `${q(p.given)} is not an answer to ${p.question}; valid answers are: ${p.values.join(', ')}`,
    /** Several ids that are no question of the checklist, named together, its questions once. */
    notQuestions: (given: string[], checklist: string, questions: string[], more = false) =>
      `${given.map((g, k) => (more && k === given.length - 1 ? g : q(g))).join(', ')} are not questions of the ${checklist} checklist; its questions are: ${questions.join(', ')}`,
    andMore: (n: number) => `and ${fmt.number(n)} more`,
  },

  // ---- correcting the record: company rename|merge|edit|remove, incident edit|remove|reopen, event edit|remove|list ----
  correct: {
    /** Said after every correction: the way back. */
    takeBack: 'to take it back: vetted undo',
    bringBack: 'to bring it back: vetted undo',
    sameName: (name: string) => `${name} is named so already; nothing to change.`,
    nameTaken: (given: string, owner: string, company: string) =>
      `${q(given)} already names ${owner}; to make them one company, use \`vetted company merge ${sh(company)} ${sh(owner)}\`.`,
    renamed: (from: string, to: string, aliasKept: boolean) => `renamed ${from} to ${to}${aliasKept ? `; ${q(from)} stays as an alias` : ''}`,
    oneAlready: (from: string, into: string, name: string) => `${q(from)} and ${q(into)} are one company already (${name}); nothing to merge.`,
    merged: (from: string, into: string, checks: number, incidents: number) =>
      `merged ${from} into ${into}: ${fmt.plural(checks, { one: 'check', other: 'checks' })} and ${fmt.plural(incidents, { one: 'incident', other: 'incidents' })} moved, ${q(from)} is now an alias of ${into}`,
    /** What `from` had that `into` had otherwise, and kept: a merge keeps the one it merges into. */
    mergeKeptOwn: (from: string, into: string, lost: MergeLost) => {
      const fields = Object.keys(lost) as (keyof MergeLost)[];
      const valued = fields.map((k) => `${k} ${k === 'category' ? q(lost[k]!) : lost[k]}`);
      return `note: ${into} keeps its own ${fmt.list(fields)}; ${from}'s ${fmt.list(valued)} ${fields.length > 1 ? 'were' : 'was'} not kept (to take ${fields.length > 1 ? 'one' : 'it'} instead: vetted company edit ${sh(into)} --${fields[0]} …).`;
    },
    companyEditWhat: 'say what to change: --category TEXT, --website URL or --parent COMPANY ("" clears one).',
    tooLong: (flag: string, max: number) => `${flag} can be at most ${max} characters; shorten it.`,
    parentLoop: (parent: string, company: string, itself: boolean) =>
      `${parent} cannot be the parent of ${company}: it is ${itself ? 'the company itself' : 'one of its own subsidiaries'}.`,
    eventTwice: (id: string, other: string) => `${id} would then read as ${other} does (the same time, type and details), and a timeline holds each event once (an import of its export would take one for the other); tell them apart (by a note, say), or remove one of them.`,
    newEvent: (type: string, at: string) => `the new ${type} at ${when(at)}`,
    sameEvent: (id: string) => `event ${id} already reads so; nothing changed.`,
    sameIncident: (id: string) => `${id} already reads so; nothing changed.`,
    sameDetails: (name: string) => `${name} already has these details; nothing changed.`,
    companyUpdated: (name: string) => `updated ${name} (see \`vetted company show ${sh(name)}\`; to take it back: vetted undo)`,
    /** One piece of a company's evidence, named for the refusal to remove it. */
    evidence: (e: { check: string } | { incident: string } | { pin: ListName }) =>
      'check' in e ? `check ${e.check}` : 'incident' in e ? `incident ${e.incident}` : `a ${e.pin} pin`,
    hasEvidence: (name: string, shown: string[], more: number) =>
      `${name} has evidence (${shown.join(', ')}${more ? ` and ${more} more` : ''}); remove it too with --with-evidence, or move it first with \`vetted company merge\`.`,
    /** After companyRemoved: the companies it was the parent of, which stay, without one. */
    noLongerParent: (names: string[]) => `; ${names.join(', ')} ${names.length === 1 ? 'stays, no longer a subsidiary' : 'stay, no longer subsidiaries'}`,
    companyRemoved: (name: string, evidence: number) => `removed ${name}${evidence ? ` and its ${fmt.plural(evidence, { one: 'piece of evidence', other: 'pieces of evidence' })}` : ''}`,
    incidentEditWhat: (id: string) =>
      `say what to change: --title T, --fault F, --opened WHEN or --company C (on a terminal, \`vetted incident edit ${id}\` alone opens it in your editor).`,
    /** A parent named by company edit --parent that was not on record: added. */
    parentAdded: (name: string) => `${q(name)} was not on your record, and is added to it as the parent company.`,
    incidentUpdated: (id: string, changes: string, from: string | null, to: string | null, added = false) => `updated ${id}${changes ? `: ${changes}` : ''}${from !== null && to !== null ? `; moved from ${from} to ${to}${added ? ', a company added to your record' : ''}` : ''}`,
    openAfterClosing: (id: string, opened: string, closed: string) =>
      `${id} cannot open at ${when(opened)}: it was closed at ${when(closed)}, before that; move the opening earlier, or reopen it first (\`vetted incident reopen ${id}\`).`,
    cannotOpen: (id: string, opened: string, first: string, type: EventType, at: string) =>
      `${id} cannot open at ${opened}: its first event, ${first} (${type}), is earlier (${at}); move or remove that event first.`,
    incidentRemoved: (id: string, company: string, events: number) =>
      `removed ${id} of ${company}${events === 1 ? ' with its one event' : events ? ` with its ${fmt.plural(events, { one: 'event', other: 'events' })}` : ''}`,
    openAlready: (id: string) => `${id} is open already; nothing to reopen.`,
    reopened: (id: string) => `reopened ${id}: its resolution was removed`,
    reopenedTime: (id: string, closed: string) => `reopened ${id}: its closing time (${when(closed)}) was taken away`,
    noSuchEvent: (incident: string, number: string, ids: string[]) =>
      `${incident} has no event ${q(number)}; its events are ${ids.length ? ids.join(', ') : 'none yet'} (see \`vetted incident show ${incident}\`).`,
    notEventId: (given: string) =>
      `${q(given)} is not an event id; an event id is its incident's id, # and its number, such as volga-2012-07#4 (see \`vetted incident show\`).`,
    noEvent: (given: string) => `there is no event ${q(given)}.`,
    eventEditWhat: (type: EventType, flags: string[]) => `say what to change: --at WHEN${flags.length ? ` or ${flags.join(', ')}` : ''} (the fields of ${an(type)}).`,
    /** What changed in an event: "at 2026-11-18T09:00, channel chat". */
    changes: (changes: import('../domain/op-summary.js').FieldChange[]) =>
      changes
        .map((c) => (c.value === undefined ? `${c.field} cleared` : `${c.field} ${c.field === 'text' || c.field === 'note' || c.field === 'title' ? quoted(String(c.value)) : c.field === 'at' || c.field === 'due' || c.field === 'opened' ? shownTime(String(c.value)) : String(c.value)}`))
        .join(', ') || 'no change',
    eventUpdated: (id: string, changes: string) => `updated ${id}: ${changes}`,
    deadlineFollows: (id: string) => `; its reply deadline ${id} moved with it`,
    deadlineGoes: (id: string) => `, with its reply deadline ${id}`,
    deadlineOrphaned: (id: string, letter: string) =>
      `  note: ${letter} is no letter or email now, so ${id}, its reply deadline, is read as a promise of the company's; if they made none, remove it: \`vetted event remove ${id}\`.`,
    deadlineNeedsTime: (deadline: string, letter: string, day: string) =>
      `${letter} would be of a day alone, and its reply deadline ${deadline} would then read as a promise of the company's: of a day alone, a letter's reply deadline is known only by the words \`letter --sent\` gives it. Give the letter a time of day too, such as --at "${day} 09:00". Nothing was changed.`,
    deadlineWordsNeedTime: (deadline: string, letter: string) =>
      `${deadline} is the reply deadline of your letter ${letter}, both of a day alone: given other words, it would read as a promise of the company's, for of a day alone a reply deadline is known only by the words \`letter --sent\` gives it. Give the letter a time of day first (\`vetted event edit ${letter} --at "DATE HH:MM"\`: its deadline moves with it), then change the words. Nothing was changed.`,
    deadlineLeft: (id: string, letter: string) =>
      `  note: ${id} no longer stands at the moment of the letter ${letter}, so it is read as a promise of the company's, not as the letter's reply deadline; to move a letter with its deadline, edit the letter (\`vetted event edit ${letter} --at WHEN\`).`,
    eventRemoved: (id: string, type: EventType, at: string, incident: string) => `removed ${id} (${type} at ${when(at)}) from ${incident}`,
    noEvents: 'No events yet. Log one with `vetted incident event ID TYPE`.',
    eventHeaders: ['ID', 'WHEN', 'TYPE', 'COMPANY', 'WHAT'],
    // the rules an event keeps on its timeline
    beforeOpening: (type: EventType, at: string, id: string, opened: string) =>
      `this ${type} (${shownTime(at)}) is before ${id} was opened (${shownTime(opened)}); if it opened earlier, move the opening first: \`vetted incident edit ${id} --opened ${at}\`.`,
    dueBeforeMade: (due: string, at: string) => `a promise cannot fall due (${shownTime(due)}) before it was made (${shownTime(at)}); check --due and --at.`,
    closedAlready: (id: string, other: { id: string; outcome: Outcome | undefined } | null) =>
      `${id} is closed already${other ? ` (${other.id}, ${other.outcome})` : ''}; to close it again, reopen it first: \`vetted incident reopen ${id}\`.`,
    // times typed on the command line
    whenForms: '2026-07-12, 2026-07-12 09:30, 12.07.2026 09:30, 12 July 2026 09:30, now, today 18:00 or yesterday 18:00',
    comingForms: '2026-07-12, 2026-07-12 09:30, 12.07.2026 09:30, 12 July 2026 09:30, now, today 18:00, yesterday 18:00 or tomorrow 18:00',
    badWhen: (flag: string, given: string, forms: string) => `${flag} takes a date such as ${forms}; ${q(given)} is not one (or not a real date).`,
    badYear: (flag: string, given: string, year: number, first: number, last: number) => `${flag} ${given} is in the year ${year}; give a date from ${first} to ${last}.`,
    future: (flag: string, given: string, now: string) => `${flag} ${given} is in the future (it is ${when(now)} now); give the time it happened.`,
    /** history prune --before past tomorrow: a date mistyped, which would forget every change. */
    pruneFuture: (given: string, now: string) =>
      `--before ${given} is past tomorrow (it is ${when(now)} now), most likely a date mistyped: history prune forgets for good the changes made before the date given; give one no later than the end of tomorrow (\`--before tomorrow\` forgets them all).`,
    /** A closing typed ahead of the clock, within the minutes of drift other times may be ahead. */
    closingAhead: (flag: string, given: string, now: string) =>
      `${flag} ${given} is ahead of the clock (it is ${when(now)} now), and a closing judges the promises made before it by its time; close it with a time up to now, or once it has come.`,
    badOffset: (flag: string, given: string, offset: string) =>
      `${flag} ${given} gives the offset ${offset} from UTC, which no clock keeps (they run from -12:00 to +14:00); give the time with its real offset, or without one for local time.`,
    skippedTime: (flag: string, given: string, reads: string, zoned: string) =>
      `${flag} ${given} is a time the clocks here skipped when they went forward (it would be read as ${when(reads)}); give the time the clock showed, or the time with its offset from UTC (such as ${zoned}).`,
    // the incident in the editor
    editorHeader: (id: string) => [
      `# Incident ${id}. Change what is wrong, then save and close the editor.`,
      "# Events keep their ids: delete an event's lines to remove it; add one without an id to add it.",
      '# `company` moves the incident to another company you have. Lines starting with # are ignored.',
      '# To change nothing, close without saving, or empty the file.',
    ],
    /** The word that marks a problem written into the edited file (a line "# ERROR …"). */
    errorMark: 'ERROR',
    errorAt: (line: number | undefined) => `ERROR${line ? ` (line ${line})` : ''}`,
    theIncident: '(the incident)',
    editorFailed: (editor: string, status: number | null) =>
      `the editor (${editor}) did not finish cleanly${status ? ` (exit status ${status})` : ''}; nothing was changed. Set $VISUAL or $EDITOR to the editor you use.`,
    notChanged: (id: string) => `${id} was not changed.`,
    /** A date rule the incident broke as an older version kept it, let stand by an edit that left it be. */
    stoodAsKept: (problem: string) => `note: ${problem} (as vetted kept it; left as it is)`,
    /** The editor closed without saving after a problem was shown. */
    leftWithProblems: (id: string) => `the editor was closed without saving; ${id} was not changed.`,
    emptied: (id: string) => `the file was emptied; ${id} was not changed.`,
    idChanged: (id: string) => `id: an incident's id cannot change (it is ${id}); put it back`,
    attachmentsHere: (id: string) => `attachments: files are not kept through the editor; delete these lines, and keep a file with \`vetted incident attach ${id} FILE\` (\`vetted attachment remove\` takes one off)`,
    companyProblem: (message: string) => `company: ${message}`,
    notEventOf: (event: string, id: string) => `events: ${event} is not an event of ${id}; leave ids as they are, and give a new event none`,
    idOfTwo: (event: string) => `events: ${event} is the id of two events; leave each event its own id, and give a new event none`,
    typeChanged: (event: string, from: string, to: string) =>
      `events: ${event} is of type ${from}, and an event keeps its type (whatever cites ${event} cites that ${from}); to log ${an(to)}, add it as a new event with no id, and remove ${event} if it was wrong`,
    removedMeanwhile: (id: string, file: string) =>
      `${id} was removed by another vetted command while it was open in the editor, so nothing was saved. What you typed is kept in ${file}; \`vetted undo\` brings the incident back, if that removal was the last change, and \`vetted incident edit ${id}\` then lets you make your changes.`,
    changedMeanwhile: (id: string, file: string) =>
      `${id} was changed by another vetted command while it was open in the editor, so nothing was saved (your edit would have undone that change). What you typed is kept in ${file}: run \`vetted incident edit ${id}\` again and make your changes there.`,
    editorApplied: (s: EditorChanges) => `updated ${s.id}: ${editorChanges(s)}`,
    closedNotResolution: (closed: string, event: string, at: string) =>
      `closed: says ${closed}, where the resolution ${event} closed it at ${at}; change the time of that event, or give closed: its time`,
  },

  // ---- history and undo ----
  history: {
    headers: ['#', 'when', 'what', 'undo'],
    none: 'No changes recorded yet.',
    newest: (limit: number) => `(the newest ${limit}; --limit N shows more)`,
    undoneBy: (op: number) => `undone by #${op}`,
    undid: (op: number) => `undid #${op}`,
    positive: (flag: string, given: string) => `${flag} takes a whole number, 1 or more, not ${q(given)}.`,
    notScrubbed: 'note: the database could not be written anew just now (another vetted process is using it, or the disk is full), so the bytes of what was forgotten may still be in its free space; run the same `vetted history prune` again later to clear them.',
    pruned: (n: number, before: string) => `forgot ${fmt.plural(n, { one: 'operation', other: 'operations' })} from before ${before}: they can no longer be undone.`,
    nothingBefore: (before: string) => `nothing was recorded before ${before}.`,
    /** `reopen`: the incident an operation closed, which `incident reopen` opens again whatever came after. */
    laterChanges: (op: number, later: number[], reopen?: string) =>
      `#${op} cannot be undone on its own: ${later.map((n) => `#${n}`).join(', ')}, made later, ${later.length === 1 ? 'depends' : 'depend'} on it or changed what its undo would put back; undo ${later.length === 1 ? 'it' : 'them'} first (see \`vetted history\`)${reopen ? `, or open the incident again as it stands: vetted incident reopen ${reopen}` : ''}.`,
    /** A revert that would bring back a name or an id a later change has given to another record. */
    taken: (op: number, what: 'incident' | 'check' | 'company' | 'alias' | 'other') =>
      `#${op} cannot be undone now: ${{ incident: 'the incident id', check: 'the check id', company: 'the company name', alias: 'the alias', other: 'a name or an id' }[what]} it would bring back has been given to another record since; undo that change first${what === 'company' || what === 'alias' ? ', or rename that record' : ''} (see \`vetted history\`).`,
    /**
     * A revert that would bring back a company name or an alias another record has now: that
     * record, and the change that gave it the name (`summary`: that change as history says it).
     */
    nameTaken: (op: number, n: NameTaken, summary: string | undefined) => {
      const ways = [
        n.by !== undefined && `undo #${n.by} first (\`vetted undo --op ${n.by}\`)`,
        n.alias === undefined && `rename ${q(n.holder)} without keeping its name as an alias (\`vetted company rename ${sh(n.holder)} NEW-NAME --no-alias\`)`,
      ].filter(Boolean);
      return `#${op} cannot be undone now: it would bring back the ${n.what === 'company' ? 'company name' : 'alias'} ${q(n.name)}, and ${
        n.alias === undefined ? `the company ${q(n.holder)} has that name now` : `${q(n.alias)} is now an alias of the company ${q(n.holder)}`
      }${n.by !== undefined ? `, given by #${n.by} (${summary})` : ''}; ${ways.length ? ways.join(', or ') : 'see `vetted history`'}.`;
    },
    /** A revert that would bring back an incident or a check under an id another one has now. */
    idTaken: (op: number, what: 'incident' | 'check', id: string, holder: string, by: number | undefined) =>
      `#${op} cannot be undone now: it would bring back the ${what} ${id}, and ${id === holder ? 'another' : holder}${id === holder ? ` ${what}` : ''} has that id since${by ? ` (#${by})` : ''}, whatever the case of its letters; ${by ? `undo #${by} first (\`vetted undo --op ${by}\`)` : 'see `vetted history`'}.`,
    /** A revert that would make a company a subsidiary of its own subsidiary (a parent given since). */
    parentLoop: (op: number, company: string, parent: string) =>
      `#${op} cannot be undone now: it would make a company a subsidiary of its own subsidiary, as ${q(company)} was made a subsidiary of ${q(parent)} since; take that back first (\`vetted company edit ${sh(company)} --parent ""\`).`,
    /** `putBack`: the opening the undo would give the incident again, where it moves it. */
    breaksTimeline: (op: number, id: string, f: TimelineFault, putBack?: string) =>
      `#${op} cannot be undone now: ${
        putBack !== undefined && f.kind !== 'closes-twice'
          ? f.kind === 'before-opening'
            ? `it would move the opening of ${id} back to ${when(putBack)}, after ${f.event} (${when(f.at)}), logged or moved since; move that event first (\`vetted event edit ${f.event} --at …\`)`
            : `it would move the opening of ${id} back to ${when(putBack)}, after its closing (${when(f.closed)})`
          : f.kind === 'before-opening'
            ? `it would put ${f.event} (${when(f.at)}) back before the opening of ${id}, which was moved since; move the opening first (\`vetted incident edit ${id} --opened ${iso(f.at)}\`)`
            : f.kind === 'closed-before-opening'
              ? `${id} would be closed (${when(f.closed)}) before its opening, which was moved since; move the opening first`
              : `it would close ${id} a second time (${f.event}); reopen it first (\`vetted incident reopen ${id}\`)`
      }.`,
    countOrOp: 'give either a count (undo N) or --op ID, not both.',
    noOperation: (op: number | string) => `there is no operation #${op}; see \`vetted history\` for their numbers.`,
    undoneAlready: (op: number, by: number) => `#${op} was undone already by #${by}; to bring it back, undo that: \`vetted undo --op ${by}\`.`,
    nothingToUndo: 'there is nothing to undo: no change is recorded (see `vetted history`).',
    allUndone: 'there is nothing to undo: every change recorded is undone already; to redo one, `vetted undo --op N` with the number of its undo (see `vetted history`).',
    /** One change undone; `by`, its undo, given where the undo can be redone by itself. */
    undone: (op: number, summary: string, by?: number) => `undone #${op}: ${summary}${by === undefined ? '' : ` (to redo: vetted undo --op ${by})`}`,
    /** After `undone`: the undo found the record as it leaves it (the journal had the change as standing, the record did not). */
    foundUndone: (op: number) => `nothing had to change for that: the record was already as it was before #${op}.`,
    /** After several changes undone at once (`undo N`): their undos, newest first, in the order they can be redone. */
    redoAll: (undos: number[]) =>
      `to redo ${undos.length === 2 ? 'both' : 'them'}, undo their undos, the last first: ${
        undos.length <= 3
          ? undos.map((u) => `vetted undo --op ${u}`).join(', then ')
          : `vetted undo --op ${undos[0]}, then vetted undo --op ${undos[1]}, and so on, down to vetted undo --op ${undos[undos.length - 1]}`
      }`,
    /** `undo N` with fewer changes left to undo than N: nothing is undone. */
    onlyLeft: (asked: string, left: number) =>
      `there ${left === 1 ? 'is' : 'are'} only ${fmt.plural(left, { one: 'change', other: 'changes' })} left to undo, not ${asked}, so nothing was undone; to undo ${left === 1 ? 'it' : 'them all'}: vetted undo${left === 1 ? '' : ` ${left}`}`,
    /** `undo` with no --op, where a source was added or updated after the change it would undo: nothing is undone. */
    sourceSince: (source: string, updated: boolean, op: number, summary: string) =>
      `the last change is the source ${q(source)} ${updated ? 'updated' : 'added'}, which is not in the history, so nothing was undone: \`vetted source remove ${sh(source)}\` takes a source away. The last change undo takes back is #${op}, ${summary}; to undo that: vetted undo --op ${op}`,
    /** `undo N` reaching past a source added or updated: nothing is undone. */
    pastSource: (source: string, updated: boolean, since: number) =>
      `the source ${q(source)} was ${updated ? 'updated' : 'added'} after the changes this would take back, and it is not in the history, so nothing was undone; to undo ${since === 1 ? 'the change' : `the ${since} changes`} made since: vetted undo${since === 1 ? '' : ` ${since}`}`,
    /** One operation of the journal in words; older databases kept plain text, shown as it is. */
    summary: function summary(s: import('../domain/op-summary.js').OpSummary | string): string {
      if (typeof s === 'string') return s;
      switch (s.k) {
        case 'check':
          return `check ${s.id} of ${s.company} (${s.checklist}): ${s.score}/100, ${s.verdict}`;
        case 'check-remove':
          return `remove check ${s.id} of ${s.company} (${s.checklist}, ${s.date})`;
        case 'incident':
          return `incident ${s.id} opened with ${s.company}: ${s.title}`;
        case 'incident-edit':
          return `edit incident ${s.id}: ${incidentFields(s).join(', ')}`;
        case 'incident-editor':
          return `edit incident ${s.id} in the editor: ${editorChanges(s)}`;
        case 'incident-remove':
          return `remove incident ${s.id} of ${s.company} (${fmt.plural(s.events, { one: 'event', other: 'events' })})`;
        case 'reopen':
          return `reopen incident ${s.id}`;
        case 'event':
          return `${s.type} on ${s.incident} at ${shownTime(s.at)}`;
        case 'event-edit':
          return `edit ${s.id} (${s.type}) of ${s.incident}: ${en.correct.changes(s.changes)}`;
        case 'event-remove':
          return `remove ${s.id} (${s.type} at ${shownTime(s.at)}) of ${s.incident}`;
        case 'attach':
          return `attach ${s.files.join(', ')} to ${s.incident}`;
        case 'attachment-remove':
          return `remove attachment ${s.id} (${s.name}) of ${s.incident}`;
        case 'letter':
          return `${s.kind} letter to ${s.company} sent for ${s.incident}`;
        case 'alias':
          return `alias ${q(s.alias)} of ${s.company}`;
        case 'pin':
          return `pin ${s.company} to the ${s.list} list: ${s.reason}`;
        case 'unpin':
          return `unpin ${s.company}`;
        case 'rename':
          return `rename ${s.from} to ${s.to}${s.alias ? ' (the old name kept as an alias)' : ''}`;
        case 'merge':
          return `merge ${s.from} into ${s.into} (${fmt.plural(s.checks, { one: 'check', other: 'checks' })}, ${fmt.plural(s.incidents, { one: 'incident', other: 'incidents' })} moved)`;
        case 'company-edit':
          return `edit ${s.company}`;
        case 'company-remove':
          return `remove ${s.company}${s.evidence ? ` with ${fmt.plural(s.evidence, { one: 'piece of evidence', other: 'pieces of evidence' })}` : ''}`;
        case 'import':
          return `import ${s.file === STDIN_FILE ? STDIN : s.file}: ${[
            fmt.plural(s.companies, { one: 'company', other: 'companies' }),
            fmt.plural(s.checks, { one: 'check', other: 'checks' }),
            fmt.plural(s.incidents, { one: 'incident', other: 'incidents' }),
            fmt.plural(s.events, { one: 'event', other: 'events' }),
            fmt.plural(s.pins, { one: 'pin', other: 'pins' }),
            ...(s.aliases ? [fmt.plural(s.aliases, { one: 'alias', other: 'aliases' })] : []),
            ...(s.attachments ? [fmt.plural(s.attachments, { one: 'attachment', other: 'attachments' })] : []),
          ].join(', ')} added${s.changed ? `; ${fmt.plural(s.changed, { one: 'record', other: 'records' })} there changed` : ''}`;
        case 'undo':
          return `undo #${s.op}: ${summary(s.of)}`;
        default:
          return (s as { k: string }).k;
      }
    },
  },

  // ---- checks: the pre-purchase checks run so far ----
  checks: {
    noCheck: (id: string, like: string[]) => `there is no check ${q(id)}; ${like.length ? `did you mean ${like.map(q).join(' or ')}? ` : ''}see \`vetted checks list\` for the ids.`,
    none: 'No checks yet. Run one with `vetted check "Some Shop"`.',
    noneOf: 'No checks of this company yet.',
    headers: ['ID', 'COMPANY', 'DATE', 'CHECKLIST', 'SCORE', 'VERDICT'],
    title: (company: string, id: string) => `${company} — check ${id}`,
    line: (checklist: string, at: string, score: number, verdict: CheckVerdict, dealbreakers: string[]) =>
      `${checklist}, ${when(at)}: ${score}/100, ${verdict}${dealbreakers.length ? ` (dealbreakers: ${dealbreakers.join(', ')})` : ''}`,
    answerHeaders: ['QUESTION', 'ANSWER', 'SCORE', 'EVIDENCE'],
    removed: (id: string, company: string) => `removed check ${id} of ${company} (to bring it back: vetted undo)`,
  },

  // ---- checklists ----
  checklists: {
    broken: (first: string, more: number, file: string) => `the checklist ${brokenChecklist(first, more, file)}`,
    /** A broken file of the user's checklists folder, left out of the others. */
    skippedBroken: (first: string, more: number, file: string) => `skipped ${brokenChecklist(first, more, file)}`,
    skipped: (message: string) => `skipped a checklist file: ${message}`,
    folderIsFile: (dir: string) => `${dir} is a file, where your checklists' folder should be; only the built-in checklists are read until it is a folder.`,
    notAFile: (file: string, folder: boolean) => `${file} is ${folder ? 'a folder' : 'a device, a pipe or a socket'}, not a file; put a checklist file there, or move it out of the folder.`,
    sameIdOther: (file: string, id: string, version: number, source: 'built-in' | 'user' | 'file') =>
      `${file} calls itself ${id} v${version}, as ${source === 'built-in' ? 'the built-in' : 'your own'} checklist ${id} does, but scored otherwise (its questions, answers, weights or scores differ); give it an id of its own (or a new version), so that its checks are not read as that one's.`,
    twoOfOneId: (id: string, a: string, b: string) => `two of your checklist files give the id ${id}, ${a} and ${b}; give one of them another id, then check again.`,
    sameIdTwice: (file: string, id: string, first: string) => `${file} gives the id ${id}, as ${first} does; it is left out until one of them is given another id.`,
    fault: checklistFault,
    noFile: (given: string) => `there is no checklist file ${given}; check the path, or give a checklist id (see \`vetted checklists list\`).`,
    brokenCopy: (id: string, file: string, detail: string) =>
      `your own checklist ${q(id)} cannot be read, and the built-in one is not taken in its place; nothing was recorded. ${detail} To use the built-in ${q(id)}, move that file out of the checklists folder.`,
    brokenDetail: (first: string, more: number, file: string) => brokenChecklist(first, more, file),
    noChecklist: (given: string, ids: string[], broken: number, first: string | undefined, named = false) =>
      `there is no checklist ${q(given)}; the checklists are: ${ids.join(', ')}${broken ? ` (${broken} of your checklist files could not be read; ${named ? 'the one of that name' : 'the first'}: ${first})` : ''}.`,
    warning: (m: string) => `warning: ${m}`,
    headers: ['ID', 'VERSION', 'QUESTIONS', 'SOURCE', 'TITLE'],
    source: { 'built-in': 'built-in', user: 'user', file: 'file' } as Record<string, string>,
    ownGoIn: (dir: string) => `Your own checklists go in ${dir} (see \`vetted checklists show general\` for the format).`,
    weight: (w: number) => `weight ${fmt.number(w)}`,
    notCounted: 'not counted',
    dealbreaker: 'dealbreaker',
    valid: (file: string, id: string, version: number, n: number) => `${file}: ok — ${id} v${version}, ${fmt.plural(n, { one: 'question', other: 'questions' })}`,
    problems: (n: number) => `${fmt.plural(n, { one: 'problem', other: 'problems' })}; fix ${n === 1 ? 'it' : 'them'} and validate again.`,
    cannotRead: (file: string) => `cannot read ${file}; check the path.`,
  },

  // ---- the markdown page and CSV ----
  page: {
    title: 'Black and white lists of companies',
    exported: (date: string) => `Exported on ${fmt.date(date)} by vetted.`,
    counts: (b: number, w: number, x: number) => `${b} on the black list, ${w} on the white list, ${x} on the watch list.`,
    method:
      'Every verdict comes from recorded evidence (pre-purchase checks and logged service incidents) under a published policy: one rude employee is not the company, but a failure the company itself did not put right is; a failure handled well earns trust; what a company did counts before what a check says it will do. A pin is a decision of the author, shown as such.',
    lists: { black: 'Black list', white: 'White list', watch: 'Watch list' } as Record<ListName, string>,
    columns: ['Company', 'Since', 'Why', 'Evidence'],
    nobody: 'Nobody.',
    companies: 'Companies in detail',
    verdictLine: (list: ListName, since: string | null) => `On the ${list} list${since ? ` since ${fmt.date(since)}` : ''}.`,
    findings: 'Findings',
    /** Why the checks set aside were not counted, to a reader of the page (whose incidents they are not). */
    setAsideWhy: 'A check says what a company promises; the incidents logged here say what it did, and deeds decide over words.',
    timeline: (id: string, title: string) => `Incident ${id}: ${title}`,
    /** A pin on a published page, whose reader is not the one who pinned it. */
    pinnedByAuthor: (reason: string) => `pinned by the author: ${reason}`,
    csvColumns: ['list', 'company', 'since', 'pinned', 'rules', 'why', 'evidence'],
    yes: 'yes',
    no: 'no',
  },

  // ---- letters: `letter`, `letters list`, `letters check`, templates and law packs ----
  letter: {
    notVerifiedAt: (source: string) => `it is not verified: nobody has checked it against its source (${source}) yet`,
    notVerified: (article: string, source: string, toCheck: string | null) =>
      `note: NOT VERIFIED: ${article} has not been checked against its source. Before sending, check at ${source}: ${toCheck ?? 'the rule as the letter states it'}.`,
    caseWord: { goods: 'goods', services: 'services', telecom: 'telecom', finance: 'finance' } as Record<Case, string>,
    demandWord: { refund: 'refund', repair: 'repair', replacement: 'replacement', recalculation: 'recalculation', compensation: 'compensation' } as Record<Demand, string>,
    /** What to ask for a fact the letter needs (the interactive prompt, and the error without a terminal). */
    question: {
      '--from': 'Your name, as the letter is signed',
      '--case': 'What was it: goods, services, telecom or finance',
      '--account': 'Your account or contract number with the company',
      '--demand': 'What you demand: refund, repair, replacement, recalculation or compensation',
      '--amount': 'The sum you demand, as a number',
      '--currency': 'Its currency, an ISO 4217 code such as RUB or EUR',
      '--to': 'The name of the regulator or ombudsman you write to',
    } as Record<MissingFact['flag'], string>,
    ask: (question: string, flag: string) => `${question} (${flag})`,
    neededAnswer: 'this letter needs it',
    claimFirst: (id: string, note = false) => `${note ? 'note: ' : ''}\`vetted due\` names the regulator next, but a letter to a regulator says the company was written to first, so this is a claim to the company (once it is sent and goes unanswered, \`vetted letter ${id}\` writes to the regulator)${note ? '.' : ''}`,
    /** `stdinTemplate`: standard input is the template (--template -), so nothing can be asked there. */
    /** `onlyWith`: a fact needed only once another still missing is given as one of `values`, said after the rest (a sum for a demand of one). */
    needs: (kind: LetterKind, missing: { flag: string; question: string; onlyWith?: { flag: string; values: readonly string[] } }[], stdinTemplate = false) => {
      const fact = (m: { flag: string; question: string }) => `${m.flag} (${lowerFirst(m.question)})`;
      const later = neededWith(missing).map((g) => `, and with ${g.flag} ${either(g.values, 'or')} also ${fmt.list(g.facts.map(fact))}`);
      return `${an(kind)} letter needs ${missing.filter((m) => !m.onlyWith).map(fact).join(', ')}${later.join('')}; give ${missing.length === 1 ? 'it as a flag' : 'them as flags'}${
        stdinTemplate ? ' on the command line: standard input is the template, so it cannot be asked for there.' : ', or run on a terminal to be asked.'
      }`;
    },
    empty: (flag: string) => `${flag} cannot be empty.`,
    tooLong: (flag: string, max: number) => `${flag} can be at most ${max} characters; shorten it.`,
    badAmount: (given: string) => `--amount takes a sum above 0 such as 500 or 12.50, without thousands separators (1000, not 1,000; at most 999999999999.99), not ${q(given)}.`,
    badCurrency: (given: string) => `--currency takes a three-letter ISO 4217 code such as RUB or EUR, not ${q(given)}.`,
    sentOnly: '--at and --channel say when and how a letter was sent; give them with --sent.',
    badFormat: (given: string) => `--format takes md or txt, not ${q(given)}.`,
    inFuture: (at: string) => `--at ${at} is in the future; a letter is recorded once it is sent.`,
    currencyNeedsAmount: '--currency goes with --amount; give the sum too, such as --amount 500 --currency RUB.',
    writeFirst: (id: string) =>
      `a letter to a regulator says that the company was written to first, and the timeline of ${id} shows no letter or email to it; send a claim first (\`vetted letter ${id} --kind claim --sent\`, which asks for what it needs on a terminal, or names it) or log the one you sent (\`vetted incident event ${id} contact --channel letter\`).`,
    inTemplate: (file: string, problem: string) => `the template ${file}: ${problem}.`,
    alreadySent: (kind: LetterKind, id: string, at: string) => `this ${kind} letter is on the timeline of ${id} already (sent ${when(at)}); nothing was recorded.`,
    // notes on stderr beside the letter
    skipWhy: {
      indicative: 'it is not verified: nobody has checked it against its source yet',
      'no-first-letter': 'the record shows no letter to the company yet',
      'no-purchase-date': 'it runs from the date of the purchase, which was not given',
      'no-statement-date': 'it runs from the date of the statement, which was not given',
      'term-not-passed': 'its term has not passed yet',
      'term-passed': 'its term has passed',
      'company-term-not-passed': "the company's term to answer your first letter has not passed yet",
    } as Record<SkipReason, string>,
    /** A rule's article in this language (a pack writes each in every language). */
    article: (a: { en: string; ru: string }) => a.en,
    /** What to check of an unverified rule: a pack's in this language, or the user's own words. */
    toCheck: (c: string | { en: string; ru: string }) => (typeof c === 'string' ? c : c.en),
    notCited: (article: string, why: string, flag: string | undefined) => `note: not cited: ${article} — ${why}${flag ? ` (${flag})` : ''}.`,
    /** A complaint or escalation, which says the problem is not solved, of an incident closed resolved. */
    resolvedAlready: (id: string, kind: LetterKind) =>
      `note: ${id} is closed as resolved, and this ${kind} says the problem is not; to ask for what is still owed (an apology, compensation), write a claim (--kind claim), or reopen it if the problem came back (vetted incident reopen ${id}).`,
    noTimeline: (id: string) =>
      `note: nothing is logged on ${id} yet, so the letter's account of what happened is empty; log each call, chat or letter first (\`vetted incident event ${id} contact --channel phone --at WHEN\`), then write it again.`,
    citesNoLaw: 'note: this letter cites no law; add --jurisdiction ru, uk, eu or us to cite the rules that apply.',
    /** A letter sent, with no kind named, while the last one's reply is not yet due: the ladder would climb a rung for nothing. */
    /** `at` is the --at given; `passed`, whether that answer is due by now (the letter is recorded as sent earlier). */
    stillAwaiting: (sent: string, due: string, kind: string, id: string, at: string | undefined, passed: boolean) =>
      `the letter you sent on ${fmt.date(sent)} ${passed ? `was still awaiting its answer, due by ${when(due)}, when this one was sent` : `awaits its answer until ${when(due)} (\`vetted due\` chases it then)`}, so nothing was recorded; to record another sent before that answer was due, name its kind: vetted letter ${id} --kind ${kind} --sent${at === undefined ? '' : ` --at ${sh(at)}`}`,
    awaitingAnswer: (sent: string, due: string) => `note: the company's answer to your letter of ${fmt.date(sent)} is due by ${when(due)}; a regulator may expect you to wait for it.`,
    citesIndicative: 'note: the letter cites rules marked indicative (--allow-unverified); check them against their source first.',
    /** `chased`: how `vetted due` takes the reply deadline (of an open incident; of a closed one, as sent after the fix; not at all while it is closed). */
    recorded: (kind: LetterKind, at: string, attachment: number, replyBy: string, chased: 'open' | 'after-fix' | 'closed', id: string) =>
      `recorded the ${kind === 'regulator' ? 'letter to the regulator' : kind} as sent on ${when(at)} (its text is attachment ${attachment}); the reply is due by ${when(replyBy)}, ${chased === 'open' ? 'and `vetted due` will chase it.' : chased === 'after-fix' ? `and, though ${id} is closed, the letter came after the fix, so \`vetted due\` will chase it.` : `but ${id} is closed, so \`vetted due\` will not chase it until the incident is reopened.`}`,
    wrote: (kind: LetterKind, file: string) => `wrote the ${kind} letter to ${file}`,
    // `letters list` and `letters check`
    listHeaders: ['LANG', 'KIND', 'SOURCE', 'FILE'],
    unusable: 'user, unusable',
    source: { 'built-in': 'built-in', user: 'user', file: 'file' } as Record<'built-in' | 'user' | 'file', string>,
    valid: (file: string) => `${file}: a valid letter template`,
    problemAt: (file: string, line: number, problem: string) => `${file}:${line}: ${problem}`,
    templateFault: (f: TemplateFault, line: number): string => {
      switch (f.kind) {
        case 'stray':
          return `${q(f.text)} does not open or close a placeholder; a placeholder is {{name}}`;
        case 'bad-name':
          return `${q(f.tag)} is not a placeholder: names are lower-case letters, digits and _`;
        case 'never-opened':
          return `{{/${f.name}}} closes a section that was never opened`;
        case 'crossed':
          return `{{/${f.name}}} closes {{#${f.open}}} of line ${f.openLine}; close that one first`;
        case 'never-closed':
          return `${f.tag} is never closed with {{/${f.name}}}`;
        case 'unknown':
          return `unknown placeholder ${f.tag}`;
        case 'is-list':
          return `{{${f.name}}} is a list; repeat over it with {{#${f.name}}} … {{/${f.name}}}`;
        case 'not-in-letter':
          return `the template names {{${f.name}}} (line ${line}), which a letter does not have`;
        case 'no-value':
          return f.flag
            ? `this letter has no ${f.name} for {{${f.name}}} (line ${line}); give it with ${f.flag}, or put the line inside {{#${f.name}}} … {{/${f.name}}}`
            : `this letter has no ${f.name} for {{${f.name}}} (line ${line}): no option gives it, a letter has one only where its record or the law it cites does; put the line inside {{#${f.name}}} … {{/${f.name}}}`;
        case 'unguarded':
          return `{{${f.name}}} stands outside {{#${f.name}}} … {{/${f.name}}}: no option gives it, a letter has one only where its record or the law it cites does, and a letter without it would be refused; put the line inside that section`;
        case 'not-of-item':
          return `${f.tag} inside {{#${f.list}}} … {{/${f.list}}} is not a field of its items (${f.fields.join(', ')}): it would be the letter's, shown beside each item as if it were the item's; use one of those fields, or move it out of the section`;
        case 'not-single':
          return `{{${f.name}}} (line ${line}) is not a single value; use {{#${f.name}}} … {{/${f.name}}}`;
        case 'too-deep':
          return `sections nest more than ${f.max} deep here; no letter needs so many`;
        case 'empty':
          return 'the template is empty: it would make a letter of nothing';
        case 'repeats-itself':
          return `{{#${f.name}}} stands inside {{#${f.name}}}: the whole list would be repeated for each of its items; close the outer one first`;
        case 'too-large':
          return 'the letter grew far beyond any letter as it was made (lists repeated inside each other); simplify the template';
      }
    },
    // template files
    noTemplate: (file: string) => `there is no template ${file}; check the path.`,
    templateFolder: (file: string) => `${file} is a folder; give the path of a template file.`,
    badTemplate: (file: string, line: number, problem: string, more: number, checkArg = file) => {
      const check = `\`vetted letters check ${checkArg === '-' ? '-\` on the same input' : `${sh(checkArg)}\``}`;
      return more
        ? `the template ${file}:${line}: ${problem} (and ${more} more); run ${check} to see them all.`
        : `the template ${file}:${line}: ${problem}; mend it, and check the template again with ${check}.`;
    },
    // jurisdiction packs and law.yaml
    badJurisdiction: (ids: string[], given: string) => `--jurisdiction takes ${ids.join(', ')}, not ${q(given)}.`,
    top: '(top)',
    problems: (list: string[], more: number) => `${list.join('; ')}${more ? ` (and ${more} more)` : ''}`,
    badPack: (file: string, problems: string) => `the jurisdiction pack ${file}: ${problems}; fix it.`,
    badOverrides: (file: string, problems: string) => `your law overrides ${file}: ${problems}; fix them, or remove the file.`,
    lawFault: (f: LawFault): string => {
      switch (f.kind) {
        case 'text':
          return 'must be non-empty text';
        case 'words':
          return `must be a map with ${f.langs.join(' and ')} text`;
        case 'text-or-words':
          return `must be non-empty text, or a map with ${f.langs.join(' and ')} text`;
        case 'language':
          return `unknown language (${f.langs.join(' or ')})`;
        case 'one-of':
          return `must be one of ${f.values.join(', ')}`;
        case 'list-of':
          return `must be a list of ${f.values.join(', ')}`;
        case 'days':
          return 'must be a whole number of days from 1 to 3650';
        case 'date':
          return 'must be a date such as 2026-12-02';
        case 'url':
          return 'must be the address (http or https) of the text the rule comes from';
        case 'id':
          return 'must be lower-case letters, digits and dashes';
        case 'unknown-field':
          return 'unknown field';
        case 'required':
          return 'is required';
        case 'verified-needs-date':
          return 'is required of a verified rule: the date it was read in its source';
        case 'date-ahead':
          return 'is a day still to come: give the day the rule was read in its source';
        case 'date-year':
          return `is a day before ${f.first}, on which no rule of today's law was read: give the day the rule was read in its source`;
        case 'verified-needs-source':
          return 'is required of a verified rule: the address of the text it was read in';
        case 'indicative-no-date':
          return 'is only for a verified rule; an indicative one has not been checked against its source';
        case 'indicative-needs-to-check':
          return 'is required of an indicative rule: what must be checked in its source before it is marked verified';
        case 'term-needs-both':
          return 'a rule with a term needs both value and unit';
        case 'value-with-unit':
          return 'value and unit go together';
        case 'escalation-since':
          return 'an escalation rule counts from the first letter: since: first-letter';
        case 'pack-map':
          return 'a jurisdiction pack must be a map';
        case 'rule-map':
          return 'must be a map';
        case 'regulators-map':
          return `must be a map of case (${f.cases.join(', ')}) to a name in en and ru`;
        case 'not-case':
          return `is not a case (${f.cases.join(', ')})`;
        case 'rules-list':
          return 'must be a list of rules';
        case 'duplicate-id':
          return `${q(f.id)} is used by another rule of this pack`;
        case 'overrides-map':
          return 'must be a map of jurisdiction to rule overrides';
        case 'not-jurisdiction':
          return `is not a jurisdiction (${f.ids.join(', ')})`;
        case 'overrides-of':
          return 'must be a map of rule id to the fields you change';
        case 'not-rule':
          return `is not a rule of ${f.jurisdiction} (${f.ids.join(', ') || 'it has none'})`;
        case 'fields-map':
          return 'must be a map of the fields you change';
      }
    },
  },

  // ---- the interactive incident ----
  prompts: {
    title: 'What went wrong? (a short title)',
    titleNeeded: 'A title helps you find it later.',
    fault: 'Whose fault does it look like?',
    faultLabel: {
      company: "the company's (their product, service or staff failed)",
      'third-party': "someone else's (a carrier, a power cut, a supplier)",
      customer: 'mine (I made a mistake, or simply changed my mind)',
      unknown: 'not clear yet',
    } as Record<Fault, string>,
    firstContact: 'Log the first contact with them now?',
    firstContactAt: 'When was it? (such as 2026-11-23 18:00 or 23.11.2026 18:00)',
    notYet: (now: string) => `That is still to come (it is ${when(now)} now); give the time it happened.`,
    skipped: (reads: string, zoned: string) =>
      `The clocks here skipped that time when they went forward (it would be read as ${when(reads)}); give the time the clock showed, or the time with its offset from UTC (such as ${zoned}).`,
    beforeOpened: (opened: string) => `That is before the incident opened (${when(opened)}); give a time from then on.`,
    question: {
      channel: 'How did you get in touch?',
      reached_human: 'Did a live person answer?',
      wait_minutes: 'Minutes until a person answered (or until you gave up)',
      robot: 'Did a voice menu or a bot stand in the way?',
      queue_position: 'Your place in the queue, if they said (Enter to skip)',
      dropped: 'Was the call or chat cut off, or left unanswered?',
      level: 'Who was it? (how far up the company)',
      note: 'Note (names, what was said; Enter to skip)',
      text: 'What exactly did they say? (their words)',
      due: 'By when? (such as 2026-11-23 18:00 or 23.11.2026 18:00)',
      kept: 'Was it kept?',
      amount: 'How much? (Enter to skip)',
      currency: 'Currency (ISO code such as EUR or RUB; Enter to skip)',
      kind: 'What kind of compensation?',
      proactive: 'Did they offer it without being asked?',
      effort: 'What did you have to do to get it?',
      policy: 'Did they say it was company policy?',
      outcome: 'How did it end?',
    } as Record<string, string>,
    needed: 'This one is needed.',
    wholeNumber: (max: number) => `A whole number from 0 to ${fmt.number(max)}, please.`,
    aNumber: 'A number, please, such as 50 or 12,5.',
    aDate: 'A date such as 2026-11-23 18:00, 23.11.2026 18:00 or today 18:00.',
    anOffset: (offset: string) => `No clock is ${offset} from UTC (they run from -12:00 to +14:00); the real offset, or none for local time, please.`,
    aYear: (year: number, first: number, last: number) => `That is in the year ${year}; a date from ${first} to ${last}, please.`,
    dueBeforeMade: (at: string) => `A promise cannot fall due before it was made (${when(at)}); a later time, please.`,
    aCurrency: 'A three-letter code such as EUR.',
  },
};

export type Catalog = typeof en;
