// Redaction of what identifies a person in text that is shared: e-mail addresses, phone
// numbers, card and account numbers, IP addresses, and links that carry a query string. Pure.

import { slugOf } from './names.js';

/**
 * A regular expression made the first time it is asked for: the large ones of this module took
 * 8 ms to make, at the start of every command that imports it (a page to publish needs them; a
 * company's name, most often, none of them: see mayBeRedacted).
 */
function lazyRegExp(make: () => RegExp): () => RegExp {
  let made: RegExp | undefined;
  return () => (made ??= make());
}

export const REDACTED = { email: '[email]', phone: '[phone]', number: '[number]', link: '[link]', ip: '[ip]' } as const;

// An address at a host with no dot (`dmitry@localhost`) is one too. It begins where a word does
// (the look behind): tried at every letter of a long word, it ran to the word's end, in time of
// the square of its length. The characters of no width (a zero-width space, joiners, a soft
// hyphen, a word joiner, the marks of writing direction, variation selectors, tag letters) may stand anywhere in it, as in a text
// copied from a page: one beside the @ had the address published whole, and a soft hyphen in
// the host its host. Its @ may be a full-width or a small one.
const NO_WIDTH = String.raw`\u00ad\u034f\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufe00-\ufe0f\ufeff\u{e0000}-\u{e007f}`;
const EMAIL = String.raw`(?<![\p{L}\p{N}._%+${NO_WIDTH}-])[\p{L}\p{N}._%+${NO_WIDTH}-]+[@\uff20\ufe6b](?:[\p{L}\p{N}${NO_WIDTH}-]+(?:\.[\p{L}\p{N}${NO_WIDTH}-]+)*\.[${NO_WIDTH}]*\p{L}(?:[${NO_WIDTH}]*\p{L})+|\p{L}[\p{L}\p{N}${NO_WIDTH}-]*)`;
// A link of any scheme (`wss://`; a scheme of at most 16 letters, wherever it stands, as `1.https://`),
// one that starts at www., or a host name and a path or a query without either
// (`shop.example/track?id=1`, `shop.md?order=1`), which begins where a word does, as an address does.
// (A query straight after the host only after a host of Latin letters, and only a query of a
// name and its value: `см.www.x.ru?id=5` is a word and a link, `ok.Why?Because` no link.)
const URL = String.raw`(?:[A-Za-z][A-Za-z0-9+-]{0,15}:\/\/|www\.|(?<![\p{L}\p{N}._%+-])(?:[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}\/|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\?(?=[^\s=?#]*=)))[^\s<>"']*`;
// An IP address: four numbers to 255 with dots (a date was found in `168.1.10` of
// `192.168.1.10`, and `8.8.8.8` is too short a run of digits to be redacted), or groups of
// hex digits with colons, as many as a full address has or shortened by `::`.
const OCTET = String.raw`(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)`;
// (Not one that follows a letter: `v2.10.3.1` is a version.)
const DOTTED_QUAD = String.raw`(?:${OCTET}\.){3}${OCTET}(?![\p{N}]|\.\p{N})`;
const IPV4 = String.raw`(?<![\p{L}\p{N}.])${DOTTED_QUAD}`;
const HEX = '[0-9A-Fa-f]';
// An IPv6 address may end in four numbers with dots (`::ffff:192.168.10.23`, an IPv4 address mapped).
// It begins where a word does, or after a word and a colon that is no part of it (`IPv6:fe80::1`,
// `IP-адрес:2a02::1`: a word with a letter no hex digit is, of any script).
const IPV6 = String.raw`(?:(?<![\p{L}\p{N}:])|(?<=(?<![\p{L}\p{N}])[\p{L}\p{N}-]*(?![A-Fa-f])\p{L}[\p{L}\p{N}-]*:))(?=[0-9A-Fa-f:]*${HEX})(?:(?:${HEX}{0,4}:){2,6}${DOTTED_QUAD}|(?:${HEX}{1,4}:){7}${HEX}{1,4}(?![\p{L}\p{N}:])|(?=[0-9A-Fa-f:]*::)(?:${HEX}{0,4}:){2,7}${HEX}{0,4}(?![\p{L}\p{N}:]))`;
// Dates and times are kept as they are: they look like runs of digits. A date with dots year first
// (`2026.01.05`, as some write it) is one only if it can be: a year 1900 to 2099, a month 1 to 12
// and a day 1 to 31, where the run ends (`2026.01.05.17` and `0721.23.45` are not dates).
// With slashes or underscores likewise (`2026/01/05`, `scan_2026_01_05.pdf`).
const DAY = String.raw`(?:0?[1-9]|[12]\d|3[01])`;
const MONTH = String.raw`(?:0?[1-9]|1[0-2])`;
const DOTTED_YEAR_FIRST = String.raw`(?:19|20)\d{2}(?:\.${MONTH}\.${DAY}(?!\.\p{N})|\/${MONTH}\/${DAY}(?!\/\p{N})|_${MONTH}_${DAY}(?!_\p{N}))(?!\p{N})(?:[T\s]\d{1,2}:\d{2}(?::\d{2})?)?`;
// A date day first (`05.01.2026`, `5/1/26`, and month first, `12/31/2026`, `12.31.2026` with its year in full) ends
// where the run of digits does: a French phone number in pairs (`01.23.45.67.89`) began with one,
// and the rest of it was too short to be redacted. It is one only with a day and a month a
// calendar has, and a year of two or four digits: a Belgian number `0470/12.34.56` was kept whole
// as a number and a date. With dots, the days before it are its too (`05.01-10.01.2026`,
// `1-5.01.2026`: a span of days).
const DAY_FIRST = String.raw`(?:(?:${DAY}(?:\.${MONTH}\.?)?\s?[\u2010-\u2015\u2212-]\s?)?(?:${DAY}\.${MONTH}\.(?:\d{4}|\d{2})|${MONTH}\.${DAY}\.\d{4})(?!\.\p{N})|(?:${DAY}\/${MONTH}|${MONTH}\/${DAY})\/(?:\d{4}|\d{2})(?!\/\p{N}))(?!\p{N})(?:\s\d{1,2}:\d{2})?`;
/** Months of years, a dash between them (`11.2025-01.2026`). */
const MONTHS = String.raw`${MONTH}\.(?:19|20)\d{2}\s?[\u2010-\u2015\u2212-]\s?${MONTH}\.(?:19|20)\d{2}(?![\p{N}]|\.\p{N})`;
/** Two days of a month without the year, a dash or a slash between them (`05.01/06.01`, `05.01-06.01`). */
const DAYS = String.raw`${DAY}\.${MONTH}\s?[/\u2010-\u2015\u2212-]\s?${DAY}\.${MONTH}(?![\p{N}]|[./]\p{N})`;
/** The hours of a day with dots, as Russian writes them (`10.00-12.00`). */
const HOURS = String.raw`(?:[01]?\d|2[0-3])\.[0-5]\d\s?[\u2010-\u2015\u2212-]\s?(?:[01]?\d|2[0-3])\.[0-5]\d(?![\p{N}]|\.\p{N})`;
// A date year first with dashes, its month and day a calendar's (`0221-12-34-56` is a phone
// number), and no pair of digits more after another dash (`2026-01-05-17`) but a time written so
// (`Screenshot_2026-01-05-10-30-45.png`); another date after a dash is a span of days (`2026-01-05-2026-01-09`).
const ISO_DATE = String.raw`(?:(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])-(?:[01]\d|2[0-3])-[0-5]\d(?:-[0-5]\d)?|\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))(?![\p{N}]|-\d{1,2}(?!\d))(?:[T ]\d{2}:\d{2}(?::\d{2})?)?`;
/** A date with dashes and its year in full, day or month first (`01-05-2026`, as the US and others write it). */
const DASHED = String.raw`(?:${DAY}-${MONTH}|${MONTH}-${DAY})-(?:19|20)\d{2}(?![\p{N}]|[-.]\p{N})`;
/** The day and year after an English month's name (`Jan 5 2026`, `January 5, 2026`): the month's word is no part of the run. */
const NAMED_MONTH = String.raw`(?<=(?<!\p{L})(?:[Jj]an|[Ff]eb|[Mm]ar|[Aa]pr|[Mm]ay|[Jj]un|[Jj]ul|[Aa]ug|[Ss]ep|[Oo]ct|[Nn]ov|[Dd]ec)\p{L}{0,6}\.?\s)${DAY},?\s(?:19|20)\d{2}(?!\p{N})`;
const COMPACT = String.raw`(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])`;
/** A file's extension, in small letters or capitals (`.jpg`, `.PDF`; not `.Pls` of a sentence without its space). */
const EXTENSION = String.raw`\.(?:[a-z0-9]{2,4}|[A-Z0-9]{2,4})(?![\p{L}\p{N}])`;
/** A date without separators in a file's name (at a word's beginning only before an underscore or the extension: `19850312-1234` is a personal number), before an underscore, a dash or its extension (`IMG_20260105_103045.jpg`, `VID-20260105-WA0012.mp4`, `receipt_20260105.pdf`, `20260105_103045.jpg`). */
const COMPACT_DATE = String.raw`(?:(?<=[_-])${COMPACT}(?=[_-]|${EXTENSION})|(?<![\p{L}\p{N}])${COMPACT}(?=_|${EXTENSION}|-\d{6}${EXTENSION}))`;
const DATE = String.raw`${ISO_DATE}|${COMPACT_DATE}|${DOTTED_YEAR_FIRST}|${DAY_FIRST}|${DASHED}|${NAMED_MONTH}|${DAYS}|${MONTHS}|${HOURS}|\d{1,2}:\d{2}(?::\d{2})?`;
const IBAN = String.raw`\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){3,7}(?:\s?[A-Z0-9]{1,3})?\b`;
// A run of digits with the separators phone, card and account numbers are written with.
// Its digits of any script (full-width, Arabic-Indic), and the dashes a phone number is written
// with besides the hyphen-minus (en and em dashes, the minus sign, a soft or non-breaking hyphen,
// a middle dot, the small and full-width forms, and their look-alikes), and the characters of no
// width (a zero-width space, joiners, a word joiner, the marks and controls of writing direction):
// with any of them a number was published whole. Two of them at most between two digits
// (`1500 - 2000 lei` is a range). A run that begins as an international phone number does, with
// a plus, goes on over a line break before three digits more (a number wrapped with its text; not
// before `2. Next item`, nor a date that begins the next line, nor after a whole number, see
// wholeBeforeBreak); others end at a line's end, as the numbers of a log of payments, a line
// each, do (`09.00\n1500 руб`).
const SEPARATOR = String.raw`\t\v\f \u1680\u2000-\u200a\u202f\u205f\u3000\ufeff.()\uff08\uff09\u00a0\u00ad\u00b7\u02d7\u034f\u180e\u200b-\u200f\u2010-\u2015\u2027\u202a-\u202e\u2043\u2060-\u2064\u2066-\u2069\u2212\u2e3a\u2e3b\u30fb\ufe58\ufe63\uff0d\uff0e\u30fc-`;
/** The separators but brackets. */
const UNBRACKETED = SEPARATOR.replace(String.raw`()\uff08\uff09`, '');
const LINE_BREAK = String.raw`(?:\r\n|[\n\r\u2028\u2029])`;
const SLASH = String.raw`/\uff0f\u2215\u2044`;
/**
 * A phone number with a slash after its code (`030/1234567`, `0470/12.34.56`, `+32 470/12 34 56`):
 * a code of a 0 and two to four digits, or after a plus, and after the slash seven digits or six
 * in groups, not a date with its year in full. A slash elsewhere parts numbers (`2016/679`,
 * `0123/2025`, `012/15.03.2024`, `0123/456789`, `0001/000123`).
 */
