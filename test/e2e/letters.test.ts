// Letters through the command line: the next letter of the ladder, each kind in both
// languages, sending one and seeing `due` chase the reply, the silence cited by the next
// letter, the user's templates and law overrides, and every refusal.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, SHARED, amazonAnswerFlags, sandbox, type Sandbox } from '../helpers/cli.js';
import { expectOneLineError, json, ok } from '../helpers/expect.js';

const SEEDS = `${SHARED}/scenarios/seeds.yaml`;
const VOLGA = 'volga-2012-07';
const CLAIM_RU = ['--kind', 'claim', '--jurisdiction', 'ru', '--demand', 'recalculation', '--amount', '500', '--currency', 'RUB', '--account', '0123456789'];
/** The same, citing the rules nobody has checked yet (marked so in the letter). */
const CLAIM_RU_UNVERIFIED = [...CLAIM_RU, '--allow-unverified'];

let s: Sandbox;
beforeAll(() => {
  s = sandbox();
  ok(s.run(['import', SEEDS]));
  // An open incident of today's kind: down since October, a promise broken.
  ok(s.run(['incident', 'add', 'Volgatelecom', '--title', 'Internet down again', '--fault', 'company', '--opened', '2026-09-20T10:00']));
  ok(s.run(['incident', 'event', 'volgatelecom-1', 'contact', '--channel', 'phone', '--robot', '--reached-human', '--wait-minutes', '25', '--at', '2026-09-20T10:05']));
  ok(s.run(['incident', 'event', 'volgatelecom-1', 'promise', '--text', 'fixed tomorrow', '--due', '2026-09-21T18:00', '--at', '2026-09-20T10:10']));
  ok(s.run(['incident', 'event', 'volgatelecom-1', 'escalation', '--level', 'supervisor', '--at', '2026-09-22T10:00']));
});
afterAll(() => s.cleanup());

