// The language of the interface: how it is chosen, plurals and dates through Intl, the
// Russian words of the closed vocabularies, the rules' facts said in both languages, and
// the problems of the files a user writes (checklists, policy.yaml, data files) likewise.
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { QUOTED_MAX, clipped, shellArg } from '../../src/i18n/format.js';
import { afterEach, describe, expect, it } from 'vitest';
import { langFlagOf, pickLang, setCatalog } from '../../src/i18n/index.js';
import { en } from '../../src/i18n/en.js';
import { ru } from '../../src/i18n/ru.js';
import { vocabularyId } from '../../src/i18n/vocabulary.js';
import { LEVELS, LISTS, OUTCOMES } from '../../src/domain/types.js';
import { formatPath, validateChecklist } from '../../src/domain/checklist.js';
import { DEFAULT_POLICY, validatePolicy, type Policy, type PolicyFault } from '../../src/domain/policy.js';
import { formatProblems, parseChecklistText, type ChecklistFileFault } from '../../src/formats/checklist-file.js';
import { describeProblems, validateDataFile, type DataFault, type Given } from '../../src/formats/data-file.js';
import type { ImportFault } from '../../src/store/merge.js';

afterEach(() => setCatalog(en));

describe('pickLang', () => {
  it.each([
    ['ru', {}, 'ru'],
    ['RU', {}, 'ru'],
    ['ru-RU', {}, 'ru'],
    ['ru_RU.UTF-8', {}, 'ru'],
    ['en', { LANG: 'ru_RU.UTF-8' }, 'en'],
    ['de', {}, 'en'],
    ['', {}, 'en'],
    [undefined, { LANG: 'ru_RU.UTF-8' }, 'ru'],
    [undefined, { LC_ALL: 'en_US.UTF-8', LANG: 'ru_RU.UTF-8' }, 'en'],
    [undefined, { LC_MESSAGES: 'ru_RU.UTF-8', LANG: 'en_US.UTF-8' }, 'ru'],
    [undefined, { LC_ALL: 'ru_RU.UTF-8', LC_MESSAGES: 'en_US.UTF-8' }, 'ru'],
    [undefined, { LC_ALL: '', LC_MESSAGES: '', LANG: 'ru' }, 'ru'],
    [undefined, { LANG: 'C' }, 'en'],
    [undefined, { LANG: 'POSIX' }, 'en'],
    [undefined, {}, 'en'],
    ['constructor', {}, 'en'],
    ['__proto__', {}, 'en'],
    [undefined, { LANG: 'toString' }, 'en'],
  ] as [string | undefined, NodeJS.ProcessEnv, string][])('--lang %j with %j → %s', (flag, env, want) => {
    expect(pickLang(flag, env)).toBe(want);
  });

  it('finds --lang in argv before the command line is parsed, the last one winning', () => {
    expect(langFlagOf(['lists', '--lang', 'ru'])).toBe('ru');
    expect(langFlagOf(['--lang=RU', 'why', 'x'])).toBe('RU');
    expect(langFlagOf(['--lang', 'en', 'lists', '--lang', 'ru'])).toBe('ru');
    expect(langFlagOf(['pin', 'x', 'white', '--', '--lang', 'ru'])).toBeUndefined();
  });
});

