// The command tree: names, flags and help only. Each action loads its command module
// when it runs, so a command imports only what it uses. Every word of help comes from the
// language catalog, commander's own words too.

import { Command, Help, Option } from 'commander';
import type { CommandLoader } from './main.js';
import type { GlobalOptions } from './context.js';
import { VERSION } from './version.js';
import { t } from './i18n/index.js';
import { CHANNELS, COMPENSATION_KINDS, EFFORTS, FAULTS, LEVELS, OUTCOMES } from './domain/types.js';

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
  if ((m = /^unknown option '([^']+)'(?:\s*\(Did you mean (.+?)\?\))?/.exec(message))) return h.unknownOption(m[1]) + hint(m, 2);
  if ((m = /^unknown command '([^']+)'(?:\s*\(Did you mean (.+?)\?\))?/.exec(message))) return h.unknownCommand(m[1]) + hint(m, 2);
  if ((m = /^missing required argument '([^']+)'/.exec(message))) return h.missingArgument(m[1]);
  if ((m = /^required option '([^']+)' not specified/.exec(message))) return h.missingOption(m[1]);
  if ((m = /^option '([^']+)' argument missing/.exec(message))) return h.optionNeedsValue(m[1]);
  if ((m = /^too many arguments.*Expected (\d+)/.exec(message))) return h.tooManyArguments(Number(m[1]));
  return message;
}

/** Usage errors as one line on stderr, with where to read more. */
function oneLine(command: string) {
  return (message: string, write: (s: string) => void) => {
    const text = message.trim().replace(/^error: /, '').replace(/\s*\n\s*/g, ' ').replace(/\.$/, '');
    write(`${t().errors.usage(placeholders(translateCommander(text)), command)}\n`);
  };
}

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

/** The values of a closed vocabulary as help shows them: the ids, and the words of the language. */
function values(ids: readonly string[], words: Record<string, string>): string {
  return ids.map((id) => (words[id] && words[id] !== id ? `${id} (${words[id]})` : id)).join(', ');
}

export function buildProgram(run: Runner): Command {
  const h = t().help;
  const o = h.opt;
  const program = new Command('vetted')
    .configureHelp(HELP)
    .helpOption('-h, --help', h.helpOption)
    .helpCommand('help [command]', h.helpCommand)
    .description(h.program)
    .version(VERSION, '-V, --version', h.globals.version)
    .option('--db <path>', h.globals.db)
    .option('--lang <lang>', h.globals.lang)
    .option('--no-color', h.globals.noColor)
    .option('--debug', h.globals.debug)
    .exitOverride()
    .configureOutput({ outputError: oneLine('vetted') })
    .addHelpText('before', examples(h.topExamples));

  /** An action that loads `load` and runs it with the command's arguments and options. */
  const action =
    (load: CommandLoader) =>
    async (...args: unknown[]) => {
      const cmd = args[args.length - 1] as Command;
      const params = args.slice(0, -1);
      await run(load, cmd.optsWithGlobals() as GlobalOptions, params);
    };

  /** A command with its description and examples from the catalog, under its full name. */
  const sub = (parent: Command, name: string) => {
    const c = parent.command(name).exitOverride();
    const full = [parent.name() === 'vetted' ? '' : parent.name(), c.name()].filter(Boolean).join(' ');
    c.description(h.cmd[full] ?? '');
    c.configureOutput({ outputError: oneLine(`vetted ${full}`) });
    const ex = h.ex[full];
    if (ex?.length) c.addHelpText('before', examples(ex));
    return c;
  };

  sub(program, 'check <company>')
    .option('--checklist <id|file>', o.checklist, 'general')
    .option('--answers <file>', o.answers)
    .option('--answer <id=value>', o.answer, collect)
    .option('--note <id=text>', o.checkNote, collect)
    .option('--json', o.checkJson)
    .action(action(() => import('./commands/check.js')));

  const checklists = sub(program, 'checklists');
  const list = checklists.command('list', { isDefault: true }).exitOverride();
  list.description(h.cmd['checklists list']).addHelpText('before', examples(h.ex['checklists list']));
  list.configureOutput({ outputError: oneLine('vetted checklists list') });
  list.option('--json', o.json).action(action(async () => ({ run: (await import('./commands/checklists.js')).runList })));
  sub(checklists, 'show <id>')
    .option('--json', o.json)
    .action(action(async () => ({ run: (await import('./commands/checklists.js')).runShow })));
  sub(checklists, 'validate <file>')
    .option('--json', o.validateJson)
    .action(action(async () => ({ run: (await import('./commands/checklists.js')).runValidate })));

  const company = sub(program, 'company');
  sub(company, 'list')
    .option('--json', o.json)
    .action(action(async () => ({ run: (await import('./commands/company.js')).runList })));
  sub(company, 'show <company>')
    .option('--json', o.json)
    .action(action(async () => ({ run: (await import('./commands/company.js')).runShow })));
  sub(company, 'alias <company> <alias>').action(action(async () => ({ run: (await import('./commands/company.js')).runAlias })));

  registerRecordCommands(program, sub, action);
  return program;
}

