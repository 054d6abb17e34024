// The command tree: names, flags and help only. Each action loads its command module
// when it runs, so a command imports only what it uses.

import { Command, Option } from 'commander';
import type { CommandLoader } from './main.js';
import type { GlobalOptions } from './context.js';
import { VERSION } from './version.js';
import { safeText } from './ui/safe.js';
import { applyConventions, jsonListing } from './cli-conventions.js';

export type Runner = (load: CommandLoader, globals: GlobalOptions, params: unknown[]) => Promise<void>;

function examples(...lines: string[]): string {
  return `Examples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Usage errors as one line on stderr, with where to read more; a value echoed in it (an
 * option's argument, an unknown option or command) is shown, never obeyed. */
function oneLine(command: string) {
  return (message: string, write: (s: string) => void) =>
    write(`${safeText(`vetted: ${message.trim().replace(/^error: /, '').replace(/\s*\n\s*/g, ' ').replace(/\.$/, '')}; see \`${command} --help\`.`)}\n`);
}

/** Help and messages of the parser itself, line by line through the same neutraliser. */
const safeLines = (s: string) => s.split('\n').map(safeText).join('\n');

export function buildProgram(run: Runner): Command {
  const program = new Command('vetted')
    .description('Vet vendors before you buy, log bad service as it happens, and keep fair black and white lists of companies.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--db <path>', 'the database file (default: $VETTED_DB, else the user data folder)')
    .option('--lang <lang>', 'language of checklists and messages: en or ru (default: from $LANG)')
    .option('--no-color', 'no colour in the output (NO_COLOR=1 does the same)')
    .option('--debug', 'show the stack of unexpected errors')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => process.stdout.write(safeLines(s)),
      writeErr: (s) => process.stderr.write(safeLines(s)),
      outputError: oneLine('vetted'),
    })
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
      // --ndjson is JSON too, one object a line.
      const opts = params[params.length - 1] as { json?: boolean; ndjson?: boolean } | undefined;
      if (opts?.ndjson) opts.json = true;
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
  jsonListing(
    checklists
      .command('list')
      .description('list the checklists (the default)')
      .addHelpText('before', examples('vetted checklists list', 'vetted checklists list --json')),
  ).action(action(async () => ({ run: (await import('./commands/checklists.js')).runList })));
  sub(checklists, 'show <id>', 'show a checklist: its questions, answers and scores', 'vetted checklists show general', 'vetted checklists show subscription --json')
    .option('--json', 'print as JSON')
    .action(action(async () => ({ run: (await import('./commands/checklists.js')).runShow })));
  sub(checklists, 'validate <file>', 'check a checklist file and name every problem with its line', 'vetted checklists validate ~/.config/vetted/checklists/laptop.yaml')
    .option('--json', 'print the problems as JSON')
    .action(action(async () => ({ run: (await import('./commands/checklists.js')).runValidate })));

  const company = sub(program, 'company', 'the companies you have evidence about', 'vetted company list', 'vetted company show Volgatelecom');
  jsonListing(sub(company, 'list', 'list the companies with their checks and incidents (the default)', 'vetted company list', 'vetted company list --json'))
    .action(action(async () => ({ run: (await import('./commands/company.js')).runList })));
  sub(company, 'show <company>', "a company's profile: verdict, checks, incidents and service figures", 'vetted company show Volgatelecom', 'vetted company show Волгателеком --json')
    .option('--json', 'print as JSON')
    .action(action(async () => ({ run: (await import('./commands/company.js')).runShow })));
  sub(company, 'alias <company> <alias>', 'record another name of a company (another script or spelling)', 'vetted company alias Volgatelecom Волгателеком')
    .action(action(async () => ({ run: (await import('./commands/company.js')).runAlias })));

  registerRecordCommands(program, sub, action);
  registerCorrectionCommands(program, sub, action);
  applyConventions(program);
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
    .option('--at <when>', 'when it happened (default: now)');
  eventFieldOptions(incident.commands[incident.commands.length - 1])
    .option('--json', 'print the event and the new figures as JSON')
    .action(action(async () => ({ run: (await load()).runEvent })));

  jsonListing(sub(incident, 'list', 'list incidents (the default)', 'vetted incident list', 'vetted incident list --open --company Volgatelecom --json'))
    .option('--company <company>', 'only this company')
    .option('--open', 'only open incidents')
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

  sub(incident, 'attach <id> <files...>', 'keep files with an incident (a receipt, a screenshot, a recording) inside the database', 'vetted incident attach volgatelecom-1 receipt.pdf', 'vetted incident attach volgatelecom-1 call.m4a --event 3 --note "the call where they promised a fix"')
    .option('--event <number>', "tie the files to one event: its number on the timeline (1 = the first), or <incident>#<number>")
    .option('--note <text>', 'what the files show')
    .option('--json', 'print the attachments as JSON')
    .action(action(async () => ({ run: (await import('./commands/attachment.js')).runAttach })));
  const attachment = sub(program, 'attachment', 'the files kept with incidents', 'vetted attachment list', 'vetted attachment save 3 --out receipt.pdf');
  jsonListing(sub(attachment, 'list', 'the files kept, with their incidents and sizes (the default)', 'vetted attachment list', 'vetted attachment list --incident volgatelecom-1 --json'))
    .option('--incident <id>', 'only the files of this incident')
    .action(action(async () => ({ run: (await import('./commands/attachment.js')).runList })));
  sub(attachment, 'save <id>', 'write an attachment back to a file, checked against its SHA-256', 'vetted attachment save 3', 'vetted attachment save 3 --out ~/receipt.pdf')
    .option('--out <file>', 'where to write it (default: its own name, in the current folder)')
    .action(action(async () => ({ run: (await import('./commands/attachment.js')).runSave })));

  jsonListing(sub(program, 'due', 'promises past their deadline or coming due, stale incidents, and the next escalation step', 'vetted due', 'vetted due --json', 'vetted due --format ics --out deadlines.ics'))
    .addOption(new Option('--format <format>', 'text (the default), json, or ics: an iCalendar file of every open deadline for a calendar program').choices(['text', 'json', 'ics']))
    .option('--out <file>', 'write to this file instead of stdout')
    .action(action(() => import('./commands/due.js')));

  sub(
    program,
    'letter <id>',
    "write a letter from an incident's timeline: a complaint, an escalation, a formal claim or a complaint to a regulator",
    'vetted letter volgatelecom-1 --from "Ivan Petrov"',
    'vetted letter volgatelecom-1 --kind claim --jurisdiction ru --lang ru --demand recalculation --amount 500 --currency RUB --account 123456 --from "Иван Петров"',
    'vetted letter volgatelecom-1 --kind claim ... --sent --channel email',
    'vetted letter volgatelecom-1 --template my-claim.md --out claim.md',
  )
    .addOption(new Option('--kind <kind>', 'complaint, escalation, claim or regulator (default: the next step of the escalation ladder)').choices(['complaint', 'escalation', 'claim', 'regulator']))
    .option('--jurisdiction <j>', 'whose law to cite: ru, uk, eu, us, or none for no legal claims (default: none)')
    .addOption(new Option('--case <case>', "what kind of purchase (default: from the company's category)").choices(['goods', 'services', 'telecom', 'finance']))
    .addOption(new Option('--demand <demand>', 'what you demand').choices(['refund', 'repair', 'replacement', 'recalculation', 'compensation']))
    .option('--amount <n>', 'the sum you demand')
    .option('--currency <code>', 'its ISO 4217 code, such as RUB or EUR')
    .option('--from <name>', 'your name, as the letter is signed')
    .option('--to <name>', 'whom the letter is addressed to (default: from the kind and the jurisdiction)')
    .option('--account <number>', 'your account or contract number with the company')
    .option('--reply-to <address>', 'where the answer should go (an email or postal address)')
    .option('--bought <when>', 'when you bought or received it: some rights run from that date')
    .option('--statement <when>', 'the date of the statement that first showed a billing error')
    .option('--out <file>', 'write the letter to this file instead of stdout')
    .addOption(new Option('--format <format>', 'md (the default) or txt').choices(['md', 'txt']))
    .option('--template <file>', 'your own template instead of the built-in one')
    .option('--allow-unverified', 'also cite rules marked indicative (not checked against their source)')
    .option('--sent', 'record the letter as sent: a contact on the timeline (its text kept) and the reply deadline as a promise')
    .option('--at <when>', 'with --sent: when it was sent (default: now)')
    .addOption(new Option('--channel <how>', 'with --sent: letter or email (default: letter)').choices(['letter', 'email']))
    .action(action(() => import('./commands/letter.js')));
  const letters = sub(program, 'letters', 'letter templates', 'vetted letters list', 'vetted letters check ~/.config/vetted/letters/en/claim.md');
  jsonListing(sub(letters, 'list', 'the template each kind of letter uses in each language: yours, or the built-in one (the default)', 'vetted letters list', 'vetted letters list --json'))
    .action(action(async () => ({ run: (await import('./commands/letters.js')).runList })));
  sub(letters, 'check <file>', 'check a letter template: name each unknown placeholder with its line', 'vetted letters check my-claim.md')
    .option('--json', 'print the problems as JSON')
    .action(action(async () => ({ run: (await import('./commands/letters.js')).runCheck })));


  jsonListing(
    sub(program, 'lists [list]', 'the black, white and watch lists, each company with its reason', 'vetted lists', 'vetted lists black', 'vetted lists --json', 'vetted lists --ndjson | grep Ozon', 'vetted lists --sources', 'vetted lists --from dmitry'),
    'print as JSON: {"black": [...], "white": [...], "watch": [...]}',
  )
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
  const policy = sub(program, 'policy', 'the list policy: thresholds of the black and white rules', 'vetted policy', 'vetted policy show --json');
  sub(policy, 'show', 'print the policy in force (defaults, or your policy.yaml); the default', 'vetted policy show', 'vetted policy show --json')
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
  jsonListing(sub(source, 'list', 'the sources, with their dates and how many of their companies you know', 'vetted source list', 'vetted source list --json'))
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
    .option('--out <file>', 'where to write the backup, or - for stdout (default: <data folder>/backups/vetted-backup-<time>.db)')
    .action(action(async () => ({ run: (await import('./commands/backup.js')).runBackup })));
  sub(program, 'restore <file>', 'replace the database with a backup, after checking it (the current one is kept as a backup first); asks first on a terminal', 'vetted restore ~/.local/share/vetted/backups/vetted-backup-20261122-101500.db', 'vetted restore ~/safe/vetted-2026-11.db --yes')
    .option('-y, --yes', 'do not ask; needed where there is no terminal to ask on')
    .action(action(async () => ({ run: (await import('./commands/backup.js')).runRestore })));

  sub(program, 'import <file>', 'merge a vetted/1 data file (JSON or YAML, - for stdin); importing the same file twice changes nothing', 'vetted import lists.yaml', 'vetted import backup.json --dry-run --json')
    .option('--dry-run', 'report what would be added; write nothing')
    .option('--json', 'print the report as JSON')
    .action(action(() => import('./commands/import.js')));

  sub(program, 'export', 'export the lists as markdown or CSV, or everything as a vetted/1 data file', 'vetted export --format md > lists.md', 'vetted export --format md --detail --lang ru --out lists.ru.md', 'vetted export --out backup.json                 # the format from the extension', 'vetted export --format csv --out lists.csv')
    .addOption(new Option('--format <format>', 'md: the lists to publish; json: all your data; csv: one row per listed company (default: from the extension of --out, else md)').choices(['md', 'json', 'csv']))
    .option('--out <file>', 'write to this file instead of stdout (whole or not at all; a device or pipe is written through); .md, .json or .csv choose the format')
    .option('--detail', 'md: add a section per company with its findings and timelines')
    .option('--with-attachments', 'json: embed the attached files (base64), so that an import restores them')
    .option('--share', 'json: a file for others to add as a source: your lists and their reasons, no private evidence')
    .option('--source <name>', 'with --share: the label others see the file by (such as your name)')
    .option('--with-evidence', 'with --share: add your checks and incidents, with e-mail, phone, card numbers and links redacted')
    .option('--no-redact', 'with --share --with-evidence: keep e-mail addresses, phone and card numbers and links as they are')
    .action(action(() => import('./commands/export.js')));

  registerShellCommands(program, sub, action);
}

/** Commands about vetted itself: where its files are, and completion for the shells. */
function registerShellCommands(program: Command, sub: Sub, action: Action): void {
  sub(program, 'paths', 'where the database, backups, config, checklists, letter templates and policy live, and what set each', 'vetted paths', 'vetted paths --json', 'VETTED_DB=/tmp/try.db vetted paths')
    .option('--json', 'print as JSON')
    .action(action(() => import('./commands/paths.js')));
  sub(
    program,
    'completion <shell>',
    'print the completion script for bash, zsh or fish (commands, flags, values, company names and incident ids)',
    'vetted completion bash > ~/.local/share/bash-completion/completions/vetted',
    'vetted completion zsh > ~/.zfunc/_vetted                      # with fpath+=(~/.zfunc) before compinit',
    'vetted completion fish > ~/.config/fish/completions/vetted.fish',
  ).action(action(() => import('./commands/completion.js')));
}

/** The flags of an event's fields, shared by `incident event` and `event edit`. */
function eventFieldOptions(cmd: Command): Command {
  return cmd
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
    .option('--due <when>', 'promise: when it falls due (it may be in the future)')
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
    .option('--note <text>', 'anything worth remembering');
}

/** Correcting the record, its history, and undo. */
function registerCorrectionCommands(program: Command, sub: Sub, action: Action): void {
  const group = (name: string) => program.commands.find((c) => c.name() === name)!;
  const company = group('company');
  const correct = () => import('./commands/correct.js');
  sub(company, 'rename <company> <new-name>', 'give a company its right name; the old one stays as an alias', 'vetted company rename Wildberies Wildberries', 'vetted company rename "Volga Telecom" Volgatelecom --no-alias')
    .option('--no-alias', 'do not keep the old name as an alias')
    .action(action(async () => ({ run: (await correct()).runRename })));
  sub(company, 'merge <from> <into>', 'move every check, incident, alias and pin of one company to another, and remove the first', 'vetted company merge Wildberies Wildberries')
    .action(action(async () => ({ run: (await correct()).runMerge })));
  sub(company, 'edit <company>', "change a company's category, website or parent", 'vetted company edit Volgatelecom --category "internet provider" --parent Rostelecom', 'vetted company edit Volgatelecom --parent ""')
    .option('--category <text>', 'what it is ("" to clear)')
    .option('--website <url>', 'its website ("" to clear)')
    .option('--parent <company>', 'the company it belongs to ("" to clear)')
    .action(action(async () => ({ run: (await correct()).runEditCompany })));
  sub(company, 'remove <company>', 'remove a company; refused while it has evidence unless --with-evidence (undo brings it back)', 'vetted company remove "Test Shop"', 'vetted company remove "Test Shop" --with-evidence')
    .option('--with-evidence', 'remove its checks, incidents and pin too')
    .action(action(async () => ({ run: (await correct()).runRemoveCompany })));

  const incident = group('incident');
  sub(incident, 'edit <id>', "correct an incident's title, fault or opening, or move it to another company; with no flags on a terminal, edit it as YAML in $VISUAL/$EDITOR", 'vetted incident edit ozon-1 --company Wildberries', 'vetted incident edit ozon-1 --opened "01.12.2026 10:00" --fault company', 'vetted incident edit ozon-1')
    .option('--title <text>', 'what went wrong, in a few words')
    .option('--fault <whose>', 'whose fault it looks like: company, third-party, customer or unknown')
    .option('--opened <when>', 'when it started')
    .option('--company <company>', 'move it to this company')
    .option('--json', 'print the incident as JSON afterwards')
    .action(action(async () => ({ run: (await correct()).runEditIncident })));
  sub(incident, 'remove <id>', 'remove an incident with its timeline (undo brings it back)', 'vetted incident remove ozon-1')
    .action(action(async () => ({ run: (await correct()).runRemoveIncident })));
  sub(incident, 'reopen <id>', 'reopen a closed incident: its resolution is removed', 'vetted incident reopen ozon-1')
    .action(action(async () => ({ run: (await correct()).runReopen })));

  const event = sub(program, 'event', 'correct one event of a timeline by its id (shown by `vetted incident show`)', 'vetted event list volga-2012-07', 'vetted event edit volga-2012-07#4 --kept', 'vetted event remove volga-2012-07#5');
  jsonListing(sub(event, 'list [incident]', 'events with their ids: of one incident, or of all (the default)', 'vetted event list', 'vetted event list volga-2012-07 --json'))
    .action(action(async () => ({ run: (await correct()).runListEvents })));
  eventFieldOptions(
    sub(event, 'edit <event-id>', "correct an event: its time or any field of its type; a promise can be marked kept or given a new deadline", 'vetted event edit volga-2012-07#4 --kept', 'vetted event edit volga-2012-07#2 --at "12.07.2012 09:05"', 'vetted event edit ozon-1#3 --due "2026-12-10 18:00"')
      .option('--at <when>', 'when it happened'),
  )
    .option('--json', 'print the event as JSON afterwards')
    .action(action(async () => ({ run: (await correct()).runEditEvent })));
  sub(event, 'remove <event-id>', 'remove one event from its timeline (undo brings it back)', 'vetted event remove volga-2012-07#5')
    .action(action(async () => ({ run: (await correct()).runRemoveEvent })));

  const checks = sub(program, 'checks', 'the pre-purchase checks run so far, each with a stable id', 'vetted checks', 'vetted checks show amazon-check-1', 'vetted checks remove amazon-check-2');
  const loadChecks = () => import('./commands/checks.js');
  jsonListing(sub(checks, 'list', 'list the checks (the default)', 'vetted checks list', 'vetted checks list --company Amazon --json'))
    .option('--company <company>', 'only this company')
    .action(action(async () => ({ run: (await loadChecks()).runList })));
  sub(checks, 'show <id>', 'one check: its answers, score, verdict and evidence', 'vetted checks show amazon-check-1', 'vetted checks show amazon-check-1 --json')
    .option('--json', 'print as JSON')
    .action(action(async () => ({ run: (await loadChecks()).runShow })));
  sub(checks, 'remove <id>', 'remove a check (undo brings it back)', 'vetted checks remove amazon-check-2')
    .action(action(async () => ({ run: (await loadChecks()).runRemove })));

  const loadHistory = () => import('./commands/history.js');
  const history = sub(program, 'history', 'every change you made, newest first; each can be undone', 'vetted history', 'vetted history --company Volgatelecom --limit 5', 'vetted history prune --before 2025-01-01')
    .option('--company <company>', 'only changes to this company')
    .option('--limit <n>', 'at most this many (default: 20)')
    .option('--json', 'print as JSON (one indented document)')
    .addOption(new Option('--ndjson', 'print as JSON, one object a line (for pipes)'))
    .action(action(async () => ({ run: (await loadHistory()).runHistory })));
  sub(history, 'prune', 'forget old changes for good: they can no longer be undone, and what they removed is gone', 'vetted history prune --before 2025-01-01')
    .requiredOption('--before <date>', 'forget the changes made before this date')
    .action(action(async () => ({ run: (await loadHistory()).runPrune })));
  sub(program, 'undo [count]', 'revert the last change (or the last N) exactly; an undo is a change too, so it can be undone', 'vetted undo', 'vetted undo 3', 'vetted undo --op 12')
    .option('--op <id>', 'revert this one operation (see `vetted history`), such as an earlier undo')
    .option('--json', 'print what was undone as JSON')
    .action(action(async () => ({ run: (await loadHistory()).runUndo })));
}
