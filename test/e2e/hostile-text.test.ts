// Hostile text: user text with terminal escape sequences, C0 and C1 controls and bidi
// overrides goes in through the command line and a data file, and no command lets any of
// it reach the terminal raw; --json keeps it exactly, escaped. Also: SQL in a name, the
// length limits, a YAML alias bomb, and dates that are not dates.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandbox, type RunResult, type Sandbox, AMAZON_ANSWERS, amazonAnswerFlags } from '../helpers/cli.js';
import { STACK_FRAME, ok } from '../helpers/expect.js';

// Every character that may not reach a terminal raw: NUL, BEL, BS, CR, ESC (and the rest
// of C0 but \n and \t), DEL, C1 (incl. the 8-bit CSI \x9b and NEL \x85), bidi overrides
// and isolates.
const FORBIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
// In JSON text the C0 controls are escaped by JSON itself; nothing raw either.
const FORBIDDEN_IN_JSON = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

const CSI = '\x1b[31m';
const OSC = '\x1b]0;pwned\x07';
const DCS = '\x1bP1;2q#0\x1b\\';
const C1_CSI = '\u009b31m';
const NEL = '\u0085';
const RLO = '\u202e';

// Company names: no whitespace controls (CR, \t…), because names are stored with their
// spacing folded; everything else goes in.
const EVIL = `Evil${CSI}Corp${C1_CSI}${RLO}gnp.exe${OSC}\b\x07`;
const ALIAS = `Alias${OSC}${NEL}x${DCS}`;
const PINNED = `Pin${RLO}ned${CSI}Co\u2066x\u2069`;
const CHECKED = `Checked${DCS}Shop\x07`;
const TITLE = `Title${DCS}\rOVERWRITTEN${RLO}sdrawkcab\b\b`;
const NOTE = `line one${CSI}\r\nline two\x1b[2J\x1b[H${OSC}${C1_CSI}${NEL}end\x07`;
const PROMISE = `fixed within 24h${RLO}${CSI}\r`;
const REFUSAL = `it is our policy${OSC}\b`;
const CLOSE_NOTE = `gave up${DCS}${RLO}`;
const REASON = `they were awful${CSI}\r${RLO}${OSC}`;
const CHECK_NOTE = `asked in chat${CSI}\r${C1_CSI}`;

// Through an imported data file: NUL, and all of the above in every text field.
const FILE_NAME = `Nul\u0000Corp${CSI}${NEL}`;
const FILE_ALIAS = `NulAlias\u0000${RLO}`;
const FILE_CATEGORY = `cat${OSC}\u0000`;
const FILE_WEBSITE = `https://example.org/${CSI}\u0000`;
const FILE_TITLE = `file title\u0000${DCS}\r${C1_CSI}`;
const FILE_NOTE = `file note\u0000\x1b[1;1H\r\n${RLO}${OSC}`;
const FILE_REASON = `file reason\u0000${CSI}\u2067`;
const FILE_CHECK_NOTE = `file check note\u0000${DCS}`;
const FILE_INCIDENT = 'file-incident-1';

const answerFlags = amazonAnswerFlags;

// A user checklist whose every label is hostile (YAML double-quoted escapes: \e, \x9b, \u202e, \0).
const EVIL_CHECKLIST = `id: evil
version: 1
title: "Evil \\e[31mchecklist\\u202e\\a"
description: "desc \\e]0;pwned\\a \\x9b31m \\r \\0"
questions:
  - id: who-helps
    text: "Who \\e[5mhelps\\u0085?"
    help: "help \\eP1;2q\\e\\\\ \\b\\b"
    weight: 1
    answers:
      - value: someone
        label: "Some\\e[31mone\\u2066x\\u2069"
        score: 1
      - value: nobody
        label: "No\\rbody\\x9b2J"
        score: 0
        dealbreaker: true
`;

let s: Sandbox;
let incidentId: string;

