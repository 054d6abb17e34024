// `vetted paths` says where each file lives and what chose it; `export --out` takes the
// format from the extension when --format is not given.
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SHARED, sandbox, type Sandbox } from '../helpers/cli.js';
import { expectOneLineError, json, ok } from '../helpers/expect.js';

interface Entry {
  what: string;
  path: string;
  set_by: string;
  exists: boolean;
}

let s: Sandbox;
beforeEach(() => {
  s = sandbox();
});
afterEach(() => s.cleanup());

const byWhat = (entries: Entry[]) => Object.fromEntries(entries.map((e) => [e.what, e]));

describe('vetted paths', () => {
  it('names every place, and the environment variables that set them', () => {
    const p = byWhat(json<Entry[]>(s, ['paths', '--json']));
    expect(Object.keys(p)).toEqual(['database', 'backups', 'config', 'checklists', 'letters', 'policy', 'law']);
    expect(p.database).toMatchObject({ path: s.db, set_by: 'VETTED_DB', exists: false });
    expect(p.backups.path).toBe(join(s.dir, 'backups'));
    expect(p.config).toMatchObject({ path: s.config, set_by: 'VETTED_CONFIG' });
    expect(p.checklists.path).toBe(join(s.config, 'checklists'));
    expect(p.letters.path).toBe(join(s.config, 'letters'));
    expect(p.policy.path).toBe(join(s.config, 'policy.yaml'));
    expect(p.law.path).toBe(join(s.config, 'law.yaml'));
    // Asking where things are creates nothing.
    expect(existsSync(s.db)).toBe(false);
  });

  it('--db wins over VETTED_DB and says so', () => {
    const other = join(s.dir, 'other.db');
    const p = byWhat(json<Entry[]>(s, ['--db', other, 'paths', '--json']));
    expect(p.database).toMatchObject({ path: other, set_by: 'the --db flag' });
  });

  it('without the variables: the platform defaults under HOME and XDG folders', () => {
    const env = { VETTED_DB: '', VETTED_CONFIG: '', XDG_DATA_HOME: join(s.dir, 'data'), XDG_CONFIG_HOME: '', HOME: s.dir };
    const p = byWhat(JSON.parse(ok(s.run(['paths', '--json'], { env })).stdout) as Entry[]);
    expect(p.database).toMatchObject({ path: join(s.dir, 'data', 'vetted', 'vetted.db'), set_by: 'XDG_DATA_HOME' });
    expect(p.config).toMatchObject({ path: join(s.dir, '.config', 'vetted'), set_by: 'the default' });
  });

  it('prints a table for people', () => {
    const out = ok(s.run(['paths'])).stdout;
    expect(out).toMatch(/^WHAT +WHERE +SET BY/);
    expect(out).toMatch(new RegExp(`database +${s.db} \\(not there yet\\) +VETTED_DB`));
  });
});

