// The exported lists are a page to publish: whatever users typed (company names, reasons,
// incident ids and titles, event notes) must render as the same text — no cell split by a
// pipe, no HTML, no link or image, no emphasis or code, no line break — with only the
// documented changes of `markdownText` (newlines to spaces, control and bidi characters made
// visible). The output is parsed back with markdown-it and its token stream checked.
import MarkdownIt, { type Token } from 'markdown-it';
import { beforeEach, describe, expect, it } from 'vitest';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { RootContent } from 'mdast';
import { en } from '../../src/i18n/en.js';
import { ru } from '../../src/i18n/ru.js';
import { setCatalog } from '../../src/i18n/index.js';
import { judgeCompany, type Finding, type Verdict } from '../../src/domain/policy.js';
import type { Lang } from '../../src/domain/checklist.js';
import type { Incident, ListName } from '../../src/domain/types.js';
import { markdownOptions, markdownRow, markdownRowsOf, markdownText, renderCsvLists, renderMarkdownLists, type MarkdownCompany, type MarkdownEntry } from '../../src/formats/markdown.js';
import { check, evidence, incident, note, refusal, resolution } from '../helpers/builders.js';

// ---- the user text to render ----

const NASTY: [name: string, text: string][] = [
  ['a pipe', 'a|b'],
  ['pipes with spaces', 'a | b | c'],
  ['an escaped pipe', 'x\\|y'],
  ['a script tag', '<script>alert(1)</script>'],
  ['an HTML block tag', '<div>x</div>'],
  ['an HTML comment', '<!-- hidden -->'],
  ['a link', '[x](http://evil.example)'],
  ['an image', '![img](http://e.x/i.png)'],
  ['a reference definition', '[a]: http://evil.example'],
  ['a reference link', '[a][b]'],
  ['emphasis with stars', '*bold*'],
  ['emphasis with underscores', '_em_'],
  ['strong', '**strong**'],
  ['strong with underscores', '__strong__'],
  ['backslashes', 'back\\\\slash\\'],
  ['a trailing backslash', 'ends with \\'],
  ['code', '`code`'],
  ['double-backtick code', '``co`de``'],
  ['a newline', 'a\nb'],
  ['CR LF', 'c\r\nd'],
  ['a lone CR', 'e\rf'],
  ['a tab', 'g\th'],
  ['a terminal escape', '\x1b[31mred\x1b[0m'],
  ['a C1 CSI', '\x9b31mred'],
  ['NUL and DEL', 'n\x00u\x7fl'],
  ['a bare URL', 'http://example.com'],
  ['an https URL', 'see https://x.example/z?q=1 now'],
  ['a www domain', 'www.example.com'],
  ['a WWW domain in capitals', 'WWW.Example.COM'],
  ['an email', 'a@b.co'],
  ['a mailto', 'mailto:a@b.co'],
  ['an email with dots, plus and dashes', 'write to a.b+c@d-e.example.com'],
  ['an email with an underscore', 'x_@b.co'],
  ['an URL in capitals', 'HTTPS://X.EXAMPLE/A'],
  ['an angle-bracket autolink', '<http://a.example>'],
  ['an angle-bracket email', '<a@b.co>'],
  ['a bidi override', 'abc\u202Edef'],
  ['bidi isolates and marks', '\u2066iso\u2069 \u200Fmark'],
  ['an HTML entity', '&amp;'],
  ['a numeric entity', '&#65;'],
  ['a leading #', '# heading'],
  ['a closing # sequence', 'C# #'],
  ['a leading dash', '- item'],
  ['a leading number and dot', '1. item'],
  ['a leading number and parenthesis', '1) item'],
  ['a leading plus', '+ item'],
  ['a leading star', '* item'],
  ['a leading quote', '> quote'],
  ['a thematic break', '---'],
  ['a star break', '***'],
  ['a fence', '```js'],
  ['a Cyrillic name', 'Волгателеком'],
  ['a CJK name', '京东商城'],
  ['mixed scripts and a pipe', 'ООО «Ромашка» | 株式会社'],
];

// ---- builders of what the renderer takes ----

/** A finding whose words are given: the test catalogs below say them as they are. */
function finding(rule: Finding['rule'], side: Finding['side'], text: string, date: string, evidence: string[]): Finding {
  // A pin's facts are its reason (the page words it itself); any other finding says the words given.
  return { rule, side, facts: (rule === 'pin' ? { kind: 'pin', reason: text } : { kind: 'said', text }) as Finding['facts'], date, evidence };
}

