// The command tree as completion sees it: every command's subcommands, flags, which flags
// take a value and what completes it, and its arguments in order. Read from commander, so
// that a command added to the tree is completed with no work of its own.

import type { Command, Option } from 'commander';
import { valuesFor, type Values } from './values.js';
import { t } from '../i18n/index.js';

export interface FlagSpec {
  /** Every spelling: `-y`, `--yes`. */
  names: string[];
  description: string;
  takesValue: boolean;
  values?: Values;
}

export interface ArgSpec {
  name: string;
  variadic: boolean;
  values?: Values;
}

export interface CommandSpec {
  /** The words after `vetted`: [] for the root, ['incident', 'event'] for that command. */
  path: string[];
  description: string;
  subcommands: { name: string; description: string }[];
  flags: FlagSpec[];
  args: ArgSpec[];
}

const hidden = (c: Command) => (c as unknown as { _hidden?: boolean })._hidden === true;

function flagSpec(o: Option, path: string[]): FlagSpec {
  const names = [o.short, o.long].filter((n): n is string => !!n);
  const takesValue = o.required || o.optional;
  const key = o.attributeName().replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return { names, description: o.description, takesValue, values: takesValue ? valuesFor(path, key, o.argChoices) : undefined };
}

/** Every visible command of the tree, the root first; each with the root's flags too. */
export function completionSpec(program: Command): CommandSpec[] {
  const out: CommandSpec[] = [];
  // The root's options hold after any subcommand too, but for --version, which stands alone.
  const globals = program.options.filter((o) => !o.hidden && o.long !== '--version').map((o) => flagSpec(o, []));
  const visit = (cmd: Command, path: string[]) => {
    const own = cmd.options.filter((o) => !o.hidden).map((o) => flagSpec(o, path));
    const flags = path.length ? [...own, ...globals] : own;
    flags.push({ names: ['-h', '--help'], description: t().completion.help, takesValue: false });
    out.push({
      path,
      description: cmd.description(),
      subcommands: cmd.commands.filter((c) => !hidden(c)).map((c) => ({ name: c.name(), description: c.description() })),
      flags,
      args: cmd.registeredArguments.map((a) => ({ name: a.name(), variadic: a.variadic, values: valuesFor(path, a.name(), a.argChoices) })),
    });
    for (const c of cmd.commands) if (!hidden(c)) visit(c, [...path, c.name()]);
  };
  visit(program, []);
  return out;
}