describe('export --out FILE', () => {
  beforeEach(() => {
    ok(s.run(['import', join(SHARED, 'scenarios', 'seeds.yaml')]));
  });

  it.each([
    ['lists.md', /^# /],
    ['lists.MARKDOWN', /^# /],
    ['data.json', /^\{\n {2}"format": "vetted\/1"/],
    ['lists.csv', /^list,company,since/],
    ['no-extension', /^# /],
  ])('%s: the format of its extension', (name, start) => {
    ok(s.run(['export', '--out', join(s.dir, name)]));
    expect(readFileSync(join(s.dir, name), 'utf8')).toMatch(start);
  });

  it('a file written over keeps its permissions, and no more than them; a new one is the owner\'s alone', () => {
    const page = join(s.dir, 'page.md');
    writeFileSync(page, 'old');
    chmodSync(page, 0o644);
    ok(s.run(['export', '--format', 'md', '--out', page]));
    expect(statSync(page).mode & 0o777).toBe(0o644);
    expect(readFileSync(page, 'utf8')).toMatch(/^# /);
    const fresh = join(s.dir, 'fresh.md');
    ok(s.run(['export', '--format', 'md', '--out', fresh]));
    expect(statSync(fresh).mode & 0o777).toBe(0o600);
    const all = join(s.dir, 'all.json');
    writeFileSync(all, '{}');
    chmodSync(all, 0o2640);
    ok(s.run(['export', '--format', 'json', '--out', all]));
    expect(statSync(all).mode & 0o7777).toBe(0o640);
    const calendar = join(s.dir, 'due.ics');
    writeFileSync(calendar, '');
    chmodSync(calendar, 0o644);
    ok(s.run(['due', '--format', 'ics', '--out', calendar]));
    expect(statSync(calendar).mode & 0o777).toBe(0o644);
  });

  it('--format wins over the extension', () => {
    ok(s.run(['export', '--format', 'csv', '--out', join(s.dir, 'x.md')]));
    expect(readFileSync(join(s.dir, 'x.md'), 'utf8')).toMatch(/^list,company/);
  });

  it('.ics is named as not supported yet: exit 2, nothing written', () => {
    const line = expectOneLineError(s.run(['export', '--out', join(s.dir, 'due.ics')]));
    expect(line).toMatch(/cannot write ics files yet/);
    expect(existsSync(join(s.dir, 'due.ics'))).toBe(false);
  });

  it('redacts what identifies a person on a page to publish, unless --no-redact; a JSON export of your own keeps it', () => {
    ok(s.run(['incident', 'add', 'Card Shop', '--title', 'Refund', '--fault', 'company', '--opened', '2026-11-01']));
    ok(s.run(['incident', 'event', 'card-shop-1', 'refusal', '--policy', '--text', 'no refund to card 4111 1111 1111 1111', '--level', 'management', '--at', '2026-11-02 10:00']));
    ok(s.run(['incident', 'event', 'card-shop-1', 'note', '--text', 'reply to jane.doe@example.com, +7 912 345-67-89', '--at', '2026-11-02 11:00']));
    const page = ok(s.run(['export', '--format', 'md', '--detail'])).stdout;
    expect(page).toContain('Card Shop');
    expect(page).not.toMatch(/4111|jane\.doe|912 345/);
    expect(page).toMatch(/\\\[number\]/);
    expect(ok(s.run(['export', '--format', 'csv'])).stdout).not.toMatch(/4111/);
    // What was typed is redacted, not the sentences made of it: a sum grouped in words stays a sum.
    ok(s.run(['incident', 'event', 'card-shop-1', 'compensation', '--amount', '1500000', '--currency', 'RUB', '--kind', 'refund', '--at', '2026-11-03 10:00']));
    expect(ok(s.run(['--lang', 'ru', 'export', '--format', 'md', '--detail'])).stdout).toMatch(/компенсация: возврат 1\s500\s000 RUB/);
    expect(ok(s.run(['export', '--format', 'md', '--detail', '--no-redact'])).stdout).toMatch(/4111 1111 1111 1111[\s\S]*jane\.doe/);
    expect(ok(s.run(['export', '--format', 'json'])).stdout).toContain('4111 1111 1111 1111');
    expect(expectOneLineError(s.run(['export', '--format', 'json', '--no-redact']))).toMatch(/--no-redact goes with --format md or csv, or with --share --with-evidence/);
    // --detail makes a page fuller, and nothing else: refused with csv and json, not dropped without a word.
    for (const format of ['csv', 'json']) expect(expectOneLineError(s.run(['export', '--format', format, '--detail']))).toMatch(/^vetted: --detail adds each company's whole verdict and timelines to the markdown page; give it with --format md/);
    expect(expectOneLineError(s.run(['--lang', 'ru', 'export', '--format', 'csv', '--detail']))).toMatch(/укажите его вместе с --format md/);
  });

  it("hides a name that is an address or a number in its records' ids too, and leaves its company out of a shared file, saying so", () => {
    ok(s.run(['incident', 'add', '+7 916 123-45-67', '--title', 'scam call', '--fault', 'company', '--opened', '2024-01-01']));
    ok(s.run(['incident', 'event', '7-916-123-45-67-1', 'refusal', '--text', 'no refund', '--level', 'quality', '--at', '2024-01-02']));
    ok(s.run(['pin', 'ivan.petrov@gmail.com', 'black', '--reason', 'spam']));
    ok(s.run(['pin', 'Good Shop', 'white', '--reason', 'kind']));
    // The id of an incident begins with its company's name made an id: it told what the name's cell hid.
    const page = ok(s.run(['export', '--format', 'md', '--detail'])).stdout;
    expect(page).not.toMatch(/916|123-45|ivan|petrov/);
    expect(page).toContain('incident:\\[phone]-1');
    expect(page).toContain('#### Incident \\[phone]-1: scam call');
    const csv = ok(s.run(['export', '--format', 'csv'])).stdout;
    expect(csv).not.toMatch(/916|ivan/);
    expect(csv).toContain('incident:[phone]-1');
    expect(ok(s.run(['export', '--format', 'md', '--no-redact'])).stdout).toContain('incident:7-916-123-45-67-1');
    // A shared file is read by name: the two are left out whole, and the export says so.
    const shared = ok(s.run(['export', '--format', 'json', '--share', '--with-evidence']));
    expect(shared.stdout).not.toMatch(/916|ivan/);
    const names = (JSON.parse(shared.stdout) as { companies: { name: string }[] }).companies.map((c) => c.name);
    expect(names).toContain('Good Shop');
    expect(names.filter((n) => /916|ivan/.test(n))).toEqual([]);
    expect(shared.stderr).toMatch(/^left out of the shared file 2 companies whose names are an e-mail address or a number .*give --no-redact\.\n$/);
    const all = ok(s.run(['export', '--format', 'json', '--share', '--no-redact']));
    expect(all.stdout).toContain('ivan.petrov@gmail.com');
    expect(all.stderr).toBe('');
  });

  it('an extension of no format: exit 2, asking for --format', () => {
    const line = expectOneLineError(s.run(['export', '--out', join(s.dir, 'lists.txt')]));
    expect(line).toMatch(/\.txt.*--format md, json or csv/);
  });
});