/** The catalog of a language, saying the words a test gave its findings. */
function testCatalog(lang: Lang) {
  const base = lang === 'ru' ? ru : en;
  return { ...base, finding: (f: Finding['facts']) => ('text' in f ? (f as { text: string }).text : base.finding(f)) };
}

function verdict(company: string, list: ListName, since: string, reasons: Finding[], findings: Finding[], pinned = false): Verdict {
  // As the policy judges: a watch is decided by no finding.
  return { company, list, since, pinned, reasons, findings, set_aside: [], decided_by: list === 'watch' ? null : (reasons[0] ?? null), would_change: [] };
}

/** What a list row shows of a verdict. */
function entryOf(v: Verdict): MarkdownEntry {
  return { company: v.company, since: v.since, pinned: v.pinned, reasons: v.reasons.map(({ rule, facts, evidence }) => ({ rule, facts, evidence })) };
}

/** A listed company as the export passes it: its entry, the verdict and incidents for detail, and maybe its cached row. */
function company(v: Verdict, incidents: Incident[] = [], cached = false): MarkdownCompany & { entry: MarkdownEntry } {
  const entry = entryOf(v);
  return { entry, verdict: v, incidents, ...(cached ? { row: markdownRow(entry, true) } : {}) };
}

/** The lists with each company's cached row alone. */
function rowsOnly(lists: Record<ListName, MarkdownCompany[]>): Record<ListName, MarkdownCompany[]> {
  return Object.fromEntries(Object.entries(lists).map(([l, cs]) => [l, cs.map((c) => ({ row: c.row! }))])) as Record<ListName, MarkdownCompany[]>;
}

/** A black, a pinned white and a watch company, every field of them holding `s`. */
function listsOf(s: string, cached = false): { lists: Record<ListName, MarkdownCompany[]>; inc: Incident } {
  const b1 = finding('B1', 'black', `refused as company policy: "${s}" (${s})`, '2024-03-01T10:00', [`incident:${s}`]);
  const pinF = finding('pin', 'white', s, '2024-02-01', []);
  const watchF = finding('watch', 'watch', s, '2024-01-05T10:00', [`incident:${s}`]);
  const inc = incident({ id: s, company: s, title: s, events: [note({ at: '2024-03-01T10:00', note: s })] });
  return {
    inc,
    lists: {
      black: [company(verdict(s, 'black', '2024-03-01', [b1], [b1]), [inc], cached)],
      white: [company(verdict(`W ${s}`, 'white', '2024-02-01', [pinF], [b1], true), [], cached)],
      watch: [company(verdict(`${s} watch`, 'watch', '2024-01-05', [watchF], []), [], cached)],
    },
  };
}

const describeEvent = (e: Incident['events'][number]) => e.note ?? e.text ?? '';

/** The page with user text kept as typed (--no-redact): what these tests hold is how markdown carries any text. */
function render(lists: Record<ListName, MarkdownCompany[]>, detail: boolean, lang: Lang = 'en'): string {
  setCatalog(testCatalog(lang));
  return renderMarkdownLists({ date: '2024-04-01', lists, detail, describeEvent, keep: true });
}

// ---- reading the page back ----

// html: true, as GFM renders raw HTML; markdown-it's default would show it as text anyway
// and hide the very thing these tests look for.
const plain = new MarkdownIt({ html: true });
// GFM also turns bare http(s) URLs and e-mail addresses into links (and www. domains, which
// linkify-it only finds with fuzzy links, that GFM does not have: checked on the text below).
const linkify = new MarkdownIt({ html: true, linkify: true });
linkify.linkify.set({ fuzzyLink: false, fuzzyEmail: true });

const BLOCK_TOKENS = new Set([
  'heading_open', 'heading_close', 'paragraph_open', 'paragraph_close', 'inline',
  'table_open', 'table_close', 'thead_open', 'thead_close', 'tbody_open', 'tbody_close',
  'tr_open', 'tr_close', 'th_open', 'th_close', 'td_open', 'td_close',
  'bullet_list_open', 'bullet_list_close', 'list_item_open', 'list_item_close',
]);
const INLINE_TOKENS = new Set(['text', 'text_special']);