describe('vetted letter', () => {
  it('writes the next letter of the ladder by default: an escalation after a supervisor failed', () => {
    const r = ok(s.run(['letter', VOLGA, '--from', 'Dmitry Ivanov']));
    expect(r.stdout).toMatch(/^Dmitry Ivanov {2}\n/);
    expect(r.stdout).toContain('To: Volgatelecom, complaints (quality) department');
    expect(r.stdout).toContain('# Escalated complaint: Internet down for five days');
    expect(r.stdout).toContain('- 12 July 2012 09:10 — Promised “fixed within 24 hours”, due 13 July 2012 09:10: broken');
    expect(r.stdout).toContain('- a supervisor, from 16 July 2012');
    expect(r.stdout).not.toContain('Legal basis');
  });

  it('says so of an incident with nothing logged, whose letter has an empty account of what happened (in Russian too)', () => {
    ok(s.run(['incident', 'add', 'Quiet Shop', '--title', 'nothing yet', '--opened', '2026-11-01']));
    expect(ok(s.run(['letter', 'quiet-shop-1', '--from', 'D'])).stderr).toMatch(/note: nothing is logged on quiet-shop-1 yet, so the letter's account of what happened is empty; log each call, chat or letter first \(`vetted incident event quiet-shop-1 contact/);
    expect(ok(s.run(['--lang', 'ru', 'letter', 'quiet-shop-1', '--from', 'D'])).stderr).toMatch(/примечание: в обращении quiet-shop-1 пока ничего не записано/);
    ok(s.run(['incident', 'event', 'quiet-shop-1', 'contact', '--channel', 'phone', '--at', '2026-11-02']));
    expect(ok(s.run(['letter', 'quiet-shop-1', '--from', 'D'])).stderr).not.toMatch(/nothing is logged/);
  });

  it('takes a sum as a Russian reader types it, with a decimal comma', () => {
    const args = CLAIM_RU_UNVERIFIED.map((a) => (a === '500' ? '1200,50' : a));
    const r = ok(s.run(['letter', VOLGA, ...args, '--from', 'Дмитрий Иванов', '--lang', 'ru']));
    expect(r.stdout).toMatch(/1\s200,50 RUB/);
  });

  it('writes a Russian претензия; the law of communications, not checked against its source, only when allowed and marked so', () => {
    const strict = ok(s.run(['letter', VOLGA, ...CLAIM_RU, '--from', 'Дмитрий Иванов', '--lang', 'ru']));
    expect(strict.stdout).not.toContain('статья 55');
    expect(strict.stderr).toMatch(/не упомянуто: статья 55 .*не проверена.*http:\/\/pravo\.gov\.ru\/\S+.*--allow-unverified/);
    const r = ok(s.run(['letter', VOLGA, ...CLAIM_RU, '--from', 'Дмитрий Иванов', '--lang', 'ru', '--allow-unverified']));
    expect(r.stdout).toContain('# ПРЕТЕНЗИЯ');
    expect(r.stdout).toContain('Кому: руководству компании Volgatelecom');
    expect(r.stdout).toContain('лицевой счёт (договор) № 0123456789');
    expect(r.stdout).toContain('статья 55 Федерального закона от 07.07.2003 № 126-ФЗ «О связи» (со дня регистрации претензии) (не проверено)');
    expect(r.stdout).toContain('НЕ ПРОВЕРЕНО: ссылки на закон с пометкой «(не проверено)» не сверены с официальными текстами');
    expect(r.stdout).not.toMatch(/по состоянию на/);
    // What to check, from the pack, in the reader's language.
    expect(r.stderr).toMatch(/НЕ ПРОВЕРЕНО: текст нормы \(статья 55 .*\) не сверен с источником\. Перед отправкой проверьте на http:\/\/pravo\.gov\.ru\/\S+: в действующей редакции Федерального закона № 126-ФЗ — что статья 55 даёт оператору 30 дней/);
    expect(r.stderr).not.toMatch(/in the current text/);
    expect(r.stdout).toContain('на сумму 500,00 RUB');
    expect(r.stdout).toContain('- «fixed within 24 hours» — обещано 12.07.2012 09:10, срок 13.07.2012 09:10');
  });

  it('writes plain text with --format txt, and to a file with --out', () => {
    const out = join(s.dir, 'letter.txt');
    const r = ok(s.run(['letter', VOLGA, '--kind', 'complaint', '--from', 'Dmitry Ivanov', '--format', 'txt', '--out', out]));
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`wrote the complaint letter to ${out}`);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('What happened\n\n- 12 July 2012 09:05');
    expect(text).not.toMatch(/^#|  $/m);
  });

  it('says which rules it left out as not verified, and cites them marked so with --allow-unverified', () => {
    const base = ['letter', 'wildberries-kettle', '--kind', 'claim', '--jurisdiction', 'ru', '--case', 'goods', '--demand', 'refund', '--amount', '1200', '--currency', 'RUB', '--account', 'order 77', '--from', 'D'];
    const strict = ok(s.run(base));
    expect(strict.stdout).not.toContain('Article 22');
    expect(strict.stdout).not.toContain('Legal basis');
    expect(strict.stderr).toMatch(/not cited: Article 22 .*not verified.*--allow-unverified/);
    expect(strict.stderr).toMatch(/not cited: Article 23\(1\).*not verified.*--allow-unverified/);
    const loose = ok(s.run([...base, '--allow-unverified']));
    expect(loose.stdout).toContain('Article 22 of the Law of the Russian Federation No. 2300-1 of 7 February 1992 "On the Protection of Consumer Rights" (not verified)');
    expect(loose.stdout).toContain('Article 23(1)');
    expect(loose.stdout).toContain('NOT VERIFIED: the legal references marked "(not verified)" have not been checked against their official texts.');
    expect(loose.stdout).not.toContain('Legal basis as of');
    expect(loose.stderr).toMatch(/NOT VERIFIED: Article 23\(1\) .*check at http:\/\/pravo\.gov\.ru\/\S+: /);
  });

  it('marks a rule the user overrode in law.yaml', () => {
    mkdirSync(s.config, { recursive: true });
    writeFileSync(join(s.config, 'law.yaml'), 'ru:\n  telecom-claim-30-days:\n    value: 20\n    verified_on: 2026-11-30\n');
    try {
      // Read in its source on the date given: the user's own verified rule.
      const r = ok(s.run(['letter', VOLGA, ...CLAIM_RU, '--from', 'D']));
      expect(r.stdout).toContain('(your override)');
      expect(r.stdout).toContain('within 20 days');
      expect(r.stdout).toContain('Legal basis as of 30 November 2026.');
      expect(r.stdout).not.toContain('not verified');
      // Changed but not said to be checked: still not verified.
      writeFileSync(join(s.config, 'law.yaml'), 'ru:\n  telecom-claim-30-days:\n    value: 20\n');
      expect(ok(s.run(['letter', VOLGA, ...CLAIM_RU, '--from', 'D'])).stdout).not.toContain('Article 55');
      writeFileSync(join(s.config, 'law.yaml'), 'ru:\n  telecom-claim-30-days:\n    status: verified\n');
      expect(expectOneLineError(s.run(['letter', VOLGA, ...CLAIM_RU, '--from', 'D']))).toMatch(/law\.yaml: ru\.telecom-claim-30-days\.verified_on: is required of a verified rule/);
      // Read on a day still to come: no letter gives its legal basis "as of" then.
      writeFileSync(join(s.config, 'law.yaml'), 'ru:\n  telecom-claim-30-days:\n    value: 20\n    verified_on: 2099-01-15\n');
      expect(expectOneLineError(s.run(['letter', VOLGA, ...CLAIM_RU, '--from', 'D']))).toMatch(/law\.yaml: ru\.telecom-claim-30-days\.verified_on: is a day still to come/);
      // Nor on a day of a year mistyped long past: no letter gives its legal basis "as of 1 January 1800".
      writeFileSync(join(s.config, 'law.yaml'), 'ru:\n  telecom-claim-30-days:\n    value: 20\n    verified_on: 1800-01-01\n');
      expect(expectOneLineError(s.run(['letter', VOLGA, ...CLAIM_RU, '--from', 'D']))).toMatch(/law\.yaml: ru\.telecom-claim-30-days\.verified_on: is a day before 1900, on which no rule of today's law was read: give the day the rule was read in its source/);
      expect(expectOneLineError(s.run(['letter', VOLGA, ...CLAIM_RU, '--from', 'D', '--lang', 'ru']))).toMatch(/verified_on: это день раньше 1900 года/);
      writeFileSync(join(s.config, 'law.yaml'), 'ru:\n  no-such-rule:\n    value: 20\n');
      expect(expectOneLineError(s.run(['letter', VOLGA, ...CLAIM_RU, '--from', 'D']))).toMatch(/law\.yaml: ru\.no-such-rule: is not a rule of ru/);
      // What to check, in the user's own words: said as written, whatever the reader's language.
      writeFileSync(join(s.config, 'law.yaml'), 'ru:\n  telecom-claim-30-days:\n    to_check: сверить срок с новой редакцией\n');
      const mine = ok(s.run(['letter', VOLGA, ...CLAIM_RU_UNVERIFIED, '--from', 'D', '--lang', 'ru']));
      expect(mine.stderr).toMatch(/НЕ ПРОВЕРЕНО: текст нормы \(статья 55 .*\) не сверен с источником\. .*: сверить срок с новой редакцией\./);
      writeFileSync(join(s.config, 'law.yaml'), 'ru:\n  telecom-claim-30-days:\n    to_check: 5\n');
      expect(expectOneLineError(s.run(['letter', VOLGA, ...CLAIM_RU, '--from', 'D', '--lang', 'ru']))).toMatch(
        /ваши уточнения норм .*law\.yaml: ru\.telecom-claim-30-days\.to_check: должно быть непустым текстом или словарём с текстом на языках en и ru/,
      );
    } finally {
      writeFileSync(join(s.config, 'law.yaml'), '{}\n');
    }
  });

  it("uses the user's template for the kind and language, and --template FILE", () => {
    mkdirSync(join(s.config, 'letters', 'en'), { recursive: true });
    writeFileSync(join(s.config, 'letters', 'en', 'complaint.md'), 'Hello {{company}}, from {{from}}.\n{{#broken}}* {{due}}\n{{/broken}}');
    const r = ok(s.run(['letter', VOLGA, '--kind', 'complaint', '--from', 'D']));
    expect(r.stdout).toBe('Hello Volgatelecom, from D.\n\\* 13 July 2012 09:10\n\\* 14 July 2012 18:05\n\\* 16 July 2012 12:05\n\\* 16 July 2012 23:59\n'.replace(/\\\* /g, '* '));
    const file = join(s.dir, 'mine.md');
    writeFileSync(file, 'Dear {{to}}\n');
    expect(ok(s.run(['letter', VOLGA, '--kind', 'claim', '--from', 'D', '--account', '1', '--demand', 'repair', '--template', file])).stdout).toBe('Dear Volgatelecom, management\n');
  });

  it('writes the same letter from a template saved with Windows line ends (CRLF): every line ends alike, its blank lines collapsed, on stdout, in a file and as text', () => {
    const file = join(s.dir, 'crlf.md');
    writeFileSync(file, '{{from}}\r\n{{#chronology}}\r\n- {{date}} {{text}}\r\n{{/chronology}}\r\n\r\n\r\n\r\nend\r\n');
    const args = ['letter', 'volgatelecom-1', '--kind', 'complaint', '--from', 'D', '--template', file];
    const md = ok(s.run(args)).stdout;
    expect(md).not.toContain('\r');
    expect(md).toMatch(/^D\n- 20 September 2026 10:05 .*\n- 20 September 2026 10:10 .*\n- 22 September 2026 10:00 .*\n\nend\n$/);
    const out = join(s.dir, 'crlf-letter.md');
    ok(s.run([...args, '--out', out]));
    expect(readFileSync(out, 'utf8')).toBe(md);
    expect(ok(s.run([...args, '--format', 'txt'])).stdout).not.toMatch(/\r|\n\n\n/);
  });
});

describe('where the problem stands, in a claim', () => {
  it('says it was not put right as promised only where a promise was broken, and when it was put right', () => {
    ok(s.run(['incident', 'add', 'Standing', '--title', 'broken kettle', '--fault', 'company', '--opened', '2026-11-01 10:00']));
    ok(s.run(['incident', 'event', 'standing-1', 'contact', '--at', '2026-11-01 11:00', '--channel', 'phone']));
    const claim = () => ok(s.run(['letter', 'standing-1', '--kind', 'claim', '--from', 'D', '--account', '1', '--demand', 'repair'])).stdout;
    expect(claim()).toMatch(/broken kettle\. It has not been put right\. I have/);
    expect(ok(s.run(['--lang', 'ru', 'letter', 'standing-1', '--kind', 'claim', '--from', 'D', '--account', '1', '--demand', 'repair'])).stdout).toMatch(/broken kettle\.(?: Впервые мной было сообщено о ней [0-9.]+\.)? Она до сих пор не устранена\. Все/);
    ok(s.run(['incident', 'event', 'standing-1', 'promise', '--at', '2026-11-01 12:00', '--text', 'a new one', '--due', '2026-11-03 10:00']));
    expect(claim()).toMatch(/It was not put right as promised\. I have/);
    ok(s.run(['incident', 'close', 'standing-1', '--outcome', 'resolved', '--at', '2026-11-10 10:00']));
    expect(claim()).toMatch(/It was not put right as promised: only on 10 November 2026\. I have/);
  });

  it('says a problem put right in part was put right only in part, and asks for the rest', () => {
    ok(s.run(['incident', 'add', 'Partly', '--title', 'lost', '--fault', 'company', '--opened', '2026-10-01 09:00']));
    ok(s.run(['incident', 'event', 'partly-1', 'contact', '--channel', 'phone', '--at', '2026-10-01 10:00']));
    ok(s.run(['incident', 'close', 'partly-1', '--outcome', 'partial', '--at', '2026-10-07 10:00']));
    const en = ok(s.run(['letter', 'partly-1', '--kind', 'claim', '--from', 'D', '--account', '1', '--demand', 'replacement'])).stdout;
    expect(en).toMatch(/lost\. It was put right only in part, on 7 October 2026\. I have/);
    expect(en).toMatch(/- 6 days from my first report to the partial fix\n/);
    expect(en).toMatch(/- a fix of what is still not put right\n/);
    expect(en).not.toMatch(/It was put right on \d/);
    const ru = ok(s.run(['--lang', 'ru', 'letter', 'partly-1', '--kind', 'claim', '--from', 'D', '--account', '1', '--demand', 'replacement'])).stdout;
    expect(ru).toMatch(/lost\.(?: Впервые мной было сообщено о ней [0-9.]+\.)? Она была устранена лишь частично, 07\.10\.2026\. Все/);
    expect(ru).toMatch(/- 6 дней от моего первого обращения до частичного устранения проблемы\n/);
  });
});

describe('quotes in what the company said', () => {
  it('are nested in a Russian letter, and a text typed in quotes is quoted once, in every section', () => {
    ok(s.run(['incident', 'add', 'Quoting', '--title', 'q', '--fault', 'company', '--opened', '2026-11-01 10:00']));
    ok(s.run(['incident', 'event', 'quoting-1', 'promise', '--at', '2026-11-01 11:00', '--text', '«вернуть деньги» через «Сбер»', '--due', '2026-11-02 10:00']));
    ok(s.run(['incident', 'event', 'quoting-1', 'refusal', '--at', '2026-11-03 11:00', '--text', '«не положено»']));
    ok(s.run(['incident', 'event', 'quoting-1', 'promise', '--at', '2026-11-03 12:00', '--text', '"a refund"', '--due', '2026-11-04 10:00']));
    const ru = ok(s.run(['--lang', 'ru', 'letter', 'quoting-1', '--kind', 'escalation', '--from', 'D'])).stdout;
    expect(ru).not.toMatch(/««|»»|«"|"»/);
    expect(ru).toMatch(/- «„вернуть деньги“ через „Сбер“» — обещано/);
    expect(ru).toMatch(/: «не положено»\n/);
    const en = ok(s.run(['letter', 'quoting-1', '--kind', 'escalation', '--from', 'D'])).stdout;
    expect(en).toMatch(/- “a refund”, promised on/);
    expect(en).not.toMatch(/“"|"”/);
  });
});

describe('a template of yours that cannot be used', () => {
  it('is listed as unusable, with what is wrong, and a letter of its kind is refused, not written from the built-in one', () => {
    const mine = join(s.config, 'letters', 'en');
    rmSync(join(s.config, 'letters'), { recursive: true, force: true });
    mkdirSync(join(mine, 'escalation.md'), { recursive: true });
    symlinkSync(join(s.dir, 'nowhere.md'), join(mine, 'claim.md'));
    const listed = ok(s.run(['letters', 'list']));
    expect(listed.stdout).toMatch(/^en +escalation +user, unusable +\S*escalation\.md$/m);
    expect(listed.stdout).toMatch(/^en +claim +user, unusable +\S*claim\.md$/m);
    expect(listed.stdout).toMatch(/^en +complaint +built-in /m);
    expect(listed.stderr).toMatch(/escalation\.md is a folder/);
    expect(listed.stderr).toMatch(/there is no template \S*claim\.md/);
    expect(json<{ kind: string; source: string; problem?: string }[]>(s, ['letters', 'list', '--json']).filter((r) => r.problem).map((r) => r.kind)).toEqual(['escalation', 'claim']);
    expect(expectOneLineError(s.run(['letter', VOLGA, '--kind', 'claim', '--from', 'D', '--account', '1', '--demand', 'repair']))).toMatch(/there is no template \S*claim\.md/);
    rmSync(join(s.config, 'letters'), { recursive: true, force: true });
  });

  it('is read from standard input with --template -, and one that cannot be used is named so, with the check that reads it the same way', () => {
    const written = ok(s.run(['letter', VOLGA, '--kind', 'complaint', '--from', 'D', '--template', '-'], { input: 'To {{company}}, from {{from}}.\n' }));
    expect(written.stdout).toBe('To Volgatelecom, from D.\n');
    const refused = expectOneLineError(s.run(['letter', VOLGA, '--kind', 'complaint', '--from', 'D', '--template', '-'], { input: 'To {{compny}}.\n' }));
    // Its one problem is not spoken of as all of them.
    expect(refused).toBe('vetted: the template standard input:1: unknown placeholder {{compny}}; mend it, and check the template again with `vetted letters check -` on the same input.');
    expect(ok(s.run(['letter', VOLGA, '--help'])).stdout).toMatch(/--template <file> +your own template instead of the built-in one \(- reads\s+standard input\)/);
  });

  it('with --template -, a fact the letter needs is asked for on the command line: standard input is the template, and no prompt', () => {
    for (const template of ['-', '/dev/stdin']) {
      const refused = expectOneLineError(s.run(['letter', VOLGA, '--kind', 'complaint', '--template', template], { input: 'To {{company}}, from {{from}}.\n' }));
      expect(refused).toBe(
        'vetted: a complaint letter needs --from (your name, as the letter is signed); give it as a flag on the command line: standard input is the template, so it cannot be asked for there.',
      );
    }
    const ru = expectOneLineError(s.run(['--lang', 'ru', 'letter', VOLGA, '--kind', 'complaint', '--template', '-'], { input: 'To {{company}}.\n' }));
    expect(ru).toMatch(/укажите его флагом в командной строке: стандартный ввод занят шаблоном, и спросить через него нельзя\.$/);
    // A template from a file leaves standard input free: a terminal there would be asked.
    const file = join(s.dir, 'from-file.md');
    writeFileSync(file, 'To {{company}}, from {{from}}.\n');
    expect(expectOneLineError(s.run(['letter', VOLGA, '--kind', 'complaint', '--template', file]))).toMatch(/give it as a flag, or run on a terminal to be asked\.$/);
  });

  it('a value the letter lacks is named with the flag that gives it, in either language', () => {
    const file = join(s.dir, 'needs-account.md');
    writeFileSync(file, 'Account: {{account}}\n\n{{company}}\n');
    const refused = expectOneLineError(s.run(['letter', VOLGA, '--kind', 'complaint', '--from', 'D', '--template', file]));
    expect(refused).toMatch(/this letter has no account for \{\{account\}\} \(line 1\); give it with --account, or put the line inside \{\{#account\}\}/);
    expect(expectOneLineError(s.run(['--lang', 'ru', 'letter', VOLGA, '--kind', 'complaint', '--from', 'D', '--template', file]))).toMatch(/укажите его \(--account\) или поместите строку/);
  });
});

describe('vetted letters check', () => {
  it('refuses an empty template, checked or used, and counts every problem of a broken one as the check does', () => {
    const empty = join(s.dir, 'empty.md');
    writeFileSync(empty, '  \n\n');
    expect(s.run(['letters', 'check', empty])).toMatchObject({ code: 2, stderr: `${empty}:1: the template is empty: it would make a letter of nothing\n` });
    expect(expectOneLineError(s.run(['letter', VOLGA, '--from', 'D', '--template', empty]))).toMatch(/the template is empty: it would make a letter of nothing/);
    const two = join(s.dir, 'two.md');
    writeFileSync(two, '}}\n{{b}}\n');
    expect(expectOneLineError(s.run(['letter', VOLGA, '--from', 'D', '--template', two]))).toMatch(/does not open or close a placeholder; a placeholder is \{\{name\}\} \(and 1 more\); run `vetted letters check .*` to see them all\.$/);
  });

  it('names each unknown placeholder with its line', () => {
    const file = join(s.dir, 'bad.md');
    writeFileSync(file, 'Dear {{to}},\n\n{{#chronology}}\n- {{dat}}: {{text}}\n{{/chronology}}\nSigned {{sender}}\n');
    const r = s.run(['letters', 'check', file]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`${file}:4: unknown placeholder {{dat}}`, `${file}:6: unknown placeholder {{sender}}`]);
    const j = JSON.parse(s.run(['letters', 'check', file, '--json']).stdout);
    expect(j.problems.map((p: { line: number; placeholder: string }) => [p.line, p.placeholder])).toEqual([
      [4, 'dat'],
      [6, 'sender'],
    ]);
  });
  it('names the unknown placeholders of a template whose syntax is wrong as well, with its syntax problems, in the order of their lines', () => {
    const file = join(s.dir, 'broken.md');
    writeFileSync(file, 'Dear {{nope}},\n{{#chronology}}\n- {{date}} {{dat}}\nSigned {{sender}}\n');
    const r = s.run(['letters', 'check', file]);
    expect(r.code).toBe(2);
    // {{dat}} is a field of no list of a letter; {{date}} of the chronology's, though the section is never closed.
    expect(r.stderr.trim().split('\n')).toEqual([
      `${file}:1: unknown placeholder {{nope}}`,
      `${file}:2: {{#chronology}} is never closed with {{/chronology}}`,
      `${file}:3: unknown placeholder {{dat}}`,
      `${file}:4: unknown placeholder {{sender}}`,
    ]);
  });

  it('passes every built-in template', () => {
    for (const lang of ['en', 'ru']) {
      for (const kind of ['complaint', 'escalation', 'claim', 'regulator']) {
        const file = join(import.meta.dirname, '..', '..', 'templates', 'letters', lang, `${kind}.md`);
        // Its result is its output, as `checklists validate` gives it.
        expect(ok(s.run(['letters', 'check', file])).stdout).toBe(`${file}: a valid letter template\n`);
      }
    }
  });
  it("agrees with the letter: a value no option gives outside its section, and a name inside a list's section that is no field of its items, are refused by both", () => {
    const outside = join(s.dir, 'as-of.md');
    writeFileSync(outside, 'x {{legal_as_of}}\n');
    const inList = join(s.dir, 'dates.md');
    writeFileSync(inList, '{{#broken}}[{{date}}|{{made}}]{{/broken}}\n');
    const said = {
      [outside]: '{{legal_as_of}} stands outside {{#legal_as_of}} … {{/legal_as_of}}: no option gives it',
      [inList]: "{{date}} inside {{#broken}} … {{/broken}} is not a field of its items (text, made, due, late)",
    };
    for (const [file, words] of Object.entries(said)) {
      const r = s.run(['letters', 'check', file]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${file}:1: ${words}`);
      expect(expectOneLineError(s.run(['letter', VOLGA, '--kind', 'complaint', '--from', 'D', '--template', file]))).toContain(`${file}:1: ${words}`);
      expect(s.run(['--lang', 'ru', 'letters', 'check', file]).stderr).toMatch(/^\S+:1: \{\{\w+\}\} (стоит вне|внутри) /);
    }
  });

  it('refuses a template with an unknown placeholder when writing a letter', () => {
    const file = join(s.dir, 'bad2.md');
    writeFileSync(file, 'ok\n{{nope}}\n');
    expect(expectOneLineError(s.run(['letter', VOLGA, '--from', 'D', '--template', file]))).toMatch(/bad2\.md:2: unknown placeholder \{\{nope\}\}.*vetted letters check/);
  });
});

describe('sending a letter', () => {
  it('records the letter and its reply deadline; due chases it; the next letter cites the silence', () => {
    const sent = ok(s.run(['letter', 'volgatelecom-1', ...CLAIM_RU_UNVERIFIED, '--from', 'Dmitry Ivanov', '--sent', '--at', '2026-10-01T09:00']));
    expect(sent.stderr).toMatch(/recorded the claim as sent on 2026-10-01 09:00 \(its text is attachment \d+\); the reply is due by 2026-10-31/);
    const shown = json<{ events: { type: string; channel?: string; level?: string; text?: string; due?: string }[]; attachments: { name: string; event: number }[] }>(s, ['incident', 'show', 'volgatelecom-1', '--json']);
    expect(shown.events.filter((e) => e.channel === 'letter')).toEqual([expect.objectContaining({ type: 'contact', level: 'management' })]);
    expect(shown.events).toContainEqual(expect.objectContaining({ type: 'promise', text: 'a reply to my formal claim of 1 October 2026', due: '2026-10-31' }));
    // In Russian, the date as Russian writes it (it stood as 2026-10-01 in Russian text).
    ok(s.run(['--lang', 'ru', 'letter', 'volgatelecom-1', '--kind', 'escalation', '--from', 'D', '--sent', '--at', '2026-10-01T10:00']));
    expect(json<{ events: { text?: string }[] }>(s, ['incident', 'show', 'volgatelecom-1', '--json']).events.map((e) => e.text)).toContain('ответ на мою жалобу от 01.10.2026');
    ok(s.run(['undo']));
    expect(shown.attachments).toEqual([expect.objectContaining({ name: 'claim-2026-10-01.md', event: 4 })]);
    // The letter's text is kept: saved back, it is the letter.
    const id = /attachment (\d+)/.exec(sent.stderr)![1];
    const saved = join(s.dir, 'claim-copy.md');
    ok(s.run(['attachment', 'save', id, '--out', saved]));
    expect(readFileSync(saved, 'utf8')).toBe(sent.stdout);

    const due = json<{ incident: string; broken: { text: string; due: string }[] }[]>(s, ['due', '--json']);
    expect(due.find((d) => d.incident === 'volgatelecom-1')!.broken).toContainEqual(expect.objectContaining({ text: 'a reply to my formal claim of 1 October 2026', due: '2026-10-31' }));

    // Next on the ladder: the regulator, told of the letter left unanswered, and the term that passed.
    const next = ok(s.run(['letter', 'volgatelecom-1', '--jurisdiction', 'ru', '--from', 'Dmitry Ivanov', '--allow-unverified']));
    expect(next.stdout).toContain('To: Roskomnadzor');
    expect(next.stdout).toContain('- 1 October 2026 (letter): no answer by 31 October 2026');
    expect(next.stdout).toContain('Article 55 of Federal Law No. 126-FZ');
    expect(next.stdout).toContain('- claim-2026-10-01.md (');
    // Sending the same letter twice records it once.
    expect(expectOneLineError(s.run(['letter', 'volgatelecom-1', ...CLAIM_RU_UNVERIFIED, '--from', 'Dmitry Ivanov', '--sent', '--at', '2026-10-01T09:00']))).toMatch(/on the timeline of volgatelecom-1 already/);
  });

  it('refuses a sending time in the future, and --at without --sent', () => {
    expect(expectOneLineError(s.run(['letter', 'volgatelecom-1', '--from', 'D', '--sent', '--at', '2099-01-01']))).toMatch(/in the future/);
    expect(expectOneLineError(s.run(['letter', 'volgatelecom-1', '--from', 'D', '--at', '2026-10-01']))).toMatch(/with --sent/);
  });

  it('refuses a channel a letter is not sent by, and a sending time before the incident opened, recording nothing', () => {
    const before = ok(s.run(['export', '--format', 'json'])).stdout.replace(/"exported_at".*\n/, '');
    expect(expectOneLineError(s.run(['letter', 'volgatelecom-1', '--from', 'D', '--sent', '--channel', 'sms']))).toBe('vetted: --channel takes letter, email, not "sms".');
    expect(expectOneLineError(s.run(['letter', 'volgatelecom-1', '--from', 'D', '--sent', '--at', '2001-01-01']))).toMatch(/^vetted: this contact \(2001-01-01\) is before volgatelecom-1 was opened/);
    expect(ok(s.run(['export', '--format', 'json'])).stdout.replace(/"exported_at".*\n/, '')).toBe(before);
    // The channel in the words of the language it is given in.
    ok(s.run(['--lang', 'ru', 'letter', 'volgatelecom-1', '--kind', 'complaint', '--from', 'D', '--sent', '--channel', 'почта', '--at', '2026-10-02T09:00']));
    const events = json<{ events: { type: string; channel?: string; at: string }[] }>(s, ['incident', 'show', 'volgatelecom-1', '--json']).events;
    expect(events.find((e) => e.type === 'contact' && e.at === '2026-10-02T09:00')?.channel).toBe('email');
  });
});

describe('a letter sent earlier', () => {
  it('tells the timeline as it stood when it was sent: nothing logged after it, nor the receipts of later events', () => {
    ok(s.run(['incident', 'add', 'Baz', '--title', 'x', '--fault', 'company', '--opened', '2026-12-01 09:00']));
    ok(s.run(['incident', 'event', 'baz-1', 'promise', '--text', 'p-before', '--due', '2026-12-02 10:00', '--at', '2026-12-01 10:00']));
    ok(s.run(['incident', 'event', 'baz-1', 'apology', '--at', '2026-12-04 10:00']));
    ok(s.run(['incident', 'event', 'baz-1', 'promise', '--text', 'p-after', '--due', '2026-12-04 12:00', '--at', '2026-12-04 11:00']));
    const receipt = join(s.dir, 'later-receipt.pdf');
    writeFileSync(receipt, 'receipt');
    ok(s.run(['incident', 'attach', 'baz-1', receipt, '--event', 'baz-1#3']));
    // The built-in template (a test before this one keeps a complaint template of its own).
    rmSync(join(s.config, 'letters'), { recursive: true, force: true });
    const sent = ok(s.run(['letter', 'baz-1', '--from', 'I', '--sent', '--at', '2026-12-03 10:00'])).stdout;
    expect(sent).toMatch(/^3 December 2026$/m);
    expect(sent).toContain('p-before');
    expect(sent).not.toMatch(/p-after|An apology|later-receipt/);
    expect(sent).toMatch(/^- an apology$/m);
    // The letter written today tells the whole timeline.
    expect(ok(s.run(['letter', 'baz-1', '--from', 'I', '--kind', 'complaint'])).stdout).toMatch(/p-after/);
  });
});

describe("a letter's reply deadline", () => {
  const shown = (id: string) => ok(s.run(['incident', 'show', id])).stdout;
  it('moves with its letter, and goes with it; the letter stays unanswered', () => {
    rmSync(join(s.config, 'letters'), { recursive: true, force: true });
    ok(s.run(['incident', 'add', 'Mover', '--title', 'broken', '--fault', 'company', '--opened', '2026-12-01 09:00']));
    // Addressed to the level it is recorded at (a supervisor's): it was "customer service", the front line.
    expect(ok(s.run(['letter', 'mover-1', '--from', 'I', '--sent', '--channel', 'email', '--at', '2026-12-03 12:00'])).stdout).toMatch(/^To: Mover, head of customer service$/m);
    expect(ok(s.run(['--lang', 'ru', 'letter', 'mover-1', '--from', 'I', '--kind', 'complaint'])).stdout).toMatch(/^Кому: руководителю службы поддержки клиентов компании Mover {2}$/m);
    const moved = ok(s.run(['event', 'edit', 'mover-1#1', '--at', '2026-12-03 11:00']));
    expect(moved.stderr).toMatch(/updated mover-1#1: at 2026-12-03T11:00; its reply deadline mover-1#2 moved with it/);
    expect(shown('mover-1')).toMatch(/#2 {2}2026-12-03 11:00 .*reply deadline "a reply to my complaint of 3 December 2026" \(supervisor\), due 2026-12-17: /);
    const next = ok(s.run(['letter', 'mover-1', '--from', 'I'])).stdout;
    // (Told as due until 17 December 2026 passes, and as unanswered after.)
    expect(next).toMatch(/- 3 December 2026 \(email\): (the answer is due by|no answer by) 17 December 2026/);
    // The deadline is the customer's, told among the letters: no promise of the company's in the timeline or among those not kept.
    expect(next).not.toMatch(/a reply to my complaint/);
    // Sent at a fixed time (the deadline passes on 17 December 2026, after which it is said as passed).
    expect(expectOneLineError(s.run(['letter', 'mover-1', '--from', 'I', '--sent', '--at', '2026-12-03 13:00']))).toMatch(
      /^vetted: the letter you sent on 2026-12-03 (awaits its answer until 2026-12-17 |was still awaiting its answer, due by 2026-12-17, when this one was sent)/,
    );
    const removed = ok(s.run(['event', 'remove', 'mover-1#1']));
    expect(removed.stderr).toMatch(/removed mover-1#1 \(contact at 2026-12-03 11:00\) from mover-1, with its reply deadline mover-1#2/);
    expect(json<{ events: unknown[] }>(s, ['incident', 'show', 'mover-1', '--json']).events).toEqual([]);
    ok(s.run(['undo']));
    expect(json<{ events: { type: string }[] }>(s, ['incident', 'show', 'mover-1', '--json']).events.map((e) => e.type)).toEqual(['contact', 'promise']);
  });

  it('is not turned into a promise of the company\'s by a day alone: a letter moved to one, or such a deadline given other words, is refused', () => {
    rmSync(join(s.config, 'letters'), { recursive: true, force: true });
    ok(s.run(['incident', 'add', 'Dayco', '--title', 'broken', '--fault', 'company', '--opened', '2026-11-01 09:00']));
    ok(s.run(['letter', 'dayco-1', '--from', 'I', '--sent', '--at', '2026-11-03 10:00']));
    ok(s.run(['event', 'edit', 'dayco-1#2', '--text', 'answer to my letter']));
    expect(expectOneLineError(s.run(['event', 'edit', 'dayco-1#1', '--at', '2026-11-07']))).toMatch(/dayco-1#1 would be of a day alone, and its reply deadline dayco-1#2 would then read as a promise of the company's.*such as --at "2026-11-07 09:00"\. Nothing was changed\.$/);
    // With the words `letter --sent` gives it, a deadline of a day alone is still known for one.
    ok(s.run(['event', 'edit', 'dayco-1#2', '--text', 'a reply to my complaint of 3 November 2026']));
    expect(ok(s.run(['event', 'edit', 'dayco-1#1', '--at', '2026-11-06'])).stderr).toMatch(/its reply deadline dayco-1#2 moved with it/);
    expect(expectOneLineError(s.run(['event', 'edit', 'dayco-1#2', '--text', 'answer to my letter']))).toMatch(/^vetted: dayco-1#2 is the reply deadline of your letter dayco-1#1, both of a day alone: .*Nothing was changed\.$/);
    const due = json<{ incident: string }[]>(s, ['due', '--json']).filter((d) => d.incident === 'dayco-1');
    expect(JSON.stringify(due)).toMatch(/"reply_deadline": ?true/);
    expect(JSON.stringify(due)).not.toMatch(/"reply_deadline": ?false/);
  });

  it('moved to another day, keeps the time the company was given to answer, and its words tell the new date, in either language', () => {
    rmSync(join(s.config, 'letters'), { recursive: true, force: true });
    ok(s.run(['incident', 'add', 'Later', '--title', 'parcel lost', '--fault', 'company', '--opened', '2026-10-01 10:00']));
    ok(s.run(['letter', 'later-1', '--kind', 'complaint', '--from', 'I', '--sent', '--at', '2026-11-01 10:00']));
    ok(s.run(['incident', 'add', 'Pozzhe', '--title', 'посылка', '--fault', 'company', '--opened', '2026-10-01 10:00']));
    ok(s.run(['--lang', 'ru', 'letter', 'pozzhe-1', '--kind', 'complaint', '--from', 'Я', '--sent', '--at', '2026-11-01 10:00']));
    const deadline = (id: string) => json<{ events: { type: string; at: string; text?: string; due?: string }[] }>(s, ['incident', 'show', id, '--json']).events.find((e) => e.type === 'promise')!;
    const before = deadline('later-1');
    expect(before).toMatchObject({ text: 'a reply to my complaint of 1 November 2026' });
    ok(s.run(['event', 'edit', 'later-1#1', '--at', '2026-11-10 10:00']));
    const days = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
    expect(deadline('later-1')).toMatchObject({ at: '2026-11-10T10:00', text: 'a reply to my complaint of 10 November 2026' });
    expect(days('2026-11-10', deadline('later-1').due!)).toBe(days('2026-11-01', before.due!));
    // Moved again, past the first due: not refused as a promise falling due before it was made.
    ok(s.run(['event', 'edit', 'later-1#1', '--at', '2026-11-20 10:00']));
    expect(days('2026-11-20', deadline('later-1').due!)).toBe(days('2026-11-01', before.due!));
    expect(ok(s.run(['letter', 'later-1', '--from', 'I', '--kind', 'escalation'])).stdout).toMatch(/- 20 November 2026 \(letter\): /);
    ok(s.run(['undo', '2']));
    expect(deadline('later-1')).toEqual(before);
    const ru = deadline('pozzhe-1');
    ok(s.run(['event', 'edit', 'pozzhe-1#1', '--at', '2026-11-03 10:00']));
    expect(deadline('pozzhe-1').text).toBe(ru.text!.replace('01.11.2026', '03.11.2026'));
    expect(deadline('pozzhe-1').text).not.toBe(ru.text);
    // Words a person wrote are kept as they are.
    ok(s.run(['event', 'edit', 'pozzhe-1#2', '--text', 'ответ по почте']));
    ok(s.run(['event', 'edit', 'pozzhe-1#1', '--at', '2026-11-04 10:00']));
    expect(deadline('pozzhe-1')).toMatchObject({ at: '2026-11-04T10:00', text: 'ответ по почте' });
  });

  it("is told in the reader's language where the letter was in another: the contact's note and the reply deadline, in due, the calendar, the timeline and the next letter", () => {
    ok(s.run(['incident', 'add', 'Yazyk', '--title', 'no signal', '--fault', 'company', '--opened', '2026-10-01 10:00']));
    ok(s.run(['letter', 'yazyk-1', '--kind', 'complaint', '--from', 'I', '--sent', '--at', '2026-11-02 10:00']));
    // Kept as written, in the letter's language: the record and its JSON are the person's evidence.
    expect(json<{ events: { text?: string; note?: string }[] }>(s, ['incident', 'show', 'yazyk-1', '--json']).events.map((e) => e.text ?? e.note)).toEqual([
      'sent a complaint (complaint-2026-11-02.md)',
      'a reply to my complaint of 2 November 2026',
    ]);
    const inRussian = [
      ok(s.run(['--lang', 'ru', 'due'])).stdout,
      ok(s.run(['--lang', 'ru', 'due', '--format', 'ics'])).stdout.replace(/\r\n /g, ''),
      ok(s.run(['--lang', 'ru', 'incident', 'show', 'yazyk-1'])).stdout,
      ok(s.run(['--lang', 'ru', 'event', 'list', 'yazyk-1'])).stdout,
      ok(s.run(['letter', 'yazyk-1', '--lang', 'ru', '--kind', 'escalation', '--from', 'Я'])).stdout,
    ];
    for (const text of inRussian) expect(text).not.toMatch(/a reply to my|sent a complaint/);
    expect(inRussian[0]).toContain('«ответ на мою жалобу от 02.11.2026»');
    expect(inRussian[1]).toContain('ответ на мою жалобу от 02.11.2026');
    expect(inRussian[2]).toMatch(/отправлена жалоба \(complaint-2026-11-02\.md\)[^]*срок ответа «ответ на мою жалобу от 02\.11\.2026»[^]*• «ответ на мою жалобу от 02\.11\.2026»/);
    expect(inRussian[3]).toMatch(/отправлена жалоба \(complaint-2026-11-02\.md\)[^]*ответ на мою жалобу от 02\.11\.2026/);
    expect(inRussian[4]).toContain('«отправлена жалоба (complaint-2026-11-02.md)»');
    // And back: in English, as it was written.
    expect(ok(s.run(['due'])).stdout).toContain('"a reply to my complaint of 2 November 2026"');
    // Words a person changed are theirs, in whatever language they wrote them.
    ok(s.run(['event', 'edit', 'yazyk-1#2', '--text', 'a reply to my complaint of 2 November 2026, please']));
    expect(ok(s.run(['--lang', 'ru', 'due'])).stdout).toContain('«a reply to my complaint of 2 November 2026, please»');
    ok(s.run(['undo']));
    // Words like these typed by a person on a promise of the company's, or on a call, are theirs too.
    ok(s.run(['incident', 'event', 'yazyk-1', 'promise', '--text', 'a reply to my complaint of 3 November 2026', '--due', '2026-11-20', '--at', '2026-11-03 12:00']));
    ok(s.run(['incident', 'event', 'yazyk-1', 'contact', '--channel', 'phone', '--reached-human', '--note', 'sent a complaint (complaint-2026-11-02.md)', '--at', '2026-11-03 13:00']));
    for (const args of [['incident', 'show', 'yazyk-1'], ['event', 'list', 'yazyk-1'], ['due']]) {
      const out = ok(s.run(['--lang', 'ru', ...args])).stdout;
      expect(out).toContain('a reply to my complaint of 3 November 2026');
      if (args[0] !== 'due') expect(out).toContain('sent a complaint (complaint-2026-11-02.md)');
    }
    ok(s.run(['undo', '2']));
  });

  it('sent after the fix awaits its own answer: the fix settles what was promised before it, not what was asked after', () => {
    ok(s.run(['incident', 'add', 'Fixed First', '--title', 'fridge', '--fault', 'company', '--opened', '2026-10-01 10:00']));
    ok(s.run(['incident', 'event', 'fixed-first-1', 'promise', '--text', 'repair tomorrow', '--due', '2026-10-02 10:00', '--at', '2026-10-01 11:00']));
    ok(s.run(['incident', 'event', 'fixed-first-1', 'resolution', '--outcome', 'resolved', '--at', '2026-10-05 10:00']));
    ok(s.run(['letter', 'fixed-first-1', '--kind', 'claim', '--demand', 'compensation', '--amount', '100', '--currency', 'EUR', '--account', '1', '--from', 'I', '--sent', '--at', '2026-10-10 10:00']));
    const shown = ok(s.run(['incident', 'show', 'fixed-first-1'])).stdout;
    expect(shown).toMatch(/promise "repair tomorrow", due 2026-10-02 10:00: broken/);
    expect(shown).toMatch(/reply deadline "a reply to my formal claim of 10 October 2026" \(management\), due 2026-10-24: unanswered, [^\n]* so far/);
    expect(shown).not.toMatch(/settled by the fix/);
    // A promise the company made after the fix is owed though the incident is closed, and broken when it passes.
    ok(s.run(['incident', 'event', 'fixed-first-1', 'promise', '--text', 'a refund in 5 days', '--due', '2026-10-16 10:00', '--at', '2026-10-11 10:00']));
    const after = ok(s.run(['incident', 'show', 'fixed-first-1'])).stdout;
    expect(after).toMatch(/promise "a refund in 5 days", due 2026-10-16 10:00: broken/);
    expect(after).toMatch(/Still owed\n {2}• the promise "a refund in 5 days" \(due 2026-10-16 10:00\)/);
    expect(json<{ metrics: { promises: number; promises_broken: number } }>(s, ['incident', 'show', 'fixed-first-1', '--json']).metrics).toMatchObject({ promises: 2, promises_broken: 2 });
    // Its lateness still grows, as in an open incident, and the letter says so.
    expect(after).toMatch(/promise "a refund in 5 days", due 2026-10-16 10:00: broken, [^\n]* so far/);
    expect(ok(s.run(['letter', 'fixed-first-1', '--kind', 'escalation', '--from', 'I'])).stdout).toMatch(/“a refund in 5 days”, promised on 11 October 2026 10:00, due 16 October 2026 10:00: [\d,]+ days overdue so far/);
  });

  it('says the fix was late only by the promises it settled, and a letter sent at its minute before it is settled by it in every view, one logged after it is not', () => {
    ok(s.run(['incident', 'add', 'Fix Kept', '--title', 'no signal', '--fault', 'company', '--opened', '2026-11-01 09:00']));
    ok(s.run(['incident', 'event', 'fix-kept-1', 'promise', '--text', 'fix by the 3rd', '--due', '2026-11-03 18:00', '--at', '2026-11-01 10:00']));
    ok(s.run(['incident', 'close', 'fix-kept-1', '--outcome', 'resolved', '--at', '2026-11-02 10:00']));
    ok(s.run(['incident', 'event', 'fix-kept-1', 'promise', '--text', 'refund 300 RUB', '--due', '2026-11-10 18:00', '--at', '2026-11-04 10:00']));
    const claim = ok(s.run(['letter', 'fix-kept-1', '--kind', 'claim', '--from', 'I', '--demand', 'refund', '--amount', '300', '--currency', 'RUB', '--account', '12345678'])).stdout;
    expect(claim).toMatch(/It was put right on 2 November 2026\./);
    expect(claim).not.toMatch(/not put right as promised/);
    expect(ok(s.run(['--lang', 'ru', 'letter', 'fix-kept-1', '--kind', 'claim', '--from', 'Я', '--demand', 'refund', '--amount', '300', '--currency', 'RUB', '--account', '12345678'])).stdout).not.toMatch(/устранена не была/);
    ok(s.run(['incident', 'add', 'Same Minute', '--title', 'late parcel', '--fault', 'company', '--opened', '2026-11-01 09:00']));
    ok(s.run(['letter', 'same-minute-1', '--kind', 'complaint', '--from', 'I', '--sent', '--at', '2026-11-03 10:00']));
    ok(s.run(['incident', 'close', 'same-minute-1', '--outcome', 'resolved', '--at', '2026-11-03 10:00']));
    expect(ok(s.run(['incident', 'show', 'same-minute-1'])).stdout).toMatch(/settled by the fix in time/);
    const next = ok(s.run(['letter', 'same-minute-1', '--kind', 'escalation', '--from', 'I'])).stdout;
    expect(next).toMatch(/- 3 November 2026 \(letter\): not answered, but the problem was put right on 3 November 2026/);
    expect(next).not.toMatch(/\(letter\): no answer by/);
    // Logged after the closing in its minute (the timeline shows it below it), the letter came
    // after the fix: its reply is awaited, not settled at once by a fix that came before it.
    ok(s.run(['incident', 'add', 'After Minute', '--title', 'late parcel', '--fault', 'company', '--opened', '2026-11-01 09:00']));
    ok(s.run(['incident', 'close', 'after-minute-1', '--outcome', 'resolved', '--at', '2026-11-03 10:00']));
    ok(s.run(['letter', 'after-minute-1', '--kind', 'complaint', '--from', 'I', '--sent', '--at', '2026-11-03 10:00']));
    const after = ok(s.run(['incident', 'show', 'after-minute-1'])).stdout;
    expect(after).not.toMatch(/settled by the fix/);
    expect(after).toMatch(/reply deadline "a reply to my complaint of 3 November 2026" \(supervisor\), due 2026-11-17: unanswered/);
    expect(ok(s.run(['letter', 'after-minute-1', '--kind', 'escalation', '--from', 'I'])).stdout).toMatch(/- 3 November 2026 \(letter\): no answer by 17 November 2026/);
    expect(ok(s.run(['due'])).stdout).toMatch(/after-minute-1 ·[^]*unanswered {2}"a reply to my complaint of 3 November 2026"/);
  });

  it('says, on recording a letter sent to a closed incident, whether `due` chases its reply as due does, in English and in Russian', () => {
    // Closed by a fix before it: the letter came after the fix, and due chases its reply.
    ok(s.run(['incident', 'add', 'After Fix', '--title', 'no refund', '--fault', 'company', '--opened', '2026-11-01 09:00']));
    ok(s.run(['incident', 'close', 'after-fix-1', '--outcome', 'partial', '--at', '2026-11-02 10:00']));
    const sent = ok(s.run(['letter', 'after-fix-1', '--kind', 'claim', '--from', 'I', '--account', '123', '--demand', 'refund', '--amount', '50', '--currency', 'EUR', '--sent', '--at', '2026-11-20 10:00']));
    expect(sent.stderr).toMatch(/the reply is due by 2026-12-04, and, though after-fix-1 is closed, the letter came after the fix, so `vetted due` will chase it\./);
    expect(sent.stderr).not.toMatch(/will not chase/);
    const ru = ok(s.run(['--lang', 'ru', 'letter', 'after-fix-1', '--kind', 'complaint', '--from', 'Я', '--sent', '--at', '2026-11-21 10:00']));
    expect(ru.stderr).toMatch(/хотя обращение after-fix-1 закрыто, письмо отправлено после устранения проблемы, поэтому `vetted due` напомнит о нём\./);
    expect(ok(s.run(['due'])).stdout).toMatch(/after-fix-1 ·/);
    // Closed unresolved: no fix came, and due does not chase it until the incident is reopened.
    ok(s.run(['incident', 'add', 'No Fix', '--title', 'no refund', '--fault', 'company', '--opened', '2026-11-01 09:00']));
    ok(s.run(['incident', 'close', 'no-fix-1', '--outcome', 'unresolved', '--at', '2026-11-02 10:00']));
    const unresolved = ok(s.run(['letter', 'no-fix-1', '--kind', 'complaint', '--from', 'I', '--sent', '--at', '2026-11-20 10:00']));
    expect(unresolved.stderr).toMatch(/but no-fix-1 is closed, so `vetted due` will not chase it until the incident is reopened\./);
    expect(ok(s.run(['due'])).stdout).not.toMatch(/no-fix-1 ·/);
  });

  it('is told in the reader\'s language whatever the time zone, where the letter was sent at a time with its offset', () => {
    ok(s.run(['incident', 'add', 'Zona', '--title', 'no signal', '--fault', 'company', '--opened', '2026-10-01 10:00']));
    ok(s.run(['letter', 'zona-1', '--kind', 'complaint', '--from', 'I', '--sent', '--at', '2026-11-21T00:30+09:00'], { env: { TZ: 'Asia/Tokyo' } }));
    for (const TZ of ['Asia/Tokyo', 'America/Los_Angeles', 'UTC']) {
      const due = ok(s.run(['--lang', 'ru', 'due'], { env: { TZ } })).stdout;
      const zona = due.slice(due.indexOf('zona-1 ·')).split('\n\n')[0];
      expect(zona).toContain('«ответ на мою жалобу от 21.11.2026»');
      expect(zona).not.toContain('a reply to my');
    }
  });

  it("is said to be one when a promise is logged at a letter's moment, and moved alone is the company's promise", () => {
    ok(s.run(['incident', 'add', 'Samemin', '--title', 'no refund', '--fault', 'company', '--opened', '2026-12-01 09:00']));
    ok(s.run(['incident', 'event', 'samemin-1', 'contact', '--channel', 'email', '--no-reached-human', '--at', '2026-12-02 10:00']));
    const logged = ok(s.run(['incident', 'event', 'samemin-1', 'promise', '--text', 'refund within 2 days', '--due', '2026-12-04 10:00', '--at', '2026-12-02 10:00']));
    expect(logged.stderr).toMatch(/note: samemin-1#2 stands at the moment and level of your letter samemin-1#1, so it is read as that letter's reply deadline.*`vetted event edit samemin-1#2 --at WHEN`/);
    ok(s.run(['incident', 'event', 'samemin-1', 'apology', '--at', '2026-12-03 10:00']));
    // Read as the letter's reply deadline, it is shown as one: answered by the apology.
    expect(shown('samemin-1')).toMatch(/reply deadline "refund within 2 days", due 2026-12-04 10:00: answered in time/);
    const edited = ok(s.run(['event', 'edit', 'samemin-1#2', '--at', '2026-12-02 10:05']));
    expect(edited.stderr).toMatch(/note: samemin-1#2 no longer stands at the moment of the letter samemin-1#1, so it is read as a promise of the company's/);
    expect(shown('samemin-1')).toMatch(/promise "refund within 2 days", due 2026-12-04 10:00: broken/);
  });
});

describe('letters unanswered and the lists', () => {
  it("are no promises the company broke: three complaints unanswered leave it off the black list, and why counts them apart, in either language", () => {
    ok(s.run(['incident', 'add', 'Rho', '--title', 'quiet', '--fault', 'company', '--opened', '2026-09-01 09:00']));
    for (const m of ['00', '01', '02']) ok(s.run(['letter', 'rho-1', '--from', 'Jo', '--kind', 'complaint', '--sent', '--at', `2026-09-02 10:${m}`]));
    const why = json<{ list: string; findings: { rule: string }[] }>(s, ['why', 'Rho', '--json']);
    expect(why.list).not.toBe('black');
    expect(why.findings.map((f) => f.rule)).not.toContain('B2');
    expect(ok(s.run(['why', 'Rho'])).stdout).toContain('promises: 0 of 0 broken (and 3 reply deadlines of your letters, 3 missed)');
    expect(ok(s.run(['--lang', 'ru', 'why', 'Rho'])).stdout).toContain('обещания: нарушено 0 из 0 (и сроки ответа на ваши письма: пропущено 3 из 3)');
    // `due` chases them all the same, as replies owed, not promises broken.
    expect(ok(s.run(['due'])).stdout).toMatch(/unanswered {2}"a reply to my complaint of 2 September 2026"/);
  });

  it("are counted apart everywhere a promise broken is counted: due's reason, incident show, incident list, company show and the check's record", () => {
    ok(s.run(['incident', 'add', 'Sigma', '--title', 'two promises and a letter', '--fault', 'company', '--opened', '2026-10-01 10:00']));
    for (const [at, text] of [['2026-10-01 10:01', 'a'], ['2026-10-01 10:02', 'b']]) ok(s.run(['incident', 'event', 'sigma-1', 'promise', '--text', text, '--due', '2026-10-02 10:00', '--at', at]));
    ok(s.run(['letter', 'sigma-1', '--from', 'Jo', '--kind', 'complaint', '--sent', '--at', '2026-10-03 10:00']));
    const due = ok(s.run(['due'])).stdout;
    expect(due).toMatch(/unanswered {2}"a reply to my complaint of 3 October 2026"/);
    expect(due).toContain('(2 promises broken since 2026-10-02 and 1 reply to your letter overdue, the last with a supervisor)');
    expect(ok(s.run(['--lang', 'ru', 'due'])).stdout).toContain('(2 обещания нарушены с 02.10.2026 и 1 ответ на ваше письмо просрочен, в последний раз — у старшего смены)');
    const steps = json<{ incident: string; broken: { reply_deadline: boolean }[]; next_steps: { kind: string; broken?: number; missed?: number }[] }[]>(s, ['due', '--json']).find((r) => r.incident === 'sigma-1')!;
    expect(steps.broken.map((b) => b.reply_deadline)).toEqual([false, false, true]);
    expect(steps.next_steps.find((a) => a.kind === 'escalate')).toMatchObject({ broken: 2, missed: 1 });
    expect(ok(s.run(['incident', 'show', 'sigma-1'])).stdout).toContain('promises: 2, broken: 2 (and 1 reply deadline of your letters, 1 missed)');
    expect(json<{ metrics: object }>(s, ['incident', 'show', 'sigma-1', '--json']).metrics).toMatchObject({ promises: 2, promises_broken: 2, reply_deadlines: 1, reply_deadlines_missed: 1 });
    expect(ok(s.run(['incident', 'list'])).stdout).toMatch(/sigma-1 +Sigma +2026-10-01 +open +2 +two promises/);
    expect(json<{ figures: object }>(s, ['company', 'show', 'Sigma', '--json']).figures).toMatchObject({ promises_kept: 0, promises_broken: 2 });
    const record = ok(s.run(['check', 'Sigma', ...amazonAnswerFlags]));
    expect(record.stdout + record.stderr).toContain('1 open incident, 2 broken promises');
  });
});

describe('a letter with no kind named', () => {
  it('is a claim where due names the regulator and the company has had no letter, and says why, in either language', () => {
    ok(s.run(['incident', 'add', 'Nofix', '--title', 'no fix', '--fault', 'company', '--opened', '2026-10-01 10:00']));
    ok(s.run(['incident', 'event', 'nofix-1', 'escalation', '--level', 'management', '--at', '2026-10-02 10:00']));
    ok(s.run(['incident', 'event', 'nofix-1', 'promise', '--text', 'fix', '--due', '2026-10-03 10:00', '--at', '2026-10-02 10:05']));
    expect(ok(s.run(['due'])).stdout).toMatch(/→ Complain to the regulator/);
    expect(expectOneLineError(s.run(['letter', 'nofix-1', '--from', 'I']))).toMatch(/^vetted: `vetted due` names the regulator next, but a letter to a regulator says the company was written to first, so this is a claim to the company .*; a claim letter needs --account/);
    const written = ok(s.run(['letter', 'nofix-1', '--from', 'I', '--account', '1', '--demand', 'refund', '--amount', '5', '--currency', 'EUR']));
    expect(written.stdout).toMatch(/^# CLAIM|claim/im);
    expect(written.stderr).toMatch(/^note: `vetted due` names the regulator next/m);
    expect(ok(s.run(['--lang', 'ru', 'letter', 'nofix-1', '--from', 'Я', '--account', '1', '--demand', 'refund', '--amount', '5', '--currency', 'EUR'])).stderr).toMatch(/^примечание: `vetted due` называет следующим шагом регулятора/m);
    // Named, the kind is the one asked for, without the note.
    expect(ok(s.run(['letter', 'nofix-1', '--from', 'I', '--kind', 'claim', '--account', '1', '--demand', 'refund', '--amount', '5', '--currency', 'EUR'])).stderr).not.toMatch(/names the regulator/);
  });
});

describe('the kind, case and demand of a letter', () => {
  it('are taken in the words of the reader\'s language, as the messages offer them', () => {
    const ru = ok(s.run(['--lang', 'ru', 'letter', VOLGA, '--from', 'D', '--account', '1', '--kind', 'претензия', '--case', 'связь', '--demand', 'перерасчет', '--amount', '5', '--currency', 'RUB'])).stdout;
    expect(ru).toMatch(/^# ПРЕТЕНЗИЯ$/m);
    expect(ok(s.run(['--lang', 'ru', 'letter', VOLGA, '--from', 'D', '--kind', 'эскалация'])).stdout).toMatch(/^Повторная жалоба: /m);
    expect(ok(s.run(['--lang', 'ru', 'letter', VOLGA, '--from', 'D', '--account', '1', '--kind', 'claim', '--case', 'услуги', '--demand', 'возврат', '--amount', '5', '--currency', 'RUB'])).stdout).toMatch(/возврат/i);
    expect(expectOneLineError(s.run(['--lang', 'ru', 'letter', VOLGA, '--from', 'D', '--kind', 'жалобка']))).toBe(
      'vetted: --kind принимает complaint (жалоба), escalation (повторная жалоба), claim (претензия), regulator (регулятор), а не «жалобка».',
    );
    expect(expectOneLineError(s.run(['letter', VOLGA, '--from', 'D', '--kind', 'claim', '--demand', 'refundz']))).toBe('vetted: --demand takes refund, repair, replacement, recalculation, compensation, not "refundz".');
  });
});

describe("a promise of the company's in a letter's minute", () => {
  it('logged before the letter, stays the company\'s: not moved, not removed with it; a letter made a call says its deadline is the company\'s now', () => {
    ok(s.run(['incident', 'add', 'Before', '--title', 'x', '--fault', 'company', '--opened', '2026-11-01 10:00']));
    ok(s.run(['incident', 'event', 'before-1', 'promise', '--due', '2026-11-03 10:00', '--at', '2026-11-01 11:00']));
    const letter = ok(s.run(['incident', 'event', 'before-1', 'contact', '--channel', 'email', '--at', '2026-11-01 11:00']));
    expect(letter.stderr).not.toMatch(/reply deadline/);
    expect(json<{ broken: unknown[] }[]>(s, ['due', '--json']).find((d) => (d as unknown as { incident: string }).incident === 'before-1')!.broken).toHaveLength(1);
    expect(ok(s.run(['event', 'remove', 'before-1#2'])).stderr).not.toMatch(/reply deadline/);
    expect(json<{ events: { type: string }[] }>(s, ['incident', 'show', 'before-1', '--json']).events.map((e) => e.type)).toEqual(['promise']);

    ok(s.run(['incident', 'add', 'Called', '--title', 'x', '--fault', 'company', '--opened', '2026-11-01 10:00']));
    ok(s.run(['letter', 'called-1', '--kind', 'complaint', '--from', 'I', '--sent', '--at', '2026-11-05 10:00']));
    expect(ok(s.run(['event', 'edit', 'called-1#1', '--channel', 'phone'])).stderr).toMatch(/note: called-1#1 is no letter or email now, so called-1#2, its reply deadline, is read as a promise of the company's; if they made none, remove it: `vetted event remove called-1#2`/);
  });

  it('kept late by a fix in part is said to be fixed in part only so late', () => {
    ok(s.run(['incident', 'add', 'Inpart', '--title', 'slow', '--fault', 'company', '--opened', '2026-11-01 10:00']));
    ok(s.run(['incident', 'event', 'inpart-1', 'promise', '--text', 'fix by 3rd', '--due', '2026-11-03 10:00', '--at', '2026-11-01 11:05']));
    ok(s.run(['incident', 'close', 'inpart-1', '--outcome', 'partial', '--at', '2026-11-10 10:00']));
    expect(ok(s.run(['letter', 'inpart-1', '--kind', 'complaint', '--from', 'I'])).stdout).toMatch(/fixed in part only 7 days after this deadline/);
    expect(ok(s.run(['--lang', 'ru', 'letter', 'inpart-1', '--kind', 'complaint', '--from', 'I'])).stdout).toMatch(/устранено лишь частично и лишь через 7 дней после этого срока/);
  });
});

describe('two letters sent in one minute', () => {
  it('each keep their own text, on their own contact', () => {
    ok(s.run(['incident', 'add', 'Twice', '--title', 't', '--fault', 'company', '--opened', '2026-12-01 09:00']));
    ok(s.run(['letter', 'twice-1', '--from', 'I', '--kind', 'complaint', '--sent', '--channel', 'letter', '--at', '2026-12-02 10:00']));
    ok(s.run(['letter', 'twice-1', '--from', 'I', '--kind', 'complaint', '--sent', '--channel', 'email', '--at', '2026-12-02 10:00']));
    const shown = json<{ events: { id: string; channel?: string }[]; attachments: { event: number }[] }>(s, ['incident', 'show', 'twice-1', '--json']);
    const contactOf = (n: number) => shown.events.find((e) => e.id === `twice-1#${n}`)!.channel;
    expect(shown.attachments.map((a) => contactOf(a.event))).toEqual(['letter', 'email']);
  });
});

describe('the answer to a letter', () => {
  it('is settled by what they said or did, not by a contact: kept when it came in time', () => {
    ok(s.run(['incident', 'add', 'Kettle Shop', '--title', 'Cracked kettle', '--fault', 'company', '--opened', '2026-10-20']));
    ok(s.run(['letter', 'kettle-shop-1', '--from', 'Me', '--sent', '--at', '2026-11-01 10:00']));
    // A call of mine that a person took, and their reply logged as a contact, are no answer:
    // contacts are mostly the customer's.
    ok(s.run(['incident', 'event', 'kettle-shop-1', 'contact', '--channel', 'phone', '--reached-human', '--at', '2026-11-05 12:00']));
    ok(s.run(['incident', 'event', 'kettle-shop-1', 'contact', '--channel', 'email', '--reached-human', '--at', '2026-11-10 12:00', '--note', 'their reply']));
    // The reply deadline, missed or not, is counted apart from the company's promises.
    const broken = () => json<{ metrics: { reply_deadlines_missed: number } }>(s, ['incident', 'show', 'kettle-shop-1', '--json']).metrics.reply_deadlines_missed;
    expect(broken()).toBe(1);
    // What the reply said is.
    ok(s.run(['incident', 'event', 'kettle-shop-1', 'explanation', '--at', '2026-11-10 12:00', '--note', 'their reply explained']));
    expect(broken()).toBe(0);
    expect(ok(s.run(['incident', 'show', 'kettle-shop-1'])).stdout).toMatch(/reply deadline "a reply to my complaint of 1 November 2026".*due 2026-11-15: answered in time/);
    const due = json<{ incident: string; broken: unknown[] }[]>(s, ['due', '--json']).find((d) => d.incident === 'kettle-shop-1');
    expect(due).toBeDefined();
    expect(due!.broken).toEqual([]);
    expect(ok(s.run(['due', '--format', 'ics'])).stdout).not.toContain('kettle-shop-1');
    // incident list agrees with itself, for one company or all.
    const listed = (args: string[]) => json<{ id: string; promises_broken: number }[]>(s, ['incident', 'list', ...args, '--json']).find((i) => i.id === 'kettle-shop-1')!.promises_broken;
    expect([listed([]), listed(['--company', 'Kettle Shop'])]).toEqual([0, 0]);
    // The next letter says it was answered, and lists no broken promise, nor the reply among my letters.
    const next = ok(s.run(['letter', 'kettle-shop-1', '--from', 'Me'])).stdout;
    expect(next).toContain('- 1 November 2026 (letter): answered on 10 November 2026');
    expect(next).not.toMatch(/10 November 2026 \(email\)/);
    expect(next).not.toMatch(/Promises that were not kept/);
    // Marked not kept by hand, it stays owed everywhere.
    const deadline = json<{ events: { id: string; type: string }[] }>(s, ['incident', 'show', 'kettle-shop-1', '--json']).events.find((e) => e.type === 'promise')!.id;
    ok(s.run(['event', 'edit', deadline, '--no-kept']));
    expect(json<{ incident: string; broken: unknown[] }[]>(s, ['due', '--json']).find((d) => d.incident === 'kettle-shop-1')!.broken).toHaveLength(1);
    expect(ok(s.run(['due', '--format', 'ics'])).stdout).toContain('kettle-shop-1');
    const shown = ok(s.run(['incident', 'show', 'kettle-shop-1'])).stdout;
    expect(shown).toContain('Still owed\n  • "a reply to my complaint of 1 November 2026" (due 2026-11-15)');
    // Answered, but marked by hand as not: said so, not "unanswered" to this day.
    expect(shown).toMatch(/reply deadline "a reply to my complaint of 1 November 2026".*due 2026-11-15: marked as not answered$/m);
    // A published page says the same in its own words: a reply deadline, never a promise broken.
    ok(s.run(['pin', 'Kettle Shop', 'black', '--reason', 'cracked']));
    const page = ok(s.run(['export', '--format', 'md', '--detail'])).stdout;
    expect(page).toMatch(/reply deadline "a reply to my complaint of 1 November 2026" \(supervisor\), due 2026-11-15: marked as not answered/);
    expect(page).not.toMatch(/promise "a reply to my complaint of 1 November 2026" \(supervisor\), due 2026-11-15/);
    ok(s.run(['unpin', 'Kettle Shop']));
  });

  it('is not settled by a closing the customer gave up on, and the deadline of a letter to a regulator not by the company', () => {
    ok(s.run(['incident', 'add', 'Gone Shop', '--title', 'Lost parcel', '--fault', 'company', '--opened', '2026-09-01']));
    ok(s.run(['letter', 'gone-shop-1', '--from', 'Me', '--sent', '--at', '2026-09-02 10:00']));
    ok(s.run(['incident', 'close', 'gone-shop-1', '--outcome', 'abandoned', '--at', '2026-09-05 10:00']));
    expect(ok(s.run(['incident', 'show', 'gone-shop-1'])).stdout).toMatch(/a reply to my complaint of 2 September 2026.*: unanswered, \d+ days late$/m);
    ok(s.run(['incident', 'add', 'Reg Shop', '--title', 'Broken TV', '--fault', 'company', '--opened', '2026-09-01']));
    ok(s.run(['letter', 'reg-shop-1', '--kind', 'complaint', '--from', 'Me', '--sent', '--at', '2026-09-02 10:00']));
    ok(s.run(['letter', 'reg-shop-1', '--kind', 'regulator', '--case', 'goods', '--to', 'The Ombudsman', '--from', 'Me', '--sent', '--at', '2026-09-20 10:00']));
    // The letter to the regulator, and its deadline, are no answer of the company's to the complaint.
    expect(ok(s.run(['incident', 'show', 'reg-shop-1'])).stdout).toMatch(/a reply to my complaint of 2 September 2026.*: unanswered, \d+ days late so far/);
    ok(s.run(['incident', 'event', 'reg-shop-1', 'apology', '--at', '2026-09-21 10:00']));
    const shown = ok(s.run(['incident', 'show', 'reg-shop-1'])).stdout;
    // Due 2026-09-16, the end of its day: answered by the apology four days and ten hours later.
    expect(shown).toMatch(/a reply to my complaint of 2 September 2026.*: answered 4 days late$/m);
    expect(shown).toMatch(/\(regulator\), due [\d-]+: unanswered/);
    expect(ok(s.run(['letter', 'reg-shop-1', '--kind', 'claim', '--from', 'Me', '--account', '1', '--demand', 'repair'])).stdout).toContain('- 2 September 2026 (letter): answered on 21 September 2026');
  });

  it('says a deadline the fix settled before any answer was settled by the fix, never answered, and judges it as before', () => {
    ok(s.run(['incident', 'add', 'Quiet Fix', '--title', 'Router dead', '--fault', 'company', '--opened', '2026-09-01']));
    ok(s.run(['letter', 'quiet-fix-1', '--kind', 'complaint', '--from', 'Me', '--sent', '--at', '2026-09-02 10:00']));
    ok(s.run(['incident', 'close', 'quiet-fix-1', '--outcome', 'resolved', '--at', '2026-09-05 10:00']));
    const line = /a reply to my complaint of 2 September 2026.*due 2026-09-16: (.*)$/m;
    expect(ok(s.run(['incident', 'show', 'quiet-fix-1'])).stdout.match(line)![1]).toBe('settled by the fix in time');
    expect(ok(s.run(['--lang', 'ru', 'incident', 'show', 'quiet-fix-1'])).stdout).toMatch(/16\.09\.2026: проблему устранили в срок$/m);
    // Judged as before: kept, no reply deadline missed.
    expect(json<{ metrics: { reply_deadlines: number; reply_deadlines_missed: number } }>(s, ['incident', 'show', 'quiet-fix-1', '--json']).metrics).toMatchObject({ reply_deadlines: 1, reply_deadlines_missed: 0 });
    // A published page, and the next letter, say the same.
    ok(s.run(['pin', 'Quiet Fix', 'white', '--reason', 'fixed']));
    expect(ok(s.run(['export', '--format', 'md', '--detail'])).stdout).toMatch(/a reply to my complaint of 2 September 2026" \(supervisor\), due 2026-09-16: settled by the fix in time/);
    ok(s.run(['unpin', 'Quiet Fix']));
    const next = ok(s.run(['letter', 'quiet-fix-1', '--kind', 'claim', '--from', 'Me', '--account', '1', '--demand', 'compensation', '--amount', '10', '--currency', 'EUR'])).stdout;
    expect(next).toContain('- 2 September 2026 (letter): not answered, but the problem was put right on 5 September 2026');
    expect(next).not.toContain('answered on');
    const nextRu = ok(s.run(['letter', 'quiet-fix-1', '--kind', 'claim', '--lang', 'ru', '--from', 'Я', '--account', '1', '--demand', 'compensation', '--amount', '10', '--currency', 'EUR'])).stdout;
    expect(nextRu).toContain('- 02.09.2026 (письмо): ответа не последовало, но 05.09.2026 проблема была устранена');
    // Fixed after the deadline, with no answer: settled by the fix, late.
    ok(s.run(['incident', 'add', 'Late Fix', '--title', 'Router dead', '--fault', 'company', '--opened', '2026-09-01']));
    ok(s.run(['letter', 'late-fix-1', '--kind', 'complaint', '--from', 'Me', '--sent', '--at', '2026-09-02 10:00']));
    ok(s.run(['incident', 'close', 'late-fix-1', '--outcome', 'partial', '--at', '2026-09-20 10:00']));
    expect(ok(s.run(['incident', 'show', 'late-fix-1'])).stdout.match(line)![1]).toBe('settled by the partial fix, 3 days late');
  });

  it("lists the reply a letter to a regulator awaits as the regulator's, never as owed by the company nor as its broken promise", () => {
    const u = sandbox();
    try {
      ok(u.run(['incident', 'add', 'Reg Due', '--title', 'No refund', '--fault', 'company', '--opened', '2026-09-01']));
      ok(u.run(['letter', 'reg-due-1', '--kind', 'complaint', '--from', 'Me', '--sent', '--at', '2026-09-02 10:00']));
      // Three letters to the regulator, each deadline passed unanswered, and a fourth still to fall due.
      for (const at of ['2026-09-20 10:00', '2026-10-10 10:00', '2026-10-30 10:00']) ok(u.run(['letter', 'reg-due-1', '--kind', 'regulator', '--case', 'goods', '--to', 'The Ombudsman', '--from', 'Me', '--sent', '--at', at]));
      ok(u.run(['letter', 'reg-due-1', '--kind', 'regulator', '--case', 'goods', '--to', 'The Ombudsman', '--from', 'Me', '--sent']));
      const due = ok(u.run(['due'])).stdout;
      expect(due).toMatch(/^ {2}unanswered +"a reply to my complaint of 2 September 2026" — due 2026-09-16, /m);
      expect(due).toMatch(/^ {2}unanswered +"a reply to my complaint to the regulator of 20 September 2026" — the regulator's reply, due [\d-]+, /m);
      expect(due).toMatch(/^ {2}due +"a reply to my complaint to the regulator of \d+ \w+ 2026" — the regulator's reply, due in /m);
      expect(ok(u.run(['--lang', 'ru', 'due'])).stdout).toMatch(/«ответ на мою жалобу в надзорный орган от 20\.09\.2026» — ответ регулятора, срок /);
      const [report] = json<{ broken: { owed_by: string }[]; coming_due: { owed_by: string }[] }[]>(u, ['due', '--json']);
      expect(report.broken.map((b) => b.owed_by)).toEqual(['company', 'regulator', 'regulator', 'regulator']);
      expect(report.coming_due.map((b) => b.owed_by)).toEqual(['regulator']);
      const owed = ok(u.run(['incident', 'show', 'reg-due-1'])).stdout;
      expect(owed).toContain('  • "a reply to my complaint of 2 September 2026" (due 2026-09-16)');
      expect(owed).toMatch(/^ {2}• the regulator's reply: "a reply to my complaint to the regulator of 20 September 2026" \(due [\d-]+\)$/m);
      const calendar = ok(u.run(['due', '--format', 'ics'])).stdout.replace(/\r\n /g, '');
      expect(calendar).toContain("SUMMARY:The regulator's reply due: a reply to my complaint to the regulator of 20 September 2026 — Reg Due");
      expect(calendar).toContain("SUMMARY:The company's reply due: a reply to my complaint of 2 September 2026 — Reg Due");
      // Its words taken away, it is still a reply the regulator owes, not a promise.
      ok(u.run(['event', 'edit', 'reg-due-1#4', '--text', '']));
      const unworded = ok(u.run(['due', '--format', 'ics'])).stdout.replace(/\r\n /g, '');
      expect(unworded).toContain("SUMMARY:The regulator's reply due: a reply to your letter — Reg Due");
      expect(unworded).toMatch(/\\nYou wrote to the regulator on [^:]+:\d\d: a reply to your letter\\, due /);
      // Three letters unanswered are no three promises broken (B2): the company promised nothing.
      expect(json<{ reasons: { rule: string }[] }>(u, ['why', 'Reg Due', '--json']).reasons.map((r) => r.rule)).not.toContain('B2');
      // Nor three replies the company missed: the regulator's silence is counted as the regulator's.
      const apart = '(and 1 reply deadline of your letters to the company, 1 missed; 4 reply deadlines of your letters to a regulator or a court, 3 passed without their reply)';
      expect(ok(u.run(['why', 'Reg Due'])).stdout).toContain(`promises: 0 of 0 broken ${apart} · apology: no`);
      expect(owed).toContain(`  promises: 0, broken: 0 ${apart}\n`);
      expect(json<{ metrics: object }>(u, ['incident', 'show', 'reg-due-1', '--json']).metrics).toMatchObject({ reply_deadlines: 1, reply_deadlines_missed: 1, authority_reply_deadlines: 4, authority_reply_deadlines_missed: 3 });
      expect(ok(u.run(['--lang', 'ru', 'why', 'Reg Due'])).stdout).toContain(
        'обещания: нарушено 0 из 0 (и сроки ответа на ваши письма компании: пропущено 1 из 1; сроки ответа регулятора или суда на ваши письма: прошло без ответа 3 из 4)',
      );
    } finally {
      u.cleanup();
    }
  });

  it("calls the deadline of a letter to the company the company's reply owed to it in the calendar, as due and its JSON do, not a promise it made", () => {
    const u = sandbox();
    try {
      ok(u.run(['incident', 'add', 'Quiet Co', '--title', 'No answer', '--fault', 'company', '--opened', '2026-09-01']));
      // A promise the company made before the letter (one after it would be its answer) is still a promise.
      ok(u.run(['incident', 'event', 'quiet-co-1', 'promise', '--text', 'call back', '--due', '2026-09-02 18:00', '--at', '2026-09-02 09:00']));
      ok(u.run(['letter', 'quiet-co-1', '--kind', 'complaint', '--from', 'Me', '--sent', '--at', '2026-09-02 10:00']));
      expect(ok(u.run(['due'])).stdout).toMatch(/^ {2}unanswered +"a reply to my complaint of 2 September 2026" — due 2026-09-16, /m);
      const [report] = json<{ broken: { text: string; reply_deadline: boolean; owed_by: string }[] }[]>(u, ['due', '--json']);
      expect(report.broken.map((b) => [b.text, b.reply_deadline, b.owed_by])).toEqual([
        ['call back', false, 'company'],
        ['a reply to my complaint of 2 September 2026', true, 'company'],
      ]);
      const calendar = ok(u.run(['due', '--format', 'ics'])).stdout.replace(/\r\n /g, '');
      expect(calendar).toContain("SUMMARY:The company's reply due: a reply to my complaint of 2 September 2026 — Quiet Co");
      expect(calendar).toContain(
        'DESCRIPTION:Quiet Co\\, incident quiet-co-1: No answer\\nYou wrote to the company on 2026-09-02 10:00: a reply to my complaint of 2 September 2026\\, due 2026-09-16. Not answered: the deadline has passed.\\nNext: ',
      );
      expect(calendar).not.toMatch(/Promised on 2026-09-02 10:00/);
      expect(calendar).toContain('SUMMARY:Due: call back — Quiet Co');
      expect(calendar).toContain('Promised on 2026-09-02 09:00: call back');
      const ru = ok(u.run(['--lang', 'ru', 'due', '--format', 'ics'])).stdout.replace(/\r\n /g, '');
      expect(ru).toContain('SUMMARY:Срок ответа компании: ответ на мою жалобу от 02.09.2026 — Quiet Co');
      expect(ru).toMatch(/\\nВаше письмо в компанию от 02\.09\.2026 10:00: /);
      expect(ru).not.toMatch(/Обещано 02\.09\.2026 10:00/);
    } finally {
      u.cleanup();
    }
  });

  it("a promise the company made at the minute and level of a letter, logged before it, is its promise in the calendar, not the reply owed to the letter", () => {
    const u = sandbox();
    try {
      ok(u.run(['incident', 'add', 'Same Minute', '--title', 'Early word', '--fault', 'company', '--opened', '2026-09-01']));
      ok(u.run(['incident', 'event', 'same-minute-1', 'promise', '--text', 'call back', '--due', '2026-09-03 18:00', '--at', '2026-09-02 10:00', '--level', 'supervisor']));
      ok(u.run(['letter', 'same-minute-1', '--kind', 'complaint', '--from', 'Me', '--sent', '--at', '2026-09-02 10:00']));
      const [report] = json<{ broken: { text: string; reply_deadline: boolean }[] }[]>(u, ['due', '--json']);
      expect(report.broken.map((b) => [b.text, b.reply_deadline])).toEqual([
        ['call back', false],
        ['a reply to my complaint of 2 September 2026', true],
      ]);
      const calendar = ok(u.run(['due', '--format', 'ics'])).stdout.replace(/\r\n /g, '');
      expect(calendar).toContain('SUMMARY:Due: call back — Same Minute');
      expect(calendar).toContain('Promised on 2026-09-02 10:00: call back');
      expect(calendar).toContain("SUMMARY:The company's reply due: a reply to my complaint of 2 September 2026 — Same Minute");
    } finally {
      u.cleanup();
    }
  });

  it('counts a late answer late, and no later letter of mine as their answer', () => {
    ok(s.run(['incident', 'add', 'Slow Shop', '--title', 'Late', '--fault', 'company', '--opened', '2026-09-01']));
    ok(s.run(['letter', 'slow-shop-1', '--kind', 'complaint', '--from', 'Me', '--sent', '--at', '2026-09-02 10:00']));
    // My escalation after the deadline passed, with its own reply deadline: no answer of theirs.
    ok(s.run(['letter', 'slow-shop-1', '--kind', 'escalation', '--from', 'Me', '--sent', '--at', '2026-09-20 10:00']));
    let shown = ok(s.run(['incident', 'show', 'slow-shop-1'])).stdout;
    expect(shown).toMatch(/a reply to my complaint of 2 September 2026.*unanswered, \d+ days late so far/);
    // Their explanation, eight days after the first deadline (the end of its day): late for the first letter, in time for the second.
    ok(s.run(['incident', 'event', 'slow-shop-1', 'explanation', '--at', '2026-09-25 10:00']));
    shown = ok(s.run(['incident', 'show', 'slow-shop-1'])).stdout;
    expect(shown).toMatch(/a reply to my complaint of 2 September 2026.*due 2026-09-16: answered 8 days late$/m);
    expect(shown).toMatch(/a reply to my escalated complaint of 20 September 2026.*: answered in time/);
  });

  it('counts a deadline kept alike in every listing where the problem was fixed before a late answer', () => {
    ok(s.run(['incident', 'add', 'Early Fix', '--title', 'Fixed early', '--fault', 'company', '--opened', '2024-01-01']));
    ok(s.run(['incident', 'event', 'early-fix-1', 'contact', '--channel', 'phone', '--at', '2024-01-02 10:00']));
    ok(s.run(['incident', 'close', 'early-fix-1', '--outcome', 'resolved', '--at', '2024-01-03 10:00']));
    ok(s.run(['letter', 'early-fix-1', '--kind', 'complaint', '--from', 'Me', '--sent', '--at', '2024-01-05 10:00']));
    ok(s.run(['incident', 'event', 'early-fix-1', 'apology', '--at', '2024-02-01 10:00']));
    const listed = (args: string[]) => json<{ id: string; promises_broken: number }[]>(s, ['incident', 'list', ...args, '--json']).find((i) => i.id === 'early-fix-1')!.promises_broken;
    expect([listed([]), listed(['--company', 'Early Fix'])]).toEqual([0, 0]);
    expect(json<{ metrics: { promises_broken: number } }>(s, ['incident', 'show', 'early-fix-1', '--json']).metrics.promises_broken).toBe(0);
  });

  it('refuses to send another letter with no kind named while the last one awaits its answer, recording nothing', () => {
    ok(s.run(['incident', 'add', 'Twice Shop', '--title', 'Wrong size', '--fault', 'company', '--opened', '2026-10-01']));
    ok(s.run(['letter', 'twice-shop-1', '--from', 'Me', '--sent', '--at', '2026-10-02 10:00']));
    const before = ok(s.run(['export', '--format', 'json'])).stdout.replace(/"exported_at".*\n/, '');
    expect(expectOneLineError(s.run(['letter', 'twice-shop-1', '--from', 'Me', '--sent', '--at', '2026-10-02 10:05']))).toBe(
      "vetted: the letter you sent on 2026-10-02 was still awaiting its answer, due by 2026-10-16, when this one was sent, so nothing was recorded; to record another sent before that answer was due, name its kind: vetted letter twice-shop-1 --kind escalation --sent --at \"2026-10-02 10:05\"",
    );
    expect(ok(s.run(['export', '--format', 'json'])).stdout.replace(/"exported_at".*\n/, '')).toBe(before);
    // A letter sent now, while the last awaits its answer, is told so in the present.
    ok(s.run(['incident', 'add', 'Twice Shop', '--title', 'Wrong colour', '--fault', 'company']));
    ok(s.run(['letter', 'twice-shop-2', '--from', 'Me', '--sent']));
    expect(expectOneLineError(s.run(['letter', 'twice-shop-2', '--from', 'Me', '--sent']))).toMatch(
      /^vetted: the letter you sent on \d{4}-\d{2}-\d{2} awaits its answer until \d{4}-\d{2}-\d{2} \(`vetted due` chases it then\), so nothing was recorded; .* --kind escalation --sent$/,
    );
    // Named, it is sent; once the deadline has passed, the ladder's next letter needs no name.
    ok(s.run(['letter', 'twice-shop-1', '--kind', 'complaint', '--from', 'Me', '--sent', '--at', '2026-10-03 10:00']));
    ok(s.run(['letter', 'twice-shop-1', '--from', 'Me', '--sent', '--at', '2026-10-20 10:00']));
  });
});

describe('a complaint about an incident closed as resolved', () => {
  it('says the incident is resolved, naming a claim for what is still owed and reopen', () => {
    ok(s.run(['incident', 'add', 'Fixed Shop', '--title', 'Broken kettle', '--fault', 'company', '--opened', '2026-11-01']));
    ok(s.run(['incident', 'close', 'fixed-shop-1', '--outcome', 'resolved', '--at', '2026-11-03']));
    const escalation = ok(s.run(['letter', 'fixed-shop-1', '--from', 'Me', '--kind', 'escalation']));
    expect(escalation.stderr).toContain('note: fixed-shop-1 is closed as resolved, and this escalation says the problem is not; to ask for what is still owed (an apology, compensation), write a claim (--kind claim), or reopen it if the problem came back (vetted incident reopen fixed-shop-1).');
    expect(ok(s.run(['--lang', 'ru', 'letter', 'fixed-shop-1', '--from', 'Me', '--kind', 'complaint'])).stderr).toMatch(/обращение fixed-shop-1 закрыто как решённое, а эта жалоба говорит/);
    // Not of one open, nor of one closed without a fix.
    ok(s.run(['incident', 'add', 'Fixed Shop', '--title', 'Broken again', '--fault', 'company', '--opened', '2026-11-10']));
    expect(ok(s.run(['letter', 'fixed-shop-2', '--from', 'Me', '--kind', 'escalation'])).stderr).not.toMatch(/closed as resolved/);
  });
});

describe('refusals', () => {
  it.each([
    [['letter', 'nope-1', '--from', 'D'], /no incident "nope-1"/],
    [['letter', VOLGA], /needs --from/],
    [['letter', VOLGA, '--kind', 'claim', '--from', 'D'], /needs --account .*--demand/],
    [['letter', VOLGA, '--kind', 'claim', '--from', 'D', '--account', '1', '--demand', 'refund'], /needs --amount/],
    [['letter', VOLGA, '--kind', 'regulator', '--from', 'D'], /shows no letter or email to it; send a claim first \(`vetted letter volga-2012-07 --kind claim --sent`, /],
    [['letter', VOLGA, '--from', 'D', '--jurisdiction', 'fr'], /--jurisdiction takes eu, none, ru, uk, us, not "fr"/],
    [['letter', VOLGA, '--from', 'D', '--amount', 'lots'], /--amount takes a sum/],
    [['letter', VOLGA, '--from', 'D', '--amount', '0'], /--amount takes a sum above 0/],
    [['letter', VOLGA, '--from', 'D', '--amount', '9007199254740993'], /--amount takes a sum above 0 .*at most 999999999999.99.*not "9007199254740993"/],
    [['letter', VOLGA, '--from', 'D', '--amount', '12.505'], /--amount takes a sum/],
    [['letter', VOLGA, '--kind', 'escalation', '--from', 'D', '--account', '1', '--demand', 'refund', '--case', 'goods'], /^vetted: an escalation letter needs --amount \(the sum you demand, as a number\)/],
    [['letter', VOLGA, '--from', 'D', '--currency', 'RUB'], /--currency goes with --amount/],
    [['letter', 'elefant-one-click', '--kind', 'claim', '--jurisdiction', 'ru', '--from', 'D', '--account', '1', '--demand', 'repair'], /needs --case/],
  ])('%j', (args, message) => {
    expect(expectOneLineError(s.run(args as string[]))).toMatch(message);
  });
});

describe('the facts a letter needs', () => {
  /** A value for each flag a refusal names: a demand of a sum, so that the sum is needed too. */
  const VALUES: Record<string, string> = { '--from': 'D', '--account': '1', '--demand': 'refund', '--amount': '500', '--currency': 'RUB', '--case': 'goods', '--to': 'The Ombudsman' };
  const u = sandbox();
  afterAll(() => u.cleanup());
  beforeAll(() => {
    ok(u.run(['incident', 'add', 'Facts Shop', '--title', 'Broken kettle', '--fault', 'company', '--opened', '2026-10-01']));
    ok(u.run(['letter', 'facts-shop-1', '--kind', 'complaint', '--from', 'Me', '--sent', '--at', '2026-10-02 10:00']));
  });

  it.each([
    [['--kind', 'claim', '--sent', '--at', '2026-10-20 10:00']],
    [['--kind', 'claim', '--jurisdiction', 'ru']],
    [['--kind', 'claim', '--from', 'D', '--demand', 'compensation']],
    [['--kind', 'regulator', '--from', 'D']],
    [['--kind', 'regulator', '--jurisdiction', 'ru']],
  ])('are all named in the one refusal: given them, the letter is written (%j)', (args) => {
    const refusal = expectOneLineError(u.run(['letter', 'facts-shop-1', ...args]));
    const named = [...new Set(refusal.match(/--[a-z]+(?= \()/g))];
    expect(named.length, refusal).toBeGreaterThan(0);
    ok(u.run(['letter', 'facts-shop-1', ...args, ...named.flatMap((f) => [f, VALUES[f]])]));
  });

  it('says a sum is needed with a demand of one, in both languages; without a jurisdiction, a regulator letter asks for whom to write to, not for the case', () => {
    expect(expectOneLineError(u.run(['letter', 'facts-shop-1', '--kind', 'claim', '--from', 'D']))).toBe(
      'vetted: a claim letter needs --account (your account or contract number with the company), --demand (what you demand: refund, repair, replacement, recalculation or compensation), and with --demand refund, recalculation or compensation also --amount (the sum you demand, as a number) and --currency (its currency, an ISO 4217 code such as RUB or EUR); give them as flags, or run on a terminal to be asked.',
    );
    expect(expectOneLineError(u.run(['--lang', 'ru', 'letter', 'facts-shop-1', '--kind', 'claim', '--from', 'D', '--account', '1']))).toBe(
      'vetted: для претензии нужно: --demand (ваше требование: возврат денег (refund), ремонт (repair), замена (replacement), перерасчёт (recalculation) или компенсация (compensation)), а при --demand refund, recalculation или compensation ещё --amount (сумма требования, числом) и --currency (её валюта, код ISO 4217, например RUB или EUR); укажите их флагами или запустите команду в терминале, чтобы ответить на вопросы.',
    );
    // The questions keep their capitals, and each begins small as it stands inside the sentence.
    expect(expectOneLineError(u.run(['--lang', 'ru', 'letter', 'facts-shop-1', '--kind', 'regulator', '--jurisdiction', 'ru', '--from', 'D']))).toMatch(
      /^vetted: для жалобы регулятору нужно: --case \(о чём речь: товары \(goods\), /,
    );
    // A demand of no sum asks for none.
    ok(u.run(['letter', 'facts-shop-1', '--kind', 'claim', '--from', 'D', '--account', '1', '--demand', 'repair']));
    expect(expectOneLineError(u.run(['letter', 'facts-shop-1', '--kind', 'regulator', '--from', 'D']))).toBe(
      'vetted: a regulator letter needs --to (the name of the regulator or ombudsman you write to); give it as a flag, or run on a terminal to be asked.',
    );
  });
});

describe('a letter about an incident closed without a fix', () => {
  const u = sandbox();
  afterAll(() => u.cleanup());
  beforeAll(() => {
    ok(u.run(['incident', 'add', 'Shop', '--title', 'Parcel lost', '--fault', 'company', '--opened', '2026-11-01 10:00']));
    ok(u.run(['incident', 'event', 'shop-1', 'promise', '--text', 'refund in 3 days', '--due', '2026-11-04 10:00', '--at', '2026-11-01 11:00']));
    ok(u.run(['incident', 'event', 'shop-1', 'resolution', '--outcome', 'unresolved', '--at', '2026-11-10 10:00']));
    writeFileSync(join(u.dir, '# Receipt.pdf'), 'x');
    ok(u.run(['incident', 'attach', 'shop-1', join(u.dir, '# Receipt.pdf')]));
  });

  it('says it was never fixed, counts to today and still asks for a fix (in Russian too)', () => {
    const en = ok(u.run(['letter', 'shop-1', '--from', 'X'])).stdout;
    expect(en).not.toMatch(/fixed only|to the fix/);
    expect(en).toMatch(/broken \(\d+ days overdue so far\)/);
    expect(en).toMatch(/\d+ days without a fix so far/);
    expect(en).toContain('- a fix of the problem');
    const ru = ok(u.run(['--lang', 'ru', 'letter', 'shop-1', '--from', 'X'])).stdout;
    expect(ru).not.toMatch(/устранено лишь|до устранения проблемы/);
  });

  it("keeps an enclosure's name a list item: a name starting with # opens no heading", () => {
    const md = ok(u.run(['letter', 'shop-1', '--from', 'X'])).stdout;
    expect(md).toContain('- \\# Receipt.pdf (1 B)');
  });

  it('records nothing as sent when --out cannot be written, and never writes over the database\'s own files', () => {
    const history = json<unknown[]>(u, ['history', '--json']);
    expect(expectOneLineError(u.run(['letter', 'shop-1', '--from', 'X', '--sent', '--out', u.dir]))).toMatch(/is a folder; give a file path to --out/);
    const full = u.run(['letter', 'shop-1', '--from', 'X', '--sent', '--out', '/dev/full']);
    expect([full.code, full.stderr]).toEqual([1, 'vetted: the disk is full, so nothing was saved; free some space and run the command again.\n']);
    expect(json<unknown[]>(u, ['history', '--json'])).toEqual(history);
    for (const own of [`${u.db}-wal`, `${u.db}-journal`, `${u.db}-shm`]) {
      expect(expectOneLineError(u.run(['letter', 'shop-1', '--from', 'X', '--out', own]))).toMatch(/is the database or one of its own files, so nothing was written there/);
    }
  });

  it('records nothing as sent when standard output, named by --out or not, cannot take the letter', () => {
    const history = json<unknown[]>(u, ['history', '--json']);
    const full = openSync('/dev/full', 'w');
    try {
      for (const out of [undefined, '-', '/dev/stdout']) {
        const r = spawnSync(process.execPath, [BIN, 'letter', 'shop-1', '--from', 'X', '--sent', ...(out === undefined ? [] : ['--out', out])], { env: u.env, cwd: u.dir, stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
        expect([r.status, r.stderr], out).toEqual([1, 'vetted: the output could not be written (ENOSPC); check where it goes: a full disk, or a file or device that takes nothing.\n']);
        expect(json<unknown[]>(u, ['history', '--json']), out).toEqual(history);
      }
    } finally {
      closeSync(full);
    }
  });

  it('waits for the reader of a pipe given to --out without holding the database, and records the letter once it is read', async () => {
    const fifo = join(u.dir, 'letter.pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const args = ['letter', 'shop-1', '--kind', 'complaint', '--from', 'X', '--sent', '--at', '2026-11-20 10:00', '--out', fifo];
    const letter = spawn(process.execPath, [BIN, ...args], { env: u.env, cwd: u.dir });
    let stderr = '';
    letter.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => letter.on('close', resolve));
    let read = { stdout: '' };
    try {
      // Long enough for the letter to reach its output and wait there for a reader.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      // Another command writes meanwhile, at once, not after the wait for a busy database.
      const started = Date.now();
      ok(u.run(['incident', 'add', 'Other Shop', '--title', 'meanwhile']));
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      // Read whatever happened above, so that the letter is never left waiting for a reader.
      read = spawnSync('cat', [fifo], { encoding: 'utf8' });
    }
    expect(await exited, stderr).toBe(0);
    expect(read.stdout).toMatch(/^X {2}\n/);
    expect(ok(u.run(['incident', 'show', 'shop-1'])).stdout).toMatch(/sent a complaint/);
    // The same letter again is refused before the pipe is opened: its reader is sent no letter that is not recorded.
    const again = spawnSync(process.execPath, [BIN, ...args], { env: u.env, cwd: u.dir, encoding: 'utf8', timeout: 10_000 });
    expect([again.status, again.stderr]).toEqual([2, 'vetted: this complaint letter is on the timeline of shop-1 already (sent 2026-11-20 10:00); nothing was recorded.\n']);
  });
});
