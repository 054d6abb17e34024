// Receipts kept: files attached to incidents live in the database, once per content, are
// checked against their hash when read, travel through export and import, and bad input
// stores nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, SHARED, sandbox, type Sandbox } from '../helpers/cli.js';
import { expectOneLineError, json, ok } from '../helpers/expect.js';

const SEEDS = `${SHARED}/scenarios/seeds.yaml`;
let s: Sandbox;
let receipt: string;
let photo: string;
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const count = (table: string) => {
  const db = new Database(s.db, { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

beforeAll(() => {
  s = sandbox();
  ok(s.run(['import', SEEDS]));
  receipt = join(s.dir, 'receipt.pdf');
  photo = join(s.dir, 'photo.jpg');
  writeFileSync(receipt, '%PDF-1.4 receipt for July');
  writeFileSync(photo, Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01, 0x02]));
});
afterAll(() => s.cleanup());

describe('vetted incident attach', () => {
  it('keeps files with an incident, tied to an event, and lists them in incident show', () => {
    const r = ok(s.run(['incident', 'attach', 'volga-2012-07', receipt, photo, '--event', '10', '--note', 'the paper application']));
    expect(r.stdout).toBe('1\n2\n');
    expect(r.stderr).toContain('attached receipt.pdf (25 B) to volga-2012-07 as attachment 1');
    const shown = ok(s.run(['incident', 'show', 'volga-2012-07'])).stdout;
    expect(shown).toContain('Attachments\n    1  receipt.pdf (25 B) · event 10 · "the paper application"\n    2  photo.jpg (6 B) · event 10');
    const j = json<{ attachments: { id: number; name: string; size: number; sha256: string; event: number }[] }>(s, ['incident', 'show', 'volga-2012-07', '--json']);
    expect(j.attachments[0]).toMatchObject({ id: 1, name: 'receipt.pdf', size: 25, sha256: sha(readFileSync(receipt)), event: 10 });
  });

  it('accepts the event as <incident>#<number> too', () => {
    ok(s.run(['incident', 'attach', 'masterhost-2012-08', photo, '--event', 'masterhost-2012-08#1']));
  });

  it('stores the same content once, however often it is attached', () => {
    ok(s.run(['incident', 'attach', 'united-guitar', receipt]));
    expect(count('attachments')).toBe(4);
    expect(count('blobs')).toBe(2);
    expect(ok(s.run(['incident', 'attach', 'united-guitar', receipt])).stderr).toMatch(/attached to united-guitar already/);
    expect(count('attachments')).toBe(4);
  });

  it('lists the attachments as enclosures of a letter', () => {
    expect(ok(s.run(['letter', 'volga-2012-07', '--from', 'D'])).stdout).toContain('## Enclosures\n\n- receipt.pdf (25 B)\n- photo.jpg (6 B)');
  });

  it.each([
    ['a missing incident', () => ['incident', 'attach', 'nope-1', receipt], /no incident "nope-1".*Nothing was attached/],
    ['a missing event', () => ['incident', 'attach', 'volga-2012-07', receipt, '--event', '99'], /has no event 99 \(its timeline has 10\)/],
    ['an event of another incident', () => ['incident', 'attach', 'volga-2012-07', receipt, '--event', 'united-guitar#1'], /belongs to another incident/],
    ['a missing file', () => ['incident', 'attach', 'volga-2012-07', receipt, join(s.dir, 'nope.pdf')], /there is no file .*nope\.pdf/],
    ['a folder', () => ['incident', 'attach', 'volga-2012-07', s.dir], /is a folder/],
    [
      'a file whose name holds a line break or an escape',
      () => {
        const named = join(s.dir, 'a\nb\u001b[31mred.txt');
        writeFileSync(named, 'x');
        return ['incident', 'attach', 'volga-2012-07', receipt, named];
      },
      /the name of .*a␊b␛\[31mred\.txt holds a control character \(a line break, a tab, an escape, a mark turning text right to left\), which a file saved from the attachment would keep; attach a copy under a plain name\. Nothing was attached\./,
    ],
    [
      'a file whose name turns its text right to left, to show another ending than it has',
      () => {
        const named = join(s.dir, 'invoice\u202efdp.exe');
        writeFileSync(named, 'x');
        return ['incident', 'attach', 'volga-2012-07', receipt, named];
      },
      /the name of .*invoice<U\+202E>fdp\.exe holds a control character \(a line break, a tab, an escape, a mark turning text right to left\)/,
    ],
    [
      'a file whose name holds a line separator',
      () => {
        const named = join(s.dir, 'a\u2028b.txt');
        writeFileSync(named, 'x');
        return ['incident', 'attach', 'volga-2012-07', receipt, named];
      },
      /the name of .*a<U\+2028>b\.txt holds a control character/,
    ],
    [
      'a file over 50 MB',
      () => {
        const big = join(s.dir, 'big.bin');
        writeFileSync(big, '');
        truncateSync(big, 50 * 1024 * 1024 + 1);
        return ['incident', 'attach', 'volga-2012-07', receipt, big];
      },
      // (Not "50.0 MB; … at most 50 MB": one byte over, to a tenth of a MB, read as within.)
      /is over 50 MB \(52,428,801 bytes; an attachment can be at most 52,428,800\)/,
    ],
    ['the database in use', () => ['incident', 'attach', 'volga-2012-07', receipt, s.db], /is the database in use \(or one of its own files\), the record itself: it cannot be kept inside itself; `vetted backup` keeps a copy of it\. Nothing was attached\.$/],
    [
      'the database by another name (a link to it)',
      () => {
        const link = join(s.dir, 'evidence.db');
        if (!existsSync(link)) symlinkSync(s.db, link);
        return ['incident', 'attach', 'volga-2012-07', link];
      },
      /evidence\.db is the database in use/,
    ],
    [
      'a loop of links, said as one, not as a file that is not there',
      () => {
        const loop = join(s.dir, 'loop.pdf');
        if (!existsSync(join(s.dir, 'loop-b.pdf'))) {
          symlinkSync('loop-b.pdf', loop);
          symlinkSync('loop.pdf', join(s.dir, 'loop-b.pdf'));
        }
        return ['incident', 'attach', 'volga-2012-07', loop];
      },
      /loop\.pdf is a loop of symbolic links; check the path\.$/,
    ],
  ])('refuses %s with exit 2, storing nothing', (_name, args, message) => {
    const before = [count('attachments'), count('blobs')];
    expect(expectOneLineError(s.run(args()))).toMatch(message);
    expect([count('attachments'), count('blobs')]).toEqual(before);
  });

  it('says of a file whose name is not UTF-8 that its name is the trouble, not that there is no such file', () => {
    // The name's bytes as the file system has them: given through the shell, as a user gives them.
    const made = spawnSync('sh', ['-c', `printf z > "$(printf 'bad\\377.txt')" && "$0" "$1" incident attach volga-2012-07 "$(printf 'bad\\377.txt')"`, process.execPath, BIN], { env: s.env, cwd: s.dir, encoding: 'utf8' });
    expect(made.status).toBe(2);
    expect(made.stderr).toMatch(/^vetted: the name bad\uFFFD\.txt has bytes that are not UTF-8 text \(shown as \uFFFD\), which reach vetted replaced, so it cannot find that file; rename the file/);
  });
});

describe('vetted attachment save', () => {
  it('writes the file back, byte for byte', () => {
    const out = join(s.dir, 'back.jpg');
    expect(ok(s.run(['attachment', 'save', '2', '--out', out])).stderr).toMatch(/SHA-256 checked/);
    expect(readFileSync(out)).toEqual(readFileSync(photo));
  });
  it('refuses --out ending in a slash where no such folder is: no file made under the folder\'s name', () => {
    const folder = join(s.dir, 'not-yet') + '/';
    expect(expectOneLineError(s.run(['attachment', 'save', '2', '--out', folder]))).toContain('names a folder (it ends in a slash)');
    expect(existsSync(join(s.dir, 'not-yet'))).toBe(false);
  });
  it('writes it under its own name, never over a file that is there', () => {
    const dir = join(s.dir, 'cwd');
    mkdirSync(dir);
    ok(s.run(['attachment', 'save', '1', '--out', join(dir, 'receipt.pdf')]));
    expect(expectOneLineError(s.run(['attachment', 'save', '1']))).toMatch(/receipt\.pdf exists already; choose where to write it with --out/);
  });
  it('refuses content that no longer matches its hash', () => {
    const db = new Database(s.db);
    db.prepare("UPDATE blobs SET data = CAST('tampered' AS BLOB) WHERE sha256 = ?").run(sha(readFileSync(photo)));
    db.close();
    expect(expectOneLineError(s.run(['attachment', 'save', '2', '--out', join(s.dir, 'x.jpg')]))).toMatch(/no longer matches its hash: the database is damaged/);
    const db2 = new Database(s.db);
    db2.prepare('UPDATE blobs SET data = ? WHERE sha256 = ?').run(readFileSync(photo), sha(readFileSync(photo)));
    db2.close();
  });
  it("never writes over the database's own files, which hold no SQLite header of their own (-shm; an empty -wal)", () => {
    for (const suffix of ['-shm', '-wal', '-journal']) {
      expect(expectOneLineError(s.run(['attachment', 'save', '1', '--out', `${s.db}${suffix}`]))).toMatch(/is the database or one of its own files/);
    }
    expect(expectOneLineError(s.run(['attachment', 'save', '1', '--out', '']))).toMatch(/--out needs a file path/);
  });
  it('writes to standard output with --out -, the bytes as they are', () => {
    const r = spawnSync(process.execPath, [BIN, 'attachment', 'save', '2', '--out', '-'], { env: s.env, cwd: s.dir });
    expect(r.status, String(r.stderr)).toBe(0);
    expect(Buffer.from(r.stdout).equals(readFileSync(photo))).toBe(true);
    expect(existsSync(join(s.dir, '-'))).toBe(false);
    // Said as standard output, not as a file named "-".
    expect(String(r.stderr)).toMatch(/^wrote to standard output \([^)]*, SHA-256 checked\)\n$/);
    const ru = spawnSync(process.execPath, [BIN, '--lang', 'ru', 'attachment', 'save', '2', '--out', '-'], { env: s.env, cwd: s.dir });
    expect(String(ru.stderr)).toMatch(/^записано в стандартный вывод \([^)]*, SHA-256 сверен\)\n$/);
  });
  it('refuses to name a file after an attachment whose name holds a control character (stored before such names were refused)', () => {
    const own = sandbox();
    try {
      ok(own.run(['incident', 'add', 'Shop', '--title', 'Parcel lost', '--opened', '2026-11-01 10:00']));
      writeFileSync(join(own.dir, 'receipt.txt'), 'paid');
      ok(own.run(['incident', 'attach', 'shop-1', 'receipt.txt']));
      // The name as an older version let it be stored.
      const db = new Database(own.db);
      db.function('vetted_op', () => 0);
      db.prepare("UPDATE attachments SET name = 'a' || char(10) || 'b' || char(27) || '[31mred' || char(8238) || 'txt.exe' WHERE id = 1").run();
      db.close();
      const dir = join(own.dir, 'controls');
      mkdirSync(dir);
      const r = spawnSync(process.execPath, [BIN, 'attachment', 'save', '1'], { env: own.env, cwd: dir, encoding: 'utf8' });
      expect([r.status, r.stderr]).toEqual([2, 'vetted: the name of attachment 1 holds a control character (a line break, a tab, an escape, a mark turning text right to left), which no file should be named with; choose its name with --out FILE.\n']);
      expect(readdirSync(dir)).toEqual([]);
      ok(own.run(['attachment', 'save', '1', '--out', join(dir, 'receipt.txt')]));
      expect(readFileSync(join(dir, 'receipt.txt'), 'utf8')).toBe('paid');
      // Its export imports again: the control characters are written as `_`.
      const exported = join(own.dir, 'export.json');
      ok(own.run(['export', '--format', 'json', '--with-attachments', '--out', exported]));
      const fresh = sandbox();
      try {
        ok(fresh.run(['import', exported]));
        expect(json<{ attachments: { name: string }[] }>(fresh, ['incident', 'show', 'shop-1', '--json']).attachments.map((a) => a.name)).toEqual(['a_b_[31mred_txt.exe']);
      } finally {
        fresh.cleanup();
      }
    } finally {
      own.cleanup();
    }
  });
  it('refuses an id that is not there', () => {
    expect(expectOneLineError(s.run(['attachment', 'save', '99']))).toMatch(/no attachment 99/);
    expect(expectOneLineError(s.run(['attachment', 'save', 'one']))).toMatch(/is a number/);
  });
});

