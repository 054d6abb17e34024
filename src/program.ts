// The command tree: names, flags and help only. Each action loads its command module
// when it runs, so a command imports only what it uses.

import { Command, Option } from 'commander';
import type { CommandLoader } from './main.js';
import type { GlobalOptions } from './context.js';
import { VERSION } from './version.js';

export type Runner = (load: CommandLoader, globals: GlobalOptions, params: unknown[]) => Promise<void>;

function examples(...lines: string[]): string {
  return `Examples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Usage errors as one line on stderr, with where to read more. */
function oneLine(command: string) {
  return (message: string, write: (s: string) => void) =>
    write(`vetted: ${message.trim().replace(/^error: /, '').replace(/\s*\n\s*/g, ' ').replace(/\.$/, '')}; see \`${command} --help\`.\n`);
}

export function buildProgram(run: Runner): Command {
  const program = new Command('vetted')
    .description('Vet vendors before you buy, log bad service as it happens, and keep fair black and white lists of companies.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--db <path>', 'the database file (default: $VETTED_DB, else the user data folder)')
    .option('--lang <lang>', 'language of checklists and messages: en or ru (default: from $LANG)')
    .option('--no-color', 'no colour in the output (NO_COLOR=1 does the same)')
    .option('--debug', 'show the stack of unexpected errors')
    .exitOverride()
    .configureOutput({ outputError: oneLine('vetted') })
    .addHelpText(
      'before',
      examples(
        'vetted check "Elefant.ro"                      # vet a vendor before buying',
        'vetted incident add Volgatelecom               # log a service failure as it unfolds',
        'vetted due                                     # broken promises and what to do next',
        'vetted lists black                             # who is on your black list, and why',
        'vetted export --format md --out lists.md       # publish your lists',
      ),
    );

  /** An action that loads `load` and runs it with the command's arguments and options. */
  const action =
    (load: CommandLoader) =>
    async (...args: unknown[]) => {
      const cmd = args[args.length - 1] as Command;
      const params = args.slice(0, -1);
      await run(load, cmd.optsWithGlobals() as GlobalOptions, params);
    };

  const sub = (parent: Command, name: string, description: string, ...ex: string[]) => {
    const c = parent.command(name).description(description).exitOverride();
    c.configureOutput({ outputError: oneLine(`vetted ${[parent.name() === 'vetted' ? '' : parent.name(), c.name()].filter(Boolean).join(' ')}`) });
    if (ex.length) c.addHelpText('before', examples(...ex));
    return c;
  };

  sub(
    program,
    'check <company>',
    'run a pre-purchase checklist on a vendor: interactive on a terminal, scriptable with answers given',
    'vetted check "Elefant.ro"',
    'vetted check Amazon --checklist online-order --lang ru',
    'vetted check "Some Shop" --answers answers.yaml --json',
    'vetted check Masterhost --answer who-helps=live-support --answer cancel=self-service ...',
  )
    .option('--checklist <id|file>', 'which checklist: an id (see `vetted checklists`) or a YAML file', 'general')
    .option('--answers <file>', 'answers as a YAML or JSON map of question id to answer value')
    .option('--answer <id=value>', 'one answer (repeat for more); overrides --answers', collect)
    .option('--note <id=text>', 'evidence for one answer: where you found it (repeatable)', collect)
    .option('--json', 'print the result as JSON')
    .action(action(() => import('./commands/check.js')));

  const checklists = sub(program, 'checklists', 'the built-in and your own checklists', 'vetted checklists', 'vetted checklists show general --lang ru', 'vetted checklists validate my-list.yaml');
  checklists
    .command('list', { isDefault: true })
    .description('list the checklists (the default)')
    .addHelpText('before', examples('vetted checklists list', 'vetted checklists list --json'))
    .option('--json', 'print as JSON')
    .action(action(async () => ({ run: (await import('./commands/checklists.js')).runList })));
  sub(checklists, 'show <id>', 'show a checklist: its questions, answers and scores', 'vetted checklists show general', 'vetted checklists show subscription --json')
    .option('--json', 'print as JSON')
    .action(action(async () => ({ run: (await import('./commands/checklists.js')).runShow })));
  sub(checklists, 'validate <file>', 'check a checklist file and name every problem with its line', 'vetted checklists validate ~/.config/vetted/checklists/laptop.yaml')
    .option('--json', 'print the problems as JSON')
    .action(action(async () => ({ run: (await import('./commands/checklists.js')).runValidate })));

  const company = sub(program, 'company', 'the companies you have evidence about', 'vetted company list', 'vetted company show Volgatelecom');
  sub(company, 'list', 'list the companies with their checks and incidents', 'vetted company list', 'vetted company list --json')
    .option('--json', 'print as JSON')
    .action(action(async () => ({ run: (await import('./commands/company.js')).runList })));
  sub(company, 'show <company>', "a company's profile: verdict, checks, incidents and service figures", 'vetted company show Volgatelecom', 'vetted company show Волгателеком --json')
    .option('--json', 'print as JSON')
    .action(action(async () => ({ run: (await import('./commands/company.js')).runShow })));
  sub(company, 'alias <company> <alias>', 'record another name of a company (another script or spelling)', 'vetted company alias Volgatelecom Волгателеком')
    .action(action(async () => ({ run: (await import('./commands/company.js')).runAlias })));

  registerRecordCommands(program, sub, action);
  return program;
}