interface Outline {
  /** Tokens that would make user text anything but text. */
  problems: string[];
  tables: string[][][];
  headings: { level: number; text: string }[];
  items: string[];
  paragraphs: string[];
}

const inlineText = (t: Token) => (t.children ?? []).map((c) => c.content).join('');

function outline(md: MarkdownIt, src: string): Outline {
  const tokens = md.parse(src, {});
  const o: Outline = { problems: [], tables: [], headings: [], items: [], paragraphs: [] };
  let table: string[][] | null = null;
  let row: string[] | null = null;
  let inCell = false;
  let inItem = 0;
  let heading = 0;
  for (const t of tokens) {
    if (!BLOCK_TOKENS.has(t.type)) o.problems.push(`${t.type} ${JSON.stringify(t.content)}`);
    if (t.type === 'bullet_list_open' && t.level !== 0) o.problems.push('a nested list');
    for (const c of t.children ?? []) if (!INLINE_TOKENS.has(c.type)) o.problems.push(`${c.type} ${JSON.stringify(c.content || c.markup)}`);
    switch (t.type) {
      case 'table_open': table = []; break;
      case 'table_close': o.tables.push(table!); table = null; break;
      case 'tr_open': row = []; break;
      case 'tr_close': table!.push(row!); row = null; break;
      case 'th_open': case 'td_open': inCell = true; row!.push(''); break;
      case 'th_close': case 'td_close': inCell = false; break;
      case 'list_item_open': inItem++; break;
      case 'list_item_close': inItem--; break;
      case 'heading_open': heading = Number(t.tag.slice(1)); break;
      case 'heading_close': heading = 0; break;
      case 'inline': {
        const text = inlineText(t);
        if (inCell) row![row!.length - 1] = text;
        else if (heading) o.headings.push({ level: heading, text });
        else if (inItem) o.items.push(text);
        else o.paragraphs.push(text);
      }
    }
  }
  for (const tb of o.tables) for (const r of tb) if (r.length !== tb[0].length) o.problems.push(`a row of ${r.length} cells under ${tb[0].length} headers`);
  return o;
}

const WORDS: Record<Lang, { columns: string[]; findings: string; incident: string; pinned: string; decidedBy: string }> = {
  en: { columns: ['Company', 'Since', 'Why', 'Evidence'], findings: 'Findings', incident: 'Incident', pinned: 'pinned by the author', decidedBy: 'Decided by:' },
  ru: { columns: ['Компания', 'С', 'Почему', 'Доказательства'], findings: 'Выводы', incident: 'Обращение', pinned: 'закреплено автором', decidedBy: 'Решило:' },
};

/** What the page must say, user text changed only by `markdownText`. */
function expected(s: string, lang: Lang) {
  const m = markdownText;
  const w = WORDS[lang];
  const d = (iso: string) => (lang === 'ru' ? iso.split('-').reverse().join('.') : iso);
  return {
    tables: [
      [w.columns, [m(s), d('2024-03-01'), m(`B1: refused as company policy: "${s}" (${s})`), m(`incident:${s}`)]],
      [w.columns, [m(`W ${s}`), d('2024-02-01'), m(`${w.pinned}: ${s}`), '']],
      [w.columns, [m(`${s} watch`), d('2024-01-05'), m(s), m(`incident:${s}`)]],
    ],
    companies: [m(s), m(`W ${s}`), m(`${s} watch`)],
    h4: [w.findings, m(`${w.incident} ${s}: ${s}`), w.findings, w.findings],
    items: [
      m(`B1: refused as company policy: "${s}" (${s}) (${d('2024-03-01')}; incident:${s})`),
      m(`${d('2024-03-01')} 10:00 — ${s}`),
      // A pin decides; the evidence it overrides is listed under it.
      m(`B1: refused as company policy: "${s}" (${s}) (${d('2024-03-01')}; incident:${s})`),
      m(`${s} (${d('2024-01-05')}; incident:${s})`),
    ],
    decided: [
      m(`${w.decidedBy} B1: refused as company policy: "${s}" (${s}) (${d('2024-03-01')}; incident:${s})`),
      m(`${w.decidedBy} ${w.pinned}: ${s} (${d('2024-02-01')})`),
    ],
  };
}

