// Company names: the matching key, the look-alike skeleton and the incident slug.
import { describe, expect, it } from 'vitest';
import { closestNames, companyKey, compareBytes, editDistance, lookalikeSkeleton, slugOf } from '../../src/domain/names.js';

describe('companyKey: spellings of one name give one key', () => {
  const same: [name: string, a: string, b: string][] = [
    ['Cyrillic upper and lower case', 'Волгателеком', 'волгателеком'],
    ['Cyrillic all capitals with spaces around', ' ВОЛГАТЕЛЕКОМ ', 'Волгателеком'],
    ['Latin case', 'AMAZON', 'amazon'],
    ['inner spaces folded', 'United   Airlines', 'United Airlines'],
    ['tabs and new lines folded', 'United\tAirlines\n', 'united airlines'],
    ['a no-break space (NFKC)', 'United\u00a0Airlines', 'United Airlines'],
    ['fullwidth letters (NFKC)', 'Ａｍａｚｏｎ', 'Amazon'],
    ['fullwidth capitals and digits (NFKC)', 'ＭＴＳ２', 'mts2'],
    ['the ligature ﬁ (NFKC)', 'ﬁnance', 'finance'],
    ['a decomposed accent (NFKC)', 'Cafe\u0301', 'Café'],
    ['ș with a comma and ş with a cedilla', 'Bănci Românești', 'Bănci Româneşti'],
    ['ț with a comma and ţ with a cedilla', 'Poșta Ț', 'poșta ţ'],
    ['upper-case Ş with a cedilla and ș', 'ŞTEFAN', 'ștefan'],
    ['upper-case Ţ with a cedilla and ț', 'ŢARA', 'țara'],
    ['upper-case Ș with a comma and ş', 'ȘTEFAN', 'ştefan'],
    ['a decomposed cedilla s (s + U+0327)', 's\u0327tefan', 'ștefan'],
    ['ё and е', 'Пятёрочка', 'Пятерочка'],
    ['Ё and е', 'ЁЛКА', 'елка'],
    ['a decomposed ё (е + U+0308)', 'Пяте\u0308рочка', 'Пятерочка'],
  ];
  it.each(same)('%s', (_name, a, b) => {
    expect(companyKey(a)).toBe(companyKey(b));
  });

  const keys: [name: string, key: string][] = [
    [' ВОЛГАТЕЛЕКОМ ', 'волгателеком'],
    ['  United \t  Airlines  ', 'united airlines'],
    ['Ａｍａｚｏｎ', 'amazon'],
    ['ﬁnance', 'finance'],
    ['ŞTEFAN', 'ștefan'],
    ['ŢARA', 'țara'],
    ['Ёлка', 'елка'],
    ['Elefant.ro', 'elefant.ro'],
    ['   ', ''],
  ];
  it.each(keys)('%j -> %j', (name, key) => {
    expect(companyKey(name)).toBe(key);
  });

  const different: [a: string, b: string][] = [
    ['Acme', 'Асme'], // Cyrillic А and с
    ['United Airlines', 'UnitedAirlines'],
    ['Beeline', 'Билайн'],
    ['MTS', 'МТС'],
    ['Cafe', 'Café'],
  ];
  it.each(different)('%s and %s stay different', (a, b) => {
    expect(companyKey(a)).not.toBe(companyKey(b));
  });
});

describe('lookalikeSkeleton', () => {
  it('gives Latin Acme and Cyrillic-mixed Асme the same skeleton but different keys', () => {
    const latin = 'Acme';
    const mixed = '\u0410\u0441me'; // Cyrillic А and с, Latin m and e
    expect(mixed).not.toBe(latin);
    expect(companyKey(mixed)).not.toBe(companyKey(latin));
    expect(lookalikeSkeleton(companyKey(mixed))).toBe('acme');
    expect(lookalikeSkeleton(companyKey(latin))).toBe('acme');
  });

  const cases: [key: string, skeleton: string][] = [
    ['acme', 'acme'],
    ['асме', 'acme'], // all Cyrillic
    ['рау', 'pay'],
    ['ехро', 'expo'],
    ['ѕкуре', 'skype'],
    ['αmazon', 'amazon'], // Greek alpha
    ['τοyοτα', 'toyota'], // Greek tau, omicron, alpha
    ['вох', 'box'], // all Cyrillic
    ['京东', '京东'],
  ];
  it.each(cases)('%s -> %s', (key, skeleton) => {
    expect(lookalikeSkeleton(key)).toBe(skeleton);
  });
});

