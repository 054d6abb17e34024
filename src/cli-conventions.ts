// Rules every command of the tree follows, applied once to the whole tree after it is built,
// so that commands and groups added later behave the same without a line of their own.

import { Option, type Command } from 'commander';
import { UI_LANGS, t } from './i18n/index.js';
import { CHANNELS, COMPENSATION_KINDS, EFFORTS, FAULTS, LEVELS, OUTCOMES, SENT_CHANNELS } from './domain/types.js';
import { CASES, DEMANDS, LETTER_KINDS } from './domain/law.js';
import { slipOf } from './domain/names.js';
import { clipped } from './i18n/format.js';

/** The subcommand a group runs when none is given: its listing (`list`), else `show`. */
export function listingOf(group: Command): Command | undefined {
  const byName = (name: string) => group.commands.find((c) => c.name() === name);
  return byName('list') ?? byName('show');
}

/** Walks the tree, depth first, the root first. */
export function walk(cmd: Command, visit: (c: Command, path: string[]) => void, path: string[] = []): void {
  visit(cmd, path);
  for (const c of cmd.commands) walk(c, visit, [...path, c.name()]);
}

/** Adds `--json` and `--ndjson` to a listing. */
export function jsonListing(cmd: Command): Command {
  return cmd.option('--json').addOption(new Option('--ndjson').conflicts('json'));
}

export function applyConventions(program: Command): void {
  walk(program, (cmd) => {
    // A group without a subcommand runs its listing, exit 0, like `vetted checklists`.
    const listing = cmd.commands.length ? listingOf(cmd) : undefined;
    if (listing && !(cmd as unknown as { _defaultCommandName: string | null })._defaultCommandName) {
      (cmd as unknown as { _defaultCommandName: string | null })._defaultCommandName = listing.name();
    }
    if (listing) cmd.addHelpText('after', `\n${t().help.withoutSubcommand(pathOf(listing))}\n`);
    if (listing) {
      // A word that names no subcommand is an unknown command, not an argument of the listing
      // (of a listing that takes one, `event list <id>`, it is that: an id may be any word).
      if (listing.registeredArguments.length === 0) {
        cmd.hook('preSubcommand', (group, sub) => {
          const stray = group.args[0];
          if (sub.name() === listing.name() && stray !== undefined && stray !== listing.name() && !stray.startsWith('-')) {
            group.error(t().help.unknownSubcommand(stray, pathOf(group), subcommandNames(group), nearNames(group, stray)), { code: 'commander.unknownCommand' });
          }
        });
      }
    } else if (cmd.commands.length && cmd.registeredArguments.length === 0) {
      // A command with subcommands and an action of its own (`history`, `history prune`): a word
      // after it is no argument, but a subcommand's name, perhaps mistyped.
      cmd.allowExcessArguments(true);
      cmd.hook('preAction', (self, action) => {
        const stray = self.args[0];
        // `history help prune`: the help of that subcommand, or of this command.
        if (action === self && stray === 'help') (self.commands.find((c) => c.name() === self.args[1]) ?? self).help();
        if (action === self && stray !== undefined) self.error(t().help.unknownSubcommand(stray, pathOf(self), subcommandNames(self), nearNames(self, stray)), { code: 'commander.unknownCommand' });
      });
      // `history prnue --before …`: the subcommand's name is mistyped, and the options are its;
      // the word is named, not the first option this command lacks.
      const self = cmd as unknown as { unknownOption(flag: string): void };
      const unknownOption = self.unknownOption.bind(cmd);
      self.unknownOption = (flag: string) => {
        const stray = cmd.args[0];
        if (stray === undefined || stray.startsWith('-') || stray === 'help') return unknownOption(flag);
        cmd.error(t().help.unknownSubcommand(stray, pathOf(cmd), subcommandNames(cmd), nearNames(cmd, stray)), { code: 'commander.unknownCommand' });
      };
    }
    if (cmd.registeredArguments.length) sayWhereDashedArgumentsGo(cmd);
    if (cmd.registeredArguments.some((a) => a.required) && cmd.options.some((o) => o.mandatory)) nameMissingArgumentsFirst(cmd);
    refuseOptionsGivenTwice(cmd);
    refuseEmptyValues(cmd);
    // Required values are marked required in help, as the error names them.
    for (const o of cmd.options) {
      const required = t().help.required;
      if (o.mandatory && !o.description.endsWith(required)) o.description = `${o.description} ${required}`;
    }
  });
}

const subcommandNames = (group: Command) => group.commands.filter((c) => !(c as unknown as { _hidden: boolean })._hidden).map((c) => c.name());

/** The subcommand whose name a word is a typo of, if one is. */
const nearNames = (group: Command, word: string): string[] => slipOf(word, subcommandNames(group));

