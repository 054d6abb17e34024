// What a terminal is shown of user text: every character that shows nothing, or would be
// obeyed, as a visible code; what draws something, as it is.
import { describe, expect, it } from 'vitest';
import { UNSAFE, safeText } from '../../src/ui/safe.js';
import { shellArg } from '../../src/i18n/format.js';

/** A text spelled in tag characters, as an emoji tag sequence spells its subdivision. */
const tags = (ascii: string) => [...ascii].map((c) => String.fromCodePoint(0xe0000 + c.codePointAt(0)!)).join('');
const BLACK_FLAG = '\u{1F3F4}';
const CANCEL = '\u{E007F}';
const ENGLAND = `${BLACK_FLAG}${tags('gbeng')}${CANCEL}`;
const SCOTLAND = `${BLACK_FLAG}${tags('gbsct')}${CANCEL}`;

describe('safeText', () => {
  it.each([
    ['a zero-width space is named', 'Ac\u200bme', 'Ac<U+200B>me'],
    ['tag letters hidden in a name are named', `Acme${tags('hi')}`, 'Acme<U+E0068><U+E0069>'],
    ['a cancel tag alone is named', `Acme${CANCEL}`, 'Acme<U+E007F>'],
    ['the language tag is named', '\u{E0001}en', '<U+E0001>en'],
    ['an unassigned tag is named', '\u{E0002}', '<U+E0002>'],
    ['tag letters without their flag are named', `${tags('gbeng')}${CANCEL}`, '<U+E0067><U+E0062><U+E0065><U+E006E><U+E0067><U+E007F>'],
    ['tag letters after a flag with no cancel tag are named', `${BLACK_FLAG}${tags('ab')}`, `${BLACK_FLAG}<U+E0061><U+E0062>`],
    ['a flag and its cancel tag with no letters between: the cancel tag is named', `${BLACK_FLAG}${CANCEL}`, `${BLACK_FLAG}<U+E007F>`],
    ['the flag of England is kept', `Fish & Chips ${ENGLAND}`, `Fish & Chips ${ENGLAND}`],
    ['two flags side by side are kept', `${ENGLAND}${SCOTLAND}`, `${ENGLAND}${SCOTLAND}`],
    ['tags after a flag sequence ended are named', `${ENGLAND}${tags('x')}${CANCEL}`, `${ENGLAND}<U+E0078><U+E007F>`],
    ['a sequence of 6 tag letters and digits, as a subdivision is coded, is kept', `${BLACK_FLAG}${tags('usca12')}${CANCEL}`, `${BLACK_FLAG}${tags('usca12')}${CANCEL}`],
    ['a sequence of 7 tag letters is named whole', `${BLACK_FLAG}${tags('a'.repeat(7))}${CANCEL}`, `${BLACK_FLAG}${'<U+E0061>'.repeat(7)}<U+E007F>`],
    // No code of a subdivision is spelled so: text hidden behind a flag.
    ['capitals, spaces and signs behind a flag are named', `${BLACK_FLAG}${tags('PAY 1')}${CANCEL}`, `${BLACK_FLAG}<U+E0050><U+E0041><U+E0059><U+E0020><U+E0031><U+E007F>`],
    ['a sequence of 2 tag letters is named', `${BLACK_FLAG}${tags('gb')}${CANCEL}`, `${BLACK_FLAG}<U+E0067><U+E0062><U+E007F>`],
    ['a plain black flag is kept', `${BLACK_FLAG} pirates`, `${BLACK_FLAG} pirates`],
    // The other format characters that show nothing and no script needs.
    ['interlinear annotation marks, which hold text no one sees, are named', 'Acme\ufff9hidden\ufffaruby\ufffb', 'Acme<U+FFF9>hidden<U+FFFA>ruby<U+FFFB>'],
    ['the deprecated shaping controls are named', 'Ac\u206ame\u206f', 'Ac<U+206A>me<U+206F>'],
    ['the shorthand and musical format controls are named', 'a\u{1BCA0}b\u{1D173}c', 'a<U+1BCA0>b<U+1D173>c'],
    ['the joiners scripts and emoji need are kept', 'क्\u200dष \u{1F468}\u200d\u{1F469}', 'क्\u200dष \u{1F468}\u200d\u{1F469}'],
  ])('%s', (_name, input, output) => {
    expect(safeText(input)).toBe(output);
  });

  it('reads a long run of tags in time that grows with its length', () => {
    const run = tags('a'.repeat(50_000));
    const started = performance.now();
    const shown = safeText(`${BLACK_FLAG}${run}`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(shown).toBe(`${BLACK_FLAG}${'<U+E0061>'.repeat(50_000)}`);
  });

  it('is what every other test of the unsafe characters tells: a text with none of them holds none', () => {
    const fresh = () => new RegExp(UNSAFE.source, 'u');
    expect(fresh().test(ENGLAND)).toBe(false);
    expect(`Fish ${ENGLAND}`.search(UNSAFE)).toBe(-1);
    expect(fresh().test(`Acme${tags('x')}`)).toBe(true);
    // A name shown with a code is written for the shell as its bytes; a flag is written as it is.
    expect(shellArg(`Fish ${ENGLAND}`)).toBe(`"Fish ${ENGLAND}"`);
    expect(shellArg(`Acme${tags('x')}`)).toBe(`"$(printf -- 'Acme\\363\\240\\201\\270')"`);
  });
});
