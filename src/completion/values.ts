// What a value is completed with, by the name of its option or argument. A new closed
// vocabulary or a new kind of id is one line here. A key is a name (`level`), or a command
// path and a name (`incident id`: every `<id>` of the incident commands); the longest path
// wins, and choices declared on an option in the command tree win over all.

import { CHANNELS, SENT_CHANNELS, COMPENSATION_KINDS, EFFORTS, EVENT_TYPES, FAULTS, LEVELS, LISTS, OUTCOMES } from '../domain/types.js';
import { LANGS } from '../domain/checklist.js';
import { CASES, DEMANDS, LETTER_KINDS } from '../domain/law.js';

/** Fixed words; a kind of name or id the hidden `__complete` command looks up; file names. */
export type Values = { words: readonly string[] } | { dynamic: DynamicKind; files?: boolean } | { files: true };

/** What `vetted __complete <kind> [prefix]` answers. */
export const DYNAMIC_KINDS = ['company', 'incident', 'checklist', 'event', 'check', 'source'] as const;
export type DynamicKind = (typeof DYNAMIC_KINDS)[number];

export const SHELLS = ['bash', 'zsh', 'fish'] as const;

/** The jurisdictions that come with vetted (`jurisdictions/*.yaml`). */
export const BUILT_IN_JURISDICTIONS = ['eu', 'none', 'ru', 'uk', 'us'] as const;

const words = (w: readonly string[]): Values => ({ words: w });

export const VALUES: Record<string, Values> = {
  // closed vocabularies
  level: words(LEVELS),
  outcome: words(OUTCOMES),
  channel: words(CHANNELS),
  'letter channel': words(SENT_CHANNELS),
  // the built-in jurisdictions (the folder of a user's own is not read to complete)
  'letter jurisdiction': words(BUILT_IN_JURISDICTIONS),
  'letter kind': words(LETTER_KINDS),
  'letter case': words(CASES),
  'letter demand': words(DEMANDS),
  kind: words(COMPENSATION_KINDS),
  effort: words(EFFORTS),
  fault: words(FAULTS),
  list: words(LISTS),
  'pin list': words(LISTS.filter((l) => l !== 'watch')),
  type: words(EVENT_TYPES),
  lang: words(LANGS),
  shell: words(SHELLS),
  // names and ids from the database and the checklist folders
  company: { dynamic: 'company' },
  'incident id': { dynamic: 'incident' },
  'letter id': { dynamic: 'incident' },
  'event list incident': { dynamic: 'incident' },
  'attachment list incident': { dynamic: 'incident' },
  'event-id': { dynamic: 'event' },
  'checks id': { dynamic: 'check' },
  'company merge from': { dynamic: 'company' },
  'company merge into': { dynamic: 'company' },
  'company edit parent': { dynamic: 'company' },
  // the sources: the one a command names (a new one's --name is the user's to choose)
  'source name': { dynamic: 'source' },
  'source add name': words([]),
  'lists from': { dynamic: 'source' },
  checklist: { dynamic: 'checklist', files: true },
  'checklists show id': { dynamic: 'checklist' },
  // files
  file: { files: true },
  // the files kept with an incident, and a letter's own template
  files: { files: true },
  template: { files: true },
  out: { files: true },
  answers: { files: true },
  db: { files: true },
};

/** The completer of an option or argument `name` of the command at `path`, if any. */
export function valuesFor(path: readonly string[], name: string, choices?: readonly string[]): Values | undefined {
  if (choices?.length) return words(choices);
  for (let n = path.length; n >= 0; n--) {
    const found = VALUES[[...path.slice(0, n), name].join(' ')];
    if (found) return found;
  }
  return undefined;
}
