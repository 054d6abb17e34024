// The command tree: names, flags and help only. Each action loads its command module
// when it runs, so a command imports only what it uses. Every word of help comes from the
// language catalog, commander's own words too.

import { Command, Help, Option } from 'commander';
import type { CommandLoader } from './main.js';
import type { GlobalOptions } from './context.js';
import { VERSION } from './version.js';
import { t } from './i18n/index.js';
import { safeText } from './ui/safe.js';
import { applyConventions, jsonListing, walk } from './cli-conventions.js';

export type Runner = (load: CommandLoader, globals: GlobalOptions, params: unknown[]) => Promise<void>;

function examples(lines: string[]): string {
  return `${t().help.examples}\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** commander's own error messages, in the catalog's words. */
function translateCommander(message: string): string {
  const h = t().help;
  const hint = (m: RegExpExecArray, i: number) => (m[i] ? h.didYouMean(m[i]) : '');
  let m: RegExpExecArray | null;
  if ((m = /^unknown option '([^']+)'(?:\s*\(Did you mean (.+?)\?\))?$/.exec(message))) return h.unknownOption(m[1]) + hint(m, 2);
  if ((m = /^unknown command '([^']+)'(?:\s*\(Did you mean (.+?)\?\))?$/.exec(message))) return h.unknownCommand(m[1]) + hint(m, 2);
  if ((m = /^missing required argument '([^']+)'/.exec(message))) return h.missingArgument(h.placeholder[m[1]] ?? m[1]);
  if ((m = /^required option '([^']+)' not specified/.exec(message))) return h.missingOption(m[1]);
  if ((m = /^option '([^']+)' argument missing/.exec(message))) return h.optionNeedsValue(m[1]);
  if ((m = /^too many arguments.*Expected (\d+)/.exec(message))) return h.tooManyArguments(Number(m[1]));
  if ((m = /^option '([^']+)' argument '(.*)' is invalid\. Allowed choices are (.+)$/.exec(message))) return h.badChoice(m[1], m[2], m[3].split(/,\s*/));
  if ((m = /^option '([^']+)' cannot be used with option '([^']+)'$/.exec(message))) return h.conflicting(m[1], m[2]);
  return message;
}

/** Usage errors as one line on stderr, with where to read more; a value echoed in it (an
 * option's argument, an unknown option or command) is shown, never obeyed. */
function oneLine(command: string) {
  return (message: string, write: (s: string) => void) => {
    const text = message.trim().replace(/^error: /, '').replace(/\s*\n\s*/g, ' ').replace(/\.$/, '');
    write(`${safeText(t().errors.usage(placeholders(translateCommander(text)), command))}\n`);
  };
}

/** Help and messages of the parser itself, line by line through the same neutraliser. */
const safeLines = (s: string) => s.split('\n').map(safeText).join('\n');

/** Placeholders such as <company> and [options] in the catalog's words. */
function placeholders(s: string): string {
  const h = t().help;
  return s.replace(/\[options\]|\[command\]/g, (w) => h.usageWords[w] ?? w).replace(/([<[])([^>\]]+)([>\]])/g, (w, open: string, name: string, close: string) => {
    const word = h.placeholder[name.replace(/\.\.\.$/, '')];
    return word ? `${open}${word}${name.endsWith('...') ? '...' : ''}${close}` : w;
  });
}

/** commander's help, with its titles, defaults and placeholders from the catalog. */
const HELP: Partial<Help> = {
  styleTitle(str: string) {
    const h = t().help;
    const titles: Record<string, string> = { 'Usage:': h.usage, 'Options:': h.options, 'Commands:': h.commands, 'Arguments:': h.arguments, 'Global Options:': h.globalOptions };
    return titles[str] ?? str;
  },
  styleUsage: (s: string) => placeholders(s),
  styleOptionTerm: (s: string) => placeholders(s),
  styleSubcommandTerm: (s: string) => placeholders(s),
  styleArgumentTerm: (s: string) => placeholders(s),
  optionDescription(option: Option) {
    const h = t().help;
    const extra: string[] = [];
    if (option.argChoices) extra.push(h.choices(option.argChoices));
    if (option.defaultValue !== undefined && (option.required || option.optional)) extra.push(h.default(String(option.defaultValue)));
    return [option.description, ...extra].filter(Boolean).join(' ');
  },
};

/**
 * The command the arguments name (the first word that is not an option or a global option's
 * value), whose flags and subcommands are then the only ones built; none (the whole tree)
 * for `help`, for no command at all.
 */
export function commandNamed(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--db' || a === '--lang') i++;
    else if (a === '--') return undefined;
    else if (!a.startsWith('-')) return a === 'help' ? undefined : a;
  }
  return undefined;
}

/**
 * What `help` asks for, as `vetted help a b` (commander's help command takes one word, and
 * showed the help of `a`). After `help`, the words that name a command and its subcommands, in
 * order, are its path (a `help` among them, as in `help incident help add`, is passed over);
 * the line is then `a b --help`, with the global options given (`--lang ru`, `--db X`), and
 * nothing else that followed: a value such as `--title help` is no command word. Where no
 * command is named (`help help`, `help --lang ru`), it is the help of the command `help` was
 * asked of, as `help` alone shows it. A word where the command reached has subcommands, and
 * none by that name, is a topic there is not. Undefined for a line that is no `help`.
 */
export function helpOfSubcommand(program: Command, args: string[]): { args: string[] } | { topic: string; of: string } | undefined {
  let at = -1;
  let cmd = program;
  const asked: string[] = [];
  // The `help` of the program or of a group (`incident help …`): the command words before it
  // are passed, and options, with the value of one that takes a value (`history --company help`).
  const takesValue = (flag: string) => [cmd, program].some((c) => c.options.some((o) => (o.long === flag || o.short === flag) && (o.required || o.optional)));
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') return undefined;
    if (a.startsWith('-')) {
      if (!a.includes('=') && takesValue(a)) i++;
      continue;
    }
    if (a === 'help' && cmd.commands.length) {
      at = i;
      break;
    }
    const sub = cmd.commands.find((c) => c.name() === a || c.aliases().includes(a));
    if (!sub) return undefined;
    asked.push(a);
    cmd = sub;
  }
  if (at < 0) return undefined;
  const path: string[] = [];
  const globals: string[] = [];
  for (let i = at + 1; i < args.length; i++) {
    const a = args[i];
    if (a === '--') break;
    if (a === '--db' || a === '--lang') {
      globals.push(a, ...args.slice(i + 1, i + 2));
      i++;
      continue;
    }
    if (a.startsWith('--db=') || a.startsWith('--lang=') || a === '--no-color' || a === '--debug') {
      globals.push(a);
      continue;
    }
    // Another option (of the command the help is of): no command word, nor is its value one.
    if (a.startsWith('-') || a === 'help') continue;
    const sub = cmd.commands.find((c) => c.name() === a || c.aliases().includes(a));
    if (!sub) {
      if (cmd.commands.length) return { topic: a, of: ['vetted', ...asked, ...path].join(' ') };
      break;
    }
    path.push(a);
    cmd = sub;
  }
  return { args: [...args.slice(0, at), ...globals, ...path, '--help'] };
}

/**
 * The topic of `help <topic>` (or `vetted incident help <topic>`) that is no command there, with
 * the command it was asked of: commander would show that command's whole help as an error, and
 * never say why.
 */
export function unknownHelpTopic(program: Command, args: string[]): { topic: string; of: string } | undefined {
  let cmd = program;
  const path = ['vetted'];
  // An option of the command (or a global one) that takes a value: its value is never a command word.
  const takesValue = (flag: string) => [cmd, program].some((c) => c.options.some((o) => (o.long === flag || o.short === flag) && (o.required || o.optional)));
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') return undefined;
    if (a.startsWith('-')) {
      if (!a.includes('=') && takesValue(a)) i++;
    } else {
      const topic = a === 'help' ? args.slice(i + 1).find((x) => !x.startsWith('-')) : undefined;
      const known = (name: string) => name === 'help' || cmd.commands.some((c) => c.name() === name || c.aliases().includes(name));
      if (a === 'help') return topic !== undefined && !known(topic) ? { topic, of: path.join(' ') } : undefined;
      const sub = cmd.commands.find((c) => c.name() === a || c.aliases().includes(a));
      if (!sub) return undefined;
      cmd = sub;
      path.push(a);
    }
  }
  return undefined;
}

/** Stands for a command not built this time: every call is taken, and does nothing. */
const UNBUILT: Command = new Proxy(Object.create(null), {
  get: (_target, key) => (key === 'commands' ? [UNBUILT] : () => UNBUILT),
}) as Command;

/**
 * The command tree. With `only` (the command a command line names), every top-level command
 * is there by name, for help and for "unknown command", but only that one with its flags and
 * subcommands: building the rest costs every command several milliseconds at start-up.
 */
export function buildProgram(run: Runner, only?: string): Command {
  const h = t().help;
  const program = new Command('vetted')
    .configureHelp(HELP)
    .helpOption('-h, --help', h.helpOption)
    .helpCommand('help [command]', h.helpCommand)
    .description(h.program)
    .version(VERSION, '-V, --version', h.globals.version)
    .option('--db <path>')
    .option('--lang <lang>')
    .option('--no-color')
    .option('--debug')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => process.stdout.write(safeLines(s)),
      writeErr: (s) => process.stderr.write(safeLines(s)),
      outputError: oneLine('vetted'),
    })
    .addHelpText('before', examples(h.topExamples));

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

  /** A command under its full name; its description, examples and flags' words come from the catalog (`describe`). */
  const unbuilt = new WeakSet<Command>();
  const sub = (parent: Command, name: string) => {
    if (unbuilt.has(parent) || parent === UNBUILT) return UNBUILT;
    const c = parent.command(name).exitOverride();
    if (parent === program && only !== undefined && c.name() !== only) {
      unbuilt.add(c);
      return UNBUILT;
    }
    c.configureOutput({ outputError: oneLine(`vetted ${[parent.name() === 'vetted' ? '' : parent.name(), c.name()].filter(Boolean).join(' ')}`) });
    return c;
  };

  sub(program, 'check <company>')
    .option('--checklist <id|file>', '', 'general')
    .option('--answers <file>')
    .option('--answer <id=value>', '', collect)
    .option('--note <id=text>', '', collect)
    .option('--json')
    .action(action(() => import('./commands/check.js')));

  const checklists = sub(program, 'checklists');
  jsonListing(sub(checklists, 'list')).action(action(async () => ({ run: (await import('./commands/checklists.js')).runList })));
  sub(checklists, 'show <id>')
    .option('--json')
    .action(action(async () => ({ run: (await import('./commands/checklists.js')).runShow })));
  sub(checklists, 'validate <file>')
    .option('--json')
    .action(action(async () => ({ run: (await import('./commands/checklists.js')).runValidate })));

  const company = sub(program, 'company');
  jsonListing(sub(company, 'list'))
    .action(action(async () => ({ run: (await import('./commands/company.js')).runList })));
  sub(company, 'show <company>')
    .option('--json')
    .action(action(async () => ({ run: (await import('./commands/company.js')).runShow })));
  sub(company, 'alias <company> <alias>')
    .action(action(async () => ({ run: (await import('./commands/company.js')).runAlias })));

  registerRecordCommands(program, sub, action);
  registerCorrectionCommands(program, sub, action);
  describe(program);
  applyConventions(program);
  return program;
}

type Sub = (parent: Command, name: string) => Command;
type Action = (load: CommandLoader) => (...args: unknown[]) => Promise<void>;

/** Commands of the incident log, the lists, backups and the data file. */
function registerRecordCommands(program: Command, sub: Sub, action: Action): void {
  const incident = sub(program, 'incident');
  const load = () => import('./commands/incident.js');
  sub(incident, 'add <company>')
    .option('--title <text>')
    .option('--fault <whose>')
    .option('--opened <when>')
    .option('--json')
    .action(action(async () => ({ run: (await load()).runAdd })));

  sub(incident, 'event <id> <type>')
    .option('--at <when>');
  eventFieldOptions(incident.commands[incident.commands.length - 1])
    .option('--json')
    .action(action(async () => ({ run: (await load()).runEvent })));

  jsonListing(sub(incident, 'list'))
    .option('--company <company>')
    .option('--open')
    .action(action(async () => ({ run: (await load()).runList })));
  sub(incident, 'show <id>')
    .option('--json')
    .action(action(async () => ({ run: (await load()).runShow })));
  sub(incident, 'close <id>')
    // Asked on a terminal where it is not given, as `incident event ID resolution` asks it.
    .option('--outcome <outcome>')
    .option('--at <when>')
    .option('--note <text>')
    .option('--json')
    .action(action(async () => ({ run: (await load()).runClose })));

  sub(incident, 'attach <id> <files...>')
    .option('--event <number>')
    .option('--note <text>')
    .option('--json')
    .action(action(async () => ({ run: (await import('./commands/attachment.js')).runAttach })));
  const attachment = sub(program, 'attachment');
  jsonListing(sub(attachment, 'list'))
    .option('--incident <id>')
    .action(action(async () => ({ run: (await import('./commands/attachment.js')).runList })));
  sub(attachment, 'remove <id>').action(action(async () => ({ run: (await import('./commands/attachment.js')).runRemove })));
  sub(attachment, 'save <id>')
    .option('--out <file>')
    .action(action(async () => ({ run: (await import('./commands/attachment.js')).runSave })));

  jsonListing(sub(program, 'due'))
    .addOption(new Option('--format <format>').choices(['text', 'json', 'ics']))
    .option('--out <file>')
    .action(action(() => import('./commands/due.js')));

  sub(program, 'letter <id>')
    .option('--kind <kind>')
    .option('--jurisdiction <j>')
    .option('--case <case>')
    .option('--demand <demand>')
    .option('--amount <n>')
    .option('--currency <code>')
    .option('--from <name>')
    .option('--to <name>')
    .option('--account <number>')
    .option('--reply-to <address>')
    .option('--bought <when>')
    .option('--statement <when>')
    .option('--out <file>')
    .addOption(new Option('--format <format>').choices(['md', 'txt']))
    .option('--template <file>')
    .option('--allow-unverified')
    .option('--sent')
    .option('--at <when>')
    .option('--channel <how>')
    .action(action(() => import('./commands/letter.js')));
  const letters = sub(program, 'letters');
  jsonListing(sub(letters, 'list'))
    .action(action(async () => ({ run: (await import('./commands/letters.js')).runList })));
  sub(letters, 'check <file>')
    .option('--json')
    .action(action(async () => ({ run: (await import('./commands/letters.js')).runCheck })));


  jsonListing(sub(program, 'lists [list]'))
    .option('--sources')
    .option('--from <source>')
    .action(action(async () => ({ run: (await import('./commands/lists.js')).runLists })));
  sub(program, 'why <company>')
    .option('--json')
    .action(action(async () => ({ run: (await import('./commands/lists.js')).runWhy })));
  sub(program, 'pin <company> <list>')
    .requiredOption('--reason <text>')
    .action(action(async () => ({ run: (await import('./commands/pin.js')).runPin })));
  sub(program, 'unpin <company>')
    .action(action(async () => ({ run: (await import('./commands/pin.js')).runUnpin })));
  const policy = sub(program, 'policy');
  sub(policy, 'show')
    .option('--json')
    .action(action(async () => ({ run: (await import('./commands/policy.js')).runShow })));

  const source = sub(program, 'source');
  const loadSource = () => import('./commands/source.js');
  sub(source, 'add <file>')
    .requiredOption('--name <name>')
    .addOption(new Option('--kind <kind>').choices(['vetted', 'cfpb']).default('vetted'))
    .action(action(async () => ({ run: (await loadSource()).runAdd })));
  jsonListing(sub(source, 'list'))
    .action(action(async () => ({ run: (await loadSource()).runList })));
  sub(source, 'show <name>')
    .option('--all')
    .option('--json')
    .action(action(async () => ({ run: (await loadSource()).runShow })));
  sub(source, 'update <name> <file>')
    .action(action(async () => ({ run: (await loadSource()).runUpdate })));
  sub(source, 'remove <name>')
    .action(action(async () => ({ run: (await loadSource()).runRemove })));
  jsonListing(sub(source, 'match <name> [company]'))
    .action(action(async () => ({ run: (await loadSource()).runMatch })));

  sub(program, 'backup')
    .option('--out <file>')
    .action(action(async () => ({ run: (await import('./commands/backup.js')).runBackup })));
  sub(program, 'restore <file>')
    .option('-y, --yes')
    .action(action(async () => ({ run: (await import('./commands/backup.js')).runRestore })));

  sub(program, 'import <file>')
    .option('--dry-run')
    .option('--json')
    .action(action(() => import('./commands/import.js')));

  sub(program, 'export')
    .addOption(new Option('--format <format>').choices(['md', 'json', 'csv']))
    .option('--out <file>')
    .option('--detail')
    .option('--with-attachments')
    .option('--share')
    .option('--source <name>')
    .option('--with-evidence')
    .option('--no-redact')
    .action(action(() => import('./commands/export.js')));

  registerShellCommands(program, sub, action);
}

/** Commands about vetted itself: where its files are, and completion for the shells. */
function registerShellCommands(program: Command, sub: Sub, action: Action): void {
  jsonListing(sub(program, 'paths'))
    .action(action(() => import('./commands/paths.js')));
  sub(program, 'completion <shell>').action(action(() => import('./commands/completion.js')));
}

/** The flags of an event's fields, shared by `incident event` and `event edit`. */
function eventFieldOptions(cmd: Command): Command {
  return cmd
    .option('--channel <how>')
    .option('--reached-human')
    .option('--no-reached-human')
    .option('--wait-minutes <n>')
    .option('--robot')
    .option('--no-robot')
    .option('--queue-position <n>')
    .option('--dropped')
    .option('--no-dropped')
    .option('--text <words>')
    .option('--due <when>')
    .option('--kept')
    .option('--no-kept')
    .option('--amount <n>')
    .option('--currency <code>')
    .option('--kind <kind>')
    .option('--proactive')
    .option('--no-proactive')
    .option('--effort <effort>')
    .option('--policy')
    .option('--no-policy')
    .option('--outcome <outcome>')
    .option('--level <level>')
    .option('--note <text>');
}

/** Correcting the record, its history, and undo. */
function registerCorrectionCommands(program: Command, sub: Sub, action: Action): void {
  const group = (name: string) => program.commands.find((c) => c.name() === name)!;
  const company = group('company');
  const correct = () => import('./commands/correct.js');
  sub(company, 'rename <company> <new-name>')
    .option('--no-alias')
    .action(action(async () => ({ run: (await correct()).runRename })));
  sub(company, 'merge <from> <into>')
    .action(action(async () => ({ run: (await correct()).runMerge })));
  sub(company, 'edit <company>')
    .option('--category <text>')
    .option('--website <url>')
    .option('--parent <company>')
    .action(action(async () => ({ run: (await correct()).runEditCompany })));
  sub(company, 'remove <company>')
    .option('--with-evidence')
    .action(action(async () => ({ run: (await correct()).runRemoveCompany })));

  const incident = group('incident');
  sub(incident, 'edit <id>')
    .option('--title <text>')
    .option('--fault <whose>')
    .option('--opened <when>')
    .option('--company <company>')
    .option('--json')
    .action(action(async () => ({ run: (await correct()).runEditIncident })));
  sub(incident, 'remove <id>')
    .action(action(async () => ({ run: (await correct()).runRemoveIncident })));
  sub(incident, 'reopen <id>')
    .action(action(async () => ({ run: (await correct()).runReopen })));

  const event = sub(program, 'event');
  jsonListing(sub(event, 'list [incident]'))
    .action(action(async () => ({ run: (await correct()).runListEvents })));
  eventFieldOptions(
    sub(event, 'edit <event-id>')
      .option('--at <when>'),
  )
    .option('--json')
    .action(action(async () => ({ run: (await correct()).runEditEvent })));
  sub(event, 'remove <event-id>')
    .action(action(async () => ({ run: (await correct()).runRemoveEvent })));

  const checks = sub(program, 'checks');
  const loadChecks = () => import('./commands/checks.js');
  jsonListing(sub(checks, 'list'))
    .option('--company <company>')
    .action(action(async () => ({ run: (await loadChecks()).runList })));
  sub(checks, 'show <id>')
    .option('--json')
    .action(action(async () => ({ run: (await loadChecks()).runShow })));
  sub(checks, 'remove <id>')
    .action(action(async () => ({ run: (await loadChecks()).runRemove })));

  const loadHistory = () => import('./commands/history.js');
  const history = sub(program, 'history')
    .option('--company <company>')
    .option('--limit <n>')
    .option('--json')
    .addOption(new Option('--ndjson'))
    .action(action(async () => ({ run: (await loadHistory()).runHistory })));
  sub(history, 'prune')
    .requiredOption('--before <date>')
    .action(action(async () => ({ run: (await loadHistory()).runPrune })));
  sub(program, 'undo [count]')
    .option('--op <id>')
    .option('--json')
    .action(action(async () => ({ run: (await loadHistory()).runUndo })));
}

/** Every command's description and examples, and every flag's words, from the catalog: a
 * flag's words are those of `<command> <flag>`, else those the flag has everywhere. */
function describe(program: Command): void {
  const h = t().help;
  const cmds: Record<string, string> = h.cmd;
  const opts: Record<string, string> = h.opts;
  walk(program, (cmd, path) => {
    const full = path.join(' ');
    if (full) {
      cmd.description(cmds[full] ?? '');
      const ex = h.ex[full];
      if (ex?.length) cmd.addHelpText('before', examples(ex));
    }
    for (const o of cmd.options) {
      const flag = o.long ?? o.short ?? '';
      o.description = opts[`${full} ${flag}`.trim()] ?? opts[flag] ?? '';
    }
  });
}