// Control and bidi characters that must never reach the page as they are.
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

describe('the page reader (a guard for the tests below)', () => {
  it('sees what naive markdown would do to user text', () => {
    const naive = ['| Company | Why |', '| --- | --- |', '| a|b | x |', '| <script>x</script> | y |', '| [x](http://e.example) | *b* `c` a@b.co |', '', '- # h', ''].join('\n');
    const o = outline(linkify, naive);
    expect(o.tables[0][1]).toEqual(['a', 'b']);
    expect(o.problems).toEqual(expect.arrayContaining([expect.stringMatching(/^html_inline/), expect.stringMatching(/^link_open/), expect.stringMatching(/^em_open/), expect.stringMatching(/^code_inline/)]));
    expect(o.headings).toContainEqual({ level: 1, text: 'h' });
  });
});

describe('markdownText', () => {
  it.each([
    ['plain text is kept', 'Acme & Co. [1] *x* <b>', 'Acme & Co. [1] *x* <b>'],
    ['a newline becomes a space', 'a\nb', 'a b'],
    ['CR LF becomes one space', 'a\r\nb', 'a b'],
    ['a lone CR becomes a space', 'a\rb', 'a b'],
    ['a tab becomes a space', 'a\tb', 'a b'],
    ['ESC is shown as ␛', '\x1b[31m', '\u241b[31m'],
    ['NUL is shown as ␀', '\x00', '\u2400'],
    ['DEL is shown as ␡', '\x7f', '\u2421'],
    ['a C1 control is named', '\x9b31m', '<U+009B>31m'],
    ['a bidi override is named', 'a\u202Eb', 'a<U+202E>b'],
    ['a bidi isolate is named', '\u2066x\u2069', '<U+2066>x<U+2069>'],
    ['a right-to-left mark is named', '\u200F', '<U+200F>'],
    ['Cyrillic and CJK are kept', 'Волгателеком 京东', 'Волгателеком 京东'],
  ])('%s', (_name, input, output) => {
    expect(markdownText(input)).toBe(output);
  });
});

beforeEach(() => setCatalog(testCatalog('en')));

describe.each(['en', 'ru'] as Lang[])('renderMarkdownLists (%s) keeps user text as text', (lang) => {
  beforeEach(() => setCatalog(testCatalog(lang)));
  describe.each([false, true])('detail: %s', (detail) => {
    it.each(NASTY)('%s', (_name, s) => {
      const out = render(listsOf(s).lists, detail, lang);
      // a row cached from an earlier export makes the same page
      expect(render(listsOf(s, true).lists, detail, lang)).toBe(out);
      // and so do cached rows alone, as the export passes them without their entries
      if (!detail) expect(render(rowsOnly(listsOf(s, true).lists), detail, lang)).toBe(out);
      const want = expected(s, lang);
      for (const md of [plain, linkify]) {
        const o = outline(md, out);
        expect(o.problems).toEqual([]);
        expect(o.tables).toEqual(want.tables);
        if (detail) {
          expect(o.headings.filter((h) => h.level === 3).map((h) => h.text)).toEqual(want.companies);
          expect(o.headings.filter((h) => h.level === 4).map((h) => h.text)).toEqual(want.h4);
          expect(o.items).toEqual(want.items);
          expect(o.paragraphs.filter((p) => p.startsWith(WORDS[lang].decidedBy))).toEqual(want.decided);
        } else {
          expect(o.headings.filter((h) => h.level > 2)).toEqual([]);
          expect(o.items).toEqual([]);
        }
      }
      // GFM links www. domains by themselves; linkify-it only does with fuzzy links on.
      expect(out).not.toMatch(/www\./i);
      expect(out).not.toMatch(RAW_CONTROL);
    });
  });
});

describe.each(['en', 'ru'] as Lang[])('markdownRowsOf (%s)', (lang) => {
  beforeEach(() => setCatalog(testCatalog(lang)));
  it('serialises many rows at once into the very lines each makes alone, whatever the text', () => {
    const entries = NASTY.flatMap(([, s]) => Object.values(listsOf(s).lists).flat().map((c) => c.entry!));
    expect(entries.length).toBeGreaterThan(2 * NASTY.length);
    const alone = entries.map((e) => markdownRow(e, true));
    expect(markdownRowsOf(entries, true)).toEqual(alone);
    expect(markdownRowsOf(entries)).toEqual(entries.map((e) => markdownRow(e)));
    expect(alone.every((r) => r.startsWith('| ') && !r.includes('\n'))).toBe(true);
    expect(markdownRowsOf([])).toEqual([]);
  });
});