const SLASHED_PHONE = String.raw`(?:[+\uff0b]\p{Nd}{1,3}[${SEPARATOR}]{0,2}[(\uff08]?\p{Nd}{2,4}[)\uff09]?|[(\uff08]?0[1-9]\p{Nd}{1,3}[)\uff09]?)[${SEPARATOR}]?[${SLASH}][${SEPARATOR}]?(?!(?:${DAY}\.${MONTH}\.\d{4}|${MONTH}[./](?:19|20)\d{2}|(?:19|20)\d{2})(?!\p{N}))(?:\p{Nd}{7,}|(?=\p{Nd}(?:[${SLASH}${SEPARATOR}]{0,2}\p{Nd}){5})\p{Nd}{1,4}(?:[${SLASH}${SEPARATOR}]{1,2}\p{Nd}{1,4})+)[)\uff09]?`;
// (mayBeRedacted counts the digits of a run as such when no more than RUN_GAP code units stand
// between two of them: more separators between digits here, in SLASHED_PHONE or in CARD, or a
// separator of two code units, may need it larger.)
const DIGITS = String.raw`${SLASHED_PHONE}|[+\uff0b][(\uff08]?\p{Nd}(?:(?:[${SEPARATOR}]{0,2}|[${SEPARATOR}]{0,2}${LINE_BREAK}[ \t]{0,4}(?!${DATE})(?=\p{Nd}(?:[${SEPARATOR}]{0,2}\p{Nd}){2}))\p{Nd})+[)\uff09]?|[(\uff08]?\p{Nd}(?:[${SEPARATOR}]{0,2}\p{Nd})+[)\uff09]?`;
/** The most digits of a run judged for a sum and a date inside it: a longer one is no sum and date, and redacted whole (each of its dates judged again was in time of the square of its length). */
const DATED_RUN_DIGITS = 256;
/**
 * A card number in four groups of four however far apart (`4276 - 1234 - 5678 - 9014`, three
 * spaces, `4276~1234~…`), its check digit right: its groups too far apart for a run, each was
 * published. (Not with commas, slashes or brackets, nor four years or round sums: years or sums in a list are no card.)
 */
