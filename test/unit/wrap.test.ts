import { describe, expect, it } from 'vitest';
import { fitLines, hangingIndent, terminalWidth, textLine, textLines, wrapWords } from '../../src/ui/wrap.js';
import { renderTable, renderTablePieces } from '../../src/ui/table.js';
import { renderLists } from '../../src/ui/render-lists.js';
import { paint } from '../../src/ui/colour.js';
import { displayWidth } from '../../src/ui/width.js';
import type { ListEntry } from '../../src/commands/verdicts.js';

describe('wrapWords', () => {
  it.each([
    ['fits', 'a short line', 20, ['a short line']],
    ['at spaces', 'one two three four five', 10, ['one two', 'three four', 'five']],
    ['a word longer than the line is cut', 'abcdefghijklmnopqrstuvwxyz', 10, ['abcdefghij', 'klmnopqrst', 'uvwxyz']],
    ['wide letters take two columns', '日本語のテキストです', 10, ['日本語のテ', 'キストです']],
    // Cut between the code points of one, a line ended with U+200D and the next began with 👧.
    ['an emoji of several joined is never cut apart', 'a👨\u200d👩\u200d👧👨\u200d👩\u200d👧', 10, ['a👨\u200d👩\u200d👧', '👨\u200d👩\u200d👧']],
    ['nor a flag', 'abcdefghi🇬🇧', 10, ['abcdefghi', '🇬🇧']],
    ['nor a space from the accent on it', 'aaaa bbbb \u0301cccc', 10, ['aaaa', 'bbbb \u0301cccc']],
  ])('%s', (_n, text, width, lines) => {
    expect(wrapWords(text, width)).toEqual(lines);
    for (const l of wrapWords(text, width)) expect(displayWidth(l)).toBeLessThanOrEqual(width);
  });

  it('cuts within one character only where it is wider than a whole line, and then every line still fits', () => {
    const joined = Array(5).fill('👨\u200d👩\u200d👧').join('\u200d');
    const lines = wrapWords(`x${joined}`, 10);
    expect(lines[0]).toBe('x');
    expect(lines.join('')).toBe(`x${joined}`);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(10);
  });
});

describe('terminalWidth', () => {
  it('is the columns of a terminal, and none in a pipe', () => {
    expect(terminalWidth({ isTTY: true, columns: 120 })).toBe(120);
    expect(terminalWidth({ isTTY: true })).toBe(80);
    expect(terminalWidth({})).toBeUndefined();
  });
});

describe('hangingIndent', () => {
  it('puts continuation lines under the text', () => {
    expect(hangingIndent('NAME  ', 6, 'one two three four', 16)).toBe('NAME  one two\n      three four');
    expect(hangingIndent('NAME  ', 6, 'one two three four', undefined)).toBe('NAME  one two three four');
  });
});

describe('renderTable', () => {
  const cols = [{ header: 'ID' }, { header: 'TITLE', wrap: true }];
  const rows = [['a-1', 'Internet down for five days, switch in the building without power']];
  it('wraps the last column under itself on a terminal', () => {
    const out = renderTable(cols, rows, undefined, 30);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('ID   TITLE');
    expect(lines[1]).toBe('a-1  Internet down for five');
    for (const l of lines.slice(2)) expect(l).toMatch(/^ {5}\S/);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(30);
    expect(lines.slice(1).map((l) => l.slice(5)).join(' ')).toBe(rows[0][1]);
  });
  it('cuts a cell between the characters a reader sees, never within an emoji or a flag', () => {
    const table = (cell: string, max: number) => renderTable([{ header: 'T', max }], [[cell]]).split('\n')[1];
    expect(table('a👨\u200d👩\u200d👧b', 6)).toBe('a…');
    expect(table('a👨\u200d👩\u200d👧b', 8)).toBe('a👨\u200d👩\u200d👧b');
    expect(table('ab🇬🇧🇫🇷', 4)).toBe('ab…');
    expect(table('ab🇬🇧🇫🇷', 5)).toBe('ab🇬🇧…');
  });
  it('neither cuts nor wraps in a pipe', () => {
    expect(renderTable(cols, rows)).toBe(`ID   TITLE\na-1  ${rows[0][1]}\n`);
  });
  it('gives its text a line at a time, each line made only when it is taken', () => {
    const many = [['b-22', 'Ünïcödé 名前 wide'], ['c-3', 'short'], ['a-1', rows[0][1]]];
    const pieces = [...renderTablePieces([{ header: 'ID' }, { header: 'TITLE', max: 12 }], many)];
    expect(pieces).toEqual(['ID    TITLE\n', 'b-22  Ünïcödé 名…\n', 'c-3   short\n', 'a-1   Internet do…\n']);
    expect(pieces.join('')).toBe(renderTable([{ header: 'ID' }, { header: 'TITLE', max: 12 }], many));
    let made = 0;
    const lazy = renderTablePieces(cols, many.map((r) => r.map((c) => c)), (h) => (made++, h), 30);
    expect(made).toBe(0);
    lazy.next();
    expect(made).toBe(1);
  });
});