describe('renderMarkdownLists, the page itself', () => {
  it('holds every company of each list in its own table, in order', () => {
    const v = (c: string, list: ListName) => company(verdict(c, list, '2024-01-01', [finding('watch', 'watch', 'r', '2024-01-01', [])], []));
    const out = render({ black: [v('A|1', 'black'), v('B', 'black')], white: [], watch: [v('C', 'watch')] }, false);
    const o = outline(plain, out);
    expect(o.problems).toEqual([]);
    expect(o.tables.map((t) => t.slice(1).map((r) => r[0]))).toEqual([['A|1', 'B'], ['C']]);
    expect(o.paragraphs).toContain('Nobody.');
  });

  it('an empty list says so', () => {
    const o = outline(plain, render({ black: [], white: [], watch: [] }, true));
    expect(o.tables).toEqual([]);
    expect(o.paragraphs.filter((p) => p === 'Nobody.')).toHaveLength(3);
  });

  it.each([
    ['in the table', false],
    ['in detail', true],
  ])('a page of several nasty companies at once stays whole %s', (_name, detail) => {
    const companies = NASTY.map(([, s], k) => company(verdict(s, 'black', '2024-03-01', [finding('B2', 'black', s, '2024-03-01', [`incident:${s}`])], []), [], k % 2 === 1));
    const o = outline(linkify, render({ black: companies, white: [], watch: [] }, detail));
    expect(o.problems).toEqual([]);
    expect(o.tables[0].slice(1).map((r) => r[0])).toEqual(NASTY.map(([, s]) => markdownText(s)));
    expect(o.tables[0].slice(1).map((r) => r[2])).toEqual(NASTY.map(([, s]) => markdownText(`B2: ${s}`)));
  });

  it('strikethrough marks stay text', () => {
    const s = '~~strike~~';
    const o = outline(plain, render(listsOf(s).lists, true));
    expect(o.problems).toEqual([]);
    expect(o.tables).toEqual(expected(s, 'en').tables);
  });

  it('the verdict line of a company in detail reads "On the black list since …"', () => {
    const o = outline(plain, render(listsOf('Acme').lists, true));
    expect(o.paragraphs).toContain('On the black list since 2024-03-01.');
    expect(o.paragraphs.join('\n')).not.toMatch(/list list/);
  });
});

// ---- CSV ----