describe('plurals, numbers and dates through Intl', () => {
  const days = { one: 'день', few: 'дня', many: 'дней', other: 'дня' };
  it.each([
    [1, '1 день'],
    [2, '2 дня'],
    [5, '5 дней'],
    [11, '11 дней'],
    [21, '21 день'],
    [22, '22 дня'],
    [1.5, '1,5 дня'],
  ])('Russian: %d', (n, want) => {
    expect(ru.fmt.plural(n, days)).toBe(want);
  });

  it('the form of a word is the one Intl.PluralRules chooses, for a number asked once, asked again, and beyond the numbers kept', () => {
    const forms = { zero: 'z', one: 'o', two: 't', few: 'f', many: 'm', other: 'x' };
    const numbers = [...Array.from({ length: 6000 }, (_, k) => k), 1.5, 2.25, -1, -21, 0.1, 1e6 + 1, -0];
    for (const [catalog, locale] of [[en, 'en'], [ru, 'ru']] as const) {
      const rules = new Intl.PluralRules(locale);
      for (const round of ['first', 'again']) {
        for (const n of numbers) {
          const got = catalog.fmt.pluralWord(n, forms);
          if (got !== forms[rules.select(n)]) expect(got, `${locale} ${round} ${n}`).toBe(forms[rules.select(n)]);
        }
      }
    }
  });

  it('numbers are as Intl writes them: the digits of 0 to 999 (written without building Intl), and grouping and decimals beyond', () => {
    for (const [catalog, locale] of [[en, 'en'], [ru, 'ru']] as const) {
      const intl = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
      for (let n = 0; n < 1000; n++) expect(catalog.fmt.number(n)).toBe(intl.format(n));
      for (const n of [1000, 12345, 1234567, 1.5, 0.25, 999.5, -1, -1234.5]) expect(catalog.fmt.number(n)).toBe(intl.format(n));
    }
    expect(ru.fmt.number(12345)).toBe('12\u00a0345');
    expect(en.fmt.number(12345)).toBe('12,345');
  });

  it('dates and times are the text Intl gives (English for en-CA, Russian for ru), every day of several years', () => {
    for (const [catalog, locale] of [[en, 'en-CA'], [ru, 'ru']] as const) {
      const day = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' });
      const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });
      for (let ms = Date.UTC(1999, 0, 1); ms < Date.UTC(2031, 0, 1); ms += 86_400_000 + 7 * 60_000) {
        const at = new Date(ms);
        const text = at.toISOString().slice(0, 16);
        expect(catalog.fmt.date(text)).toBe(day.format(at));
        expect(catalog.fmt.dateTime(text)).toBe(`${day.format(at)} ${time.format(at)}`);
      }
    }
    expect(en.fmt.dateTime('2026-12-02')).toBe('2026-12-02');
    expect(ru.fmt.dateTime('2026-12-02')).toBe('02.12.2026');
    expect(en.fmt.date('not a date')).toBe('not a date');
  });

  it('dates and times that are no real day or time are written as the Date they make writes them (a year under 100, a 30th of February, 24:00)', () => {
    // A real one is written from its digits; any other as before, through the Date its parts make.
    // (A date alone is of the day's digits alone: `date` reads the day of a time.)
    const asDate = (text: string, dotted: boolean, withTime: boolean): string => {
      const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(withTime ? text : text.slice(0, 10))!;
      const iso = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], m[4] ? +m[4] : 0, m[5] ? +m[5] : 0)).toISOString();
      const day = dotted ? iso.slice(0, 10).split('-').reverse().join('.') : iso.slice(0, 10);
      return withTime && m[4] !== undefined ? `${day} ${iso.slice(11, 16)}` : day;
    };
    const pad = (n: number, w = 2) => String(n).padStart(w, '0');
    const near = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.option(fc.tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }))))
      .map(([y, mo, d, time]) => `${pad(y, 4)}-${pad(mo)}-${pad(d)}${time ? `T${pad(time[0])}:${pad(time[1])}` : ''}`);
    fc.assert(
      fc.property(near, (text) => {
        expect(en.fmt.dateTime(text)).toBe(asDate(text, false, true));
        expect(ru.fmt.dateTime(text)).toBe(asDate(text, true, true));
        expect(en.fmt.date(text)).toBe(asDate(text, false, false));
        expect(ru.fmt.date(text)).toBe(asDate(text, true, false));
      }),
      { numRuns: 5000 },
    );
    for (const text of ['0050-01-01T10:00', '2023-02-29T10:00', '2024-02-29T24:00', '2024-12-31T23:60', '2024-00-10', '2024-13-01', '2024-01-00'])
      expect([en.fmt.dateTime(text), ru.fmt.date(text)]).toEqual([asDate(text, false, true), asDate(text, true, false)]);
    expect(en.fmt.dateTime('2024-02-29T24:00')).toBe('2024-03-01 00:00');
    expect(ru.fmt.date('0050-01-01')).toBe('01.01.1950');
  });

  it('whole numbers of any size are as Intl writes them, grouped in thousands in each language', () => {
    for (const [catalog, locale] of [[en, 'en'], [ru, 'ru']] as const) {
      const intl = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
      fc.assert(
        fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.integer({ min: -1_000_000, max: 1_000_000 })), (n) => {
          expect(catalog.fmt.number(n)).toBe(intl.format(n));
        }),
        { numRuns: 2000 },
      );
      for (const n of [1000, 9999, 10_000, 999_999, 1_000_000, -1000, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e21, -0]) expect(catalog.fmt.number(n)).toBe(intl.format(n));
    }
  });

  it('lists are joined as Intl.ListFormat joins them, in each language', () => {
    const word = fc.string({ minLength: 0, maxLength: 6 });
    for (const [catalog, locale] of [[en, 'en'], [ru, 'ru']] as const) {
      const intl = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
      fc.assert(
        fc.property(fc.array(word, { maxLength: 7 }), (items) => {
          expect(catalog.fmt.list(items)).toBe(intl.format(items));
        }),
        { numRuns: 500 },
      );
    }
    expect(en.fmt.list(['a', 'b', 'c'])).toBe('a, b, and c');
    expect(ru.fmt.list(['a', 'b', 'c'])).toBe('a, b и c');
  });

  it('English: 1 question, 2 questions (never "1 questions")', () => {
    expect(en.fmt.plural(1, { one: 'question', other: 'questions' })).toBe('1 question');
    expect(en.fmt.plural(2, { one: 'question', other: 'questions' })).toBe('2 questions');
  });

  it('English: a policy set to its least says "1 month", "1 promise", never "1 months" or "1 or more promises"', () => {
    const least: Policy = { ...DEFAULT_POLICY, broken_promises: 1, repeat_window_months: 1 };
    const words = [
      en.rules.explain.B2(least),
      en.rules.explain.B3(least),
      en.finding({ kind: 'repeat', months: 1, incidents: [{ title: 'a', date: '2024-01-01' }, { title: 'b', date: '2024-01-20' }] }),
      ...(['deeds-to-black', 'words-to-black', 'watch-to-black'] as const).map((kind) => en.change({ kind, level: 'quality', promises: 1, repeat: 2, months: 1 })),
      en.data.importFault({ kind: 'no-event', events: 1, event: 2 }),
      en.data.progress(100, 1, 1),
      en.sources.progress('f.csv', 1, 1),
    ].join('\n');
    expect(words).not.toMatch(/\b1 (or more )?(months|promises|events|records|rows)\b/);
    expect(en.rules.explain.B2(least)).toBe("even one promise broken within one incident is a pattern, not one employee's slip");
    expect(en.rules.explain.B3(least)).toContain('each within 1 month of another');
    expect(en.change({ kind: 'watch-to-black', level: 'quality', promises: 1, repeat: 2, months: 1 })).toContain('1 promise is broken in one incident, 2 failures of theirs are left unresolved within 1 month,');
    expect(en.change({ kind: 'words-to-black', level: 'quality', promises: 3, repeat: 2, months: 24 })).toContain('3 promises broken in one incident, or 2 failures of theirs left unresolved within 24 months,');
    expect(en.data.importFault({ kind: 'no-event', events: 1, event: 2 })).toBe('this incident lists 1 event, so there is no event 2');
    expect(ru.data.progress(100, 1, 1)).toBe('загрузка… 100% (1 из 1 записи)');
    expect(ru.data.progress(50, 1, 5)).toBe('загрузка… 50% (1 из 5 записей)');
  });

  it('what a removal took with it is counted in words: no "its 0 events", no "its 1 pieces"', () => {
    const w = en.correct;
    expect(w.incidentRemoved('acme-3', 'Acme', 0)).toBe('removed acme-3 of Acme');
    expect(w.incidentRemoved('acme-3', 'Acme', 1)).toBe('removed acme-3 of Acme with its one event');
    expect(w.incidentRemoved('acme-3', 'Acme', 1200)).toBe('removed acme-3 of Acme with its 1,200 events');
    expect(w.companyRemoved('Acme', 0)).toBe('removed Acme');
    expect(w.companyRemoved('Acme', 1)).toBe('removed Acme and its 1 piece of evidence');
    expect(w.companyRemoved('Acme', 3)).toBe('removed Acme and its 3 pieces of evidence');
  });

  it('dates as each language writes them, without a time zone shifting the day', () => {
    expect(en.fmt.date('2026-11-26T23:30')).toBe('2026-11-26');
    expect(ru.fmt.date('2026-11-26T23:30')).toBe('26.11.2026');
    expect(ru.fmt.dateTime('2026-11-26T18:00')).toBe('26.11.2026 18:00');
    expect(en.fmt.dateTime('2026-11-26')).toBe('2026-11-26');
  });
});

