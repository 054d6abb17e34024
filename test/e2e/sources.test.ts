// Sources end to end: A shares its lists, B adds them as a source and sees them beside its
// own record, which they never change; updates replace, removal leaves no trace; shared
// evidence is redacted; bad sources are refused; the CFPB record is shown as counted.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, SHARED, sandbox, type Sandbox } from '../helpers/cli.js';
import { expectOneLineError, json, ok } from '../helpers/expect.js';
import { parseAll } from '../helpers/csv.js';
import { zipOf } from '../helpers/zip.js';
import { createHash } from 'node:crypto';

const SEEDS = join(SHARED, 'scenarios', 'seeds.yaml');
const SAMPLE = join(SHARED, 'data', 'cfpb-complaints-sample.csv');
const SECRET_EMAIL = 'boss@volgatelecom.ru';
const SECRET_PHONE = '+7 846 277-77-77';

let A: Sandbox;
let B: Sandbox;
let shareA: string;

/** B's own data as scripts see it; exported_at is the one field that may differ. */
function ownData(s: Sandbox): string[] {
  return [
    ok(s.run(['lists', '--json'])).stdout,
    ok(s.run(['export', '--format', 'json'])).stdout.replace(/"exported_at": "[^"]+"/, '"exported_at": "-"'),
    ok(s.run(['export', '--format', 'md'])).stdout,
    ok(s.run(['due', '--json'])).stdout,
    ok(s.run(['company', 'list', '--json'])).stdout,
  ];
}

