// The English catalog: every word a person reads, as strings and as functions of facts.
// `Catalog` is its type: every other language's catalog must have every entry (tsc says
// which is missing). Plurals, numbers and dates come from Intl through `fmt`.

import type { Change, FindingFacts, Policy, RuleId } from '../domain/policy.js';
import type { CheckVerdict, Channel, CompensationKind, Effort, EventType, Fault, Level, ListName, Outcome, Placement } from '../domain/types.js';
import { formatsFor } from './format.js';
import type { AnswerProblem } from '../domain/checklist.js';

const fmt = formatsFor('en', 'en-CA');
const q = (s: string) => `"${s}"`;
/** A date-time as the record writes it (ISO 8601), on a terminal in English. */
const iso = (s: string) => s;
/** The word with its article: "a promise", "an escalation". */
const an = (w: string) => `${/^[aeiou]/i.test(w) ? 'an' : 'a'} ${w}`;
const days = (n: number) => fmt.plural(n, { one: 'day', other: 'days' });
const minutes = (n: number) => fmt.plural(n, { one: 'minute', other: 'minutes' });

/** A duration in words: "2 days", "5 hours", "40 minutes". */
function duration(ms: number): string {
  const m = Math.round(Math.abs(ms) / 60_000);
  if (m < 60) return minutes(m);
  const h = Math.round(m / 60);
  if (h < 48) return fmt.plural(h, { one: 'hour', other: 'hours' });
  return days(Math.round(h / 24));
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

function finding(f: FindingFacts): string {
  switch (f.kind) {
    case 'refused':
      return `${f.policy ? 'refused as company policy' : `${levelWho[f.level]} refused`}${f.text ? `: ${q(f.text)}` : ''} (${f.incident})`;
    case 'reached-failed':
      return `reached ${levelWho[f.level]} and it still ended ${f.outcome} (${f.incident})`;
    case 'reached-no-amends':
      return `reached ${levelWho[f.level]}, which closed it ${f.outcome} with neither an apology nor compensation (${f.incident})`;
    case 'broken-promises': {
      const text = (t: string | null) => q(t ?? 'a promise');
      return f.promises.length === 1
        ? `promised ${text(f.promises[0].text)} and broke it${times(f.broken)} in ${days(f.days)} (${f.incident})`
        : `broke ${f.broken} promises in ${days(f.days)}: ${f.promises.map((p) => `${text(p.text)}${times(p.times)}`).join(', ')} (${f.incident})`;
    }
    case 'repeat':
      return `${f.incidents.length} incidents left unresolved within ${f.months} months of each other: ${f.incidents.map((i) => `${i.title} (${fmt.date(i.date)})`).join('; ')}`;
    case 'failed-check': {
      const why = f.dealbreakers.length ? `a dealbreaker answer to ${f.dealbreakers.join(', ')}` : `score ${f.score} is below ${f.below}`;
      return `the pre-purchase check (${f.checklist}) on ${fmt.date(f.date)} scored ${f.score}: avoid (${why})`;
    }
    case 'recovery': {
      const extras = [f.apologised ? 'apologised' : '', f.explained ? 'explained' : '', f.compensated === 'unasked' ? 'compensated unasked' : f.compensated === 'asked' ? 'compensated when asked' : ''].filter(Boolean);
      return `put things right without a fight${extras.length ? `, ${extras.join(', ')}` : ''} (${f.incident})`;
    }
    case 'unasked':
      return `offered ${f.what} without being asked (${f.incident})`;
    case 'customer-fault':
      return `gave ${f.what === 'other' || f.what === 'compensation' ? 'compensation' : `a ${f.what}`} though the fault was the customer's (${f.incident})`;
    case 'passed-check':
      return `the pre-purchase check (${f.checklist}) on ${fmt.date(f.date)} scored ${f.score}: go`;
    case 'watch-incident': {
      const parts = [f.open_since ? `open since ${fmt.date(f.open_since)}` : f.outcome ? `closed ${f.outcome}` : 'closed'];
      if (f.broken) parts.push(fmt.plural(f.broken, { one: 'broken promise', other: 'broken promises' }));
      if (f.robots) parts.push(`${fmt.plural(f.robots, { one: 'contact', other: 'contacts' })} blocked by a robot or dropped`);
      if (f.stayed_with) parts.push(`it stayed with ${levelWho[f.stayed_with]}`);
      return `${f.incident}: ${parts.join(', ')}`;
    }
    case 'watch-check':
      return `the pre-purchase check (${f.checklist}) on ${fmt.date(f.date)} scored ${f.score}: ${f.verdict}`;
    case 'pin':
      return `pinned by you: ${f.reason}`;
  }
}

function change(c: Change): string {
  switch (c.kind) {
    case 'unpin':
      return `unpin it (vetted unpin ${q(c.company)}) to let the evidence decide${c.evidence_says ? `: it would then be on the ${c.evidence_says} list` : ''}`;
    case 'deeds-to-white':
      return 'a failure handled well from now on, newer than this evidence, would move it to the white list; a passed check would not, for deeds decide over words';
    case 'deeds-to-black':
      return 'a failure the company does not put right, or broken promises, newer than this evidence, would move it to the black list; a failed check would not, for deeds decide over words';
    case 'words-to-white':
      return 'a newer passed check, or any failure handled well, would move it to the white list';
    case 'words-to-black':
      return 'a newer failed check, or any failure the company does not put right, would move it to the black list';
    case 'watch-to-black':
      return `black: if a failure reaches ${levelWho[c.level]} or above and is not put right, ${c.promises} promises are broken in one incident, or a check fails`;
    case 'watch-to-white':
      return 'white: if a failure is put right without a fight, compensation comes unasked, or a check passes';
    case 'any-evidence':
      return 'any check or incident would put it on a list';
  }
}

export const en = {
  lang: 'en',
  fmt,
  duration,

  // ---- the closed vocabularies: the words shown for each id (and accepted as input) ----
  words: {
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
  },
  vocabulary: {
    notOne: (flag: string, values: string[], given: string) => `${flag} takes ${values.join(', ')}, not ${q(given)}.`,
  },

  // ---- the policy ----
  rules: {
    title: ruleTitle,
    explain: {
      B1: () => 'one rude employee is not the company, but when the quality department or management did not help, or a refusal is company policy, the company itself failed',
      B2: (p: Policy) => `${p.broken_promises} or more promises broken within one incident are a pattern, not one employee's slip`,
      B3: (p: Policy) => `${p.repeat_unresolved} failures left unresolved within ${p.repeat_window_months} months of each other are a habit`,
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
    title: { black: 'Black list', white: 'White list', watch: 'Watch list' } as Record<ListName, string>,
    nobody: 'nobody',
    pinTag: 'pin',
    since: (date: string | null) => `since ${date ? fmt.date(date) : '—'}`,
    more: (n: number) => `(+${n} more)`,
    empty: 'No company is on a list yet: vet one with `vetted check`, log an incident, or `vetted import` a data file.',
    noSuchList: (given: string) => `there is no ${q(given)} list; the lists are black, white and watch.`,
  },
  why: {
    head: (list: Placement, since: string | null) => (list === 'unlisted' ? 'on no list' : `on the ${list} list${since ? ` since ${fmt.date(since)}` : ''}`),
    is: 'is',
    pinnedMark: ' (pinned by you)',
    decidedBy: 'Decided by:',
    watchNote: 'No black or white rule holds: failures that stayed with the front line or a supervisor are one employee, not the company.',
    against: (n: number) => `Against (black rules that hold): ${n || 'none'}`,
    for: (n: number) => `For (white rules that hold): ${n || 'none'}`,
    onWatch: 'On watch because of',
    setAside: (n: number) => `Not counted (${n}): what a check says, beside what the company did`,
    setAsideWhy: 'a check says what a company promises; your incidents say what it did, and deeds decide over words.',
    bothSides: (list: string, since: string | null) => `Both sides hold; the newest evidence decides (black on a tie): ${list} evidence from ${since ? fmt.date(since) : '—'}.`,
    evidence: 'The evidence',
    incidentSpan: (opened: string, closed: string | null, outcome: Outcome | null) =>
      `${fmt.date(opened)}${outcome ? ` to ${closed ? fmt.date(closed) : ''}, ${outcome}` : ', still open'}`,
    incidentFacts: (fault: Fault, contacts: number, highest: Level) =>
      `fault: ${fault} · ${fmt.plural(contacts, { one: 'contact', other: 'contacts' })} · highest level reached: ${highest}`,
    promisesLine: (broken: number, total: number, apologised: boolean, explained: boolean, compensations: string[]) =>
      `promises: ${broken} of ${total} broken · apology: ${apologised ? 'yes' : 'no'} · explanation: ${explained ? 'yes' : 'no'} · compensation: ${compensations.length ? compensations.join('; ') : 'none'}`,
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

  // ---- check ----
  check: {
    record: (name: string, list: Placement, since: string | null) =>
      list === 'unlisted' ? `${name}: no record yet (on no list).` : `${name}: on the ${list} list since ${since ? fmt.date(since) : '—'}.`,
    recordReason: (rule: string, text: string) => `  decided by ${rule}: ${text}`,
    recordCounts: (open: number, broken: number) =>
      `  ${fmt.plural(open, { one: 'open incident', other: 'open incidents' })}, ${fmt.plural(broken, { one: 'broken promise', other: 'broken promises' })}`,
    nowChanged: (from: Placement, to: Placement) =>
      to === 'unlisted' ? 'Now: on no list.' : `Now: on the ${to} list${from !== to ? ` (it was ${from === 'unlisted' ? 'on no list' : `on the ${from} list`})` : ''}.`,
    notChanged: (list: Placement) => `Now: still on the ${list} list: this check did not change the verdict.`,
    whyNotDeeds: 'A check says what a company promises; your incidents say what it did, and deeds decide over words.',
    whyNotPin: 'You pinned it: a pin decides until you unpin it.',
    whyNotOlder: 'Newer evidence of the other side still decides.',
  },

  // ---- company ----
  company: {
    alsoKnown: (names: string) => `also known as ${names}`,
    partOf: (name: string) => `part of ${name}`,
    head: (list: Placement, since: string | null) => (list === 'unlisted' ? 'on no list (no evidence yet)' : `on the ${list} list since ${since ? fmt.date(since) : '—'}`),
    subsidiaries: 'Subsidiaries',
    ownEvidence: ' (judged on their own evidence)',
    figures: 'Service figures',
    checks: (n: number) => `Checks (${n})`,
    noChecks: (name: string) => `  none yet: vetted check ${q(name)}`,
    incidents: (n: number) => `Incidents (${n})`,
    none: '  none',
    checkHeaders: ['ID', 'DATE', 'CHECKLIST', 'SCORE', 'VERDICT', 'DEALBREAKERS'],
    incidentHeaders: ['ID', 'OPENED', 'FAULT', 'STATE', 'TITLE'],
    listHeaders: ['COMPANY', 'ALIASES', 'CATEGORY', 'CHECKS', 'INCIDENTS', 'OPEN'],
    open: 'open',
    closed: 'closed',
    never: 'never reached one',
    figureLines: (f: {
      median: number | null;
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
      `time to a live person (median): ${f.median === null ? 'never reached one' : minutes(f.median)}`,
      `contacts blocked by a robot or dropped: ${f.blocked} of ${f.contacts}`,
      `promises: ${f.kept} kept, ${f.broken} broken`,
      `incidents resolved: ${f.resolved} of ${f.incidents}`,
      `apologies: ${f.apologies} · explanations: ${f.explanations} · compensations: ${f.compensations} (${f.unasked} unasked)`,
      `highest level you had to reach: ${f.highest ?? '—'}`,
    ],
    noCompanies: 'No companies yet. Start with `vetted check "Some Shop"` or `vetted incident add "Some Shop"`.',
    aliasExists: (alias: string, name: string) => `${q(alias)} already names ${name}.`,
    aliasAdded: (alias: string, name: string) => `${q(alias)} is now another name of ${name}.`,
  },

  // ---- incidents ----
  incident: {
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
      promise: (text: string | null, lvl: string, due: string, state: string) => `promise ${text ? q(text) : '(no words recorded)'}${lvl}, due ${iso(due)}: ${state}`,
      escalation: (to: Level) => `escalated to ${to}`,
      apology: (lvl: string) => `apology${lvl}`,
      explanation: (lvl: string) => `explanation${lvl}`,
      compensation: (what: string, how: string, lvl: string) => `compensation: ${what}${how ? ` (${how})` : ''}${lvl}`,
      compensationWhat: (kind: CompensationKind | undefined, amount: string) => [kind ?? 'compensation', amount].filter(Boolean).join(' '),
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
    promiseOnPage: (text: string | null, lvl: string, due: string, state: 'kept' | 'broken' | 'pending') =>
      `promise ${text ? q(text) : '(no words recorded)'}${lvl}, due ${fmt.dateTime(due)}: ${state === 'pending' ? 'not yet due' : state}`,
    metrics: (m: {
      contacts: number;
      robots: number;
      dropped: number;
      toHuman: number | null;
      promises: number;
      broken: number;
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
        `time to a live person: ${m.toHuman === null ? 'never reached one' : minutes(m.toHuman)}`,
        `promises: ${m.promises}, broken: ${m.broken}`,
        `highest level reached: ${m.highest}`,
        `apologised: ${yn(m.apologised)} · explained: ${yn(m.explained)} · compensated: ${yn(m.compensated)}${m.compensated ? ` (${m.proactive ? 'unasked' : 'only when asked'}; it took: ${m.effort ?? 'none'})` : ''}`,
        `days open: ${m.daysOpen}`,
      ];
    },
    owedPromise: (text: string | null, due: string) => `the promise ${text ? q(text) : 'made'} (due ${iso(due)})`,
    owedFix: 'a fix: the incident is still open',
    owedApology: 'an apology',
    owedExplanation: 'an explanation of what went wrong',
    owedCompensation: 'compensation',
    head: (opened: string, fault: Fault, state: string) => `opened ${iso(opened)} · fault: ${fault} · ${state}`,
    closedAs: (o: Outcome) => `closed ${o}`,
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
    next: (ref: string) => `next: vetted incident event ${ref} contact --channel phone --reached-human --wait-minutes 12`,
    logged: (type: EventType, id: string, company: string, at: string) => `logged ${type} on ${id} (${company}) at ${iso(at)}`,
    beforeOpened: (at: string, opened: string) => `note: this event (${iso(at)}) is before the incident was opened (${iso(opened)}).`,
  },

  // ---- due ----
  due: {
    nothing: 'No open incidents: nothing is due.',
    broken: 'broken',
    due: 'due',
    stale: 'stale',
    aPromise: 'a promise',
    brokenLine: (text: string, due: string, lateMs: number) => `${q(text)} — due ${iso(due)}, ${duration(lateMs)} ago`,
    dueLine: (text: string, due: string, inMs: number) => `${q(text)} — in ${duration(inMs)} (${iso(due)})`,
    staleLine: (n: number) => `no event for ${days(n)}`,
    next: 'next:',
    step: {
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
      timeline: 'Keep the timeline: log every call, chat and letter as it happens',
    },
    why: {
      escalate: (broken: number, since: string | null, refusals: number, at: Level) =>
        `${[broken ? `${fmt.plural(broken, { one: 'promise', other: 'promises' })} broken since ${since ? fmt.date(since) : ''}` : '', refusals ? fmt.plural(refusals, { one: 'refusal', other: 'refusals' }) : ''].filter(Boolean).join(' and ')} ${levelWhere[at]}`,
      compensation: (n: number) => `the service has failed you${n >= 1 ? ` for ${days(n)}` : ''} and nothing has been offered`,
      chase: (n: number) => `nothing has happened for ${days(n)}`,
      timeline: 'dates and names are your evidence',
    },
  },

  // ---- pins ----
  pin: {
    notAList: (given: string) => `a company is pinned to black or white, not ${q(given)}.`,
    needsReason: 'a pin needs --reason "why": it is shown as "pinned by you: …" wherever the company appears.',
    pinned: (name: string, list: string, reason: string) => `pinned ${name} to the ${list} list: ${reason}`,
    notPinned: (name: string) => `${name} is not pinned; nothing to undo.`,
    unpinned: (name: string) => `unpinned ${name}: the evidence decides its list again (see \`vetted why ${q(name)}\`).`,
  },

  // ---- errors and hints shared by commands ----
  errors: {
    emptyName: 'a company name cannot be empty; give the name the company uses.',
    longName: (max: number) => `a company name can be at most ${max} characters; shorten it.`,
    longNote: (what: string, max: number) => `${what} can be at most ${max} characters; shorten it.`,
    aNote: 'a note',
    noCompany: (name: string, db: string) => `there is no company ${q(name)} in ${db}; see \`vetted company list\`.`,
    didYouMean: (names: string[]) => ` Did you mean ${names.map(q).join(' or ')}? (it looks the same but is spelled with other letters)`,
    lookalike: (name: string, like: string[]) =>
      `warning: ${q(name)} looks like ${like.map(q).join(', ')} but is spelled with letters of another script; they are kept as different companies.`,
    pairs: (flag: string, given: string) => `${flag} takes ID=VALUE, such as ${flag} who-helps=live-support; ${q(given)} has no "=".`,
    backedUp: (path: string) => `backed up the database to ${path} before upgrading it`,
    noIncident: (id: string) => `there is no incident ${q(id)}; see \`vetted incident list\` for the ids.`,
    badDate: (flag: string, given: string) => `${flag} takes an ISO 8601 date such as 2024-07-12 or 2024-07-12T09:30, and ${q(given)} is not one (or not a real date).`,
    emptyTitle: '--title cannot be empty; say in a few words what went wrong.',
    longTitle: (max: number) => `a title can be at most ${max} characters; shorten it.`,
    notForType: (flag: string, type: string, flags: string[]) => `${flag} does not apply to ${an(type)} event; ${an(type)} takes ${flags.join(', ')}.`,
    wholeNumber: (flag: string, given: string) => `${flag} takes a whole number, 0 or more, not ${q(given)}.`,
    number: (flag: string, given: string) => `${flag} takes a number such as 50 or 12.5, not ${q(given)}.`,
    currency: (flag: string, given: string) => `${flag} takes a three-letter ISO 4217 code such as EUR, not ${q(given)}.`,
    needsTitle: 'an incident needs a title: give --title "what went wrong" (or run on a terminal to be asked).',
    notEventType: (given: string, types: string[]) => `${q(given)} is not an event type; the types are: ${types.join(', ')}.`,
    eventNeeds: (type: string, flags: string[], promise: boolean) =>
      `${an(type)} event needs ${flags.join(' and ')}${promise ? ' (when it falls due, such as --due 2024-07-13T18:00)' : ''}.`,
    duplicateEvent: (type: string, at: string, id: string) => `this ${type} at ${iso(at)} is on the timeline of ${id} already; nothing was added.`,
    needsOutcome: (values: string[]) => `say how it ended: --outcome ${values.join('|')}.`,
    damaged: (detail: string) => `vetted: the database is damaged (SQLite says: ${detail}); restore a backup with \`vetted restore FILE\`, or pass --db with another file.`,
    diskFull: 'vetted: the disk is full, so nothing was saved; free some space and run the command again.',
    ioError: (detail: string) => `vetted: the disk refused a write (${detail}): check free space, quotas and the disk itself; nothing was saved.`,
    busy: 'vetted: the database is busy with another vetted process; nothing was saved, try again in a moment.',
    readOnly: (detail: string) => `vetted: cannot write there (${detail}); check the permissions, or pass --db with another path.`,
    unexpected: (detail: string, stack: string | null) => `vetted: unexpected error: ${detail}; please report it${stack === null ? ' (run again with --debug to see the details)' : `\n${stack}`}`,
    usage: (message: string, command: string) => `vetted: ${message}; see \`${command} --help\`.`,
    checklistFallback: (id: string, wanted: string, has: string) => `note: the ${id} checklist has no ${wanted} text; it is shown in ${has}.`,
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
    helpCommand: 'display help for command',
    // commander's own error messages, turned into one line by the program.
    unknownOption: (flag: string) => `unknown option '${flag}'`,
    unknownCommand: (name: string) => `unknown command '${name}'`,
    missingArgument: (name: string) => `missing required argument '${name}'`,
    missingOption: (flag: string) => `required option '${flag}' not specified`,
    optionNeedsValue: (flag: string) => `option '${flag}' argument missing`,
    tooManyArguments: (n: number) => `too many arguments: this command takes ${n}`,
    didYouMean: (s: string) => ` (did you mean ${s}?)`,
    usageWords: { '[options]': '[options]', '[command]': '[command]' } as Record<string, string>,
    placeholder: {} as Record<string, string>,
    ex: {
      check: ['vetted check "Elefant.ro"', 'vetted check Amazon --checklist online-order --lang ru', 'vetted check "Some Shop" --answers answers.yaml --json', 'vetted check Masterhost --answer who-helps=live-support --answer cancel=self-service ...'],
      checklists: ['vetted checklists', 'vetted checklists show general --lang ru', 'vetted checklists validate my-list.yaml'],
      'checklists list': ['vetted checklists list', 'vetted checklists list --json'],
      'checklists show': ['vetted checklists show general', 'vetted checklists show subscription --json'],
      'checklists validate': ['vetted checklists validate ~/.config/vetted/checklists/laptop.yaml'],
      company: ['vetted company list', 'vetted company show Volgatelecom'],
      'company list': ['vetted company list', 'vetted company list --json'],
      'company show': ['vetted company show Volgatelecom', 'vetted company show Волгателеком --json'],
      'company alias': ['vetted company alias Volgatelecom Волгателеком'],
      incident: ['vetted incident add Volgatelecom --title "Internet down" --fault company', 'vetted incident event volgatelecom-1 promise --text "fixed within 24 hours" --due 2026-11-23T18:00', 'vetted incident show volgatelecom-1'],
      'incident add': ['vetted incident add Volgatelecom', 'vetted incident add "Some Shop" --title "Parcel lost" --fault company --opened 2026-11-20 --json'],
      'incident event': [
        'vetted incident event volgatelecom-1 contact --channel phone --robot --reached-human --wait-minutes 25',
        'vetted incident event volgatelecom-1 promise --text "fixed within 24 hours" --due 2026-11-23T18:00',
        'vetted incident event volgatelecom-1 escalation --level supervisor --note "shift supervisor, Irina"',
        'vetted incident event volgatelecom-1 compensation --kind refund --amount 300 --currency RUB --effort paperwork --no-proactive',
        'vetted incident event volgatelecom-1 refusal --policy --text "delivery is paid by the buyer"',
      ],
      'incident list': ['vetted incident list', 'vetted incident list --open --company Volgatelecom --json'],
      'incident show': ['vetted incident show volgatelecom-1', 'vetted incident show volgatelecom-1 --json'],
      'incident close': ['vetted incident close volgatelecom-1 --outcome resolved', 'vetted incident close volgatelecom-1 --outcome abandoned --note "gave up"'],
      due: ['vetted due', 'vetted due --json'],
      lists: ['vetted lists', 'vetted lists black', 'vetted lists --json'],
      why: ['vetted why Volgatelecom', 'vetted why Волгателеком --json'],
      pin: ['vetted pin Zappos white --reason "they helped me order a pizza"'],
      unpin: ['vetted unpin Zappos'],
      policy: ['vetted policy show'],
      'policy show': ['vetted policy show', 'vetted policy show --json'],
      backup: ['vetted backup', 'vetted backup --out ~/vetted-2026-11-22.db'],
      restore: ['vetted restore ~/.local/share/vetted/backups/vetted-backup-20261122-101500.db'],
      import: ['vetted import lists.yaml', 'vetted import backup.json --dry-run --json'],
      export: ['vetted export --format md > lists.md', 'vetted export --format md --detail --lang ru --out lists.ru.md', 'vetted export --format json --out backup.json', 'vetted export --format csv --out lists.csv'],
    } as Record<string, string[]>,
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
      check: 'run a pre-purchase checklist on a vendor: interactive on a terminal, scriptable with answers given',
      checklists: 'the built-in and your own checklists',
      'checklists list': 'list the checklists (the default)',
      'checklists show': 'show a checklist: its questions, answers and scores',
      'checklists validate': 'check a checklist file and name every problem with its line',
      company: 'the companies you have evidence about',
      'company list': 'list the companies with their checks and incidents',
      'company show': "a company's profile: verdict, checks, incidents and service figures",
      'company alias': 'record another name of a company (another script or spelling)',
      incident: 'log a service failure as it unfolds: contacts, promises, escalations, apologies, compensation',
      'incident add': 'open an incident (asks for what is missing on a terminal)',
      'incident event': 'append one event to the timeline; types: contact, promise, escalation, apology, explanation, compensation, refusal, resolution, note',
      'incident list': 'list incidents',
      'incident show': 'the timeline in plain words, the figures, and what is still owed',
      'incident close': 'close an incident with its outcome (a resolution event)',
      due: 'promises past their deadline or coming due, stale incidents, and the next escalation step',
      lists: 'the black, white and watch lists, each company with its reason',
      why: 'the verdict on a company, every finding for and against, and what would change it',
      pin: 'put a company on the black or white list by hand; always shown as "pinned by you"',
      unpin: 'remove your pin: the evidence decides again',
      policy: 'the list policy: thresholds of the black and white rules, and the order in which they decide',
      'policy show': 'print the policy in force (defaults, or your policy.yaml) and how its findings decide',
      backup: 'copy the database safely (SQLite online backup), by default into a backups folder beside it',
      restore: 'replace the database with a backup, after checking it (the current one is kept as a backup first)',
      import: 'merge a vetted/1 data file (JSON or YAML); importing the same file twice changes nothing',
      export: 'export the lists as markdown or CSV, or everything as a vetted/1 data file',
    } as Record<string, string>,
    opt: {
      json: 'print as JSON',
      checkJson: 'print the result as JSON',
      checklist: 'which checklist: an id (see `vetted checklists`) or a YAML file',
      answers: 'answers as a YAML or JSON map of question id to answer value',
      answer: 'one answer (repeat for more); overrides --answers',
      checkNote: 'evidence for one answer: where you found it (repeatable)',
      validateJson: 'print the problems as JSON',
      title: 'what went wrong, in a few words',
      fault: (values: string) => `whose fault it looks like: ${values}`,
      opened: 'when it started, ISO 8601 (default: now)',
      addJson: 'print the new incident as JSON',
      at: 'when it happened, ISO 8601 (default: now)',
      channel: (values: string) => `contact: how you got in touch: ${values}`,
      reachedHuman: 'contact: a live person answered',
      noReachedHuman: 'contact: no live person answered',
      waitMinutes: 'contact: minutes until a person answered (or until you gave up)',
      robot: 'contact: an IVR or bot stood in the way',
      noRobot: 'contact: no robot',
      queuePosition: 'contact: your place in the queue',
      dropped: 'contact: cut off or unanswered',
      noDropped: 'contact: not cut off',
      text: 'promise, refusal, note: what was said',
      due: 'promise: when it falls due, ISO 8601',
      kept: 'promise: it was kept',
      noKept: 'promise: it was not kept',
      amount: 'compensation: how much',
      currency: 'compensation: ISO 4217 code such as EUR',
      kind: (values: string) => `compensation: what kind: ${values}`,
      proactive: 'compensation: offered without being asked',
      noProactive: 'compensation: only when asked',
      effort: (values: string) => `compensation: what you had to do: ${values}`,
      policy: 'refusal: stated as company policy',
      noPolicy: 'refusal: not stated as policy',
      outcome: (values: string) => `resolution: ${values}`,
      level: (values: string) => `how far up the company: ${values}`,
      note: 'anything worth remembering',
      eventJson: 'print the event and the new figures as JSON',
      company: 'only this company',
      open: 'only open incidents',
      showJson: 'print the incident, with its metrics, as JSON',
      closeOutcome: (values: string) => `how it ended: ${values}`,
      closeAt: 'when it ended, ISO 8601 (default: now)',
      closeJson: 'print the event and the figures as JSON',
      listsJson: 'print as JSON: {"black": [...], "white": [...], "watch": [...]}',
      reason: 'why: shown wherever the company appears',
      out: 'where to write the backup (default: <data folder>/backups/vetted-backup-<time>.db)',
      dryRun: 'report what would be added; write nothing',
      importJson: 'print the report as JSON',
      format: 'md: the lists to publish; json: all your data; csv: one row per listed company',
      exportOut: 'write to this file (atomically) instead of stdout',
      detail: 'md: add a section per company with its findings and timelines',
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
    dealbreakers: 'Dealbreakers',
    none: 'none',
    weakest: 'Weakest answers',
    askBefore: 'Before you pay, ask the vendor',
    evidence: 'evidence',
    stored: (id: number) => `saved as check ${id}`,
    weight: 'weight',
    notCounted: 'not counted',
  },

  // ---- the data file, backups ----
  data: {
    folder: (file: string) => `${file} is a folder, not a data file; give the path of a JSON or YAML file.`,
    noFile: (file: string) => `there is no file ${file}; check the path.`,
    tooBig: (file: string, mb: number, max: number) => `${file} is ${mb} MB; vetted reads data files of up to ${max} MB, so split it into smaller files.`,
    sections: { companies: 'companies', aliases: 'aliases', checks: 'checks', incidents: 'incidents', events: 'events', pins: 'pins' } as Record<string, string>,
    counts: (label: string, added: number, dryRun: boolean, existing: number) => `${label}: ${added} ${dryRun ? 'to add' : 'added'}${existing ? `, ${existing} already there` : ''}`,
    dryRunHead: (file: string) => `${file} (dry run, nothing written)`,
    importedHead: (file: string) => `imported ${file}`,
    nothing: 'nothing in it',
    invalid: (file: string, problems: string) => `${file} is not a valid vetted/1 data file: ${problems}; nothing was imported.`,
    progress: (pct: number, done: number, total: number) => `importing… ${pct}% (${done} of ${total} records)`,
    note: (file: string, n: string) => `note: ${file}: ${n}`,
    noDatabase: (path: string) => `there is no database at ${path} yet, so there is nothing to back up.`,
    backedUp: (from: string, to: string) => `backed up ${from} to ${to}`,
    isItself: 'that is the database itself; give the path of a backup.',
    keptAs: (path: string) => `kept the database as it was in ${path}`,
    restored: (path: string, from: string) => `restored ${path} from ${from}`,
    badFormat: (given: string) => `--format takes md, json or csv, not "${given}".`,
    wrote: (file: string) => `wrote ${file}`,
  },

  answers: {
    problem: (p: AnswerProblem) =>
      p.kind === 'unknown-question'
        ? `"${p.given}" is not a question of the ${p.checklist} checklist; its questions are: ${p.questions.join(', ')}`
        : `"${p.given}" is not an answer to ${p.question}; valid answers are: ${p.values.join(', ')}`,
  },

  // ---- checklists ----
  checklists: {
    headers: ['ID', 'VERSION', 'QUESTIONS', 'SOURCE', 'TITLE'],
    source: { 'built-in': 'built-in', user: 'user', file: 'file' } as Record<string, string>,
    ownGoIn: (dir: string) => `Your own checklists go in ${dir} (see \`vetted checklists show general\` for the format).`,
    weight: (w: number) => `weight ${w}`,
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
    timeline: (id: string, title: string) => `Incident ${id}: ${title}`,
    csvColumns: ['list', 'company', 'since', 'pinned', 'rules', 'why', 'evidence'],
    yes: 'yes',
    no: 'no',
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
      due: 'By when? (date and time, such as 2026-11-23T18:00)',
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
    wholeNumber: 'A whole number, please.',
    aNumber: 'A number, please.',
    aDate: 'An ISO 8601 date such as 2026-11-23 or 2026-11-23T18:00.',
    aCurrency: 'A three-letter code such as EUR.',
  },
};

export type Catalog = typeof en;