describe('a number and its noun in Russian', () => {
  // 1 байт, 2 байта, 5 байт, 11 байт, 21 байт, 22 байта, 111 байт; after «больше» the genitive: 1 лексемы, 2 лексем.
  const NUMBERS = [1, 2, 5, 11, 21, 22, 111];
  it.each([
    ['байт', (n: number) => ru.files.nameTooLong('/x', n, 0, '--out'), ['1 байт,', '2 байта,', '5 байт,', '11 байт,', '21 байт,', '22 байта,', '111 байт,']],
    ['лексем', (n: number) => ru.files.yamlTooManyTokens('x.yaml', n), ['больше 1 лексемы', 'больше 2 лексем', 'больше 5 лексем', 'больше 11 лексем', 'больше 21 лексемы', 'больше 22 лексем', 'больше 111 лексем']],
    ['словарей', (n: number) => ru.files.jsonTooBig('x.json', n, n), ['больше 1 словаря и списка или 1 значения', 'больше 2 словарей и списков или 2 значений', 'больше 5 словарей и списков или 5 значений', 'больше 11 словарей и списков или 11 значений', 'больше 21 словаря и списка или 21 значения', 'больше 22 словарей и списков или 22 значений', 'больше 111 словарей и списков или 111 значений']],
    ['словарей (обмен)', (n: number) => ru.data.shareTooBig(n, n, false), ['больше 1 словаря и списка или 1 значения', 'больше 2 словарей и списков или 2 значений', 'больше 5 словарей и списков или 5 значений', 'больше 11 словарей и списков или 11 значений', 'больше 21 словаря и списка или 21 значения', 'больше 22 словарей и списков или 22 значений', 'больше 111 словарей и списков или 111 значений']],
    ['уровней', (n: number) => ru.letter.templateFault({ kind: 'too-deep', max: n }, 1), ['глубже 1 уровня', 'глубже 2 уровней', 'глубже 5 уровней', 'глубже 11 уровней', 'глубже 21 уровня', 'глубже 22 уровней', 'глубже 111 уровней']],
  ] as [string, (n: number) => string, string[]][])('%s takes the form its number asks for', (_word, say, forms) => {
    NUMBERS.forEach((n, i) => expect(say(n)).toContain(forms[i]));
  });
});

describe('the first letter of a Russian message', () => {
  it('is small where the English one is: a message after "vetted: " or in a line of its own goes on as a sentence begun', () => {
    // Each message said with "x" for what it is given (a name, a number), and its first letter compared.
    const say = (v: unknown): string | undefined => {
      if (typeof v === 'string') return v;
      if (typeof v !== 'function') return undefined;
      for (const arg of ['x', 1]) {
        try {
          const r = (v as (...a: unknown[]) => unknown)(...Array<unknown>(v.length).fill(arg));
          if (typeof r === 'string') return r;
        } catch {
          // Given something else (an object): tried with the next.
        }
      }
      return undefined;
    };
    // A page's line that begins with a number in English ("3 on the black list") is a sentence of its own in Russian.
    const own = new Set(['page.counts']);
    const capitals: string[] = [];
    const walk = (a: unknown, b: unknown, path: string[]) => {
      if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a)) {
        for (const k of Object.keys(a)) walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], [...path, k]);
        return;
      }
      const english = say(a);
      const russian = say(b);
      if (english !== undefined && russian !== undefined && /^[a-z]/.test(english) && /^[А-ЯЁ]/.test(russian) && !own.has(path.join('.'))) capitals.push(`${path.join('.')}: ${russian}`);
    };
    walk(en, ru, []);
    expect(capitals).toEqual([]);
    expect(ru.pin.notPinned('Volgatelecom')).toBe('компания Volgatelecom не закреплена; откреплять нечего.');
  });
});

describe('the questions asked on a terminal', () => {
  it('end as questions where they ask one, in each language: «Сколько минут…?», not a label without its mark', () => {
    const asks = { en: /^(How|What|Who|When|Which|Whose|Did|Was|Is|Are|Do|Does|Log)\b/, ru: /^(Как|Что|Кто|Сколько|Когда|Какой|Какая|Какое|Какие|Чей|Чья|Чего|Ответил|Мешало|Связь|Сдержали|Предложили|Сказали|Записать|К какому)/ };
    for (const [lang, c] of [['en', en], ['ru', ru]] as const) {
      const questions = Object.entries(c.prompts.question as Record<string, string>);
      expect(questions.length).toBeGreaterThan(10);
      for (const [field, q] of questions) if (asks[lang].test(q)) expect(q.replace(/ \([^()]*\)$/, ''), `${lang} ${field}`).toMatch(/\?$/);
    }
    expect(ru.prompts.question.wait_minutes).toMatch(/^Сколько минут.*\?$/);
    expect(ru.prompts.question.queue_position).toMatch(/\? \(Enter — пропустить\)$/);
  });
});

describe('due in Russian', () => {
  it('in Russian, how late a promise is reads right for every number (просрочено на 21 минуту, на 1 час, на 21 день)', () => {
    const minutes = (n: number) => n * 60_000;
    expect(ru.due.brokenLine('звонок', '2026-11-01T10:00', minutes(21))).toMatch(/просрочено на 21 минуту$/);
    expect(ru.due.brokenLine('звонок', '2026-11-01T10:00', minutes(60))).toMatch(/просрочено на 1 час$/);
    expect(ru.due.brokenLine('звонок', '2026-11-01T10:00', minutes(60 * 24 * 21))).toMatch(/просрочено на 21 день$/);
    expect(ru.due.staleLine(11)).toBe('событий нет уже 11 дней');
  });

});