function sourceRows(db: string): Record<string, number> {
  const d = new Database(db, { readonly: true });
  try {
    const out: Record<string, number> = {};
    for (const t of ['sources', 'source_companies', 'source_names', 'source_lists', 'source_evidence', 'complaint_counts', 'complaint_issues']) {
      out[t] = (d.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    }
    return out;
  } finally {
    d.close();
  }
}

beforeAll(() => {
  A = sandbox();
  ok(A.run(['import', SEEDS]));
  const added = json<{ id: string }>(A, ['incident', 'add', 'Volgatelecom', '--title', 'Router dead', '--fault', 'company', '--opened', '2026-11-01T10:00', '--json']);
  ok(A.run(['incident', 'event', added.id, 'note', '--at', '2026-11-01T11:00', '--text', `write to ${SECRET_EMAIL} or call ${SECRET_PHONE}`]));
  shareA = join(A.dir, 'a-share.json');
  ok(A.run(['export', '--format', 'json', '--share', '--source', 'Anna', '--out', shareA]));

  B = sandbox();
  ok(B.run(['check', 'Amazon', '--answer', 'who-helps=nobody', '--answer', 'who-repairs=not-covered', '--answer', 'who-to-ask=nobody', '--answer', 'returns=no-returns', '--answer', 'cancel=cannot', '--answer', 'after-leaving=nothing', '--answer', 'lost-parcel=buyer-pays', '--answer', 'reach-human=never', '--answer', 'compensation=never']));
  ok(B.run(['incident', 'add', 'Volgatelecom', '--title', 'Slow line', '--fault', 'company', '--opened', '2026-10-01T10:00']));
  ok(B.run(['pin', 'Zappos', 'black', '--reason', 'never again']));
});
afterAll(() => {
  A?.cleanup();
  B?.cleanup();
});

describe('sharing and reading shared lists', () => {
  it('shares a reason longer than a data file takes cut to its length, so that the file it makes is read by source add', () => {
    const s = sandbox();
    try {
      // A refusal quoted whole makes a reason of more than 10,000 characters (each of its texts under it).
      const refusal = 'We do not refund. '.repeat(556).slice(0, 9990);
      const file = join(s.dir, 'refusal.json');
      writeFileSync(file, JSON.stringify({ format: 'vetted/1', incidents: [{ id: 'ref-1', company: 'RefCo', title: 'parcel', opened: '2024-01-01T00:00', fault: 'company', events: [{ at: '2024-01-02T00:00', type: 'refusal', policy: true, text: refusal }] }] }));
      ok(s.run(['import', file]));
      const shared = join(s.dir, 'share.json');
      ok(s.run(['export', '--format', 'json', '--share', '--with-evidence', '--out', shared]));
      const reason = JSON.parse(readFileSync(shared, 'utf8')).lists[0].reasons[0];
      expect([...reason.text]).toHaveLength(10_000);
      expect(reason.text.endsWith('…')).toBe(true);
      expect([...reason.text_ru]).toHaveLength(10_000);
      ok(s.run(['--db', join(s.dir, 'other.db'), 'source', 'add', shared, '--name', 'rf']));
    } finally {
      s.cleanup();
    }
  });

  it('reads a shared file from standard input given as -, as import does (it said there was no file -), and a public record only from its file', () => {
    const s = sandbox();
    try {
      ok(s.run(['source', 'add', '-', '--name', 'piped'], { input: readFileSync(shareA, 'utf8') }));
      expect(json<{ name: string; kind: string }[]>(s, ['source', 'list', '--json']).map((x) => [x.name, x.kind])).toEqual([['piped', 'vetted']]);
      expect(expectOneLineError(s.run(['source', 'add', '-', '--name', 'c', '--kind', 'cfpb'], { input: readFileSync(SAMPLE, 'utf8') }))).toMatch(/is read from its file .* not from standard input/);
    } finally {
      s.cleanup();
    }
  });

  it('makes no database where a file it refuses was to be added into none (an empty one was left behind)', () => {
    const s = sandbox();
    try {
      const bad = join(s.dir, 'bad.json');
      writeFileSync(bad, '{');
      expectOneLineError(s.run(['source', 'add', bad, '--name', 'x']));
      const csv = join(s.dir, 'open.csv');
      writeFileSync(csv, 'Date received,Product,Issue,Company\n2020-01-01,P,"never closed,Acme\n');
      expectOneLineError(s.run(['source', 'add', csv, '--name', 'x', '--kind', 'cfpb']));
      expect(existsSync(s.db)).toBe(false);
      // A file read is added into a database made then.
      ok(s.run(['source', 'add', SAMPLE, '--name', 'cfpb', '--kind', 'cfpb']));
      expect(json<{ name: string }[]>(s, ['source', 'list', '--json']).map((x) => x.name)).toEqual(['cfpb']);
    } finally {
      s.cleanup();
    }
  });

  it('shares the lists with their reasons and no private evidence by default', () => {
    const doc = JSON.parse(readFileSync(shareA, 'utf8'));
    expect(doc.format).toBe('vetted/1');
    expect(doc.source).toBe('Anna');
    expect(doc.checks).toBeUndefined();
    expect(doc.incidents).toBeUndefined();
    const volga = doc.lists.find((e: { company: string }) => e.company === 'Volgatelecom');
    expect(volga).toMatchObject({ list: 'black', pinned: false });
    expect(volga.reasons[0]).toMatchObject({ rule: 'B2', evidence: [expect.stringMatching(/^incident:/)] });
    expect(readFileSync(shareA, 'utf8')).not.toContain(SECRET_EMAIL);
  });

  it('redacts e-mail addresses and phone numbers in shared evidence unless told not to', () => {
    const redacted = ok(A.run(['export', '--format', 'json', '--share', '--with-evidence'])).stdout;
    expect(JSON.parse(redacted).incidents.length).toBeGreaterThan(5);
    expect(redacted).not.toContain(SECRET_EMAIL);
    expect(redacted).not.toContain('277-77-77');
    expect(redacted).toContain('write to [email] or call [phone]');
    // An alias that holds an address or a number is not shared (redacted, it would name nothing); others are.
    ok(A.run(['company', 'alias', 'Volgatelecom', 'support@volga.example']));
    ok(A.run(['company', 'alias', 'Volgatelecom', 'Volga Telecom Samara']));
    const aliases = () => (JSON.parse(ok(A.run(['export', '--format', 'json', '--share'])).stdout).companies as { name: string; aliases?: string[] }[]).find((c) => c.name === 'Volgatelecom')!.aliases;
    expect(aliases()).toContain('Volga Telecom Samara');
    expect(aliases()).not.toContain('support@volga.example');
    const raw = ok(A.run(['export', '--format', 'json', '--share', '--with-evidence', '--no-redact'])).stdout;
    expect(raw).toContain(SECRET_EMAIL);
    expect(raw).toContain('support@volga.example');
    ok(A.run(['undo']));
    ok(A.run(['undo']));
    expect(expectOneLineError(A.run(['export', '--format', 'md', '--share']))).toMatch(/--format json/);
    // A shared file never carries attachments: the flag is refused, not dropped.
    expect(expectOneLineError(A.run(['export', '--format', 'json', '--share', '--with-attachments']))).toMatch(/a shared file never carries attachments/);
  });

  it('refuses to import a shared file into your own record, naming source add; nothing is imported', () => {
    const before = ownData(B);
    const withEvidence = `${shareA}.evidence.json`;
    ok(A.run(['export', '--format', 'json', '--share', '--with-evidence', '--source', 'Anna', '--out', withEvidence]));
    for (const file of [shareA, withEvidence]) {
      expect(expectOneLineError(B.run(['import', file]))).toBe(
        `vetted: ${file} is a shared file from "Anna": someone's lists, kept apart from your own evidence; read it beside your record with \`vetted source add "${file}" --name Anna\`. Import takes a record of your own (\`vetted export --format json\`); nothing was imported.`,
      );
      expect(B.run(['import', file, '--dry-run']).code).toBe(2);
    }
    expect(ownData(B)).toEqual(before);
  });

  // About twenty commands in a row: more time than one command's test gets.
  it("never changes B's own lists, exports or due; shows A beside B's record; update replaces; remove leaves no trace", { timeout: 120_000 }, () => {
    const before = ownData(B);
    const add = ok(B.run(['source', 'add', shareA, '--name', 'anna']));
    expect(add.stderr).toMatch(/added source "anna" \(vetted\): \d+ companies, 3 of them yours/);
    expect(ownData(B)).toEqual(before);

    const show = ok(B.run(['company', 'show', 'Volgatelecom'])).stdout;
    expect(show).toMatch(/What others say/);
    expect(show).toMatch(/anna \(\d{4}-\d{2}-\d{2}\): black since 2012-07-\d\d — B2 broke 4 promises/);
    expect(ok(B.run(['why', 'Volgatelecom'])).stdout).toMatch(/anna .*: black since/);
    const why = json<{ list: string; others: { source: string; list: string }[] }>(B, ['why', 'Amazon', '--json']);
    expect(why.list).toBe('black');
    expect(why.others).toEqual([expect.objectContaining({ source: 'anna', list: 'white' })]);

    const lists = ok(B.run(['lists', '--sources'])).stdout;
    expect(lists).toMatch(/Zappos .*sources: 1 white/);
    // A company is counted by any of its names, each source once; the lists in their usual order.
    const counted = json<Record<string, { company: string; sources: Record<string, number> }[]>>(B, ['lists', '--sources', '--json']);
    const sourcesOf = (name: string) => Object.values(counted).flat().find((e) => e.company === name)?.sources;
    expect(sourcesOf('Zappos')).toEqual({ white: 1 });
    for (const e of Object.values(counted).flat()) expect(Object.keys(e.sources)).toEqual(['black', 'white', 'watch'].filter((l) => e.sources[l]));
    const from = json<Record<string, { company: string }[]>>(B, ['lists', '--from', 'anna', '--json']);
    expect(from.black.map((e) => e.company)).toEqual(['Cool Air Installations', 'United Airlines', 'Volgatelecom', 'Wildberries']);
    // When it was shared, as every other line says a moment: no raw timestamp.
    expect(ok(B.run(['lists', '--from', 'anna'])).stdout).toMatch(/^The lists of "anna"[^\n]*, shared \d{4}-\d{2}-\d{2} \d{2}:\d{2}, as they gave them:$/m);
    // As every listing: --json one indented document, --ndjson an object a line with its list.
    for (const args of [['lists', '--from', 'anna'], ['lists', '--sources']]) {
      const document = ok(B.run([...args, '--json'])).stdout;
      expect(document).toMatch(/^\{\n {2}"black": \[\n {4}\{\n {6}"company": /);
      const lines = ok(B.run([...args, '--ndjson'])).stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { list: string; company: string });
      const parsed = JSON.parse(document) as Record<string, { company: string }[]>;
      expect(lines.map((e) => [e.list, e.company])).toEqual(Object.entries(parsed).flatMap(([l, es]) => es.map((e) => [l, e.company])));
    }
    const shown = json<{ companies: { name: string; yours: string | null }[] }>(B, ['source', 'show', 'anna', '--json']);
    expect(shown.companies.filter((c) => !c.yours).map((c) => c.name)).toContain('Masterhost');
    // A vendor only a source knows: said where to see what it says, in place of a dead end.
    for (const args of [['why', 'Masterhost'], ['company', 'show', 'masterhost']]) {
      expect(expectOneLineError(B.run(args))).toMatch(/^vetted: there is no company "[Mm]asterhost" in your record, but your source "anna" knows it: `vetted source show "anna"` shows what "anna" says, and `vetted check "?[Mm]asterhost"?` shows what it says of it before its first question\.$/);
    }
    expect(expectOneLineError(B.run(['why', 'Nobody At All']))).toMatch(/there is no company "Nobody At All" in .*; see `vetted company list`/);

    // A changes its mind; B replaces the snapshot whole.
    ok(A.run(['pin', 'Volgatelecom', 'white', '--reason', 'they made up for it']));
    const second = join(A.dir, 'a-share-2.json');
    ok(A.run(['export', '--format', 'json', '--share', '--out', second]));
    // What changed is said: a company on another list; the file is the newer, shared without her label.
    const updated = ok(B.run(['source', 'update', 'anna', second])).stderr;
    expect(updated).toMatch(/^ {2}1 company on another list than before\n {4}Volgatelecom: black → white$/m);
    expect(updated).not.toMatch(/note: this file was shared/);
    expect(updated).toMatch(/^ {2}note: it gives no name of its own now; the file it replaces called itself "Anna"\.$/m);
    expect(ok(B.run(['company', 'show', 'Volgatelecom'])).stdout).toMatch(/anna \(.*\): white since .* pinned: they made up for it/);
    // An older file, or one by another label, is taken, and said to be.
    const older = join(A.dir, 'a-share-old.json');
    writeFileSync(older, JSON.stringify({ ...JSON.parse(readFileSync(second, 'utf8')), exported_at: '2020-01-01T00:00:00Z', source: 'Someone Else' }));
    const back = ok(B.run(['source', 'update', 'anna', older])).stderr;
    expect(back).toMatch(/^ {2}no company is on another list than before$/m);
    expect(back).toMatch(/^ {2}note: this file was shared 2020-01-01 \d\d:00, before the one it replaces \(.*\): what you read now is the older of the two\.$/m);
    expect(back).toMatch(/^ {2}note: it calls itself "Someone Else" now; the file it replaces gave none\.$/m);
    expect(ok(B.run(['--lang', 'ru', 'source', 'update', 'anna', second])).stderr).toMatch(/^ {2}внимание: теперь он никак себя не называет; заменённый им файл называл себя «Someone Else»\.$/m);
    expect(ok(B.run(['company', 'show', 'Volgatelecom'])).stdout).not.toMatch(/B2 broke/);
    expect(ownData(B)).toEqual(before);

    ok(B.run(['source', 'remove', 'anna']));
    expect(sourceRows(B.db)).toEqual({ sources: 0, source_companies: 0, source_names: 0, source_lists: 0, source_evidence: 0, complaint_counts: 0, complaint_issues: 0 });
    expect(ok(B.run(['company', 'show', 'Volgatelecom'])).stdout).not.toMatch(/What others say/);
    expect(ownData(B)).toEqual(before);
  });

  it("judges a source's evidence by the user's own policy, beside the source's own verdict", () => {
    const file = join(A.dir, 'a-evidence.json');
    ok(A.run(['unpin', 'Volgatelecom']));
    ok(A.run(['export', '--format', 'json', '--share', '--with-evidence', '--out', file]));
    mkdirSync(B.config, { recursive: true });
    writeFileSync(join(B.config, 'policy.yaml'), 'broken_promises: 9\n');
    ok(B.run(['source', 'add', file, '--name', 'anna-full']));
    expect(ok(B.run(['company', 'show', 'Volgatelecom'])).stdout).toMatch(/they say black; by your policy: watch/);
    ok(B.run(['source', 'remove', 'anna-full']));
  });
});

describe('refusals', () => {
  const s = sandbox();
  afterAll(() => s.cleanup());
  const file = (name: string, text: string) => {
    const f = join(s.dir, name);
    writeFileSync(f, text);
    return f;
  };

  it.each([
    ['newer.json', '{"format": "vetted/2"}', /newer format/],
    ['other.json', '{"format": "something/1"}', /must be vetted\/1/],
    ['unknown.json', '{"format": "vetted/1", "lists": [{"company": "X", "list": "black", "colour": "red"}]}', /lists\[0\]\.colour: unknown field/],
    ['list.json', '{"format": "vetted/1", "lists": [{"company": "X", "list": "grey"}]}', /must be one of black, white, watch/],
    // One company on two lists: by its name in other letters, or by an alias.
    ['twice.json', '{"format": "vetted/1", "lists": [{"company": "Acme", "list": "black"}, {"company": "ACME ", "list": "white"}]}', /lists\[1\]: "ACME " is the company "Acme" listed before it \(by name or alias\); a file lists each company once/],
    ['alias.json', '{"format": "vetted/1", "companies": [{"name": "Beta", "aliases": ["Gamma"]}], "lists": [{"company": "Gamma", "list": "white"}, {"company": "Beta", "list": "black"}]}', /lists\[1\]: "Beta" is the company "Gamma" listed before it/],
  ])('refuses %s with exit 2, storing nothing', (name, text, message) => {
    expect(expectOneLineError(s.run(['source', 'add', file(name, text), '--name', 'x']))).toMatch(message);
    // Into no database: none is made (nor, where there is one, any source stored).
    if (existsSync(s.db)) expect(json<unknown[]>(s, ['source', 'list', '--json'])).toEqual([]);
    else expect(s.run(['source', 'list', '--json']).stderr).toMatch(/there is no database at/);
  });

  it('says what an SQLite file given for a shared file is, and how to make a shared file of the database, storing nothing', () => {
    ok(s.run(['incident', 'add', 'Acme', '--title', 'so that the database is there']));
    const backup = join(s.dir, 'kept.db');
    ok(s.run(['backup', '--out', backup]));
    const whole = readFileSync(backup);
    writeFileSync(join(s.dir, 'cut.db'), whole.subarray(0, 5000));
    // A database's shared memory, told by its name beside the database (it has no mark of its own); a log alone, by its first bytes.
    writeFileSync(`${backup}-shm`, Buffer.alloc(32768));
    writeFileSync(join(s.dir, 'lone.log'), Buffer.from([0x37, 0x7f, 0x06, 0x82, 0, 0, 0, 0]));
    const refused = (args: string[], stdinFrom?: string) => {
      // Standard input redirected from the file, as a shell gives it.
      const made = stdinFrom === undefined ? undefined : spawnSync('sh', ['-c', '"$0" "$1" source add "$2" --name x < "$3"', process.execPath, BIN, ...args, stdinFrom], { env: s.env, cwd: s.dir, encoding: 'utf8' });
      const r = made ? { code: made.status, stdout: made.stdout, stderr: made.stderr } : s.run(['source', 'add', ...args, '--name', 'x']);
      expect(json<unknown[]>(s, ['source', 'list', '--json'])).toEqual([]);
      return expectOneLineError(r);
    };
    expect(refused([join(s.dir, 'cut.db')])).toMatch(/cut\.db is an SQLite database cut short \(5,000 bytes of the [\d,]+ its header gives\), not a shared file: .*Copy it again, whole/);
    expect(refused([`${backup}-shm`])).toMatch(/kept\.db-shm is the shared-memory file of the database .*kept\.db, not a shared file: make one from the database itself with `vetted --db ".*kept\.db" export --share --out shared\.json`/);
    expect(refused([join(s.dir, 'lone.log')])).toMatch(/lone\.log is the write-ahead log of an SQLite database, not a shared file: .*`vetted --db FILE export --share/);
    // Read from standard input: its file is named as FILE, not as /dev/stdin, which the next command cannot read.
    expect(refused(['/dev/stdin'], backup)).toMatch(/\/dev\/stdin is a database \(a vetted backup\?\), not a shared file: make one from its file with `vetted --db FILE export --share --out shared\.json`/);
    expect(refused([backup])).toMatch(/kept\.db is a database \(a vetted backup\?\), not a shared file: make one from it with `vetted --db ".*kept\.db" export --share/);
  });

  it('names the line of a problem of a YAML file, as import does, when it is added or updated', () => {
    const unknown = file('unknown.yaml', 'format: vetted/1\nlists:\n  - company: X\n    list: black\n    colour: red\n');
    expect(expectOneLineError(s.run(['source', 'add', unknown, '--name', 'x']))).toMatch(/unknown\.yaml is not a valid vetted\/1 file: line 5: lists\[0\]\.colour: unknown field; nothing was stored\.$/);
    expect(expectOneLineError(s.run(['import', unknown]))).toMatch(/: line 5: lists\[0\]\.colour: unknown field;/);
    const twice = file('twice.yaml', 'format: vetted/1\nlists:\n  - company: Acme\n    list: black\n  - company: ACME\n    list: white\n');
    expect(expectOneLineError(s.run(['source', 'add', twice, '--name', 'x']))).toMatch(/twice\.yaml is not a valid vetted\/1 file: line 5: lists\[1\]: "ACME" is the company "Acme" listed before it/);
    ok(s.run(['source', 'add', file('fine.yaml', 'format: vetted/1\nlists:\n  - company: X\n    list: black\n'), '--name', 'fine']));
    expect(expectOneLineError(s.run(['source', 'update', 'fine', unknown]))).toMatch(/unknown\.yaml is not a valid vetted\/1 file: line 5: lists\[0\]\.colour: unknown field/);
    ok(s.run(['source', 'remove', 'fine']));
  });

  it('refuses a name already taken, a CFPB file without its Company column, and an unknown kind', () => {
    ok(s.run(['source', 'add', file('ok.json', '{"format": "vetted/1", "lists": [{"company": "X", "list": "black"}]}'), '--name', 'Taken']));
    expect(expectOneLineError(s.run(['source', 'add', file('ok2.json', '{"format": "vetted/1"}'), '--name', 'taken']))).toMatch(/there is a source "Taken" already/);
    // The same file (the same bytes, under any name) under a second name would count one person twice.
    expect(expectOneLineError(s.run(['source', 'add', file('copy.json', '{"format": "vetted/1", "lists": [{"company": "X", "list": "black"}]}'), '--name', 'again']))).toMatch(/that file is the source "Taken" already \(the same bytes\); added again, its lists would be counted twice\. To read it again, `vetted source update "Taken" FILE`/);
    // Nor may the same export, its spacing or line ends changed: known by its label, the moment it was made and what it says.
    const made = { format: 'vetted/1', source: 'Anna', exported_at: '2026-11-30T10:00:00Z', lists: [{ company: 'Y', list: 'white' }] };
    ok(s.run(['source', 'add', file('made.json', JSON.stringify(made, null, 2)), '--name', 'anna']));
    expect(expectOneLineError(s.run(['source', 'add', file('made-crlf.json', JSON.stringify(made).replace(/,/g, ',\r\n')), '--name', 'anna2']))).toMatch(/that file is the source "anna" already \(the same export: its label, the moment it was made and what it says\)/);
    // The same moment written otherwise is the same export; two unlabelled files of one second are two people's.
    expect(expectOneLineError(s.run(['source', 'add', file('made-ms.json', JSON.stringify({ ...made, exported_at: '2026-11-30T10:00:00.000Z' })), '--name', 'anna3']))).toMatch(/the same export/);
    const unlabelled = { format: 'vetted/1', exported_at: '2026-11-29T10:00:00Z' };
    ok(s.run(['source', 'add', file('one.json', JSON.stringify({ ...unlabelled, lists: [{ company: 'P', list: 'black' }] })), '--name', 'one']));
    ok(s.run(['source', 'add', file('two.json', JSON.stringify({ ...unlabelled, lists: [{ company: 'Q', list: 'black' }] })), '--name', 'two']));
    ok(s.run(['source', 'remove', 'one']));
    ok(s.run(['source', 'remove', 'two']));
    // Another export of hers, a moment later, is another file.
    ok(s.run(['source', 'update', 'anna', file('made-later.json', JSON.stringify({ ...made, exported_at: '2026-11-30T10:00:01Z' }))]));
    ok(s.run(['source', 'remove', 'anna']));
    // A public record in an archive, kept by an older version under the archive's own hash: known again.
    const zipped = join(s.dir, 'record.zip');
    writeFileSync(zipped, zipOf('complaints.csv', Buffer.from('Date received,Company\n2020-01-01,Zed\n'), 8));
    ok(s.run(['source', 'add', zipped, '--name', 'record', '--kind', 'cfpb']));
    const kept = new Database(s.db);
    kept.prepare("UPDATE sources SET file_sha256 = ? WHERE name = 'record'").run(createHash('sha256').update(readFileSync(zipped)).digest('hex'));
    kept.close();
    expect(expectOneLineError(s.run(['source', 'add', zipped, '--name', 'record2', '--kind', 'cfpb']))).toMatch(/that file is the source "record" already \(the same CSV, in an archive or not\)/);
    ok(s.run(['source', 'remove', 'record']));
    const noCompany = file('no-company.csv', 'Date received,Product,Issue\n2020-01-01,Mortgage,Other\n');
    expect(expectOneLineError(s.run(['source', 'add', noCompany, '--name', 'c', '--kind', 'cfpb']))).toMatch(/has no "Company" column/);
    expect(s.run(['source', 'add', noCompany, '--name', 'c', '--kind', 'bank']).code).toBe(2);
    // A database (this one) or other binary given as a CFPB file, or one in another encoding: said so, not shown as its header.
    expect(expectOneLineError(s.run(['source', 'add', s.db, '--name', 'c', '--kind', 'cfpb']))).toMatch(/ is an SQLite database, not a CFPB complaint file; give the CSV file or the \.zip CFPB publishes; nothing was stored\.$/);
    writeFileSync(join(s.dir, 'bytes.csv'), Buffer.from([0x43, 0x6f, 0, 1, 2, 0xff, 0x0a]));
    expect(expectOneLineError(s.run(['source', 'add', join(s.dir, 'bytes.csv'), '--name', 'c', '--kind', 'cfpb']))).toMatch(/bytes\.csv is not text \(it holds binary data\), not a CFPB/);
    // UTF-16 (with its byte-order mark or without) is text, only not UTF-8: said so, not called binary.
    for (const [name, bytes] of [['utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Date received,Company\n2020-01-01,X\n', 'utf16le')])], ['utf16-plain.csv', Buffer.from('Date received,Company\n', 'utf16le')]] as const) {
      writeFileSync(join(s.dir, name), bytes);
      expect(expectOneLineError(s.run(['source', 'add', join(s.dir, name), '--name', 'c', '--kind', 'cfpb']))).toMatch(/ is not UTF-8 text; save it as UTF-8/);
    }
    writeFileSync(join(s.dir, 'latin1.csv'), Buffer.from('Date received,Compa\xf1\xeda\n', 'latin1'));
    expect(expectOneLineError(s.run(['source', 'add', join(s.dir, 'latin1.csv'), '--name', 'c', '--kind', 'cfpb']))).toMatch(/latin1\.csv is not UTF-8 text; save it as UTF-8/);
    // A byte that is not UTF-8 in a row, a column given twice, a quote never closed: refused, where each was read without a word.
    writeFileSync(join(s.dir, 'row-latin1.csv'), Buffer.concat([Buffer.from('Date received,Company\n2020-01-01,Caf'), Buffer.from([0xe9, 0x0a])]));
    expect(expectOneLineError(s.run(['source', 'add', join(s.dir, 'row-latin1.csv'), '--name', 'c', '--kind', 'cfpb']))).toMatch(/row-latin1\.csv: line 2 is not UTF-8 text/);
    expect(expectOneLineError(s.run(['source', 'add', file('twice.csv', 'Date received,Company,Company\n2020-01-01,ACME,B\n'), '--name', 'c', '--kind', 'cfpb']))).toMatch(/twice\.csv has two "Company" columns/);
    expect(expectOneLineError(s.run(['source', 'add', file('open.csv', 'Date received,Company\n2020-01-01,"ACME\n'), '--name', 'c', '--kind', 'cfpb']))).toMatch(/open\.csv: the quote opened at line 2 never closes/);
    // Only the two columns it needs: read (a file without a Product column stopped with an internal error).
    const two = ok(s.run(['source', 'add', file('two.csv', 'Date received,Company\n2020-01-01,Acme\n'), '--name', 'two', '--kind', 'cfpb']));
    expect(two.stderr).toMatch(/1 row read, 0 skipped/);
    ok(s.run(['source', 'remove', 'two']));
    // A file that says it was made, or listed a company, years from now: refused, as an import refuses a time to come; a day ahead is another zone's today.
    const ahead = new Date(Date.now() + 20 * 3_600_000).toISOString();
    ok(s.run(['source', 'add', file('soon.json', JSON.stringify({ format: 'vetted/1', exported_at: ahead, lists: [{ company: 'S', list: 'black', since: ahead.slice(0, 10) }] })), '--name', 'soon']));
    ok(s.run(['source', 'remove', 'soon']));
    expect(expectOneLineError(s.run(['source', 'add', file('future.json', '{"format": "vetted/1", "exported_at": "2099-12-31T00:00:00Z", "lists": [{"company": "F", "list": "black", "since": "2099-01-01"}]}'), '--name', 'future']))).toMatch(/exported_at: is in the future; .*lists\[0\]\.since: is in the future/);
    // A name with an escape or an invisible character could not be typed back.
    for (const bad of ['x\u001b[2Jy', 'dmi\u200btry']) expect(expectOneLineError(s.run(['source', 'add', noCompany, '--name', bad, '--kind', 'cfpb']))).toMatch(/without control or invisible characters/);
    // A complaint record given as a shared list (the kind left out, or another kind's source updated with it).
    expect(expectOneLineError(s.run(['source', 'add', noCompany, '--name', 'c']))).toMatch(/no-company\.csv is a CSV or ZIP file, not a shared list .* --kind cfpb`\.$/);
    expect(expectOneLineError(s.run(['source', 'update', 'Taken', noCompany]))).toMatch(/is a CSV or ZIP file, not a shared list/);
    // Updated with another source's file, the same: one file counted twice. Its own file again is taken.
    ok(s.run(['source', 'add', file('other.json', '{"format": "vetted/1", "lists": [{"company": "Q", "list": "white"}]}'), '--name', 'other']));
    expect(expectOneLineError(s.run(['source', 'update', 'other', file('copy2.json', '{"format": "vetted/1", "lists": [{"company": "X", "list": "black"}]}')]))).toMatch(/that file is the source "Taken" already \(the same bytes\)/);
    ok(s.run(['source', 'update', 'other', join(s.dir, 'other.json')]));
    ok(s.run(['source', 'remove', 'other']));
    // Where it came from is kept whole, to be found from any folder.
    expect(json<{ file: string }[]>(s, ['source', 'list', '--json'])[0].file).toMatch(/^\/.*ok\.json$/);
    expect(json<{ name: string }[]>(s, ['source', 'list', '--json']).map((x) => x.name)).toEqual(['Taken']);
    expect(expectOneLineError(s.run(['source', 'remove', 'nobody']))).toMatch(/no source "nobody"; the sources are "Taken"/);
  });

  it("shows a source's text as text: escapes are made visible", () => {
    const f = file('hostile.json', JSON.stringify({ format: 'vetted/1', lists: [{ company: 'Evil\u001b[31m Corp', list: 'black', reasons: [{ rule: 'B1', text: 'bad\u001b]8;;http://x\u0007link' }] }] }));
    ok(s.run(['source', 'add', f, '--name', 'hostile']));
    const out = ok(s.run(['lists', '--from', 'hostile'])).stdout;
    expect(out).not.toContain('\u001b');
    expect(out).toContain('Evil␛[31m Corp');
  });

  it("shows a source's label and rules as text too, in its lists and beside a company", () => {
    const label = 'Evil\u001b]0;title\u0007\u001b]52;c;ZWNobw==\u0007';
    const f = file('label.json', JSON.stringify({ format: 'vetted/1', source: label, lists: [{ company: 'Acme', list: 'white', reasons: [{ rule: '\u001b[8m', text: 'hidden' }] }] }));
    ok(s.run(['source', 'add', f, '--name', 'label']));
    for (const args of [['lists', '--from', 'label'], ['company', 'show', 'Acme'], ['why', 'Acme']]) {
      const r = s.run(args);
      expect(r.stdout + r.stderr, args.join(' ')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    }
    expect(ok(s.run(['lists', '--from', 'label'])).stdout).toContain('␛[8m hidden');
  });

  it('takes an export changed and made again in the same second for another file, and the same one saved again for the same', () => {
    // An export is dated to the second: one made after a change within it was taken for the one already read.
    const made = { format: 'vetted/1', source: 'Bea', exported_at: '2026-11-28T10:00:00Z', lists: [{ company: 'Y', list: 'white' }] };
    ok(s.run(['source', 'add', file('bea.json', JSON.stringify(made, null, 2)), '--name', 'bea']));
    const changed = { ...made, lists: [{ company: 'Y', list: 'black' }] };
    ok(s.run(['source', 'add', file('bea-changed.json', JSON.stringify(changed)), '--name', 'bea-changed']));
    // The changed one saved again as YAML, its keys in another order, is the same export still.
    const yaml = file('bea-changed.yaml', 'format: vetted/1\nexported_at: 2026-11-28T10:00:00Z\nsource: Bea\nlists:\n  - list: black\n    company: Y\n');
    expect(expectOneLineError(s.run(['source', 'add', yaml, '--name', 'bea2']))).toMatch(/that file is the source "bea-changed" already \(the same export: its label, the moment it was made and what it says\)/);
    // An update to another export of that second is not refused for the source that holds the first.
    ok(s.run(['source', 'update', 'bea-changed', file('bea-more.json', JSON.stringify({ ...made, lists: [...made.lists, { company: 'Z', list: 'watch' }] }))]));
    expect(json<{ name: string; listed: number }[]>(s, ['source', 'list', '--json']).filter((x) => x.name.startsWith('bea')).map((x) => [x.name, x.listed])).toEqual([['bea', 1], ['bea-changed', 2]]);
    ok(s.run(['source', 'remove', 'bea']));
    ok(s.run(['source', 'remove', 'bea-changed']));
  });

  it('refuses a device or a pipe that never ends, as a shared file or a public record, without reading it into memory', () => {
    const t0 = Date.now();
    expect(expectOneLineError(s.run(['source', 'add', '/dev/zero', '--name', 'zero']))).toMatch(/\/dev\/zero holds more than 128 MB/);
    // A public record is read as a file (an archive from its end): a device or a pipe is refused at once, saying to save it first.
    expect(expectOneLineError(s.run(['source', 'add', '/dev/zero', '--name', 'zero', '--kind', 'cfpb']))).toMatch(/\/dev\/zero is a pipe or a device, not a file; .* save it to a file first/);
    const fifo = join(s.dir, 'complaints.fifo');
    spawnSync('mkfifo', [fifo]);
    // A pipe with no writer is refused too, not waited on.
    expect(expectOneLineError(s.run(['source', 'add', fifo, '--name', 'fifo', '--kind', 'cfpb']))).toMatch(/complaints\.fifo is a pipe or a device, not a file/);
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(json<{ name: string }[]>(s, ['source', 'list', '--json']).map((x) => x.name)).not.toContain('zero');
  });

  it('says, on removing a source, that undo does not bring it back', () => {
    ok(s.run(['source', 'add', file('gone.json', '{"format": "vetted/1", "lists": [{"company": "Y", "list": "black"}]}'), '--name', 'gone']));
    expect(ok(s.run(['source', 'remove', 'gone'])).stderr).toMatch(/^removed source "gone" and everything read from it \(sources are not in the history, so `vetted undo` does not bring it back; to have it again, add its file again\)\n$/);
  });
});

describe('an update that moves many companies', () => {
  it('names the first ten that moved, from list to list, in name order, and counts the rest', () => {
    const s = sandbox();
    try {
      const file = (name: string, list: (k: number) => string) => {
        const lists = Array.from({ length: 12 }, (_, k) => ({ company: `Shop ${String(k).padStart(2, '0')}`, list: list(k), since: '2026-01-02', pinned: true, reasons: [{ rule: 'pin', text: 'by hand', evidence: [] }] }));
        const path = join(s.dir, name);
        writeFileSync(path, JSON.stringify({ format: 'vetted/1', exported_at: '2026-11-01T10:00:00Z', source: 'Ann', companies: lists.map((l) => ({ name: l.company })), lists }));
        return path;
      };
      ok(s.run(['source', 'add', file('one.json', () => 'black'), '--name', 'ann']));
      // Eleven move (one to watch, ten to white), the twelfth stays.
      const said = ok(s.run(['source', 'update', 'ann', file('two.json', (k) => (k === 11 ? 'black' : k === 0 ? 'watch' : 'white'))])).stderr;
      const moves = said.split('\n').filter((l) => l.startsWith('    '));
      expect(moves).toEqual([...Array.from({ length: 10 }, (_, k) => `    Shop ${String(k).padStart(2, '0')}: black → ${k === 0 ? 'watch' : 'white'}`), '    and 1 company more']);
      const ru = ok(s.run(['--lang', 'ru', 'source', 'update', 'ann', file('three.json', () => 'black')])).stderr;
      expect(ru).toMatch(/^ {4}Shop 00: под наблюдением → чёрный список$/m);
      expect(ru).toMatch(/^ {4}и ещё 1 компания$/m);
    } finally {
      s.cleanup();
    }
  });
});

describe('undo just after a source is added or updated', () => {
  it('undoes nothing, and says how a source is taken away and how the change before it is undone', () => {
    const s = sandbox();
    try {
      ok(s.run(['pin', 'Ozon', 'white', '--reason', 'kind']));
      const f = join(s.dir, 'one.json');
      writeFileSync(f, '{"format": "vetted/1", "lists": [{"company": "Y", "list": "black"}]}');
      ok(s.run(['source', 'add', f, '--name', 'dmitry']));
      const refused = s.run(['undo']);
      expectOneLineError(refused);
      expect(refused.stderr).toMatch(/the source "dmitry" added, which is not in the history, so nothing was undone: `vetted source remove "?dmitry"?` takes a source away\. The last change undo takes back is #1, pin Ozon[^;]*; to undo that: vetted undo --op 1\n$/);
      expect(ok(s.run(['lists', 'white'])).stdout).toMatch(/Ozon/);
      // A change made after the source is undone as always; the pin is undone with --op.
      ok(s.run(['pin', 'Acme', 'black', '--reason', 'rude']));
      expect(ok(s.run(['undo'])).stderr).toMatch(/^undone #2: pin Acme/);
      expectOneLineError(s.run(["undo"]));
      expect(ok(s.run(['undo', '--op', '1'])).stderr).toMatch(/^undone #1: pin Ozon/);
      // Updated later, the same.
      ok(s.run(['pin', 'Ozon', 'white', '--reason', 'kind again']));
      writeFileSync(f, '{"format": "vetted/1", "lists": [{"company": "Z", "list": "white"}]}');
      ok(s.run(['source', 'update', 'dmitry', f]));
      expect(s.run(['undo']).stderr).toMatch(/the source "dmitry" updated/);
      ok(s.run(['source', 'remove', 'dmitry']));
      expect(ok(s.run(['undo'])).stderr).toMatch(/^undone #\d+: pin Ozon/);
      // `undo 2` does not reach past a source either; the change since it is undone by itself.
      ok(s.run(['pin', 'First', 'white', '--reason', 'a']));
      ok(s.run(['source', 'add', f, '--name', 'anna']));
      ok(s.run(['pin', 'Second', 'white', '--reason', 'b']));
      expect(expectOneLineError(s.run(['undo', '2']))).toMatch(/the source "anna" was added after the changes this would take back, and it is not in the history, so nothing was undone; to undo the change made since: vetted undo$/);
      expect(ok(s.run(['undo'])).stderr).toMatch(/^undone #\d+: pin Second/);
      // Added in another time zone, or in the same second as the change before: known by the change's number, not a time.
      ok(s.run(['pin', 'Third', 'white', '--reason', 'c']));
      expect(s.run(['source', 'update', 'anna', join(s.dir, 'one.json')], { env: { TZ: 'Pacific/Kiritimati' } }).code).toBe(0);
      expect(expectOneLineError(s.run(['undo'], { env: { TZ: 'America/Adak' } }))).toMatch(/the source "anna" updated/);
      ok(s.run(['pin', 'Fourth', 'white', '--reason', 'd'], { env: { TZ: 'UTC' } }));
      expect(ok(s.run(['undo'], { env: { TZ: 'UTC' } })).stderr).toMatch(/^undone #\d+: pin Fourth/);
    } finally {
      s.cleanup();
    }
  });
});

describe('a source that lists one company of yours under two names', () => {
  it('shows each of its listings, not one of them for both names', () => {
    const s = sandbox();
    try {
      ok(s.run(['incident', 'add', 'Rostelecom', '--title', 'slow', '--opened', '2026-01-01']));
      ok(s.run(['incident', 'add', 'Volgatelecom', '--title', 'down', '--opened', '2012-07-12']));
      ok(s.run(['company', 'merge', 'Volgatelecom', 'Rostelecom']));
      const f = join(s.dir, 'olga.json');
      writeFileSync(
        f,
        JSON.stringify({
          format: 'vetted/1',
          source: 'Olga',
          companies: [{ name: 'Rostelecom' }, { name: 'Volgatelecom' }],
          lists: [
            { company: 'Rostelecom', list: 'white', since: '2026-10-01', reasons: [{ rule: 'W1', text: 'fixed my line in a day' }] },
            { company: 'Volgatelecom', list: 'black', since: '2012-07-20', reasons: [{ rule: 'B2', text: 'broke 4 promises in 5 days' }] },
          ],
        }),
      );
      ok(s.run(['source', 'add', f, '--name', 'olga']));
      const others = json<{ others: { names: string[]; list: string; reasons: { rule: string }[] }[] }>(s, ['company', 'show', 'Rostelecom', '--json']).others;
      expect(others.map((o) => [o.names, o.list, o.reasons.map((r) => r.rule)])).toEqual([
        [['Rostelecom'], 'white', ['W1']],
        [['Volgatelecom'], 'black', ['B2']],
      ]);
      const shown = ok(s.run(['company', 'show', 'Rostelecom'])).stdout;
      expect(shown).toMatch(/as Rostelecom: white since 2026-10-01/);
      expect(shown).toMatch(/as Volgatelecom: black since 2012-07-20/);
      expect(ok(s.run(['lists', '--sources'])).stdout).toMatch(/Rostelecom[^\n]*sources: 1 black · 1 white/);
      // The help's example is said as the list says it, in each language.
      const tally = (lang: string) => /Rostelecom[^\n]*· \S+: ([^\n]*)/.exec(ok(s.run(['--lang', lang, 'lists', '--sources'])).stdout)![1].trim();
      const example = (lang: string) => / (?:источники \(например,|how your sources list it \(such as) (?:«([^»]*)»|"([^"]*)")\)/.exec(ok(s.run(['--lang', lang, 'lists', '--help'])).stdout.replace(/\s+/g, ' '))!.slice(1).find(Boolean)!;
      expect(tally('ru')).toBe('1 — чёрный · 1 — белый');
      for (const lang of ['en', 'ru']) expect(example(lang).replace(/\d+/g, 'N'), lang).toBe(tally(lang).replace(/\d+/g, 'N'));
    } finally {
      s.cleanup();
    }
  });
});

describe('a source whose company has a name of one of your companies and another of another', () => {
  it('is the one its name names, the same in every listing, and counted once', () => {
    const s = sandbox();
    try {
      ok(s.run(['pin', 'GoodShop', 'white', '--reason', 'kind']));
      ok(s.run(['pin', 'Volgatelecom', 'black', '--reason', 'rude']));
      const f = join(s.dir, 'eve.json');
      writeFileSync(
        f,
        JSON.stringify({
          format: 'vetted/1',
          companies: [{ name: 'GoodShop', aliases: ['Volgatelecom'] }],
          lists: [{ company: 'GoodShop', list: 'black', since: '2025-01-01', reasons: [{ rule: 'B2', text: 'bad' }] }],
        }),
      );
      // Said as it is added: one company of theirs names two of yours, and is counted for one.
      expect(ok(s.run(['source', 'add', f, '--name', 'eve'])).stderr).toMatch(/\n {2}its "GoodShop" names 2 of your companies \(GoodShop and Volgatelecom\): it is counted as GoodShop alone; `vetted company merge` if they are one company\n$/);
      expect(json<{ companies: { yours: string | null }[] }>(s, ['source', 'show', 'eve', '--json']).companies.map((c) => c.yours)).toEqual(['GoodShop']);
      expect(json<{ others: unknown[] }>(s, ['company', 'show', 'GoodShop', '--json']).others).toHaveLength(1);
      expect(json<{ others?: unknown[] }>(s, ['company', 'show', 'Volgatelecom', '--json']).others ?? []).toEqual([]);
      const listed = ok(s.run(['lists', '--sources'])).stdout;
      expect(listed).toMatch(/GoodShop[^\n]*sources: 1 black/);
      expect(listed).not.toMatch(/Volgatelecom[^\n]*sources:/);
    } finally {
      s.cleanup();
    }
  });

  it('is the one its own name names even where an alias names one of yours first by name', () => {
    const s = sandbox();
    try {
      ok(s.run(['pin', 'GoodShop', 'white', '--reason', 'kind']));
      ok(s.run(['pin', 'Volgatelecom', 'black', '--reason', 'rude']));
      const f = join(s.dir, 'mallory.json');
      // Its own name is Volgatelecom; GoodShop, the first of the two by name, only an alias it gives.
      writeFileSync(
        f,
        JSON.stringify({
          format: 'vetted/1',
          companies: [{ name: 'VOLGATELECOM', aliases: ['GoodShop'] }],
          lists: [{ company: 'VOLGATELECOM', list: 'black', since: '2025-01-01', reasons: [{ rule: 'B2', text: 'about Volgatelecom' }] }],
        }),
      );
      expect(ok(s.run(['source', 'add', f, '--name', 'mallory'])).stderr).toMatch(/it is counted as Volgatelecom alone/);
      expect(json<{ companies: { yours: string | null }[] }>(s, ['source', 'show', 'mallory', '--json']).companies.map((c) => c.yours)).toEqual(['Volgatelecom']);
      expect(json<{ others?: unknown[] }>(s, ['company', 'show', 'GoodShop', '--json']).others ?? []).toEqual([]);
      expect(json<{ others: unknown[] }>(s, ['company', 'show', 'Volgatelecom', '--json']).others).toHaveLength(1);
      expect(ok(s.run(['lists', '--sources'])).stdout).not.toMatch(/GoodShop[^\n]*sources:/);
      // Its own name naming a company of yours by an alias of it: that company still, not the one its alias names.
      ok(s.run(['pin', 'Volga Holding', 'black', '--reason', 'rude']));
      ok(s.run(['company', 'alias', 'Volga Holding', 'Volga Telecom Samara']));
      const g = join(s.dir, 'trent.json');
      writeFileSync(g, JSON.stringify({ format: 'vetted/1', source: 'Trent', companies: [{ name: 'Volga Telecom Samara', aliases: ['GoodShop'] }], lists: [{ company: 'Volga Telecom Samara', list: 'black', since: '2025-01-01', reasons: [{ rule: 'B2', text: 'x' }] }] }));
      expect(ok(s.run(['source', 'add', g, '--name', 'trent'])).stderr).toMatch(/it is counted as Volga Holding alone/);
    } finally {
      s.cleanup();
    }
  });
});

describe('a vendor checked before anything of yours is recorded of it', () => {
  const ANSWERS = ['who-helps=named-person', 'who-repairs=unknown', 'who-to-ask=unknown', 'returns=unknown', 'cancel=unknown', 'after-leaving=unknown', 'lost-parcel=unknown', 'reach-human=unknown', 'compensation=unknown'].flatMap((a) => ['--answer', a]);

  it("shows what the sources say of its name beside the record, and in check --json; a source's other name for a company of yours is said", () => {
    const s = sandbox();
    try {
      ok(s.run(['pin', 'Ozon', 'white', '--reason', 'kind']));
      const f = join(s.dir, 'dm.json');
      writeFileSync(
        f,
        JSON.stringify({
          format: 'vetted/1',
          companies: [{ name: 'Zappos' }, { name: 'Zed', aliases: ['Ozon'] }],
          lists: [
            { company: 'Zappos', list: 'black', since: '2025-01-01', reasons: [{ rule: 'B2', text: 'broke 3 promises' }] },
            { company: 'Zed', list: 'black', since: '2025-02-01', reasons: [{ rule: 'B1', text: 'refused' }] },
          ],
        }),
      );
      ok(s.run(['source', 'add', f, '--name', 'dmitry']));
      const text = ok(s.run(['check', 'Zappos', ...ANSWERS])).stdout;
      expect(text).toMatch(/Zappos: no record yet[^]*What others say\n {2}dmitry[^\n]*: black since 2025-01-01 — B2 broke 3 promises\n[^]*Score:/);
      const checked = json<{ others: { source: string; list: string; names: string[] }[] }>(s, ['check', 'Amazon', '--json', ...ANSWERS]);
      expect(checked.others).toBeUndefined();
      // Checked again, it is a company of yours now: the same record beside it.
      const again = json<{ others: { source: string; list: string; names: string[] }[] }>(s, ['check', 'Zappos', '--json', ...ANSWERS]);
      expect(again.others.map((o) => [o.source, o.list, o.names])).toEqual([['dmitry', 'black', ['Zappos']]]);
      // Ozon is Zed to that source: said, where it was left out as one name only.
      expect(ok(s.run(['company', 'show', 'Ozon'])).stdout).toMatch(/dmitry \([^)]*\) as Zed: black since 2025-02-01/);
      // A vendor checked by the source's name for a company of yours: what the source says of it.
      const zed = json<{ others: { source: string; list: string; names: string[] }[] }>(s, ['check', 'Zed', '--json', ...ANSWERS]);
      expect(zed.others.map((o) => [o.source, o.list, o.names])).toEqual([['dmitry', 'black', ['Zed']]]);
      // Checked, Zed is a company of yours, which the source's own name names: its verdict is Zed's now, not Ozon's.
      expect(ok(s.run(['company', 'show', 'Zed'])).stdout).toMatch(/dmitry \([^)]*\): black since 2025-02-01/);
      expect(ok(s.run(['company', 'show', 'Ozon'])).stdout).not.toMatch(/dmitry/);
    } finally {
      s.cleanup();
    }
  });
});

describe('a CFPB source', () => {
  const s = sandbox();
  afterAll(() => s.cleanup());

  it('shows the public record of a linked company as counted by hand, and never decides the verdict', { timeout: 120_000 }, () => {
    ok(s.run(['incident', 'add', 'Wells Fargo', '--title', 'Card blocked', '--fault', 'company', '--opened', '2026-11-01T10:00']));
    const whyBefore = ok(s.run(['lists', '--json'])).stdout;
    const add = ok(s.run(['source', 'add', SAMPLE, '--name', 'cfpb', '--kind', 'cfpb']));
    expect(add.stderr).toMatch(/6,623 rows read, 0 skipped; complaints received 2015-04-06 to 2020-03-19/);
    // It puts no one on a list: its lists are not shown as empty ones.
    expect(expectOneLineError(s.run(['lists', '--from', 'cfpb']))).toMatch(/"cfpb" is a public complaint record, which puts no company on a list; see what it holds with `vetted source show "cfpb"`/);
    const match = ok(s.run(['source', 'match', 'cfpb', 'Wells Fargo'])).stdout;
    expect(match).toMatch(/WELLS FARGO & COMPANY \(174 complaints\)/);
    expect(match).toContain('vetted company alias "Wells Fargo" "WELLS FARGO & COMPANY"');
    // A listing as every other: one indented document, or one object a line.
    const matched = json<{ company: string; suggestions: { name: string }[] }[]>(s, ['source', 'match', 'cfpb', 'Wells Fargo', '--json']);
    const lines = ok(s.run(['source', 'match', 'cfpb', 'Wells Fargo', '--ndjson'])).stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as unknown);
    expect(lines).toEqual(matched);
    expect(matched[0].suggestions[0].name).toBe('WELLS FARGO & COMPANY');
    ok(s.run(['company', 'alias', 'Wells Fargo', 'WELLS FARGO & COMPANY']));

    // By hand: the sample's rows of the company, in the 12 months up to March 2020 and the 12 before.
    const [header, ...rows] = parseAll(readFileSync(SAMPLE, 'utf8'));
    const [company, date, response] = ['Company', 'Date received', 'Company response to consumer'].map((c) => header.indexOf(c));
    const theirs = rows.filter((r) => r[company] === 'WELLS FARGO & COMPANY');
    const inMonths = (from: string, to: string) => theirs.filter((r) => r[date].slice(0, 7) >= from && r[date].slice(0, 7) <= to);
    const last = inMonths('2019-04', '2020-03');
    const monetary = last.filter((r) => r[response] === 'Closed with monetary relief').length;
    const shown = json<{ others: { public_record: { last12: { complaints: number; monetary_relief: { count: number; rate: number | null } }; previous12: { complaints: number }; caveat: string } }[] }>(s, ['company', 'show', 'Wells Fargo', '--json']);
    const record = shown.others[0].public_record;
    expect(record.last12.complaints).toBe(last.length);
    expect(record.previous12.complaints).toBe(inMonths('2018-04', '2019-03').length);
    expect(record.last12.monetary_relief.count).toBe(monetary);
    expect(record.last12.monetary_relief.rate).toBeCloseTo(monetary / last.length);
    expect(record.caveat).toMatch(/not normalised by the company's size/);

    const text = ok(s.run(['company', 'show', 'Wells Fargo'])).stdout;
    expect(text).toMatch(new RegExp(`complaints Apr 2019–Mar 2020: ${last.length} `));
    // Of all the complaints until disputes ended, not of the 12 months the lines above count (30 there was read as "fewer than 30").
    expect(text).toMatch(/disputed by the consumer, of all complaints until April 2017 \(when disputes ended\): — \(fewer than 30 complaints\)/);
    expect(text).toMatch(/never decides a verdict/);
    // The link is the user's own alias; the public record itself decides nothing.
    expect(JSON.parse(ok(s.run(['lists', '--json'])).stdout)).toEqual(JSON.parse(whyBefore));
  });
});

describe('a shared file whose incident gives no opening', () => {
  it('is read as an import reads it: the incident opens at its earliest event, and is judged as evidence', () => {
    const s = sandbox();
    try {
      ok(s.run(['pin', 'Acme', 'white', '--reason', 'kind']));
      const f = join(s.dir, 'eve.json');
      // The earliest moment is the one written with +03:00 (22:00 UTC the day before), the second in the file.
      const events = [
        { at: '2024-03-05T10:00', type: 'contact', channel: 'phone' },
        { at: '2024-03-02T01:00+03:00', type: 'promise', due: '2024-03-03' },
      ];
      writeFileSync(f, JSON.stringify({ format: 'vetted/1', incidents: [{ company: 'Acme', title: 'lost parcel', events }] }));
      ok(s.run(['source', 'add', f, '--name', 'eve']));
      const shown = json<{ date_from: string; date_to: string }>(s, ['source', 'show', 'eve', '--json']);
      expect([shown.date_from, shown.date_to]).toEqual(['2024-03-02', '2024-03-02']);
      const others = json<{ others: { by_your_policy: { incidents: number } | null }[] }>(s, ['company', 'show', 'Acme', '--json']).others;
      expect(others.map((o) => o.by_your_policy?.incidents)).toEqual([1]);
      // One with neither an opening nor an event is refused, as an import refuses it.
      writeFileSync(f, JSON.stringify({ format: 'vetted/1', incidents: [{ company: 'Acme', title: 'lost parcel' }] }));
      expect(expectOneLineError(s.run(['source', 'update', 'eve', f]))).toContain('incidents[0].opened: is required of an incident without events (one with events opens at its earliest)');
    } finally {
      s.cleanup();
    }
  });
});

describe('a shared file given through a named pipe', () => {
  it('is read whole, each time, its writer gone when it is added (it hung one time in three, the writer having written into nothing)', async () => {
    const s = sandbox();
    try {
      const fifo = join(s.dir, 'shared.fifo');
      const file = join(s.dir, 'one.json');
      writeFileSync(file, JSON.stringify({ format: 'vetted/1', lists: [{ company: 'Piped Co', list: 'black', reasons: [] }] }));
      expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
      for (let round = 0; round < 5; round++) {
        const writer = spawn('sh', ['-c', `cat "${file}" > "${fifo}"`], { stdio: 'ignore' });
        const written = new Promise((done) => writer.on('exit', done));
        // Run as a child that is waited for without blocking this process (the writer must run meanwhile).
        const r = await new Promise<{ code: number | null; stderr: string }>((done) => {
          const child = spawn(process.execPath, [BIN, 'source', 'add', fifo, '--name', 'piped'], { env: s.env, stdio: ['ignore', 'ignore', 'pipe'] });
          let stderr = '';
          child.stderr.on('data', (d) => (stderr += d));
          const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
          child.on('exit', (code) => {
            clearTimeout(timer);
            done({ code, stderr });
          });
        });
        expect(r.code, r.stderr).toBe(0);
        await written;
        expect(ok(s.run(['lists', '--from', 'piped'])).stdout).toContain('Piped Co');
        ok(s.run(['source', 'remove', 'piped']));
      }
    } finally {
      s.cleanup();
    }
  });
});

describe('a data file exported with its attachments, added as a source', () => {
  it("keeps what each attachment is, not its bytes: every file's base64 went into the evidence kept, where nothing reads it", () => {
    const s = sandbox();
    try {
      ok(s.run(['incident', 'add', 'Receipt Shop', '--title', 'Refund', '--fault', 'company', '--opened', '2026-11-01T10:00']));
      const receipt = join(s.dir, 'receipt.txt');
      const bytes = `receipt ${'0123456789'.repeat(2_000)}`;
      writeFileSync(receipt, bytes);
      ok(s.run(['incident', 'attach', 'receipt-shop-1', receipt]));
      const file = join(s.dir, 'all.json');
      ok(s.run(['export', '--format', 'json', '--with-attachments', '--out', file]));
      const base64 = Buffer.from(bytes).toString('base64');
      expect(readFileSync(file, 'utf8')).toContain(base64);
      const other = join(s.dir, 'other.db');
      ok(s.run(['--db', other, 'source', 'add', file, '--name', 'mine']));
      const d = new Database(other, { readonly: true });
      try {
        const kept = (d.prepare("SELECT data FROM source_evidence WHERE kind = 'incident'").pluck().all() as string[]).join('\n');
        expect(kept).toContain('receipt.txt');
        expect(kept).not.toContain(base64.slice(0, 100));
        expect(kept.length).toBeLessThan(2_000);
      } finally {
        d.close();
      }
    } finally {
      s.cleanup();
    }
  });
});