describe('vetted attachment remove', () => {
  it('takes a file attached by mistake off its incident as one change: undo brings it back whole, and a prune takes its bytes out of the file', () => {
    const u = sandbox();
    try {
      ok(u.run(['incident', 'add', 'Shop', '--title', 'parcel lost', '--opened', '2026-11-01 10:00']));
      const mine = join(u.dir, 'passport.pdf');
      const secret = 'PASSPORT-1234567-not-for-the-shop';
      writeFileSync(mine, secret);
      ok(u.run(['incident', 'attach', 'shop-1', mine]));
      const r = ok(u.run(['attachment', 'remove', '1']));
      expect(r.stderr).toMatch(/^removed attachment 1 \(passport\.pdf\) of shop-1 \(to take it back: vetted undo/);
      expect(json<unknown[]>(u, ['attachment', 'list', '--json'])).toEqual([]);
      expect(ok(u.run(['history', '--limit', '1'])).stdout).toContain('remove attachment 1 (passport.pdf) of shop-1');
      ok(u.run(['undo']));
      const back = join(u.dir, 'back.pdf');
      ok(u.run(['attachment', 'save', '1', '--out', back]));
      expect(readFileSync(back, 'utf8')).toBe(secret);
      expect(expectOneLineError(u.run(['attachment', 'remove', '7']))).toMatch(/there is no attachment 7/);
      expect(expectOneLineError(u.run(['--lang', 'ru', 'attachment', 'remove', 'x']))).toMatch(/^vetted: /);
      ok(u.run(['attachment', 'remove', '1']));
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      ok(u.run(['history', 'prune', '--before', tomorrow]));
      expect(readFileSync(u.db).includes(Buffer.from(secret))).toBe(false);
    } finally {
      u.cleanup();
    }
  });
});

describe('export and import', () => {
  it('lists attachments by hash and size, without their content', () => {
    const doc = json<{ incidents: { id: string; attachments?: Record<string, unknown>[] }[] }>(s, ['export', '--format', 'json']);
    const volga = doc.incidents.find((i) => i.id === 'volga-2012-07')!;
    expect(volga.attachments![0]).toEqual({ name: 'receipt.pdf', sha256: sha(readFileSync(receipt)), size: 25, event: 10, note: 'the paper application', added: expect.any(String) });
  });

  it('round-trips losslessly with --with-attachments', () => {
    const first = join(s.dir, 'all.json');
    ok(s.run(['export', '--format', 'json', '--with-attachments', '--out', first]));
    const other = sandbox();
    try {
      const r = ok(other.run(['import', first]));
      expect(r.stderr).toContain('attachments: 4 added');
      const second = join(other.dir, 'again.json');
      ok(other.run(['export', '--format', 'json', '--with-attachments', '--out', second]));
      const strip = (f: string) => readFileSync(f, 'utf8').replace(/"exported_at": "[^"]*"/, '');
      expect(strip(second)).toBe(strip(first));
      expect(ok(other.run(['import', first])).stderr).toContain('attachments: 0 added, 4 already there');
      // A list without the content cannot restore the files: it says so.
      const listed = join(other.dir, 'listed.json');
      writeFileSync(listed, ok(s.run(['export', '--format', 'json'])).stdout);
      const third = sandbox();
      try {
        expect(ok(third.run(['import', listed])).stderr).toMatch(/attachments: 4 listed without their content were left out; export with --with-attachments/);
      } finally {
        third.cleanup();
      }
    } finally {
      other.cleanup();
    }
  });

  it('names the event by its place in the exported events, whatever its number: logged out of order, or after one removed', () => {
    const own = sandbox();
    const other = sandbox();
    try {
      ok(own.run(['incident', 'add', 'Acme', '--title', 'Broken kettle', '--opened', '2026-11-01 09:00', '--fault', 'company']));
      ok(own.run(['incident', 'event', 'acme-1', 'note', '--at', '2026-11-03 10:00', '--text', 'later note'])); // #1, listed second
      ok(own.run(['incident', 'event', 'acme-1', 'contact', '--at', '2026-11-02 10:00', '--channel', 'phone'])); // #2, listed first
      ok(own.run(['incident', 'event', 'acme-1', 'note', '--at', '2026-11-01 10:00', '--text', 'gone'])); // #3
      ok(own.run(['incident', 'event', 'acme-1', 'note', '--at', '2026-11-04 10:00', '--text', 'last'])); // #4
      ok(own.run(['event', 'remove', 'acme-1#3']));
      ok(own.run(['incident', 'attach', 'acme-1', receipt, '--event', 'acme-1#1']));
      ok(own.run(['incident', 'attach', 'acme-1', photo, '--event', 'acme-1#4']));
      const file = join(own.dir, 'all.json');
      ok(own.run(['export', '--format', 'json', '--with-attachments', '--out', file]));
      const acme = JSON.parse(readFileSync(file, 'utf8')).incidents[0];
      const tiedTo = (k: number) => acme.events[acme.attachments[k].event - 1].text;
      expect([tiedTo(0), tiedTo(1)]).toEqual(['later note', 'last']);
      // Its own export brings nothing new to the database it came from...
      expect(ok(own.run(['import', file])).stderr).toContain('attachments: 0 added, 2 already there');
      // ...and another database ties each file to the same event.
      ok(other.run(['import', file]));
      const events = json<{ events: { id: string; text?: string }[]; attachments: { name: string; event: number }[] }>(other, ['incident', 'show', 'acme-1', '--json']);
      const textOf = (n: number) => events.events.find((e) => e.id === `acme-1#${n}`)!.text;
      expect(events.attachments.map((a) => [a.name, textOf(a.event)])).toEqual([
        ['receipt.pdf', 'later note'],
        ['photo.jpg', 'last'],
      ]);
    } finally {
      own.cleanup();
      other.cleanup();
    }
  });

  it('takes a file of a version that named the event by its number where no event stands at that place; elsewhere the place decides, as the format has it since it was written', () => {
    const content = Buffer.from('receipt');
    const file = join(s.dir, 'older.json');
    // As versions that wrote no event_id wrote it: the number of the event (shop-1#2), its first (#1) removed.
    const older = (events: { id: string; at: string; text: string }[], attachment: Record<string, unknown>) => {
      writeFileSync(
        file,
        JSON.stringify({
          format: 'vetted/1',
          incidents: [
            {
              id: 'shop-1',
              company: 'Shop',
              title: 'k',
              opened: '2026-11-01',
              events: events.map((e) => ({ ...e, type: 'note' })),
              attachments: [{ name: 'receipt.txt', sha256: sha(content), size: content.length, ...attachment, content: content.toString('base64') }],
            },
          ],
        }),
      );
    };
    const tiedTo = (u: Sandbox) => {
      const shown = json<{ events: { id: string; text: string }[]; attachments: { event: number }[] }>(u, ['incident', 'show', 'shop-1', '--json']);
      return shown.events.find((e) => e.id === `shop-1#${shown.attachments[0].event}`)!.text;
    };
    const u = sandbox();
    try {
      older([{ id: 'shop-1#2', at: '2026-11-02T10:00', text: 'second' }], { event: 2 });
      ok(u.run(['import', file]));
      expect(tiedTo(u)).toBe('second');
    } finally {
      u.cleanup();
    }
    // Logged out of order: 1 is the place of #2 (as an export writes it) and the number of #1. The place wins.
    const events = [
      { id: 'shop-1#2', at: '2026-11-02T10:00', text: 'logged second' },
      { id: 'shop-1#1', at: '2026-11-03T10:00', text: 'logged first' },
    ];
    older(events, { event: 1 });
    const v = sandbox();
    try {
      ok(v.run(['import', file]));
      expect(tiedTo(v)).toBe('logged second');
    } finally {
      v.cleanup();
    }
  });

  it('an export names the event by its place alone, and imports back onto that event where an event logged out of order has another number', () => {
    const content = join(s.dir, 'bill.txt');
    writeFileSync(content, 'bill');
    ok(s.run(['incident', 'add', 'Shop', '--title', 'k', '--opened', '2026-11-01']));
    ok(s.run(['incident', 'event', 'shop-1', 'note', '--text', 'third', '--at', '2026-11-04']));
    ok(s.run(['incident', 'event', 'shop-1', 'note', '--text', 'second', '--at', '2026-11-03']));
    ok(s.run(['incident', 'event', 'shop-1', 'note', '--text', 'first', '--at', '2026-11-02']));
    // Logged last to first: shop-1#1 stands at place 3, where shop-1#3 has the number 3.
    ok(s.run(['incident', 'attach', 'shop-1', content, '--event', 'shop-1#1']));
    const file = join(s.dir, 'all.json');
    ok(s.run(['export', '--format', 'json', '--with-attachments', '--out', file]));
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { incidents: { id: string; attachments: Record<string, unknown>[] }[] };
    const shop = doc.incidents.find((i) => i.id === 'shop-1')!;
    expect(shop.attachments[0]).not.toHaveProperty('event_id');
    expect(shop.attachments[0].event).toBe(3);
    const u = sandbox();
    try {
      ok(u.run(['import', file]));
      const shown = json<{ events: { id: string; text: string }[]; attachments: { event: number }[] }>(u, ['incident', 'show', 'shop-1', '--json']);
      expect(shown.events.find((e) => e.id === `shop-1#${shown.attachments[0].event}`)!.text).toBe('third');
      // Into the database it came from: nothing new.
      expect(ok(s.run(['import', file])).stderr).toMatch(/attachments: 0 added, \d+ already there/);
    } finally {
      u.cleanup();
    }
  });

  it('refuses embedded content that does not match its hash, importing nothing', () => {
    const doc = JSON.parse(ok(s.run(['export', '--format', 'json', '--with-attachments'])).stdout);
    const a = doc.incidents.find((i: { id: string }) => i.id === 'volga-2012-07').attachments[0];
    a.content = Buffer.from('something else').toString('base64');
    const file = join(s.dir, 'bad.json');
    writeFileSync(file, JSON.stringify(doc));
    const other = sandbox();
    try {
      expect(expectOneLineError(other.run(['import', file]))).toMatch(/incidents\[\d+\]\.attachments\[0\]: content: does not match its sha256 and size/);
      doc.incidents[0].attachments = [{ name: '../evil', sha256: 'x', size: -1 }];
      writeFileSync(file, JSON.stringify(doc));
      expect(expectOneLineError(other.run(['import', file]))).toMatch(/attachments\[0\]\.name: must be a file name/);
      // A line break or an escape in the name, with content that matches: refused, naming the field.
      const content = Buffer.from('hello');
      doc.incidents[0].attachments = [{ name: 'a\nb\u001b[31mred.txt', sha256: sha(content), size: content.length, content: content.toString('base64') }];
      writeFileSync(file, JSON.stringify(doc));
      expect(expectOneLineError(other.run(['import', file]))).toMatch(
        /: incidents\[0\]\.attachments\[0\]\.name: must be a file name without control characters \(a line break, a tab, an escape, a mark turning text right to left\); nothing was imported\.$/,
      );
      // A mark turning the name right to left, likewise.
      doc.incidents[0].attachments[0].name = 'invoice\u2067fdp.exe';
      writeFileSync(file, JSON.stringify(doc));
      expect(expectOneLineError(other.run(['import', file]))).toMatch(/: incidents\[0\]\.attachments\[0\]\.name: must be a file name without control characters/);
      expect(existsSync(other.db)).toBe(false);
    } finally {
      other.cleanup();
    }
  });
});