/** Nothing raw that a terminal would act on, anywhere in the output. */
function expectInert(r: RunResult, what: string): void {
  for (const [stream, text] of [
    ['stdout', r.stdout],
    ['stderr', r.stderr],
  ] as const) {
    const m = FORBIDDEN.exec(text);
    expect(m, `${what}: raw U+${m?.[0].codePointAt(0)!.toString(16).padStart(4, '0')} on ${stream} at ${m?.index}: ${JSON.stringify(text.slice(Math.max(0, (m?.index ?? 0) - 30), (m?.index ?? 0) + 30))}`).toBeNull();
  }
}

function expectInertJson(r: RunResult, what: string): unknown {
  ok(r);
  const m = FORBIDDEN_IN_JSON.exec(r.stdout);
  expect(m, `${what}: raw U+${m?.[0].codePointAt(0)!.toString(16).padStart(4, '0')} in the JSON at ${m?.index}`).toBeNull();
  return JSON.parse(r.stdout);
}

/** Every string in a JSON value. */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
  return out;
}

beforeAll(() => {
  s = sandbox();
  mkdirSync(join(s.config, 'checklists'), { recursive: true });
  writeFileSync(join(s.config, 'checklists', 'evil.yaml'), EVIL_CHECKLIST);

  const added = ok(s.run(['incident', 'add', EVIL, '--title', TITLE, '--fault', 'company', '--opened', '2024-01-01T09:00', '--json']));
  incidentId = (JSON.parse(added.stdout) as { id: string }).id;
  ok(s.run(['company', 'alias', EVIL, ALIAS]));
  const ev = (...args: string[]) => ok(s.run(['incident', 'event', incidentId, ...args]));
  ev('contact', '--at', '2024-01-01T09:05', '--channel', 'phone', '--no-reached-human', '--wait-minutes', '30', '--note', NOTE);
  ev('promise', '--at', '2024-01-01T09:10', '--text', PROMISE, '--due', '2024-01-02T09:00');
  ev('escalation', '--at', '2024-01-03T10:00', '--level', 'management', '--note', NOTE);
  ev('refusal', '--at', '2024-01-03T11:00', '--level', 'management', '--policy', '--text', REFUSAL);
  ev('note', '--at', '2024-01-03T12:00', '--text', NOTE);

  // A second, open incident of the same company, so that `due` has a broken promise to show.
  const open = ok(s.run(['incident', 'add', EVIL, '--title', `${TITLE} (open)`, '--fault', 'company', '--opened', '2024-02-01T09:00', '--json']));
  const openId = (JSON.parse(open.stdout) as { id: string }).id;
  ok(s.run(['incident', 'event', openId, 'promise', '--at', '2024-02-01T09:10', '--text', PROMISE, '--due', '2024-02-02T09:00']));
  ok(s.run(['incident', 'close', incidentId, '--outcome', 'unresolved', '--at', '2024-01-04T09:00', '--note', CLOSE_NOTE]));

  ok(s.run(['pin', PINNED, 'black', '--reason', REASON]));
  ok(s.run(['check', CHECKED, ...answerFlags, '--note', `who-helps=${CHECK_NOTE}`]));
  ok(s.run(['check', EVIL, '--checklist', 'evil', '--answer', 'who-helps=nobody']));

  const file = join(s.dir, 'hostile.json');
  writeFileSync(
    file,
    JSON.stringify({
      format: 'vetted/1',
      companies: [{ name: FILE_NAME, aliases: [FILE_ALIAS], category: FILE_CATEGORY, website: FILE_WEBSITE }],
      checks: [{ company: FILE_NAME, checklist: 'general', at: '2024-03-01', answers: AMAZON_ANSWERS, notes: { 'who-helps': FILE_CHECK_NOTE } }],
      incidents: [
        {
          id: FILE_INCIDENT,
          company: FILE_NAME,
          title: FILE_TITLE,
          opened: '2024-03-02T10:00',
          fault: 'company',
          events: [
            { at: '2024-03-02T10:05', type: 'contact', channel: 'chat', reached_human: true, wait_minutes: 2, note: FILE_NOTE },
            { at: '2024-03-02T10:06', type: 'apology', level: 'frontline', note: FILE_NOTE },
            { at: '2024-03-02T10:07', type: 'compensation', kind: 'refund', amount: 5, currency: 'EUR', proactive: true, effort: 'none', note: FILE_NOTE },
            { at: '2024-03-02T10:08', type: 'resolution', outcome: 'resolved', note: FILE_NOTE },
          ],
        },
      ],
      pins: [{ company: FILE_NAME, list: 'white', reason: FILE_REASON, at: '2024-03-03' }],
    }),
  );
  const imported = ok(s.run(['import', file]));
  expectInert(imported, 'import');
}, 120_000);

