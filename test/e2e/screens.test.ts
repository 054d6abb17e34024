// The main screens in both languages, as snapshots: a change of wording shows up in review.
// Only screens that do not depend on today's date are kept (the markdown page is absolute).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ROOT, sandbox, type Sandbox } from '../helpers/cli.js';

let s: Sandbox;

beforeAll(() => {
  s = sandbox();
  const r = s.run(['import', join(ROOT, 'test', 'fixtures', 'cyrillic.yaml')]);
  expect(r.code, r.stderr).toBe(0);
});

afterAll(() => s.cleanup());

const SCREENS: [string, string[]][] = [
  ['lists', ['lists']],
  ['why', ['why', 'Волгателеком']],
  ['company show', ['company', 'show', 'Волгателеком']],
  ['export --format md --detail', ['export', '--format', 'md', '--detail']],
  ['incident --help', ['incident', 'event', '--help']],
];

describe.each(['ru', 'en'])('the main screens in %s', (lang) => {
  it.each(SCREENS)('%s', (_name, args) => {
    const r = s.run(['--lang', lang, ...args]);
    expect(r.code, r.stderr).toBe(0);
    // The page carries the day it was exported: that line alone changes from day to day.
    expect(r.stdout.replace(/(Exported on|Выгружено) \S+/, '$1 <date>')).toMatchSnapshot();
  });
});