describe('a name in a command shown for copying', () => {
  it('reaches the shell as that one word, whatever it holds', () => {
    // Each word as the one argument of a command that takes options (a -- before it ends them).
    const throughShell = (words: string[]) => {
      const command = `one() { [ "$1" = -- ] && shift; printf '%s\\0' "$1"; }; ${words.map((w) => `one ${shellArg(w)}`).join('; ')}`;
      const r = spawnSync('sh', ['-c', command], { encoding: 'utf8' });
      return r.stdout.split('\0').slice(0, -1);
    };
    const hostile = ['X $(touch PWNED) "; echo hi; "`id`', "it's", 'a\\b', '!!', 'Some Shop', '$HOME', "'", '"', 'Ac\u200bme', "It's\u00ad!", '\u202eevil', '-x', '--help', '-x\u200b', '%d%s'];
    expect(throughShell(hostile)).toEqual(hostile);
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', minLength: 1 }).filter((x) => !x.includes('\0')), { minLength: 1, maxLength: 8 }), (words) => {
        expect(throughShell(words)).toEqual(words);
      }),
      { numRuns: 40 },
    );
    expect(shellArg('Some Shop')).toBe('"Some Shop"');
    // A name that begins with - is not read as an option.
    expect(shellArg('--help')).toBe('-- "--help"');
    // What a terminal shows as <U+…> is written so that the line, pasted, still names the company.
    expect(shellArg('Ac\u200bme')).toBe(`"$(printf -- 'Ac\\342\\200\\213me')"`);
  });
});