afterAll(() => {
  s?.cleanup();
});

describe('text commands show hostile text inert', () => {
  const cases: [string, () => string[]][] = [
    ['company list', () => ['company', 'list']],
    ['company show <evil>', () => ['company', 'show', EVIL]],
    ['company show <alias>', () => ['company', 'show', ALIAS]],
    ['company show <pinned>', () => ['company', 'show', PINNED]],
    ['company show <checked>', () => ['company', 'show', CHECKED]],
    ['incident list', () => ['incident', 'list']],
    ['incident show (cli)', () => ['incident', 'show', incidentId]],
    ['incident show (file)', () => ['incident', 'show', FILE_INCIDENT]],
    ['due', () => ['due']],
    ['lists', () => ['lists']],
    ['lists black', () => ['lists', 'black']],
    ['why <evil>', () => ['why', EVIL]],
    ['why <pinned>', () => ['why', PINNED]],
    ['export --format md', () => ['export', '--format', 'md']],
    ['export --format md --detail', () => ['export', '--format', 'md', '--detail']],
    ['checklists show evil', () => ['checklists', 'show', 'evil']],
    ['checklists list', () => ['checklists', 'list']],
    ['why <hostile unknown>', () => ['why', `${EVIL}unknown`]],
    ['company show <hostile unknown>', () => ['company', 'show', `${CSI}nobody${RLO}`]],
    ['incident show <hostile id>', () => ['incident', 'show', `${OSC}no-such${CSI}`]],
    ['incident event <hostile type>', () => ['incident', 'event', incidentId, `note${CSI}`, '--text', 'x']],
    ['check with a hostile answer', () => ['check', EVIL, '--answer', `who-helps=${CSI}bad${RLO}`]],
    ['check with a hostile question', () => ['check', EVIL, '--answer', `${OSC}q=x`]],
    ['lists <hostile list>', () => ['lists', `bl${CSI}ack`]],
    ['pin with a hostile list', () => ['pin', EVIL, `bl${RLO}ack`, '--reason', REASON]],
  ];

  it.each(cases)('`%s`', (what, args) => {
    const r = s.run(args());
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(r.code === 0 || r.code === 2, `${what}: exit ${r.code}: ${r.stderr}`).toBe(true);
    expectInert(r, what);
  });

  it('the text outputs still show the names (made visible, not dropped)', () => {
    const r = ok(s.run(['company', 'list']));
    expect(r.stdout).toContain('Evil');
    expect(r.stdout).toContain('Corp');
    expect(r.stdout).toContain('Checked');
    const show = ok(s.run(['incident', 'show', incidentId]));
    expect(show.stdout).toContain('OVERWRITTEN');
    expect(show.stdout).toContain('sdrawkcab');
  });

  it('the error for an unknown hostile name echoes it inert, in one line, exit 2', () => {
    const r = s.run(['why', `${EVIL}unknown`]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('unknown');
    expectInert(r, 'why');
  });

  it.each([
    ['why', ['why', 'foo\nvetted: everything is fine\nbar']],
    ['incident show', ['incident', 'show', 'x\nvetted: imported 100 incidents']],
    ['company show', ['company', 'show', 'a\nb']],
  ])('an error that echoes a name with a line break (`%s`) is still one line', (_what, args) => {
    const r = s.run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  // RFC 4180 ends CSV records with \r\n; that CR is the format's, not the user's. Every other
  // control must not reach the terminal.
  it('`export --format csv`', () => {
    const r = ok(s.run(['export', '--format', 'csv']));
    expectInert({ ...r, stdout: r.stdout.replace(/\r\n/g, '\n') }, 'export csv');
    expect(r.stdout).toContain('Evil');
  });
});

describe('a file named with escapes, checked', () => {
  it('is named inert on stdout by letters check and checklists validate', () => {
    const dir = join(s.dir, 'named');
    mkdirSync(dir, { recursive: true });
    const template = join(dir, 'x\u001b[31mred\nline.md');
    writeFileSync(template, 'Dear {{company}}\n');
    const checklist = join(dir, 'c\u001b[31mred.yaml');
    writeFileSync(checklist, 'id: named\nversion: 1\ntitle: Named\nquestions:\n  - id: q\n    text: Q?\n    answers:\n      - {value: a, label: A, score: 1}\n');
    for (const args of [['letters', 'check', template], ['checklists', 'validate', checklist]]) {
      const out = ok(s.run(args)).stdout;
      expect(out, args.join(' ')).not.toMatch(/\u001b/);
      expect(out.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });
});

describe('a letter', () => {
  it('shows the characters that show nothing as every other output does, on stdout and in a file, in markdown and in text', () => {
    const l = sandbox();
    try {
      ok(l.run(['incident', 'add', 'Ac\u200bme', '--title', 'Late\u2028again', '--fault', 'company', '--opened', '2026-11-01T09:00']));
      ok(l.run(['incident', 'event', 'ac-me-1', 'note', '--text', 'see\ufeffhere \u{E0041}\u{E0042}', '--at', '2026-11-02T10:00']));
      const file = join(l.dir, 'zw\u200bsp.txt');
      writeFileSync(file, 'x');
      ok(l.run(['incident', 'attach', 'ac-me-1', file]));
      // The enclosure as the list of attachments names it: the file the letter goes with.
      expect(ok(l.run(['attachment', 'list'])).stdout).toContain('zw<U+200B>sp.txt');
      for (const format of ['md', 'txt']) {
        const args = ['letter', 'ac-me-1', '--kind', 'complaint', '--from', 'me\u2029too', '--format', format];
        const out = join(l.dir, `letter.${format}`);
        ok(l.run([...args, '--out', out]));
        for (const text of [ok(l.run(args)).stdout, readFileSync(out, 'utf8')]) {
          expect(text).not.toMatch(/[\u200b\u2028\u2029\ufeff\u{E0000}-\u{E007F}]/u);
          const plain = text.replace(/\\([<>])/g, '$1');
          for (const shown of ['Ac<U+200B>me', 'Late<U+2028>again', 'see<U+FEFF>here <U+E0041><U+E0042>', 'zw<U+200B>sp.txt', 'me<U+2029>too']) expect(plain).toContain(shown);
        }
      }
    } finally {
      l.cleanup();
    }
  });
});

describe('--json keeps the text exactly, escaped', () => {
  it('`lists --json`', () => {
    const doc = expectInertJson(s.run(['lists', '--json']), 'lists --json') as Record<string, { company: string; reasons: { text: string }[] }[]>;
    const all = [...doc.black, ...doc.white, ...doc.watch];
    const names = all.map((e) => e.company);
    expect(names).toContain(EVIL);
    expect(names).toContain(PINNED);
    expect(names).toContain(FILE_NAME);
    expect(strings(doc).some((t) => t.includes(REASON))).toBe(true);
    expect(strings(doc).some((t) => t.includes(FILE_REASON))).toBe(true);
  });

  it('`why --json`', () => {
    const doc = expectInertJson(s.run(['why', PINNED, '--json']), 'why --json') as { company: string; list: string };
    expect(doc.company).toBe(PINNED);
    expect(doc.list).toBe('black');
    expect(strings(doc).some((t) => t.includes(REASON))).toBe(true);
  });

  it('`company show --json`', () => {
    const doc = expectInertJson(s.run(['company', 'show', EVIL, '--json']), 'company show --json');
    const all = strings(doc);
    expect(all).toContain(EVIL);
    expect(all).toContain(ALIAS);
    expect(all).toContain(TITLE);
  });

  it('`company list --json` (the company with a NUL in its name came from the data file)', () => {
    const r = s.run(['company', 'list', '--json']);
    const list = expectInertJson(r, 'company list --json') as { name: string; aliases: string[]; category: string | null; website: string | null }[];
    const fileCompany = list.find((c) => c.name === FILE_NAME);
    expect(fileCompany, JSON.stringify(list.map((c) => c.name))).toBeDefined();
    expect(fileCompany!.aliases).toEqual([FILE_ALIAS]);
    expect(fileCompany!.category).toBe(FILE_CATEGORY);
    expect(fileCompany!.website).toBe(FILE_WEBSITE);
    expect(list.map((c) => c.name)).toEqual(expect.arrayContaining([EVIL, PINNED, CHECKED]));
  });

  it('`incident show --json`', () => {
    const doc = expectInertJson(s.run(['incident', 'show', incidentId, '--json']), 'incident show --json') as {
      title: string;
      company: string;
      events: { type: string; note?: string; text?: string }[];
    };
    expect(doc.title).toBe(TITLE);
    expect(doc.company).toBe(EVIL);
    const byType = (t: string) => doc.events.filter((e) => e.type === t);
    expect(byType('contact')[0].note).toBe(NOTE);
    expect(byType('promise')[0].text).toBe(PROMISE);
    expect(byType('escalation')[0].note).toBe(NOTE);
    expect(byType('refusal')[0].text).toBe(REFUSAL);
    expect(byType('note')[0].text).toBe(NOTE);
    expect(byType('resolution')[0].note).toBe(CLOSE_NOTE);

    const file = expectInertJson(s.run(['incident', 'show', FILE_INCIDENT, '--json']), 'incident show --json') as typeof doc;
    expect(file.title).toBe(FILE_TITLE);
    expect(file.company).toBe(FILE_NAME);
    expect(file.events.map((e) => e.note)).toEqual([FILE_NOTE, FILE_NOTE, FILE_NOTE, FILE_NOTE]);
  });

  it('`checklists show evil --json`', () => {
    const doc = expectInertJson(s.run(['checklists', 'show', 'evil', '--json']), 'checklists show --json') as {
      title: string;
      questions: { answers: { label: string }[] }[];
    };
    expect(doc.title).toBe('Evil \x1b[31mchecklist\u202e\x07');
    expect(doc.questions[0].answers.map((a) => a.label).slice(0, 2)).toEqual(['Some\x1b[31mone\u2066x\u2069', 'No\rbody\u009b2J']);
  });

  it('`export --format json` holds every hostile string exactly, and imports back to the same export', () => {
    const r = s.run(['export', '--format', 'json']);
    const doc = expectInertJson(r, 'export json') as {
      companies: { name: string; aliases?: string[] }[];
      pins: { company: string; reason: string }[];
      checks: { company: string; notes?: Record<string, string> }[];
    };
    const all = strings(doc);
    for (const t of [EVIL, ALIAS, PINNED, CHECKED, TITLE, NOTE, PROMISE, REFUSAL, CLOSE_NOTE, REASON, CHECK_NOTE, FILE_NAME, FILE_ALIAS, FILE_CATEGORY, FILE_WEBSITE, FILE_TITLE, FILE_NOTE, FILE_REASON, FILE_CHECK_NOTE]) {
      expect(all, JSON.stringify(t)).toContain(t);
    }
    const again = sandbox();
    try {
      const file = join(again.dir, 'export.json');
      writeFileSync(file, r.stdout);
      mkdirSync(join(again.config, 'checklists'), { recursive: true });
      writeFileSync(join(again.config, 'checklists', 'evil.yaml'), EVIL_CHECKLIST);
      ok(again.run(['import', file]));
      const second = ok(again.run(['export', '--format', 'json']));
      const strip = (t: string) => t.replace(/"exported_at": "[^"]*"/, '');
      expect(strip(second.stdout)).toBe(strip(r.stdout));
    } finally {
      again.cleanup();
    }
  });
});

describe('SQL in a company name', () => {
  it('is stored verbatim and harmless', () => {
    const t = sandbox();
    try {
      const name = "Bobby'); DROP TABLE companies; --";
      ok(t.run(['check', name, ...answerFlags]));
      ok(t.run(['pin', name, 'white', '--reason', "'; DELETE FROM pins; --"]));
      ok(t.run(['incident', 'add', `x" OR 1=1; --`, '--title', "'); DROP TABLE incidents; --", '--opened', '2024-01-01']));
      const list = JSON.parse(ok(t.run(['company', 'list', '--json'])).stdout) as { name: string }[];
      expect(list.map((c) => c.name).sort()).toEqual([name, `x" OR 1=1; --`].sort());
      const why = JSON.parse(ok(t.run(['why', name, '--json'])).stdout) as { company: string; list: string };
      expect(why.company).toBe(name);
      expect(why.list).toBe('white');
      const incidents = JSON.parse(ok(t.run(['incident', 'list', '--json'])).stdout) as { title: string }[];
      expect(incidents.map((i) => i.title)).toEqual(["'); DROP TABLE incidents; --"]);
      // A LIKE pattern in a name does not match other companies.
      expect(t.run(['company', 'show', '%']).code).toBe(2);
      expect(t.run(['company', 'show', '_%']).code).toBe(2);
    } finally {
      t.cleanup();
    }
  });
});

describe('limits', () => {
  let t: Sandbox;
  beforeAll(() => {
    t = sandbox();
  });
  afterAll(() => t.cleanup());

  const oneSentence = (r: RunResult) => {
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^vetted: .+/);
    return lines[0];
  };

  it('a company name of 201 characters is refused with a sentence; 200 is taken', () => {
    const long = 'N'.repeat(201);
    t.makeDatabase();
    const line = oneSentence(t.run(['check', long, ...answerFlags]));
    expect(line).toMatch(/200/);
    oneSentence(t.run(['incident', 'add', long, '--title', 't', '--opened', '2024-01-01']));
    oneSentence(t.run(['pin', long, 'black', '--reason', 'r']));
    const list = JSON.parse(ok(t.run(['company', 'list', '--json'])).stdout) as { name: string }[];
    expect(list).toEqual([]);
    ok(t.run(['check', 'N'.repeat(200), ...answerFlags]));
    const after = JSON.parse(ok(t.run(['company', 'list', '--json'])).stdout) as { name: string }[];
    expect(after.map((c) => c.name)).toEqual(['N'.repeat(200)]);
  });

  it('the limit counts characters, not UTF-16 units: 200 CJK/emoji characters are taken', () => {
    const name = '😀'.repeat(100) + '東'.repeat(100);
    ok(t.run(['incident', 'add', name, '--title', 'wide', '--opened', '2024-01-01']));
  });

  it('a note of 10,001 characters is refused; 10,000 is taken', () => {
    const r = ok(t.run(['incident', 'add', 'Notes Co', '--title', 'notes', '--opened', '2024-01-01', '--json']));
    const id = (JSON.parse(r.stdout) as { id: string }).id;
    const line = oneSentence(t.run(['incident', 'event', id, 'note', '--at', '2024-01-02', '--text', 'x'.repeat(10_001)]));
    expect(line).toMatch(/10[,.]?000/);
    oneSentence(t.run(['incident', 'event', id, 'contact', '--at', '2024-01-02', '--channel', 'phone', '--note', 'y'.repeat(10_001)]));
    const shown = JSON.parse(ok(t.run(['incident', 'show', id, '--json'])).stdout) as { events: unknown[] };
    expect(shown.events).toEqual([]);
    ok(t.run(['incident', 'event', id, 'note', '--at', '2024-01-02', '--text', 'x'.repeat(10_000)]));
  });

  it('a pin reason of 10,001 characters is refused', () => {
    oneSentence(t.run(['pin', 'Reason Co', 'black', '--reason', 'r'.repeat(10_001)]));
  });

  it('a data file with a name of 201 characters is refused, nothing imported', () => {
    const u = sandbox();
    try {
      const file = join(u.dir, 'long.json');
      writeFileSync(file, JSON.stringify({ format: 'vetted/1', companies: [{ name: 'ok' }, { name: 'L'.repeat(201) }] }));
      const line = oneSentence(u.run(['import', file]));
      expect(line).toContain('companies[1].name');
      expect(existsSync(u.db)).toBe(false);
    } finally {
      u.cleanup();
    }
  });

  it('a YAML alias bomb (9 levels of 9 aliases) is refused with exit 2 in well under a second', () => {
    const lines = ['format: vetted/1', 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i <= 9; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(',')}]`);
    lines.push('source: *a9');
    const file = join(t.dir, 'bomb.yaml');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const started = performance.now();
    const r = t.run(['import', file]);
    const ms = performance.now() - started;
    oneSentence(r);
    expect(r.stderr).toMatch(/alias/i);
    // The whole process, node start-up included; the machine may be slow.
    expect(ms).toBeLessThan(1500);
  });

  it('a YAML alias bomb in a user checklist is refused quickly too', () => {
    const u = sandbox();
    try {
      mkdirSync(join(u.config, 'checklists'), { recursive: true });
      const lines = ['id: bomb', 'version: 1', 'title: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
      for (let i = 1; i <= 9; i++) lines.push(`x${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(',')}]`);
      writeFileSync(join(u.config, 'checklists', 'bomb.yaml'), `${lines.join('\n')}\n`);
      const started = performance.now();
      const r = u.run(['checklists', 'show', 'bomb']);
      expect(performance.now() - started).toBeLessThan(1500);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(STACK_FRAME);
    } finally {
      u.cleanup();
    }
  });

  describe('dates that are not dates', () => {
    let id: string;
    let before: string;
    const timeline = () => ok(t.run(['incident', 'show', id, '--json'])).stdout.replace(/"days_open": \d+/, '');
    beforeAll(() => {
      const r = ok(t.run(['incident', 'add', 'Dates Co', '--title', 'dates', '--opened', '2024-01-01', '--json']));
      id = (JSON.parse(r.stdout) as { id: string }).id;
      before = timeline();
    });

    it.each(['2024-13-45', 'the day before', '2023-02-29', '2024-01-01T25:00'])('"%s" is refused by --opened, --at and --due with exit 2', (bad) => {
      expect(oneSentence(t.run(['incident', 'add', 'Dates Co', '--title', 'dates', '--opened', bad]))).toContain(bad);
      oneSentence(t.run(['incident', 'event', id, 'note', '--text', 'x', '--at', bad]));
      oneSentence(t.run(['incident', 'event', id, 'promise', '--text', 'x', '--at', '2024-01-02', '--due', bad]));
      oneSentence(t.run(['incident', 'close', id, '--outcome', 'resolved', '--at', bad]));
      expect(timeline()).toBe(before);
      const incidents = JSON.parse(ok(t.run(['incident', 'list', '--company', 'Dates Co', '--json'])).stdout) as unknown[];
      expect(incidents).toHaveLength(1);
    });
  });
});
