// Drives the built binary in a real terminal: a private tmux server per test (its own
// socket), a shell script in the pane that records the exit status, and polling of the
// screen until the expected text appears.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { BIN } from './cli.js';

export const WAIT_MS = 15_000;
const POLL_MS = 100;

let counter = 0;

/** Quotes a word for sh. */
export function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export interface TerminalRunOptions {
  /** The folder for the script, the captured stdout and the exit status. */
  dir: string;
  /** Arguments to `vetted`. */
  args: string[];
  /** Environment of the vetted process (on top of a clean terminal environment). */
  env: Record<string, string>;
  /** Environment variables to remove. */
  unset?: string[];
  width?: number;
  height?: number;
  /** Leave stdout on the terminal too (to see what vetted prints to a terminal). */
  stdoutOnTerminal?: boolean;
  /**
   * Run vetted as a job of an interactive shell (bash), which Ctrl+Z stops and `resume()`
   * brings back with `fg`; the exit status is recorded when the job ends, not when it stops.
   */
  jobControl?: boolean;
}

export class Terminal {
  readonly socket: string;
  readonly stdoutFile: string;
  readonly exitFile: string;
  private killed = false;
  private socketPath = '';

  private constructor(
    socket: string,
    readonly dir: string,
  ) {
    this.socket = socket;
    this.stdoutFile = join(dir, 'stdout.txt');
    this.exitFile = join(dir, 'exit.txt');
  }

