// Rules every command of the tree follows, applied once to the whole tree after it is built,
// so that commands and groups added later behave the same without a line of their own.

import { Option, type Command } from 'commander';
import { t } from './i18n/index.js';

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
    if (listing && listing.registeredArguments.length === 0) {
      // A word that names no subcommand is an unknown command, not an argument of the listing.
      cmd.hook('preSubcommand', (group, sub) => {
        const stray = group.args[0];
        if (sub.name() === listing.name() && stray !== undefined && stray !== listing.name() && !stray.startsWith('-')) {
          const names = group.commands.filter((c) => !(c as unknown as { _hidden: boolean })._hidden).map((c) => c.name());
          group.error(t().help.unknownSubcommand(stray, pathOf(group), names), { code: 'commander.unknownCommand' });
        }
      });
    }
    // Required values are marked required in help, as the error names them.
    for (const o of cmd.options) {
      const required = t().help.required;
      if (o.mandatory && !o.description.endsWith(required)) o.description = `${o.description} ${required}`;
    }
  });
}

/** `vetted incident` for the incident group. */
export function pathOf(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}
