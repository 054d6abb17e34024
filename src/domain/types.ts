// The words of the domain, shared by every layer. Pure data: no I/O here.

export const LEVELS = ['frontline', 'supervisor', 'quality', 'management', 'regulator', 'court'] as const;
export type Level = (typeof LEVELS)[number];

export const FAULTS = ['company', 'third-party', 'customer', 'unknown'] as const;
export type Fault = (typeof FAULTS)[number];

export const CHANNELS = ['phone', 'chat', 'email', 'app', 'web', 'in-person', 'letter', 'social'] as const;
/** How a letter was sent: the channels `letter --sent --channel` takes. */
export const SENT_CHANNELS = ['letter', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

export const OUTCOMES = ['resolved', 'partial', 'unresolved', 'abandoned'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const EFFORTS = ['none', 'asked', 'paperwork', 'in-person', 'legal'] as const;
export type Effort = (typeof EFFORTS)[number];

export const COMPENSATION_KINDS = ['refund', 'credit', 'replacement', 'repair', 'other'] as const;
export type CompensationKind = (typeof COMPENSATION_KINDS)[number];

export const EVENT_TYPES = [
  'contact',
  'promise',
  'escalation',
  'apology',
  'explanation',
  'compensation',
  'refusal',
  'resolution',
  'note',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const LISTS = ['black', 'white', 'watch'] as const;
export type ListName = (typeof LISTS)[number];
export type Placement = ListName | 'unlisted';

export const CHECK_VERDICTS = ['go', 'caution', 'avoid'] as const;
export type CheckVerdict = (typeof CHECK_VERDICTS)[number];

/** One timeline event, with the field names of the data file. Absent fields are left out. */
export interface IncidentEvent {
  /** Stable within its incident, `<incident id>#<n>`, numbered in the order recorded (absent until stored). */
  id?: string;
  at: string;
  type: EventType;
  level?: Level;
  note?: string;
  channel?: Channel;
  reached_human?: boolean;
  wait_minutes?: number;
  robot?: boolean;
  queue_position?: number;
  dropped?: boolean;
  text?: string;
  due?: string;
  kept?: boolean;
  amount?: number;
  currency?: string;
  kind?: CompensationKind;
  proactive?: boolean;
  effort?: Effort;
  policy?: boolean;
  outcome?: Outcome;
}

export interface Incident {
  id: string;
  company: string;
  title: string;
  opened: string;
  fault: Fault;
  closed?: string;
  /** Kept sorted by `at`, ties in the order they were logged. */
  events: IncidentEvent[];
}

export interface CheckRecord {
  /** Stable: `<company slug>-check-<n>`; the evidence reference is `check:<id>`. */
  id: string;
  company: string;
  checklist: string;
  checklist_version: number;
  at: string;
  score: number;
  verdict: CheckVerdict;
  /** Questions whose answer alone fails the check. */
  dealbreakers: string[];
}

export interface Pin {
  company: string;
  list: 'black' | 'white';
  reason: string;
  at: string;
}

/** Everything the list policy looks at for one company. */
export interface CompanyEvidence {
  company: string;
  checks: CheckRecord[];
  incidents: Incident[];
  pin?: Pin;
}

/** Who owes the reply to a letter the customer sent, when it is not the company: the regulator or the court it went to. */
export type ReplyOwer = 'regulator' | 'court';

/**
 * The digest of a timeline: what the list policy, `due` and `incident list` read of an
 * incident's events (see digest.ts, which makes it).
 */
export interface Digest {
  /** How many events the timeline has. */
  events: number;
  /** The time of the last event (of equal times, the one logged later); null with no event. */
  last: string | null;
  /** The levels the events were at, lowest first (an event that names none is frontline). */
  levels: Level[];
  /** The time of the first event at the highest level, when that is above the front line: since when the incident has been there. */
  reached: string | null;
  /** The time of the last event at that level other than a note of the user's: since when nothing has happened there. */
  lastThere: string | null;
  /** The last resolution with an outcome. */
  closing: { outcome: Outcome; at: string } | null;
  /** The levels the events were at by a closing that put the problem right (resolved; one of a
   * day alone, by the end of that day), where a level was first reached after it
   * (a word of thanks to management once the fix came): the levels the customer had to go to. */
  levelsByClosing?: Level[];
  /** Whether any event is more than a note: the company has been told. */
  told: boolean;
  apology: boolean;
  explanation: boolean;
  /** Contacts answered by a robot or dropped. */
  robots: number;
  /** The refusals, promises with a due time, and compensations: the fields read of them. */
  refusals: IncidentEvent[];
  /** Each with, for the reply a letter asked for, when the company answered it; `reply` marks
   * such a deadline (of a letter to anyone, a regulator's too): the customer's demand, not the
   * company's word; `replyOf` names who owes that reply when it is not the company (a letter to
   * a regulator or a court); `afterFix` marks one logged after the resolution that closed the
   * incident, in that resolution's minute, which the fix did not settle (see fixSettling). */
  promises: (IncidentEvent & { answered?: string; reply?: true; replyOf?: ReplyOwer; afterFix?: true })[];
  compensations: IncidentEvent[];
  /** Whether a promise may be owed, now or once it falls due: one `due` lists, broken or coming
   * due, at some time (see mayBeOwed). Absent where none is: the store reads only the incidents
   * with it set (and the open ones) for `due` and its calendar. */
  owing?: true;
}

/** An incident as the policy reads it: its own fields and the digest of its events. */
export type DigestedIncident = Omit<Incident, 'events'> & { digest: Digest };

/** A company's evidence as the list policy reads it: each incident by the digest of its events. */
export interface CompanyFacts {
  company: string;
  checks: CheckRecord[];
  incidents: DigestedIncident[];
  pin?: Pin;
}