describe('renderLists', () => {
  const entry = (company: string, rule: string, text: string) =>
    ({ company, since: '2024-01-01', pinned: rule === 'pin', reasons: [{ rule, text, date: '2024-01-01', evidence: [] }] }) as unknown as ListEntry;
  const groups = {
    black: [entry('Volgatelecom', 'B2', 'broke 4 promises in 5 days: "fixed within 24 hours" twice, "should be repaired" (Internet down)')],
    // A pin of yours, as the cache keeps it: its facts, which the catalog words.
    white: [{ company: 'Zappos', since: '2024-01-01', pinned: true, reasons: [{ rule: 'pin', facts: { kind: 'pin', reason: 'they helped me order a pizza' }, date: '2024-01-01', evidence: [] }] } as unknown as ListEntry],
  };
  it('wraps each reason under its own column at the width of the terminal', () => {
    const out = renderLists(groups, paint(false), 60);
    const lines = out.split('\n');
    const start = lines[1].indexOf('B2');
    expect(lines[2].slice(0, start).trim()).toBe('');
    expect(lines[2][start]).not.toBe(' ');
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(60);
  });
  it('shows a pin as "pinned by you" once, with no rule tag', () => {
    const out = renderLists(groups, paint(false));
    expect(out).toMatch(/Zappos +since 2024-01-01 {2}pinned by you: they helped/);
  });

  it('shows a pin of another person (a source\'s, its text as they gave it) as a pin too', () => {
    const out = renderLists({ black: [entry('Rostelecom', 'pin', 'parent of volga')] }, paint(false));
    expect(out).toMatch(/Rostelecom +since 2024-01-01 {2}pinned: parent of volga/);
  });
});

describe('fitLines', () => {
  const text = ['Title', '  • B2 broke 4 promises in 5 days: "fixed within 24 hours" twice', '    → ask for a supervisor by name and write it down'].join('\n');
  it('wraps each long line under its own text, after its bullet or arrow', () => {
    expect(fitLines(text, 40).split('\n')).toEqual([
      'Title',
      '  • B2 broke 4 promises in 5 days:',
      '    "fixed within 24 hours" twice',
      '    → ask for a supervisor by name and',
      '      write it down',
    ]);
    expect(fitLines(text, undefined)).toBe(text);
  });
  it('counts colour codes as no columns', () => {
    const p = paint(true);
    const line = `  • ${p.bold('B2')} broke 4 promises in 5 days: ${p.dim('— 2012-07-20 [incident:volga-2012-07]')}`;
    const lines = fitLines(line, 40).split('\n');
    expect(lines.map((l) => l.replace(/\x1b\[[0-9;]*m/g, ''))).toEqual(['  • B2 broke 4 promises in 5 days: —', '    2012-07-20 [incident:volga-2012-07]']);
    expect(lines[0]).toContain(p.bold('B2'));
  });
});

describe('renderTable of many rows', () => {
  it('sizes its columns over two hundred thousand rows (no spread of every row into one call)', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [`id-${i}`, i === 123_456 ? 'the widest cell of all' : 'x']);
    const text = renderTable([{ header: 'id' }, { header: 'what' }], rows);
    expect(text.split('\n')[0]).toBe(`${'id'.padEnd('id-199999'.length)}  what`);
    expect(text).toContain('id-123456  the widest cell of all');
  });
});

describe('textLines and textLine', () => {
  it.each([
    ['a folded block (>), its one line break at the end', 'Who pays when the parcel is lost?\n', ['Who pays when the parcel is lost?']],
    ['a literal block (|), a line each', 'First, read the terms.\nThen ask.\n', ['First, read the terms.', 'Then ask.']],
    ['a paragraph kept apart', 'One.\n\nTwo.\n\n\n', ['One.', '', 'Two.']],
    ['plain text', 'just this', ['just this']],
    // Each line still shown safe: an escape in one is drawn, never obeyed.
    ['a control in a line, shown', 'red \u001b[31mtext\nnext\u202e line\n', ['red ␛[31mtext', 'next<U+202E> line']],
  ])('%s', (_n, text, lines) => {
    expect(textLines(text)).toEqual(lines);
    expect(textLine(text)).toBe(lines.join(' '));
  });
});