/** `vetted incident` for the incident group. */
export function pathOf(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/**
 * A word that begins with one dash where an argument is awaited (a company named "-Shop") is read
 * as an option, and is unknown: the error says how to give it, after `--`, with the arguments
 * given before it and after it (where no option follows: then it says only where options go).
 * A word of two dashes (`--bogus`, `--titel`) stays an option mistyped, with commander's "did you mean".
 */
function sayWhereDashedArgumentsGo(cmd: Command): void {
  const self = cmd as unknown as { unknownOption(flag: string): void };
  const unknownOption = self.unknownOption.bind(cmd);
  self.unknownOption = (flag: string) => {
    // commander has the arguments before the first unknown option, then it and what follows.
    const before = cmd.args.indexOf(flag);
    const args = cmd.registeredArguments;
    const awaited = before < 0 ? undefined : before < args.length ? args[before] : args[args.length - 1].variadic ? args[args.length - 1] : undefined;
    if (!awaited || flag.startsWith('--')) return unknownOption(flag);
    const h = t().help;
    const after = cmd.args.slice(before + 1);
    // (Options given are read off the line already: a line without them would lose them.)
    const optionsGiven = after.some((a) => a.startsWith('-')) || cmd.options.some((o) => cmd.getOptionValueSource(o.attributeName()) === 'cli');
    // Nor is a line of a word longer than any name (see clipped) one to give back whole.
    const words = [...cmd.args.slice(0, before), flag, ...after];
    const line = optionsGiven || words.some((w) => clipped(w) !== w) ? undefined : words;
    cmd.error(h.dashedArgument(flag, h.placeholder[awaited.name()] ?? awaited.name(), pathOf(cmd), line), { code: 'commander.unknownOption' });
  };
}

/**
 * What a command is about comes first: commander checks its required options before its
 * arguments, so that `vetted pin` alone asked for --reason, not for the company to pin. A
 * required argument missing is named before a required option.
 */
function nameMissingArgumentsFirst(cmd: Command): void {
  const self = cmd as unknown as { missingMandatoryOptionValue(option: Option): void; missingArgument(name: string): void };
  const missingOption = self.missingMandatoryOptionValue.bind(cmd);
  self.missingMandatoryOptionValue = (option: Option) => {
    const missing = cmd.registeredArguments.find((a, i) => a.required && cmd.args[i] === undefined);
    if (missing) self.missingArgument(missing.name());
    missingOption(option);
  };
}

/**
 * An option that holds one value, given again with another (`--title A --title B`, a short alias,
 * `--db=X`: every form alike), is refused, naming both: commander kept the last without a
 * word. An option that collects its values (`--answer`, a variadic one) holds a list, and takes
 * each; the same value again (`--json --json`) loses nothing, and is let be. A flag and its
 * negation (`--robot --no-robot`) are two values of one option, and contradict each other.
 */
function refuseOptionsGivenTwice(cmd: Command): void {
  const given = new Map<string, { flag: string; value: unknown }>();
  for (const o of cmd.options) {
    // After commander's own listener, which has stored the value given.
    cmd.on(`option:${o.name()}`, () => {
      const key = o.attributeName();
      const value: unknown = cmd.getOptionValue(key);
      const flag = o.long ?? o.short ?? o.name();
      const before = given.get(key);
      given.set(key, { flag, value });
      if (!before || Array.isArray(value) || before.value === value) return;
      const h = t().help;
      cmd.error(before.flag === flag ? h.givenTwice(flag, String(before.value), String(value)) : h.contradicting(before.flag, flag), { code: 'commander.optionGivenTwice' });
    });
  }
}

/**
 * The options whose empty value means something, by `<command path> <flag>`: it takes a field
 * away (`event edit --text ""`, `company edit --website ""`), or gives an event no note (an
 * event's `--note`, a closing's too; not a check's answer notes, nor an attachment's).
 */
export const EMPTY_MEANS_NONE: ReadonlySet<string> = new Set([
  'incident event --note',
  'incident event --text',
  'event edit --note',
  'event edit --text',
  'incident close --note',
  'company edit --category',
  'company edit --website',
  'company edit --parent',
]);

/** The values an option takes where they are fixed, as its help lists them: by `<command path> <flag>`, else by flag. */
const CHOICES: Record<string, readonly string[]> = {
  '--fault': FAULTS,
  '--outcome': OUTCOMES,
  '--level': LEVELS,
  '--effort': EFFORTS,
  '--channel': CHANNELS,
  'letter --channel': SENT_CHANNELS,
  '--kind': COMPENSATION_KINDS,
  'letter --kind': LETTER_KINDS,
  '--case': CASES,
  '--demand': DEMANDS,
  '--jurisdiction': ['ru', 'uk', 'eu', 'us', 'none'],
  '--lang': UI_LANGS,
};

/**
 * An option that takes a value, given an empty or blank one (`--company "$C"` with C unset), is
 * refused, naming what it needs (and its choices, where they are fixed): a command read it as
 * not given, and a filter then let everything through, with exit 0. Those whose empty value
 * means something are let be. Refused as the command is about to run, so that `--help` among
 * the words is help, as it is whatever else is wrong.
 */
function refuseEmptyValues(cmd: Command): void {
  const path = pathOf(cmd).split(' ').slice(1).join(' ');
  const empty: Option[] = [];
  for (const o of cmd.options) {
    const flag = o.long ?? o.short ?? o.name();
    if (!(o.required || o.optional) || EMPTY_MEANS_NONE.has(`${path} ${flag}`)) continue;
    cmd.on(`option:${o.name()}`, (value: unknown) => {
      if (typeof value === 'string' && value.trim() === '') empty.push(o);
    });
  }
  cmd.hook('preAction', () => {
    const o = empty[0];
    if (!o) return;
    const flag = o.long ?? o.short ?? o.name();
    const h = t().help;
    const placeholder = /<([^>]+)>/.exec(o.flags)?.[1];
    const what = h.valueWords[flag] ?? (placeholder === undefined ? undefined : h.valueWords[placeholder]);
    cmd.error(h.emptyValue(flag, what, o.argChoices ?? CHOICES[`${path} ${flag}`] ?? CHOICES[flag]), { code: 'commander.emptyValue' });
  });
}