  /**
   * Starts `vetted ARGS > stdout.txt` in a detached tmux session. stderr stays on the
   * terminal, so that prompts and error messages are visible in the pane.
   */
  static start(opts: TerminalRunOptions): Terminal {
    const socket = `vetted-e2e-${process.pid}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
    const t = new Terminal(socket, opts.dir);
    // Another run's in the same folder is not this one's: its exit seen as this one's ended the wait early.
    rmSync(t.exitFile, { force: true });
    rmSync(t.stdoutFile, { force: true });
    const command = `${shQuote(process.execPath)} ${shQuote(BIN)} ${opts.args.map(shQuote).join(' ')}${opts.stdoutOnTerminal ? '' : ` > ${shQuote(t.stdoutFile)}`}`;
    const setUp = [
      'cd ' + shQuote(opts.dir),
      ...['FORCE_COLOR', 'TMUX', ...(opts.unset ?? [])].map((v) => `unset ${v}`),
      ...Object.entries(opts.env).map(([k, v]) => `export ${k}=${shQuote(v)}`),
    ];
    const lines = opts.jobControl
      ? [
          ...setUp,
          `PS1='$ '`,
          // The status of a job that stopped (128 + SIGTSTP) is no exit: recorded when `fg` ends it.
          `finish() { s=$?; [ "$s" = 148 ] && return; echo "EXIT=$s" > ${shQuote(t.exitFile)}; echo "[vetted exited]"; }`,
        ]
      : [
          ...setUp,
          command,
          `echo "EXIT=$?" > ${shQuote(t.exitFile)}`,
          // Keep the pane open so that the screen can still be read after vetted exits.
          'echo "[vetted exited]"',
          'sleep 600',
        ];
    const script = join(opts.dir, 'run.sh');
    writeFileSync(script, lines.join('\n') + '\n');
    // An interactive shell reads the script as its start-up file, then the command as typed: a
    // job it can stop, and the shell stays to take `fg`. (Run from the start-up file, before
    // the shell takes the terminal, Ctrl+Z stopped nothing.)
    const shell = opts.jobControl ? `bash --noprofile --rcfile ${shQuote(script)} -i` : `sh ${shQuote(script)}`;
    const env = { ...process.env };
    delete env.TMUX;
    delete env.FORCE_COLOR;
    execFileSync(
      'tmux',
      ['-u', '-L', socket, '-f', '/dev/null', 'new-session', '-d', '-x', String(opts.width ?? 200), '-y', String(opts.height ?? 50), shell],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      t.socketPath = t.tmux('display-message', '-p', '#{socket_path}').trim();
    } catch {
      // The session may already be gone; kill() then has no socket to remove.
    }
    // Typed at once: the terminal keeps it until the shell reads it.
    if (opts.jobControl) {
      t.type(`${command}; finish`);
      t.keys('Enter');
    }
    return t;
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  /** The whole screen and its history, wrapped lines joined; with escapes when `escapes`. */
  screen(escapes = false): string {
    return this.tmux('capture-pane', '-p', '-J', '-S', '-', ...(escapes ? ['-e'] : []));
  }

  /** Sends keys by tmux name (Enter, Down, C-c). */
  keys(...keys: string[]): void {
    this.tmux('send-keys', ...keys);
  }

  /** Brings a job stopped by Ctrl+Z back to the foreground (see `jobControl`). */
  resume(): void {
    this.type('fg; finish');
    this.keys('Enter');
  }

  /** Whether the terminal shows its cursor now. */
  cursorShown(): boolean {
    return this.tmux('display-message', '-p', '#{cursor_flag}').trim() === '1';
  }

  /** The process id of vetted, a child of the pane's shell. */
  vettedPid(): number {
    const shell = this.tmux('display-message', '-p', '#{pane_pid}').trim();
    const children = execFileSync('pgrep', ['-P', shell, '-f', BIN], { encoding: 'utf8' }).trim().split('\n');
    if (children.length !== 1) throw new Error(`expected one vetted process under the shell ${shell}, found: ${children.join(', ')}`);
    return Number(children[0]);
  }

  /** Types text literally. */
  type(text: string): void {
    this.tmux('send-keys', '-l', text);
  }

  /**
   * Polls the screen every 100 ms until `test` holds; fails with the screen when it never
   * does, or soon after vetted has exited without it holding.
   */
  async waitFor(what: string, test: (screen: string) => boolean, timeoutMs = WAIT_MS): Promise<string> {
    const start = Date.now();
    let exitedAt: number | undefined;
    let screen = '';
    for (;;) {
      try {
        screen = this.screen();
      } catch (err) {
        screen = `(cannot read the pane: ${(err as Error).message})`;
      }
      if (test(screen)) return screen;
      const now = Date.now();
      if (exitedAt === undefined && existsSync(this.exitFile)) exitedAt = now;
      const gaveUp = now - start > timeoutMs ? `timed out after ${timeoutMs} ms` : exitedAt !== undefined && now - exitedAt > 1000 ? `vetted exited (${this.exitStatus()})` : '';
      if (gaveUp) {
        throw new Error(`${gaveUp} while waiting for ${what}; the terminal shows:\n${'-'.repeat(60)}\n${screen.replace(/\n+$/, '')}\n${'-'.repeat(60)}`);
      }
      await sleep(POLL_MS);
    }
  }

  private exitStatus(): string {
    try {
      return readFileSync(this.exitFile, 'utf8').trim();
    } catch {
      return 'EXIT=?';
    }
  }

  /** Waits until the screen shows `text`. */
  waitForText(text: string, timeoutMs = WAIT_MS): Promise<string> {
    return this.waitFor(JSON.stringify(text), (s) => s.includes(text), timeoutMs);
  }

  /** Waits for vetted to exit; returns its exit status. */
  async waitForExit(timeoutMs = WAIT_MS): Promise<number> {
    await this.waitFor('vetted to exit', () => existsSync(this.exitFile) && /EXIT=\d+/.test(readFileSync(this.exitFile, 'utf8')), timeoutMs);
    return Number(/EXIT=(\d+)/.exec(readFileSync(this.exitFile, 'utf8'))![1]);
  }

  /** What vetted wrote to stdout. */
  stdout(): string {
    return existsSync(this.stdoutFile) ? readFileSync(this.stdoutFile, 'utf8') : '';
  }

  /** Stops the tmux server and everything in it. */
  kill(): void {
    if (this.killed) return;
    this.killed = true;
    try {
      this.tmux('kill-server');
    } catch {
      // Already gone.
    }
    if (this.socketPath.includes(this.socket)) rmSync(this.socketPath, { force: true });
  }
}

/** The part of the screen from the last occurrence of `marker` on ('' when absent). */
export function after(screen: string, marker: string): string {
  const i = screen.lastIndexOf(marker);
  return i < 0 ? '' : screen.slice(i);
}
