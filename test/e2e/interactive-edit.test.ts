// `incident edit ID` on a terminal with no flags: the incident as YAML in $EDITOR; a problem
// is written at the top of the file with its line and the editor opens again; the result is
// one operation that undo reverts.
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Terminal } from '../helpers/tmux.js';
import { BIN, sandbox, type Sandbox } from '../helpers/cli.js';
import { json, ok } from '../helpers/expect.js';

let s: Sandbox;
let term: Terminal | undefined;

beforeEach(() => {
  s = sandbox();
  ok(s.run(['incident', 'add', 'Ozon', '--title', 'parcel lost', '--fault', 'company', '--opened', '2026-11-20 10:00']));
  ok(s.run(['incident', 'event', 'ozon-1', 'promise', '--at', '2026-11-20 11:00', '--due', '2026-11-22 18:00', '--text', 'found by Friday']));
  ok(s.run(['incident', 'event', 'ozon-1', 'contact', '--at', '2026-11-21 09:00', '--channel', 'chat']));
});
afterEach(() => {
  term?.kill();
  term = undefined;
  s.cleanup();
});

/** An editor that runs one sed script per time it is opened, and records what it saw. */
function editor(...scripts: string[]): string {
  const file = join(s.dir, 'editor.sh');
  const lines = ['#!/bin/sh', `n=$(cat "${s.dir}/opened" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "${s.dir}/opened"`, `cp "$1" "${s.dir}/seen-$n.yaml"`, 'case $n in'];
  scripts.forEach((sc, i) => lines.push(`  ${i + 1}) sed -i ${JSON.stringify(sc)} "$1" ;;`));
  lines.push('esac');
  writeFileSync(file, `${lines.join('\n')}\n`);
  chmodSync(file, 0o755);
  return file;
}

function start(args: string[], editorPath: string): Terminal {
  term = Terminal.start({ dir: s.dir, args, env: { VETTED_DB: s.db, VETTED_CONFIG: s.config, NO_COLOR: '1', LANG: 'C.UTF-8', EDITOR: editorPath, VISUAL: '' } });
  return term;
}

interface Shown {
  title: string;
  events: { id: string; type: string; kept?: boolean; channel?: string }[];
}

