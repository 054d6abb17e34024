// Letters from the Volgatelecom story of the seeds: every kind, language and jurisdiction,
// with the honesty rules checked on each.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { claimBeforeRegulator, composeLetter, defaultKind, lettersTo, missingFacts, sizeText, type LetterRequest, type MissingFact } from '../../src/domain/letter.js';
import { guillemets, lettersWords, replyPromiseIn, sentNoteIn } from '../../src/domain/letter-words.js';
import { parseLetterTemplate, renderLetter, markdownValue, type LetterFormat } from '../../src/domain/letter-format.js';
import { LETTER_KINDS, type JurisdictionPack, type LetterKind } from '../../src/domain/law.js';
import { REPLY_WORDS_HEADS } from '../../src/domain/incident.js';
import { letterOfDeadline, promisesOf } from '../../src/domain/incident.js';
import { timeZoneChanged } from '../../src/domain/dates.js';
import { loadPacks } from '../../src/formats/law-file.js';
import { projectDir } from '../../src/formats/project-files.js';
import type { Incident, IncidentEvent } from '../../src/domain/types.js';
import { SHARED } from '../helpers/cli.js';
import { incident as makeIncident, contact, promise, escalation, refusal, apology, explanation, compensation, note, resolution } from '../helpers/builders.js';

const refusedAt = (level: 'quality' | 'management' | 'regulator') => refusal({ at: '2024-01-02T10:00', level });

const packs = await loadPacks();
const NOW = new Date(2026, 11, 2, 12).getTime();
const seeds = parse(readFileSync(join(SHARED, 'scenarios', 'seeds.yaml'), 'utf8')) as { incidents: (Incident & { events: IncidentEvent[] })[] };
const seed = seeds.incidents.find((i) => i.id === 'volga-2012-07')!;
/** The story as the store holds it: the company by its display name, events in time order. */
const volga: Incident = makeIncident({ ...seed, company: 'Volgatelecom', fault: 'company' });
/** The same story after a claim was sent by letter and never answered. */
const volgaWritten: Incident = makeIncident({
  ...volga,
  events: [
    ...volga.events,
    contact({ at: '2012-07-23T10:00', channel: 'letter', level: 'management', note: 'sent a formal claim' }),
    // Closed before the letter went, the incident would count the reply as kept: the user marks it.
    promise({ at: '2012-07-23T10:00', text: 'a reply to my formal claim of 2012-07-23', due: '2012-08-22', level: 'management', kept: false }),
  ],
});

function template(lang: 'en' | 'ru', kind: LetterKind, format: LetterFormat = 'md') {
  const file = join(projectDir('templates', 'letters/en/claim.md'), 'letters', lang, `${kind}.md`);
  const parsed = parseLetterTemplate(readFileSync(file, 'utf8'), format);
  if ('errors' in parsed) throw new Error(`${file}: ${parsed.errors[0].fault.kind} at line ${parsed.errors[0].line}`);
  return parsed.nodes;
}

