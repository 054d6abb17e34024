// The language of the interface: how it is chosen, plurals and dates through Intl, the
// Russian words of the closed vocabularies, and the rules' facts said in both languages.
import { afterEach, describe, expect, it } from 'vitest';
import { langFlagOf, pickLang, setCatalog } from '../../src/i18n/index.js';
import { en } from '../../src/i18n/en.js';
import { ru } from '../../src/i18n/ru.js';
import { vocabularyId } from '../../src/i18n/vocabulary.js';
import { LEVELS, LISTS, OUTCOMES } from '../../src/domain/types.js';

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

  it('numbers are as Intl writes them: the digits of 0 to 999 (written without building Intl), and grouping and decimals beyond', () => {
    for (const [catalog, locale] of [[en, 'en'], [ru, 'ru']] as const) {
      const intl = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
      for (let n = 0; n < 1000; n++) expect(catalog.fmt.number(n)).toBe(intl.format(n));
      for (const n of [1000, 12345, 1234567, 1.5, 0.25, 999.5, -1, -1234.5]) expect(catalog.fmt.number(n)).toBe(intl.format(n));
    }
    expect(ru.fmt.number(12345)).toBe('12\u00a0345');
    expect(en.fmt.number(12345)).toBe('12,345');
  });

  it('English: 1 question, 2 questions (never "1 questions")', () => {
    expect(en.fmt.plural(1, { one: 'question', other: 'questions' })).toBe('1 question');
    expect(en.fmt.plural(2, { one: 'question', other: 'questions' })).toBe('2 questions');
  });

  it('dates as each language writes them, without a time zone shifting the day', () => {
    expect(en.fmt.date('2026-11-26T23:30')).toBe('2026-11-26');
    expect(ru.fmt.date('2026-11-26T23:30')).toBe('26.11.2026');
    expect(ru.fmt.dateTime('2026-11-26T18:00')).toBe('26.11.2026 18:00');
    expect(en.fmt.dateTime('2026-11-26')).toBe('2026-11-26');
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