describe('slugOf', () => {
  const cases: [name: string, max: number | undefined, slug: string][] = [
    ['Волгателеком', undefined, 'volgatelekom'],
    ['Ростелеком', undefined, 'rostelekom'],
    ['ВкусВилл', undefined, 'vkusvill'],
    ['Щука и Ёж', undefined, 'shchuka-i-ezh'],
    ['Чайхана Юла', undefined, 'chaykhana-yula'],
    ['Masterhost', undefined, 'masterhost'],
    ['United Airlines', undefined, 'united-airlines'],
    ['Elefant.ro', undefined, 'elefant-ro'],
    ['Bănci Românești', undefined, 'banci-romanesti'],
    ['  --Acme!!  ', undefined, 'acme'],
    ['Ａｃｍｅ', undefined, 'acme'],
    ['京东', undefined, 'incident'],
    ['株式会社', undefined, 'incident'],
    ['!!!', undefined, 'incident'],
    ['', undefined, 'incident'],
    ['Cool Air Installations', undefined, 'cool-air-install'],
    ['Cool Air Installations', 9, 'cool-air'], // the cut ends on a dash, which is dropped
    ['Cool Air Installations', 4, 'cool'],
    ['Cool Air Installations', 40, 'cool-air-installations'],
    ['Волгателеком', 5, 'volga'],
  ];
  it.each(cases)('%j (max %s) -> %s', (name, max, slug) => {
    expect(slugOf(name, max)).toBe(slug);
  });

  it('gives what it is told where a name has no letter or digit to make a slug of (a check of 東京 was incident-check-1)', () => {
    expect(slugOf('東京', undefined, 'company')).toBe('company');
    expect(slugOf('!!!', undefined, 'company')).toBe('company');
    expect(slugOf('Acme', undefined, 'company')).toBe('acme');
  });

  it('never exceeds the maximum length and stays ASCII', () => {
    const names = ['Cool Air Installations', 'Волгателеком и партнёры', 'Щщщщщщщщщщщщщщщщщщщщ', 'a b c d e f g h i j k l m n o p q r s'];
    for (const name of names) {
      for (const max of [1, 5, 16, 30]) {
        const slug = slugOf(name, max);
        expect(slug.length, `${name} ${max}`).toBeLessThanOrEqual(max);
        expect(slug, `${name} ${max}`).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      }
    }
  });
});

describe('companyKey: case beyond toLowerCase', () => {
  // Full case folding maps ß to ss, as the upper case of the name does.
  it('GROSSHANDEL and Großhandel, the upper and lower case of one name, have one key', () => {
    expect('Großhandel'.toUpperCase()).toBe('GROSSHANDEL');
    expect(companyKey('GROSSHANDEL')).toBe(companyKey('Großhandel'));
  });

  it('the capital sharp s ẞ already matches ß', () => {
    expect(companyKey('GROẞHANDEL')).toBe(companyKey('Großhandel'));
  });
});

describe('compareBytes: the order of SQLite BINARY (UTF-8 bytes)', () => {
  const sign = (n: number) => Math.sign(n);
  const bytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

  it('orders a character beyond U+FFFF after U+E000–U+FFFF, where UTF-16 units put it before', () => {
    const astral = '😀 shop';
    const privateUse = '\uE000 shop';
    const fullwidth = '\uFF21 shop';
    expect(astral < privateUse).toBe(true);
    expect(sign(compareBytes(astral, privateUse))).toBe(1);
    expect(sign(compareBytes(fullwidth, astral))).toBe(-1);
    expect(sign(compareBytes('東京', '😀'))).toBe(-1);
  });

  it('agrees with a comparison of the UTF-8 bytes, prefixes and equal texts included', () => {
    const alphabet = ['a', 'b', 'Z', ' ', 'é', 'ș', 'я', '東', '\uD7FF', '\uE000', '\uFFFD', '😀', '𝔄', '\u0000'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const text = () => Array.from({ length: Math.floor(next() * 5) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    for (let k = 0; k < 5000; k++) {
      const a = text();
      const b = next() < 0.2 ? a + text() : text();
      expect([a, b, sign(compareBytes(a, b))]).toEqual([a, b, bytes(a, b)]);
      expect(sign(compareBytes(b, a))).toBe(bytes(b, a));
    }
  });
});

describe('editDistance and closestNames: typing slips', () => {
  it('counts two neighbours swapped as one slip, and the rest as before', () => {
    expect(editDistance('lsit', 'list')).toBe(1);
    expect(editDistance('edti', 'edit')).toBe(1);
    expect(editDistance('lsit', 'edit')).toBe(2);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('abcdef', 'x', 2)).toBe(3);
  });

  it('names the nearest first: a swapped word is the one it swapped, not another as far by substitutions', () => {
    expect(closestNames('lsit', ['list', 'show', 'edit'], 1, 1)).toEqual(['list']);
    expect(closestNames('wildebrries', ['wildberries', 'ozon'])).toEqual(['wildberries']);
  });
});
