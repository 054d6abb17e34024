// Completion as a user meets it: the script sourced in a real interactive bash (and zsh) in a
// terminal, a line typed and Tab pressed; what readline (or zle) puts on the line is read off
// the screen. Here the line names its database with --db, quoted as a user quotes a path.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, sandbox, type Sandbox } from '../helpers/cli.js';
import { ok } from '../helpers/expect.js';
import { WAIT_MS, shQuote } from '../helpers/tmux.js';

const has = (shell: string) => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;

let s: Sandbox;
let db: string;
let rc: string;

beforeAll(() => {
  s = sandbox();
  // A database in a folder whose name has a blank in it.
  mkdirSync(join(s.dir, 'my dbs'));
  db = join(s.dir, 'my dbs', 'x.db');
  ok(s.run(['--db', db, 'pin', 'Rusbar', 'black', '--reason', 'x']));
  // `vetted` on the PATH, as `npm link` puts it there.
  const bin = join(s.dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'vetted'), `#!/bin/sh\nexec ${shQuote(process.execPath)} ${shQuote(BIN)} "$@"\n`);
  chmodSync(join(bin, 'vetted'), 0o755);
  for (const shell of ['bash', 'zsh']) writeFileSync(join(s.dir, `vetted.${shell}`), ok(s.run(['completion', shell])).stdout);
  rc = join(s.dir, 'env.sh');
  writeFileSync(
    rc,
    [`export PATH=${shQuote(`${bin}:${process.env.PATH}`)}`, `export HOME=${shQuote(s.dir)}`, `export VETTED_DB=${shQuote(s.db)}`, `export VETTED_CONFIG=${shQuote(s.config)}`, `PS1='$ '`, ''].join('\n'),
  );
});
afterAll(() => s.cleanup());

/** Types `line` into the shell, presses Tab, and returns the line as the shell then shows it. */
async function tabbed(shell: string, start: string, line: string): Promise<string> {
  const socket = `vetted-e2e-completion-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const env = { ...process.env };
  delete env.TMUX;
  execFileSync('tmux', ['-u', '-L', socket, '-f', '/dev/null', 'new-session', '-d', '-x', '200', '-y', '20', shell], { env, stdio: 'ignore' });
  try {
    tmux('send-keys', '-l', `source ${shQuote(rc)}; ${start}; echo READY`);
    tmux('send-keys', 'Enter');
    const screen = () => tmux('capture-pane', '-p', '-J');
    const until = async (test: (s: string) => boolean, what: string) => {
      const begun = Date.now();
      while (!test(screen())) {
        if (Date.now() - begun > WAIT_MS) throw new Error(`no ${what}; the terminal shows:\n${screen()}`);
        await sleep(100);
      }
    };
    await until((s) => /^READY$/m.test(s), 'prompt');
    tmux('send-keys', '-l', line);
    await until((s) => s.includes(line), 'line');
    tmux('send-keys', 'Tab');
    // Completion asks vetted, a node process: the line is read once it has stayed as it is a while.
    let last = '';
    let same = 0;
    const begun = Date.now();
    while (same < 10 && Date.now() - begun < WAIT_MS) {
      await sleep(100);
      const now = screen();
      same = now === last ? same + 1 : 0;
      last = now;
    }
    return (last.split('\n').filter((l) => l.startsWith('$ ') || l.startsWith('% ')).pop() ?? '').trimEnd();
  } finally {
    tmux('kill-server');
  }
}

describe('bash, interactive', () => {
  it.each([
    [`'my dbs/x.db'`],
    [`"my dbs/x.db"`],
    ['my\\ dbs/x.db'],
    [`~/"my dbs/x.db"`],
    [`='my dbs/x.db'`],
  ])('completes a name from the database given as --db %s', async (word) => {
    // Relative to the folder the shell is in, as the shell itself would read the path.
    const typed = `vetted why --db${word.startsWith('=') ? '' : ' '}${word} Ru`;
    expect(await tabbed('bash --norc --noprofile -i', `cd ${shQuote(s.dir)}; source ${shQuote(join(s.dir, 'vetted.bash'))}`, typed)).toBe(`$ ${typed.replace(/Ru$/, 'Rusbar')}`);
  });
});

describe('zsh, interactive', () => {
  it.skipIf(!has('zsh'))('completes a name from the database given as a quoted --db (skipped only where zsh is not installed)', async () => {
    for (const word of [`'my dbs/x.db'`, `"my dbs/x.db"`]) {
      const typed = `vetted why --db ${word} Ru`;
      const start = `cd ${shQuote(s.dir)}; PS1='%% '; autoload -Uz compinit; compinit -u -D; source ${shQuote(join(s.dir, 'vetted.zsh'))}`;
      expect(await tabbed('zsh -f -i', start, typed)).toBe(`% ${typed.replace(/Ru$/, 'Rusbar')}`);
    }
  });
});
