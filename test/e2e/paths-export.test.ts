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

  it("hides a number or an address in its records' ids too, and leaves a company so named out of a shared file, saying so", () => {
    // A record made now is given an id of the name as a page shows it.
    expect(json<{ id: string }>(s, ['incident', 'add', '+7 916 123-45-67', '--title', 'scam call', '--fault', 'company', '--opened', '2024-01-01', '--json']).id).toBe('phone-1');
    ok(s.run(['incident', 'event', 'phone-1', 'refusal', '--text', 'no refund', '--level', 'quality', '--at', '2024-01-02']));
    ok(s.run(['pin', 'ivan.petrov@gmail.com', 'black', '--reason', 'spam']));
    ok(s.run(['pin', 'Good Shop', 'white', '--reason', 'kind']));
    // Ids made before began with the number: one on a company so named, one moved to another since.
    const file = join(s.dir, 'old.json');
    const refusal = (text: string) => ({ at: '2024-03-10T10:05', type: 'refusal', text, level: 'quality' });
    writeFileSync(file, JSON.stringify({
      format: 'vetted/1',
      companies: [{ name: '+7 916 765-43-21' }, { name: 'Acme Shop' }],
      incidents: [
        { id: '7-916-765-43-21-1', company: '+7 916 765-43-21', title: 'never delivered', opened: '2024-03-01T10:00', fault: 'company', events: [refusal('no')] },
        { id: '7-916-765-43-21-2', company: 'Acme Shop', title: 'moved here', opened: '2024-03-01T10:00', fault: 'company', events: [refusal('not ours')] },
      ],
    }));
    ok(s.run(['import', file]));
    const secret = /916|123-45|765-43|ivan|petrov/;
    const page = ok(s.run(['export', '--format', 'md', '--detail'])).stdout;
    expect(page).not.toMatch(secret);
    expect(page).toContain('incident:phone-1');
    expect(page).toMatch(/\| Acme Shop \| .* \| incident:phone-[0-9a-f]{8}-2 \|/);
    expect(page).toMatch(/#### Incident phone-[0-9a-f]{8}-1: never delivered/);
    const csv = ok(s.run(['export', '--format', 'csv'])).stdout;
    expect(csv).not.toMatch(secret);
    expect(csv).toMatch(/Acme Shop,.*incident:phone-[0-9a-f]{8}-2/);
    expect(ok(s.run(['export', '--format', 'md', '--no-redact'])).stdout).toContain('incident:7-916-765-43-21-2');
    // A shared file is read by name: the companies so named are left out whole, and the export says so;
    // an id is the same throughout it (the reason's evidence is the incident's id).
    const shared = ok(s.run(['export', '--format', 'json', '--share', '--with-evidence']));
    expect(shared.stdout).not.toMatch(secret);
    const doc = JSON.parse(shared.stdout) as { companies: { name: string }[]; lists: { company: string; reasons: { evidence: string[] }[] }[]; incidents: { id: string; company: string; events: { id: string }[] }[] };
    expect(doc.companies.map((c) => c.name)).toContain('Good Shop');
    expect(doc.companies.map((c) => c.name).filter((n) => /916|ivan/.test(n))).toEqual([]);
    const moved = doc.incidents.find((i) => i.company === 'Acme Shop')!;
    expect(moved.id).toMatch(/^phone-[0-9a-f]{8}-2$/);
    expect(moved.events[0].id).toBe(`${moved.id}#1`);
    expect(doc.lists.find((l) => l.company === 'Acme Shop')!.reasons[0].evidence).toEqual([`incident:${moved.id}`]);
    expect(shared.stderr).toMatch(/^left out of the shared file 3 companies whose names are an e-mail address or a number .*give --no-redact\.\n$/);
    // The file is one the person it is made for can add.
    const other = sandbox();
    try {
      const path = join(other.dir, 'shared.json');
      writeFileSync(path, shared.stdout);
      ok(other.run(['source', 'add', path, '--name', 'friend']));
    } finally {
      other.cleanup();
    }
    const all = ok(s.run(['export', '--format', 'json', '--share', '--no-redact']));
    expect(all.stdout).toContain('ivan.petrov@gmail.com');
    expect(all.stderr).toBe('');
  });

  it('an extension of no format: exit 2, asking for --format', () => {
    const line = expectOneLineError(s.run(['export', '--out', join(s.dir, 'lists.txt')]));
    expect(line).toMatch(/\.txt.*--format md, json or csv/);
  });
});