type Sub = (parent: Command, name: string, description: string, ...ex: string[]) => Command;
type Action = (load: CommandLoader) => (...args: unknown[]) => Promise<void>;

/** Commands of the incident log, the lists, backups and the data file. */
function registerRecordCommands(program: Command, sub: Sub, action: Action): void {
  const incident = sub(
    program,
    'incident',
    'log a service failure as it unfolds: contacts, promises, escalations, apologies, compensation',
    'vetted incident add Volgatelecom --title "Internet down" --fault company',
    'vetted incident event volgatelecom-1 promise --text "fixed within 24 hours" --due 2026-11-23T18:00',
    'vetted incident show volgatelecom-1',
  );
  const load = () => import('./commands/incident.js');
  sub(incident, 'add <company>', 'open an incident (asks for what is missing on a terminal)', 'vetted incident add Volgatelecom', 'vetted incident add "Some Shop" --title "Parcel lost" --fault company --opened 2026-11-20 --json')
    .option('--title <text>', 'what went wrong, in a few words')
    .addOption(new Option('--fault <whose>', 'whose fault it looks like').choices(['company', 'third-party', 'customer', 'unknown']))
    .option('--opened <when>', 'when it started, ISO 8601 (default: now)')
    .option('--json', 'print the new incident as JSON')
    .action(action(async () => ({ run: (await load()).runAdd })));

  sub(
    incident,
    'event <id> <type>',
    'append one event to the timeline; types: contact, promise, escalation, apology, explanation, compensation, refusal, resolution, note',
    'vetted incident event volgatelecom-1 contact --channel phone --robot --reached-human --wait-minutes 25',
    'vetted incident event volgatelecom-1 promise --text "fixed within 24 hours" --due 2026-11-23T18:00',
    'vetted incident event volgatelecom-1 escalation --level supervisor --note "shift supervisor, Irina"',
    'vetted incident event volgatelecom-1 compensation --kind refund --amount 300 --currency RUB --effort paperwork --no-proactive',
    'vetted incident event volgatelecom-1 refusal --policy --text "delivery is paid by the buyer"',
  )
    .option('--at <when>', 'when it happened, ISO 8601 (default: now)')
    .addOption(new Option('--channel <how>', 'contact: how you got in touch').choices(['phone', 'chat', 'email', 'app', 'web', 'in-person', 'letter', 'social']))
    .option('--reached-human', 'contact: a live person answered')
    .option('--no-reached-human', 'contact: no live person answered')
    .option('--wait-minutes <n>', 'contact: minutes until a person answered (or until you gave up)')
    .option('--robot', 'contact: an IVR or bot stood in the way')
    .option('--no-robot', 'contact: no robot')
    .option('--queue-position <n>', 'contact: your place in the queue')
    .option('--dropped', 'contact: cut off or unanswered')
    .option('--no-dropped', 'contact: not cut off')
    .option('--text <words>', 'promise, refusal, note: what was said')
    .option('--due <when>', 'promise: when it falls due, ISO 8601')
    .option('--kept', 'promise: it was kept')
    .option('--no-kept', 'promise: it was not kept')
    .option('--amount <n>', 'compensation: how much')
    .option('--currency <code>', 'compensation: ISO 4217 code such as EUR')
    .addOption(new Option('--kind <kind>', 'compensation: what kind').choices(['refund', 'credit', 'replacement', 'repair', 'other']))
    .option('--proactive', 'compensation: offered without being asked')
    .option('--no-proactive', 'compensation: only when asked')
    .addOption(new Option('--effort <effort>', 'compensation: what you had to do').choices(['none', 'asked', 'paperwork', 'in-person', 'legal']))
    .option('--policy', 'refusal: stated as company policy')
    .option('--no-policy', 'refusal: not stated as policy')
    .option('--outcome <outcome>', 'resolution: resolved, partial, unresolved or abandoned')
    .option('--level <level>', 'how far up the company: frontline, supervisor, quality, management, regulator, court')
    .option('--note <text>', 'anything worth remembering')
    .option('--json', 'print the event and the new figures as JSON')
    .action(action(async () => ({ run: (await load()).runEvent })));

  sub(incident, 'list', 'list incidents', 'vetted incident list', 'vetted incident list --open --company Volgatelecom --json')
    .option('--company <company>', 'only this company')
    .option('--open', 'only open incidents')
    .option('--json', 'print as JSON')
    .action(action(async () => ({ run: (await load()).runList })));
  sub(incident, 'show <id>', 'the timeline in plain words, the figures, and what is still owed', 'vetted incident show volgatelecom-1', 'vetted incident show volgatelecom-1 --json')
    .option('--json', 'print the incident, with its metrics, as JSON')
    .action(action(async () => ({ run: (await load()).runShow })));
  sub(incident, 'close <id>', 'close an incident with its outcome (a resolution event)', 'vetted incident close volgatelecom-1 --outcome resolved', 'vetted incident close volgatelecom-1 --outcome abandoned --note "gave up"')
    .requiredOption('--outcome <outcome>', 'resolved, partial, unresolved or abandoned')
    .option('--at <when>', 'when it ended, ISO 8601 (default: now)')
    .option('--note <text>', 'anything worth remembering')
    .option('--json', 'print the event and the figures as JSON')
    .action(action(async () => ({ run: (await load()).runClose })));

  sub(program, 'due', 'promises past their deadline or coming due, stale incidents, and the next escalation step', 'vetted due', 'vetted due --json')
    .option('--json', 'print as JSON')
    .action(action(() => import('./commands/due.js')));

  sub(program, 'lists [list]', 'the black, white and watch lists, each company with its reason', 'vetted lists', 'vetted lists black', 'vetted lists --json', 'vetted lists --sources', 'vetted lists --from dmitry')
    .option('--json', 'print as JSON: {"black": [...], "white": [...], "watch": [...]}')
    .option('--sources', 'add, for each company, how your sources list it (such as "2 black · 1 white")')
    .option('--from <source>', "one source's lists as it gave them, instead of yours")
    .action(action(async () => ({ run: (await import('./commands/lists.js')).runLists })));
  sub(program, 'why <company>', 'the verdict on a company, every finding for and against, and what would change it', 'vetted why Volgatelecom', 'vetted why Волгателеком --json')
    .option('--json', 'print as JSON')
    .action(action(async () => ({ run: (await import('./commands/lists.js')).runWhy })));
  sub(program, 'pin <company> <list>', 'put a company on the black or white list by hand; always shown as "pinned by you"', 'vetted pin Zappos white --reason "they helped me order a pizza"')
    .requiredOption('--reason <text>', 'why: shown wherever the company appears')
    .action(action(async () => ({ run: (await import('./commands/pin.js')).runPin })));
  sub(program, 'unpin <company>', 'remove your pin: the evidence decides again', 'vetted unpin Zappos')
    .action(action(async () => ({ run: (await import('./commands/pin.js')).runUnpin })));
  const policy = sub(program, 'policy', 'the list policy: thresholds of the black and white rules', 'vetted policy show');
  sub(policy, 'show', 'print the policy in force (defaults, or your policy.yaml)', 'vetted policy show', 'vetted policy show --json')
    .option('--json', 'print as JSON')
    .action(action(async () => ({ run: (await import('./commands/policy.js')).runShow })));

  const source = sub(
    program,
    'source',
    "other people's shared lists and public complaint records, kept apart from your own evidence",
    'vetted source add dmitry-lists.json --name dmitry',
    'vetted source add complaints.csv.zip --name cfpb --kind cfpb',
    'vetted source list',
  );
  const loadSource = () => import('./commands/source.js');
  sub(source, 'add <file>', 'add a source: a shared vetted/1 file, or a CFPB complaint file (CSV or .zip) with --kind cfpb', 'vetted source add dmitry-lists.json --name dmitry', 'vetted source add complaints.csv --name cfpb --kind cfpb')
    .requiredOption('--name <name>', 'the name you will call this source by')
    .addOption(new Option('--kind <kind>', 'what the file is: vetted (a shared vetted/1 file) or cfpb (the CFPB complaint database)').choices(['vetted', 'cfpb']).default('vetted'))
    .action(action(async () => ({ run: (await loadSource()).runAdd })));
  sub(source, 'list', 'the sources, with their dates and how many of their companies you know', 'vetted source list', 'vetted source list --json')
    .option('--json', 'print as JSON')
    .action(action(async () => ({ run: (await loadSource()).runList })));
  sub(source, 'show <name>', "a source's provenance and companies, including the names you do not know", 'vetted source show dmitry', 'vetted source show cfpb --all')
    .option('--all', 'every company, not only the first 50 you do not know')
    .option('--json', 'print as JSON')
    .action(action(async () => ({ run: (await loadSource()).runShow })));
  sub(source, 'update <name> <file>', "replace a source's data whole with a newer file", 'vetted source update dmitry dmitry-lists-2027.json', 'vetted source update cfpb complaints.csv.zip')
    .action(action(async () => ({ run: (await loadSource()).runUpdate })));
  sub(source, 'remove <name>', 'remove a source and everything read from it', 'vetted source remove dmitry')
    .action(action(async () => ({ run: (await loadSource()).runRemove })));
  sub(source, 'match <name> [company]', "suggest which of a source's names are your companies; confirm one with `vetted company alias`", 'vetted source match cfpb', 'vetted source match cfpb "Bank of America"')
    .option('--json', 'print as JSON')
    .action(action(async () => ({ run: (await loadSource()).runMatch })));

  sub(program, 'backup', 'copy the database safely (SQLite online backup), by default into a backups folder beside it', 'vetted backup', 'vetted backup --out ~/vetted-2026-11-22.db')
    .option('--out <file>', 'where to write the backup (default: <data folder>/backups/vetted-backup-<time>.db)')
    .action(action(async () => ({ run: (await import('./commands/backup.js')).runBackup })));
  sub(program, 'restore <file>', 'replace the database with a backup, after checking it (the current one is kept as a backup first)', 'vetted restore ~/.local/share/vetted/backups/vetted-backup-20261122-101500.db')
    .action(action(async () => ({ run: (await import('./commands/backup.js')).runRestore })));

  sub(program, 'import <file>', 'merge a vetted/1 data file (JSON or YAML); importing the same file twice changes nothing', 'vetted import lists.yaml', 'vetted import backup.json --dry-run --json')
    .option('--dry-run', 'report what would be added; write nothing')
    .option('--json', 'print the report as JSON')
    .action(action(() => import('./commands/import.js')));

  sub(program, 'export', 'export the lists as markdown or CSV, or everything as a vetted/1 data file', 'vetted export --format md > lists.md', 'vetted export --format md --detail --lang ru --out lists.ru.md', 'vetted export --format json --out backup.json', 'vetted export --format csv --out lists.csv', 'vetted export --format json --share --source "Dmitry" --out my-lists.json')
    .addOption(new Option('--format <format>', 'md: the lists to publish; json: all your data; csv: one row per listed company').choices(['md', 'json', 'csv']).default('md'))
    .option('--out <file>', 'write to this file (atomically) instead of stdout')
    .option('--detail', 'md: add a section per company with its findings and timelines')
    .option('--share', 'json: a file for others to add as a source: your lists and their reasons, no private evidence')
    .option('--source <name>', 'with --share: the label others see the file by (such as your name)')
    .option('--with-evidence', 'with --share: add your checks and incidents, with e-mail, phone, card numbers and links redacted')
    .option('--no-redact', 'with --share --with-evidence: keep e-mail addresses, phone and card numbers and links as they are')
    .action(action(() => import('./commands/export.js')));
}