const CARD = lazyRegExp(() => new RegExp(String.raw`(?<!\p{N})(?!(?:(?:19|20)\d{2}\D{1,4}){3}(?:19|20)\d{2})(?!(?:\d{2}00\D{1,4}){3}\d{2}00)\p{Nd}{4}(?:[_~\u301c\uff5e${UNBRACKETED}]{1,4}\p{Nd}{4}){3}(?!\p{N})`, 'gu'));
/** The value of a digit of any script (`５`, `٥`): its place in its script's run of digits. */
function digitValue(digit: string): number {
  const code = digit.codePointAt(0)!;
  let zero = code;
  while (/\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--;
  return (code - zero) % 10;
}
/** Whether the digits of a number pass the check of a card's last digit (Luhn's). */
function checksAsCard(number: string): boolean {
  const digits = [...number.replace(/\P{Nd}/gu, '')];
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digitValue(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return digits.length >= 12 && sum % 10 === 0;
}
/** Separators after a run of digits, which belong to the text around it. */
const TRAILING_SEPARATORS = lazyRegExp(() => new RegExp(`[${SEPARATOR}]+$`, 'u'));
/** A separator of the kinds a phone number is grouped by (a space, a dot, a dash). */
const GROUPING = lazyRegExp(() => new RegExp(`[${SLASH}${SEPARATOR}]`, 'u'));

// A date in brackets, its bracket with it (`(05.01.2026)`: a run of digits began at the bracket, and took it for a phone number's).
const PATTERN = lazyRegExp(() => new RegExp(`(${EMAIL})|(${URL})|([(\uff08](?:${DATE})(?=[)\uff09])|${DATE})|(${IBAN})|(${DIGITS})`, 'gu'));
/** A date of three pairs (`21.12.45`), which a phone number of a city may be. */
const SHORT_DATE = /^[(\uff08]?\d{2}[./]\d{2}[./]\d{2}$/u;
/** The twenty characters before a place in a text: where a word that says what a number is stands. */
const before20 = (text: string, at: number) => text.slice(Math.max(0, at - 20), at);

/** IP addresses, replaced first: a run of digits began at the end of a word before one (`IPv4 192.168.1.1`) and took it for a phone number. */
const IP = lazyRegExp(() => new RegExp(`${IPV4}|${IPV6}`, 'gu'));
/**
 * A word that says the numbers with dots after it are a version (`version 1.2.3.4`, `ver.
 * 10.2.3.4`, `сборка 1.2.3.4`), which are kept where they are too short to be a phone number
 * (fewer than PHONE_DIGITS digits: what classifyDigits never redacts). Four numbers to 255 are an
 * address and a version alike, so only this word tells them apart: without it they are redacted,
 * after it they are kept (an address so short after one of these words is kept too: the rule errs
 * that way only there). A longer run is redacted after it too: `сборка` (assembly) is said of a
 * service as well, and a phone number with dots after it was published (`Служба сборки:
 * 8.916.123.45.67`). Tried where the numbers begin, as a look behind.
 */
const VERSION_WORD = /(?<=(?<![\p{L}\p{N}])(?:version|ver|v|firmware|build|release|верси(?:я|и|ю|ей)|прошивк(?:а|и|у|е|ой)|сборк(?:а|и|у|е|ой)|релиз|versiun(?:e|ea|i|ii|ile))\.?\s{0,3}[:#=]?\s{0,3})/iuy;
/** Numbers with dots, as a version is written. */
const DOTTED = /^\d+(?:\.\d+)+$/;
/** The fewest digits a phone, card or account number is redacted with (see classifyDigits). */
const PHONE_DIGITS = 7;
/** The fewest digits a number is redacted with after a word that says it is a phone number (see PHONE_WORD_BEFORE). */
// (mayBeRedacted passes over a text without five digits close together: it holds only while this is five or more.)
const PHONE_WORDED_DIGITS = 5;
const isVersion = (numbers: string, offset: number, whole: string) => {
  VERSION_WORD.lastIndex = offset;
  return DOTTED.test(numbers) && numbers.replace(/\D/g, '').length < PHONE_DIGITS && VERSION_WORD.test(whole);
};

/** Digits in groups of three, as a sum is written, with its fraction or not. */
const GROUPED = /^[1-9]\d{0,2}(?:[\s\u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?$/u;
/**
 * Digits in groups of three with dots, as Russian and Romanian write a sum (`1.234.567,89 RUB`,
 * `12.500.000 lei`): its fraction is after a comma, which is no part of the run. A phone number is
 * written with dots too, so the rule is strict, and what it does not fit is redacted: every group
 * after the first has three digits, and the first has one to three and does not begin with 0. So
 * `0721.234.567`, a Romanian mobile number, is one even before `lei`: no sum begins with 0 (and its
 * first group has four digits).
 */
const GROUPED_DOTS = /^[1-9]\d{0,2}(?:\.\d{3})+$/u;
/** Currencies by their codes, in capitals only (`Called 612345678 Ron` names a person). */
const CURRENCY_CODE = String.raw`(?:RUB|RUR|USD|EUR|GBP|RON|MDL|UAH|PLN|CHF|KZT)(?![\p{L}\p{N}-])`;
/** Currencies by their signs and words (see CURRENCY_AFTER for their case). */
const CURRENCY = String.raw`[$€£₽¥₴₸]|(?:леев|грн\p{L}*|гривен\p{L}*|гривн\p{L}*|тенге|(?:de\s)?lei|лей|руб\p{L}*|рубл\p{L}*|р\.?|rubles?|roubles?|dollars?|euros?|долл\p{L}*|евро)(?![\p{L}\p{N}-])`;
/**
 * A currency just after a sum, without its fraction: a word in small letters or in capitals
 * (`руб`, `LEI`), not with a capital first (`Lei Wang`, `Euro Express`, `Р. Смирновой` are names
 * after a phone number), or a code.
 */
const CURRENCY_AFTER = {
  test: (text: string) => {
    const word = CURRENCY_WORD_AFTER().exec(text)?.[0].trim();
    return (word !== undefined && (word === word.toLowerCase() || (word === word.toUpperCase() && !/^Р\.?$/u.test(word)))) || CURRENCY_CODE_AFTER().test(text);
  },
};
const CURRENCY_WORD_AFTER = lazyRegExp(() => new RegExp(String.raw`^\s?(?:${CURRENCY})`, 'iu'));
const CURRENCY_CODE_AFTER = lazyRegExp(() => new RegExp(String.raw`^\s?${CURRENCY_CODE}`, 'u'));
/** A sum's fraction just after it (`,89`, `.50`). */
const FRACTION_AFTER = /^[,.]\d{1,2}(?!\d)/;
// (The codes in capitals: `Call Ron 555-1234` names a person.)
const SUM_BEFORE = /(?:[$€£₽¥₴₸]|\b(?:RUB|RUR|USD|EUR|GBP|RON|MDL|UAH|PLN|CHF|KZT))\s?$/u;

/** How many digits of any script a text holds. */
const figuresOf = (text: string) => text.replace(/\P{Nd}/gu, '').length;

/** What a run of digits is, by how many digits it has and how it is written. */
function classifyDigits(run: string): string {
  const digits = figuresOf(run);
  const phoneLike = /^[+\uff0b]|[(\uff08]/u.test(run);
  if (phoneLike && digits >= PHONE_DIGITS && digits <= 15) return REDACTED.phone;
  if (digits >= 12) return REDACTED.number;
  if (digits >= 10) return REDACTED.phone;
  if (digits >= PHONE_DIGITS) return GROUPING().test(run) ? REDACTED.phone : REDACTED.number;
  return run;
}

/** What any of them needs: a digit, an @ or a link (most texts have none, and are not searched). */
const MAYBE = /[\d@\uff20\ufe6b]|\p{Nd}|www\.|:\/\/|\.\p{L}{2,}[/?]/iu;

/** A date or time alone, as the record keeps them: never redacted. */
const WHEN_ALONE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/**
 * What a text with digits needs to have anything redacted but a run of them: an @, a link, two
 * colons (an IPv6 address) or the beginning of an IBAN (in any case, which is more than it needs).
 */
const MAYBE_BESIDES_DIGITS = /[@\uff20\ufe6b]|www\.|:\/\/|\.\p{L}{2,}[/?]|:[^]*:|[a-z]{2}\p{Nd}{2}/iu;
const DIGIT = /\p{Nd}/gu;
/**
 * The most code units between two digits of one run (a phone number over a line break has ten
 * at most: two separators, a line break of two, four spaces, a digit of two units), with room.
 */
const RUN_GAP = 12;

/**
 * Whether redactFully may change a text. What it changes needs an @, a link, two colons or an
 * IBAN's beginning (MAYBE_BESIDES_DIGITS), or digits close together: five or more for a number
 * (a phone number after a word that says so has five, a card sixteen), or four with dots between
 * them for an IP address. Anything else it gives back as it is, after a search that takes some
 * microseconds a text (a company's name with a number in it: a published page has thousands).
 */
export function mayBeRedacted(text: string): boolean {
  if (!MAYBE.test(text) || WHEN_ALONE.test(text)) return false;
  if (MAYBE_BESIDES_DIGITS.test(text)) return true;
  const dots = text.includes('.');
  let run = 0;
  let last = -Infinity;
  DIGIT.lastIndex = 0;
  for (let m = DIGIT.exec(text); m; m = DIGIT.exec(text)) {
    // A digit of two code units counts as two, as figuresOf counts it.
    run = (m.index - last <= RUN_GAP ? run : 0) + m[0].length;
    if (run >= 5 || (run >= 4 && dots)) return true;
    last = m.index;
  }
  return false;
}

/** The text with e-mail addresses, phone, card and account numbers, IP addresses and links with a query string replaced by a marker. */
export function redactText(text: string): string {
  return mayBeRedacted(text) ? redactFully(text) : text;
}

/** redactText without the look for digits close together first (for tests, which hold the two to the same texts). */
export function redactFully(text: string): string {
  if (!MAYBE.test(text) || WHEN_ALONE.test(text)) return text;
  const whole = text
    .replace(IP(), (ip: string, offset: number, all: string) => (isVersion(ip, offset, all) ? ip : REDACTED.ip))
    .replace(CARD(), (card: string) => (checksAsCard(card) ? REDACTED.number : card));
  // Each match replaced in turn. A run of digits whose beginning is kept (a sum and a date before
  // the rest of it) has its rest searched in place, up to the run's end: it was searched as a text
  // of its own, one within another (a long log of payments overflowed the stack), and searched on
  // in the whole text it ran on past the run's end (over a line break).
  // The one expression of the module, its place set here: nothing below calls redactText again.
  // (A copy of it made at each call, `new RegExp(PATTERN)`, was compiled again each time: three
  // quarters of the time of a text with digits in it, some 12 µs a company's name.)
  const pattern = PATTERN();
  pattern.lastIndex = 0;
  /** The ends of the runs whose rests are being searched, the innermost last. */
  const ends: number[] = [];
  let searched = whole;
  let out = '';
  let last = 0;
  for (;;) {
    const m = pattern.exec(searched);
    if (!m) {
      const end = ends.pop();
      if (end === undefined) break;
      pattern.lastIndex = end;
      searched = ends.length ? whole.slice(0, ends[ends.length - 1]) : whole;
      continue;
    }
    const [found, email, url, date, iban, digits] = m;
    let replaced = found;
    let taken = found.length;
    if (email) replaced = REDACTED.email;
    else if (url) replaced = linkText(url);
    // A phone number of three pairs after a word that says so (`тел. 21.12.45`) has a date's shape.
    else if (date) replaced = SHORT_DATE.test(date) && STRICT_PHONE_WORD.test(before20(whole, m.index)) ? date.replace(/[\d./]+/, REDACTED.phone) : date;
    else if (iban) replaced = REDACTED.number;
    else if (/^[(\uff08]/u.test(digits) && digits.length <= 64 && !/[)\uff09]/u.test(digits.slice(0, -1))) {
      // A bracket that opens a run and closes no part of it is the text's (`(05.01.2026, 1500 руб)`,
      // `(1 234 567 руб.)`): the run is judged without it, as a phone number's code in brackets is not.
      [replaced, taken] = [digits[0], 1];
    } else if (digits) {
      const run = wholeBeforeBreak(digits, m.index, whole);
      const kept = digitsText(run, m.index, whole);
      if (typeof kept === 'number' && kept >= run.length) {
        // A time's minutes after the run: within the rest being searched, whose end moves past them.
        [replaced, taken] = [whole.slice(m.index, m.index + kept), kept];
        for (let i = 0; i < ends.length; i++) ends[i] = Math.max(ends[i], m.index + kept);
      } else if (typeof kept === 'number') {
        [replaced, taken] = [run.slice(0, kept), kept];
        ends.push(m.index + run.length);
        searched = whole.slice(0, m.index + run.length);
      } else [replaced, taken] = [kept, run.length];
    }
    out += whole.slice(last, m.index) + replaced;
    last = m.index + taken;
    pattern.lastIndex = last;
  }
  return out + whole.slice(last);
}

/**
 * A run up to a line break after which it holds a whole international number: twelve digits, or
 * seven where the next line is a sum or holds a date (`+373 69 123 456\n1500 lei`, `+43 1
 * 234567\n300 05.01.2026`): a number on the next line is another's. A run wrapped sooner goes on
 * (`+91 98765\n43210`, `+7 912\n345 67 89`, `+34 612\n345 678 lei`).
 */
const WHOLE_NUMBER_DIGITS = 12;
function wholeBeforeBreak(run: string, offset: number, whole: string): string {
  const breaks = [...run.matchAll(/[\n\r\u2028\u2029]+/gu)];
  for (const [i, br] of breaks.entries()) {
    const before = run.slice(0, br.index).replace(TRAILING_SEPARATORS(), '');
    const figures = figuresOf(before);
    if (figures >= WHOLE_NUMBER_DIGITS) return before;
    const lastLine = run.slice(br.index! + br[0].length);
    const anotherNumber = i === breaks.length - 1 && (CURRENCY_AFTER.test(whole.slice(offset + run.length, offset + run.length + 24)) || /[.-]\d{1,2}[.-](?:19|20)\d{2}|(?:19|20)\d{2}-\d{2}-\d{2}/.test(lastLine));
    if (figures >= PHONE_DIGITS && anotherNumber) return before;
  }
  return run;
}

/** Schemes and hosts of links that are a phone number (`tel://+373…`, `https://wa.me/373…`); others with one after a plus (`t.me/+7…`) are found by it. */
const PERSONAL_LINK = /^(?:(?:tel|sms|callto|whatsapp|viber|skype|tg):|(?:[a-z][a-z0-9+.-]*:\/\/)?(?:www\.)?(?:wa\.me|wa\.link|api\.whatsapp\.com|viber\.click)\/)/i;
/** An e-mail address in a link's path, its @ written or escaped (`…/u/ivan@gmail.com/`, `…/ivan%40mail.ru`); not a map's place (`/@47.02,28.83`) nor an account's name (`/@shop`). */
const ADDRESS_IN_LINK = /[\p{L}\p{N}._+-](?:@|%40)[\p{L}\p{N}-]+\.\p{L}{2,}/iu;

/**
 * A link as it is shared: whole, or `[link]` where it holds what identifies a person (a query, a
 * fragment, a name and password before the host, an address in its path, as `@` or `%40`, a
 * phone number after a plus, or a scheme or host that is a phone number's; a product's number is
 * kept). Punctuation after a link is the sentence's, and a closing bracket the text's unless the link
 * opened one: `[here](https://x?a=1)` keeps its `)`.
 */
function linkText(url: string): string {
  let open = count(url, '(');
  let close = count(url, ')');
  let end = url.length;
  for (;;) {
    const c = url[end - 1];
    if (/[.,;:!?'"\]»”’]/u.test(c)) end--;
    else if (c === ')' && open < close) {
      end--;
      close--;
    } else break;
  }
  const link = url.slice(0, end);
  const personal =
    /[?#]./.test(link) || /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(link) || ADDRESS_IN_LINK.test(link) || /\+\d{7,}/.test(link) || PERSONAL_LINK.test(link);
  return (personal ? REDACTED.link : link) + url.slice(end);
}

/**
 * A date with its year in full, as a word of its own inside a run of digits (`paid 300
 * 05.01.2026`): the run began at the number before it and took the two for one phone number.
 * (Only with dots or dashes: a run holds a slash only where it begins as a phone number does.)
 */
const DATE_IN_RUN = /(?<![^\s(\uff08])(?:(\d{1,2})\.(\d{1,2})\.(?:19|20)\d{2}|(?:19|20)\d{2}-(\d{2})-(\d{2}))(?![^\s)\uff09])/gu;
/** What a run with a date inside it needs: a space, then a dot or a dash, ten characters at least (`1 1.1.2026`). */
const MAYBE_DATE_IN_RUN = /\s[^.-]*[.-]/u;
/**
 * The number before a date that is a number of its own: one group too short to be redacted alone
 * (under PHONE_DIGITS digits: `300`), or a sum in groups of three with its currency before it
 * (`EUR 1 234 567`). Where it is more (`8 912 10.11.2019`: `8 912` may be a sum only beside its
 * currency), or the run is written as a phone number is (`+7 912 …`, `8 (912) …`), the run is
 * one number, and redacted whole.
 */
const AMOUNT_BEFORE_DATE = /^[1-9]\d{0,5}(?:[.,]\d{1,2})?\s+[(\uff08]?$/u;
/** The fraction of a sum before a date, after its decimal comma (`1500,00 05.01.2026`: the run begins after the comma). */
const FRACTION_BEFORE_DATE = /^\d{1,2}\s+[(\uff08]?$/u;
/**
 * A word before a number that says it is a phone number (`tel 495 12.11.1999`, `phone 2012-2099`):
 * then no date or span of years is taken out of the run.
 */
const PHONE_WORD_BEFORE = /(?<![\p{L}\p{N}])(?:tel\p{L}*|\p{L}*phones?|call\p{L}*|mobile|mob|cell\p{L}*|fax|whatsapp|viber|telegram|тел\p{L}*|\p{L}*звон\p{L}*|моб\p{L}*|сотов\p{L}*|факс)\.?(?:\s*(?:no\.?|number|nr\.?|номер|№|#))?[\s:#№.\u2010-\u2015\u2212-]*[(\uff08]?$/iu;
/** A unit of measure after a number (`20000 mAh`, `128 GB`): a number of a phone's, not of a phone number. */
const UNIT_AFTER = /^\s?(?:mAh|мАч|mah|GB|ГБ|Гб|TB|ТБ|MP|Мп|Hz|Гц|mm|мм|inch|дюйм\p{L}*)(?![\p{L}\p{N}])/u;
/** A word that names a phone number itself, just before it (`тел.`, `phone:`, `telefon`): not a call, a price or a television. */
const STRICT_PHONE_WORD = /(?<![\p{L}\p{N}])(?:tel|telephone|phone|mobile|mob|cell|fax|тел|телефон[уае]?|моб|сот|факс|telefon(?:ul)?)\.?\s?[:\u2010-\u2015\u2212-]?\s*[(\uff08]?$/iu;
const isDayAndMonth = (day: number, month: number) => day >= 1 && day <= 31 && month >= 1 && month <= 12;
/** Two years joined by a dash, the later second (`2019–2025`, `(2019-2025)`): a span of years, no phone number. */
const YEARS = /^[(\uff08]?((?:19|20)\d{2})\s?[\u2010-\u2015\u2212-]\s?((?:19|20)\d{2})$/u;

/**
 * A run of digits as it is shared: a sum, a date or a span of years kept, a number that
 * identifies a person redacted; or how much of its beginning is kept as it is (a sum and a date),
 * the rest to be searched again.
 */
function digitsText(digits: string, offset: number, whole: string): string | number {
  const phoneWord = PHONE_WORD_BEFORE.test(before20(whole, offset));
  const figures = figuresOf(digits);
  // Only what is just before the run is looked at: the text before it all, searched at each run, took time in the square of its length.
  const justBefore = whole.slice(Math.max(0, offset - 16), offset);
  if (digits.length >= 10 && figures <= DATED_RUN_DIGITS && !phoneWord && MAYBE_DATE_IN_RUN.test(digits)) {
    for (const d of digits.matchAll(DATE_IN_RUN)) {
      const [day, month] = d[1] !== undefined ? [Number(d[1]), Number(d[2])] : [Number(d[4]), Number(d[3])];
      const before = digits.slice(0, d.index);
      const amount =
        AMOUNT_BEFORE_DATE.test(before) ||
        (FRACTION_BEFORE_DATE.test(before) && /\d,$/u.test(justBefore)) ||
        (GROUPED.test(before.trimEnd()) && SUM_BEFORE.test(justBefore));
      if (!isDayAndMonth(day, month) || !amount) continue;
      // After the date: nothing, the hour of a time (`10:00`), or text of its own long enough to
      // be judged alone (its spaces the text's; perhaps another date). A few digits more are the
      // rest of one number (`4276 12.11.2019 3456`), redacted whole.
      const end = d.index + d[0].length;
      const rest = digits.slice(end);
      const lead = rest.length - rest.trimStart().length;
      const tail = figuresOf(rest.slice(lead));
      // The hour of a time, its minutes after a colon beyond the run (`10:00`), or after a dot (`10.00`, as Russian writes it).
      const minutes = /^\d{1,2}$/.test(rest.slice(lead)) ? /^:[0-5]\d(?::[0-5]\d)?(?!\d)/.exec(whole.slice(offset + digits.length, offset + digits.length + 7)) : null;
      // The time whole, its minutes with it: the rest of the run searched alone had lost them.
      if (minutes) return digits.length + minutes[0].length;
      const hour = /^(?:[01]?\d|2[0-3])\.[0-5]\d$/.test(rest.slice(lead));
      if (tail > 0 && tail < PHONE_DIGITS && !hour) continue;
      return end + lead;
    }
  }
  // A sum in groups of three (1 234 567,89 RUB, 1.234.567,89 RUB), with its fraction or its
  // currency after it, or its currency before it. Groups of three with dots and neither
  // (`1.234.567` alone) may be a phone number, and are redacted.
  const run = digits.trimEnd();
  const after = whole.slice(offset + run.length, offset + run.length + 24);
  const currencyAfter = CURRENCY_AFTER.test(after);
  // What says a run of digits is a sum: its fraction, or a currency after it, or before it.
  const currency = currencyAfter || FRACTION_AFTER.test(after) || SUM_BEFORE.test(justBefore);
  // (Or written without groups, seven digits at most, its currency after it: `1500000 руб`; an account's number is longer.)
  if (((GROUPED.test(run) || GROUPED_DOTS.test(run)) && currency) || (/^[1-9]\d{0,6}$/.test(run) && currencyAfter)) return digits;
  // Two sums and a dash between them, beside their currency (`1500-2000 руб`, `1.500-2.000 lei`).
  const dash = currency ? run.search(/[\u2010-\u2015\u2212-]/u) : -1;
  const sums = dash > 0 ? [run.slice(0, dash).trimEnd(), run.slice(dash + 1).trimStart()] : [];
  if (sums.length && sums.every((sum) => /^[1-9]\d{0,5}$/.test(sum) || GROUPED.test(sum) || GROUPED_DOTS.test(sum))) return digits;
  // A trailing space or bracket belongs to the text around the number.
  const core = digits.replace(TRAILING_SEPARATORS(), '');
  // After a word that says it is a phone number, a shorter one is one too (`тел. 23-45-67`, as a city's numbers are).
  // (Not a price, `телефон 24990 руб`, nor a measure, `phone 20000 mAh`, nor a number after a word for a call, `Call #123456`.)
  const unit = UNIT_AFTER.test(after);
  if (figures >= PHONE_WORDED_DIGITS && figures < PHONE_DIGITS && !currency && !unit && STRICT_PHONE_WORD.test(justBefore)) return REDACTED.phone + digits.slice(core.length);
  const years = YEARS.exec(core);
  if (years && !phoneWord && Number(years[1]) <= Number(years[2])) return digits;
  return classifyDigits(core) === core ? digits : classifyDigits(core) + digits.slice(core.length);
}

const count = (s: string, c: string) => s.split(c).length - 1;

/** Every text of a value (a record, a list, nested) redacted; other values as they are. */
export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redactText(value) as T;
  if (Array.isArray(value)) return value.map(redactDeep) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, redactDeep(v)])) as T;
  }
  return value;
}

/** FNV-1a of a text, 32 bits, as eight hex digits: a short name that tells texts apart, not what they hold. */
function hashOf(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** An incident's or a check's id: its beginning (its company's name made an id), then its number. */
const RECORD_ID = /^(.+?)((?:-check)?-\d+)$/;

/**
 * A record's id (an incident's, a check's, an event's `<id>#<n>`, or evidence's `incident:<id>`)
 * as a published page or a shared file gives it. An id begins with its company's name made an id, as the name was when the record
 * was made: a company named by a phone number or an address gave its ids the number, which a
 * page showed beside the name it hid, and kept it after a rename or a move. Where that beginning
 * reads as a number or an address, or is other than `hiddenAs` (the slug of the company's name as
 * the page gives it, where that name is redacted: an id made since begins so, `phone-1`), it is
 * the redacted text made an id and a hash of what it was (`phone-5b1c0e2a-1`): a record's id is
 * the same throughout a page or a file, and no two records share one.
 */
export function publishedRef(id: string, hiddenAs?: string): string {
  // (No id has a colon: evidence names its kind before one.)
  const colon = id.indexOf(':');
  if (colon >= 0) return `${id.slice(0, colon + 1)}${publishedRef(id.slice(colon + 1), hiddenAs)}`;
  const hash = id.indexOf('#');
  if (hash >= 0) return `${publishedRef(id.slice(0, hash), hiddenAs)}${id.slice(hash)}`;
  const m = RECORD_ID.exec(id);
  if (!m) return id;
  const [, beginning, number] = m;
  const asText = beginning.replace(/[-._]+/g, ' ');
  const shown = redactText(asText);
  if (shown === asText && (hiddenAs === undefined || beginning === hiddenAs)) return id;
  const marker = shown === asText ? 'redacted' : shown.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 16).replace(/-+$/, '') || 'redacted';
  return `${marker}-${hashOf(beginning)}${number}`;
}

/**
 * The slug a new record's id begins with, of its company's name as a published page gives it: a
 * company named by a phone number or an address (a caller's, a sender's) gave its ids the number
 * whole (`7-916-123-45-67-1`), which every page and shared file showed. Its ids are `phone-1`,
 * `email-1` now; any other name's are as before.
 */
export function refSlugOf(name: string, none = 'incident'): string {
  return slugOf(redactText(name), 16, none);
}