describe('the closed vocabularies in the catalog words', () => {
  it.each([
    ['outcome', OUTCOMES, 'решено', 'resolved'],
    ['outcome', OUTCOMES, 'НЕ РЕШЕНО', 'unresolved'],
    ['outcome', OUTCOMES, 'не_решено', 'unresolved'],
    ['outcome', OUTCOMES, 'Resolved', 'resolved'],
    ['level', LEVELS, 'руководство', 'management'],
    ['level', LEVELS, 'Старший смены', 'supervisor'],
    ['list', LISTS, 'чёрный', 'black'],
    ['list', LISTS, 'черный', 'black'],
  ] as const)('%s %s → %s', async (vocabulary, ids, given, want) => {
    expect(await vocabularyId(vocabulary, ids, given)).toBe(want);
  });

  it('Russian words are understood with the English interface, and English ids with the Russian one', async () => {
    setCatalog(en);
    expect(await vocabularyId('outcome', OUTCOMES, 'брошено')).toBe('abandoned');
    setCatalog(ru);
    expect(await vocabularyId('outcome', OUTCOMES, 'abandoned')).toBe('abandoned');
  });

  it('whose fault: the answers the question offers are taken as typed after --fault (моя, mine), in either interface', async () => {
    const FAULTS = ['company', 'third-party', 'customer', 'unknown'] as const;
    setCatalog(ru);
    expect(await vocabularyId('fault', FAULTS, 'моя')).toBe('customer');
    expect(await vocabularyId('fault', FAULTS, 'кого-то ещё')).toBe('third-party');
    expect(await vocabularyId('fault', FAULTS, 'Пока неясно')).toBe('unknown');
    expect(await vocabularyId('fault', FAULTS, 'mine')).toBe('customer');
    setCatalog(en);
    expect(await vocabularyId('fault', FAULTS, 'mine')).toBe('customer');
    expect(await vocabularyId('fault', FAULTS, "the company's")).toBe('company');
    expect(await vocabularyId('fault', FAULTS, 'the company’s')).toBe('company');
    expect(await vocabularyId('fault', FAULTS, 'моя')).toBe('customer');
    // The explanation is not a value, nor is a word of it.
    expect(await vocabularyId('fault', FAULTS, 'mine (I made a mistake, or simply changed my mind)')).toBeUndefined();
    expect(await vocabularyId('fault', FAULTS, 'mistake')).toBeUndefined();
  });

  it('every answer a question offers for a vocabulary is distinct within it, and from the other values\' words', () => {
    for (const c of [en, ru]) {
      const labels = Object.entries(c.prompts.faultLabel).map(([id, l]) => [id, l.replace(/\s*\(.*$/su, '').toLowerCase()]);
      for (const [id, l] of labels) {
        for (const [other, word] of Object.entries(c.words.fault)) if (other !== id) expect(word.toLowerCase(), `${c.lang} ${id}`).not.toBe(l);
      }
      expect(new Set(labels.map(([, l]) => l)).size, c.lang).toBe(labels.length);
    }
  });

  it('a word outside the ids asked for is not taken', async () => {
    expect(await vocabularyId('list', ['black', 'white'] as const, 'watch')).toBeUndefined();
    expect(await vocabularyId('list', ['black', 'white'] as const, 'наблюдение')).toBeUndefined();
    expect(await vocabularyId('outcome', OUTCOMES, 'починили')).toBeUndefined();
  });

  it('every word of a vocabulary is distinct within it, so that each names one id', () => {
    for (const c of [en, ru]) {
      for (const [name, words] of Object.entries(c.words)) {
        const values = Object.values(words as Record<string, string>).map((w) => w.toLowerCase());
        expect(new Set(values).size, `${c.lang} ${name}`).toBe(values.length);
      }
    }
  });
});

// ---- the problems of the files a user writes by hand, said in the reader's language ----

/** One fault of each kind, with the words English says it in (the Russian must be Russian). */
const CHECKLIST_FAULTS: [ChecklistFileFault, string][] = [
  [{ kind: 'checklist-map' }, 'a checklist must be a map with id, version, title and questions'],
  [{ kind: 'question-map' }, 'must be a map with id, text and answers'],
  [{ kind: 'answer-map' }, 'must be a map with value, label and score'],
  [{ kind: 'required' }, 'is required'],
  [{ kind: 'score-required' }, 'is required (a number from 0 to 1, or null)'],
  [{ kind: 'empty' }, 'must not be empty'],
  [{ kind: 'local-text' }, 'must be a string or a map of language to string'],
  [{ kind: 'no-language' }, 'must name at least one language'],
  [{ kind: 'language-code', code: 'EN' }, '"EN" is not a language code such as en or ru'],
  [{ kind: 'blank-translation' }, 'must be a non-empty string'],
  [{ kind: 'unknown-field', fields: ['id', 'text'] }, 'unknown field (expected one of: id, text)'],
  [{ kind: 'id', example: 'who-helps' }, 'must be lower-case words and dashes, such as who-helps'],
  [{ kind: 'version' }, 'must be a whole number from 1 up'],
  [{ kind: 'weight', min: 0.01, max: 100 }, 'must be a positive number, from 0.01 to 100'],
  [{ kind: 'unknown-answer', score: 0.2 }, 'the answer unknown (could not find out) scores 0.2 in every checklist and is no dealbreaker (CHECKLISTS.md); word it as you like, but leave its score 0.2'],
  [{ kind: 'score' }, 'must be a number from 0 to 1, or null'],
  [{ kind: 'dealbreaker-unscored' }, 'an answer left out of the score (score: null, such as "does not apply") cannot fail the check; give it a score of 0 to make it a dealbreaker, or drop dealbreaker'],
  [{ kind: 'boolean' }, 'must be true or false'],
  [{ kind: 'questions' }, 'must be a list of at least one question'],
  [{ kind: 'answers' }, 'must be a list of at least one answer'],
  [{ kind: 'duplicate-question', id: 'q1' }, '"q1" appears twice in this checklist'],
  [{ kind: 'duplicate-answer', value: 'yes' }, '"yes" appears twice in this question'],
  [{ kind: 'yaml', detail: 'Missing closing "quote' }, 'Missing closing "quote'],
];

const POLICY_FAULTS: [PolicyFault, string][] = [
  [{ kind: 'policy-map' }, 'a policy must be a map of setting to value'],
  [{ kind: 'unknown-setting', settings: ['broken_promises', 'repeat_unresolved'] }, 'unknown setting (the settings are: broken_promises, repeat_unresolved)'],
  [{ kind: 'whole-number', min: 1, max: 100 }, 'must be a whole number from 1 to 100'],
  [{ kind: 'levels', levels: ['quality', 'management'] }, 'must be a list of levels from quality, management'],
  [{ kind: 'one-of', values: ['none', 'asked'] }, 'must be one of none, asked'],
  [{ kind: 'above-go', go: 80 }, 'must not be above check_go_from (80)'],
];

const text = (s: string): Given => ({ kind: 'value', text: JSON.stringify(s) });
const DATA_FAULTS: [DataFault, string][] = [
  [{ kind: 'year', year: 9999, first: 1900, last: 2199 }, 'is in the year 9999; give a date from 1900 to 2199'],
  [{ kind: 'future' }, 'is in the future; record what has happened, with the time it happened'],
  [
    { kind: 'future-exported', record: 'alpha-1#3', field: 'event' },
    'is still to come, and what happened cannot be later than now: give it the time it happened, here in the file or in the database it came from (`vetted event edit alpha-1#3 --at WHEN`, then export again)',
  ],
  [
    { kind: 'future-exported', record: 'alpha-1', field: 'opened' },
    'is still to come, and what happened cannot be later than now: give it the time it happened, here in the file or in the database it came from (`vetted incident edit alpha-1 --opened WHEN`, then export again)',
  ],
  [{ kind: 'future-exported', record: 'chk-1', field: 'check' }, 'is still to come, and what happened cannot be later than now: give it the time it happened, here in the file'],
  [{ kind: 'before-opened', opened: '2024-07-10' }, 'is before the incident was opened (2024-07-10)'],
  [{ kind: 'before-made', made: '2024-07-12' }, 'is before the promise was made (2024-07-12)'],
  [{ kind: 'data-map', format: 'vetted/1' }, 'a data file must be a map with format: vetted/1'],
  [{ kind: 'format-missing', format: 'vetted/1' }, 'is missing: a data file starts with format: vetted/1'],
  [{ kind: 'newer-format', given: 'vetted/2', format: 'vetted/1' }, 'is vetted/2, a newer format than this vetted reads (vetted/1); upgrade vetted to import it'],
  [{ kind: 'format', format: 'vetted/1', got: { kind: 'value', text: '5' } }, 'must be vetted/1, not 5'],
  [{ kind: 'map', got: { kind: 'list' } }, 'must be a map, not a list'],
  [{ kind: 'list', got: { kind: 'map' } }, 'must be a list, not a map'],
  [{ kind: 'unknown-field' }, 'unknown field'],
  [{ kind: 'required' }, 'is required'],
  [{ kind: 'required-without-events' }, 'is required of an incident without events (one with events opens at its earliest)'],
  [{ kind: 'not-text', got: { kind: 'value', text: 'null' } }, 'must be text, not null'],
  [{ kind: 'empty' }, 'must not be empty'],
  [{ kind: 'too-long', max: 200 }, 'is longer than 200 characters'],
  [{ kind: 'invisible' }, 'has no visible character (only spaces, marks or zero-width characters)'],
  [{ kind: 'id', max: 64, example: 'volga-2012-07' }, 'must be letters, digits, dots, dashes or underscores (at most 64), such as volga-2012-07'],
  [{ kind: 'sha256' }, 'must be a SHA-256 hash: 64 lower-case hexadecimal digits'],
  [{ kind: 'date', got: text('yesterday') }, 'must be a real ISO 8601 date such as 2024-07-12 or 2024-07-12T09:30, not "yesterday"'],
  [{ kind: 'one-of', values: ['black', 'white'], got: text('grey') }, 'must be one of black, white, not "grey"'],
  [{ kind: 'text-map', got: { kind: 'list' } }, 'must be a map of question id to text, not a list'],
  [{ kind: 'positive', got: { kind: 'value', text: '0' } }, 'must be a whole number from 1 up, not 0'],
  [{ kind: 'boolean', got: text('yes') }, 'must be true or false, not "yes"'],
  [{ kind: 'event-id', got: text('nope') }, 'must be an event id such as volga-2012-07#4, not "nope"'],
  [{ kind: 'not-event-field', type: 'escalation', fields: ['level', 'note'] }, 'is not a field of an escalation event (its fields are level, note)'],
  [{ kind: 'required-for', type: 'promise' }, 'is required for a promise event'],
  [{ kind: 'event-field', field: 'text', max: 10_000, got: { kind: 'list' } }, 'must be text of at most 10000 characters, not a list'],
  [{ kind: 'event-field', field: 'bool', got: text('maybe') }, 'must be true or false, not "maybe"'],
  [{ kind: 'event-field', field: 'count', max: 1_000_000_000, got: { kind: 'value', text: '-1' } }, 'must be a whole number from 0 to 1,000,000,000, not -1'],
  [{ kind: 'event-field', field: 'number', max: 1_000_000_000_000_000, got: { kind: 'value', text: '-5' } }, 'must be a number from 0 to 1,000,000,000,000,000, not -5'],
  [{ kind: 'event-field', field: 'when', got: text('soon') }, 'must be an ISO 8601 date such as 2024-07-12 or 2024-07-12T09:30, not "soon"'],
  [{ kind: 'event-field', field: 'enum', values: ['phone', 'chat'], got: text('fax') }, 'must be one of: phone, chat, not "fax"'],
  [{ kind: 'event-field', field: 'currency', got: text('euro') }, 'must be a three-letter ISO 4217 code such as EUR, not "euro"'],
  [{ kind: 'file-name' }, 'must be a file name, without folders'],
  [{ kind: 'file-name-control' }, 'must be a file name without control characters (a line break, a tab, an escape, a mark turning text right to left)'],
  [{ kind: 'size', max: 52_428_800, got: { kind: 'value', text: '-1' } }, 'must be a size in bytes, 0 to 52428800, not -1'],
  [{ kind: 'base64' }, 'must be the file in base64'],
];

const IMPORT_FAULTS: [ImportFault, string][] = [
  [{ kind: 'own-parent', company: 'Acme' }, 'Acme cannot be its own parent'],
  [{ kind: 'parent-loop', company: 'Acme', parent: 'Acme Bank' }, 'Acme Bank cannot be the parent of Acme: it is one of its own subsidiaries'],
  [{ kind: 'no-checklist', checklist: 'laptop', known: ['general'] }, 'there is no checklist "laptop" (known: general); add its file to your checklists folder first'],
  [{ kind: 'unanswered', questions: ['cancel', 'returns'] }, 'no answer to cancel, returns'],
  [{ kind: 'not-a-question', question: 'colour', checklist: 'general' }, 'not a question of the general checklist'],
  [{ kind: 'id-taken', id: 'volga-1', company: 'Volgatelecom' }, 'the id "volga-1" already belongs to an incident of Volgatelecom; give this incident another id'],
  [{ kind: 'no-event', events: 2, event: 5 }, 'this incident lists 2 events, so there is no event 5'],
  [{ kind: 'content-mismatch' }, 'does not match its sha256 and size; the file was changed or cut short'],
];

/** Russian words: some Cyrillic, and no English sentence left in (only ids and the YAML parser's detail). */
function expectRussian(said: string, english: string): void {
  expect(said).toMatch(/[а-яё]{3}/i);
  expect(said).not.toBe(english);
}

describe('the problems of a hand-written checklist', () => {
  it.each(CHECKLIST_FAULTS)('%j: English as before, Russian in Russian', (fault, english) => {
    expect(en.checklists.fault(fault)).toBe(english);
    expectRussian(ru.checklists.fault(fault), english);
  });

  it('write a fraction as Russian writes it', () => {
    expect(ru.checklists.fault({ kind: 'unknown-answer', score: 0.2 })).toMatch(/оценивается в 0,2 .*оценка должна остаться 0,2$/);
  });

  it('are found as facts and worded by the catalog in use', () => {
    const result = validateChecklist({ id: 'Bad', version: 1, title: 'T', questions: [{ id: 'q', text: 'Q?', answers: [{ value: 'a', label: 'A', score: 2 }] }] });
    if (!('errors' in result)) throw new Error('expected problems');
    expect(result.errors.map((e) => [formatPath(e.path), ru.checklists.fault(e.fault)])).toEqual([
      ['id', 'только строчные латинские буквы и цифры, слова через дефис, например general'],
      ['questions[0].answers[0].score', 'должно быть числом от 0 до 1 или null'],
    ]);
  });

  it('name their file, line and column in the reader language, and how many more there are', () => {
    const { problems } = parseChecklistText('id: x\nversion: 0\ntitle: X\ncolour: red\n', 'x.yaml');
    setCatalog(ru);
    expect(formatProblems('x.yaml', problems)).toEqual([
      // In the file's order, as a person mends them.
      'x.yaml:1:1: questions: должно быть списком хотя бы из одного вопроса',
      'x.yaml:2:10: version: должно быть целым числом не меньше 1',
      'x.yaml:4:9: colour: неизвестное поле (допустимы: id, version, title, description, questions)',
    ]);
    expect(ru.checklists.broken('x.yaml:4:9: colour: …', 2, 'x.yaml')).toBe(
      'чек-лист x.yaml:4:9: colour: … (и ещё 2 проблемы); запустите `vetted checklists validate "x.yaml"`, чтобы увидеть все.',
    );
    expect(formatProblems('x.yaml', problems, en)[2]).toBe('x.yaml:4:9: colour: unknown field (expected one of: id, version, title, description, questions)');
  });

  it('speak of all the problems only where there are more than one', () => {
    expect(en.checklists.broken('x.yaml:4:9: colour: …', 0, 'x.yaml')).toBe('the checklist x.yaml:4:9: colour: …; mend it, and check the checklist again with `vetted checklists validate "x.yaml"`.');
    expect(ru.checklists.broken('x.yaml:4:9: colour: …', 0, 'x.yaml')).toBe('чек-лист x.yaml:4:9: colour: …; исправьте это и проверьте чек-лист снова: `vetted checklists validate "x.yaml"`.');
    expect(en.letter.badTemplate('t.md', 2, 'unknown placeholder {{x}}', 0)).toBe('the template t.md:2: unknown placeholder {{x}}; mend it, and check the template again with `vetted letters check "t.md"`.');
    expect(ru.letter.badTemplate('t.md', 2, 'неизвестная подстановка {{x}}', 0)).toBe('шаблон t.md:2: неизвестная подстановка {{x}}; исправьте это и проверьте шаблон снова: `vetted letters check "t.md"`.');
    expect(en.letter.badTemplate('t.md', 2, 'unknown placeholder {{x}}', 1)).toBe('the template t.md:2: unknown placeholder {{x}} (and 1 more); run `vetted letters check "t.md"` to see them all.');
    expect(ru.letter.badTemplate('t.md', 2, 'неизвестная подстановка {{x}}', 1)).toBe('шаблон t.md:2: неизвестная подстановка {{x}} (и ещё 1); все ошибки покажет `vetted letters check "t.md"`.');
  });
});

describe('the problems of a policy.yaml', () => {
  it.each(POLICY_FAULTS)('%j: English as before, Russian in Russian', (fault, english) => {
    expect(en.policyFile.fault(fault)).toBe(english);
    expectRussian(ru.policyFile.fault(fault), english);
  });

  it('are found as facts, every one with its setting', () => {
    const v = validatePolicy({ broken_promises: 0, recovery_max_level: 'boss' });
    if (!('errors' in v)) throw new Error('expected problems');
    expect(v.errors.map((e) => `${formatPath(e.path)}: ${ru.policyFile.fault(e.fault)}`)).toEqual([
      'broken_promises: должно быть целым числом от 1 до 100',
      'recovery_max_level: должно быть одним из: frontline, supervisor, quality, management, regulator, court',
    ]);
    expect(ru.policyFile.invalid('policy.yaml', 'строка 1: broken_promises: должно быть целым числом от 1 до 100')).toBe(
      'policy.yaml: строка 1: broken_promises: должно быть целым числом от 1 до 100; исправьте файл или удалите его, чтобы действовали значения по умолчанию.',
    );
  });
});

describe('the problems of a data file', () => {
  it.each(DATA_FAULTS)('%j: English as before, Russian in Russian', (fault, english) => {
    expect(en.data.fault(fault)).toBe(english);
    expectRussian(ru.data.fault(fault), english);
  });

  it.each(IMPORT_FAULTS)('import %j: English as before, Russian in Russian', (fault, english) => {
    expect(en.data.importFault(fault)).toBe(english);
    expectRussian(ru.data.importFault(fault), english);
  });

  it('date rules and structure alike are facts, described in the catalog given, each with its line', () => {
    const now = new Date(2026, 0, 1, 12).getTime();
    const v = validateDataFile(
      { format: 'vetted/1', incidents: [{ company: 'A', title: 'T', opened: '2024-07-10', closed: '2024-07-01', events: [{ type: 'note', at: '2099-01-01' }] }] },
      { now },
    );
    if (!('errors' in v)) throw new Error('expected problems');
    const locate = (path: (string | number)[]) => ({ line: path.length });
    expect(describeProblems(v.errors, 1, locate, ru)).toBe('строка 3: incidents[0].closed: раньше, чем открыто обращение (2024-07-10) (и ещё 1)');
    expect(describeProblems(v.errors, 5, undefined, en)).toBe(
      'incidents[0].closed: is before the incident was opened (2024-07-10); incidents[0].events[0].at: is in the future; record what has happened, with the time it happened',
    );
  });

  it('says "at least" of the problems past those shown where validation stopped counting them', () => {
    const bad = (n: number) => validateDataFile({ format: 'vetted/1', pins: Array.from({ length: n }, () => ({ company: 'A', list: 'grey' })) });
    const many = bad(500);
    const few = bad(3);
    if (!('errors' in many) || !('errors' in few)) throw new Error('expected problems');
    expect(describeProblems(many.errors, 5, undefined, en)).toMatch(/ \(and at least 95 more\)$/);
    expect(describeProblems(many.errors, 5, undefined, ru)).toMatch(/ \(и ещё не меньше 95\)$/);
    expect(describeProblems(few.errors, 5, undefined, en)).toMatch(/ \(and 1 more\)$/);
  });

  it('a comma in a { } text is explained in Russian too', () => {
    const v = validateDataFile({ format: 'vetted/1', pins: [{ company: 'A', list: 'black', reason: 'slow', rude: null }] });
    if (!('errors' in v)) throw new Error('expected problems');
    const said = describeProblems(v.errors, 5, () => ({ line: 3, strayKey: true }), ru);
    expect(said).toBe(
      'строка 3: pins[0].rude: неизвестное поле (запятая внутри { } завершает текст, а всё после неё читается как отдельный ключ: возьмите текст с запятой в кавычки)',
    );
  });
});

describe('what a law pack says must be checked', () => {
  it('is in the reader language for a pack, and in the user own words for an override', () => {
    const both = { en: 'in article 55, the 30 days', ru: 'в статье 55 — 30 дней' };
    expect(en.letter.toCheck(both)).toBe('in article 55, the 30 days');
    expect(ru.letter.toCheck(both)).toBe('в статье 55 — 30 дней');
    expect(ru.letter.toCheck('my own note')).toBe('my own note');
  });
});

describe('what the parsers say, in Russian', () => {
  it('a YAML fault by its code, a JSON fault by what V8 said and where; an unknown one as the parser said it', () => {
    expect(ru.files.badYaml('f.yaml:2:1', 'Tabs are not allowed as indentation', 'TAB_AS_INDENT')).toBe('f.yaml:2:1 — неправильный YAML: табуляция в отступе: делайте отступы пробелами; исправьте и повторите.');
    expect(ru.files.badYaml('f.yaml:1:1', 'Something new', 'NEW_CODE')).toContain('Something new');
    expect(en.files.badYaml('f.yaml:2:1', 'Tabs are not allowed as indentation', 'TAB_AS_INDENT')).toBe('f.yaml:2:1 is not valid YAML: Tabs are not allowed as indentation; fix it and try again.');
    const said = (text: string) => {
      try {
        JSON.parse(text);
      } catch (err) {
        return ru.files.badJson('f.json', (err as Error).message);
      }
      throw new Error('parsed');
    };
    expect(said('{"a":1,}')).toBe('f.json — неправильный JSON: ожидалось имя свойства в двойных кавычках (позиция 7); исправьте и повторите.');
    expect(said('[1,2')).toContain('после элемента списка ожидалось «,» или «]»');
    expect(said('{"a": [1,}')).toContain('неожиданный символ «}»');
    expect(said('{"a":')).toContain('текст обрывается раньше, чем закончился JSON');
    // No English word but the name of the format.
    for (const text of ['{"a":1,}', '[1,2', '{"a" 1}', '"\\x"', '{} x', '']) expect(said(text).replace('f.json', '').replaceAll('JSON', '')).not.toMatch(/[A-Za-z]{3,}/);
  });
});

describe('the words of a finding', () => {
  it.each([['en', en], ['ru', ru]] as const)('%s: a kind this build does not know is named, and no property of an object is taken for one', (_lang, c) => {
    for (const kind of ['renamed-kind', 'toString', 'constructor', '__proto__']) {
      expect(c.finding({ kind } as never)).toBe(kind);
    }
    expect(c.finding({ kind: 'pin', reason: 'x' })).not.toBe('pin');
  });
});

describe('the words of a rule name the levels the policy in force counts', () => {
  const withSupervisor: Policy = { ...DEFAULT_POLICY, institutional_levels: ['supervisor', 'quality', 'management', 'regulator', 'court'] };
  const twoOnly: Policy = { ...DEFAULT_POLICY, institutional_levels: ['management', 'court'] };
  it.each([
    ['en', en, DEFAULT_POLICY, 'a failure reached the quality department, management, the regulator or a court and'],
    ['en', en, withSupervisor, 'a failure reached a supervisor, the quality department, management, the regulator or a court and'],
    ['en', en, twoOnly, 'a failure reached management or a court and'],
    ['ru', ru, DEFAULT_POLICY, 'ошибка дошла до отдела качества, руководства, регулятора или суда и'],
    ['ru', ru, withSupervisor, 'ошибка дошла до старшего смены, отдела качества, руководства, регулятора или суда и'],
    ['ru', ru, twoOnly, 'ошибка дошла до руководства или суда и'],
  ] as const)('%s: B1 says which levels are the company itself', (_lang, c, policy, said) => {
    expect(c.rules.explain.B1(policy)).toContain(said);
  });

  it.each([
    ['en', en, DEFAULT_POLICY, 'failures that stayed with the front line or a supervisor are one employee'],
    ['en', en, withSupervisor, 'failures that stayed with the front line are one employee'],
    ['ru', ru, DEFAULT_POLICY, 'ошибки, оставшиеся на первой линии или у старшего смены, — это один сотрудник'],
    ['ru', ru, withSupervisor, 'ошибки, оставшиеся на первой линии, — это один сотрудник'],
  ] as const)('%s: the note on a watch names the levels that are one employee', (_lang, c, policy, said) => {
    expect(c.why.watchNote(policy)).toContain(said);
  });

  it.each([['en', en], ['ru', ru]] as const)('%s: a policy that counts every level as the company leaves no level to one employee, and says none', (_lang, c) => {
    expect(c.why.watchNote({ ...DEFAULT_POLICY, institutional_levels: [...LEVELS] })).toBe(c.why.watchNoteNoRule);
  });
});

describe('user text quoted back in a message', () => {
  const junk = 'x'.repeat(10_000);
  it('is cut past the longest name a record holds, between the characters a reader sees; a name is whole', () => {
    expect(QUOTED_MAX).toBe(200);
    expect(clipped(junk)).toBe(`${'x'.repeat(199)}…`);
    const name = 'N'.repeat(200);
    expect(clipped(name)).toBe(name);
    const family = '👨\u200d👩\u200d👧';
    const emoji = clipped(family.repeat(300));
    expect([...new Intl.Segmenter().segment(emoji)]).toHaveLength(200);
    expect(emoji).toBe(`${family.repeat(199)}…`);
  });

  it.each([['en', en], ['ru', ru]] as const)('%s: an error quotes at most 200 characters of what was typed, wherever it quotes it', (_lang, c) => {
    for (const said of [
      c.errors.noCompany(junk, 'vetted.db'),
      c.errors.noCompanyLike(junk, ['Acme']),
      c.errors.badDate('--at', junk),
      c.lists.noSuchList(junk),
      c.help.unknownOption(`--${junk}`),
      c.help.unknownCommand(junk),
      c.help.unknownSubcommand(junk, 'vetted company', ['list']),
      c.help.badChoice('--format', junk, ['md', 'json']),
      c.data.badFormat(junk),
    ]) {
      expect(said.length, said.slice(0, 80)).toBeLessThan(400);
      expect(said).toContain(`${'x'.repeat(150)}`);
      expect(said).toContain('…');
    }
  });

  it.each([['en', en], ['ru', ru]] as const)('%s: what a company said or promised is quoted whole, as the evidence it is', (_lang, c) => {
    const words = 'w'.repeat(5_000);
    expect(c.finding({ kind: 'refused', policy: true, level: 'management', text: words, incident: 't' })).toContain(words);
    expect(c.finding({ kind: 'broken-promises', broken: 3, days: 2, promises: [{ text: words, times: 3 }], incident: 't' })).toContain(words);
  });
});

describe('the examples of --help', () => {
  it('are as many in Russian as in English, for every command: a Russian reader sees every way of using it', () => {
    const counts = (ex: Record<string, string[]>) => Object.fromEntries(Object.entries(ex).map(([k, v]) => [k, v.length]));
    expect(counts(ru.help.ex)).toEqual(counts(en.help.ex));
  });
});

describe("company show's figures", () => {
  it('name the highest level reached in the catalog’s words, as every other line does, in each language', () => {
    const figures = { median: 5 * 60_000, reachedHuman: true, unknown: 0, blocked: '0%', contacts: 1, kept: 0, broken: 0, resolved: '0%', incidents: 1, apologies: 0, explanations: 0, compensations: 0, unasked: 0 };
    expect(en.company.figureLines({ ...figures, highest: 'frontline' }).at(-1)).toBe('highest level you had to reach: front line');
    expect(en.company.figureLines({ ...figures, highest: 'quality' }).at(-1)).toBe('highest level you had to reach: quality department');
    expect(en.company.figureLines({ ...figures, highest: null }).at(-1)).toBe('highest level you had to reach: —');
    expect(ru.company.figureLines({ ...figures, highest: 'frontline' }).at(-1)).toBe('выше всего пришлось дойти до уровня: первая линия');
  });
});