describe('incident edit in the editor', () => {
  it('applies the edit: the title, a promise marked kept, an event removed; undo reverts it', async () => {
    const t = start(['incident', 'edit', 'ozon-1'], editor('s/^title: parcel lost/title: parcel lost in transit/; s/^    text: found by Friday/    text: found by Friday\\n    kept: true/; /id: ozon-1#2/,/channel: chat/d'));
    expect(await t.waitForExit()).toBe(0);
    expect(t.screen()).toMatch(/updated ozon-1: title, 1 event changed, 0 added, 1 removed/);
    const shown = json<Shown>(s, ['incident', 'show', 'ozon-1', '--json']);
    expect(shown.title).toBe('parcel lost in transit');
    expect(shown.events).toEqual([expect.objectContaining({ id: 'ozon-1#1', type: 'promise', kept: true })]);
    ok(s.run(['undo']));
    const back = json<Shown>(s, ['incident', 'show', 'ozon-1', '--json']);
    expect(back.title).toBe('parcel lost');
    expect(back.events.map((e) => e.id)).toEqual(['ozon-1#1', 'ozon-1#2']);
  });

  it('shows a problem with its line and opens the file again; the second save applies', async () => {
    const t = start(['incident', 'edit', 'ozon-1'], editor('s/^fault: company/fault: company\\nlevle: quality/', '/^levle: quality/d; s/^fault: company/fault: third-party/'));
    expect(await t.waitForExit()).toBe(0);
    expect(t.screen()).toMatch(/ERROR \(line \d+\): levle: unknown field/);
    expect(json<{ fault: string }>(s, ['incident', 'show', 'ozon-1', '--json']).fault).toBe('third-party');
  });

  it("an opening deleted is asked for, as the title is, not moved to the earliest event as a data file's left out is; the file is kept for another try", async () => {
    // Opened at 10:00, its earliest event at 11:00: deleted, the opening stays; put back with the fault changed, the edit applies.
    const t = start(['incident', 'edit', 'ozon-1'], editor('/^opened: /d', 's/^title: parcel lost$/title: parcel lost\\nopened: 2026-11-20T10:00/; s/^fault: company$/fault: third-party/'));
    expect(await t.waitForExit()).toBe(0);
    expect(t.screen()).toMatch(/ERROR: opened: is required/);
    const second = readFileSync(join(s.dir, 'seen-2.yaml'), 'utf8');
    expect(second).toMatch(/^# ERROR: opened: is required\n/);
    expect(second).not.toMatch(/^opened:/m);
    const shown = json<{ opened: string; fault: string }>(s, ['incident', 'show', 'ozon-1', '--json']);
    expect(shown.opened).toBe('2026-11-20T10:00');
    expect(shown.fault).toBe('third-party');
  });

  it('a file closed without saving after a problem was shown changes nothing, and the editor is not opened again', async () => {
    const before = json<unknown>(s, ['incident', 'show', 'ozon-1', '--json']);
    const t = start(['incident', 'edit', 'ozon-1'], editor('s/^id: ozon-1$/id: ozon-9/'));
    expect(await t.waitForExit()).toBe(0);
    expect(t.screen()).toMatch(/ERROR[^\n]*id[^]*the editor was closed without saving; ozon-1 was not changed\./);
    expect(readFileSync(join(s.dir, 'opened'), 'utf8').trim()).toBe('2');
    expect(json<unknown>(s, ['incident', 'show', 'ozon-1', '--json'])).toEqual(before);
  });

  it('an event added the same as one there is a problem: a timeline holds each event once', async () => {
    const t = start(['incident', 'edit', 'ozon-1'], editor('s/^    channel: chat/    channel: chat\\n  - at: 2026-11-21T09:00\\n    type: contact\\n    channel: chat/', '/^  - at: 2026-11-21T09:00$/,/^    channel: chat$/d'));
    expect(await t.waitForExit()).toBe(0);
    expect(t.screen().replace(/\s+/g, ' ')).toMatch(/the new contact at 2026-11-21 09:00 would then read as ozon-1#2 does \(the same time, type and details\)/);
    expect(json<Shown>(s, ['incident', 'show', 'ozon-1', '--json']).events.map((e) => e.id)).toEqual(['ozon-1#1', 'ozon-1#2']);
  });

  it('one id given to two events is a problem, and no event is lost', async () => {
    const t = start(['incident', 'edit', 'ozon-1'], editor('s/ozon-1#2/ozon-1#1/', '0,/id: ozon-1#1/!{s/id: ozon-1#1/id: ozon-1#2/}'));
    expect(await t.waitForExit()).toBe(0);
    expect(t.screen().replace(/\s+/g, ' ')).toMatch(/events: ozon-1#1 is the id of two events; leave each event its own id/);
    expect(json<Shown>(s, ['incident', 'show', 'ozon-1', '--json']).events.map((e) => [e.id, e.type])).toEqual([
      ['ozon-1#1', 'promise'],
      ['ozon-1#2', 'contact'],
    ]);
  });

  it("an event keeps its type: two events' ids swapped is a problem, and nothing changes", async () => {
    const before = json<unknown>(s, ['incident', 'show', 'ozon-1', '--json']);
    const t = start(['incident', 'edit', 'ozon-1'], editor('s/id: ozon-1#1/id: ozon-1#X/; s/id: ozon-1#2/id: ozon-1#1/; s/id: ozon-1#X/id: ozon-1#2/'));
    expect(await t.waitForExit()).toBe(0);
    expect(t.screen().replace(/\s+/g, ' ')).toMatch(/events: ozon-1#2 is of type contact, and an event keeps its type \(whatever cites ozon-1#2 cites that contact\); to log a promise, add it as a new event with no id/);
    expect(json<unknown>(s, ['incident', 'show', 'ozon-1', '--json'])).toEqual(before);
  });

  it('an unchanged file changes nothing', async () => {
    const before = json<unknown>(s, ['incident', 'show', 'ozon-1', '--json']);
    const t = start(['incident', 'edit', 'ozon-1'], editor('s/x/x/'));
    expect(await t.waitForExit()).toBe(0);
    expect(t.screen()).toMatch(/ozon-1 was not changed/);
    expect(json<unknown>(s, ['incident', 'show', 'ozon-1', '--json'])).toEqual(before);
    expect(json<unknown[]>(s, ['history', '--json'])).toHaveLength(3);
  });

  it('a file saved with a comment added alone changes nothing and offers no undo (an undo then would take back another change)', async () => {
    ok(s.run(['incident', 'add', 'Other', '--title', 'other', '--opened', '2026-11-20 10:00']));
    ok(s.run(['incident', 'event', 'other-1', 'note', '--at', '2026-11-21 10:00', '--text', 'important evidence']));
    const t = start(['incident', 'edit', 'ozon-1'], editor('1i # a comment of mine'));
    expect(await t.waitForExit()).toBe(0);
    expect(t.screen()).toMatch(/ozon-1 was not changed\./);
    expect(t.screen()).not.toMatch(/undo/);
    expect(json<unknown[]>(s, ['history', '--json'])).toHaveLength(5);
  });

  it('history and the message say what the editor changed of the incident itself: its title, company, fault, closing', async () => {
    ok(s.run(['incident', 'add', 'Other', '--title', 'other', '--opened', '2026-11-20 10:00']));
    const t = start(['incident', 'edit', 'ozon-1'], editor('s/^company: Ozon$/company: Other/; s/^title: parcel lost$/title: moved/; s/^fault: company$/fault: third-party/'));
    expect(await t.waitForExit()).toBe(0);
    expect(t.screen()).toMatch(/updated ozon-1: title, fault third-party, moved to Other \(to take it back: vetted undo\)/);
    expect(ok(s.run(['history', '--limit', '1'])).stdout).toMatch(/edit incident ozon-1 in the editor: title, fault third-party, moved to Other/);
    expect(ok(s.run(['--lang', 'ru', 'history', '--limit', '1'])).stdout).toMatch(/обращение ozon-1 изменено в редакторе: заголовок, вина: посредник, перенесено к компании Other/);
  });

  it('moves the closing with the resolution that closed it, and takes a time written another way as the same time', async () => {
    ok(s.run(['incident', 'close', 'ozon-1', '--outcome', 'resolved', '--at', '2026-11-23 10:00']));
    const t = start(['incident', 'edit', 'ozon-1'], editor('s/  at: 2026-11-23T10:00$/  at: 2026-11-23T11:00/; s/^opened: .*/opened: 2026-11-20 10:00/'));
    expect(await t.waitForExit()).toBe(0);
    expect(t.screen()).toMatch(/updated ozon-1: closed 2026-11-23T11:00, 1 event changed, 0 added, 0 removed/);
    const shown = json<{ opened: string; closed: string; events: { type: string; at: string }[] }>(s, ['incident', 'show', 'ozon-1', '--json']);
    expect(shown.closed).toBe('2026-11-23T11:00');
    expect(shown.events.find((e) => e.type === 'resolution')!.at).toBe('2026-11-23T11:00');
    expect(shown.opened).toBe('2026-11-20T10:00');
    expect(json<{ closed: string }[]>(s, ['incident', 'list', '--json'])[0].closed).toBe('2026-11-23T11:00');
  });

  it('reads a closing emptied (`closed:`) as one left out, not as an error of its own', async () => {
    ok(s.run(['incident', 'close', 'ozon-1', '--outcome', 'resolved', '--at', '2026-11-23 10:00']));
    const t = start(['incident', 'edit', 'ozon-1'], editor('s/^closed: .*/closed:/'));
    expect(await t.waitForExit()).toBe(0);
    expect(t.screen()).not.toMatch(/unexpected error|TypeError/);
    // Its resolution closes it still, at the same time: nothing changed.
    expect(t.screen()).toMatch(/ozon-1 was not changed/);
    expect(json<{ closed: string }>(s, ['incident', 'show', 'ozon-1', '--json']).closed).toBe('2026-11-23T10:00');
  });

  it("reads an event's field emptied (`wait_minutes:`) as one taken out, as an incident's (it was refused as \"not null\"); a required one emptied is said to be required", async () => {
    ok(s.run(['event', 'edit', 'ozon-1#2', '--wait-minutes', '5']));
    const t = start(['incident', 'edit', 'ozon-1'], editor('s/^    wait_minutes: .*/    wait_minutes:/; s/^    due: .*/    due:/', 's/^    due:$/    due: 2026-11-22T18:00/'));
    expect(await t.waitForExit()).toBe(0);
    expect(t.screen()).toMatch(/events\[0\]\.due: is required for a promise event/);
    expect(t.screen()).toMatch(/updated ozon-1: 1 event changed, 0 added, 0 removed/);
    const contact = json<{ events: { id: string; wait_minutes?: number }[] }>(s, ['incident', 'show', 'ozon-1', '--json']).events.find((e) => e.id === 'ozon-1#2')!;
    expect(contact).not.toHaveProperty('wait_minutes');
  });

  it('says a list of attachments typed into the file is not kept so, and how to keep a file (it was passed over without a word)', async () => {
    const sha = 'a'.repeat(64);
    const t = start(['incident', 'edit', 'ozon-1'], editor(`s/^events:/attachments:\\n  - {name: receipt.pdf, sha256: ${sha}, size: 1}\\nevents:/`, '/^attachments:/,/^  - {name: receipt/d'));
    expect(await t.waitForExit()).toBe(0);
    expect(t.screen().replace(/\s+/g, ' ')).toMatch(/attachments: files are not kept through the editor; delete these lines, and keep a file with `vetted incident attach ozon-1 FILE`/);
    expect(t.screen()).toMatch(/ozon-1 was not changed/);
  });

  it('refuses a closing time given beside the resolution that closed it at another', async () => {
    ok(s.run(['incident', 'close', 'ozon-1', '--outcome', 'resolved', '--at', '2026-11-23 10:00']));
    const t = start(['incident', 'edit', 'ozon-1'], editor('s/^closed: .*/closed: 2026-11-21T11:00/', 's/^closed: .*/closed: 2026-11-23T10:00/'));
    expect(await t.waitForExit()).toBe(0);
    expect(t.screen().replace(/\s+/g, ' ')).toMatch(/closed: says 2026-11-21T11:00, where the resolution ozon-1#3 closed it at 2026-11-23T10:00/);
    expect(json<{ closed: string }>(s, ['incident', 'show', 'ozon-1', '--json']).closed).toBe('2026-11-23T10:00');
  });

  it.each([
    ['the title edited', ['incident', 'edit', 'ozon-1', '--title', 'from the other terminal']],
    ['an event removed', ['event', 'remove', 'ozon-1#2']],
    ['the incident closed', ['incident', 'close', 'ozon-1', '--outcome', 'resolved', '--at', '2026-11-23 10:00']],
  ])('another command changing the incident while the editor is open (%s): nothing is saved over it, and what was typed is kept', async (_what, other) => {
    // The editor: the other command runs meanwhile, then the user's edit (of the fault alone).
    const file = join(s.dir, 'meanwhile.sh');
    const quoted = other.map((a) => `'${a}'`).join(' ');
    writeFileSync(file, `#!/bin/sh\nVETTED_DB='${s.db}' VETTED_CONFIG='${s.config}' '${process.execPath}' '${BIN}' ${quoted} >/dev/null 2>&1 || exit 9\nsed -i 's/^fault: company/fault: unknown/' "$1"\n`);
    chmodSync(file, 0o755);
    const after = json<unknown>(s, ['incident', 'show', 'ozon-1', '--json']);
    const t = start(['incident', 'edit', 'ozon-1'], file);
    // A failure at run time, as a busy database is.
    expect(await t.waitForExit()).toBe(1);
    const screen = t.screen().replace(/\s+/g, ' ');
    expect(screen).toMatch(/ozon-1 was changed by another vetted command while it was open in the editor, so nothing was saved/);
    const kept = /kept in (\S+\.yaml)/.exec(screen)![1];
    expect(existsSync(kept)).toBe(true);
    expect(readFileSync(kept, 'utf8')).toMatch(/^fault: unknown$/m);
    // The other command's change stands, and the fault is as it was.
    const now = json<{ title: string; fault: string; events: unknown[]; closed?: string }>(s, ['incident', 'show', 'ozon-1', '--json']);
    expect(now).not.toEqual(after);
    expect(now.fault).toBe('company');
    if (other[0] === 'incident' && other[1] === 'edit') expect(now.title).toBe('from the other terminal');
    if (other[0] === 'event') expect(now.events).toHaveLength(1);
    if (other[1] === 'close') expect(now.closed).toBe('2026-11-23T10:00');
    rmSync(dirname(kept), { recursive: true });
  });

  it('the incident removed by another command while the editor is open: says so, and how to bring it back', async () => {
    const file = join(s.dir, 'removed.sh');
    writeFileSync(file, `#!/bin/sh\nVETTED_DB='${s.db}' VETTED_CONFIG='${s.config}' '${process.execPath}' '${BIN}' incident remove ozon-1 >/dev/null 2>&1 || exit 9\nsed -i 's/^fault: company/fault: unknown/' "$1"\n`);
    chmodSync(file, 0o755);
    const t = start(['incident', 'edit', 'ozon-1'], file);
    expect(await t.waitForExit()).toBe(1);
    const screen = t.screen().replace(/\s+/g, ' ');
    expect(screen).toMatch(/ozon-1 was removed by another vetted command while it was open in the editor, so nothing was saved\. What you typed is kept in \S+\.yaml; `vetted undo` brings the incident back/);
    rmSync(dirname(/kept in (\S+\.yaml)/.exec(screen)![1]), { recursive: true });
    ok(s.run(['undo']));
    expect(json<{ fault: string }>(s, ['incident', 'show', 'ozon-1', '--json']).fault).toBe('company');
  });
});

describe('incident edit in the editor, of an incident an older version left with dates the rules refuse now', () => {
  /** beta-1: its first contact before its opening, its promise due before it was made (as an older version let them in). */
  function older(): void {
    ok(s.run(['incident', 'add', 'Beta', '--title', 'b', '--opened', '2026-11-10']));
    ok(s.run(['incident', 'event', 'beta-1', 'contact', '--channel', 'phone', '--at', '2026-11-11']));
    ok(s.run(['incident', 'event', 'beta-1', 'promise', '--text', 'p', '--at', '2026-11-12', '--due', '2026-11-13']));
    const raw = new Database(s.db);
    raw.function('vetted_op', () => 0);
    const beta = "(SELECT id FROM incidents WHERE ref = 'beta-1')";
    raw.prepare(`UPDATE events SET at = '2026-11-01', at_ms = ? WHERE seq = 1 AND incident_id = ${beta}`).run(Date.parse('2026-11-01T00:00'));
    raw.prepare(`UPDATE events SET data = json_set(data, '$.due', '2026-11-11') WHERE seq = 2 AND incident_id = ${beta}`).run();
    raw.close();
  }

  it('saves an edit that makes no date fault: a channel, a promise\'s words, an opening moved to mend one', async () => {
    older();
    for (const [script, seen] of [
      ['s/channel: phone/channel: email/', (b: Shown & { opened: string; events: { text?: string }[] }) => b.events[0].channel === 'email'],
      ['s/^    text: p$/    text: q/', (b: Shown & { opened: string; events: { text?: string }[] }) => b.events[1].text === 'q'],
      ['s/^opened: 2026-11-10.*/opened: 2026-10-01/', (b: Shown & { opened: string; events: { text?: string }[] }) => b.opened.startsWith('2026-10-01')],
    ] as const) {
      rmSync(join(s.dir, 'opened'), { force: true });
      const t = start(['incident', 'edit', 'beta-1'], editor(script));
      expect(await t.waitForExit(), t.screen()).toBe(0);
      expect(t.screen()).not.toMatch(/ERROR|--due|--at/);
      expect(seen(json(s, ['incident', 'show', 'beta-1', '--json']))).toBe(true);
    }
  });
});
