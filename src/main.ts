// The one exit point: parse argv, run the command, turn errors into exit codes.

import { VERSION } from './version.js';
import { savedChanges } from './saved-changes.js';
import { carriesWholeFile, safeText } from './ui/safe.js';
import type { CommandResult } from './commands/result.js';
import type { Context, GlobalOptions } from './context.js';
import { UI_LANGS, langFlagOf, pickLang, t, useLanguage } from './i18n/index.js';

export type CommandLoader = () => Promise<{ run: (ctx: Context, ...args: never[]) => Promise<CommandResult> }>;

function hasDebug(argv: string[]): boolean {
  return argv.includes('--debug');
}

/** Writes a command's output; returns its exit code. */
function emit(result: CommandResult, ctx: Pick<Context, 'out' | 'err'>): number {
  if (result.out) ctx.out.write(result.out.endsWith('\n') ? result.out : `${result.out}\n`);
  // Messages carry user text (names, paths): each line is neutralised, so that a line break
  // typed into a name cannot forge a line of its own. Stdout is rendered safely already.
  const lines = (Array.isArray(result.err) ? result.err : result.err ? [result.err] : []).filter((l) => l !== '');
  if (lines.length) ctx.err.write(`${lines.map(safeText).join('\n')}\n`);
  return result.code ?? 0;
}

/** Maps an error to its exit code and the one sentence the user sees (in the catalog's words); `dbNamedBy`, what named the database (Context.setBy.db), where it is known. */
export function describeError(err: unknown, debug: boolean, dbNamedBy = '--db'): { code: number; message: string } {
  const e = err as { name?: string; exitCode?: number; code?: string; message?: string; stack?: string };
  // The reader of a pipe went away (`vetted backup --out - | head`): stop quietly.
  if (e?.code === 'EPIPE') return { code: 0, message: '' };
  // …unless what was cut short was a whole file (a backup): what the reader has is no copy.
  if (e?.code === 'OUTPUT_CUT') return { code: 1, message: t().errors.outputCut };
  // Standard output refused it (`> /dev/full`): as a listing's output refused is said (onOutputError).
  if (e?.code === 'OUTPUT_REFUSED') {
    const saved = savedChanges();
    return { code: 1, message: t().errors.outputRefused(safeText(String((err as { reason?: string }).reason))) + (saved.length ? `\n${t().errors.savedAnyway(saved)}` : '') };
  }
  // Ctrl+C at a prompt: leave at once, nothing stored.
  if (e?.name === 'ExitPromptError' || e?.name === 'AbortPromptError') return { code: 130, message: '' };
  // One sentence: any line break inside (from a name the user typed) is shown, not obeyed.
  if (e?.name === 'UserError') return { code: 2, message: safeText(`vetted: ${e.message}`) };
  const say = t().errors;
  if (e?.code === 'SQLITE_CORRUPT' || e?.code === 'SQLITE_NOTADB') return { code: 2, message: say.damaged(safeText(e.message ?? ''), dbNamedBy) };
  if (e?.code === 'SQLITE_FULL' || e?.code === 'ENOSPC') return { code: 1, message: say.diskFull };
  if (typeof e?.code === 'string' && e.code.startsWith('SQLITE_IOERR')) return { code: 1, message: say.ioError(e.message ?? '') };
  if (e?.code === 'SQLITE_BUSY') return { code: 1, message: say.busy };
  if (e?.code === 'SQLITE_READONLY_DIRECTORY' || e?.code === 'SQLITE_READONLY_CANTINIT' || e?.code === 'SQLITE_READONLY_CANTLOCK') {
    return { code: 1, message: say.readOnlyFolder(dbNamedBy) };
  }
  if (typeof e?.code === 'string' && e.code.startsWith('SQLITE_CANTOPEN')) return { code: 1, message: say.cantOpen(e.message ?? '', dbNamedBy) };
  const companion = (err as { readOnlyFile?: unknown })?.readOnlyFile;
  if (typeof companion === 'string') return { code: 1, message: say.readOnlyCompanion(safeText(companion), (err as { companionRemade?: boolean }).companionRemade === true) };
  if ((typeof e?.code === 'string' && e.code.startsWith('SQLITE_READONLY')) || e?.code === 'EACCES' || e?.code === 'EROFS' || e?.code === 'EPERM') {
    return { code: 1, message: say.readOnly(e.message ?? '', dbNamedBy) };
  }
  const fsError = err as { syscall?: string; path?: string; code?: string };
  if (typeof fsError?.syscall === 'string' && typeof fsError.path === 'string' && /^E[A-Z]+$/.test(fsError.code ?? '')) {
    // Any other refusal of the file system names the file and what it said.
    return { code: 1, message: say.fsRefused(fsError.syscall, fsError.path, fsError.code!) };
  }
  return { code: 1, message: say.unexpected(e?.message ?? String(err), debug ? (e?.stack ?? String(err)) : null) };
}

/** A reader that went away (`vetted lists | head`) is not an error: stop quietly. Output that
 * cannot be written at all (a full disk, /dev/full) ends the command with one line, not a stack. */
