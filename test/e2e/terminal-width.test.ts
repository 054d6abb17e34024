// On a terminal, lists fit its width: a long reason wraps under its own column.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Terminal } from '../helpers/tmux.js';
import { SHARED, sandbox, type Sandbox } from '../helpers/cli.js';
import { ok } from '../helpers/expect.js';

let s: Sandbox;
let term: Terminal | undefined;
beforeEach(() => {
  s = sandbox();
  ok(s.run(['import', join(SHARED, 'scenarios', 'seeds.yaml')]));
});
afterEach(() => {
  term?.kill();
  term = undefined;
  s.cleanup();
});

describe('on a terminal 90 columns wide', () => {
  it('lists black wraps each reason under its own column, no line wider than the terminal', async () => {
    term = Terminal.start({ dir: s.dir, args: ['lists', 'black'], env: { VETTED_DB: s.db, VETTED_CONFIG: s.config, NO_COLOR: '1', LANG: 'C.UTF-8' }, width: 90, stdoutOnTerminal: true });
    expect(await term.waitForExit()).toBe(0);
    // The screen with the terminal's own soft wraps joined: a line wider than 90 would show whole.
    const screen = term.screen().split('\n');
    const first = screen.findIndex((l) => l.startsWith('  Volgatelecom'));
    expect(first).toBeGreaterThan(0);
    const column = screen[first].indexOf('B2 ');
    expect(screen[first + 1].slice(0, column).trim()).toBe('');
    expect(screen[first + 1][column]).toMatch(/\S/);
    for (const l of screen) expect(l.length).toBeLessThanOrEqual(90);
  });

  it('a name wider than the name column stands on a line of its own, the reason in the column of the others', async () => {
    const long = 'Limited Liability Company Romashka Service Centre North';
    ok(s.run(['pin', long, 'black', '--reason', 'they refused to repair the kettle under warranty and hung up on me twice']));
    term = Terminal.start({ dir: s.dir, args: ['lists', 'black'], env: { VETTED_DB: s.db, VETTED_CONFIG: s.config, NO_COLOR: '1', LANG: 'C.UTF-8' }, width: 90, stdoutOnTerminal: true });
    expect(await term.waitForExit()).toBe(0);
    const screen = term.screen().split('\n');
    const own = screen.findIndex((l) => l === `  ${long}`);
    expect(own, term.screen()).toBeGreaterThan(0);
    const column = screen.find((l) => l.startsWith('  Volgatelecom'))!.indexOf('since');
    expect(screen[own + 1].indexOf('since')).toBe(column);
    expect(screen[own + 1].slice(0, column).trim()).toBe('');
    // The reason as wide as the others': no line of it a word or two.
    expect(screen[own + 1].length).toBeGreaterThan(70);
    for (const l of screen) expect(l.length).toBeLessThanOrEqual(90);
  });
});


describe('checks show on a terminal 80 columns wide', () => {
  it('wraps a long note under its column, whole, no line wider than the terminal', async () => {
    const words = Array.from({ length: 30 }, (_, i) => `word${i + 1}`);
    ok(s.run(['check', 'Long Notes', ...['who-helps', 'who-repairs', 'who-to-ask', 'returns', 'cancel', 'after-leaving', 'lost-parcel', 'reach-human', 'compensation'].flatMap((q) => ['--answer', `${q}=unknown`]), '--note', `who-helps=${words.join(' ')}`]));
    term = Terminal.start({ dir: s.dir, args: ['checks', 'show', 'long-notes-check-1'], env: { VETTED_DB: s.db, VETTED_CONFIG: s.config, NO_COLOR: '1', LANG: 'C.UTF-8' }, width: 80, stdoutOnTerminal: true });
    expect(await term.waitForExit()).toBe(0);
    const screen = term.screen().split('\n');
    const first = screen.findIndex((l) => l.startsWith('who-helps'));
    expect(first, term.screen()).toBeGreaterThan(0);
    const column = screen[first].indexOf('word1 ');
    const rest = screen.slice(first + 1, screen.findIndex((l, i) => i > first && l.startsWith('who-repairs')));
    expect(rest.length).toBeGreaterThan(0);
    for (const l of rest) expect(l.slice(0, column).trim()).toBe('');
    expect([screen[first].slice(column), ...rest.map((l) => l.slice(column))].join(' ')).toBe(words.join(' '));
    for (const l of screen) expect(l.length).toBeLessThanOrEqual(80);
  });
});

describe('on a terminal 60 columns wide', () => {
  it.each([[['lists', 'black']], [['incident', 'show', 'volga-2012-07']], [['due']], [['why', 'Volgatelecom']]])('%j fits it: no line wider than the terminal', async (args) => {
    term = Terminal.start({ dir: s.dir, args, env: { VETTED_DB: s.db, VETTED_CONFIG: s.config, NO_COLOR: '1', LANG: 'C.UTF-8' }, width: 60, stdoutOnTerminal: true });
    expect(await term.waitForExit()).toBe(0);
    const screen = term.screen().split('\n');
    expect(screen.length).toBeGreaterThan(3);
    for (const l of screen) expect(l.length, l).toBeLessThanOrEqual(60);
  });
});

