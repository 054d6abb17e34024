// Correcting the record as a new user would: a typo'd company, a wrong date, a promise that
// was in fact kept, an incident on the wrong company; each undone again. Every refusal is one
// sentence, exit 2, and leaves the database byte-identical.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SHARED, sandbox, type Sandbox } from '../helpers/cli.js';
import { expectOneLineError, json, ok } from '../helpers/expect.js';

const SEEDS = `${SHARED}/scenarios/seeds.yaml`;

let s: Sandbox;
beforeEach(() => {
  s = sandbox();
});
afterEach(() => s.cleanup());

const hash = () => createHash('sha256').update(readFileSync(s.db)).digest('hex');
/** The whole record, as the data file has it, without the moment of export. */
const record = () => {
  const doc = json<Record<string, unknown>>(s, ['export', '--format', 'json']);
  delete doc.exported_at;
  return doc;
};
interface Listed {
  company: string;
  reasons: { rule: string }[];
}
const lists = () => json<{ black: Listed[]; white: Listed[]; watch: Listed[] }>(s, ['lists', '--json']);
const listOf = (name: string) => json<{ list: string }>(s, ['why', name, '--json']).list;

/** A local time to the second, a second after the changes before it and a second before those after: a prune's cut between them. */
function aMomentBetween(): string {
  const sleep = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1100);
  sleep();
  const d = new Date();
  const at = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}T${d.toTimeString().slice(0, 8)}`;
  sleep();
  return at;
}

/** A refused command: one sentence, exit 2, the database unchanged; returns the sentence. */
function refused(args: string[]): string {
  const before = hash();
  const line = expectOneLineError(s.run(args));
  expect(hash()).toBe(before);
  return line;
}

describe('a typo in a company name', () => {
  it('names the closest company when one is unknown, and warns when a likely typo creates one', () => {
    ok(s.run(['import', SEEDS]));
    expect(refused(['why', 'Wildberies'])).toMatch(/there is no company "Wildberies"; did you mean "Wildberries"\?/);
    const r = ok(s.run(['incident', 'add', 'Wildberies', '--title', 'kettle', '--opened', '2026-11-20 10:00']));
    expect(r.stderr).toMatch(/"Wildberies" is a new company, but "Wildberries" already exists/);
  });

  it('is mended by rename (the old name stays an alias) and undone exactly', () => {
    ok(s.run(['incident', 'add', 'Wildberies', '--title', 'kettle', '--opened', '2026-11-20 10:00']));
    const before = record();
    ok(s.run(['company', 'rename', 'Wildberies', 'Wildberries']));
    expect(json<{ name: string; aliases: string[] }>(s, ['company', 'show', 'Wildberies', '--json'])).toMatchObject({ name: 'Wildberries', aliases: ['Wildberies'] });
    // Said whole in the history, in Russian too.
    expect(ok(s.run(['--lang', 'ru', 'history', '--limit', '1'])).stdout).toMatch(/компания Wildberies переименована в Wildberries \(прежнее название сохранено как другое название\)/);
    // The incident keeps its id.
    expect(json<{ id: string; company: string }>(s, ['incident', 'show', 'wildberies-1', '--json'])).toMatchObject({ company: 'Wildberries' });
    ok(s.run(['undo']));
    expect(record()).toEqual(before);
  });

  it('a new name typed with runs of spaces is the same name in the history as on every list', () => {
    ok(s.run(['incident', 'add', 'Ozon Ltd', '--title', 'kettle', '--opened', '2026-11-20 10:00']));
    expect(ok(s.run(['company', 'rename', 'Ozon Ltd', '  OZON   ltd '])).stderr).toMatch(/^renamed Ozon Ltd to OZON ltd /);
    expect(ok(s.run(['history', '--limit', '1'])).stdout).toMatch(/rename Ozon Ltd to OZON ltd\n/);
    expect(ok(s.run(['undo'])).stderr).toMatch(/^undone #\d+: rename Ozon Ltd to OZON ltd /);
    expect(ok(s.run(['company', 'alias', 'Ozon Ltd', '  OZON    Retail  '])).stderr).toMatch(/^"OZON Retail" is now another name of Ozon Ltd\./);
    expect(ok(s.run(['history', '--limit', '1'])).stdout).toMatch(/alias "?OZON Retail"? /);
    expect(json<{ aliases: string[] }>(s, ['company', 'show', 'Ozon Ltd', '--json']).aliases).toEqual(['OZON Retail']);
    // Given again, it is so already: nothing changes, and that is no failure (as an edit that changes nothing).
    const again = ok(s.run(['company', 'alias', 'Ozon Ltd', 'ozon retail']));
    expect(again.stderr).toBe('"ozon retail" already names Ozon Ltd; nothing changed.\n');
    expect(ok(s.run(['history', '--limit', '1'])).stdout).toMatch(/alias "?OZON Retail"? /);
  });

  it('rename --no-alias drops the old name; renaming onto another company says to merge', () => {
    ok(s.run(['incident', 'add', 'Wildberies', '--title', 'kettle']));
    ok(s.run(['company', 'rename', 'Wildberies', 'Wildberries', '--no-alias']));
    expect(json<{ aliases: string[] }>(s, ['company', 'show', 'Wildberries', '--json']).aliases).toEqual([]);
    ok(s.run(['incident', 'add', 'Ozon', '--title', 'late']));
    expect(refused(['company', 'rename', 'Ozon', 'wildberries'])).toMatch(/already names Wildberries; .*company merge/);
  });

  it('is mended by merge: every check, incident, alias and pin moves; undo puts it all back', () => {
    ok(s.run(['import', SEEDS]));
    ok(s.run(['incident', 'add', 'Wildberies', '--title', 'second kettle', '--fault', 'company', '--opened', '2026-11-20 10:00']));
    ok(s.run(['company', 'alias', 'Wildberies', 'WB typo']));
    ok(s.run(['pin', 'Wildberies', 'black', '--reason', 'two cracked kettles']));
    const before = record();
    const r = ok(s.run(['company', 'merge', 'Wildberies', 'Wildberries']));
    expect(r.stderr).toMatch(/merged Wildberies into Wildberries: 0 checks and 1 incident moved/);
    const shown = json<{ aliases: string[]; incidents: { id: string }[]; pin: { list: string } | null }>(s, ['company', 'show', 'Wildberries', '--json']);
    expect(shown.incidents.map((i) => i.id).sort()).toEqual(['wildberies-1', 'wildberries-kettle']);
    expect(shown.aliases).toEqual(expect.arrayContaining(['WB typo', 'Wildberies']));
    expect(shown.pin?.list).toBe('black');
    expect(refused(['company', 'show', 'Wildberies-x'])).toMatch(/did you mean/);
    ok(s.run(['undo']));
    expect(record()).toEqual(before);
  });

  it('an import of a file that tells two companies merged here apart says the database made them one', () => {
    ok(s.run(['import', SEEDS]));
    ok(s.run(['company', 'merge', 'Beeline', 'MTS']));
    expect(refused(['import', SEEDS])).toMatch(/companies\[\d+\]: is the same company here as companies\[\d+\], told otherwise: the two names are one company in this database, "MTS" \(merged since, or named so\)/);
  });

  it('an import that pins two names one company here names the company, for pins as for companies', () => {
    ok(s.run(['incident', 'add', 'Delta', '--title', 'x', '--opened', '2026-11-20 10:00']));
    ok(s.run(['company', 'alias', 'Delta', 'Echo']));
    const file = `${s.dir}/two-pins.json`;
    writeFileSync(file, '{"format":"vetted/1","pins":[{"company":"Delta","list":"white","reason":"good"},{"company":"Echo","list":"black","reason":"bad"}]}');
    expect(refused(['import', file])).toMatch(/pins\[1\]: pins the same company here as pins\[0\], otherwise: the two names are one company in this database, "Delta"/);
  });

  it('refuses to merge two pins that disagree, naming both', () => {
    ok(s.run(['pin', 'Ozon', 'black', '--reason', 'lost parcel']));
    ok(s.run(['pin', 'Ozone', 'white', '--reason', 'kind support']));
    expect(refused(['company', 'merge', 'Ozone', 'Ozon'])).toMatch(/Ozone is pinned white \("kind support"\) and Ozon is pinned black \("lost parcel"\)/);
  });

  it('warns when a rename or an alias gives a company a name that looks like the name of another company in letters of another script', () => {
    ok(s.run(['pin', 'Ozon', 'black', '--reason', 'lost parcel']));
    ok(s.run(['pin', 'Wildberries', 'white', '--reason', 'refund']));
    expect(ok(s.run(['company', 'rename', 'Wildberries', 'Оzon'])).stderr).toMatch(/warning: "Оzon" looks like "Ozon" but is spelled with letters of another script/);
    ok(s.run(['pin', 'Lamoda', 'white', '--reason', 'fine']));
    expect(ok(s.run(['company', 'alias', 'Lamoda', 'Ozоn'])).stderr).toMatch(/warning: "Ozоn" looks like "Ozon", "Оzon" but is spelled/);
    // Its own names are no look-alikes of it.
    expect(ok(s.run(['company', 'rename', 'Ozon', 'OZON'])).stderr).not.toMatch(/looks like "O/);
  });

  it("takes a name that looks like another company's alias, in letters of another script, as it takes one like a name: suggested, warned of", () => {
    ok(s.run(['pin', 'Ростелеком', 'black', '--reason', 'no internet']));
    ok(s.run(['company', 'alias', 'Ростелеком', 'Rostelecom']));
    ok(s.run(['company', 'alias', 'Ростелеком', 'WBS']));
    ok(s.run(['company', 'alias', 'Ростелеком', 'WB shop']));
    // о, е, е Cyrillic: not this company, but it looks the same as its alias.
    expect(refused(['why', 'Rоstеlеcom'])).toMatch(/did you mean "Rostelecom" \(a name of "Ростелеком"\)\? \(it looks the same/);
    expect(refused(['--lang', 'ru', 'why', 'Rоstеlеcom'])).toMatch(/может быть, «Rostelecom» \(другое название «Ростелеком»\)\? /);
    expect(ok(s.run(['pin', 'Rоstеlеcom', 'white', '--reason', 'fixed'])).stderr).toMatch(
      /warning: "Rоstеlеcom" looks like "Rostelecom" \(a name of "Ростелеком"\) but is spelled with letters of another script/,
    );
    // A short alias (В Cyrillic), and one with two such letters (В, о).
    expect(ok(s.run(['incident', 'add', 'WВS', '--title', 'x', '--fault', 'company'])).stderr).toMatch(/warning: "WВS" looks like "WBS"/);
    expect(ok(s.run(['incident', 'add', 'WВ shоp', '--title', 'x', '--fault', 'company'])).stderr).toMatch(/warning: "WВ shоp" looks like "WB shop"/);
  });

  it('refuses to merge two pins of one list with other reasons, which would lose one; merges them with the same reason', () => {
    ok(s.run(['pin', 'Ozon', 'black', '--reason', 'lost parcel']));
    ok(s.run(['pin', 'Ozone', 'black', '--reason', 'rude support']));
    expect(refused(['company', 'merge', 'Ozone', 'Ozon'])).toMatch(/Ozone is pinned black \("rude support"\) and Ozon is pinned black \("lost parcel"\); unpin one of them first/);
    ok(s.run(['pin', 'Ozone', 'black', '--reason', 'lost parcel']));
    ok(s.run(['company', 'merge', 'Ozone', 'Ozon']));
    expect(ok(s.run(['why', 'Ozon'])).stdout).toContain('lost parcel');
  });
});

describe('company edit and remove', () => {
  it('edits details, clears them with "", refuses a parent loop', () => {
    ok(s.run(['import', SEEDS]));
    ok(s.run(['company', 'edit', 'Volgatelecom', '--category', 'ISP', '--website', 'https://volga.example']));
    expect(json<{ category: string; website: string; parent: string }>(s, ['company', 'show', 'Volgatelecom', '--json'])).toMatchObject({ category: 'ISP', website: 'https://volga.example', parent: 'Rostelecom' });
    ok(s.run(['company', 'edit', 'Volgatelecom', '--parent', '']));
    expect(json<{ parent: string | null }>(s, ['company', 'show', 'Volgatelecom', '--json']).parent).toBeNull();
    ok(s.run(['company', 'edit', 'Volgatelecom', '--parent', 'Rostelecom']));
    expect(refused(['company', 'edit', 'Rostelecom', '--parent', 'Volgatelecom'])).toMatch(/cannot be the parent of Rostelecom/);
    expect(refused(['company', 'edit', 'Rostelecom'])).toMatch(/say what to change/);
    // A parent not on record yet is added to it; one undo takes both back.
    const edited = ok(s.run(['company', 'edit', 'Rostelecom', '--parent', 'Svyazinvest']));
    expect(edited.stderr).toMatch(/\n"Svyazinvest" was not on your record, and is added to it as the parent company\.\n$/);
    expect(json<{ parent: string }>(s, ['company', 'show', 'Rostelecom', '--json']).parent).toBe('Svyazinvest');
    ok(s.run(['undo']));
    expect(refused(['company', 'show', 'Svyazinvest'])).toMatch(/there is no company "Svyazinvest"/);
  });

  it("a merge into a company above the one merged leaves out the parent that would make a loop, and the export imports again", () => {
    for (const c of ['A', 'B', 'C']) ok(s.run(['pin', c, 'white', '--reason', 'r']));
    ok(s.run(['company', 'edit', 'B', '--parent', 'A']));
    ok(s.run(['company', 'edit', 'C', '--parent', 'B']));
    ok(s.run(['company', 'merge', 'C', 'A']));
    const parents = json<{ name: string; parent: string | null }[]>(s, ['company', 'list', '--json']).map((c) => [c.name, c.parent]);
    expect(parents).toEqual([
      ['A', null],
      ['B', 'A'],
    ]);
    const file = `${s.dir}/merged.json`;
    ok(s.run(['export', '--format', 'json', '--out', file]));
    ok(s.run(['--db', `${s.dir}/again.db`, 'import', file]));
  });

  it('an export made after a rename imports into a copy made before it: the company is known here by the old name its file keeps as an alias', () => {
    ok(s.run(['incident', 'add', 'Wildberries', '--title', 'x', '--opened', '2024-01-01 10:00']));
    const old = `${s.dir}/old.db`;
    ok(s.run(['backup', '--out', old]));
    ok(s.run(['company', 'rename', 'Wildberries', 'Wildberries RU']));
    ok(s.run(['incident', 'event', 'wildberries-1', 'note', '--text', 'after the rename', '--at', '2024-01-02 10:00']));
    const file = `${s.dir}/renamed.json`;
    ok(s.run(['export', '--format', 'json', '--out', file]));
    const imported = ok(s.run(['--db', old, 'import', file]));
    expect(imported.stderr).toMatch(/companies: 0 added, 1 already there/);
    expect(imported.stderr).toMatch(/aliases: 1 added/);
    const companies = json<{ name: string; aliases: string[] }[]>(s, ['--db', old, 'company', 'list', '--json']);
    expect(companies.map((c) => [c.name, c.aliases])).toEqual([['Wildberries', ['Wildberries RU']]]);
    expect(json<{ events: { text?: string }[] }>(s, ['--db', old, 'incident', 'show', 'wildberries-1', '--json']).events.map((e) => e.text)).toEqual(['after the rename']);
  });

  it("a merge keeps the company's own parent, website and category, and says which of the merged one's were not kept", () => {
    for (const c of ['Rostelecom', 'Other', 'Volga', 'Volgatelecom']) ok(s.run(['pin', c, 'white', '--reason', 'r']));
    ok(s.run(['company', 'edit', 'Volga', '--parent', 'Rostelecom', '--website', 'https://volga.example', '--category', 'isp']));
    ok(s.run(['company', 'edit', 'Volgatelecom', '--parent', 'Other', '--category', 'telecom']));
    const merged = ok(s.run(['company', 'merge', 'Volga', 'Volgatelecom']));
    expect(merged.stderr).toMatch(/note: Volgatelecom keeps its own parent and category; Volga's parent Rostelecom and category "isp" were not kept \(to take one instead: vetted company edit "?Volgatelecom"? --parent …\)/);
    // Only what it had of its own: the website it had none of is taken, and not named.
    const shown = json<{ parent: string; website: string; category: string }>(s, ['company', 'show', 'Volgatelecom', '--json']);
    expect([shown.parent, shown.website, shown.category]).toEqual(['Other', 'https://volga.example', 'telecom']);
    expect(merged.stderr).not.toMatch(/website/);
    ok(s.run(['undo']));
    ok(s.run(['company', 'edit', 'Volgatelecom', '--parent', 'Rostelecom', '--category', 'isp']));
    expect(ok(s.run(['company', 'merge', 'Volga', 'Volgatelecom'])).stderr).not.toMatch(/note:/);
    // Merged into its own subsidiary, which then takes its parent: nothing of it gave way.
    for (const c of ['Mid', 'Kid']) ok(s.run(['pin', c, 'white', '--reason', 'r']));
    ok(s.run(['company', 'edit', 'Mid', '--parent', 'Other']));
    ok(s.run(['company', 'edit', 'Kid', '--parent', 'Mid']));
    expect(ok(s.run(['company', 'merge', 'Mid', 'Kid'])).stderr).not.toMatch(/note:/);
    expect(json<{ parent: string }>(s, ['company', 'show', 'Kid', '--json']).parent).toBe('Other');
  });

  it('a merge of a company into a subsidiary of its subsidiary puts the subsidiary between them under its parent, and the export imports again', () => {
    for (const c of ['Root', 'Top', 'A', 'B', 'C', 'D']) ok(s.run(['pin', c, 'white', '--reason', 'r']));
    for (const [c, p] of [['Top', 'Root'], ['A', 'Top'], ['B', 'A'], ['C', 'B'], ['D', 'A']]) ok(s.run(['company', 'edit', c, '--parent', p]));
    const parents = () => Object.fromEntries(json<{ name: string; parent: string | null }[]>(s, ['company', 'list', '--json']).map((c) => [c.name, c.parent]));
    const before = parents();
    ok(s.run(['company', 'merge', 'A', 'C']));
    expect(parents()).toEqual({ Root: null, Top: 'Root', B: 'Top', C: 'B', D: 'C' });
    const file = `${s.dir}/merged-down.json`;
    ok(s.run(['export', '--format', 'json', '--out', file]));
    ok(s.run(['--db', `${s.dir}/again-down.db`, 'import', file]));
    ok(s.run(['undo']));
    expect(parents()).toEqual(before);
  });

  it('refuses to remove a company with evidence, listing it; --with-evidence removes it all; undo brings it back', () => {
    ok(s.run(['import', SEEDS]));
    const before = record();
    expect(refused(['company', 'remove', 'Volgatelecom'])).toMatch(/has evidence \(incident volga-2012-07\); remove it too with --with-evidence/);
    ok(s.run(['company', 'remove', 'Volgatelecom', '--with-evidence']));
    expect(s.run(['incident', 'show', 'volga-2012-07']).code).toBe(2);
    ok(s.run(['undo']));
    expect(record()).toEqual(before);
    // A parent removed says which companies stay without one; undo gives it back to them.
    expect(ok(s.run(['company', 'remove', 'Rostelecom'])).stderr).toBe('removed Rostelecom; Volgatelecom stays, no longer a subsidiary (to bring it back: vetted undo)\n');
    ok(s.run(['undo']));
    expect(record()).toEqual(before);
  });
});

describe('a wrong date, and an incident on the wrong company', () => {
  beforeEach(() => {
    ok(s.run(['incident', 'add', 'Ozon', '--title', 'parcel lost', '--fault', 'company', '--opened', '2026-11-20 10:00']));
  });

  it('refuses a time in the future and an event before the opening, saying how to move the opening', () => {
    expect(refused(['incident', 'event', 'ozon-1', 'contact', '--at', '2027-12-02T10:00'])).toMatch(/--at 2027-12-02T10:00 is in the future/);
    expect(refused(['incident', 'event', 'ozon-1', 'contact', '--at', '2026-11-19 10:00'])).toMatch(/before ozon-1 was opened .*vetted incident edit ozon-1 --opened 2026-11-19T10:00/);
    expect(refused(['incident', 'add', 'Ozon', '--title', 'x', '--opened', '2099-01-01'])).toMatch(/in the future/);
    expect(refused(['incident', 'event', 'ozon-1', 'contact', '--at', 'tomorrowish'])).toMatch(/takes a date such as .*12\.07\.2026 09:30, 12 July 2026 09:30, now, today 18:00 or yesterday 18:00;/);
    expect(refused(['incident', 'event', 'ozon-1', 'contact', '--at', 'tomorrow 10:00'])).toMatch(/--at tomorrow 10:00 is in the future/);
    expect(refused(['incident', 'event', 'ozon-1', 'promise', '--due', 'soon', '--text', 'x'])).toMatch(/--due takes a date such as .*yesterday 18:00 or tomorrow 18:00;/);
  });

  it('refuses an offset from UTC no clock keeps, on the command line and in a data file, in English and in Russian', () => {
    expect(refused(['incident', 'event', 'ozon-1', 'promise', '--text', 'x', '--due', '2026-12-08T10:00+15:00'])).toBe(
      'vetted: --due 2026-12-08T10:00+15:00 gives the offset +15:00 from UTC, which no clock keeps (they run from -12:00 to +14:00); give the time with its real offset, or without one for local time.',
    );
    expect(refused(['--lang', 'ru', 'incident', 'event', 'ozon-1', 'note', '--text', 'x', '--at', '2026-11-21T10:00+14:30'])).toMatch(/^vetted: --at 2026-11-21T10:00\+14:30: сдвига \+14:30 от UTC нет ни у одних часов/);
    ok(s.run(['incident', 'event', 'ozon-1', 'note', '--text', 'Nepal', '--at', '2026-11-21T10:00+05:45']));
    const file = `${s.dir}/offset.yaml`;
    writeFileSync(file, 'format: vetted/1\nincidents:\n  - {id: o-1, company: O, title: t, opened: 2026-11-01T10:00, events: [{at: "2026-11-07T10:00+14:30", type: note, text: x}]}\n');
    expect(refused(['import', file])).toMatch(/incidents\[0\]\.events\[0\]\.at: gives the offset \+14:30 from UTC, which no clock keeps \(they run from -12:00 to \+14:00/);
    expect(refused(['--lang', 'ru', 'import', file])).toMatch(/incidents\[0\]\.events\[0\]\.at: указан сдвиг \+14:30 от UTC, которого нет ни у одних часов/);
  });

  it('takes an offset the zone database holds, however odd its minutes, and the time a skipped local time is said to be given as', () => {
    const env = { TZ: 'Africa/Monrovia' };
    // Monrovia went from -00:44:30 to UTC on 7 January 1972: 00:30 that night was skipped.
    const said = s.run(['incident', 'add', 'Old', '--title', 't', '--opened', '1972-01-07 00:30'], { env });
    expect(said.code).toBe(2);
    const suggested = /such as (1972-01-07T00:30[+-]\d\d:\d\d)\)/.exec(said.stderr)![1];
    ok(s.run(['incident', 'add', 'Old', '--title', 't', '--opened', suggested], { env }));
    for (const at of ['2026-11-21T10:00+05:45', '2026-11-21T10:00+08:45', '2026-11-21T10:00-09:30', '2026-11-21T10:00+13:45', '2026-11-21T10:00+14:00', '2026-11-21T10:00-00:44', '2026-11-21T10:00+05:21']) {
      ok(s.run(['incident', 'event', 'ozon-1', 'note', '--text', at, '--at', at]));
    }
  });

  it('refuses a closing ahead of the clock, even within the minutes of drift: it would judge a promise broken before its deadline', () => {
    const local = (ms: number) => {
      const d = new Date(ms);
      const p = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
    };
    ok(s.run(['incident', 'event', 'ozon-1', 'promise', '--text', 'soon', '--due', local(Date.now() + 2 * 60_000)]));
    const ahead = local(Date.now() + 4 * 60_000);
    expect(refused(['incident', 'close', 'ozon-1', '--outcome', 'resolved', '--at', ahead])).toMatch(new RegExp(`^vetted: --at ${ahead} is ahead of the clock \\(it is .* now\\), and a closing judges the promises made before it by its time; close it with a time up to now, or once it has come\\.$`));
    expect(refused(['--lang', 'ru', 'incident', 'event', 'ozon-1', 'resolution', '--outcome', 'resolved', '--at', ahead])).toMatch(/это ещё не наступило .* по времени закрытия судят об обещаниях/);
    // The promise is still to come; closed now, it is kept.
    expect(ok(s.run(['incident', 'show', 'ozon-1'])).stdout).toMatch(/promise "soon", due .*: due in/);
    ok(s.run(['incident', 'close', 'ozon-1', '--outcome', 'resolved', '--at', 'now']));
    expect(ok(s.run(['incident', 'show', 'ozon-1'])).stdout).toMatch(/promise "soon", due .*: kept/);
    // Nor is a closing moved ahead of the clock: `event edit` holds it to the same rule.
    const closing = (JSON.parse(ok(s.run(['incident', 'show', 'ozon-1', '--json'])).stdout) as { events: { id: string; type: string }[] }).events.find((e) => e.type === 'resolution')!.id;
    expect(refused(['event', 'edit', closing, '--at', ahead])).toMatch(new RegExp(`^vetted: --at ${ahead} is ahead of the clock`));
    expect(ok(s.run(['incident', 'show', 'ozon-1'])).stdout).toMatch(/promise "soon", due .*: kept/);
    // Its other fields, and a time up to now, may still be changed.
    ok(s.run(['event', 'edit', closing, '--at', local(Date.now() - 60_000)]));
  });

  it('says no contact is logged, rather than that none reached a person, where none is', () => {
    expect(ok(s.run(['incident', 'show', 'ozon-1'])).stdout).toMatch(/time to a live person: no contact logged/);
    expect(ok(s.run(['--lang', 'ru', 'incident', 'show', 'ozon-1'])).stdout).toMatch(/время до живого человека: контактов не записано/);
    // A contact that does not say whether a person answered: not known, not "never"; said so as it is logged.
    const logged = ok(s.run(['incident', 'event', 'ozon-1', 'contact', '--channel', 'phone', '--robot', '--at', '2026-11-21 10:00']));
    expect(logged.stderr).toMatch(/^ {2}note: ozon-1#1 does not say whether a person answered, so the figures count that as not known; say it with `vetted event edit ozon-1#1 --reached-human` \(or --no-reached-human\), and the wait with --wait-minutes\.$/m);
    expect(ok(s.run(['incident', 'show', 'ozon-1'])).stdout).toMatch(/time to a live person: not known: the contact does not say whether a person answered\n/);
    expect(ok(s.run(['company', 'show', 'Ozon'])).stdout).toMatch(/time to a live person \(median\): not known: the contact does not say whether a person answered\n/);
    expect(ok(s.run(['--lang', 'ru', 'company', 'show', 'Ozon'])).stdout).toMatch(/время до живого человека \(медиана\): неизвестно: в контакте не записано, ответил ли человек\n/);
    ok(s.run(['event', 'edit', 'ozon-1#1', '--no-reached-human']));
    expect(ok(s.run(['incident', 'show', 'ozon-1'])).stdout).toMatch(/time to a live person: never reached one\n/);
    // Said of it, how it went asks no note; a letter says it by being one.
    expect(ok(s.run(['incident', 'event', 'ozon-1', 'contact', '--channel', 'phone', '--no-reached-human', '--at', '2026-11-21 11:00'])).stderr).not.toMatch(/note:/);
    expect(ok(s.run(['incident', 'event', 'ozon-1', 'contact', '--channel', 'email', '--at', '2026-11-21 12:00'])).stderr).not.toMatch(/note:/);
    expect(ok(s.run(['incident', 'show', 'ozon-1'])).stdout).toMatch(/time to a live person: never reached one\n/);
  });

  it('lists the opening date in the form of the reader\'s language', () => {
    expect(ok(s.run(['incident', 'list'])).stdout).toMatch(/ozon-1 +Ozon +2026-11-20 +open/);
    expect(ok(s.run(['--lang', 'ru', 'incident', 'list'])).stdout).toMatch(/ozon-1 +Ozon +20\.11\.2026 +открыто/);
  });

  it('knows an event logged again at the same moment written another way, with the zone given', () => {
    ok(s.run(['incident', 'add', 'Zoned', '--title', 't', '--opened', '2026-11-20 10:00'], { env: { TZ: 'UTC' } }));
    ok(s.run(['incident', 'event', 'zoned-1', 'note', '--text', 't', '--at', '2026-11-23 18:00'], { env: { TZ: 'UTC' } }));
    for (const at of ['23.11.2026 18:00', '2026-11-23T18:00Z', '2026-11-23T21:00+03:00']) {
      expect(expectOneLineError(s.run(['incident', 'event', 'zoned-1', 'note', '--text', 't', '--at', at], { env: { TZ: 'UTC' } }))).toMatch(/this note at .* is on the timeline of zoned-1 already; nothing was added\./);
    }
    expect(json<{ events: unknown[] }>(s, ['incident', 'show', 'zoned-1', '--json']).events).toHaveLength(1);
  });

  it('takes a deadline of tomorrow, as a person says it (завтра in Russian)', () => {
    ok(s.run(['incident', 'event', 'ozon-1', 'promise', '--due', 'tomorrow 10:00', '--text', 'fixed by tomorrow']));
    ok(s.run(['--lang', 'ru', 'incident', 'event', 'ozon-1', 'promise', '--due', 'завтра', '--text', 'завтра починим']));
    const events = json<{ events: { due?: string }[] }>(s, ['incident', 'show', 'ozon-1', '--json']).events;
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    const day = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}`;
    // A time of tomorrow is read off the clock: kept with its offset; the day alone is a date.
    expect(events.map((e) => e.due)).toEqual([expect.stringMatching(new RegExp(`^${day}T10:00[+-]\\d\\d:\\d\\d$`)), day]);
  });

  it('reads the dates people type and stores them normalised; amounts with a comma', () => {
    ok(s.run(['incident', 'event', 'ozon-1', 'contact', '--at', '2026-11-21 09:30']));
    ok(s.run(['incident', 'event', 'ozon-1', 'promise', '--at', '22.11.2026 10:00', '--due', '25.11.2026', '--text', 'refund']));
    ok(s.run(['incident', 'event', 'ozon-1', 'compensation', '--at', 'yesterday 10:00', '--amount', '1,5', '--currency', 'eur']));
    ok(s.run(['incident', 'event', 'ozon-1', 'note', '--at', 'now', '--text', 'still waiting']));
    const events = json<{ events: { id: string; at: string; due?: string; amount?: number }[] }>(s, ['incident', 'show', 'ozon-1', '--json']).events;
    expect(events.map((e) => e.at.slice(0, 16))).toEqual(['2026-11-21T09:30', '2026-11-22T10:00', expect.stringMatching(/T10:00$/), expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/)]);
    expect(events[1].due).toBe('2026-11-25');
    expect(events[2].amount).toBe(1.5);
    expect(events.map((e) => e.id)).toEqual(['ozon-1#1', 'ozon-1#2', 'ozon-1#3', 'ozon-1#4']);
  });

  it('moves the opening and an event, and refuses an opening after the first event', () => {
    ok(s.run(['incident', 'event', 'ozon-1', 'contact', '--at', '2026-11-20 11:00']));
    expect(refused(['incident', 'edit', 'ozon-1', '--opened', '2026-11-21'])).toMatch(/cannot open at 2026-11-21: its first event, ozon-1#1 \(contact\), is earlier/);
    ok(s.run(['incident', 'edit', 'ozon-1', '--opened', '18.11.2026 08:00']));
    ok(s.run(['event', 'edit', 'ozon-1#1', '--at', '2026-11-18 09:00', '--channel', 'chat']));
    const shown = json<{ opened: string; events: { at: string; channel: string }[] }>(s, ['incident', 'show', 'ozon-1', '--json']);
    expect(shown.opened).toBe('2026-11-18T08:00');
    expect(shown.events[0]).toMatchObject({ at: '2026-11-18T09:00', channel: 'chat' });
    ok(s.run(['undo', '2']));
    expect(json<{ opened: string }>(s, ['incident', 'show', 'ozon-1', '--json']).opened).toBe('2026-11-20T10:00');
  });

  it('refuses an opening after the incident was closed, and a data file that closes an incident twice', () => {
    const file = `${s.dir}/closed.yaml`;
    writeFileSync(file, 'format: vetted/1\nincidents:\n  - id: x-1\n    company: X\n    title: T\n    opened: 2026-11-01T09:00\n    fault: company\n    closed: 2026-11-05T00:00\n');
    ok(s.run(['import', file]));
    expect(refused(['incident', 'edit', 'x-1', '--opened', '2026-11-20 10:00'])).toMatch(/x-1 cannot open at 2026-11-20 10:00: it was closed at 2026-11-05 00:00, before that/);
    writeFileSync(
      file,
      'format: vetted/1\nincidents:\n  - id: y-1\n    company: Y\n    title: T\n    opened: 2026-11-01T09:00\n    events:\n      - { at: 2026-11-02T09:00, type: resolution, outcome: resolved }\n      - { at: 2026-11-03T09:00, type: resolution, outcome: unresolved }\n',
    );
    expect(refused(['import', file])).toMatch(/incidents\[0\]\.events\[1\]\.type: is a second resolution \(events\[0\] closed the incident already\)/);
  });

  it('moves an incident to the right company, keeping its id and events; undo moves it back', () => {
    ok(s.run(['incident', 'event', 'ozon-1', 'contact', '--at', '2026-11-20 11:00']));
    ok(s.run(['incident', 'add', 'Wildberries', '--title', 'other', '--opened', '2026-11-01']));
    ok(s.run(['incident', 'edit', 'ozon-1', '--company', 'Wildberries']));
    const moved = json<{ id: string; company: string; events: { id: string }[] }>(s, ['incident', 'show', 'ozon-1', '--json']);
    expect(moved).toMatchObject({ id: 'ozon-1', company: 'Wildberries', events: [{ id: 'ozon-1#1' }] });
    expect(json<unknown[]>(s, ['incident', 'list', '--company', 'Ozon', '--json'])).toEqual([]);
    ok(s.run(['undo']));
    expect(json<{ company: string }>(s, ['incident', 'show', 'ozon-1', '--json']).company).toBe('Ozon');
    // A company not on record yet is added, as incident add adds one; one undo takes both back.
    const edited = ok(s.run(['incident', 'edit', 'ozon-1', '--company', 'Citilink']));
    expect(edited.stderr).toBe('updated ozon-1; moved from Ozon to Citilink, a company added to your record (to take it back: vetted undo)\n');
    expect(json<{ company: string }>(s, ['incident', 'show', 'ozon-1', '--json']).company).toBe('Citilink');
    ok(s.run(['undo']));
    expect(json<{ name: string }[]>(s, ['company', 'list', '--json']).map((c) => c.name)).not.toContain('Citilink');
    // A name like one on record is taken for a typo of it.
    expect(refused(['incident', 'edit', 'ozon-1', '--company', 'Wildberies'])).toMatch(/there is no company "Wildberies"; did you mean "Wildberries"\?/);
  });

  it('an edit that changes nothing says so, is not in the history, and offers no undo (which would take back another change)', () => {
    ok(s.run(['incident', 'add', 'Wildberries', '--title', 'other', '--opened', '2026-11-01']));
    ok(s.run(['incident', 'edit', 'ozon-1', '--company', 'Wildberries']));
    const count = json<unknown[]>(s, ['history', '--json']).length;
    const shown = json<{ title: string; fault: string; opened: string }>(s, ['incident', 'show', 'ozon-1', '--json']);
    for (const flags of [['--company', 'wildberries'], ['--fault', shown.fault], ['--title', shown.title], ['--opened', shown.opened, '--title', ` ${shown.title} `], ['--opened', `${shown.opened}:00`]]) {
      expect(ok(s.run(['incident', 'edit', 'ozon-1', ...flags])).stderr, flags.join(' ')).toBe('ozon-1 already reads so; nothing changed.\n');
    }
    expect(json<unknown[]>(s, ['history', '--json'])).toHaveLength(count);
    expect(json<{ company: string }>(s, ['incident', 'edit', 'ozon-1', '--fault', shown.fault, '--json']).company).toBe('Wildberries');
    // One flag that changes is a change, and is named (the one that does not, not).
    expect(ok(s.run(['incident', 'edit', 'ozon-1', '--fault', 'unknown', '--title', shown.title])).stderr).toMatch(/^updated ozon-1: fault unknown \(to take it back: vetted undo\)/);
    expect(ok(s.run(['--lang', 'ru', 'incident', 'edit', 'ozon-1', '--fault', 'customer', '--title', 'Чайник'])).stderr).toMatch(/^обращение ozon-1 изменено: заголовок: «Чайник», вина: покупатель /);
  });

  it('names the closest incident ids when one is unknown', () => {
    expect(refused(['incident', 'show', 'ozon-2'])).toMatch(/there is no incident "ozon-2"; did you mean "ozon-1"\?/);
    expect(refused(['event', 'edit', 'ozon-1#7', '--kept'])).toMatch(/ozon-1 has no event "#7"; its events are none yet/);
    expect(refused(['event', 'edit', 'ozon-1', '--kept'])).toMatch(/is not an event id/);
  });
});

describe('a promise that was in fact kept', () => {
  it('is marked kept, and the unfair black verdict (B2) goes; undo brings it back', () => {
    ok(s.run(['incident', 'add', 'Some ISP', '--title', 'down', '--fault', 'company', '--opened', '2026-11-01 09:00']));
    for (const [at, due] of [['2026-11-01 10:00', '2026-11-02 10:00'], ['2026-11-03 10:00', '2026-11-04 10:00'], ['2026-11-05 10:00', '2026-11-06 10:00']]) {
      ok(s.run(['incident', 'event', 'some-isp-1', 'promise', '--at', at, '--due', due, '--text', 'fixed tomorrow']));
    }
    expect(listOf('Some ISP')).toBe('black');
    expect(lists().black[0].reasons.map((r) => r.rule)).toEqual(['B2']);
    ok(s.run(['event', 'edit', 'some-isp-1#2', '--kept']));
    expect(listOf('Some ISP')).toBe('watch');
    expect(json<{ events: { kept?: boolean }[] }>(s, ['incident', 'show', 'some-isp-1', '--json']).events[1].kept).toBe(true);
    ok(s.run(['event', 'edit', 'some-isp-1#3', '--due', '2026-11-10 10:00']));
    ok(s.run(['undo', '2']));
    expect(listOf('Some ISP')).toBe('black');
    expect(refused(['event', 'edit', 'some-isp-1#1', '--wait-minutes', '3'])).toMatch(/--wait-minutes does not apply to a promise event/);
    expect(refused(['event', 'edit', 'some-isp-1#1', '--due', '2026-10-01'])).toMatch(/cannot fall due \(2026-10-01\) before it was made/);
  });
});

describe('the words of an event', () => {
  it('are kept exactly; blanks are no words: left out when logged, taken away by an edit', () => {
    ok(s.run(['incident', 'add', 'Some ISP', '--title', 'down', '--opened', '2026-11-01 09:00']));
    ok(s.run(['incident', 'event', 'some-isp-1', 'promise', '--at', '2026-11-01 10:00', '--due', '2026-11-02 10:00', '--text', '   ']));
    ok(s.run(['incident', 'event', 'some-isp-1', 'refusal', '--at', '2026-11-01 11:00', '--text', '  not covered  ', '--policy']));
    const events = () => json<{ events: { text?: string }[] }>(s, ['incident', 'show', 'some-isp-1', '--json']).events;
    expect(events().map((e) => e.text)).toEqual([undefined, '  not covered  ']);
    expect(ok(s.run(['incident', 'show', 'some-isp-1'])).stdout).toMatch(/promise \(no words recorded\), due/);
    expect(ok(s.run(['event', 'edit', 'some-isp-1#1', '--text', 'fixed tomorrow'])).stderr).toMatch(/updated some-isp-1#1: text "fixed tomorrow"/);
    expect(ok(s.run(['event', 'edit', 'some-isp-1#1', '--text', '  '])).stderr).toMatch(/updated some-isp-1#1: text cleared/);
    expect(events()[0].text).toBeUndefined();
    expect(ok(s.run(['event', 'edit', 'some-isp-1#1', '--text', ''])).stderr).toMatch(/already reads so; nothing changed/);
    // Its own time given again is a change to nothing, as its own words are (it was refused as no change asked for).
    const at = json<{ events: { at: string }[] }>(s, ['incident', 'show', 'some-isp-1', '--json']).events[0].at;
    expect(ok(s.run(['event', 'edit', 'some-isp-1#1', '--at', at])).stderr).toBe('event some-isp-1#1 already reads so; nothing changed.\n');
    expect(ok(s.run(['--lang', 'ru', 'event', 'edit', 'some-isp-1#2', '--note', 'called twice'])).stderr).toMatch(/заметка: «called twice»/);
    expect(refused(['incident', 'event', 'some-isp-1', 'note', '--text', ' \t '])).toMatch(/a note event needs --text/);
    // Nor are a note's words taken away by an edit.
    ok(s.run(['incident', 'event', 'some-isp-1', 'note', '--text', 'hi', '--at', '2026-11-01 12:00']));
    expect(refused(['event', 'edit', 'some-isp-1#3', '--text', '  '])).toMatch(/a note event needs --text/);
  });
});

describe('event list', () => {
  it('says what a compensation was, as incident show does', () => {
    ok(s.run(['incident', 'add', 'Some ISP', '--title', 'down', '--opened', '2026-11-01 09:00']));
    ok(s.run(['incident', 'event', 'some-isp-1', 'compensation', '--at', '2026-11-02 10:00', '--kind', 'refund', '--amount', '300', '--currency', 'RUB']));
    ok(s.run(['incident', 'event', 'some-isp-1', 'compensation', '--at', '2026-11-03 10:00', '--kind', 'credit', '--note', 'after two calls']));
    expect(ok(s.run(['incident', 'show', 'some-isp-1'])).stdout).toContain('refund 300 RUB');
    const lines = ok(s.run(['event', 'list', 'some-isp-1'])).stdout.split('\n');
    expect(lines[1]).toMatch(/^some-isp-1#1 .*compensation +Some ISP +refund 300 RUB$/);
    expect(lines[2]).toMatch(/^some-isp-1#2 .*compensation +Some ISP +credit — after two calls$/);
    expect(ok(s.run(['--lang', 'ru', 'event', 'list', 'some-isp-1'])).stdout).toMatch(/компенсация +Some ISP +возврат 300 RUB\n/);
  });

  it('says how a compensation came, and one with neither kind nor sum by what it took, in both languages', () => {
    ok(s.run(['incident', 'add', 'Other ISP', '--title', 'down', '--opened', '2026-11-01 09:00']));
    ok(s.run(['incident', 'event', 'other-isp-1', 'compensation', '--at', '2026-11-02 10:00', '--effort', 'asked']));
    ok(s.run(['incident', 'event', 'other-isp-1', 'compensation', '--at', '2026-11-03 10:00', '--kind', 'refund', '--amount', '300', '--currency', 'RUB', '--effort', 'paperwork', '--no-proactive']));
    const show = ok(s.run(['incident', 'show', 'other-isp-1'])).stdout;
    expect(show).toMatch(/ compensation \(took: asked\)\n/);
    expect(show).toMatch(/ compensation: refund 300 RUB \(only when asked, took: paperwork\)\n/);
    const lines = ok(s.run(['event', 'list', 'other-isp-1'])).stdout.split('\n');
    expect(lines[1]).toMatch(/^other-isp-1#1 .*compensation +Other ISP +took: asked$/);
    expect(lines[2]).toMatch(/^other-isp-1#2 .*compensation +Other ISP +refund 300 RUB \(only when asked, took: paperwork\)$/);
    const ru = ok(s.run(['--lang', 'ru', 'event', 'list', 'other-isp-1'])).stdout.split('\n');
    expect(ru[1]).toMatch(/компенсация +Other ISP +чего стоило: попросить$/);
    expect(ok(s.run(['--lang', 'ru', 'incident', 'show', 'other-isp-1'])).stdout).toMatch(/ компенсация \(чего стоило: попросить\)\n/);
  });
});

describe('closing, reopening and removing', () => {
  beforeEach(() => {
    ok(s.run(['incident', 'add', 'Ozon', '--title', 'parcel lost', '--fault', 'company', '--opened', '2026-11-20 10:00']));
    ok(s.run(['incident', 'close', 'ozon-1', '--outcome', 'resolved', '--at', '2026-11-25 10:00']));
  });

  it('refuses a second close or resolution, saying how to reopen; accepts a late compensation', () => {
    expect(refused(['incident', 'close', 'ozon-1', '--outcome', 'resolved'])).toMatch(/ozon-1 is closed already \(ozon-1#1, resolved\); .*vetted incident reopen ozon-1/);
    expect(refused(['incident', 'event', 'ozon-1', 'resolution', '--outcome', 'partial'])).toMatch(/closed already/);
    ok(s.run(['incident', 'event', 'ozon-1', 'compensation', '--at', '2026-11-28', '--kind', 'refund']));
  });

  it('reopens (the resolution goes) and closes again; remove and undo', () => {
    ok(s.run(['incident', 'reopen', 'ozon-1']));
    expect(json<{ open: boolean; events: unknown[] }>(s, ['incident', 'show', 'ozon-1', '--json'])).toMatchObject({ open: true, events: [] });
    expect(refused(['incident', 'reopen', 'ozon-1'])).toMatch(/is open already/);
    ok(s.run(['incident', 'close', 'ozon-1', '--outcome', 'partial', '--at', '2026-11-26 10:00']));
    const before = record();
    ok(s.run(['incident', 'remove', 'ozon-1']));
    expect(json<unknown[]>(s, ['incident', 'list', '--json'])).toEqual([]);
    ok(s.run(['undo']));
    expect(record()).toEqual(before);
    // A removed event's number is not handed out again.
    ok(s.run(['event', 'remove', 'ozon-1#2']));
    ok(s.run(['incident', 'event', 'ozon-1', 'note', '--at', '2026-11-27', '--text', 'x']));
    expect(json<{ events: { id: string }[] }>(s, ['incident', 'show', 'ozon-1', '--json']).events.map((e) => e.id)).toEqual(['ozon-1#3']);
  });
});

describe('checks by their stable ids', () => {
  it('lists, shows and removes checks; ids survive export and import into a new database', () => {
    ok(s.run(['import', SEEDS]));
    const checks = json<{ id: string; company: string }[]>(s, ['checks', 'list', '--json']);
    expect(checks.map((c) => c.id)).toEqual(['amazon-check-1', 'cool-air-install-check-1']);
    expect(ok(s.run(['checks', 'show', 'amazon-check-1'])).stdout).toMatch(/Amazon — check amazon-check-1/);
    const why = json<{ reasons: { evidence: string[] }[] }>(s, ['why', 'Amazon', '--json']);
    expect(why.reasons[0].evidence).toEqual(['check:amazon-check-1']);
    const exported = ok(s.run(['export', '--format', 'json'])).stdout;
    const other = sandbox();
    try {
      const file = `${other.dir}/data.json`;
      writeFileSync(file, exported);
      ok(other.run(['import', file]));
      expect(json<{ id: string }[]>(other, ['checks', 'list', '--json']).map((c) => c.id)).toEqual(['amazon-check-1', 'cool-air-install-check-1']);
      const events = json<{ events: { id: string }[] }>(other, ['incident', 'show', 'volga-2012-07', '--json']).events.map((e) => e.id);
      expect(events).toEqual(json<{ events: { id: string }[] }>(s, ['incident', 'show', 'volga-2012-07', '--json']).events.map((e) => e.id));
    } finally {
      other.cleanup();
    }
    ok(s.run(['checks', 'remove', 'amazon-check-1']));
    expect(refused(['checks', 'show', 'amazon-check-1'])).toMatch(/there is no check "amazon-check-1"/);
    ok(s.run(['undo']));
    expect(listOf('Amazon')).toBe('white');
  });
});

describe('history and undo', () => {
  it('lists every change newest first, undoes the last N, and redoes an undo', () => {
    ok(s.run(['incident', 'add', 'Ozon', '--title', 'late', '--opened', '2026-11-20']));
    ok(s.run(['pin', 'Ozon', 'black', '--reason', 'late again']));
    const h = json<{ id: number; summary: string; command: string }[]>(s, ['history', '--json']);
    expect(h.map((o) => o.summary)).toEqual(['pin Ozon to the black list: late again', 'incident ozon-1 opened with Ozon: late']);
    expect(h[0].command).toBe("vetted pin Ozon black --reason 'late again'");
    // Its columns each have a heading; the undo column is there once a change was undone.
    expect(ok(s.run(['history'])).stdout.split('\n')[0]).toMatch(/^#\s+when\s+what$/);
    const undone = json<{ by: number; undone: { id: number; reverted_by: number | null } }[]>(s, ['undo', '--json']);
    // The operation as it stands after: undone by the undo just made, as history says.
    expect(undone[0].undone.reverted_by).toBe(undone[0].by);
    expect(json<{ id: number; reverted_by: number | null }[]>(s, ['history', '--json']).find((o) => o.id === undone[0].undone.id)?.reverted_by).toBe(undone[0].by);
    expect(listOf('Ozon')).toBe('watch');
    ok(s.run(['undo', '--op', String(undone[0].by)]));
    expect(listOf('Ozon')).toBe('black');
    expect(ok(s.run(['history'])).stdout).toMatch(/^#\s+when\s+what\s+undo\n(.*\n)*4 .*undid #3\n3 .*undone by #4\n/);
    ok(s.run(['undo', '2']));
    expect(json<unknown[]>(s, ['company', 'list', '--json'])).toEqual([]);
    // Every change is undone: the undos are there to be redone, and it says so.
    expect(refused(['undo'])).toMatch(/^vetted: there is nothing to undo: every change recorded is undone already; to redo one, `vetted undo --op N`/);
    expect(refused(['undo', 'x'])).toMatch(/whole number/);
    expect(refused(['undo', '--op', '99'])).toMatch(/no operation #99/);
  });

  it('an import of standard input is kept as such in the journal, and named in the words of whoever reads the history', () => {
    const input = 'format: vetted/1\nincidents:\n  - {company: Shop, title: t, opened: 2026-01-01}\n';
    ok(s.run(['--lang', 'ru', 'import', '-'], { input }));
    const what = () => json<{ summary: string; what: { file: string } }[]>(s, ['history', '--json'])[0];
    expect(what().what.file).toBe('-');
    expect(what().summary).toMatch(/^import standard input: 1 company/);
    expect(ok(s.run(['history'])).stdout).toMatch(/ import standard input: 1 company/);
    expect(ok(s.run(['--lang', 'ru', 'history'])).stdout).toMatch(/ импорт из стандартного ввода: добавлено компаний — 1/);
    // As older versions kept it, in the words of the language it ran in: read as standard input too.
    const raw = new Database(s.db);
    raw.prepare("UPDATE operations SET summary = json_set(summary, '$.file', 'стандартный ввод')").run();
    raw.close();
    expect(what()).toMatchObject({ summary: expect.stringMatching(/^import standard input: /), what: { file: '-' } });
    expect(ok(s.run(['undo'])).stderr).toMatch(/^undone #1: import standard input: /);
    // A file whose name is `-` is no standard input.
    writeFileSync(`${s.dir}/-`, input);
    ok(s.run(['import', `${s.dir}/-`]));
    expect(what()).toMatchObject({ summary: expect.stringMatching(/^import \.\/-: /), what: { file: './-' } });
  });

  it('undo N says how to redo them all in an order that is taken: the last undone first', () => {
    ok(s.run(['incident', 'add', 'Shop', '--title', 'kettle', '--opened', '2026-11-01']));
    ok(s.run(['incident', 'event', 'shop-1', 'note', '--text', 'hi', '--at', '2026-11-02']));
    ok(s.run(['company', 'rename', 'Shop', 'Store']));
    const before = record();
    const said = ok(s.run(['undo', '3'])).stderr.trimEnd().split('\n');
    expect(said.slice(0, 3).map((l) => l.replace(/:.*/, ''))).toEqual(['undone #3', 'undone #2', 'undone #1']);
    // #4, the undo of the rename, redone first would put the rename back on a company not there.
    expect(said.slice(0, 3).join('\n')).not.toMatch(/to redo/);
    expect(said[3]).toBe('to redo them, undo their undos, the last first: vetted undo --op 6, then vetted undo --op 5, then vetted undo --op 4');
    for (const [, op] of said[3].matchAll(/vetted undo --op (\d+)/g)) ok(s.run(['undo', '--op', op]));
    expect(record()).toEqual(before);
    // One undone alone names its own undo.
    expect(ok(s.run(['undo'])).stderr).toMatch(/^undone #3: .* \(to redo: vetted undo --op 10\)\n$/);
    expect(ok(s.run(['--lang', 'ru', 'undo', '2'])).stderr).toMatch(/\nчтобы вернуть оба изменения, отмените их отмены, начиная с последней: vetted undo --op 12, затем vetted undo --op 11\n$/);
  });

  it('history --company names the changes to the companies merged into it too, while their merge stands', () => {
    ok(s.run(['incident', 'add', 'Ozon Ltd', '--title', 'late', '--opened', '2026-11-20']));
    ok(s.run(['incident', 'event', 'ozon-ltd-1', 'contact', '--channel', 'phone', '--at', '2026-11-21']));
    ok(s.run(['incident', 'add', 'Ozon', '--title', 'lost', '--opened', '2026-11-20']));
    ok(s.run(['incident', 'add', 'Wildberries', '--title', 'late', '--opened', '2026-11-20']));
    ok(s.run(['company', 'merge', 'Ozon Ltd', 'Ozon']));
    const ozon = () => json<{ summary: string }[]>(s, ['history', '--company', 'Ozon', '--json']).map((o) => o.summary);
    const merged = ['merge Ozon Ltd into Ozon (0 checks, 1 incident moved)', 'incident ozon-1 opened with Ozon: lost', 'contact on ozon-ltd-1 at 2026-11-21', 'incident ozon-ltd-1 opened with Ozon Ltd: late'];
    expect(ozon()).toEqual(merged);
    // By its old name, now an alias, the same company and the same history.
    expect(json<{ summary: string }[]>(s, ['history', '--company', 'Ozon Ltd', '--json']).map((o) => o.summary)).toEqual(merged);
    ok(s.run(['undo']));
    expect(ozon()).toEqual([`undo #5: ${merged[0]}`, merged[0], merged[1]]);
  });

  it('event edit refuses to make an event the same as another: its export would import one for both', () => {
    ok(s.run(['incident', 'add', 'Ozon', '--title', 'late', '--opened', '2026-11-20 10:00']));
    ok(s.run(['incident', 'event', 'ozon-1', 'contact', '--channel', 'phone', '--at', '2026-11-20 11:00']));
    ok(s.run(['incident', 'event', 'ozon-1', 'contact', '--channel', 'phone', '--at', '2026-11-20 11:05']));
    expect(refused(['event', 'edit', 'ozon-1#2', '--at', '2026-11-20 11:00'])).toMatch(/^vetted: ozon-1#2 would then read as ozon-1#1 does \(the same time, type and details\)/);
    expect(json<{ events: { at: string }[] }>(s, ['incident', 'show', 'ozon-1', '--json']).events.map((e) => e.at)).toEqual(['2026-11-20T11:00', '2026-11-20T11:05']);
    ok(s.run(['event', 'edit', 'ozon-1#2', '--at', '2026-11-20 11:00', '--note', 'called back']));
    // Two events the same, as an older version let them be: another event is edited all the same.
    const raw = new Database(s.db);
    raw.function('vetted_op', () => 0);
    raw.prepare("INSERT INTO events (incident_id, seq, at, at_ms, type, data) SELECT incident_id, 9, at, at_ms, type, data FROM events WHERE seq = 1").run();
    raw.close();
    ok(s.run(['incident', 'event', 'ozon-1', 'note', '--text', 'x', '--at', '2026-11-20 12:00']));
    ok(s.run(['event', 'edit', 'ozon-1#3', '--text', 'y']));
  });

  /** The numbers of the operations `history --company` names. */
  const historyIds = (company: string) => json<{ id: number }[]>(s, ['history', '--company', company, '--json']).map((o) => o.id);
  /** Operations 1 to 3: an incident of Alpha, one of Beta, Beta merged into Alpha. */
  const betaMergedIntoAlpha = () => {
    ok(s.run(['incident', 'add', 'Alpha', '--title', 'a']));
    ok(s.run(['incident', 'add', 'Beta', '--title', 'b']));
    ok(s.run(['company', 'merge', 'Beta', 'Alpha']));
  };

  it('history --company keeps a merged company to itself: not another company given its id later, not one whose parent it was', () => {
    betaMergedIntoAlpha();
    // Beta was the last company made: Gamma is given its id.
    ok(s.run(['incident', 'add', 'Gamma', '--title', 'g']));
    expect(historyIds('Alpha')).toEqual([3, 2, 1]);
    expect(historyIds('Gamma')).toEqual([4]);
    ok(s.run(['incident', 'add', 'Kid', '--title', 'k']));
    ok(s.run(['pin', 'From', 'black', '--reason', 'r']));
    ok(s.run(['company', 'edit', 'Kid', '--parent', 'From']));
    ok(s.run(['company', 'merge', 'From', 'Alpha']));
    // The merge changed Kid (its parent goes), not what was done to From before it.
    expect(historyIds('Kid')).toEqual([8, 7, 5]);
    expect(historyIds('Alpha')).toEqual([8, 6, 3, 2, 1]);
  });

  it('history --company of a company brought back by an undo, whose id another company had meanwhile: its own making included', () => {
    betaMergedIntoAlpha();
    ok(s.run(['incident', 'add', 'Echo', '--title', 'e']));
    ok(s.run(['undo']));
    ok(s.run(['undo', '--op', '3']));
    expect(historyIds('Beta')).toContain(2);
  });

  it('a change redone after prune forgot it is taken back by a plain undo, through its redo', () => {
    ok(s.run(['incident', 'add', 'Ozon', '--title', 'late', '--opened', '2026-11-20']));
    ok(s.run(['company', 'rename', 'Ozon', 'Ozon Ltd']));
    // The rename forgotten, its undo kept: prune before a moment between the two.
    const at = aMomentBetween();
    ok(s.run(['undo']));
    ok(s.run(['history', 'prune', '--before', at]));
    const [undo] = json<{ id: number }[]>(s, ['history', '--json']);
    ok(s.run(['undo', '--op', String(undo.id)]));
    expect(json<{ name: string }[]>(s, ['company', 'list', '--json']).map((c) => c.name)).toContain('Ozon Ltd');
    expect(ok(s.run(['undo'])).stderr).toMatch(/^undone #\d+: undo #\d+: undo #\d+: rename Ozon to Ozon Ltd/);
    expect(json<{ name: string }[]>(s, ['company', 'list', '--json']).map((c) => c.name)).toContain('Ozon');
    // The undo it stood by stands again: a plain undo goes further back, past it.
    expect(refused(['undo'])).toMatch(/there is nothing to undo/);
  });

  it('a redo whose change and undo prune both forgot is taken back by a plain undo too', () => {
    ok(s.run(['incident', 'add', 'Ozon', '--title', 'late', '--opened', '2026-11-20']));
    ok(s.run(['company', 'rename', 'Ozon', 'Ozon Ltd']));
    ok(s.run(['undo']));
    const [undo] = json<{ id: number }[]>(s, ['history', '--json']);
    const at = aMomentBetween();
    ok(s.run(['undo', '--op', String(undo.id)]));
    ok(s.run(['history', 'prune', '--before', at]));
    expect(json<unknown[]>(s, ['history', '--json'])).toHaveLength(1);
    expect(ok(s.run(['undo'])).stderr).toMatch(/^undone #\d+: undo #\d+: undo #\d+: rename Ozon to Ozon Ltd/);
    expect(json<{ name: string }[]>(s, ['company', 'list', '--json']).map((c) => c.name)).toEqual(['Ozon']);
  });

  it('says there are more only where there are: a page of exactly all of them says nothing; --limit says what JSON gives', () => {
    ok(s.run(['incident', 'add', 'Ozon', '--title', 'late', '--opened', '2026-11-20']));
    ok(s.run(['incident', 'add', 'Wildberries', '--title', 'late', '--opened', '2026-11-20']));
    expect(ok(s.run(['history', '--limit', '2'])).stderr).toBe('');
    expect(ok(s.run(['history', '--limit', '3'])).stderr).toBe('');
    const one = ok(s.run(['history', '--limit', '1']));
    expect(one.stderr).toBe('(the newest 1; --limit N shows more)\n');
    expect(one.stdout).toMatch(/wildberries-1/);
    expect(one.stdout).not.toMatch(/ozon-1/);
    expect(ok(s.run(['history', '--help'])).stdout).toMatch(/--limit <n> +at most this many \(default: 20 in text; --json and\s+--ndjson give every one\)/);
  });

  it("prune says its date as the reader's language writes one", () => {
    ok(s.run(['incident', 'add', 'Ozon', '--title', 'late', '--opened', '2026-11-20']));
    expect(ok(s.run(['--lang', 'ru', 'history', 'prune', '--before', '2020-12-31'])).stderr).toBe('до 31.12.2020 ничего не записано.\n');
    expect(ok(s.run(['history', 'prune', '--before', '2020-12-31'])).stderr).toBe('nothing was recorded before 2020-12-31.\n');
    // (The latest date prune takes is tomorrow's.)
    expect(ok(s.run(['--lang', 'ru', 'history', 'prune', '--before', 'завтра'])).stderr).toMatch(/^забыты операции до \d\d\.\d\d\.\d{4}( \d\d:\d\d)? \(1\): их больше нельзя отменить\.\n$/);
  });

  it('history --company names the changes to one company; prune forgets them for good', () => {
    ok(s.run(['incident', 'add', 'Ozon', '--title', 'late', '--opened', '2026-11-20']));
    ok(s.run(['incident', 'add', 'Wildberries', '--title', 'late', '--opened', '2026-11-20']));
    expect(json<{ summary: string }[]>(s, ['history', '--company', 'Ozon', '--json']).map((o) => o.summary)).toEqual(['incident ozon-1 opened with Ozon: late']);
    ok(s.run(['history', 'prune', '--before', 'today']));
    expect(json<unknown[]>(s, ['history', '--json'])).toHaveLength(2);
    ok(s.run(['history', 'prune', '--before', 'tomorrow']));
    expect(json<unknown[]>(s, ['history', '--json'])).toEqual([]);
    expect(refused(['undo'])).toBe('vetted: there is nothing to undo: no change is recorded (see `vetted history`).');
  });

  it('prune refuses a --before past tomorrow, in English and in Russian, forgetting nothing: a year mistyped would forget every change', () => {
    ok(s.run(['incident', 'add', 'Ozon', '--title', 'late', '--opened', '2026-11-20']));
    const later = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    for (const before of ['2062-12-01', later]) {
      expect(refused(['history', 'prune', '--before', before])).toMatch(
        new RegExp(`^vetted: --before ${before} is past tomorrow \\(it is \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d now\\), most likely a date mistyped: history prune forgets for good the changes made before the date given; give one no later than the end of tomorrow \\(\`--before tomorrow\` forgets them all\\)\\.$`),
      );
    }
    expect(expectOneLineError(s.run(['--lang', 'ru', 'history', 'prune', '--before', '2062-12-01']))).toMatch(/^vetted: --before 2062-12-01 — это позже завтрашнего дня \(сейчас \d\d\.\d\d\.\d{4} \d\d:\d\d\)/);
    expect(json<unknown[]>(s, ['history', '--json'])).toHaveLength(1);
    // The end of tomorrow is one instant, however it is written: the day after tomorrow, alone,
    // is its start; a minute into it is past.
    const d = new Date();
    const dayAfter = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 2);
    const dayAfterText = `${dayAfter.getFullYear()}-${String(dayAfter.getMonth() + 1).padStart(2, '0')}-${String(dayAfter.getDate()).padStart(2, '0')}`;
    expect(refused(['history', 'prune', '--before', `${dayAfterText} 00:01`])).toMatch(/is past tomorrow/);
    expect(json<unknown[]>(s, ['history', '--json'])).toHaveLength(1);
    expect(ok(s.run(['history', 'prune', '--before', dayAfterText])).stderr).toMatch(/^forgot /);
    expect(json<unknown[]>(s, ['history', '--json'])).toEqual([]);
    ok(s.run(['incident', 'add', 'Ozon', '--title', 'later', '--opened', '2026-11-21']));
    // Tomorrow is the whole of tomorrow here, whatever the hour now.
    ok(s.run(['history', 'prune', '--before', 'tomorrow 23:59']));
    expect(json<unknown[]>(s, ['history', '--json'])).toEqual([]);
  });

  it('after a prune, a new change is not given the number of one forgotten: an undo --op said before names no other change', () => {
    ok(s.run(['incident', 'add', 'Ozon', '--title', 'late', '--opened', '2026-11-20']));
    ok(s.run(['incident', 'edit', 'ozon-1', '--title', 'very late']));
    expect(ok(s.run(['undo'])).stderr).toMatch(/to redo: vetted undo --op 3/);
    ok(s.run(['history', 'prune', '--before', 'tomorrow']));
    ok(s.run(['pin', 'Ozon', 'white', '--reason', 'fine']));
    expect(json<{ id: number }[]>(s, ['history', '--json']).map((o) => o.id)).toEqual([4]);
    expect(expectOneLineError(s.run(['undo', '--op', '3']))).toMatch(/#3/);
  });

  it('prune leaves nothing of what it forgot in the file: a removed note and receipt are not in its bytes, nor in a backup made after', () => {
    ok(s.run(['incident', 'add', 'Ozon', '--title', 'late', '--opened', '2026-11-20']));
    const receipt = `${s.dir}/card.txt`;
    writeFileSync(receipt, 'CARD-4111-1111-1111-1111\n');
    ok(s.run(['incident', 'attach', 'ozon-1', receipt]));
    ok(s.run(['incident', 'event', 'ozon-1', 'note', '--text', 'SECRET-NOTE-XYZ', '--at', '2026-11-21']));
    ok(s.run(['incident', 'remove', 'ozon-1']));
    const inFile = (file: string) => {
      const bytes = readFileSync(file);
      return ['CARD-4111', 'SECRET-NOTE'].filter((secret) => bytes.includes(secret));
    };
    const all = () => [s.db, `${s.db}-wal`].flatMap((f) => { try { return inFile(f); } catch { return []; } });
    // Still to be undone: kept.
    expect(all()).not.toEqual([]);
    ok(s.run(['history', 'prune', '--before', 'tomorrow']));
    expect(all()).toEqual([]);
    const backup = `${s.dir}/after.db`;
    ok(s.run(['backup', '--out', backup]));
    expect(inFile(backup)).toEqual([]);
  });

  it('an import is one operation, and its undo removes exactly what it added', () => {
    ok(s.run(['incident', 'add', 'Volgatelecom', '--title', 'mine', '--opened', '2026-11-20']));
    const before = record();
    ok(s.run(['import', SEEDS]));
    ok(s.run(['undo']));
    expect(record()).toEqual(before);
  });

  it('an import that adds events to an incident there already and opens new ones is in the history of each company, and its undo lists both again as before', () => {
    ok(s.run(['incident', 'add', 'Ozon', '--title', 'late', '--opened', '2026-11-20']));
    const before = lists();
    const file = `${s.dir}/more.json`;
    const refusal = (at: string) => ({ at, type: 'refusal', level: 'management', policy: true, text: 'not covered' });
    writeFileSync(
      file,
      JSON.stringify({
        format: 'vetted/1',
        incidents: [
          { id: 'ozon-1', company: 'Ozon', title: 'late', opened: '2026-11-20', events: [refusal('2026-11-21T10:00')] },
          { id: 'wb-1', company: 'Wildberries', title: 'broken', opened: '2026-11-20', fault: 'company', events: [refusal('2026-11-21T10:00')] },
        ],
      }),
    );
    ok(s.run(['import', file]));
    for (const company of ['Ozon', 'Wildberries']) {
      expect(json<{ summary: string }[]>(s, ['history', '--company', company, '--json'])[0].summary).toMatch(/^import more\.json/);
    }
    expect(lists()).not.toEqual(before);
    ok(s.run(['undo']));
    expect(lists()).toEqual(before);
  });
});

describe('undo of a change that replaced something, and changes that change nothing', () => {
  const pinOf = (name: string) => json<{ pinned: boolean; list: string; reasons: { text: string }[] }>(s, ['why', name, '--json']);

  it('the undo of a new pin brings back the pin it replaced, by hand or by an import', () => {
    ok(s.run(['incident', 'add', 'Ozon', '--title', 'late', '--opened', '2026-11-20']));
    ok(s.run(['pin', 'Ozon', 'black', '--reason', 'first']));
    const first = record();
    ok(s.run(['pin', 'Ozon', 'white', '--reason', 'second']));
    ok(s.run(['undo']));
    expect(record()).toEqual(first);
    expect(pinOf('Ozon')).toMatchObject({ pinned: true, list: 'black' });
    const file = `${s.dir}/pin.yaml`;
    writeFileSync(file, 'format: vetted/1\npins:\n  - {company: Ozon, list: white, reason: changed my mind, at: 2026-12-01}\n');
    ok(s.run(['import', file]));
    expect(pinOf('Ozon')).toMatchObject({ pinned: true, list: 'white' });
    ok(s.run(['undo']));
    expect(record()).toEqual(first);
  });

  it("an import says what it changed of what was there: a company's details, a pin replaced; and what it added besides", () => {
    ok(s.run(['import', SEEDS]));
    ok(s.run(['pin', 'Wildberries', 'black', '--reason', 'cracked kettle']));
    const file = `${s.dir}/more.yaml`;
    writeFileSync(
      file,
      'format: vetted/1\ncompanies:\n  - {name: Masterhost, category: web hosting, website: https://other.example, aliases: [MH]}\npins:\n  - {company: Wildberries, list: white, reason: file says so, at: 2020-01-01}\n',
    );
    const r = ok(s.run(['import', file]));
    expect(r.stderr).toContain('companies: 0 added, 2 already there, 1 of them changed');
    expect(r.stderr).toContain('pins: 0 added, 1 already there, 1 of them changed');
    expect(json<{ summary: string }[]>(s, ['history', '--json'])[0].summary).toBe('import more.yaml: 0 companies, 0 checks, 0 incidents, 0 events, 0 pins, 1 alias added; 2 records there changed');
    const report = JSON.parse(ok(s.run(['import', file, '--json'])).stdout);
    expect([report.companies, report.pins]).toEqual([
      { added: 0, existing: 2, changed: 0 },
      { added: 0, existing: 1, changed: 0 },
    ]);
  });

  it('importing a closed incident that is there already records no change, so undo still takes back the last real one', () => {
    const file = `${s.dir}/closed.yaml`;
    writeFileSync(file, 'format: vetted/1\nincidents:\n  - {id: c1, company: Acme, title: Closed one, opened: 2026-11-01T09:00, closed: 2026-11-02T09:00}\n');
    ok(s.run(['import', file]));
    ok(s.run(['pin', 'Acme', 'white', '--reason', 'keep']));
    const history = json<unknown[]>(s, ['history', '--json']);
    ok(s.run(['import', file]));
    expect(json<unknown[]>(s, ['history', '--json'])).toEqual(history);
    ok(s.run(['undo']));
    expect(pinOf('Acme').pinned).toBe(false);
  });

  it('an import refuses to make a company a subsidiary of its own subsidiary, in the file or with the database', () => {
    ok(s.run(['incident', 'add', 'Zed', '--title', 'late', '--opened', '2026-11-20']));
    const file = `${s.dir}/loop.yaml`;
    writeFileSync(file, 'format: vetted/1\ncompanies:\n  - {name: Alpha, parent: Beta}\n  - {name: Beta, parent: Alpha}\n');
    expect(refused(['import', file])).toMatch(/loop\.yaml: companies\[1\]: Alpha cannot be the parent of Beta: it is one of its own subsidiaries; nothing was imported\.$/);
    writeFileSync(file, 'format: vetted/1\ncompanies:\n  - {name: Alpha, parent: Beta}\n  - {name: Beta, parent: Gamma}\n');
    ok(s.run(['import', file]));
    writeFileSync(file, 'format: vetted/1\ncompanies:\n  - {name: Gamma, parent: Alpha}\n');
    expect(refused(['import', file])).toMatch(/companies\[0\]: Alpha cannot be the parent of Gamma/);
  });
});

describe('undo of a change whose records are no longer as it left them', () => {
  it('refuses to point a record back at a company removed since, naming the change in the way', () => {
    const file = `${s.dir}/typo.yaml`;
    writeFileSync(file, 'format: vetted/1\nincidents:\n  - {id: typo-1, company: Wildberies, title: Wrong shop, opened: 2026-11-01, fault: company}\n');
    ok(s.run(['import', SEEDS]));
    ok(s.run(['import', file]));
    ok(s.run(['incident', 'edit', 'typo-1', '--company', 'Wildberries'])); // #3
    ok(s.run(['company', 'remove', 'Wildberies'])); // #4
    expect(refused(['undo', '--op', '3'])).toBe('vetted: #3 cannot be undone on its own: #4, made later, depends on it or changed what its undo would put back; undo it first (see `vetted history`).');
    ok(s.run(['incident', 'add', 'Brand New Shop', '--title', 'other', '--fault', 'company', '--opened', '2026-11-02']));
    expect(refused(['undo', '--op', '3'])).toMatch(/^vetted: #3 cannot be undone on its own: #4, made later, depends/);
    // Taken back in order, it is exact.
    ok(s.run(['undo', '2']));
    ok(s.run(['undo', '--op', '3']));
    expect(json<{ company: string }>(s, ['incident', 'show', 'typo-1', '--json']).company).toBe('Wildberies');
  });

  it('names incident reopen where the change in the way of undoing a closing came after it', () => {
    ok(s.run(['incident', 'add', 'Shut', '--title', 't', '--fault', 'company', '--opened', '2024-01-01'])); // #1
    ok(s.run(['incident', 'close', 'shut-1', '--outcome', 'resolved', '--at', '2024-01-05'])); // #2
    ok(s.run(['incident', 'event', 'shut-1', 'note', '--text', 'it broke again', '--at', '2024-01-06'])); // #3: another event, not in the way
    ok(s.run(['incident', 'edit', 'shut-1', '--title', 'broke again'])); // #4: a change of the incident the closing changed
    expect(refused(['undo', '--op', '2'])).toBe(
      'vetted: #2 cannot be undone on its own: #4, made later, depends on it or changed what its undo would put back; undo it first (see `vetted history`), or open the incident again as it stands: vetted incident reopen shut-1.',
    );
    ok(s.run(['incident', 'reopen', 'shut-1']));
    // Open now: nothing more to reopen, and no such hint.
    expect(refused(['undo', '--op', '2'])).toMatch(/undo them first \(see `vetted history`\)\.$/);
  });

  it('undoes one of two events added to an incident on its own, and redoes it, while an edit or a removal of what it added is in the way', () => {
    ok(s.run(['incident', 'add', 'C2', '--title', 'x', '--fault', 'company', '--opened', '2024-01-01'])); // #1
    const before = record();
    ok(s.run(['incident', 'event', 'c2-1', 'note', '--text', 'a', '--at', '2024-01-02'])); // #2
    ok(s.run(['incident', 'event', 'c2-1', 'note', '--text', 'b', '--at', '2024-01-03'])); // #3
    const both = record();
    const notes = () => json<{ events: { id: string; text?: string }[] }>(s, ['incident', 'show', 'c2-1', '--json']).events.map((e) => [e.id, e.text]);
    // Each event added is a change of its own: the number the incident counted up to is none.
    expect(json<{ id: number; changes: number }[]>(s, ['history', '--json']).map((o) => [o.id, o.changes])).toEqual([
      [3, 1],
      [2, 1],
      [1, 2],
    ]);
    ok(s.run(['undo', '--op', '2'])); // #4
    expect(notes()).toEqual([['c2-1#2', 'b']]);
    // The other one's undo does not stand in the way of redoing it, nor that redo of undoing the other.
    ok(s.run(['undo', '--op', '3'])); // #5
    expect(record()).toEqual(before);
    ok(s.run(['undo', '--op', '4'])); // #6
    expect(notes()).toEqual([['c2-1#1', 'a']]);
    ok(s.run(['undo', '--op', '5'])); // #7
    expect(record()).toEqual(both);
    // An edit of the event it added is in the way; so is the removal of the incident it was added to.
    ok(s.run(['event', 'edit', 'c2-1#1', '--text', 'aa'])); // #8
    expect(refused(['undo', '--op', '6'])).toMatch(/^vetted: #6 cannot be undone on its own: #8, made later, depends on it/);
    ok(s.run(['undo']));
    ok(s.run(['incident', 'remove', 'c2-1'])); // #10
    expect(refused(['undo', '--op', '6'])).toMatch(/^vetted: #6 cannot be undone on its own: #10, made later, depends on it/);
    expect(refused(['undo', '--op', '7'])).toMatch(/^vetted: #7 cannot be undone on its own: #10, made later, depends on it/);
    ok(s.run(['undo']));
    expect(record()).toEqual(both);
  });

  it('refuses to remove with the change it undoes a record a later change made point at what it made', () => {
    ok(s.run(['incident', 'add', 'Old', '--title', 'old record', '--fault', 'company', '--opened', '2023-01-01'])); // #1
    ok(s.run(['incident', 'event', 'old-1', 'note', '--text', 'important', '--at', '2023-01-02 10:00'])); // #2
    ok(s.run(['incident', 'add', 'NewCo', '--title', 'n', '--fault', 'company', '--opened', '2024-01-01'])); // #3
    ok(s.run(['incident', 'edit', 'old-1', '--company', 'NewCo'])); // #4
    ok(s.run(['incident', 'add', 'NewCo', '--title', 'second', '--fault', 'company', '--opened', '2024-02-01'])); // #5
    const before = ok(s.run(['export', '--format', 'json'])).stdout.replace(/"exported_at".*\n/, '');
    expect(refused(['undo', '--op', '3'])).toBe('vetted: #3 cannot be undone on its own: #4, #5, made later, depend on it or changed what its undo would put back; undo them first (see `vetted history`).');
    expect(ok(s.run(['export', '--format', 'json'])).stdout.replace(/"exported_at".*\n/, '')).toBe(before);
    // Taken back in order, it is exact, and the record that stood before is back with its company.
    ok(s.run(['undo', '3']));
    expect(json<{ company: string; events: unknown[] }>(s, ['incident', 'show', 'old-1', '--json'])).toMatchObject({ company: 'Old', events: [{ text: 'important' }] });
  });

  it('refuses a redo that would make a company a subsidiary of its own subsidiary, a parent having been given since', () => {
    ok(s.run(['incident', 'add', 'X', '--title', 't', '--fault', 'company', '--opened', '2024-01-01'])); // #1
    ok(s.run(['incident', 'add', 'Y', '--title', 't', '--fault', 'company', '--opened', '2024-01-01'])); // #2
    ok(s.run(['company', 'edit', 'X', '--parent', 'Y'])); // #3
    ok(s.run(['undo'])); // #4
    ok(s.run(['company', 'edit', 'Y', '--parent', 'X'])); // #5
    const before = ok(s.run(['export', '--format', 'json'])).stdout.replace(/"exported_at".*\n/, '');
    expect(refused(['undo', '--op', '4'])).toBe('vetted: #4 cannot be undone now: it would make a company a subsidiary of its own subsidiary, as "Y" was made a subsidiary of "X" since; take that back first (`vetted company edit "Y" --parent ""`).');
    expect(ok(s.run(['export', '--format', 'json'])).stdout.replace(/"exported_at".*\n/, '')).toBe(before);
    ok(s.run(['company', 'edit', 'Y', '--parent', ''])); // #6
    ok(s.run(['undo', '--op', '4']));
    expect(ok(s.run(['company', 'show', 'X'])).stdout).toMatch(/part of Y/);
  });

  it('undoes a removal on its own after other records were added: no new record takes the row of one removed', () => {
    ok(s.run(['incident', 'add', 'Foo', '--title', 'a', '--fault', 'company', '--opened', '2026-11-01'])); // #1
    ok(s.run(['incident', 'add', 'Bar', '--title', 'b', '--fault', 'company', '--opened', '2026-11-01'])); // #2
    ok(s.run(['incident', 'event', 'bar-1', 'note', '--text', 'kept', '--at', '2026-11-02 10:00'])); // #3
    ok(s.run(['company', 'alias', 'Bar', 'Bar Ltd'])); // #4
    ok(s.run(['company', 'remove', 'Bar', '--with-evidence'])); // #5
    ok(s.run(['incident', 'add', 'Qux', '--title', 'c', '--fault', 'company', '--opened', '2026-11-01']));
    ok(s.run(['incident', 'event', 'foo-1', 'note', '--text', 'later', '--at', '2026-11-03 10:00']));
    ok(s.run(['company', 'alias', 'Foo', 'Foo Ltd']));
    ok(s.run(['undo', '--op', '5']));
    expect(json<{ aliases: string[] }>(s, ['company', 'show', 'Bar Ltd', '--json']).aliases).toEqual(['Bar Ltd']);
    const bar = json<{ company: string; events: { details?: { text?: string } }[] }>(s, ['incident', 'show', 'bar-1', '--json']);
    expect(bar.company).toBe('Bar');
    expect(bar.events).toHaveLength(1);
    expect(json<{ company: string }>(s, ['incident', 'show', 'qux-1', '--json']).company).toBe('Qux');
  });

  it('refuses to bring back an incident under an id another has since in other letters, naming both and the change to undo', () => {
    const file = `${s.dir}/upper.yaml`;
    writeFileSync(file, 'format: vetted/1\nincidents:\n  - {id: Acme-1, company: Acme, title: T1, opened: 2026-10-01T10:00}\n');
    ok(s.run(['import', file])); // #1
    ok(s.run(['incident', 'remove', 'Acme-1'])); // #2
    writeFileSync(file, 'format: vetted/1\nincidents:\n  - {id: ACME-1, company: Acme, title: Other, opened: 2026-09-01T10:00}\n');
    ok(s.run(['import', file])); // #3
    expect(refused(['undo', '--op', '2'])).toBe(
      'vetted: #2 cannot be undone now: it would bring back the incident Acme-1, and ACME-1 has that id since (#3), whatever the case of its letters; undo #3 first (`vetted undo --op 3`).',
    );
    ok(s.run(['undo', '--op', '3']));
    ok(s.run(['undo', '--op', '2']));
    expect(json<{ title: string }>(s, ['incident', 'show', 'acme-1', '--json']).title).toBe('T1');
  });

  it('refuses, in one sentence, to bring back an id or a name a later change has given to another record', () => {
    ok(s.run(['import', SEEDS]));
    ok(s.run(['incident', 'remove', 'beeline-outage'])); // #2
    ok(s.run(['import', SEEDS])); // beeline-outage again, a new record
    expect(refused(['undo', '--op', '2'])).toBe(
      'vetted: #2 cannot be undone now: it would bring back the incident beeline-outage, and another incident has that id since (#3), whatever the case of its letters; undo #3 first (`vetted undo --op 3`).',
    );
    expect(s.run(['--lang', 'ru', 'undo', '--op', '2']).stderr).toContain('она вернула бы обращение beeline-outage, а этот номер (без учёта регистра букв) с тех пор у другого обращения (#3); сначала отмените #3');
    ok(s.run(['company', 'alias', 'Masterhost', 'Nick'])); // #4
    ok(s.run(['company', 'alias', 'Beeline', 'Foo'])); // #5: the next alias is another row
    const undone = json<{ by: number }[]>(s, ['undo', '--op', '4', '--json'])[0].by;
    ok(s.run(['company', 'alias', 'Zappos', 'Nick']));
    const by = json<{ id: number }[]>(s, ['history', '--json'])[0].id;
    expect(refused(['undo', '--op', String(undone)])).toBe(
      `vetted: #${undone} cannot be undone now: it would bring back the alias "Nick", and "Nick" is now an alias of the company "Zappos", given by #${by} (alias "Nick" of Zappos); undo #${by} first (\`vetted undo --op ${by}\`).`,
    );
  });

  it('refuses to bring back a company under a name another company has been given since, naming that company and the change that gave it, in English and Russian', () => {
    ok(s.run(['incident', 'add', 'C1', '--title', 'x', '--fault', 'company', '--opened', '2024-01-01'])); // #1
    ok(s.run(['company', 'remove', 'C1', '--with-evidence'])); // #2
    ok(s.run(['incident', 'add', 'c1', '--title', 'y', '--fault', 'company', '--opened', '2024-01-02'])); // #3
    expect(refused(['undo', '--op', '2'])).toBe(
      'vetted: #2 cannot be undone now: it would bring back the company name "C1", and the company "c1" has that name now, given by #3 (incident c1-2 opened with c1: y); undo #3 first (`vetted undo --op 3`), or rename "c1" without keeping its name as an alias (`vetted company rename "c1" NEW-NAME --no-alias`).',
    );
    expect(expectOneLineError(s.run(['--lang', 'ru', 'undo', '--op', '2']))).toBe(
      'vetted: операцию #2 сейчас нельзя отменить: она вернула бы название компании «C1», а это название теперь у компании «c1» (его присвоила операция #3: открыто обращение c1-2 к компании c1: y); сначала отмените #3 (`vetted undo --op 3`) или переименуйте «c1», не сохраняя прежнее название среди других названий (`vetted company rename "c1" НОВОЕ-НАЗВАНИЕ --no-alias`).',
    );
    // The rename it names makes way (one keeping the old name as an alias would not).
    ok(s.run(['company', 'rename', 'c1', 'D', '--no-alias'])); // #4
    ok(s.run(['undo', '--op', '2']));
    expect(json<{ company: string }>(s, ['incident', 'show', 'c1-1', '--json']).company).toBe('C1');
    expect(json<{ company: string }>(s, ['incident', 'show', 'c1-2', '--json']).company).toBe('D');
  });

  it('refuses to bring back a company under a name that has become an alias since, of another company or of itself', () => {
    ok(s.run(['pin', 'X', 'black', '--reason', 'r']));
    ok(s.run(['pin', 'Y', 'white', '--reason', 'r']));
    ok(s.run(['company', 'remove', 'X', '--with-evidence'])); // #3
    ok(s.run(['company', 'alias', 'Y', 'X'])); // #4
    expect(refused(['undo', '--op', '3'])).toBe(
      'vetted: #3 cannot be undone now: it would bring back the company name "X", and "X" is now an alias of the company "Y", given by #4 (alias "X" of Y); undo #4 first (`vetted undo --op 4`).',
    );
    ok(s.run(['company', 'rename', 'Y', 'Z', '--no-alias'])); // #5
    ok(s.run(['company', 'alias', 'Z', 'Y'])); // #6
    expect(refused(['undo', '--op', '5'])).toBe(
      'vetted: #5 cannot be undone now: it would bring back the company name "Y", and "Y" is now an alias of the company "Z", given by #6 (alias "Y" of Z); undo #6 first (`vetted undo --op 6`).',
    );
    // The database holds no name twice, so that a rename goes on as ever.
    expect(ok(s.run(['company', 'rename', 'Z', 'W'])).stderr).toMatch(/renamed Z to W/);
  });

  it('refuses to put an event back before an opening moved since: the timeline would break its rules, and its export would not import', () => {
    ok(s.run(['incident', 'add', 'Acme', '--title', 't', '--fault', 'company', '--opened', '2026-11-01 09:00'])); // #1
    ok(s.run(['incident', 'event', 'acme-1', 'promise', '--text', 'a', '--at', '2026-11-02 10:00', '--due', '2026-11-03'])); // #2
    ok(s.run(['event', 'remove', 'acme-1#1'])); // #3
    ok(s.run(['incident', 'edit', 'acme-1', '--opened', '2026-11-10 09:00'])); // #4
    expect(refused(['undo', '--op', '3'])).toBe(
      'vetted: #3 cannot be undone now: it would put acme-1#1 (2026-11-02 10:00) back before the opening of acme-1, which was moved since; move the opening first (`vetted incident edit acme-1 --opened 2026-11-02T10:00`).',
    );
    ok(s.run(['incident', 'edit', 'acme-1', '--opened', '2026-11-02 10:00']));
    ok(s.run(['undo', '--op', '3']));
    const file = `${s.dir}/all.json`;
    ok(s.run(['export', '--format', 'json', '--out', file]));
    ok(s.run(['--db', `${s.dir}/again.db`, 'import', file]));
  });

  it('undoes edits of an incident an older version left with an event before its opening, the opening never moved: that event is as it stood', () => {
    ok(s.run(['incident', 'add', 'Alpha', '--title', 't1', '--opened', '2026-09-10'])); // #1
    ok(s.run(['incident', 'event', 'alpha-1', 'contact', '--channel', 'phone', '--at', '2026-09-11'])); // #2
    ok(s.run(['incident', 'event', 'alpha-1', 'promise', '--text', 'p', '--at', '2026-09-12', '--due', '2026-09-13'])); // #3
    // As an older version let it in: the first contact before the opening.
    const raw = new Database(s.db);
    raw.function('vetted_op', () => 0);
    raw.prepare("UPDATE events SET at = '2026-09-01', at_ms = ? WHERE seq = 1").run(Date.parse('2026-09-01T00:00Z'));
    raw.close();
    ok(s.run(['event', 'edit', 'alpha-1#2', '--text', 'q'])); // #4
    ok(s.run(['incident', 'edit', 'alpha-1', '--title', 't2'])); // #5
    ok(s.run(['incident', 'event', 'alpha-1', 'note', '--text', 'n'])); // #6
    expect(ok(s.run(['undo', '3'])).stderr).toMatch(/undone #6[\s\S]*undone #5[\s\S]*undone #4/);
    const back = json<{ title: string; events: { id: string; at: string; text?: string }[] }>(s, ['incident', 'show', 'alpha-1', '--json']);
    expect(back.title).toBe('t1');
    expect(back.events.map((e) => [e.id, e.at, e.text])).toEqual([
      ['alpha-1#1', '2026-09-01', undefined],
      ['alpha-1#2', '2026-09-12', 'p'],
    ]);
    // An opening moved since is still in the way of an undo that would put that event back before it.
    ok(s.run(['event', 'remove', 'alpha-1#1']));
    const removal = json<{ id: number }[]>(s, ['history', '--json'])[0].id;
    ok(s.run(['incident', 'edit', 'alpha-1', '--opened', '2026-09-05']));
    expect(refused(['undo', '--op', String(removal)])).toBe(
      `vetted: #${removal} cannot be undone now: it would put alpha-1#1 (2026-09-01) back before the opening of alpha-1, which was moved since; move the opening first (\`vetted incident edit alpha-1 --opened 2026-09-01\`).`,
    );
  });

  it('refuses an undo that would move an opening back after an event logged since, the incident row untouched since', () => {
    ok(s.run(['incident', 'add', 'Gamma', '--title', 'g', '--opened', '2026-11-10'])); // #1
    ok(s.run(['incident', 'edit', 'gamma-1', '--opened', '2026-11-01'])); // #2
    ok(s.run(['incident', 'event', 'gamma-1', 'note', '--text', 'n', '--at', '2026-11-05'])); // #3
    expect(refused(['undo', '--op', '2'])).toBe(
      `vetted: #2 cannot be undone now: it would move the opening of gamma-1 back to 2026-11-10, after gamma-1#1 (2026-11-05), logged or moved since; move that event first (\`vetted event edit gamma-1#1 --at …\`).`,
    );
    const back = json<{ opened: string; events: { at: string }[] }>(s, ['incident', 'show', 'gamma-1', '--json']);
    expect([back.opened, back.events.map((e) => e.at)]).toEqual(['2026-11-01', ['2026-11-05']]);
  });

  it('undoes a move of an opening before an event an older version left before it, the event only re-worded since; one moved since is in the way', () => {
    ok(s.run(['incident', 'add', 'Delta', '--title', 'd', '--opened', '2026-11-10'])); // #1
    ok(s.run(['incident', 'event', 'delta-1', 'note', '--text', 'n', '--at', '2026-11-12'])); // #2
    // As an older version let it in: the note before the opening.
    const raw = new Database(s.db);
    raw.function('vetted_op', () => 0);
    raw.prepare("UPDATE events SET at = '2026-11-05', at_ms = ? WHERE seq = 1").run(Date.parse('2026-11-05T00:00Z'));
    raw.close();
    ok(s.run(['incident', 'edit', 'delta-1', '--opened', '2026-11-01'])); // #3
    ok(s.run(['event', 'edit', 'delta-1#1', '--text', 'm'])); // #4
    expect(ok(s.run(['undo', '--op', '3'])).stderr).toMatch(/^undone #3/);
    const back = json<{ opened: string; events: { at: string; text?: string }[] }>(s, ['incident', 'show', 'delta-1', '--json']);
    expect([back.opened, back.events.map((e) => [e.at, e.text])]).toEqual(['2026-11-10', [['2026-11-05', 'm']]]);
    ok(s.run(['incident', 'edit', 'delta-1', '--opened', '2026-11-01'])); // #6
    ok(s.run(['event', 'edit', 'delta-1#1', '--at', '2026-11-04'])); // #7
    expect(refused(['undo', '--op', '6'])).toBe(
      `vetted: #6 cannot be undone now: it would move the opening of delta-1 back to 2026-11-10, after delta-1#1 (2026-11-04), logged or moved since; move that event first (\`vetted event edit delta-1#1 --at …\`).`,
    );
  });

  it('says in Russian history which company a pin, an unpin and a merge were of, in agreement with «компания»', () => {
    ok(s.run(['pin', 'Озон', 'black', '--reason', 'r']));
    ok(s.run(['unpin', 'Озон']));
    ok(s.run(['pin', 'Озон Ltd', 'white', '--reason', 'r']));
    ok(s.run(['company', 'merge', 'Озон Ltd', 'Озон']));
    const shown = ok(s.run(['--lang', 'ru', 'history'])).stdout;
    expect(shown).toMatch(/компания Озон закреплена в чёрном списке: r/);
    expect(shown).toMatch(/компания Озон откреплена/);
    expect(shown).toMatch(/компания Озон Ltd объединена с компанией Озон/);
  });

  it('says in Russian what a merge moved in agreement with each count, and of a name taken by an alias that it is one of the names', () => {
    ok(s.run(['incident', 'add', 'Wildberries', '--title', 'x', '--fault', 'company']));
    ok(s.run(['incident', 'add', 'Вайлдберриз', '--title', 'y', '--fault', 'company']));
    ok(s.run(['pin', 'WB shop', 'black', '--reason', 'r']));
    ok(s.run(['company', 'alias', 'WB shop', 'WBS']));
    expect(refused(['--lang', 'ru', 'company', 'rename', 'Wildberries', 'WBS'])).toMatch(/^vetted: «WBS» — уже одно из названий компании WB shop; /);
    expect(ok(s.run(['--lang', 'ru', 'company', 'merge', 'Wildberries', 'Вайлдберриз'])).stderr).toMatch(
      /^компания Wildberries объединена с компанией Вайлдберриз \(перенесено: 0 проверок и 1 обращение\), «Wildberries» теперь другое название компании Вайлдберриз/,
    );
  });

  it('never offers a company as its own parent: a parent like it alone is a new company, warned of; one like others names those', () => {
    ok(s.run(['pin', 'Zappos', 'black', '--reason', 'r']));
    ok(s.run(['company', 'alias', 'Zappos', 'Wildberries']));
    // The name can mean no company but a new one: added, as a name like none is, with the usual warning.
    expect(ok(s.run(['company', 'edit', 'Zappos', '--parent', 'Wildberies'])).stderr.split('\n')).toEqual([
      'warning: "Wildberies" is a new company, but "Zappos" already exists; if you meant it, use that name (a typo can be mended with `vetted company merge`).',
      'updated Zappos (see `vetted company show "Zappos"`; to take it back: vetted undo)',
      '"Wildberies" was not on your record, and is added to it as the parent company.',
      '',
    ]);
    expect(ok(s.run(['company', 'show', 'Zappos'])).stdout).toMatch(/part of Wildberies/);
    ok(s.run(['undo']));
    expect(ok(s.run(['--lang', 'ru', 'company', 'edit', 'Zappos', '--parent', 'Wildberies'])).stderr).toMatch(/^внимание: «Wildberies» — новая компания, но «Zappos» уже есть/);
    ok(s.run(['undo']));
    // One that looks like it alone, in letters of another script (о Cyrillic), likewise.
    expect(ok(s.run(['company', 'edit', 'Zappos', '--parent', 'Zappоs'])).stderr).toMatch(/^warning: "Zappоs" looks like "Zappos" but is spelled with letters of another script/);
    ok(s.run(['undo']));
    ok(s.run(['pin', 'Wildberries Global', 'black', '--reason', 'r']));
    ok(s.run(['company', 'alias', 'Wildberries Global', 'Wildberris']));
    const said = refused(['company', 'edit', 'Zappos', '--parent', 'Wildberies']);
    expect(said).toMatch(/Wildberries Global/);
    expect(said).not.toMatch(/Zappos/);
    // Another company's edit still offers it.
    expect(refused(['company', 'edit', 'Wildberries Global', '--parent', 'Wildberies'])).toMatch(/"Zappos"/);
  });

  it('refuses a count beyond the changes left, undoing none, and takes an operation so numbered as none', () => {
    ok(s.run(['pin', 'X', 'black', '--reason', 'r']));
    ok(s.run(['pin', 'Y', 'black', '--reason', 'r']));
    expect(refused(['undo', '99999999999999999999'])).toBe('vetted: there are only 2 changes left to undo, not 99999999999999999999, so nothing was undone; to undo them all: vetted undo 2');
    expect(refused(['undo', '3'])).toMatch(/only 2 changes left to undo, not 3/);
    expect(json<unknown[]>(s, ['lists', 'black', '--json'])).toHaveProperty('black.length', 2);
    ok(s.run(['undo', '2']));
    expect(refused(['undo'])).toMatch(/undone/);
    ok(s.run(['history', '--limit', '99999999999999999999999']));
    expect(refused(['undo', '--op', '99999999999999999999'])).toMatch(/there is no operation #99999999999999999999;/);
  });
});

describe('event numbers after an undo', () => {
  it("never gives an undone event's number to another event: letters and files cite events by it", () => {
    ok(s.run(['incident', 'add', 'Ozon', '--title', 'late', '--opened', '2026-11-20']));
    ok(s.run(['incident', 'event', 'ozon-1', 'note', '--at', '2026-11-20T10:00', '--text', 'first']));
    ok(s.run(['incident', 'event', 'ozon-1', 'promise', '--at', '2026-11-21T10:00', '--text', 'refund', '--due', '2026-11-25']));
    ok(s.run(['undo']));
    ok(s.run(['incident', 'event', 'ozon-1', 'note', '--at', '2026-11-22T10:00', '--text', 'later']));
    const ids = () => json<{ events: { id: string; text?: string }[] }>(s, ['incident', 'show', 'ozon-1', '--json']).events.map((e) => [e.id, e.text]);
    expect(ids()).toEqual([
      ['ozon-1#1', 'first'],
      ['ozon-1#3', 'later'],
    ]);
    // Undone and redone, the promise comes back under its own number.
    ok(s.run(['undo']));
    ok(s.run(['undo', '--op', '4']));
    expect(ids()).toEqual([
      ['ozon-1#1', 'first'],
      ['ozon-1#2', 'refund'],
    ]);
  });
});

describe('an event by its id, and an edit that changes nothing', () => {
  beforeEach(() => {
    ok(s.run(['incident', 'add', 'Shop', '--title', 'Parcel lost', '--fault', 'company', '--opened', '2026-11-01 10:00']));
    ok(s.run(['incident', 'event', 'shop-1', 'note', '--text', 'called', '--at', '2026-11-01 11:00']));
  });

  it('takes an event number written as digits only: 1e0, 0x1 and +1 name no event', () => {
    for (const id of ['shop-1#1e0', 'shop-1#0x1', 'shop-1#+1', 'shop-1# 1', 'shop-1#01']) expect(refused(['event', 'remove', id]), id).toMatch(/has no event|is not an event id/);
    ok(s.run(['event', 'remove', 'shop-1#1']));
  });

  it('records no change for an edit that leaves the event as it was, so undo still takes back the last real one', () => {
    ok(s.run(['event', 'edit', 'shop-1#1', '--text', 'called twice']));
    expect(refusedOrSame(['event', 'edit', 'shop-1#1', '--text', 'called twice'])).toBe('event shop-1#1 already reads so; nothing changed.');
    expect(json<{ text: string }>(s, ['event', 'edit', 'shop-1#1', '--text', 'called twice', '--json']).text).toBe('called twice');
    ok(s.run(['undo']));
    expect(ok(s.run(['incident', 'show', 'shop-1'])).stdout).toContain('note: called\n');
  });
});

describe('an edit made in another time zone than the record', () => {
  const inZone = (zone: string, args: string[]) => ok(s.run(args, { env: { ...s.env, TZ: zone } }));
  const jsonIn = <T>(zone: string, args: string[]) => JSON.parse(inZone(zone, args).stdout) as T;
  const refusedIn = (zone: string, args: string[]) => {
    const before = hash();
    const line = expectOneLineError(s.run(args, { env: { ...s.env, TZ: zone } }));
    expect(hash()).toBe(before);
    return line;
  };

  it('leaves a timeline in its order, and its figures, where the time is not what changes', () => {
    inZone('UTC', ['incident', 'add', 'Kilo', '--title', 'k', '--fault', 'company', '--opened', '2026-01-05 09:00']);
    inZone('UTC', ['incident', 'event', 'kilo-1', 'contact', '--channel', 'phone', '--no-reached-human', '--wait-minutes', '30', '--at', '2026-01-05 10:00']);
    inZone('UTC', ['incident', 'event', 'kilo-1', 'contact', '--channel', 'phone', '--reached-human', '--wait-minutes', '5', '--at', '2026-01-05 11:00']);
    const show = () => jsonIn<{ events: { id: string }[]; metrics: { minutes_to_human: number } }>('UTC', ['incident', 'show', 'kilo-1', '--json']);
    expect(show()).toMatchObject({ events: [{ id: 'kilo-1#1' }, { id: 'kilo-1#2' }], metrics: { minutes_to_human: 35 } });
    // Only the note changes: the 10:00 call was read as 18:00 in Los Angeles' zone, and came after the 11:00 one.
    inZone('America/Los_Angeles', ['event', 'edit', 'kilo-1#1', '--note', 'hold music']);
    expect(show()).toMatchObject({ events: [{ id: 'kilo-1#1' }, { id: 'kilo-1#2' }], metrics: { minutes_to_human: 35 } });
  });

  it('mends the words of an event, and undoes an edit, in a timeline that reads as broken in this zone: only a time written anew is held to the opening', () => {
    // Opened at noon in Tokyo (03:00 UTC), a note at 11:00 UTC: read in UTC, the opening is at noon, after the note.
    inZone('Asia/Tokyo', ['incident', 'add', 'Echo', '--title', 't', '--opened', '2026-01-01T12:00']);
    inZone('Asia/Tokyo', ['incident', 'event', 'echo-1', 'note', '--text', 'n', '--at', '2026-01-01T11:00Z']);
    inZone('UTC', ['event', 'edit', 'echo-1#1', '--text', 'n2']);
    expect(refusedIn('UTC', ['event', 'edit', 'echo-1#1', '--at', '2026-01-01T10:59Z'])).toMatch(/is before echo-1 was opened/);
    inZone('UTC', ['incident', 'edit', 'echo-1', '--title', 't2']);
    expect(inZone('UTC', ['undo']).stderr).toMatch(/^undone #4/);
    expect(jsonIn<{ title: string; events: { text: string }[] }>('UTC', ['incident', 'show', 'echo-1', '--json'])).toMatchObject({ title: 't', events: [{ text: 'n2' }] });
    // An undo that would itself put an event before the opening is still refused.
    inZone('UTC', ['incident', 'add', 'Foxtrot', '--title', 'f', '--opened', '2026-01-01T08:00Z']);
    inZone('UTC', ['incident', 'event', 'foxtrot-1', 'note', '--text', 'n', '--at', '2026-01-01T09:00Z']);
    inZone('UTC', ['event', 'edit', 'foxtrot-1#1', '--at', '2026-01-01T11:00Z']);
    inZone('UTC', ['incident', 'edit', 'foxtrot-1', '--opened', '2026-01-01T10:00Z']);
    expect(refusedIn('UTC', ['undo', '--op', '8'])).toMatch(/#8 cannot be undone now: it would put foxtrot-1#1 .* before the opening of foxtrot-1/);
  });

  it('undoes the removal of an event or of a whole incident whose timeline reads as broken in this zone', () => {
    inZone('Europe/Moscow', ['incident', 'add', 'Volga', '--title', 'Down', '--fault', 'company', '--opened', '2024-03-01T10:00+03:00']);
    inZone('Europe/Moscow', ['incident', 'event', 'volga-1', 'note', '--text', 'called', '--at', '2024-03-01 10:30']);
    const before = jsonIn<unknown>('Europe/Moscow', ['incident', 'show', 'volga-1', '--json']);
    // In Vladivostok the note's 10:30 is 03:30 in Moscow: before the opening.
    inZone('Asia/Vladivostok', ['event', 'remove', 'volga-1#1']);
    expect(inZone('Asia/Vladivostok', ['undo']).stderr).toMatch(/^undone #3/);
    inZone('Asia/Vladivostok', ['incident', 'remove', 'volga-1']);
    expect(inZone('Asia/Vladivostok', ['undo']).stderr).toMatch(/^undone #5/);
    expect(jsonIn<unknown>('Europe/Moscow', ['incident', 'show', 'volga-1', '--json'])).toEqual(before);
  });

  it("leaves a company's incidents in their order where the opening is not what changes", () => {
    inZone('UTC', ['incident', 'add', 'Lima', '--title', 'first', '--opened', '2026-01-05 09:00']);
    inZone('UTC', ['incident', 'add', 'Lima', '--title', 'second', '--opened', '2026-01-05 12:00']);
    inZone('America/Los_Angeles', ['incident', 'edit', 'lima-1', '--title', 'first (typo fixed)']);
    const titles = jsonIn<{ title: string }[]>('UTC', ['incident', 'list', '--json']).map((i) => i.title);
    expect(titles).toEqual(['first (typo fixed)', 'second']);
    // A time written anew is read in the zone it is written in, as ever.
    inZone('America/Los_Angeles', ['incident', 'edit', 'lima-1', '--opened', '2026-01-05 06:00']);
    expect(jsonIn<{ title: string }[]>('UTC', ['incident', 'list', '--json']).map((i) => i.title)).toEqual(['second', 'first (typo fixed)']);
  });
});

/** A command that succeeds and changes nothing: its one line of stderr, the database byte for byte as it was. */
function refusedOrSame(args: string[]): string {
  const before = hash();
  const r = ok(s.run(args));
  expect(hash()).toBe(before);
  return r.stderr.trim();
}

describe('without a terminal', () => {
  it('incident edit with no flags says which flags to use, and never opens an editor', () => {
    ok(s.run(['incident', 'add', 'Ozon', '--title', 'late', '--opened', '2026-11-20']));
    expect(refused(['incident', 'edit', 'ozon-1'])).toMatch(/say what to change: --title T, --fault F, --opened WHEN or --company C/);
  });
});