function request(kind: LetterKind, lang: 'en' | 'ru', jurisdiction: string, i: Incident = kind === 'regulator' ? volgaWritten : volga): LetterRequest {
  return {
    incident: i,
    kind,
    lang,
    pack: packs.get(jurisdiction)!,
    category: 'internet provider',
    now: NOW,
    from: lang === 'ru' ? 'Дмитрий Иванов' : 'Dmitry Ivanov',
    account: '0123456789',
    demand: 'recalculation',
    amount: 500,
    currency: 'RUB',
    allowUnverified: false,
    enclosures: [{ name: 'receipt-july.pdf', size: 48_213 }],
    // Without a jurisdiction there is no regulator to name: the user names one.
    ...(kind === 'regulator' && jurisdiction === 'none' ? { to: lang === 'ru' ? 'Уполномоченному по защите прав потребителей' : 'the consumer ombudsman' } : {}),
  };
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** How a letter writes a time of the record, worked out here independently. */
function shown(text: string, lang: 'en' | 'ru'): string {
  const [, y, m, d, hm] = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?/.exec(text)!;
  const day = lang === 'ru' ? `${d}.${m}.${y}` : `${Number(d)} ${EN_MONTHS[Number(m) - 1]} ${y}`;
  return hm ? `${day} ${hm}` : day;
}

describe('letters of the Volgatelecom story', () => {
  const combos = LETTER_KINDS.flatMap((kind) => (['en', 'ru'] as const).flatMap((lang) => ['ru', 'uk', 'eu', 'us', 'none'].map((j) => [kind, lang, j] as const)));

  it.each(combos)('%s in %s under %s', (kind, lang, j) => {
    const req = request(kind, lang, j);
    expect(missingFacts(req)).toEqual([]);
    const letter = composeLetter(req);
    const text = renderLetter(template(lang, kind), letter.scope, 'md');
    expect(text).toMatchSnapshot();

    // No placeholder is left, and no gap where a value should be.
    expect(text).not.toMatch(/\{\{|\}\}/);
    expect(text).not.toMatch(/undefined|null|NaN|\[object/);
    // Every broken promise of the company's appears with the date it was made and its deadline;
    // the reply deadline of the customer's own letter is told among the letters, as no promise of theirs.
    const broken = promisesOf(req.incident, NOW).filter((p) => p.state === 'broken');
    const theirs = broken.filter((p) => !letterOfDeadline(req.incident.events, p.event));
    expect(theirs.length).toBeGreaterThanOrEqual(4);
    for (const p of theirs) {
      expect(text).toContain(shown(p.event.at, lang));
      expect(text).toContain(shown(p.event.due!, lang));
      expect(text).toContain(p.event.text!);
    }
    for (const p of broken.filter((x) => !theirs.includes(x))) {
      expect(text).not.toContain(p.event.text!);
      expect(text).toContain(shown(p.event.due!, lang));
    }
    // Every cited rule is in its pack as verified; no other rule of the pack is quoted.
    const pack = packs.get(j)!;
    for (const rule of letter.cited) expect(pack.rules.find((r) => r.id === rule.id)?.status).toBe('verified');
    for (const rule of pack.rules.filter((r) => !letter.cited.includes(r))) expect(text).not.toContain(rule.article[lang]);
    const asOf = lang === 'ru' ? /по состоянию на \d{2}\.\d{2}\.\d{4}/ : /Legal basis as of \d+ \w+ \d{4}/;
    if (letter.cited.length) expect(text).toMatch(asOf);
    else expect(text).not.toMatch(asOf);
    expect(text).not.toContain(lang === 'ru' ? 'НЕ ПРОВЕРЕНО' : 'NOT VERIFIED');
    // The sender, the enclosure and the demanded sum are there; a letter to a regulator says the company was written to.
    expect(text).toContain(req.from!);
    expect(text).toContain('receipt-july.pdf');
    expect(text).toMatch(/500[.,]00/);
    if (kind === 'regulator') expect(text).toContain(shown('2012-07-23', lang));
  });

  it('cites the telecom claim term in a Russian claim, as a претензия, marked as not verified', () => {
    const letter = composeLetter({ ...request('claim', 'ru', 'ru'), allowUnverified: true });
    expect(letter.cited.map((r) => r.id)).toEqual(['telecom-claim-30-days']);
    const text = renderLetter(template('ru', 'claim'), letter.scope, 'md');
    expect(text).toContain('# ПРЕТЕНЗИЯ');
    expect(text).toContain('ТРЕБУЮ');
    expect(text).toContain('статья 55 Федерального закона от 07.07.2003 № 126-ФЗ «О связи» (со дня регистрации претензии) (не проверено)');
    expect(text).toContain('НЕ ПРОВЕРЕНО: ссылки на закон с пометкой «(не проверено)» не сверены с официальными текстами');
    expect(text).not.toMatch(/по состоянию на/);
    expect(letter.replyBy).toBe('2027-01-01');
  });

  // Every kind and language: a rule nobody has checked is cited only when allowed, marked as
  // such, with a notice to the sender and its source, and never with a date "as of".
  it.each(LETTER_KINDS.flatMap((kind) => (['en', 'ru'] as const).map((lang) => [kind, lang] as const)))('%s in %s with unverified rules allowed', (kind, lang) => {
    const req = { ...request(kind, lang, 'ru'), allowUnverified: true };
    const letter = composeLetter(req);
    const text = renderLetter(template(lang, kind), letter.scope, 'md');
    const unverified = letter.cited.filter((r) => r.status !== 'verified');
    const notice = lang === 'ru' ? 'НЕ ПРОВЕРЕНО' : 'NOT VERIFIED';
    for (const r of unverified) {
      expect(text).toContain(`${r.article[lang]} ${lang === 'ru' ? '(не проверено)' : '(not verified)'}`);
      expect(text).toContain(r.source);
    }
    // A claim and a regulator letter of a telecom case have the operator's term to cite.
    if (kind === 'claim' || kind === 'regulator') expect(unverified.length).toBeGreaterThan(0);
    if (unverified.length) expect(text).toContain(notice);
    else expect(text).not.toContain(notice);
    expect(text).not.toMatch(lang === 'ru' ? /по состоянию на/ : /Legal basis as of/);
  });

  it('cites a rule read in its source plainly, with the date it stands as of', () => {
    const req = request('claim', 'en', 'ru');
    req.pack = { ...req.pack, rules: req.pack.rules.map((r) => (r.id === 'telecom-claim-30-days' ? { ...r, status: 'verified' as const, verified_on: '2026-11-30', override: true } : r)) };
    const text = renderLetter(template('en', 'claim'), composeLetter(req).scope, 'md');
    expect(text).toContain('Article 55 of Federal Law No. 126-FZ of 7 July 2003 "On Communications" (counted from the claim\'s registration) (your override):');
    expect(text).toContain('Legal basis as of 30 November 2026.');
    expect(text).not.toContain('not verified');
    expect(text).not.toContain('NOT VERIFIED');
  });

  it('says "(your override)" beside a rule the user changed', () => {
    const req = { ...request('claim', 'en', 'ru'), allowUnverified: true };
    req.pack = { ...req.pack, rules: req.pack.rules.map((r) => (r.id === 'telecom-claim-30-days' ? { ...r, value: 20, override: true } : r)) };
    const text = renderLetter(template('en', 'claim'), composeLetter(req).scope, 'md');
    expect(text).toContain('(your override)');
    expect(text).toContain('within 20 days');
  });

  it('cites the silence: an earlier letter left unanswered past its deadline', () => {
    const text = renderLetter(template('en', 'escalation'), composeLetter(request('escalation', 'en', 'none', volgaWritten)).scope, 'md');
    expect(text).toContain('23 July 2012 (letter): no answer by 22 August 2012');
  });
});

describe('the next kind of letter', () => {
  it.each([
    ['nothing escalated yet: a complaint', makeIncident({ events: [contact({})] }), 'complaint'],
    ['a supervisor failed: an escalation to the complaints department', volga, 'escalation'],
    ['the complaints department failed: an escalation to management', makeIncident({ events: [escalation('quality'), refusedAt('quality')] }), 'escalation'],
    ['management failed and nothing was written: a claim first', makeIncident({ events: [escalation('management'), refusedAt('management')] }), 'claim'],
    ['management failed after a letter: the regulator', volgaWritten, 'regulator'],
    ['the regulator failed: a claim before court', makeIncident({ events: [escalation('regulator'), refusedAt('regulator')] }), 'claim'],
    // As `due` reads the ladder: a level that has not failed is written to, not over.
    ['a supervisor whose promise still runs: a complaint, not over their head', makeIncident({ events: [escalation('supervisor'), promise({ at: '2024-01-01T11:00', due: '2024-01-05T10:00', level: 'supervisor' })] }), 'complaint', new Date(2024, 0, 2).getTime()],
    ['the same supervisor once the promise is broken: an escalation', makeIncident({ events: [escalation('supervisor'), promise({ at: '2024-01-01T11:00', due: '2024-01-05T10:00', level: 'supervisor' })] }), 'escalation', new Date(2024, 0, 6).getTime()],
    ['management that has not failed: an escalation to it, not a claim', makeIncident({ events: [escalation('management')] }), 'escalation'],
  ])('%s', (_name, i, kind, now = NOW) => {
    expect(defaultKind(i, now)).toBe(kind);
  });

  it('says a claim comes first only where due names the regulator: not before court, nor after a letter', () => {
    expect(claimBeforeRegulator(makeIncident({ events: [escalation('management'), refusedAt('management')] }), NOW)).toBe(true);
    expect(claimBeforeRegulator(makeIncident({ events: [escalation('regulator'), refusedAt('regulator')] }), NOW)).toBe(false);
    expect(claimBeforeRegulator(volgaWritten, NOW)).toBe(false);
  });

  it('sees letters and emails to the company, and whether they were answered', () => {
    const i = makeIncident({ events: [contact({ at: '2024-01-02T10:00', channel: 'email' }), { at: '2024-01-05T10:00', type: 'apology' }] });
    expect(lettersTo(i).map((l) => l.answeredAt)).toEqual(['2024-01-05T10:00']);
    expect(lettersTo(volgaWritten).map((l) => [l.event.at, l.due, l.answeredAt])).toEqual([['2012-07-23T10:00', '2012-08-22', undefined]]);
  });
});

describe('honesty', () => {
  // A fact needed only with some values of another still missing is named with them: `--amount if --demand refund|…`.
  const named = (m: MissingFact) => (m.onlyWith ? `${m.flag} if ${m.onlyWith.flag} ${m.onlyWith.values.join('|')}` : m.flag);
  /** The none pack with a regulator for telecom alone, as a user's pack may name some. */
  const partial: JurisdictionPack = { ...packs.get('none')!, regulators: { telecom: { en: 'the Telecom Board', ru: 'Совет по связи' } } };
  it.each([
    ['complaint', {}, ['--from']],
    ['claim', { from: 'x' }, ['--account', '--demand', '--amount if --demand refund|recalculation|compensation', '--currency if --demand refund|recalculation|compensation']],
    ['claim', { from: 'x', amount: 5 }, ['--account', '--demand', '--currency']],
    ['claim', { from: 'x', currency: 'EUR' }, ['--account', '--demand', '--amount if --demand refund|recalculation|compensation']],
    ['claim', { from: 'x', account: '1', demand: 'refund' }, ['--amount', '--currency']],
    ['claim', { from: 'x', account: '1', demand: 'refund', amount: 5 }, ['--currency']],
    ['claim', { from: 'x', account: '1', demand: 'repair' }, []],
    ['complaint', { from: 'x', demand: 'refund' }, ['--amount', '--currency']],
    ['regulator', { from: 'x', category: null }, ['--case']],
    ['regulator', { from: 'x', category: null, pack: packs.get('none')! }, ['--to']],
    ['regulator', { from: 'x', category: null, pack: packs.get('none')!, to: 'the ombudsman' }, []],
    ['regulator', { from: 'x', category: null, pack: partial }, ['--case', '--to if --case goods|services|finance']],
    ['regulator', { from: 'x', case: 'goods', pack: partial }, ['--to']],
    ['regulator', { from: 'x', case: 'telecom', pack: partial }, []],
  ] as const)('a %s letter with %j needs %j', (kind, given, flags) => {
    const req = { ...request(kind, 'en', 'ru'), from: undefined, account: undefined, demand: undefined, amount: undefined, currency: undefined, to: undefined, ...given } as LetterRequest;
    expect(missingFacts(req).map(named)).toEqual(flags);
  });

  it('keeps a hostile note literal in markdown and in text', () => {
    const note = '{{from}} {{#law}}x{{/law}} **bold** _it_ [link](http://evil.example) <b>html</b> &amp; | pipe\n# heading\n- item\n1. one\n\u001b[31mred\u001b[0m';
    const i = makeIncident({ ...volga, events: [...volga.events, { at: '2012-07-21T10:00', type: 'note', text: note }] });
    const req = request('complaint', 'en', 'none', i);
    const md = renderLetter(template('en', 'complaint'), composeLetter(req).scope, 'md');
    const txt = renderLetter(template('en', 'complaint', 'txt'), composeLetter(req).scope, 'txt');
    const visible = note.replace(/\u001b/g, '\u241b');
    expect(txt).toContain(`Note: ${visible}`);
    expect(txt).not.toContain('\u001b');
    expect(txt).not.toContain('## ');
    // Rendered as a markdown reader sees it: the same characters, no link, emphasis or HTML.
    const html = new MarkdownIt().render(md);
    expect(html).not.toMatch(/<a |<strong>|<em>|<b>|<h1>heading|<li>item|<ol/);
    const textOf = (h: string) => h.replace(/<br>\n?/g, '\n').replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    expect(textOf(html)).toContain(`Note: ${visible}`);
  });

  it('shows the characters that show nothing as every other output does, in markdown and in text: a name, a title, a note, an enclosure', () => {
    const flag = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}';
    const i = makeIncident({ ...volga, company: 'Ac\u200bme', title: 'Late\u2028again\u2029', events: [...volga.events, { at: '2012-07-21T10:00', type: 'note', text: `see\ufeffhere \u{E0041}\u{E0042} ${flag}` }] });
    const req = { ...request('complaint', 'en', 'none', i), enclosures: [{ name: 'zw\u200bsp.txt', size: 1 }] };
    const md = renderLetter(template('en', 'complaint'), composeLetter(req).scope, 'md');
    const txt = renderLetter(template('en', 'complaint', 'txt'), composeLetter(req).scope, 'txt');
    const html = new MarkdownIt().render(md);
    for (const text of [txt, html]) {
      // Nothing unseen but the flag's tags, which draw the flag of England.
      expect(text.replaceAll(flag, '')).not.toMatch(/[\u200b\u2028\u2029\ufeff\u{E0000}-\u{E007F}]/u);
      for (const shown of ['Ac&lt;U+200B&gt;me', 'Late&lt;U+2028&gt;again&lt;U+2029&gt;', `see&lt;U+FEFF&gt;here &lt;U+E0041&gt;&lt;U+E0042&gt; ${flag}`, 'zw&lt;U+200B&gt;sp.txt']) {
        expect(text).toContain(text === txt ? shown.replace(/&lt;/g, '<').replace(/&gt;/g, '>') : shown);
      }
    }
  });

  it('escapes block syntax only where a value starts a line', () => {
    expect(markdownValue('12.07.2012', true)).toBe('12.07.2012');
    expect(markdownValue('1. one', true)).toBe('1\\. one');
    expect(markdownValue('1. one', false)).toBe('1. one');
    expect(markdownValue('# x', true)).toBe('\\# x');
    expect(markdownValue('a\n- b')).toBe('a  \n\\- b');
  });

  it('keeps a value with line breaks and blank lines in the heading, paragraph or list item it stands in', () => {
    expect(markdownValue('a\n\n\nb\n')).toBe('a  \nb');
    expect(markdownValue('a\n  \n# b', false, '# Complaint: ')).toBe('a \\# b');
    // A first line that is blank would leave a list item empty, and the rest out of the list.
    expect(markdownValue('\n  \nlead', true, '- ')).toBe('lead');
    // Dashes however spaced make a rule; a line of = or - under a text, a heading.
    expect(['-- -', '--  -', '-- --', '---', '==', ' - - -'].map((l) => markdownValue(`a\n${l}`))).toEqual(['a  \n\\-- -', 'a  \n\\--  -', 'a  \n\\-- --', 'a  \n\\---', 'a  \n\\==', 'a  \n \\- - -']);
    // A heading's is one line wherever it stands, and a closing run of #s stays in it.
    expect(markdownValue('p1\np2 #', false, '- ## ')).toBe('p1 p2 \\#');
    expect(markdownValue('p1\np2', false, '> # ')).toBe('p1 p2');
    expect(markdownValue('p1\np2', false, '#')).toBe('p1  \np2');
    expect(markdownValue('p1\np2', false, '\t## ')).toBe('p1 p2');
    expect(markdownValue('p1\np2', false, '    - ## ')).toBe('p1 p2');
    expect(markdownValue('p1\np2', false, '| t | ')).toBe('p1 p2');
    // A table's delimiter row, after a pipe in the text.
    expect(['-:', ':-:', ' ---:', ':-'].map((l) => markdownValue(`a|b\n${l}`))).toEqual(['a\\|b  \n\\-:', 'a\\|b  \n\\:-:', 'a\\|b  \n \\---:', 'a\\|b  \n\\:-']);
    // A line of digits stays on the line before: with the template's ". " after it, it would start a list.
    expect(markdownValue('Router broken\n1')).toBe('Router broken 1');
    // At a line's start, after the template's own indentation, a value's leading blanks would open a code block.
    expect(markdownValue('    spaced.txt', true, '-  ')).toBe('spaced.txt');
    expect(markdownValue('    spaced.txt', false, 'Files: ')).toBe('    spaced.txt');
    const title = 'Broken\n# Heading injected\n- item';
    const note = 'line one\nline two\n\n# not a heading\n\n  \n- nor an item';
    const promise = 'refund\n\n## in 3 days';
    const i = makeIncident({
      ...volga,
      title,
      events: [...volga.events, { at: '2012-07-21T10:00', type: 'note', text: note }, { at: '2012-07-21T11:00', type: 'promise', text: promise, due: '2012-07-22T11:00' }],
    });
    const md = renderLetter(template('en', 'complaint'), composeLetter(request('complaint', 'en', 'none', i)).scope, 'md');
    const tokens = new MarkdownIt().parse(md, {});
    const headings = tokens.filter((t, k) => t.type === 'inline' && tokens[k - 1].type === 'heading_open');
    expect(headings[0].content).toContain('Broken \\# Heading injected \\- item');
    expect(tokens.filter((t) => t.type === 'heading_open' && t.tag === 'h1')).toHaveLength(1);
    // Every event is one item of the timeline, its lines within it.
    const items = tokens.flatMap((t, k) => (t.type === 'inline' && tokens[k - 2]?.type === 'list_item_open' ? [t.content] : []));
    expect(items.find((c) => c.includes('line one'))).toMatch(/line one {2}\nline two {2}\n\\# not a heading {2}\n\\- nor an item$/);
    // In the timeline, and among the promises broken (made after the fix, it is not settled by it).
    expect(items.filter((c) => c.includes('“refund'))).toEqual([expect.stringContaining('“refund  \n\\## in 3 days”'), expect.stringContaining('“refund  \n\\## in 3 days”, promised on')]);
    expect(tokens.filter((t) => t.type === 'heading_open')).toHaveLength(md.split('\n').filter((l) => /^#{1,6} /.test(l)).length);
  });
});

describe("a template's line ends", () => {
  it.each(['md', 'txt'] as const)('reads a template saved with Windows line ends (CRLF, or CR alone) as the same template, in %s', (format) => {
    const file = join(projectDir('templates', 'letters/en/claim.md'), 'letters', 'en', 'complaint.md');
    const lf = readFileSync(file, 'utf8');
    const scope = composeLetter(request('complaint', 'en', 'none')).scope;
    const render = (src: string) => {
      const parsed = parseLetterTemplate(src, format);
      if ('errors' in parsed) throw new Error(parsed.errors[0].fault.kind);
      return renderLetter(parsed.nodes, scope, format);
    };
    expect(render(lf.replace(/\n/g, '\r\n'))).toBe(render(lf));
    expect(render(lf.replace(/\n/g, '\r'))).toBe(render(lf));
  });
});

describe('lateness in a letter', () => {
  it('is rounded as due and incident show round it, and a promise marked not kept before its deadline is not late', async () => {
    const { EN, RU } = await import('../../src/domain/letter-words.js');
    const hours = (n: number) => n * 3_600_000;
    // 2 days 21 hours: 3 days, as incident show says (not 2).
    expect(EN.lateBy(hours(69), false)).toBe('fixed only 3 days after this deadline');
    // 27 hours: hours under two days, as due says (not "1 day").
    expect(EN.lateBy(hours(27), true)).toBe('27 hours overdue so far');
    expect(EN.lateBy(40 * 60_000, true)).toBe('40 minutes overdue so far');
    expect(RU.lateBy(hours(27), true)).toBe('просрочка уже 27 часов');
    expect(RU.lateBy(21 * 60_000, true)).toBe('просрочка уже 21 минута');
    expect(RU.lateBy(21 * 60_000, false)).toBe('устранено лишь через 21 минуту после этого срока');
    // Marked not kept with its deadline still ahead: no "1 hour overdue".
    expect(EN.lateBy(0, true)).toBe('marked as not kept before its deadline');
    expect(RU.lateBy(0, true)).toBe('отмечено как невыполненное до срока');
  });
});

describe('counts in a letter', () => {
  it('groups thousands as the rest of the output does, and keeps each language its plural', async () => {
    const { EN, RU } = await import('../../src/domain/letter-words.js');
    const days = (n: number) => n * 86_400_000;
    expect(EN.lateBy(days(2890), true)).toBe('2,890 days overdue so far');
    expect(EN.lateBy(days(2), false)).toBe('fixed only 2 days after this deadline');
    expect(EN.costs.days(999, true)).toBe('999 days without a fix so far');
    expect(RU.lateBy(days(2891), true)).toBe('просрочка уже 2\u00a0891 день');
    expect(RU.costs.days(12_345, false)).toMatch(/^12\u00a0345 дней /);
  });
});

describe('sizeText', () => {
  it('says an enclosure\'s size in the letter\'s language', () => {
    expect(sizeText(900, 'en')).toBe('900 B');
    expect(sizeText(1638, 'en')).toBe('1.6 KB');
    expect(sizeText(5 * 1048576, 'en')).toBe('5.0 MB');
    expect(sizeText(900, 'ru')).toBe('900 Б');
    expect(sizeText(1638, 'ru')).toBe('1,6 КБ');
    expect(sizeText(5 * 1048576, 'ru')).toBe('5,0 МБ');
  });
});

describe('guillemets', () => {
  it('quotes in «», nesting quotes of the text as „“, and never quotes a text typed in «» twice', () => {
    expect(guillemets('не входит')).toBe('«не входит»');
    expect(guillemets('«не входит»')).toBe('«не входит»');
    expect(guillemets('компания «Ростелеком» обещала')).toBe('«компания „Ростелеком“ обещала»');
    expect(guillemets('«Ростелеком» и «МТС»')).toBe('«„Ростелеком“ и „МТС“»');
    expect(guillemets('')).toBe('«»');
    expect(guillemets('"a refund"')).toBe('«a refund»');
    expect(guillemets('сказали "не положено" и ушли')).toBe('«сказали „не положено“ и ушли»');
  });
});

describe("the words `letter --sent` keeps, told in the reader's language", () => {
  const [en, ru] = [lettersWords('en'), lettersWords('ru')];
  it('tells a reply deadline of any kind in the other language, with its date in that language, read from the words', () => {
    for (const kind of LETTER_KINDS) {
      expect(replyPromiseIn(en.replyPromise(kind, '21 November 2026'), 'ru')).toBe(ru.replyPromise(kind, '21.11.2026'));
      expect(replyPromiseIn(en.replyPromise(kind, '1 March 2027'), 'ru')).toBe(ru.replyPromise(kind, '01.03.2027'));
      expect(replyPromiseIn(en.replyPromise(kind, '21 November 2026'), 'en')).toBe(en.replyPromise(kind, '21 November 2026'));
    }
    expect(replyPromiseIn('ответ на мою претензию от 21.11.2026', 'en')).toBe('a reply to my formal claim of 21 November 2026');
    // Russian says a complaint and an escalated one alike.
    expect(replyPromiseIn(ru.replyPromise('escalation', '21.11.2026'), 'en')).toBe('a reply to my complaint of 21 November 2026');
  });

  it('begins every reply deadline it writes with one of the heads by which a promise of a day alone is told for one (REPLY_WORDS_HEADS)', () => {
    for (const w of [en, ru]) for (const kind of LETTER_KINDS) expect(REPLY_WORDS_HEADS.some((h) => w.replyPromise(kind, '21.11.2026').startsWith(h)), `${kind}`).toBe(true);
    expect(REPLY_WORDS_HEADS.map((h) => [en, ru].some((w) => LETTER_KINDS.some((k) => w.replyPromise(k, '').startsWith(h))))).toEqual([true, true]);
  });

  it("keeps a person's own words, and words whose date is not written as the letter writes it", () => {
    for (const text of ['a reply to my complaint', 'a reply to my complaint of 21 Nov 2026', 'a reply to my complaint of 21 November 2026, please', 'a reply to my complaint of 2026-11-21', 'refund in 3 days', '']) expect(replyPromiseIn(text, 'ru')).toBe(text);
    for (const text of ['ответ на мою жалобу от 21.11.2026, пожалуйста', 'ответ на мою жалобу от 1.11.2026', 'ответ на мою жалобу от 21 ноября 2026', 'ответ на мою жалобу от 21.13.2026', 'ответ на мою претензию от 00.00.2026', 'ответ на мою жалобу от 31.11.2026']) expect(replyPromiseIn(text, 'en')).toBe(text);
    expect(replyPromiseIn('a reply to my complaint of 29 February 2027', 'ru')).toBe('a reply to my complaint of 29 February 2027');
    expect(replyPromiseIn('a reply to my complaint of 29 February 2028', 'ru')).toBe('ответ на мою жалобу от 29.02.2028');
  });

  it("tells the note of a letter's contact in the other language, keeping its file's name, and no other note", () => {
    expect(sentNoteIn('sent a complaint to the regulator (regulator-2026-11-21.md)', 'ru')).toBe('отправлена жалоба в надзорный орган (regulator-2026-11-21.md)');
    expect(sentNoteIn('отправлена претензия (claim-2026-11-21.txt)', 'en')).toBe('sent a formal claim (claim-2026-11-21.txt)');
    expect(sentNoteIn('sent a complaint (complaint-2026-11-21.md)', 'en')).toBe('sent a complaint (complaint-2026-11-21.md)');
    for (const note of ['sent a complaint (by fax)', 'sent a complaint', 'sent a complaint (complaint-2026-11-21.md) and called', 'отправлена жалоба (complaint-2026-11-21.pdf)'])
      expect(sentNoteIn(note, note.startsWith('s') ? 'ru' : 'en')).toBe(note);
  });
});

describe('what a letter says of the timeline, and only that', () => {
  const base = (events: IncidentEvent[], opened = '2026-11-01T09:00') => ({ ...request('escalation', 'en', 'uk'), incident: makeIncident({ company: 'Foo', title: 'Router broken', fault: 'company', opened, events }), demand: undefined, amount: undefined });
  const scopeOf = (req: LetterRequest) => composeLetter(req).scope;

  it('lists as asked only the levels the customer went to or was answered at, each from its first time, up the ladder', () => {
    const events = [
      note({ at: '2026-11-01T09:30', text: 'photos taken' }),
      apology({ at: '2026-11-03T10:00', level: 'management' }),
      contact({ at: '2026-11-04T10:00', channel: 'phone', level: 'quality' }),
      escalation('supervisor', '2026-11-05T10:00'),
      refusal({ at: '2026-11-06T10:00', level: 'quality' }),
      contact({ at: '2026-11-07T10:00', channel: 'chat' }),
    ];
    // A note has no level, and management's apology asked nobody: neither is a level asked.
    expect(scopeOf(base(events)).failed).toEqual([
      { level: 'the front line', date: '7 November 2026' },
      { level: 'a supervisor', date: '5 November 2026' },
      { level: 'the complaints (quality) department', date: '4 November 2026' },
    ]);
  });

  it('says the day the problem began, and the day it was first reported, where it was', () => {
    expect(scopeOf(base([]))).toMatchObject({ opened: '1 November 2026', reported: null });
    expect(scopeOf(base([contact({ at: '2026-11-01T18:00', channel: 'phone' })]))).toMatchObject({ opened: '1 November 2026', reported: '1 November 2026' });
    expect(scopeOf(base([note({ at: '2026-11-02T10:00' }), contact({ at: '2026-11-10T10:00', channel: 'phone' })]))).toMatchObject({ opened: '1 November 2026', reported: '10 November 2026' });
    const text = renderLetter(template('en', 'complaint'), scopeOf({ ...base([contact({ at: '2026-11-10T10:00', channel: 'phone' })]), kind: 'complaint' }), 'md');
    expect(text).toContain('a problem that began on 1 November 2026 and that I first reported on 10 November 2026: Router broken.');
    expect(text).not.toContain('I reported on 1 November');
  });

  it.each([
    ['a promise', promise({ at: '2026-11-03T10:00', due: '2026-11-04T10:00' })],
    ['an apology', apology({ at: '2026-11-03T10:00' })],
    ['an explanation', explanation({ at: '2026-11-03T10:00' })],
    ['a refusal', refusal({ at: '2026-11-03T10:00' })],
    ['a compensation', compensation({ at: '2026-11-03T10:00', kind: 'refund' })],
  ])('counts the company told by %s before any contact logged: it spoke of the problem, so it knew', (_name, first) => {
    expect(scopeOf(base([first, escalation('supervisor', '2026-11-06T10:00')]))).toMatchObject({ reported: '3 November 2026' });
  });

  it('counts no one told by a note or a resolution alone', () => {
    expect(scopeOf(base([note({ at: '2026-11-02T10:00' })]))).toMatchObject({ reported: null });
    expect(scopeOf(base([note({ at: '2026-11-02T10:00' }), resolution('resolved', '2026-11-03T10:00')]))).toMatchObject({ reported: null });
    expect(scopeOf(base([note({ at: '2026-11-02T10:00' }), contact({ at: '2026-11-04T10:00', channel: 'phone' })]))).toMatchObject({ reported: '4 November 2026' });
  });
});

describe("a letter's days, counted as the local clock counts them", () => {
  it('gives the days from the opening to the fix across the night the clocks go forward as `incident show` does', () => {
    const tz = process.env.TZ;
    process.env.TZ = 'Europe/Berlin';
    timeZoneChanged();
    try {
      const i = makeIncident({ company: 'B', title: 'b', fault: 'company', opened: '2026-03-27T12:00', events: [contact({ at: '2026-03-27T13:00', channel: 'phone' }), resolution('resolved', '2026-03-29T12:30')] });
      const scope = composeLetter({ ...request('claim', 'en', 'uk'), incident: i, demand: 'compensation', amount: 5, currency: 'EUR' }).scope;
      expect(JSON.stringify(scope.costs)).toContain('2 days from my first report to the fix');
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
      timeZoneChanged();
    }
  });
});