type Sub = (parent: Command, name: string) => Command;
type Action = (load: CommandLoader) => (...args: unknown[]) => Promise<void>;

/** Commands of the incident log, the lists, backups and the data file. */
function registerRecordCommands(program: Command, sub: Sub, action: Action): void {
  const { opt: o } = t().help;
  const w = t().words;
  const incident = sub(program, 'incident');
  const load = () => import('./commands/incident.js');
  sub(incident, 'add <company>')
    .option('--title <text>', o.title)
    .option('--fault <whose>', o.fault(values(FAULTS, w.fault)))
    .option('--opened <when>', o.opened)
    .option('--json', o.addJson)
    .action(action(async () => ({ run: (await load()).runAdd })));

  sub(incident, 'event <id> <type>')
    .option('--at <when>', o.at)
    .option('--channel <how>', o.channel(values(CHANNELS, w.channel)))
    .option('--reached-human', o.reachedHuman)
    .option('--no-reached-human', o.noReachedHuman)
    .option('--wait-minutes <n>', o.waitMinutes)
    .option('--robot', o.robot)
    .option('--no-robot', o.noRobot)
    .option('--queue-position <n>', o.queuePosition)
    .option('--dropped', o.dropped)
    .option('--no-dropped', o.noDropped)
    .option('--text <words>', o.text)
    .option('--due <when>', o.due)
    .option('--kept', o.kept)
    .option('--no-kept', o.noKept)
    .option('--amount <n>', o.amount)
    .option('--currency <code>', o.currency)
    .option('--kind <kind>', o.kind(values(COMPENSATION_KINDS, w.kind)))
    .option('--proactive', o.proactive)
    .option('--no-proactive', o.noProactive)
    .option('--effort <effort>', o.effort(values(EFFORTS, w.effort)))
    .option('--policy', o.policy)
    .option('--no-policy', o.noPolicy)
    .option('--outcome <outcome>', o.outcome(values(OUTCOMES, w.outcome)))
    .option('--level <level>', o.level(values(LEVELS, w.level)))
    .option('--note <text>', o.note)
    .option('--json', o.eventJson)
    .action(action(async () => ({ run: (await load()).runEvent })));

  sub(incident, 'list')
    .option('--company <company>', o.company)
    .option('--open', o.open)
    .option('--json', o.json)
    .action(action(async () => ({ run: (await load()).runList })));
  sub(incident, 'show <id>')
    .option('--json', o.showJson)
    .action(action(async () => ({ run: (await load()).runShow })));
  sub(incident, 'close <id>')
    .requiredOption('--outcome <outcome>', o.closeOutcome(values(OUTCOMES, w.outcome)))
    .option('--at <when>', o.closeAt)
    .option('--note <text>', o.note)
    .option('--json', o.closeJson)
    .action(action(async () => ({ run: (await load()).runClose })));

  sub(program, 'due')
    .option('--json', o.json)
    .action(action(() => import('./commands/due.js')));

  sub(program, 'lists [list]')
    .option('--json', o.listsJson)
    .action(action(async () => ({ run: (await import('./commands/lists.js')).runLists })));
  sub(program, 'why <company>')
    .option('--json', o.json)
    .action(action(async () => ({ run: (await import('./commands/lists.js')).runWhy })));
  sub(program, 'pin <company> <list>')
    .requiredOption('--reason <text>', o.reason)
    .action(action(async () => ({ run: (await import('./commands/pin.js')).runPin })));
  sub(program, 'unpin <company>').action(action(async () => ({ run: (await import('./commands/pin.js')).runUnpin })));
  const policy = sub(program, 'policy');
  sub(policy, 'show')
    .option('--json', o.json)
    .action(action(async () => ({ run: (await import('./commands/policy.js')).runShow })));

  sub(program, 'backup')
    .option('--out <file>', o.out)
    .action(action(async () => ({ run: (await import('./commands/backup.js')).runBackup })));
  sub(program, 'restore <file>').action(action(async () => ({ run: (await import('./commands/backup.js')).runRestore })));

  sub(program, 'import <file>')
    .option('--dry-run', o.dryRun)
    .option('--json', o.importJson)
    .action(action(() => import('./commands/import.js')));

  sub(program, 'export')
    .addOption(new Option('--format <format>', o.format).choices(['md', 'json', 'csv']).default('md'))
    .option('--out <file>', o.exportOut)
    .option('--detail', o.detail)
    .action(action(() => import('./commands/export.js')));
}