describe('what others say, on a terminal 90 columns wide', () => {
  it("company show wraps a source's long reason under its own text, no line wider than the terminal", async () => {
    const share = join(s.dir, 'share.json');
    ok(s.run(['export', '--format', 'json', '--share', '--out', share]));
    const other = join(s.dir, 'other.db');
    ok(s.run(['--db', other, 'incident', 'add', 'Volgatelecom', '--title', 'no internet']));
    ok(s.run(['--db', other, 'source', 'add', share, '--name', 'anna']));
    term = Terminal.start({ dir: s.dir, args: ['company', 'show', 'Volgatelecom'], env: { VETTED_DB: other, VETTED_CONFIG: s.config, NO_COLOR: '1', LANG: 'C.UTF-8' }, width: 90, stdoutOnTerminal: true });
    expect(await term.waitForExit()).toBe(0);
    const screen = term.screen().split('\n');
    const first = screen.findIndex((l) => l.startsWith('  anna'));
    expect(first).toBeGreaterThan(0);
    // The reason goes on past the first line, indented under the source's name.
    expect(screen[first + 1]).toMatch(/^  \S/);
    for (const l of screen) expect(l.length).toBeLessThanOrEqual(90);
  });
});

describe('long names and notes on a terminal 80 columns wide', () => {
  const env = () => ({ VETTED_CONFIG: s.config, NO_COLOR: '1', LANG: 'C.UTF-8' });

  it('lists cuts a name wider than the terminal with "…", as a table cuts one; in a pipe it is whole', async () => {
    const long = `Company ${'N'.repeat(192)}`;
    ok(s.run(['pin', long, 'black', '--reason', 'they refused to repair the kettle under warranty and hung up on me twice']));
    term = Terminal.start({ dir: s.dir, args: ['lists', 'black'], env: { ...env(), VETTED_DB: s.db }, width: 80, stdoutOnTerminal: true });
    expect(await term.waitForExit()).toBe(0);
    const screen = term.screen().split('\n');
    for (const l of screen) expect(l.length, term.screen()).toBeLessThanOrEqual(80);
    expect(screen).toContain(`  ${long.slice(0, 77)}…`);
    expect(ok(s.run(['lists', 'black'])).stdout.split('\n')).toContain(`  ${long}`);
  });

  it("lists --sources puts what the sources say under a reason that fills the line, and --from wraps the source's long label", async () => {
    const share = join(s.dir, 'share.json');
    ok(s.run(['export', '--format', 'json', '--share', '--source', `Anna ${'L'.repeat(120)}`, '--out', share]));
    const other = join(s.dir, 'other.db');
    ok(s.run(['--db', other, 'pin', 'Volgatelecom', 'black', '--reason', 'promised a fix within 24 hours four days running and never once said sorry']));
    ok(s.run(['--db', other, 'source', 'add', share, '--name', 'anna']));
    for (const args of [['lists', '--sources', 'black'], ['lists', '--from', 'anna']]) {
      term = Terminal.start({ dir: s.dir, args, env: { ...env(), VETTED_DB: other }, width: 80, stdoutOnTerminal: true });
      expect(await term.waitForExit()).toBe(0);
      const screen = term.screen();
      for (const l of screen.split('\n')) expect(l.length, screen).toBeLessThanOrEqual(80);
      expect(screen).toContain(args[1] === '--sources' ? 'sources: 1 black' : 'L'.repeat(60));
      term.kill();
      term = undefined;
    }
  });
});

describe('on a terminal 40 columns wide', () => {
  it('incident list wraps a title between the characters a reader sees, never within an emoji of several joined', async () => {
    const family = '👨\u200d👩\u200d👧';
    ok(s.run(['incident', 'add', 'Acme', '--title', `Trip ${family}${family}${family} home`, '--opened', '2026-11-01T09:00']));
    term = Terminal.start({ dir: s.dir, args: ['incident', 'list', '--company', 'Acme'], env: { VETTED_DB: s.db, VETTED_CONFIG: s.config, NO_COLOR: '1', LANG: 'C.UTF-8' }, width: 40, stdoutOnTerminal: true });
    expect(await term.waitForExit()).toBe(0);
    const screen = term.screen();
    const rows = screen.split('\n').filter((l) => /^acme-1 | {10,}\S/.test(l));
    expect(rows.length, screen).toBeGreaterThan(1);
    // Neither end of a line holds a joiner or a part of the emoji it joined.
    for (const l of rows) expect(l, screen).not.toMatch(/\u200d\s*$|^\s*[\u200d👩👧]/u);
    expect(rows.map((l) => l.trim()).join('')).toContain(`${family}${family}`);
  });
});