/** RFC 4180: fields separated by commas, records by CRLF, quoted fields with doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let k = 0;
  let quoted = false;
  while (k < text.length) {
    const ch = text[k];
    if (quoted) {
      if (ch === '"' && text[k + 1] === '"') { field += '"'; k += 2; continue; }
      if (ch === '"') { quoted = false; k++; continue; }
      field += ch; k++; continue;
    }
    if (ch === '"') {
      if (field !== '') throw new Error(`a quote inside an unquoted field at ${k}`);
      quoted = true; k++; continue;
    }
    if (ch === ',') { row.push(field); field = ''; k++; continue; }
    if (ch === '\r' && text[k + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; k += 2; continue; }
    if (ch === '\r' || ch === '\n') throw new Error(`a bare line break outside quotes at ${k}`);
    field += ch; k++;
  }
  if (quoted) throw new Error('an unterminated quoted field');
  if (field !== '' || row.length) throw new Error('the last record does not end with CRLF');
  return rows;
}

describe('a page to publish', () => {
  const secret = 'refund to card 4111 1111 1111 1111, write to jane.doe@example.com or call +7 912 345-67-89';
  const lists = () => {
    const b1 = finding('B1', 'black', secret, '2024-03-01T10:00', ['incident:i1']);
    const inc = incident({ id: 'i1', company: 'Acme', title: `Call +7 912 345-67-89`, events: [note({ at: '2024-03-01T10:00', note: secret })] });
    return { black: [company(verdict('Acme', 'black', '2024-03-01', [b1], [b1]), [inc])], white: [], watch: [] } as Record<ListName, MarkdownCompany[]>;
  };

  it('redacts e-mail addresses, phone and card numbers in the table, the detail and the CSV, and keeps them with --no-redact', () => {
    setCatalog(testCatalog('en'));
    const page = renderMarkdownLists({ date: '2024-04-01', lists: lists(), detail: true, describeEvent });
    expect(page).not.toMatch(/4111|jane|912/);
    expect(page).toContain('refund to card \\[number], write to \\[email] or call \\[phone]');
    const kept = renderMarkdownLists({ date: '2024-04-01', lists: lists(), detail: true, describeEvent, keep: true });
    expect(kept).toContain('4111 1111 1111 1111');
    expect(kept).toContain('+7 912 345-67-89');
    const rows = { black: [{ entry: lists().black[0].entry! }], white: [], watch: [] };
    expect(renderCsvLists(rows)).not.toMatch(/4111|jane|912/);
    expect(renderCsvLists(rows, true)).toContain('jane.doe@example.com');
    // Dates and evidence stay as they are.
    expect(page).toContain('2024-03-01');
    expect(page).toContain('incident:i1');
  });
});

describe('renderCsvLists', () => {
  const one = (name: string, reason: string, list: ListName = 'black', evidence: string[] = ['incident:i1']) =>
    company(verdict(name, list, '2024-03-01', [finding('B1', 'black', reason, '2024-03-01', evidence)], []));
  const csv = (...companies: { entry: MarkdownEntry }[]) => renderCsvLists({ black: companies, white: [], watch: [] });

  it('a header and one CRLF-ended record per company', () => {
    const out = renderCsvLists({ black: [one('Acme', 'r')], white: [one('Zappos', 'nice', 'white')], watch: [] });
    expect(out.endsWith('\r\n')).toBe(true);
    expect(parseCsv(out)).toEqual([
      ['list', 'company', 'since', 'pinned', 'rules', 'why', 'evidence'],
      ['black', 'Acme', '2024-03-01', 'no', 'B1', 'r', 'incident:i1'],
      ['white', 'Zappos', '2024-03-01', 'no', 'B1', 'nice', 'incident:i1'],
    ]);
  });

  it.each([
    ['plain', 'Acme', 'Acme', 'Acme'],
    ['a comma is quoted', 'Acme, Inc.', '"Acme, Inc."', 'Acme, Inc.'],
    ['quotes are doubled', 'say "hi"', '"say ""hi"""', 'say "hi"'],
    // A line break is a space, as on the markdown page; other control characters are shown, not sent.
    ['a newline is a space', 'a\nb', 'a b', 'a b'],
    ['CR LF is a space', 'a\r\nb', 'a b', 'a b'],
    ['a lone CR is a space', 'a\rb', 'a b', 'a b'],
    ['an escape is shown as ␛', 'a\x1b[31mb', 'a␛[31mb', 'a␛[31mb'],
    ['Cyrillic as is', 'ООО «Ромашка»', 'ООО «Ромашка»', 'ООО «Ромашка»'],
  ])('%s', (_name, name, raw, parsed) => {
    const out = csv(one(name, 'r'));
    expect(out).toContain(`black,${raw},2024-03-01,`);
    expect(parseCsv(out)[1][1]).toBe(parsed);
  });

  it.each([
    ['=', '=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ['+', '+1+2', `'+1+2`],
    ['-', '-1+2', `'-1+2`],
    ['@', '@SUM(A1:A2)', `'@SUM(A1:A2)`],
    ['a tab (shown as a space)', '\t=1', `' =1`],
  ])('a cell starting with %s is defused with a leading quote', (_name, name, cell) => {
    const rows = parseCsv(csv(one(name, name)));
    expect(rows[1][1]).toBe(cell);
    expect(rows[1][5]).toBe(cell);
  });

  it('a cell starting with a line break and a formula is defused as one starting with a space', () => {
    expect(parseCsv(csv(one('\r=1', 'r')))[1][1]).toBe("' =1");
    expect(parseCsv(csv(one('\n@SUM(A1)', 'r')))[1][1]).toBe("' @SUM(A1)");
  });

  it('a formula in the middle of a cell is left alone', () => {
    expect(parseCsv(csv(one('Acme =1+1', 'r')))[1][1]).toBe('Acme =1+1');
  });

  it('a defused cell with a comma and quotes is still quoted correctly', () => {
    const out = csv(one('=1,"2"', 'r'));
    expect(out).toContain(`black,"'=1,""2""",`);
    expect(parseCsv(out)[1][1]).toBe(`'=1,"2"`);
  });

  it('several reasons, rules and evidence in one cell each', () => {
    const v = verdict('Acme', 'black', '2024-03-01', [
      finding('B1', 'black', 'one', '2024-03-01', ['incident:a']),
      finding('B2', 'black', 'two', '2024-02-01', ['incident:a', 'incident:b']),
      finding('B1', 'black', 'three', '2024-01-01', ['check:4']),
    ], []);
    expect(parseCsv(csv(company(v)))[1]).toEqual(['black', 'Acme', '2024-03-01', 'no', 'B1 B2', 'one; two; three', 'incident:a incident:b check:4']);
  });

  it('a pinned company says so', () => {
    const v = verdict('Acme', 'white', '2024-03-01', [finding('pin', 'white', 'kind', '2024-03-01', [])], [], true);
    expect(parseCsv(renderCsvLists({ black: [], white: [company(v)], watch: [] }))[1]).toEqual([
      'white', 'Acme', '2024-03-01', 'yes', 'pin', 'pinned by the author: kind', '',
    ]);
  });
});

describe('text serialised without the library searching where nothing needs an escape', () => {
  // The text handler returns a text as it is where no pattern the library escapes can match in
  // it; anything else is the library's. Whatever the text and wherever it stands, the page must
  // be the very one the library's own handler makes.
  const ALPHABET = [...' \t\r\n!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~', 'a', 'Z', '0', '9', 'é', 'ж', '\u007f', 'www.', 'http:', 'ftp:', 'mailto:', 'x@y', '&amp;', '1.', '- ', '# ', '> ', '```', '~~', '__', '**', '![', ']('];
  // A small generator with a seed: the same texts at every run.
  function texts(n: number, seed: number): string[] {
    let state = seed;
    const next = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 8) / 2 ** 24;
    return Array.from({ length: n }, () => Array.from({ length: Math.floor(next() * 9) }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join(''));
  }
  const t = (value: string) => ({ type: 'text' as const, value });
  const places: [string, (s: string) => RootContent[]][] = [
    ['a table cell', (s) => [{ type: 'table', align: [null, null, null], children: [{ type: 'tableRow', children: ['a', s, 'b'].map((c) => ({ type: 'tableCell' as const, children: [t(c)] })) }, { type: 'tableRow', children: [s, '', s].map((c) => ({ type: 'tableCell' as const, children: c ? [t(c)] : [] })) }] }]],
    ['a paragraph', (s) => [{ type: 'paragraph', children: [t(s)] }, { type: 'paragraph', children: [t(`x${s}`)] }]],
    ['a heading', (s) => [{ type: 'heading', depth: 2, children: [t(s)] }]],
    ['a list item', (s) => [{ type: 'list', ordered: false, spread: false, children: [{ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [t(s)] }] }] }]],
  ];
  const corpus = [...NASTY.map(([, s]) => s), ...ALPHABET, ...texts(4000, 20261206)];

  it.each(places)('in %s, for every text of a corpus of hostile and random ones', (_, tree) => {
    const differing = corpus.filter((s) => {
      const root = { type: 'root' as const, children: tree(s) };
      return toMarkdown(root, markdownOptions()) !== toMarkdown(root, markdownOptions({ libraryText: true }));
    });
    expect(differing).toEqual([]);
  });

  it('leaves most of the texts of a corpus to the library (the comparison above is not of plain words only)', () => {
    const escaped = corpus.filter((s) => {
      const root = { type: 'root' as const, children: [{ type: 'paragraph' as const, children: [t(s)] }] };
      return toMarkdown(root, markdownOptions({ libraryText: true })).trimEnd() !== s;
    });
    expect(escaped.length).toBeGreaterThan(corpus.length / 2);
  });
});

describe('a company in detail says how its verdict was reached, as `vetted why` does', () => {
  const NOW = Date.parse('2026-06-01T00:00:00Z');
  /** The detail of one company, judged by the policy, on a page in `lang`. */
  function detail(e: ReturnType<typeof evidence>, lang: Lang = 'en'): { page: string; o: Outline } {
    setCatalog(lang === 'ru' ? ru : en);
    const v = judgeCompany(e, undefined, NOW);
    const c = { entry: entryOf(v), verdict: v, incidents: [] };
    const lists = { black: [], white: [], watch: [], [v.list]: [c] } as unknown as Record<ListName, MarkdownCompany[]>;
    const page = renderMarkdownLists({ date: '2026-06-01', lists, detail: true, describeEvent, keep: true });
    return { page, o: outline(plain, page) };
  }
  /** The lines of the page from its company's heading on. */
  const companyPart = (page: string) => page.slice(page.indexOf('\n### '));
  const refusedByPolicy = incident({ id: 'lost', title: 'lost parcel', opened: '2015-01-01', events: [refusal({ at: '2015-01-02', policy: true, text: 'no refunds for lost parcels' })] });
  const fixed = (id: string, at: string) => incident({ id, title: `fixed ${id}`, opened: at, events: [resolution('resolved', at)] });

  it('a check set aside beside a deed is said not to count, and why, and the deed decides', () => {
    const { page, o } = detail(evidence({ incidents: [refusedByPolicy], checks: [check({ id: 'acme-check-1', at: '2016-03-01', score: 92 })] }));
    const part = companyPart(page);
    expect(o.paragraphs).toContain('Decided by: B1: refused as company policy: "no refunds for lost parcels" (lost parcel) (2015-01-02; incident:lost)');
    expect(o.paragraphs.some((p) => p.startsWith('(B1: one rude employee is not the company'))).toBe(true);
    expect(o.headings).toContainEqual({ level: 4, text: 'Not counted (1): what a check says, beside what the company did' });
    expect(o.paragraphs).toContain(en.page.setAsideWhy);
    // The passed check is listed as not counted, never among the findings that decide.
    const w3 = part.indexOf('- W3: the pre-purchase check (general) on 2016-03-01 scored 92: go');
    expect(w3).toBeGreaterThan(part.indexOf('#### Not counted'));
    expect(part.indexOf('#### Not counted')).toBeGreaterThan(part.indexOf('- B1: '));
    expect(o.paragraphs).toContain('Against (black rules that hold): 1');
    expect(o.paragraphs).toContain('For (white rules that hold): none');
  });

  it('a failed check set aside beside a good recovery: the recovery decides the white verdict', () => {
    const { page, o } = detail(evidence({ incidents: [fixed('ok', '2020-01-02')], checks: [check({ at: '2026-01-01', score: 22 })] }));
    expect(o.paragraphs).toContain('Decided by: W1: put things right without a fight (fixed ok) (2020-01-02; incident:ok)');
    expect(companyPart(page).indexOf('- B4: ')).toBeGreaterThan(companyPart(page).indexOf('#### Not counted (1)'));
  });

  it.each([
    ['a tie of one day goes to black', '2015-01-02T20:00', 'black', 'Both sides hold; the newest evidence decides (black on a tie): black evidence from 2015-01-02.'],
    ['newer white evidence wins', '2015-02-03', 'white', 'Both sides hold; the newest evidence decides (black on a tie): white evidence from 2015-02-03.'],
  ])('where both sides hold, it says which evidence decided: %s', (_name, at, list, said) => {
    const { o } = detail(evidence({ incidents: [{ ...refusedByPolicy, events: [...refusedByPolicy.events, resolution('unresolved', '2015-01-02T09:00')] }, fixed('ok', at)] }));
    expect(o.paragraphs).toContain(said);
    expect(o.paragraphs.find((p) => p.startsWith('Decided by:'))).toMatch(list === 'black' ? /^Decided by: B1: / : /^Decided by: W1: /);
    expect(o.paragraphs).toContain('Against (black rules that hold): 1');
    expect(o.paragraphs).toContain('For (white rules that hold): 1');
  });

  it('in Russian too', () => {
    const { o } = detail(evidence({ incidents: [refusedByPolicy], checks: [check({ at: '2016-03-01', score: 92 })] }), 'ru');
    expect(o.paragraphs).toContain('Решило: B1: отказали, сославшись на политику компании: «no refunds for lost parcels» (lost parcel) (02.01.2015; incident:lost)');
    expect(o.headings).toContainEqual({ level: 4, text: 'Не решает (1): слова проверки рядом с делами компании' });
    expect(o.paragraphs).toContain(ru.page.setAsideWhy);
    expect(o.paragraphs).toContain('Против (правила чёрного списка): 1');
  });
});
