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

export function buildProgram(run: Runner): Command {
  const program = new Command('vetted')
    .description('Vet vendors before you buy, log bad service as it happens, and keep fair black and white lists of companies.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--db <path>', 'the database file (default: $VETTED_DB, else the user data folder)')
    .option('--lang <lang>', 'language of checklists and messages: en or ru (default: from $LANG)')
    .option('--no-color', 'no colour in the output (NO_COLOR=1 does the same)')
    .option('--debug', 'show the stack of unexpected errors')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
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
    const c = parent.command(name).description(description).exitOverride().showHelpAfterError('(run with --help for usage)');
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

  registerLaterCommands(program, sub, action);
  return program;
}

export type Sub = (parent: Command, name: string, description: string, ...ex: string[]) => Command;
export type Action = (load: CommandLoader) => (...args: unknown[]) => Promise<void>;

/** Commands of the incident log, the lists and the data file. */
function registerLaterCommands(_program: Command, _sub: Sub, _action: Action): void {}

export { Option };