function onOutputError(stream: NodeJS.WriteStream): void {
  let said = false;
  stream.on('error', (err: NodeJS.ErrnoException) => {
    // The reader left: a listing stops quietly, a whole file (an export to import) fails, cut short.
    const cut = err.code === 'EPIPE';
    if (cut && !carriesWholeFile(stream)) process.exit(process.exitCode ?? 0);
    // Said once, however many writes fail before the catalog is loaded.
    if (said) return;
    said = true;
    const code = safeText(String(err.code ?? err.message));
    const say = (line: string) => {
      process.stderr.write(`${line}\n`);
      process.exit(1);
    };
    // A change recorded before the output failed is kept: said, so that it is not made again.
    const words = () => (cut ? t().errors.outputCut : t().errors.outputRefused(code)) + (savedChanges().length ? `\n${t().errors.savedAnyway(savedChanges())}` : '');
    let line: string | undefined;
    try {
      line = words();
    } catch {
      // `--version` writes before any catalog is loaded: see below.
    }
    if (line !== undefined) return say(line);
    // The catalog of the language asked for is loaded now; only where even that fails is the code said alone.
    useLanguage(pickLang(langFlagOf(process.argv.slice(2)), process.env))
      .then(words)
      .catch(() => `vetted: ${code}`)
      .then(say);
  });
}

/** `vetted __complete <kind> [prefix]`, for the completion scripts: straight to its module,
 * past the command tree, because it runs at every Tab; quiet whatever happens. */
async function complete(args: string[]): Promise<number> {
  try {
    const [{ makeContext }, { run }] = await Promise.all([import('./context.js'), import('./commands/complete.js')]);
    const ctx = makeContext({});
    emit(await run(ctx, args[0] ?? '', args[1] ?? '', args[2] ?? ''), ctx);
    return 0;
  } catch {
    return 1;
  }
}

export async function main(argv: string[]): Promise<number> {
  onOutputError(process.stdout);
  // Messages no one can read any more (`2>&1 >/dev/null | head -c 0`) are let go: the command goes
  // on to its end and its own exit code (a notice before its work, a backup's, must not end it
  // there), and nothing can be said of an error of stderr itself, where it would be said.
  process.stderr.on('error', () => {});
  let args = argv.slice(2);
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (args[0] === '__complete') return complete(args.slice(1));
  const debug = hasDebug(args);
  let code = 0;
  // What named the database, for the advice of an error of SQLite's (known once a command runs).
  let dbNamedBy: string | undefined;
  try {
    // The language first: help and every message are in it. One asked for by name that has no
    // catalog is said to be English (from the environment, it is English without a word).
    const langFlag = langFlagOf(args);
    await useLanguage(pickLang(langFlag, process.env));
    // (An empty one is refused as every empty value is.)
    if (langFlag !== undefined && langFlag.trim() !== '' && pickLang(langFlag, {}) === 'en' && !/^en(?:[-_.@]|$)/i.test(langFlag.trim())) process.stderr.write(`${safeText(t().errors.noLanguage(langFlag, UI_LANGS))}\n`);
    const { buildProgram, commandNamed, helpOfSubcommand, unknownHelpTopic } = await import('./program.js');
    const program = buildProgram(async (load: CommandLoader, globals: GlobalOptions, params: unknown[]) => {
      const [{ makeContext }, { refuseStdoutOverData }, mod] = await Promise.all([import('./context.js'), import('./formats/write-file.js'), load()]);
      const ctx = makeContext(globals);
      dbNamedBy = ctx.setBy.db;
      // Standard output sent into the database (`>> vetted.db`) is refused before anything is done, by every command that runs
      // (not --version, help or the completion, which start without looking for a database; the README says so).
      refuseStdoutOverData({ dbPath: ctx.dbPath });
      code = emit(await mod.run(ctx, ...(params as never[])), ctx);
    }, commandNamed(args));
    // `help incident add` as `incident add --help` (the whole tree is built for a line of `help`).
    const help = helpOfSubcommand(program, args);
    if (help && 'args' in help) args = help.args;
    const unknownTopic = help && 'topic' in help ? help : unknownHelpTopic(program, args);
    if (unknownTopic) {
      process.stderr.write(`${safeText(t().errors.usage(t().help.unknownCommand(unknownTopic.topic), unknownTopic.of))}\n`);
      return 2;
    }
    await program.parseAsync([...argv.slice(0, 2), ...args]);
  } catch (err) {
    const e = err as { code?: string; exitCode?: number; message?: string };
    if (typeof e?.code === 'string' && e.code.startsWith('commander.')) {
      // commander has printed its message (or the help) already.
      // Help asked for is success; help shown because no command was given is a usage error.
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return 0;
      if (e.code === 'commander.help') return e.exitCode === 0 ? 0 : 2;
      return 2;
    }
    const { code: c, message } = describeError(err, debug, dbNamedBy);
    if (message) process.stderr.write(`${message.split('\n').map(safeText).join('\n')}\n`);
    return c;
  }
  return code;
}
