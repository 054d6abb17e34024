// Русский каталог: каждое слово, которое читает человек. Тип `Catalog` — из английского
// каталога, так что пропущенная здесь запись — ошибка проверки типов.

import type { Catalog, LookedLike, NotAsked } from './en.js';
import { STDIN_FILE, type EditorChanges } from '../domain/op-summary.js';
import type { Change, Policy, RuleId } from '../domain/policy.js';
import { LEVELS, OUTCOMES, type CheckVerdict, type Channel, type CompensationKind, type Effort, type EventType, type Fault, type Level, type ListName, type Outcome, type Placement, type ReplyOwer } from '../domain/types.js';
import { clipped, commandLine, shellWord, either, findingFrom, formatsFor, lazyFormatter, lowerFirst, neededWith, shellArg as sh, type FindingWords } from './format.js';
import { roundedSpan } from '../domain/dates.js';
import { guillemets } from '../domain/letter-words.js';
import type { LetterKind } from '../domain/law.js';
import type { ZipProblem } from '../formats/zip-entry.js';
import type { ChecklistFileFault } from '../formats/checklist-file.js';
import type { DataFault, FutureMend, Given, KeptKind } from '../formats/data-file.js';

const fmt = formatsFor('ru', 'ru', { plainDates: 'dotted', listAnd: { word: 'и', serialComma: false }, grouping: '\u00a0' });
/** Текст пользователя в кавычках в сообщении, обрезанный там, где он длиннее любого названия (см. clipped). */
const q = (s: string) => guillemets(clipped(s));
/** Название, на которое похоже другое: другое название компании — вместе с её названием. */
const lookedLike = (l: LookedLike) => (l.of === l.name ? q(l.name) : `${q(l.name)} (другое название ${q(l.of)})`);
/** Текст из записей целиком: что компания сказала или пообещала — это и есть факт. */
const quoted = guillemets;
/** Списки, названные целиком: «чёрный» и «наблюдение» рядом не складываются в одну речь. */
const LIST_NAMES = { black: 'чёрный список', white: 'белый список', watch: 'под наблюдением' } as const;
/** Стандартный ввод, названный там, где называют файл (`-` в командной строке). */
const STDIN = 'стандартный ввод';
/** Виды дат, принятых как есть, с их числом (примечание импорта и общего файла). */
function keptKinds(counts: Partial<Record<KeptKind, number>>): string[] {
  const n = (k: KeptKind, forms: { one: string; few: string; many: string; other: string }) => (counts[k] ? [fmt.plural(counts[k], forms)] : []);
  return [
    ...n('before-opening', { one: 'событие раньше открытия обращения', few: 'события раньше открытия обращения', many: 'событий раньше открытия обращения', other: 'события раньше открытия обращения' }),
    ...n('due-before-made', { one: 'обещание со сроком раньше, чем оно дано', few: 'обещания со сроком раньше, чем они даны', many: 'обещаний со сроком раньше, чем они даны', other: 'обещания со сроком раньше, чем они даны' }),
    ...n('closed-before-opening', { one: 'закрытие раньше открытия', few: 'закрытия раньше открытия', many: 'закрытий раньше открытия', other: 'закрытия раньше открытия' }),
    ...n('closed-not-resolution', { one: 'время закрытия не то, что у решения', few: 'времени закрытия не те, что у решений', many: 'времён закрытия не те, что у решений', other: 'времени закрытия не те, что у решений' }),
    ...n('closes-twice', { one: 'второе закрытие', few: 'вторых закрытия', many: 'вторых закрытий', other: 'второго закрытия' }),
    ...n('future', { one: 'время, которое ещё не наступило', few: 'времени, которые ещё не наступили', many: 'времён, которые ещё не наступили', other: 'времени, которые ещё не наступили' }),
  ];
}

/** Записи, в которых они есть: первые пять по названию. */
function keptRecords(records: string[]): string {
  return records.slice(0, 5).join(', ') + (records.length > 5 ? ` и ещё ${fmt.number(records.length - 5)}` : '');
}

/** То, поверх чего вывод не пишется никогда (см. assertNotDatabase). */
const FORBIDDEN = {
  database: 'база данных или один из её файлов',
  backup: 'файл в папке резервных копий базы данных',
  link: 'база данных или один из её файлов (под другим именем)',
  sqlite: 'база данных SQLite',
  companion: 'один из собственных файлов базы данных SQLite (её журнал или общая память)',
} as const;
/** Файлы, которые SQLite держит рядом с базой. */
const SQLITE_PART = { wal: 'журнал предварительной записи', shm: 'файл общей памяти', journal: 'журнал отката' } as const;
/** Где указать другую базу данных: в --db или в VETTED_DB, если отвергнутую базу назвала эта переменная (`by` — что её назвало, Context.setBy.db). */
const dbIn = (by: string) => (by === 'VETTED_DB' ? 'VETTED_DB' : '--db');
/** Сколько проверок и обращений (именительный падеж: 1 проверка, 5 обращений). */
const checksOf = (n: number) => fmt.plural(n, { one: 'проверка', few: 'проверки', many: 'проверок', other: 'проверки' });
const incidentsOf = (n: number) => fmt.plural(n, { one: 'обращение', few: 'обращения', many: 'обращений', other: 'обращения' });
const bytesOf = (n: number) => fmt.plural(n, { one: 'байт', few: 'байта', many: 'байт', other: 'байта' });
/** Сколько осталось от обрезанной базы. */
const cutShort = (size: number, expected?: number) =>
  expected ? `${bytesOf(size)} из ${fmt.number(expected)}, указанных в её заголовке` : `${bytesOf(size)}: не уцелел даже заголовок`;
/** Сколько словарей и списков или значений (после «больше»: 1 словаря и списка, 5 словарей и списков). */
const containersOf = (n: number) => fmt.plural(n, { one: 'словаря и списка', few: 'словарей и списков', many: 'словарей и списков', other: 'словаря и списка' });
const valuesOf = (n: number) => fmt.plural(n, { one: 'значения', few: 'значений', many: 'значений', other: 'значения' });
/** Сроки ответа на письма пользователя рядом с обещаниями компании: на письма компании (сколько она пропустила) и отдельно — на письма регулятору или в суд (их пропуск не вина компании). */
const repliesApart = (replies: { broken: number; total: number }, theirs: { broken: number; total: number }) => {
  const parts = [
    ...(replies.total ? [`сроки ответа на ваши письма${theirs.total ? ' компании' : ''}: пропущено ${replies.broken} из ${replies.total}`] : []),
    ...(theirs.total ? [`сроки ответа регулятора или суда на ваши письма: прошло без ответа ${theirs.broken} из ${theirs.total}`] : []),
  ];
  return parts.length ? ` (и ${parts.join('; ')})` : '';
};
/** Чей ответ ждёт письмо регулятору или в суд: их, а не компании. */
const theirs = (w: ReplyOwer) => (w === 'court' ? 'суда' : 'регулятора');
/** Как сделать, чтобы спросили то, что не дано: в терминале (если не в нём) и без --json (если он дан). */
const toBeAsked = ({ json, terminal }: NotAsked) => `запустите ${json ? `${terminal ? '' : 'в терминале '}без --json` : 'в терминале'}, и вас спросят`;
const days = (n: number) => fmt.plural(n, { one: 'день', few: 'дня', many: 'дней', other: 'дня' });
const minutes = (n: number) => fmt.plural(n, { one: 'минута', few: 'минуты', many: 'минут', other: 'минуты' });
/**
 * Ожидание живого человека словами: его минуты или почему их нет. Контакт, в котором не записано,
 * ответил ли человек, — не контакт, где не дозвонились: «не дозвонились» — только о тех, где записано.
 */
const toHumanWords = (wait: number | null, reached: boolean, contacts: number, unknown: number, never: string) =>
  wait !== null
    ? minutes(wait)
    : reached
      ? 'дозвонились, но ожидание не записано'
      : !contacts
        ? 'контактов не записано'
        : unknown === contacts
          ? `неизвестно: ${contacts === 1 ? 'в контакте не записано' : `ни в одном из ${fmt.plural(contacts, { one: 'контакта', few: 'контактов', many: 'контактов', other: 'контакта' })} не записано`}, ответил ли человек`
          : unknown
            ? `${never} (в ${fmt.plural(unknown, { one: 'контакте', few: 'контактах', many: 'контактах', other: 'контакта' })} из ${fmt.number(contacts)} не записано, ответил ли человек)`
            : never;
const rowForms = { one: 'строка', few: 'строки', many: 'строк', other: 'строки' };
const companyForms = { one: 'компания', few: 'компании', many: 'компаний', other: 'компании' };
const complaintForms = { one: 'жалоба', few: 'жалобы', many: 'жалоб', other: 'жалобы' };
const day = (date: string | null) => (date ? fmt.date(date) : '—');
/** Доли в публичных записях жалоб: «12,5 %», в коротких строках «13 %». */
const percent = lazyFormatter<number>(() => new Intl.NumberFormat('ru', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }));
const wholePercent = lazyFormatter<number>(() => new Intl.NumberFormat('ru', { style: 'percent', maximumFractionDigits: 0 }));
/** Размеры в КБ и МБ: «1,5 КБ», «50,0 МБ». */
const oneDecimal = lazyFormatter<number>(() => new Intl.NumberFormat('ru', { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
/** Месяц публичных записей: «2019-04» → «апр. 2019». */
let monthsMade: Intl.DateTimeFormat | undefined;
const months = () => (monthsMade ??= new Intl.DateTimeFormat('ru', { month: 'short', year: 'numeric', timeZone: 'UTC' }));
const month = (m: string) =>
  months()
    .formatToParts(new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1, 1)))
    .filter((p) => p.type !== 'literal' || p.value === ' ')
    .map((p) => p.value)
    .join('')
    .trim();

function zipProblem(p: ZipProblem): string {
  switch (p.kind) {
    case 'ends-early': return 'архив обрывается раньше времени';
    case 'too-short': return 'он слишком короткий для zip-архива';
    case 'no-directory': return 'в нём нет каталога zip (это не zip-архив или он повреждён)';
    case 'zip64-missing': return 'в нём нет каталога Zip64';
    case 'zip64-damaged': return 'его каталог Zip64 повреждён';
    case 'past-end': return 'его каталог указывает за конец файла';
    case 'directory-damaged': return 'его каталог повреждён';
    case 'no-csv': return 'в нём нет файла CSV';
    case 'entry-damaged': return 'заголовок файла в нём повреждён';
    case 'data-damaged': return 'файл в нём повреждён: его байты не сходятся с контрольной суммой, которую даёт архив';
    case 'encrypted': return `${p.entry} в нём зашифрован`;
    case 'method': return `${p.entry} в нём сжат методом ${p.method}, который vetted не читает (только без сжатия и deflate)`;
    case 'several': return `в нём ${fmt.plural(p.entries.length, { one: 'файл', few: 'файла', many: 'файлов', other: 'файла' })} CSV (${p.entries.slice(0, 3).join(', ')}${p.entries.length > 3 ? ', …' : ''}), а не один`;
  }
}
const brokenChecklist = (first: string, more: number, file: string) =>
  more
    ? `${first} (и ещё ${fmt.plural(more, { one: 'проблема', few: 'проблемы', many: 'проблем', other: 'проблемы' })}); запустите \`vetted checklists validate ${sh(file)}\`, чтобы увидеть все.`
    : `${first}; исправьте это и проверьте чек-лист снова: \`vetted checklists validate ${sh(file)}\`.`;

/** Значение, которое не подошло, после «а не»: список и словарь в творительном падеже. */
const given = (g: Given) => (g.kind === 'list' ? 'списком' : g.kind === 'map' ? 'словарём' : g.text);
const chars = (n: number) => fmt.plural(n, { one: 'знака', few: 'знаков', many: 'знаков', other: 'знака' });

function eventField(f: Extract<DataFault, { kind: 'event-field' }>): string {
  switch (f.field) {
    case 'text': return `должно быть текстом не длиннее ${chars(f.max ?? 0)}`;
    case 'bool': return 'должно быть true или false';
    case 'count': return `должно быть целым числом от 0 до ${fmt.number(f.max!)}`;
    case 'number': return `должно быть числом от 0 до ${fmt.number(f.max!)}`;
    case 'when': return 'должно быть датой ISO 8601, например 2024-07-12 или 2024-07-12T09:30';
    case 'enum': return `должно быть одним из: ${(f.values ?? []).join(', ')}`;
    case 'currency': return 'должно быть трёхбуквенным кодом ISO 4217, например EUR';
  }
}

/** Где исправить ещё не наступившее время записи из экспорта в базе, откуда она, если это делает команда. */
function futureMend(f: FutureMend): string {
  if (f.field === 'event') return ` или в базе, из которой выгружен файл (\`vetted event edit ${f.record} --at КОГДА\`, затем выгрузите файл снова)`;
  if (f.field === 'opened') return ` или в базе, из которой выгружен файл (\`vetted incident edit ${f.record} --opened КОГДА\`, затем выгрузите файл снова)`;
  return '';
}

function dataFault(f: DataFault): string {
  switch (f.kind) {
    case 'year': return `приходится на ${f.year} год; укажите дату с ${f.first} по ${f.last} год`;
    case 'future': return 'в будущем; записывайте то, что уже случилось, и время, когда это случилось';
    case 'future-exported': return `ещё не наступило, а то, что случилось, не может быть позже, чем сейчас: укажите время, когда это случилось, здесь в файле${futureMend(f)}`;
    case 'before-opened': return `раньше, чем открыто обращение (${f.opened})`;
    case 'before-made': return `раньше, чем дано обещание (${f.made})`;
    case 'data-map': return `файл данных должен быть словарём с полем format: ${f.format}`;
    case 'format-missing': return `поля нет: файл данных должен начинаться с format: ${f.format}`;
    case 'newer-format': return `${f.given} — более новый формат, чем читает эта версия vetted (${f.format}); обновите vetted, чтобы его загрузить`;
    case 'format': return `должно быть ${f.format}, а не ${given(f.got)}`;
    case 'map': return `должно быть словарём, а не ${given(f.got)}`;
    case 'list': return `должно быть списком, а не ${given(f.got)}`;
    case 'unknown-field': return 'неизвестное поле';
    case 'required': return 'обязательное поле';
    case 'required-without-events': return 'обязательно для обращения без событий (обращение с событиями открывается самым ранним из них)';
    case 'not-text': return `должно быть текстом, а не ${given(f.got)}`;
    case 'empty': return 'не может быть пустым';
    case 'too-long': return `длиннее ${chars(f.max)}`;
    case 'invisible': return 'не содержит ни одного видимого знака (только пробелы, диакритические знаки или знаки нулевой ширины)';
    case 'id': return `допустимы буквы, цифры, точки, дефисы и подчёркивания (не больше ${f.max}), например ${f.example}`;
    case 'sha256': return 'должно быть хешем SHA-256: 64 строчные шестнадцатеричные цифры';
    case 'date': return `должно быть настоящей датой ISO 8601, например 2024-07-12 или 2024-07-12T09:30, а не ${given(f.got)}`;
    case 'offset': return `указан сдвиг ${f.offset} от UTC, которого нет ни у одних часов (сдвиги — от -12:00 до +14:00); укажите настоящий сдвиг или никакого для местного времени`;
    case 'one-of': return `должно быть одним из: ${f.values.join(', ')}, а не ${given(f.got)}`;
    case 'text-map': return `должно быть словарём «id вопроса → текст», а не ${given(f.got)}`;
    case 'positive': return `должно быть целым числом не меньше 1, а не ${given(f.got)}`;
    case 'boolean': return `должно быть true или false, а не ${given(f.got)}`;
    case 'event-id': return `должно быть id события, например volga-2012-07#4, а не ${given(f.got)}`;
    case 'not-event-field': return `у события ${f.type} нет такого поля (его поля: ${f.fields.join(', ')})`;
    case 'required-for': return `обязательно для события ${f.type}`;
    case 'event-field': return `${eventField(f)}, а не ${given(f.got)}`;
    case 'file-name': return 'должно быть именем файла, без папок';
    case 'file-name-control': return 'должно быть именем файла без управляющих символов (перевода строки, табуляции, escape, знака письма справа налево)';
    case 'size': return `должно быть размером в байтах от 0 до ${fmt.number(f.max)}, а не ${given(f.got)}`;
    case 'base64': return 'должно быть содержимым файла в base64';
    case 'score': return `должно быть целым числом от 0 до 100, а не ${given(f.got)}`;
    case 'answer-scores': return `должно быть словарём «id вопроса: оценка от 0 до 1 (или null)», а не ${given(f.got)}`;
    case 'closes-twice': return `это второе закрытие (обращение уже закрыто событием events[${f.first}]): обращение закрывается один раз; оставьте одно`;
    case 'closed-not-resolution': return `указано ${f.closed}, а событие events[${f.resolution}] закрыло обращение ${f.at}; обращение закрывается один раз: укажите в closed это время или уберите его`;
  }
}

function checklistFault(f: ChecklistFileFault): string {
  switch (f.kind) {
    case 'checklist-map': return 'чек-лист должен быть словарём с полями id, version, title и questions';
    case 'question-map': return 'должно быть словарём с полями id, text и answers';
    case 'answer-map': return 'должно быть словарём с полями value, label и score';
    case 'required': return 'обязательное поле';
    case 'score-required': return 'обязательное поле (число от 0 до 1 или null)';
    case 'empty': return 'не может быть пустым';
    case 'local-text': return 'должно быть строкой или словарём «язык → строка»';
    case 'no-language': return 'должно содержать текст хотя бы на одном языке';
    case 'language-code': return `${q(f.code)} — не код языка; пишите, например, en или ru`;
    case 'blank-translation': return 'должно быть непустой строкой';
    case 'unknown-field': return `неизвестное поле (допустимы: ${f.fields.join(', ')})`;
    case 'id': return `только строчные латинские буквы и цифры, слова через дефис, например ${f.example}`;
    case 'version': return 'должно быть целым числом не меньше 1';
    case 'weight': return `должно быть положительным числом от ${fmt.number(f.min)} до ${fmt.number(f.max)}`;
    case 'unknown-answer': return `ответ unknown («не удалось выяснить») во всех чек-листах оценивается в ${fmt.number(f.score)} и не бывает критичным (CHECKLISTS.md); его можно назвать по-своему, но оценка должна остаться ${fmt.number(f.score)}`;
    case 'score': return 'должно быть числом от 0 до 1 или null';
    case 'dealbreaker-unscored': return 'ответ, не входящий в оценку (score: null, например «не относится к покупке»), не может провалить проверку; чтобы он был критичным, дайте ему оценку 0, иначе уберите dealbreaker';
    case 'boolean': return 'должно быть true или false';
    case 'questions': return 'должно быть списком хотя бы из одного вопроса';
    case 'answers': return 'должно быть списком хотя бы из одного ответа';
    case 'too-many': return f.what === 'answers' ? `${fmt.plural(f.count, { one: 'ответ', few: 'ответа', many: 'ответов', other: 'ответа' })}, а у вопроса их может быть не больше ${fmt.number(f.max)}` : `${fmt.plural(f.count, { one: 'вопрос', few: 'вопроса', many: 'вопросов', other: 'вопроса' })}, а в чек-листе их может быть не больше ${fmt.number(f.max)}`;
    case 'duplicate-question': return `${q(f.id)} встречается в этом чек-листе дважды`;
    case 'duplicate-answer': return `${q(f.value)} встречается в этом вопросе дважды`;
    case 'yaml': return `ошибка YAML: ${yamlWords(f.code, f.detail)}`;
  }
}
/** Ошибки разбора YAML по их кодам (библиотека yaml пишет их по-английски). */
const YAML_ERRORS: Record<string, string> = {
  ALIAS_PROPS: 'у псевдонима (*имя) не может быть ни якоря, ни тега',
  BAD_ALIAS: 'псевдоним (*имя) ссылается на якорь, которого нет',
  BAD_COLLECTION_TYPE: 'коллекция не того вида, что ожидался',
  BAD_DIRECTIVE: 'непонятная директива %',
  BAD_DQ_ESCAPE: 'неправильная экранирующая последовательность (\\…) в строке в двойных кавычках',
  BAD_INDENT: 'неправильный отступ (или не закрыта скобка [ либо {)',
  BAD_PROP_ORDER: 'якорь или тег стоит не на своём месте',
  BAD_SCALAR_START: 'значение не может начинаться с этого символа: возьмите его в кавычки',
  BLOCK_AS_IMPLICIT_KEY: 'вложенный блок не может быть ключом',
  BLOCK_IN_FLOW: 'внутри [ ] или { } нельзя начинать блок с новой строки',
  DUPLICATE_KEY: 'ключ повторяется: каждый ключ может встретиться один раз',
  IMPOSSIBLE: 'разбор YAML не удался',
  KEY_OVER_1024_CHARS: 'ключ длиннее 1024 символов',
  MISSING_CHAR: 'не хватает закрывающего символа (кавычки или скобки)',
  MULTILINE_IMPLICIT_KEY: 'ключ не может занимать несколько строк',
  MULTIPLE_ANCHORS: 'у одного значения несколько якорей',
  MULTIPLE_DOCS: 'в файле несколько документов YAML (---), а ожидался один',
  MULTIPLE_TAGS: 'у одного значения несколько тегов',
  NON_STRING_KEY: 'ключ должен быть строкой',
  TAB_AS_INDENT: 'табуляция в отступе: делайте отступы пробелами',
  TAG_RESOLVE_FAILED: 'значение не подходит к своему тегу',
  UNEXPECTED_TOKEN: 'неожиданный символ: возможно, не хватает кавычек, двоеточия или отступа',
};
const yamlWords = (code: string | undefined, detail: string) => (code !== undefined && YAML_ERRORS[code]) || detail;

/** Ошибки разбора JSON (сообщения V8 — по-английски): что не так и в каком месте. */
const JSON_ERRORS: [RegExp, string][] = [
  [/^Unexpected end of JSON input/, 'текст обрывается раньше, чем закончился JSON'],
  [/^Expected double-quoted property name/, 'ожидалось имя свойства в двойных кавычках'],
  [/^Expected ':' after property name/, 'после имени свойства ожидалось «:»'],
  [/^Expected ',' or '\}' after property value/, 'после значения ожидалось «,» или «}»'],
  [/^Expected ',' or '\]' after array element/, 'после элемента списка ожидалось «,» или «]»'],
  [/^Unterminated string/, 'строка не закрыта кавычкой'],
  [/^Bad control character in string literal/, 'управляющий символ внутри строки'],
  [/^Bad escaped character/, 'неправильная экранирующая последовательность (\\…)'],
  [/^Unexpected non-whitespace character after JSON/, 'после JSON идёт лишний текст'],
  [/^Unexpected token/, 'неожиданный символ'],
];
function jsonWords(detail: string): string {
  const token = /^Unexpected token '(.+?)'/.exec(detail)?.[1];
  const what = token !== undefined ? `неожиданный символ «${token}»` : (JSON_ERRORS.find(([re]) => re.test(detail))?.[1] ?? 'синтаксическая ошибка');
  const at = /at position (\d+)(?: \(line (\d+) column (\d+)\))?/.exec(detail);
  if (!at) return what;
  return at[2] ? `${what} (строка ${at[2]}, столбец ${at[3]})` : `${what} (позиция ${at[1]})`;
}
const minutesAcc = (n: number) => fmt.plural(n, { one: 'минуту', few: 'минуты', many: 'минут', other: 'минуты' });
/** Виды писем: именительный и родительный падеж. */
const kindNom: Record<LetterKind, string> = { complaint: 'жалоба', escalation: 'эскалация', claim: 'претензия', regulator: 'жалоба регулятору' };
const kindGen: Record<LetterKind, string> = { complaint: 'жалобы', escalation: 'эскалации', claim: 'претензии', regulator: 'жалобы регулятору' };
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** Вопрос внутри фразы: первая буква строчная, если это не аббревиатура. */

function duration(ms: number): string {
  const s = roundedSpan(ms);
  return s.unit === 'minute' ? minutesAcc(s.n) : s.unit === 'hour' ? fmt.plural(s.n, { one: 'час', few: 'часа', many: 'часов', other: 'часа' }) : days(s.n);
}

const level: Record<Level, string> = {
  frontline: 'первая линия',
  supervisor: 'старший смены',
  quality: 'отдел качества',
  management: 'руководство',
  regulator: 'регулятор',
  court: 'суд',
};
/** Родительный падеж: «дошло до …». */
const levelGen: Record<Level, string> = {
  frontline: 'первой линии',
  supervisor: 'старшего смены',
  quality: 'отдела качества или претензий',
  management: 'руководства',
  regulator: 'регулятора',
  court: 'суда',
};
/** Родительный падеж в перечне уровней, которые считает политика: «до старшего смены, отдела качества или суда». */
const levelGenInList: Record<Level, string> = { ...levelGen, quality: 'отдела качества' };
/** Уровни, до которых должна дойти ошибка, чтобы компания попала в чёрный список: «руководства или выше» либо каждый, если политика какой-то пропускает. */
const reachedWords = (c: { level: Level; levels?: Level[] }) => {
  if (!c.levels) return `${levelGen[c.level]} или выше`;
  const who = c.levels.map((l) => levelGenInList[l]);
  return who.length > 1 ? `${who.slice(0, -1).join(', ')} или ${who[who.length - 1]}` : who[0];
};
/** Уровни, которые политика не считает самой компанией (B1): это один сотрудник. */
const belowCompany = (p: Policy) => LEVELS.filter((l) => !p.institutional_levels.includes(l));
const levelWhere: Record<Level, string> = {
  frontline: 'на первой линии',
  supervisor: 'у старшего смены',
  quality: 'в отделе качества',
  management: 'у руководства',
  regulator: 'у регулятора',
  court: 'в суде',
};
const outcome: Record<Outcome, string> = { resolved: 'решено', partial: 'частично', unresolved: 'не решено', abandoned: 'брошено' };
const kind: Record<CompensationKind, string> = { refund: 'возврат', credit: 'зачёт', replacement: 'замена', repair: 'ремонт', other: 'другое' };
const kindLong: Record<CompensationKind | 'compensation', string> = {
  refund: 'возврат денег',
  credit: 'зачёт на счёт',
  replacement: 'замену',
  repair: 'ремонт',
  other: 'компенсацию',
  compensation: 'компенсацию',
};
const effort: Record<Effort, string> = { none: 'ничего', asked: 'попросить', paperwork: 'бумаги', 'in-person': 'лично', legal: 'юрист' };
const fault: Record<Fault, string> = { company: 'компания', 'third-party': 'посредник', customer: 'покупатель', unknown: 'неизвестно' };
const channel: Record<Channel, string> = {
  phone: 'телефон',
  chat: 'чат',
  email: 'почта',
  app: 'приложение',
  web: 'сайт',
  'in-person': 'лично',
  letter: 'письмо',
  social: 'соцсети',
};
const checkVerdict: Record<CheckVerdict, string> = { go: 'можно покупать', caution: 'осторожно', avoid: 'избегать' };
const listIn: Record<Placement, string> = { black: 'в чёрном списке', white: 'в белом списке', watch: 'под наблюдением', unlisted: 'ни в одном списке' };

const ruleTitle: Record<RuleId, string> = {
  B1: 'провал компании',
  B2: 'нарушенные обещания',
  B3: 'повторные провалы',
  B4: 'проверка не пройдена',
  W1: 'хорошее исправление',
  W2: 'сверх ожиданий',
  W3: 'проверка пройдена',
};

const times = (n: number) => (n === 1 ? '' : ` ${fmt.plural(n, { one: 'раз', few: 'раза', many: 'раз', other: 'раза' })}`);

// Слова каждого вида находки (см. findingFrom).
const findingWords: FindingWords = {
  refused: (f) => `${f.policy ? 'отказали, сославшись на политику компании' : `отказ (${level[f.level]})`}${f.text ? `: ${quoted(f.text)}` : ''} (${f.incident})`,
  'reached-failed': (f) => `дошло до ${levelGen[f.level]}, и всё равно ${outcome[f.outcome]} (${f.incident})`,
  'reached-no-amends': (f) => `дошло до ${levelGen[f.level]}; закрыто (${outcome[f.outcome]}) без извинений и без компенсации (${f.incident})`,
  'broken-promises': (f) => {
    const text = (t: string | null) => quoted(t ?? 'обещание');
    return f.promises.length === 1
      ? `обещали ${text(f.promises[0].text)} и не сдержали слово${times(f.broken)} за ${days(f.days)} (${f.incident})`
      : `нарушили ${fmt.plural(f.broken, { one: 'обещание', few: 'обещания', many: 'обещаний', other: 'обещания' })} за ${days(f.days)}: ${f.promises.map((p) => `${text(p.text)}${times(p.times)}`).join(', ')} (${f.incident})`;
  },
  // B3 называет каждую ошибку, рядом с которой в пределах срока есть другая: цепочка таких ошибок может растянуться много дальше срока.
  repeat: (f) => `${fmt.plural(f.incidents.length, { one: 'обращение осталось', few: 'обращения остались', many: 'обращений остались', other: 'обращения остались' })} нерешёнными, каждое — в пределах ${fmt.plural(f.months, { one: 'месяца', few: 'месяцев', many: 'месяцев', other: 'месяца' })} от другого нерешённого: ${f.incidents.map((i) => `${i.title} (${fmt.date(i.date)})`).join('; ')}`,
  'failed-check': (f) => {
    const why = f.dealbreakers.length ? `неприемлемый ответ: ${f.dealbreakers.join(', ')}` : `оценка ${f.score} ниже ${f.below}`;
    const verdict = f.own && f.own !== 'avoid' ? `по чек-листу — ${checkVerdict[f.own]}, по вашей политике — избегать` : 'избегать';
    return `проверка перед покупкой (${f.checklist}) от ${fmt.date(f.date)}: ${f.score} из 100 — ${verdict} (${why})`;
  },
  recovery: (f) => {
    const extras = [f.apologised ? 'извинились' : '', f.explained ? 'объяснили' : '', f.compensated === 'unasked' ? 'компенсировали без просьбы' : f.compensated === 'asked' ? 'компенсировали по просьбе' : ''].filter(Boolean);
    return `исправили без борьбы${extras.length ? `, ${extras.join(', ')}` : ''} (${f.incident})`;
  },
  unasked: (f) => `сами, без просьбы, предложили ${kindLong[f.what]} (${f.incident})`,
  'customer-fault': (f) => `дали ${kindLong[f.what]}, хотя виноват был покупатель (${f.incident})`,
  'passed-check': (f) =>
    `проверка перед покупкой (${f.checklist}) от ${fmt.date(f.date)}: ${f.score} из 100 — ${f.own && f.own !== 'go' ? `по чек-листу — ${checkVerdict[f.own]}, по вашей политике — можно покупать` : 'можно покупать'}`,
  'watch-incident': (f) => {
    const parts = [f.open_since ? `открыто с ${fmt.date(f.open_since)}` : f.outcome ? `закрыто: ${outcome[f.outcome]}` : 'закрыто'];
    if (f.broken) parts.push(fmt.plural(f.broken, { one: 'нарушенное обещание', few: 'нарушенных обещания', many: 'нарушенных обещаний', other: 'нарушенного обещания' }));
    if (f.robots) parts.push(`робот или обрыв связи: ${fmt.plural(f.robots, { one: 'контакт', few: 'контакта', many: 'контактов', other: 'контакта' })}`);
    if (f.stayed_with) parts.push(`дальше уровня ${q(level[f.stayed_with])} не дошло`);
    return `${f.incident}: ${parts.join(', ')}`;
  },
  'watch-check': (f) =>
    `проверка перед покупкой (${f.checklist}) от ${fmt.date(f.date)}: ${f.score} из 100 — ${f.own && f.own !== f.verdict ? `по чек-листу — ${checkVerdict[f.own]}, по вашей политике — ${checkVerdict[f.verdict]}` : checkVerdict[f.verdict]}`,
  pin: (f) => `закреплено вами: ${f.reason}`,
};

const finding = findingFrom(findingWords);

function change(c: Change): string {
  switch (c.kind) {
    case 'unpin':
      return `открепите (vetted unpin ${sh(c.company)}), чтобы решали факты${c.evidence_says ? `: тогда компания окажется ${listIn[c.evidence_says]}` : ''}`;
    case 'deeds-to-white':
      return 'в белый список её переведёт хорошо исправленная ошибка, более новая, чем эти факты; пройденная проверка — нет: дела важнее слов';
    case 'deeds-to-black':
      return `в чёрный список её переведёт более новая неисправленная ошибка, дошедшая до ${reachedWords(c)}, ${fmt.plural(c.promises, { one: 'нарушенное обещание', few: 'нарушенных обещания', many: 'нарушенных обещаний', other: 'нарушенного обещания' })} в одном обращении или ${fmt.plural(c.repeat, { one: 'неисправленная ошибка', few: 'неисправленные ошибки', many: 'неисправленных ошибок', other: 'неисправленной ошибки' })} по их вине за ${fmt.plural(c.months, { one: 'месяц', few: 'месяца', many: 'месяцев', other: 'месяца' })}; проваленная проверка — нет: дела важнее слов`;
    case 'words-to-white':
      return 'в белый список её переведёт более новая пройденная проверка или любая хорошо исправленная ошибка';
    case 'words-to-black':
      return `в чёрный список её переведёт более новая проваленная проверка, неисправленная ошибка, дошедшая до ${reachedWords(c)}, ${fmt.plural(c.promises, { one: 'нарушенное обещание', few: 'нарушенных обещания', many: 'нарушенных обещаний', other: 'нарушенного обещания' })} в одном обращении или ${fmt.plural(c.repeat, { one: 'неисправленная ошибка', few: 'неисправленные ошибки', many: 'неисправленных ошибок', other: 'неисправленной ошибки' })} по их вине за ${fmt.plural(c.months, { one: 'месяц', few: 'месяца', many: 'месяцев', other: 'месяца' })}`;
    case 'watch-to-black':
      return `в чёрный: если неисправленная ошибка дойдёт до ${reachedWords(c)}, в одном обращении нарушат ${fmt.plural(c.promises, { one: 'обещание', few: 'обещания', many: 'обещаний', other: 'обещания' })}, ${fmt.plural(c.repeat, { one: 'ошибка по их вине останется неисправленной', few: 'ошибки по их вине останутся неисправленными', many: 'ошибок по их вине останутся неисправленными', other: 'ошибки по их вине останутся неисправленными' })} за ${fmt.plural(c.months, { one: 'месяц', few: 'месяца', many: 'месяцев', other: 'месяца' })} или проверка не будет пройдена`;
    case 'watch-to-white':
      return 'в белый: если ошибку исправят без борьбы, компенсацию предложат сами или проверка будет пройдена';
    case 'any-evidence':
      return 'любая проверка или обращение поместит её в список';
  }
}

const words = {
  level,
  outcome,
  fault,
  channel,
  kind,
  effort,
  list: { black: 'чёрный', white: 'белый', watch: 'наблюдение' },
  event: {
    contact: 'контакт',
    promise: 'обещание',
    escalation: 'эскалация',
    apology: 'извинение',
    explanation: 'объяснение',
    compensation: 'компенсация',
    refusal: 'отказ',
    resolution: 'закрытие',
    note: 'заметка',
  },
  checkVerdict,
  letterKind: { complaint: 'жалоба', escalation: 'повторная жалоба', claim: 'претензия', regulator: 'регулятор' },
  letterCase: { goods: 'товары', services: 'услуги', telecom: 'связь', finance: 'финансы' },
  demand: { refund: 'возврат денег', repair: 'ремонт', replacement: 'замена', recalculation: 'перерасчёт', compensation: 'компенсация' },
};
/** Сколько источников внесли компанию в список: «2 — чёрный» (так и в справке к lists --sources). */
const countOn = (n: number, list: ListName) => `${fmt.number(n)} — ${words.list[list]}`;

/** Значения закрытого словаря в справке: каждый id и его слово. */
const values = (w: Record<string, string>) => Object.entries(w).map(([id, word]) => (word === id ? id : `${id} (${word})`)).join(', ');

/** Поля обращения, которые изменила правка, флагами или в редакторе. */
function incidentFields(s: Pick<EditorChanges, 'title' | 'fault' | 'opened' | 'company' | 'closed'>): string[] {
  return [
    s.title ? 'заголовок' : '',
    s.fault ? `вина: ${fault[s.fault]}` : '',
    s.opened ? `открыто ${fmt.dateTime(s.opened)}` : '',
    s.company ? `перенесено к компании ${s.company}` : '',
    s.closed === undefined ? '' : s.closed === null ? 'больше не закрыто' : `закрыто ${fmt.dateTime(s.closed)}`,
  ].filter(Boolean);
}

/** Что изменила правка в редакторе: поля обращения, затем события (о них сказано и тогда, когда больше ничего не изменилось). */
function editorChanges(s: EditorChanges): string {
  const fields = incidentFields(s);
  const events = s.changed || s.added || s.removed || !fields.length ? `событий изменено — ${s.changed}, добавлено — ${s.added}, удалено — ${s.removed}` : '';
  return [...fields, events].filter(Boolean).join(', ');
}

export const ru: Catalog = {
  lang: 'ru',
  fmt,
  duration,

  words,
  vocabulary: {
    notOne: (flag, values, given) => `${flag} принимает ${values.join(', ')}, а не ${q(given)}.`,
  },

  rules: {
    title: ruleTitle,
    explain: {
      B1: (p: Policy) =>
        `один грубый сотрудник — ещё не компания, но если ошибка дошла до ${either(p.institutional_levels.map((l) => levelGenInList[l]), 'или')} и так и не была исправлена (отказ, нет решения или ни извинений, ни компенсации) или отказ — политика компании, подвела сама компания`,
      B2: (p: Policy) => `${fmt.plural(p.broken_promises, { one: 'нарушенное обещание', few: 'нарушенных обещания', many: 'нарушенных обещаний', other: 'нарушенного обещания' })} и больше в одном обращении — это система, а не промах одного сотрудника`,
      B3: (p: Policy) =>
        `${fmt.plural(p.repeat_unresolved, { one: 'нерешённая ошибка', few: 'нерешённые ошибки', many: 'нерешённых ошибок', other: 'нерешённой ошибки' })} и больше, каждая в пределах ${fmt.plural(p.repeat_window_months, { one: 'месяца', few: 'месяцев', many: 'месяцев', other: 'месяца' })} от ${p.repeat_unresolved === 2 ? 'другой' : fmt.plural(p.repeat_unresolved - 1, { one: 'другой', few: 'других', many: 'других', other: 'других' })}, — это привычка`,
      B4: (p: Policy) => `последняя проверка перед покупкой нашла неприемлемый ответ или дала меньше ${p.check_avoid_below}`,
      W1: () => 'ошибка, исправленная без борьбы, вызывает больше доверия, чем отсутствие ошибок',
      W2: () => 'компания дала больше, чем должна была: компенсацию без просьбы или помощь, когда виноват был покупатель',
      W3: (p: Policy) => `последняя проверка перед покупкой дала ${p.check_go_from} или больше без неприемлемых ответов`,
    },
    pinned: 'закреплено вами',
    evidence: 'факты',
  },
  finding,
  change,

  lists: {
    fromOrSources: '--from показывает списки одного источника как есть, а --sources добавляет все источники к вашим; укажите что-то одно.',
    title: { black: 'Чёрный список', white: 'Белый список', watch: 'Под наблюдением' },
    nobody: 'никого',
    since: (date) => `с ${date ? fmt.date(date) : '—'}`,
    more: (n) => `(и ещё ${n})`,
    empty: 'Ни одной компании в списках: проверьте продавца (`vetted check`), запишите обращение или загрузите файл данных (`vetted import`).',
    noSuchList: (given, near = []) => `списка ${q(given)} нет;${near.length ? ` может быть, ${near.join(' или ')}?` : ''} списки: чёрный (black), белый (white) и наблюдение (watch).`,
  },
  why: {
    head: (list, since) => (list === 'unlisted' ? 'ни в одном списке' : `${listIn[list]}${since ? ` с ${fmt.date(since)}` : ''}`),
    is: '—',
    pinnedMark: ' (закреплено вами)',
    decidedBy: 'Решило:',
    watchNote: (p) =>
      belowCompany(p).length
        ? `Ни одно правило чёрного или белого списка не выполняется: ошибки, оставшиеся ${either(belowCompany(p).map((l) => levelWhere[l]), 'или')}, — это один сотрудник, а не компания.`
        : 'Ни одно правило чёрного или белого списка не выполняется.',
    watchNoteNoRule: 'Ни одно правило чёрного или белого списка не выполняется.',
    against: (n) => `Против (правила чёрного списка): ${n || 'нет'}`,
    for: (n) => `За (правила белого списка): ${n || 'нет'}`,
    onWatch: 'Под наблюдением, потому что',
    setAside: (n) => `Не решает (${n}): слова проверки рядом с делами компании`,
    setAsideWhy: 'проверка говорит, что компания обещает; ваши обращения — что она сделала, а дела важнее слов.',
    bothSides: (list, since) => `Выполняются правила обеих сторон; решают самые новые факты (при равенстве — чёрный): ${listIn[list as ListName] ?? list}, факты от ${since ? fmt.date(since) : '—'}.`,
    evidence: 'Факты',
    alsoOnRecord: 'Ещё в записях (ни одно правило сейчас на них не опирается)',
    incidentSpan: (opened, closed, o) => `${fmt.date(opened)}${o ? ` — ${closed ? fmt.date(closed) : ''}, ${outcome[o]}` : closed ? ` — ${fmt.date(closed)}, закрыто` : ', ещё открыто'}`,
    incidentFacts: (f, contacts, highest) =>
      `вина: ${fault[f]} · ${fmt.plural(contacts, { one: 'контакт', few: 'контакта', many: 'контактов', other: 'контакта' })} · выше всего: ${level[highest]}`,
    promisesLine: (broken, total, apologised, explained, compensations, replies = { broken: 0, total: 0 }, theirs = { broken: 0, total: 0 }) =>
      `обещания: нарушено ${broken} из ${total}${repliesApart(replies, theirs)} · извинения: ${apologised ? 'да' : 'нет'} · объяснение: ${explained ? 'да' : 'нет'} · компенсация: ${compensations.length ? compensations.join('; ') : 'нет'}`,
    compensation: (k, proactive, e) => `${k ? kind[k] : 'да'}${proactive ? ', без просьбы' : ''}${e ? `, чего стоило: ${effort[e]}` : ''}`,
    checkLine: (checklist, date, score, verdict, dealbreakers) =>
      `чек-лист ${checklist} от ${fmt.date(date)}: ${score}/100, ${checkVerdict[verdict]}${dealbreakers.length ? ` (неприемлемые ответы: ${dealbreakers.join(', ')})` : ''}`,
    wouldChange: 'Что изменит решение:',
  },

  policyShow: {
    inForce: (source, path) => `# действующая политика списков: ${source ?? `по умолчанию (переопределите её в ${path})`}`,
    defaultWas: (v) => `   # по умолчанию: ${v}`,
    rules: '# правила',
    side: { black: 'чёрный', white: 'белый' },
    order: [
      '# в каком порядке решают выводы',
      '#   1. закрепление решает всё и показано как «закреплено вами».',
      '#   2. дела важнее слов: если выполняется хоть один вывод по обращениям (B1, B2, B3, W1, W2),',
      '#      с любой стороны, решение принимается только среди них; выводы проверок (B4, W3)',
      '#      показаны в `vetted why`, за или против, но ничего не решают.',
      '#   3. выводы проверок решают, только когда ни один вывод по обращениям не выполняется.',
      '#   4. среди решающих выводов побеждают самые новые факты; при равенстве (та же дата) — чёрный.',
      '#   5. выводов нет, но факты есть — под наблюдением; фактов нет — ни в одном списке.',
    ],
  },

  policyFile: {
    top: '(верхний уровень)',
    invalid: (file, problems) => `${file}: ${problems}; исправьте файл или удалите его, чтобы действовали значения по умолчанию.`,
    fault: (f) => {
      switch (f.kind) {
        case 'policy-map':
          return 'политика должна быть словарём «настройка → значение»';
        case 'unknown-setting':
          return `неизвестная настройка (настройки: ${f.settings.join(', ')})`;
        case 'whole-number':
          return `должно быть целым числом от ${f.min} до ${f.max}`;
        case 'levels':
          return `должно быть списком уровней из: ${f.levels.join(', ')}`;
        case 'one-of':
          return `должно быть одним из: ${f.values.join(', ')}`;
        case 'above-go':
          return `не может быть больше check_go_from (${f.go})`;
      }
    },
  },

  check: {
    answersMap: (file) => `${file} должен быть словарём «id вопроса: значение ответа», например "who-helps: live-support".`,
    answerText: (file, what, key, given) => `${file}: ${what === 'note' ? 'заметка' : 'ответ'} к ${q(key)} должен быть текстом, а не ${given}.`,
    sectionMap: (file, section) => `${file}: «${section}» должен быть словарём «id вопроса: ${section === 'answers' ? 'значение ответа», например "who-helps: live-support"' : 'заметка»'}.`,
    sectionsOnly: (file, keys) =>
      `${file}: кроме «answers» и «notes» в нём есть ${keys.map(q).join(', ')}, а другие разделы не читаются; удалите ${keys.length > 1 ? 'их' : 'его'}; заметки идут в «notes».`,
    notesWithoutSections: (file) => `${file}: «notes» дан словарём среди ответов; поместите ответы в «answers:», а заметки в «notes:», каждый раздел — словарь «id вопроса: текст».`,
    noteTooLong: (length, max) =>
      `В этой заметке ${fmt.plural(length, { one: 'знак', few: 'знака', many: 'знаков', other: 'знака' })}, а в заметке может быть не больше ${fmt.number(max)}: сократите её.`,
    answersNotSaved: (command) => `Ваши ответы не сохранены. Когда причина ниже будет устранена, эта команда сохранит их, ничего не спрашивая:\n  ${command}`,
    answersToChange: (command) => `Ваши ответы — чтобы дать их снова, заменив хотя бы один ответом, который учитывается в оценке:\n  ${command}`,
    noteNotQuestion: (id, checklist) => `--note называет ${q(id)}, а такого вопроса в чек-листе ${checklist} нет.`,
    nothingScored: (checklist) =>
      `ни один из данных ответов не учитывается в оценке (каждый говорит, что вопрос неприменим), поэтому у проверки не было бы оценки, и она не сохранена; ответьте хотя бы на один вопрос чек-листа ${checklist} ответом, который учитывается, или «unknown», если узнать не удалось.`,
    checklistChanged: (id, version, file, check, at, change) =>
      `чек-лист ${id} (${file}) изменился с тех пор, как по нему сделана проверка ${check} (${fmt.date(at)}), а версия осталась прежней, ${version}: ${
        change.kind === 'questions'
          ? [change.added.length ? `теперь в нём есть ${change.added.join(', ')}` : '', change.gone.length ? `больше нет ${change.gone.join(', ')}` : ''].filter(Boolean).join(', а ')
          : change.kind === 'answer'
            ? `ответа ${q(change.answer)} на ${change.question} больше нет`
            : `те же ответы он оценивает иначе (тогда ${change.was}, теперь ${change.now})`
      }. Дайте его файлу новую версию (\`version: ${version + 1}\`), чтобы проверки версии ${version} сохранили вопросы и оценки, с которыми сделаны; затем проверьте снова.`,
    stdinTwice: '--checklist - и --answers - оба указывают на стандартный ввод, а он читается один раз; укажите одно из них файлом.',
    noAnswers: (missing, checklist, how) =>
      `нет ответа на ${missing.join(', ')}; дайте ${missing.length > 1 ? 'их' : 'его'} через --answer ID=ЗНАЧЕНИЕ или --answers ФАЙЛ или ${toBeAsked(how)} (см. \`vetted checklists show ${shellWord(checklist)}\`).`,
    record: (name, list, since) => (list === 'unlisted' ? `${name}: записей пока нет (ни в одном списке).` : `${name}: ${listIn[list]} с ${since ? fmt.date(since) : '—'}.`),
    recordReason: (rule, text) => `  решило ${rule}: ${text}`,
    recordCounts: (open, broken) =>
      `  ${fmt.plural(open, { one: 'открытое обращение', few: 'открытых обращения', many: 'открытых обращений', other: 'открытого обращения' })}, ${fmt.plural(broken, { one: 'нарушенное обещание', few: 'нарушенных обещания', many: 'нарушенных обещаний', other: 'нарушенного обещания' })}`,
    nowChanged: (from, to) => `Теперь: ${listIn[to]}${from !== to ? ` (было: ${listIn[from]})` : ''}.`,
    notChanged: (list) => `Теперь: по-прежнему ${listIn[list]}: эта проверка решения не изменила.`,
    policyReads: (finding) => `Ваша политика оценивает этот результат иначе, чем чек-лист: ${finding}.`,
    whyNotDeeds: 'Проверка говорит, что компания обещает; ваши обращения — что она сделала, а дела важнее слов.',
    whyNotPin: 'Вы закрепили компанию: закрепление решает, пока вы его не снимете.',
    whyNotOlder: 'По-прежнему решают более новые факты другой стороны.',
  },

  company: {
    isAliasOf: (name, owner) => `${q(name)} уже другое название компании ${owner}.`,
    aliasTaken: (alias, owner) => `${q(alias)} уже называет компанию ${owner}; другое название может принадлежать только одной компании.`,
    nameTaken: (name, owner, from) => `${q(name)} уже называет компанию ${owner}; чтобы сделать их одной компанией, выполните \`vetted company merge ${sh(from)} ${sh(owner)}\`.`,
    pinsDisagree: (a, aList, aReason, b, bList, bReason) =>
      `компания ${a} закреплена ${listIn[aList]} (${q(aReason)}), а компания ${b} — ${listIn[bList]} (${q(bReason)}); сначала открепите одну из них (\`vetted unpin\`).`,
    alsoKnown: (names) => `также: ${names}`,
    partOf: (name) => `входит в ${name}`,
    head: (list, since) => (list === 'unlisted' ? 'ни в одном списке (фактов пока нет)' : `${listIn[list]} с ${since ? fmt.date(since) : '—'}`),
    subsidiaries: 'Дочерние компании',
    ownEvidence: ' (по их собственным фактам)',
    figures: 'Показатели обслуживания',
    checks: (n) => `Проверки (${n})`,
    noChecks: (name) => `  пока нет: vetted check ${sh(name)}`,
    incidents: (n) => `Обращения (${n})`,
    none: '  нет',
    checkHeaders: ['№', 'ДАТА', 'ЧЕК-ЛИСТ', 'ОЦЕНКА', 'ИТОГ', 'НЕПРИЕМЛЕМО'],
    incidentHeaders: ['№', 'ОТКРЫТО', 'ВИНА', 'СОСТОЯНИЕ', 'ЧТО СЛУЧИЛОСЬ'],
    listHeaders: ['КОМПАНИЯ', 'ДРУГИЕ НАЗВАНИЯ', 'КАТЕГОРИЯ', 'ПРОВЕРКИ', 'ОБРАЩЕНИЯ', 'ОТКРЫТО'],
    open: 'открыто',
    closed: 'закрыто',
    figureLines: (f) => [
      `время до живого человека (медиана): ${toHumanWords(f.median, f.reachedHuman, f.contacts, f.unknown, 'не дозвонились ни разу')}`,
      `контактов, где мешал робот или оборвалась связь: ${f.blocked} из ${f.contacts}`,
      `обещания: сдержано ${f.kept}, нарушено ${f.broken}`,
      `решено обращений: ${f.resolved} из ${f.incidents}`,
      `извинения: ${f.apologies} · объяснения: ${f.explanations} · компенсации: ${f.compensations} (без просьбы: ${f.unasked})`,
      `выше всего пришлось дойти до уровня: ${f.highest ? level[f.highest] : '—'}`,
    ],
    noCompanies: 'Компаний пока нет. Начните с `vetted check "Магазин"` или `vetted incident add "Магазин"`.',
    aliasExists: (alias, name) => `${q(alias)} уже называет компанию ${name}; ничего не изменено.`,
    aliasAdded: (alias, name) => `${q(alias)} — теперь ещё одно название компании ${name}.`,
  },

  incident: {
    eventIdHint: (id, first) => `  (номер события — ${id} и его номер по порядку, например ${first}: \`vetted event edit ${first}\`)`,
    attachments: 'Вложения',
    attachmentEvent: (n) => `событие ${n}`,
    size: (bytes) => (bytes < 1024 ? `${bytes} Б` : bytes < 1048576 ? `${fmt.number(Math.round(bytes / 102.4) / 10)} КБ` : `${fmt.number(Math.round(bytes / 104857.6) / 10)} МБ`),
    saveAttachment: (id) => `  сохранить вложение: vetted attachment save ${id} --out ФАЙЛ`,
    event: {
      contact: (ch, lvl) => `контакт${ch ? (ch === 'in-person' ? ' лично' : ` (${channel[ch]})`) : ''}${lvl}`,
      robot: (place) => `мешал робот${place ? `, ${place}-е место в очереди` : ''}`,
      queue: (place) => `${place}-е место в очереди`,
      reached: (wait) => `ответил человек${wait !== undefined ? ` через ${minutesAcc(wait)}` : ''}`,
      noPerson: (wait) => `никто не ответил${wait !== undefined ? ` за ${minutesAcc(wait)}` : ''}`,
      dropped: 'связь оборвалась или нет ответа',
      kept: 'сдержано',
      broken: (lateMs, soFar) => `нарушено${lateMs ? `, опоздание ${duration(lateMs)}` : ''}${soFar ? ' (пока)' : ''}`,
      dueIn: (ms) => `срок через ${duration(ms)}`,
      promise: (text, lvl, due, state) => `обещание ${text ? quoted(text) : '(слова не записаны)'}${lvl}, срок ${fmt.dateTime(due)}: ${state}`,
      replyDeadline: (text, lvl, due, state) => `срок ответа ${text ? quoted(text) : 'на ваше письмо'}${lvl} — ${fmt.dateTime(due)}: ${state}`,
      answeredInTime: 'ответили в срок',
      answeredLate: (lateMs) => `ответили поздно${lateMs ? `, опоздание ${duration(lateMs)}` : ''}`,
      unanswered: (lateMs, soFar) => `ответа нет${lateMs ? `, опоздание ${duration(lateMs)}` : ''}${soFar ? ' (пока)' : ''}`,
      markedUnanswered: 'отмечено: ответа нет',
      fixedInTime: (partial) => `проблему устранили${partial ? ' частично' : ''} в срок`,
      fixedLate: (lateMs, partial) => `проблему устранили${partial ? ' частично' : ''} с опозданием${lateMs ? ` на ${duration(lateMs)}` : ''}`,
      escalation: (to) => `эскалация: ${level[to]}`,
      apology: (lvl) => `извинение${lvl}`,
      explanation: (lvl) => `объяснение${lvl}`,
      compensation: (what, how, lvl) => `компенсация${what ? `: ${what}` : ''}${how ? ` (${how})` : ''}${lvl}`,
      compensationWhat: (k, amount) => [k ? kind[k] : '', amount].filter(Boolean).join(' '),
      unasked: 'предложили сами',
      whenAsked: 'только по просьбе',
      took: (e) => `чего стоило: ${effort[e]}`,
      refusal: 'отказ',
      asPolicy: ' как политика компании',
      resolution: (o, lvl) => `закрыто: ${o ? outcome[o] : ''}${lvl}`,
      note: (lvl, text) => `заметка${lvl}: ${text}`,
      level: (l) => ` (${level[l]})`,
    },
    replyOnPage: (text, lvl, due, state, late, partial = false) =>
      `срок ответа ${text ? quoted(text) : 'на ваше письмо'}${lvl} — ${fmt.dateTime(due)}: ${
        state === 'pending'
          ? 'срок не наступил'
          : late === 'fixed'
            ? `проблему устранили${partial ? ' частично' : ''} ${state === 'kept' ? 'в срок' : 'с опозданием'}`
            : state === 'kept'
              ? 'ответили в срок'
              : late === 'answered'
                ? 'ответили поздно'
                : late === 'marked'
                  ? 'отмечено: ответа нет'
                  : 'ответа нет'
      }`,
    promiseOnPage: (text, lvl, due, state) =>
      `обещание ${text ? quoted(text) : '(слова не записаны)'}${lvl}, срок ${fmt.dateTime(due)}: ${state === 'pending' ? 'срок не наступил' : state === 'kept' ? 'сдержано' : 'нарушено'}`,
    metrics: (m) => {
      const yn = (b: boolean) => (b ? 'да' : 'нет');
      return [
        `контактов: ${m.contacts} (мешал робот: ${m.robots}, связь оборвалась или нет ответа: ${m.dropped})`,
        `время до живого человека: ${toHumanWords(m.toHuman, m.reachedHuman, m.contacts, m.unknown, 'не дозвонились')}`,
        `обещаний: ${m.promises}, нарушено: ${m.broken}${repliesApart({ broken: m.missed, total: m.replies }, { broken: m.theirMissed, total: m.theirReplies })}`,
        `выше всего: ${level[m.highest]}`,
        `извинились: ${yn(m.apologised)} · объяснили: ${yn(m.explained)} · компенсировали: ${yn(m.compensated)}${m.compensated ? ` (${m.proactive ? 'без просьбы' : 'только по просьбе'}; чего стоило: ${effort[m.effort ?? 'none']})` : ''}`,
        `дней открыто: ${fmt.number(m.daysOpen)}`,
      ];
    },
    owedPromise: (text, due) => `обещание ${text ? quoted(text) : ''} (срок ${fmt.dateTime(due)})`.replace('  ', ' '),
    owedReply: (text, due) => `${text ? quoted(text) : 'ответ на ваше письмо'} (срок ${fmt.dateTime(due)})`,
    owedTheirReply: (whose, text, due) => `ответ ${theirs(whose)}${text ? `: ${quoted(text)}` : ' на ваше письмо'} (срок ${fmt.dateTime(due)})`,
    owedFix: 'исправление: обращение ещё открыто',
    owedFixClosed: (closed) => `исправление: обращение закрыто ${fmt.dateTime(closed)} без него`,
    owedApology: 'извинение',
    owedExplanation: 'объяснение, что пошло не так',
    owedCompensation: 'компенсация',
    head: (opened, f, state) => `открыто ${fmt.dateTime(opened)} · вина: ${fault[f]} · ${state}`,
    closedAs: (o) => `закрыто: ${outcome[o]}`,
    closedOn: (closed) => `закрыто ${fmt.dateTime(closed)}`,
    open: 'открыто',
    noEvents: (id) => `  событий пока нет: vetted incident event ${id} contact --channel phone`,
    day: (n) => `день ${n}`,
    figures: 'Показатели',
    stillOwed: 'Ещё должны',
    listHeaders: ['№', 'КОМПАНИЯ', 'ОТКРЫТО', 'СОСТОЯНИЕ', 'НАРУШЕНО', 'ЧТО СЛУЧИЛОСЬ'],
    closed: 'закрыто',
    noOpen: 'Открытых обращений нет.',
    none: 'Обращений пока нет. Откройте первое: `vetted incident add "Компания" --title "что случилось"`.',
    opened: (ref, company) => `открыто обращение ${ref} к компании ${company}`,
    next: (ref) => `дальше: vetted incident event ${ref} contact (в терминале спросит, как всё прошло; иначе укажите это в --channel, --reached-human и --wait-minutes)`,
    logged: (type, id, company, at, event) => `записано событие ${event} (${ru.words.event[type as EventType]}) в ${id} (${company}), ${fmt.dateTime(at)}`,
    reachedUnknown: (event) =>
      `  обратите внимание: в ${event} не записано, ответил ли человек, поэтому в показателях это считается неизвестным; укажите это: \`vetted event edit ${event} --reached-human\` (или --no-reached-human), а ожидание — в --wait-minutes.`,
    readAsDeadline: (event, letter) =>
      `  обратите внимание: ${event} стоит в моменте и на уровне вашего письма ${letter}, поэтому читается как срок ответа на это письмо, который выполняет любой их ответ; если это обещание дала компания, укажите время, когда она его дала: \`vetted event edit ${event} --at КОГДА\`.`,
    nextPromise: (ref) => `дальше, когда вам что-то пообещают: vetted incident event ${ref} promise --text "что сказали" --due "завтра 18:00"`,
  },

  due: {
    badFormat: (given) => `--format принимает text, json или ics, а не ${q(given)}.`,
    twoFormats: (json, format) => `${json} и --format ${format} просят два разных вывода; укажите один.`,
    calendarName: 'vetted: сроки',
    calendarSummary: (what, company, whose) => `${whose === 'company' ? 'Срок ответа компании' : whose ? `Срок ответа ${theirs(whose)}` : 'Срок'}: ${what} — ${company}`,
    calendarDescription: (company, id, title, at, what, due, broken, step, whose) =>
      whose
        ? `${company}, обращение ${id}: ${title}\nВаше письмо ${whose === 'court' ? 'в суд' : whose === 'regulator' ? 'регулятору' : 'в компанию'} от ${fmt.dateTime(at)}: ${what}, срок ${fmt.dateTime(due)}.${broken === 'passed' ? ' Ответа нет: срок прошёл.' : broken === 'marked' ? ' Отмечено: ответа нет.' : ''}\n${step ? `${broken ? 'Дальше' : 'Если не ответят'}: ${step}.\n` : ''}Подробнее: vetted incident show ${id}`
        : `${company}, обращение ${id}: ${title}\nОбещано ${fmt.dateTime(at)}: ${what}, срок ${fmt.dateTime(due)}.${broken === 'passed' ? ' Нарушено: срок прошёл.' : broken === 'marked' ? ' Нарушено: отмечено как невыполненное.' : ''}\n${step ? `${broken ? 'Дальше' : 'Если не выполнят'}: ${step}.\n` : ''}Подробнее: vetted incident show ${id}`,
    nothing: 'Открытых обращений нет: сроков нет.',
    broken: 'нарушено',
    unanswered: 'без ответа',
    due: 'срок',
    stale: 'без движения',
    aPromise: 'обещание',
    aReply: 'ответ на ваше письмо',
    // "просрочено на": the accusative of duration() fits every number (прошло 21 минуту did not).
    brokenLine: (text, due, lateMs, whose) =>
      `${quoted(text)} — ${whose ? `ответ ${theirs(whose)}, ` : ''}срок ${fmt.dateTime(due)}, ${lateMs > 0 ? `просрочено на ${duration(lateMs)}` : whose ? 'отмечено: ответа нет' : 'отмечено как невыполненное'}`,
    dueLine: (text, due, inMs, whose) => `${quoted(text)} — ${whose ? `ответ ${theirs(whose)}, срок ` : ''}через ${duration(inMs)} (${fmt.dateTime(due)})`,
    staleLine: (n) => `событий нет уже ${days(n)}`,
    next: 'дальше:',
    step: {
      tell: (id) => `Сообщите компании: свяжитесь с ней и запишите это командой \`vetted incident event ${id} contact\``,
      escalate: (from) =>
        ({
          frontline: 'Попросите старшего смены, узнайте и запишите имя',
          supervisor: 'Напишите в отдел качества или претензий, приложите хронологию',
          quality: 'Напишите руководству: хронология и ответ отдела претензий',
          management: 'Пожалуйтесь регулятору или в общество защиты прав потребителей, с хронологией',
          regulator: 'Подумайте об иске в суд (мировой суд), хронология — ваше доказательство',
          court: 'Следите за делом в суде и записывайте каждое обращение',
        })[from],
      compensation: 'Потребуйте компенсацию письменно (по электронной почте или письмом) и сохраните ответ',
      chase: 'Напомните о себе и запишите это обращение',
      afterFix: (id) => `Напомните письменно о том, что обещали после устранения, и запишите ответ; если неисправность вернулась, откройте обращение снова (\`vetted incident reopen ${id}\`)`,
      timeline: 'Ведите хронологию: записывайте каждый звонок, чат и письмо сразу',
    },
    why: {
      tell: 'связь с компанией ещё не записана',
      escalate: (broken, missed, since, refusals, at, here, quietDays) =>
        `${fmt.list([
          broken ? `${fmt.plural(broken, { one: 'обещание нарушено', few: 'обещания нарушены', many: 'обещаний нарушено', other: 'обещания нарушено' })} с ${since ? fmt.date(since) : ''}` : '',
          missed
            ? `${fmt.plural(missed, { one: 'ответ на ваше письмо просрочен', few: 'ответа на ваши письма просрочены', many: 'ответов на ваши письма просрочено', other: 'ответа на ваши письма просрочено' })}${broken || !since ? '' : ` с ${fmt.date(since)}`}`
            : '',
          refusals ? `${fmt.plural(refusals, { one: 'отказ', few: 'отказа', many: 'отказов', other: 'отказа' })}` : '',
        ].filter(Boolean))}${here === 'all' ? ' ' : here === 'last' ? ', в последний раз — ' : `, и уже ${days(quietDays)} ничего — `}${levelWhere[at]}`,
      compensation: (n) => `обслуживание подводит вас${n >= 1 ? ` уже ${days(n)}` : ''}, а ничего не предложено`,
      chase: (n) => `ничего не происходит уже ${days(n)}`,
      afterFix: (n) => `обращение закрыто, но ${fmt.plural(n, { one: 'обещание, данное после устранения, нарушено', few: 'обещания, данные после устранения, нарушены', many: 'обещаний, данных после устранения, нарушено', other: 'обещания, данных после устранения, нарушено' })}`,
      timeline: 'даты и имена — ваши доказательства',
    },
  },

  pin: {
    notAList: (given) => `закрепить можно в чёрном (black) или белом (white) списке, а не ${q(given)}.`,
    pinned: (name, list, reason, was) =>
      `компания ${name} закреплена ${listIn[list as ListName] ?? list}${was && was.list !== list ? ` (была ${listIn[was.list as ListName] ?? was.list})` : ''}: ${reason}${was && was.reason !== reason ? ` (прежняя причина: ${was.reason})` : ''}`,
    pinnedAlready: (name, list, reason, since) => `компания ${name} уже закреплена ${listIn[list as ListName] ?? list} по этой причине, с ${fmt.date(since)}: ${reason}; ничего не изменено.`,
    notPinned: (name) => `компания ${name} не закреплена; откреплять нечего.`,
    unpinned: (name) => `компания ${name} откреплена: список снова решают факты (см. \`vetted why ${sh(name)}\`).`,
  },

  errors: {
    invisibleName: 'в названии компании должен быть хотя бы один видимый знак, а не только пробелы, диакритика или знаки нулевой ширины; укажите название, которым пользуется компания.',
    noCompanyShort: (name) => `компании ${q(name)} нет;`,
    noCompanyLike: (name, like) => `компании ${q(name)} нет; может быть, ${like.map(q).join(' или ')}? (список: \`vetted company list\`)`,
    noIncidentLike: (id, like) => `обращения ${q(id)} нет; ${like.length ? `может быть, ${like.map(q).join(' или ')}? ` : ''}номера: \`vetted incident list\`.`,
    typo: (name, like) =>
      `внимание: ${q(name)} — новая компания, но ${like.map(q).join(' или ')} уже есть; если вы имели в виду её, укажите это название (опечатку можно исправить командой \`vetted company merge\`).`,
    whichCompany: (typed, like) => `${q(typed)} — новая компания, но есть ${like.map(q).join(' и ')}. Какую вы имели в виду?`,
    theOneYouHave: (name) => `${name} (та, что уже есть)`,
    aNewCompany: (name) => `${name} (новая компания)`,
    emptyName: 'название компании не может быть пустым; укажите название, которым пользуется компания.',
    longName: (max) => `название компании — не длиннее ${fmt.plural(max, { one: 'знака', few: 'знаков', many: 'знаков', other: 'знака' })}; сократите его.`,
    longNote: (what, max) => `${what} — не длиннее ${fmt.plural(max, { one: 'знака', few: 'знаков', many: 'знаков', other: 'знака' })}; сократите.`,
    aNote: 'заметка',
    theirWords: 'их слова',
    noCompany: (name, db) => `компании ${q(name)} нет в ${db}; список: \`vetted company list\`.`,
    noCompanyButSources: (name, sources) =>
      `компании ${q(name)} нет в ваших записях, но ${sources.length > 1 ? 'ваши источники' : 'ваш источник'} ${sources.map(q).join(', ')} ${sources.length > 1 ? 'знают' : 'знает'} её: \`vetted source show ${sh(sources[0])}\` покажет, что говорит ${q(sources[0])}, а \`vetted check ${sh(name)}\` — что ${sources.length > 1 ? 'они говорят' : 'он говорит'} о ней, перед первым вопросом.`,
    didYouMean: (names) => ` может быть, ${names.map(lookedLike).join(' или ')}? (выглядит так же, но написано другими буквами)`,
    lookalike: (name, like) => `внимание: ${q(name)} похоже на ${like.map(lookedLike).join(', ')}, но написано буквами другой письменности; это разные компании.`,
    pairTwice: (flag, id) => `${flag} ${id}=… указан дважды; укажите его один раз${flag === '--note' ? ' (в одной заметке можно сказать несколько вещей)' : ''}.`,
    pairs: (flag, given) => `${flag} принимает ${flag === '--note' ? `ID=ТЕКСТ, например ${flag} who-helps="только чат-бот"` : `ID=ЗНАЧЕНИЕ, например ${flag} who-helps=live-support`}; в ${q(given)} ${given.startsWith('=') ? 'нет ID перед «=»' : 'нет «=»'}.`,
    backedUp: (path) => `перед обновлением база данных сохранена в ${path}: более старая версия vetted читает эту копию, а не обновлённую базу`,
    noIncident: (id) => `обращения ${q(id)} нет; номера: \`vetted incident list\`.`,
    badDate: (flag, given) => `${flag} принимает дату ISO 8601, например 2024-07-12 или 2024-07-12T09:30, а ${q(given)} — не такая дата (или такой даты нет).`,
    emptyTitle: '--title не может быть пустым; скажите в двух словах, что случилось.',
    longTitle: (max) => `заголовок — не длиннее ${fmt.plural(max, { one: 'знака', few: 'знаков', many: 'знаков', other: 'знака' })}; сократите его.`,
    notForType: (flag, type, flags) => `${flag} не относится к событию ${q(ru.words.event[type as EventType] ?? type)}; у него есть ${flags.join(', ')}.`,
    wholeNumber: (flag, given, max) => `${flag} принимает целое число от 0 до ${fmt.number(max)}, а не ${q(given)}.`,
    number: (flag, given, max) => `${flag} принимает число, например 50 или 12,5, без разделителей тысяч (1000, а не 1.000), не больше ${max}, а не ${q(given)}.`,
    currency: (flag, given) => `${flag} принимает трёхбуквенный код ISO 4217, например RUB, а не ${q(given)}.`,
    needsTitle: (how) => `у обращения должен быть заголовок: --title "что случилось" (или ${toBeAsked(how)}).`,
    notEventType: (given, types) => `${q(given)} — не тип события; типы: ${types.join(', ')}.`,
    eventNeeds: (type, flags, promise) =>
      `событию ${q(ru.words.event[type as EventType] ?? type)} нужно ${flags.join(' и ')}${promise ? ' (срок, например --due 2024-07-13T18:00)' : type === 'resolution' ? ` (чем закончилось: ${OUTCOMES.map((o) => outcome[o]).join(', ')})` : ''}.`,
    duplicateEvent: (type, at, id) => `это событие (${ru.words.event[type as EventType] ?? type}, ${fmt.dateTime(at)}) уже есть в ${id}; ничего не добавлено.`,
    eventNumbersUsedUp: (max) => `события этого обращения пронумерованы до #${max}, больше номер события быть не может, а один номер дважды не даётся; ничего не добавлено. Запишите то, что было дальше, в отдельное обращение.`,
    needsOutcome: (values) => `скажите, чем закончилось: --outcome ${values.join('|')}.`,
    damaged: (detail, by) => `vetted: база данных повреждена (SQLite: ${detail}); восстановите копию (\`vetted restore FILE\`) или укажите другой файл в ${dbIn(by)}.`,
    diskFull: 'vetted: диск заполнен, ничего не сохранено; освободите место и повторите команду.',
    ioError: (detail) => `vetted: диск отказал в записи (${detail}): проверьте свободное место, квоты и сам диск; ничего не сохранено.`,
    busy: 'vetted: база данных занята другим процессом vetted; ничего не сохранено, повторите через минуту.',
    readOnly: (detail, by) => `vetted: туда нельзя писать (${detail}); проверьте права доступа или укажите другой путь в ${dbIn(by)}.`,
    readOnlyCompanion: (file, remade) =>
      remade
        ? `vetted: в базу данных нельзя было писать: файл ${file}, который SQLite держит рядом с ней, был доступен только для чтения (таким его оставляет чтение базы, пока она была доступна только для чтения), и SQLite только что создал его заново; запустите команду ещё раз.`
        : `vetted: в базу данных нельзя писать: файл ${file}, который SQLite держит рядом с ней, доступен только для чтения (таким его оставляет чтение базы, пока она была доступна только для чтения); разрешите запись в него (chmod u+w) или удалите его, пока vetted не запущен.`,
    readOnlyFolder: (by) =>
      `vetted: папка базы данных доступна только для чтения, а SQLite держит свой журнал (файлы -wal и -shm) рядом с базой; разрешите запись в папку или скопируйте базу в папку, доступную для записи (с диска только для чтения или носителя резервных копий — командой \`cp\`), и укажите в ${dbIn(by)} копию.`,
    cantOpen: (detail, by) => `vetted: SQLite не может открыть базу данных или файлы рядом с ней (${detail}); проверьте права доступа к файлу и папке или укажите другой путь в ${dbIn(by)}.`,
    fsRefused: (syscall, path, code) => `vetted: файловая система отказала в операции ${syscall} над ${path} (${code}); проверьте этот путь.`,
    outputCut: 'vetted: получатель вывода ушёл, не дочитав его, так что прочитанное им обрезано и целым файлом не является; запишите его в файл: --out ФАЙЛ.',
    savedAnyway: (ops) =>
      `vetted: записанное командой сохранено (${ops.length === 1 ? `изменение №${ops[0]}` : `изменения ${ops.map((o) => `№${o}`).join(', ')}`}), поэтому не запускайте её снова: \`vetted history\` покажет его, а \`vetted undo\` отменит.`,
    outputRefused: (code) => `vetted: вывод не удалось записать (${code}); проверьте, куда он идёт: полный диск или файл, устройство, которое ничего не принимает.`,
    unexpected: (detail, stack) => `vetted: непредвиденная ошибка: ${detail}; пожалуйста, сообщите о ней${stack === null ? ' (запустите с --debug, чтобы увидеть подробности)' : `\n${stack}`}`,
    usage: (message, command) => `vetted: ${message}; см. \`${command} --help\`.`,
    seeHelp: (message, command) => `${message}; см. \`${command} --help\`.`,
    noLanguage: (given, langs) => `vetted: примечание: перевода на ${q(given)} нет; используется английский (--lang принимает ${langs.join(' или ')}).`,
    checklistFallback: (id, wanted, has) => `заметьте: в чек-листе ${id} нет текста на языке «${wanted}»; он показан на языке «${has}».`,
  },

  attachment: {
    size: (bytes) => (bytes < 1024 ? `${fmt.number(bytes)} Б` : bytes < 1048576 ? `${oneDecimal.format(bytes / 1024)} КБ` : `${oneDecimal.format(bytes / 1048576)} МБ`),
    notAnEvent: (arg, incident) =>
      `--event принимает номер события обращения ${incident}, стоящий после # (их показывает \`vetted incident show ${incident}\`), например --event 3; ${q(arg)} — не такой номер.`,
    otherIncident: (arg, incident) => `событие ${arg} относится не к ${incident}, а к другому обращению; укажите событие обращения ${incident}.`,
    noFiles: 'укажите хотя бы один файл, например `vetted incident attach volgatelecom-1 receipt.pdf`.',
    noFile: (file) => `файла ${file} нет; проверьте путь. Ничего не добавлено.`,
    folder: (file) => `${file} — папка; добавьте файлы из неё по одному (${file}/*). Ничего не добавлено.`,
    notRegular: (file) => `${file} — не обычный файл; добавьте его копию. Ничего не добавлено.`,
    theDatabase: (file) => `${file} — используемая база данных (или один из её файлов), сами ваши записи: хранить её внутри неё самой нельзя; копию сохраняет \`vetted backup\`. Ничего не добавлено.`,
    controlInName: (file) =>
      `в имени ${file} есть управляющий символ (перевод строки, табуляция, escape, знак письма справа налево), и файл, сохранённый из вложения, получил бы его в имени; добавьте копию под простым именем. Ничего не добавлено.`,
    tooBig: (file, bytes, maxBytes) =>
      `${file} больше ${fmt.number(maxBytes / 1048576)} МБ (${fmt.plural(bytes, { one: 'байт', few: 'байта', many: 'байт', other: 'байта' })}, а вложение может быть не больше ${fmt.number(maxBytes)}); сохраните копию поменьше. Ничего не добавлено.`,
    larger: (name, maxBytes) => `${name} больше ${fmt.number(maxBytes / 1048576)} МБ; сохраните копию поменьше.`,
    grew: (file, maxBytes) => `${file} вырос больше ${fmt.number(maxBytes / 1048576)} МБ, пока его читали; ничего не добавлено.`,
    noIncident: (id) => `обращения ${q(id)} нет; номера: \`vetted incident list\`. Ничего не добавлено.`,
    noEvent: (incident, n, events) =>
      `в ${incident} нет события ${n} (в его хронологии ${fmt.plural(events, { one: 'событие', few: 'события', many: 'событий', other: 'события' })}); см. \`vetted incident show ${incident}\`. Ничего не добавлено.`,
    already: (name, incident, id) => `${name} уже приложен к ${incident} (вложение ${id})`,
    attached: (name, size, incident, id) => `${name} (${size}) приложен к ${incident} как вложение ${id}`,
    removed: (id, name, incident) =>
      `вложение ${id} (${name}) обращения ${incident} удалено (отменить: vetted undo; его байты остаются в базе, пока удаление можно отменить, — до \`vetted history prune\`)`,
    notAnId: (given) => `номер вложения — число, как их перечисляет \`vetted incident show НОМЕР\`; ${q(given)} — не число.`,
    noAttachment: (id) => `вложения ${id} нет; вложения обращения перечисляет \`vetted incident show НОМЕР\`.`,
    exists: (path) => `${path} уже есть; укажите, куда записать, в --out ФАЙЛ.`,
    outIsFolder: (path) => `${path} — папка; укажите в --out путь к файлу.`,
    controlInSavedName: (id) =>
      `в имени вложения ${id} есть управляющий символ (перевод строки, табуляция, escape, знак письма справа налево), а называть так файл не стоит; выберите имя в --out ФАЙЛ.`,
    notToTerminal: (id) => `вложение ${id} — файл, а не текст для терминала; запишите его в файл через --out ФАЙЛ или передайте по конвейеру (--out - | …).`,
    wrote: (path, size) => `записано ${path === undefined ? 'в стандартный вывод' : `в ${path}`} (${size}, SHA-256 сверен)`,
    damaged: (sha) => `сохранённое содержимое с SHA-256 ${sha} больше не совпадает со своим хешем: база данных повреждена; восстановите резервную копию: \`vetted restore ФАЙЛ\`.`,
    none: 'Сохранённых файлов пока нет. Сохраните файл командой `vetted incident attach НОМЕР ФАЙЛ`.',
    headers: ['№', 'ОБРАЩЕНИЕ', 'СОБЫТИЕ', 'ИМЯ', 'РАЗМЕР', 'ДОБАВЛЕНО'],
    added: (at) => fmt.dateTime(at),
  },

  paths: {
    headers: ['ЧТО', 'ГДЕ', 'ЧЕМ ЗАДАНО'],
    what: { database: 'база данных', backups: 'резервные копии', config: 'настройки', checklists: 'чек-листы', letters: 'шаблоны писем', policy: 'политика', law: 'ваши правки норм' },
    setBy: {
      '--db': 'флаг --db',
      VETTED_DB: 'переменная $VETTED_DB',
      VETTED_CONFIG: 'переменная $VETTED_CONFIG',
      XDG_DATA_HOME: 'переменная $XDG_DATA_HOME',
      XDG_CONFIG_HOME: 'переменная $XDG_CONFIG_HOME',
      default: 'по умолчанию',
    },
    besideDatabase: (by) => `рядом с базой данных (${by})`,
    inConfig: (by) => `в папке настроек (${by})`,
    notThere: ' (пока нет)',
  },

  completion: {
    noShell: (shells, given) => `автодополнение есть для ${shells.join(', ')}, а не для ${q(given)}; запустите \`vetted completion bash\` (или zsh, fish).`,
    help: 'показать справку',
    groups: { flag: 'параметр', command: 'команда' },
  },

  help: {
    usage: 'Использование:',
    options: 'Параметры:',
    commands: 'Команды:',
    arguments: 'Аргументы:',
    globalOptions: 'Общие параметры:',
    examples: 'Примеры:',
    default: (v) => `(по умолчанию: ${v})`,
    choices: (v) => `(значения: ${v.join(', ')})`,
    withoutSubcommand: (listing) => `Без подкоманды: \`${listing}\`.`,
    required: '(обязательно)',
    unknownSubcommand: (given, group, names, near = []) => `неизвестная команда ${q(given)} в «${group}» (${near.length ? `может быть, ${near.join(' или ')}? ` : ''}команды: ${names.join(', ')})`,
    badChoice: (flag, given, choices) => `у параметра ${flag} нет значения ${q(given)}; значения: ${choices.join(', ')}`,
    helpOption: 'показать справку по команде',
    helpCommand: 'показать справку по команде',
    unknownOption: (flag) => `неизвестный параметр ${q(flag)}`,
    dashedArgument: (flag, argument, command, line) =>
      `неизвестный параметр ${q(flag)} (если это аргумент ${q(argument)}, а не параметр, укажите его после --, которым кончаются параметры: ${line ? commandLine(command, line) : 'все параметры до --, а аргументы начиная с него после'})`,
    conflicting: (a, b) => `${a} и ${b} просят два разных вывода; укажите один`,
    givenTwice: (flag, first, then) => `${flag} указан дважды (${q(first)}, затем ${q(then)}); укажите его один раз`,
    contradicting: (a, b) => `${a} и ${b} противоречат друг другу; укажите один`,
    unknownCommand: (name) => `неизвестная команда ${q(name)}`,
    missingArgument: (name) => `не хватает аргумента ${q(name)}`,
    missingOption: (flag) => `не указан обязательный параметр ${q(flag)}`,
    optionNeedsValue: (flag) => `у параметра ${q(flag)} нет значения`,
    emptyValue: (flag, what, choices) => `для ${flag} нужно указать ${what ?? 'значение'}${choices ? ` (${either(choices, 'или')})` : ''}, а не пустое значение`,
    valueWords: {
      '--out': 'путь к файлу (или -, чтобы писать в стандартный вывод)',
      '--db': 'путь к файлу (или уберите --db, чтобы использовать базу данных по умолчанию)',
      '--title': 'в нескольких словах, что пошло не так',
      '--reason': 'в нескольких словах, почему (это показано как «закреплено вами: …» везде, где видна компания)',
      company: 'название компании',
      id: 'номер',
      'id|file': 'имя чек-листа или файл',
      'id=value': 'вопрос и ответ, например who-helps=live-support',
      'id=text': 'вопрос и заметку, например who-helps="только чат-бот"',
      file: 'путь к файлу',
      path: 'путь к файлу',
      when: 'дату или время',
      date: 'дату',
      name: 'имя',
      text: 'текст',
      words: 'текст',
      n: 'число',
      number: 'число',
      code: 'код валюты',
      url: 'адрес',
      address: 'адрес',
      source: 'имя источника',
      lang: 'язык',
      j: 'юрисдикцию',
      how: 'канал',
      whose: 'виновника',
      outcome: 'итог',
      kind: 'вид',
      level: 'уровень',
      effort: 'усилия',
      demand: 'требование',
      case: 'случай',
    },
    tooManyArguments: (n) => `лишние аргументы: команда принимает ${fmt.plural(n, { one: 'аргумент', few: 'аргумента', many: 'аргументов', other: 'аргумента' })}`,
    didYouMean: (s) => ` (может быть, ${s}?)`,
    usageWords: { '[options]': '[параметры]', '[command]': '[команда]' },
    placeholder: {
      company: 'компания',
      alias: 'название',
      id: 'номер',
      'id|file': 'имя|файл',
      type: 'тип',
      file: 'файл',
      list: 'список',
      path: 'путь',
      lang: 'язык',
      'id=value': 'вопрос=ответ',
      'id=text': 'вопрос=текст',
      text: 'текст',
      whose: 'чья',
      when: 'когда',
      how: 'как',
      n: 'число',
      words: 'слова',
      code: 'код',
      kind: 'вид',
      effort: 'усилия',
      outcome: 'итог',
      level: 'уровень',
      format: 'формат',
      command: 'команда',
      address: 'адрес',
      case: 'случай',
      date: 'дата',
      demand: 'требование',
      'event-id': 'номер-события',
      files: 'файлы',
      from: 'откуда',
      into: 'куда',
      j: 'юрисдикция',
      name: 'имя',
      'new-name': 'новое-название',
      number: 'номер',
      shell: 'оболочка',
      source: 'источник',
      url: 'адрес',
      count: 'сколько',
      incident: 'обращение',
    },
    program: 'Проверяйте продавцов до покупки, записывайте плохое обслуживание, пока оно происходит, и ведите честные чёрный и белый списки компаний.',
    globals: {
      version: 'показать версию',
      db: 'файл базы данных (по умолчанию: $VETTED_DB, иначе папка данных пользователя)',
      lang: 'язык чек-листов и сообщений: en или ru (по умолчанию: из $LC_ALL, $LC_MESSAGES или $LANG)',
      noColor: 'без цвета (NO_COLOR=1 делает то же)',
      debug: 'показывать стек непредвиденных ошибок',
    },
    topExamples: [
      'vetted check "Эльдорадо"                       # проверить продавца до покупки',
      'vetted incident add Волгателеком               # записать сбой обслуживания, пока он длится',
      'vetted due                                     # нарушенные обещания и что делать дальше',
      'vetted lists black                             # кто в вашем чёрном списке и почему',
      'vetted export --format md --out lists.md       # опубликовать списки',
    ],
    cmd: {
      "check": "проверить продавца по чек-листу перед покупкой: вопросы в терминале или готовые ответы",
      "checklists": "встроенные и ваши чек-листы",
      "checklists show": "показать чек-лист: вопросы, ответы и баллы",
      "checklists validate": "проверить файл чек-листа и назвать каждую ошибку с её строкой",
      "company": "компании, о которых у вас есть факты",
      "company list": "список компаний с их проверками и обращениями (по умолчанию)",
      "company show": "карточка компании: решение, проверки, обращения и показатели обслуживания",
      "company alias": "записать ещё одно название компании (другим алфавитом или написанием)",
      "incident": "записывать сбой обслуживания, пока он длится: обращения, обещания, эскалации, извинения, компенсации",
      "incident add": "открыть обращение (в терминале спросит, чего не хватает)",
      "incident event": "добавить событие в хронологию; типы: contact, promise, escalation, apology, explanation, compensation, refusal, resolution, note",
      "incident list": "список обращений (по умолчанию)",
      "incident show": "хронология простыми словами, показатели и что ещё должны",
      "incident close": "закрыть обращение с итогом (событие resolution)",
      "incident attach": "хранить файлы обращения (чек, снимок экрана, запись) в базе данных",
      "attachment": "файлы, сохранённые вместе с обращениями",
      "attachment list": "сохранённые файлы с их обращениями и размерами (по умолчанию)",
      "attachment save": "записать вложение обратно в файл, сверив его с SHA-256",
      "attachment remove": "убрать файл, приложенный по ошибке (vetted undo вернёт его)",
      "due": "просроченные и близкие сроки обещаний, застрявшие обращения и следующий шаг эскалации",
      "letter": "составить письмо по хронологии обращения: жалобу, эскалацию, официальную претензию или жалобу регулятору",
      "letters": "шаблоны писем",
      "letters list": "какой шаблон у каждого вида письма на каждом языке: ваш или встроенный (по умолчанию)",
      "letters check": "проверить шаблон письма: назвать каждую неизвестную подстановку с её строкой",
      "lists": "чёрный и белый списки и список наблюдения, у каждой компании — причина",
      "why": "решение о компании, все доводы за и против и что его изменит",
      "pin": "вручную закрепить компанию в чёрном или белом списке; всегда показано как «закреплено вами»",
      "unpin": "снять закрепление: снова решают факты",
      "policy": "политика списков: пороги правил и порядок, в котором они решают",
      "policy show": "показать действующую политику (по умолчанию или ваш policy.yaml) и как решают её выводы",
      "source": "списки, которыми поделились другие, и открытые записи о жалобах — отдельно от ваших собственных фактов",
      "source add": "добавить источник: файл vetted/1, которым поделились (- — стандартный ввод), или файл жалоб CFPB (CSV или .zip) с --kind cfpb",
      "source list": "источники с их датами и сколько их компаний вам известно",
      "source show": "происхождение источника и его компании, включая незнакомые вам названия",
      "source update": "целиком заменить данные источника более новым файлом",
      "source remove": "удалить источник и всё, что из него прочитано",
      "source match": "подсказать, какие названия из источника — ваши компании; подтвердить совпадение можно через `vetted company alias`",
      "backup": "безопасно скопировать базу данных (онлайн-копия SQLite), по умолчанию в папку backups рядом с ней",
      "restore": "заменить базу данных резервной копией, проверив её (текущая сначала сохраняется как резервная копия); в терминале сначала спросит",
      "import": "добавить файл данных vetted/1 (JSON или YAML, - для стандартного ввода); повторный импорт того же файла ничего не меняет",
      "export": "выгрузить списки в markdown или CSV или все данные в файл vetted/1",
      "paths": "где лежат база данных, резервные копии, настройки, чек-листы, шаблоны писем и политика и чем задан каждый путь",
      "completion": "вывести скрипт автодополнения для bash, zsh или fish (команды, флаги, значения, названия компаний и идентификаторы обращений)",
      "company rename": "дать компании правильное название; старое останется другим названием",
      "company merge": "перенести все проверки, обращения, другие названия и закрепление одной компании в другую и удалить первую",
      "company edit": "изменить категорию, сайт или материнскую компанию",
      "company remove": "удалить компанию; пока о ней есть факты, удаление возможно только с --with-evidence (отмена её вернёт)",
      "incident edit": "исправить заголовок, вину или начало обращения или перенести его к другой компании; без флагов в терминале — править как YAML в $VISUAL/$EDITOR",
      "incident remove": "удалить обращение вместе с хронологией (отмена его вернёт)",
      "incident reopen": "снова открыть закрытое обращение: его закрытие удаляется",
      "event": "исправить одно событие хронологии по его идентификатору (его показывает `vetted incident show`)",
      "event list": "события с их идентификаторами: одного обращения или всех (по умолчанию)",
      "event edit": "исправить событие: его время или любое поле его типа; обещание можно отметить сдержанным или дать ему новый срок",
      "event remove": "удалить одно событие из хронологии (отмена его вернёт)",
      "checks": "уже проведённые проверки перед покупкой, у каждой — постоянный идентификатор",
      "checks list": "список проверок (по умолчанию)",
      "checks show": "одна проверка: её ответы, баллы, решение и факты",
      "checks remove": "удалить проверку (отмена её вернёт)",
      "history": "все ваши изменения, сначала новые; любое можно отменить",
      "history prune": "навсегда забыть старые изменения: их больше нельзя отменить, а то, что они удалили, пропадёт",
      "undo": "точно отменить последнее изменение (или последние N); каждый запуск отменяет более раннее, а отмена — тоже изменение: вернуть отменённое можно через `vetted undo --op N` (номер — в `vetted history`)",
      "checklists list": "список чек-листов (по умолчанию)",
    },
    ex: {
      "check": ["vetted check \"Эльдорадо\"", "vetted check Озон --checklist online-order --lang ru", "vetted check \"Магазин\" --answers ответы.yaml --json", "vetted check Мастерхост --answer who-helps=live-support --answer cancel=self-service ..."],
      "checklists": ["vetted checklists", "vetted checklists show general --lang ru", "vetted checklists validate мой-список.yaml"],
      "checklists show": ["vetted checklists show general", "vetted checklists show subscription --json"],
      "checklists validate": ["vetted checklists validate ~/.config/vetted/checklists/ноутбук.yaml"],
      "company": ["vetted company list", "vetted company show Волгателеком"],
      "company list": ["vetted company list", "vetted company list --json"],
      "company show": ["vetted company show Волгателеком", "vetted company show Волгателеком --json"],
      "company alias": ["vetted company alias Волгателеком ВТК"],
      "incident": ["vetted incident add Волгателеком --title \"Нет интернета\" --fault company", "vetted incident event volgatelekom-1 promise --text \"починим за сутки\" --due \"завтра 18:00\"", "vetted incident show volgatelekom-1"],
      "incident add": ["vetted incident add Волгателеком", "vetted incident add \"Магазин\" --title \"Потеряли посылку\" --fault компания --opened 2026-11-20 --json"],
      "incident event": ["vetted incident event volgatelekom-1 contact --channel телефон --robot --reached-human --wait-minutes 25", "vetted incident event volgatelekom-1 promise --text \"починим за сутки\" --due \"завтра 18:00\"", "vetted incident event volgatelekom-1 escalation --level \"старший смены\" --note \"старшая смены Ирина\"", "vetted incident event volgatelekom-1 compensation --kind возврат --amount 300 --currency RUB --effort бумаги --no-proactive", "vetted incident event volgatelekom-1 refusal --policy --text \"доставку оплачивает покупатель\""],
      "incident list": ["vetted incident list", "vetted incident list --open --company Волгателеком --json"],
      "incident show": ["vetted incident show volgatelekom-1", "vetted incident show volgatelekom-1 --json"],
      "incident close": ["vetted incident close volgatelekom-1 --outcome решено", "vetted incident close volgatelekom-1 --outcome брошено --note \"сдался\""],
      "incident attach": ["vetted incident attach volgatelekom-1 чек.pdf", "vetted incident attach volgatelekom-1 звонок.m4a --event 3 --note \"звонок, где обещали починить\""],
      "attachment": ["vetted attachment list", "vetted attachment save 3 --out чек.pdf"],
      "attachment list": ["vetted attachment list", "vetted attachment list --incident volgatelekom-1 --json"],
      "attachment save": ["vetted attachment save 3", "vetted attachment save 3 --out ~/чек.pdf"],
      "attachment remove": ["vetted attachment remove 3", "vetted history prune --before 2026-12-31   # и его байтов в базе больше нет"],
      "due": ["vetted due", "vetted due --json", "vetted due --format ics --out сроки.ics"],
      "letter": ["vetted letter volgatelekom-1 --from \"Иван Петров\"", "vetted letter volgatelekom-1 --kind claim --jurisdiction ru --lang ru --case telecom --demand recalculation --amount 500 --currency RUB --account 123456 --from \"Иван Петров\"", "vetted letter volgatelekom-1 --kind claim ... --sent --channel email", "vetted letter volgatelekom-1 --template моя-претензия.md --out претензия.md"],
      "letters": ["vetted letters list", "vetted letters check ~/.config/vetted/letters/ru/claim.md"],
      "letters list": ["vetted letters list", "vetted letters list --json"],
      "letters check": ["vetted letters check моя-претензия.md"],
      "lists": ["vetted lists", "vetted lists чёрный", "vetted lists --json", "vetted lists --ndjson > списки", "vetted lists --sources", "vetted lists --from дмитрий"],
      "why": ["vetted why Волгателеком", "vetted why Волгателеком --json"],
      "pin": ["vetted pin Эльдорадо белый --reason \"помогли выбрать, хотя покупка была не у них\""],
      "unpin": ["vetted unpin Эльдорадо"],
      "policy": ["vetted policy", "vetted policy show --json"],
      "policy show": ["vetted policy show", "vetted policy show --json"],
      "source": ["vetted source add списки-дмитрия.json --name дмитрий", "vetted source add жалобы.csv.zip --name cfpb --kind cfpb", "vetted source list"],
      "source add": ["vetted source add списки-дмитрия.json --name дмитрий", "vetted source add жалобы.csv --name cfpb --kind cfpb"],
      "source list": ["vetted source list", "vetted source list --json"],
      "source show": ["vetted source show дмитрий", "vetted source show cfpb --all"],
      "source update": ["vetted source update дмитрий списки-дмитрия-2027.json", "vetted source update cfpb жалобы.csv.zip"],
      "source remove": ["vetted source remove дмитрий"],
      "source match": ["vetted source match cfpb", "vetted source match cfpb \"Банк Америки\""],
      "backup": ["vetted backup", "vetted backup --out ~/копия-2026-11-22.db"],
      "restore": ["vetted restore ~/.local/share/vetted/backups/vetted-backup-20261122-101500.db", "vetted restore ~/сохранено/vetted-2026-11.db --yes"],
      "import": ["vetted import списки.yaml", "vetted import копия.json --dry-run --json"],
      "export": ["vetted export --format md > списки.md", "vetted export --format md --detail --lang ru --out списки.md", "vetted export --format json --out копия.json", "vetted export --format csv --out списки.csv"],
      "paths": ["vetted paths", "vetted paths --json", "VETTED_DB=/tmp/проба.db vetted paths"],
      "completion": ["vetted completion bash > ~/.local/share/bash-completion/completions/vetted", "vetted completion zsh > ~/.zfunc/_vetted                      # fpath+=(~/.zfunc) — до compinit", "vetted completion fish > ~/.config/fish/completions/vetted.fish"],
      "company rename": ["vetted company rename Вайлдберис Вайлдберриз", "vetted company rename \"Волга Телеком\" Волгателеком --no-alias"],
      "company merge": ["vetted company merge Вайлдберис Вайлдберриз"],
      "company edit": ["vetted company edit Волгателеком --category \"интернет-провайдер\" --parent Ростелеком", "vetted company edit Волгателеком --parent \"\""],
      "company remove": ["vetted company remove \"Тестовый магазин\"", "vetted company remove \"Тестовый магазин\" --with-evidence"],
      "incident edit": ["vetted incident edit ozon-1 --company Вайлдберриз", "vetted incident edit ozon-1 --opened \"01.12.2026 10:00\" --fault company", "vetted incident edit ozon-1"],
      "incident remove": ["vetted incident remove ozon-1"],
      "incident reopen": ["vetted incident reopen ozon-1"],
      "event": ["vetted event list volga-2012-07", "vetted event edit volga-2012-07#4 --kept", "vetted event remove volga-2012-07#5"],
      "event list": ["vetted event list", "vetted event list volga-2012-07 --json"],
      "event edit": ["vetted event edit volga-2012-07#4 --kept", "vetted event edit volga-2012-07#2 --at \"12.07.2012 09:05\"", "vetted event edit ozon-1#3 --due \"2026-12-10 18:00\""],
      "event remove": ["vetted event remove volga-2012-07#5"],
      "checks": ["vetted checks", "vetted checks show ozon-check-1", "vetted checks remove ozon-check-2"],
      "checks list": ["vetted checks list", "vetted checks list --company Озон --json"],
      "checks show": ["vetted checks show ozon-check-1", "vetted checks show ozon-check-1 --json"],
      "checks remove": ["vetted checks remove ozon-check-2"],
      "history": ["vetted history", "vetted history --company Волгателеком --limit 5", "vetted history prune --before 2025-01-01"],
      "history prune": ["vetted history prune --before 2025-01-01"],
      "undo": ["vetted undo", "vetted undo 3", "vetted undo --op 12"],
      "checklists list": ["vetted checklists list", "vetted checklists list --json"],
    },
    opts: {
      "--account": "номер вашего лицевого счёта или договора с компанией",
      "--all": "все компании, а не только первые 50 незнакомых вам",
      "--allow-unverified": "ссылаться и на нормы с пометкой «ориентировочно» (не сверенные с первоисточником)",
      "--amount": "компенсация: сколько",
      "--answer": "один ответ (можно повторять); важнее --answers",
      "--answers": "ответы: YAML или JSON, имя вопроса → значение ответа",
      "--at": "когда это было, например 20.11.2026 10:00, 2026-11-20 10:00 или вчера 18:00 (по умолчанию: сейчас)",
      "--before": "забыть изменения, сделанные до этой даты",
      "--bought": "когда вы это купили или получили: от этой даты отсчитываются некоторые права",
      "--case": "вид покупки (по умолчанию: по категории компании)",
      "--category": "что это за компания (\"\", чтобы очистить)",
      "--channel": `контакт: как вы связались: ${values(words.channel)}`,
      "--checklist": "какой чек-лист: его имя (см. `vetted checklists`) или файл YAML",
      "--company": "только эта компания",
      "--currency": "компенсация: код ISO 4217, например RUB",
      "--db": "файл базы данных (по умолчанию: $VETTED_DB, иначе папка данных пользователя)",
      "--debug": "показывать стек вызовов при непредвиденных ошибках",
      "--demand": "чего вы требуете",
      "--detail": "md: раздел о каждой компании с выводами и хронологией",
      "--dropped": "контакт: связь оборвалась или нет ответа",
      "--dry-run": "показать, что добавилось бы; ничего не записывать",
      "--due": "обещание: срок, например 23.11.2026 18:00, 2026-11-23 18:00 или завтра 18:00 (может быть в будущем)",
      "--effort": `компенсация: чего стоило добиться: ${values(words.effort)}`,
      "--event": "привязать файлы к одному событию: его номер (3 для <обращение>#3) или <обращение>#<номер>",
      "--fault": `чья это вина, похоже: ${values(words.fault)}`,
      "--format": "text (по умолчанию), json или ics: файл iCalendar со всеми открытыми сроками для программы-календаря",
      "--from": "ваше имя, как в подписи письма",
      "--incident": "только файлы этого обращения",
      "--json": "вывести в JSON (один документ с отступами)",
      "--jurisdiction": "на чьи законы ссылаться: ru, uk, eu, us или none — без ссылок на закон (по умолчанию: none)",
      "--kept": "обещание: сдержано",
      "--kind": `компенсация: какая: ${values(words.kind)}`,
      "--lang": "язык чек-листов и сообщений: en или ru (по умолчанию: из $LC_ALL, $LC_MESSAGES или $LANG)",
      "--level": `насколько высоко в компании: ${values(words.level)}`,
      "--limit": "не больше стольких записей (по умолчанию 20 в тексте; --json и --ndjson дают все)",
      "--name": "имя, под которым вы будете называть этот источник",
      "--ndjson": "вывести в JSON, по объекту на строку (для конвейеров)",
      "--no-alias": "не сохранять прежнее название среди других названий",
      "--no-color": "вывод без цвета (то же делает NO_COLOR=1)",
      "--no-dropped": "контакт: связь не обрывалась",
      "--no-kept": "обещание: не сдержано",
      "--no-policy": "отказ: не как политика компании",
      "--no-proactive": "компенсация: только по просьбе",
      "--no-reached-human": "контакт: живой человек не ответил",
      "--no-redact": "с --format md или csv либо с --share --with-evidence: оставить адреса электронной почты, номера телефонов, карт и счетов, IP-адреса и ссылки с параметрами запроса как есть (иначе они скрыты)",
      "--no-robot": "контакт: робота не было",
      "--note": "всё, что стоит запомнить",
      "--op": "отменить только эту операцию (см. `vetted history`), например более раннюю отмену",
      "--open": "только открытые обращения",
      "--opened": "когда началось, например 20.11.2026 10:00 или 2026-11-20 10:00 (по умолчанию: сейчас)",
      "--out": "куда записать, или - для стандартного вывода (по умолчанию: под собственным именем в текущей папке)",
      "--outcome": `закрытие: чем закончилось: ${values(words.outcome)}`,
      "--parent": "компания, в которую она входит (\"\", чтобы очистить)",
      "--policy": "отказ: как политика компании",
      "--proactive": "компенсация: предложили сами",
      "--queue-position": "контакт: ваше место в очереди",
      "--reached-human": "контакт: ответил живой человек",
      "--reason": "почему: показано везде, где видна компания",
      "--reply-to": "куда прислать ответ (адрес электронной почты или почтовый адрес)",
      "--robot": "контакт: мешал голосовой робот или бот",
      "--sent": "записать письмо как отправленное: событие contact в хронологии (с текстом письма) и срок ответа как обещание",
      "--share": "json: файл, который другие добавят как источник: ваши списки и их причины, без личных фактов",
      "--source": "с --share: подпись, под которой другие увидят файл (например, ваше имя)",
      "--sources": `добавить к каждой компании, в какие списки её внесли ваши источники (например, «${countOn(2, 'black')} · ${countOn(1, 'white')}»)`,
      "--statement": "дата выписки, в которой впервые появилась ошибка в счёте",
      "--template": "ваш собственный шаблон вместо встроенного (- читает стандартный ввод)",
      "--text": "обещание, отказ, заметка: что сказали",
      "--title": "что случилось, в двух словах",
      "--to": "кому адресовано письмо (по умолчанию: по виду письма и юрисдикции)",
      "--version": "вывести версию",
      "--wait-minutes": "контакт: минут до ответа человека (или пока вы не сдались)",
      "--website": "её сайт (\"\", чтобы очистить)",
      "--with-attachments": "json: встроить вложенные файлы (base64), чтобы импорт их восстановил",
      "--with-evidence": "удалить также её проверки, обращения и закрепление",
      "--yes": "не спрашивать; нужно там, где нет терминала для вопроса",
      "check --note": "источник ответа: где вы это узнали (можно повторять)",
      "check --json": "вывести результат в JSON",
      "checklists show --json": "вывести в JSON",
      "checklists validate --json": "вывести ошибки в JSON",
      "company show --json": "вывести в JSON",
      "incident add --json": "вывести новое обращение в JSON",
      "incident event --json": "вывести событие и новые показатели в JSON",
      "incident show --json": "вывести обращение с показателями в JSON",
      "incident close --outcome": `${values(words.outcome)}`,
      "incident close --at": "когда закончилось, например 20.11.2026 10:00, 2026-11-20 10:00 или вчера 18:00 (по умолчанию: сейчас)",
      "incident close --json": "вывести событие и показатели в JSON",
      "incident attach --note": "что показывают файлы",
      "incident attach --json": "вывести вложения в JSON",
      "incident edit --fault": `чья это вина, похоже: ${values(words.fault)}`,
      "incident edit --opened": "когда началось",
      "incident edit --company": "перенести обращение к этой компании",
      "incident edit --json": "затем вывести обращение в JSON",
      "due --out": "куда записать, или - для стандартного вывода (по умолчанию)",
      "letter --kind": `${values(words.letterKind)} (по умолчанию — ступень лестницы эскалации, которую называет \`due\`; сначала претензия, если это регулятор, а компании ещё не писали)`,
      "letter --case": `вид покупки: ${values(words.letterCase)} (по умолчанию: по категории компании)`,
      "letter --demand": `чего вы требуете: ${values(words.demand)}`,
      "letter --amount": "сумма, которую вы требуете",
      "letter --currency": "код её валюты по ISO 4217, например RUB или EUR",
      "letter --out": "куда записать письмо, или - для стандартного вывода (по умолчанию)",
      "letter --format": "md (по умолчанию) или txt",
      "letter --at": "с --sent: когда письмо отправлено (по умолчанию: сейчас)",
      "letter --channel": "с --sent: letter или email (по умолчанию: letter)",
      "letters check --json": "вывести ошибки в JSON",
      "lists --json": "вывести в JSON: {\"black\": [...], \"white\": [...], \"watch\": [...]}",
      "lists --from": "списки одного источника как есть, вместо ваших",
      "why --json": "вывести в JSON",
      "policy show --json": "вывести в JSON",
      "source add --kind": "что это за файл: vetted (файл vetted/1, которым поделились) или cfpb (база данных жалоб CFPB)",
      "source show --json": "вывести в JSON",
      "source match --json": "вывести в JSON",
      "backup --out": "куда записать резервную копию, или - для стандартного вывода (по умолчанию: backups/<имя базы>-backup-<время>.db рядом с базой данных)",
      "import --json": "вывести отчёт в JSON",
      "export --format": "md: списки для публикации; json: все ваши данные; csv: строка на каждую компанию в списках (по умолчанию: по расширению --out, иначе md)",
      "export --out": "куда записать, или - для стандартного вывода (по умолчанию); файл записывается целиком или никак, устройство или канал — напрямую; формат задают .md, .json или .csv",
      "export --with-evidence": "с --share: добавить ваши проверки и обращения, скрыв адреса электронной почты, номера телефонов, карт и счетов, IP-адреса и ссылки с параметрами запроса",
      "paths --json": "вывести в JSON",
      "event edit --at": "когда это было",
      "event edit --json": "затем вывести событие в JSON",
      "checks show --json": "вывести в JSON",
      "history --company": "только изменения по этой компании (и по слитым с ней)",
      "undo --json": "вывести отменённое в JSON",
    },
  },

  checkWords: {
    questionOf: (n, total) => `вопрос ${n} из ${total}`,
    howToFind: 'Как выяснить',
    notePrompt: 'Заметка (где вы это узнали; Enter — пропустить)',
    score: 'Оценка',
    verdict: { go: 'можно', caution: 'осторожно', avoid: 'избегать' },
    verdictLine: { go: 'у этого продавца можно покупать', caution: 'покупайте с осторожностью', avoid: 'у этого продавца лучше не покупать' },
    byPolicy: (verdict) => `по чек-листу; по вашей политике — ${verdict}`,
    dealbreakers: 'Неприемлемые ответы',
    none: 'нет',
    weakest: 'Самые слабые ответы',
    askBefore: 'Прежде чем платить, спросите продавца',
    evidence: 'источник',
    stored: (id) => `сохранено как проверка ${id}`,
    weight: 'вес',
    notCounted: 'не учитывается',
  },

  files: {
    changedWhileRead: (path) => `${path} изменился во время импорта; ничего не импортировано, повторите команду.`,
    size: (bytes) => (bytes >= 1048576 ? `${fmt.number(Math.round(bytes / 1048576))} МБ` : `${fmt.number(Math.round(bytes / 1024))} КБ`),
    kind: { data: 'файл данных', checklist: 'чек-лист', policy: 'политика', answers: 'файл ответов', template: 'шаблон письма', law: 'поправки к правовым пакетам' },
    needsPath: (what) => `${{ data: 'файлу данных', checklist: 'чек-листу', policy: 'политике', answers: 'файлу ответов', template: 'шаблону письма', law: 'поправкам к правовым пакетам' }[what]} нужен путь к файлу; укажите его.`,
    notUtf8Name: (file) => `в имени ${file} есть байты, которые не являются текстом UTF-8 (показаны как �); vetted получает их заменёнными и не может найти этот файл; переименуйте файл (\`mv\` с шаблоном оболочки) и укажите новое имя.`,
    noFile: (file) => `файла ${file} нет; проверьте путь.`,
    denied: (file) => `не удаётся прочитать ${file} (нет доступа); проверьте права доступа.`,
    notDir: (file) => `${file} — не путь к файлу (часть пути — не папка); проверьте путь.`,
    loop: (file) => `${file} — петля символических ссылок; проверьте путь.`,
    nothingBehind: (file) => `${file} — сокет или устройство, за которым ничего нет, а не файл; укажите путь к файлу.`,
    cannotRead: (file, code) => `не удаётся прочитать ${file} (${code}); проверьте путь.`,
    folder: (file) => `${file} — папка, а не файл; укажите путь к файлу.`,
    special: (file, what) => `${file} — устройство, канал или сокет, а не ${{ data: 'файл данных', checklist: 'чек-лист', policy: 'файл политики', answers: 'файл ответов', template: 'шаблон письма', law: 'файл поправок law.yaml' }[what]}; положите на его место файл или удалите его.`,
    tooBig: (file, max, what) =>
      `${file} больше ${ru.files.size(max)} — это предел, который vetted читает как ${{ data: 'файл данных', checklist: 'чек-лист', policy: 'политику', answers: 'файл ответов', template: 'шаблон письма', law: 'поправки к правовым пакетам' }[what]}; ${what === 'data' ? 'разделите его на файлы поменьше' : 'сократите его'}.`,
    notUtf8: (file) => `${file} — не текст в UTF-8; сохраните его в UTF-8 и повторите.`,
    databaseNotText: (file) => `${file} — база данных SQLite, а не текстовый файл; укажите здесь нужный текстовый файл (базу данных vetted открывают через --db, а её записи переносят командой \`vetted import\`).`,
    refuseTarget: (target, what, flag) => `${target} — ${FORBIDDEN[what]}, поэтому туда ничего не записано; укажите другой ${flag}.`,
    stdoutForbidden: (what) => `стандартный вывод направлен в файл, а это ${FORBIDDEN[what]}, поэтому команда не выполнена: она записала бы свой вывод в этот файл; направьте вывод в другое место.`,
    stdoutEmptied: (what, backups) =>
      `стандартный вывод направлен в файл, а это ${FORBIDDEN[what]}, поэтому команда не выполнена, но этот файл уже пуст: \`>\` очищает файл ещё до запуска команды. Если в нём были ваши записи, верните копию: \`vetted restore ФАЙЛ\`, взяв копию из ${backups} (\`ls ${backups}\`) или свою; и направьте вывод в другое место.`,
    outNeedsPath: (flag) => `${flag} нужен путь к файлу (или -, чтобы писать в стандартный вывод).`,
    danglingLink: (out, flag) => `${out} — символическая ссылка на несуществующий файл; удалите ссылку или укажите другой ${flag}.`,
    linkLoop: (out, flag) => `${out} — петля символических ссылок; удалите ссылку или укажите другой ${flag}.`,
    outNamesFolder: (out, flag) => `${out} — путь к папке (он кончается косой чертой), а записывается файл; укажите в ${flag} путь к файлу, в этой папке или другой.`,
    outFolder: (out, flag) => `${out} — папка; укажите в ${flag} путь к файлу.`,
    outSpecial: (out, flag) => `${out} — не файл, не символьное устройство и не канал; укажите другой ${flag}.`,
    nameTooLong: (out, bytes, max, flag) =>
      `в пути ${out} есть имя, слишком длинное для файловой системы (${bytesOf(bytes)}, а допустимо не больше ${fmt.number(max)}); укажите в ${flag} имя покороче.`,
    pathTooLong: (out, flag) => `путь ${out} слишком длинный для файловой системы; укажите в ${flag} путь покороче.`,
    outNotWritable: (out, fd, flag) =>
      `${out} — ${fd === 0 ? 'стандартный ввод, открытый здесь только для чтения' : `дескриптор ${fd}, который здесь не открыт для записи`}, поэтому писать туда нельзя; укажите в ${flag} путь к файлу (или -, чтобы писать в стандартный вывод).`,
    noFolder: (dir, flag) => `папки ${dir} нет; создайте её или укажите другой ${flag}.`,
    notFolder: (dir, flag) => `${dir} — не папка; укажите другой ${flag}.`,
    cannotCreateIn: (dir, code, flag) => `в папке ${dir} нельзя создать файл (${code}); проверьте права доступа или укажите другой ${flag}.`,
    yamlTooBig: (file, max) => `${file} больше ${ru.files.size(max)} — это предел, который vetted читает как YAML; большие данные пишите в JSON (так делает \`vetted export --format json\`) или разделите файл.`,
    yamlTooManyTokens: (file, max) =>
      `в ${file} больше ${fmt.plural(max, { one: 'лексемы', few: 'лексем', many: 'лексем', other: 'лексемы' })} YAML — это предел, который vetted читает как YAML; большие данные пишите в JSON (так делает \`vetted export --format json\`) или разделите файл.`,
    keyTwice: (file, line, key) => `${file}:${line}: ключ ${key} указан дважды в одном объекте; оставьте один.`,
    jsonTooBig: (file, containers, values) =>
      `в ${file} больше ${containersOf(containers)} или ${valuesOf(values)} — больше, чем vetted читает за раз; разделите его на файлы поменьше.`,
    surrogate: (file, path) => `${file}: в ${path || '(корне)'} испорченный знак (одиночный суррогат UTF-16, например \\ud800), а не текст; исправьте и повторите.`,
    badJson: (file, detail) => `${file} — неправильный JSON: ${jsonWords(detail)}; исправьте и повторите.`,
    badYaml: (where, detail, code) => `${where} — неправильный YAML: ${yamlWords(code, detail)}; исправьте и повторите.`,
    yamlDetail: (detail, code) => yamlWords(code, detail),
    yamlTooDeep: (file) => `в ${file} списки или словари вложены слишком глубоко, чтобы его прочитать (тысячи уровней); в файлах vetted их вложено лишь несколько.`,
    yamlAliases: (file) => `в ${file} слишком много псевдонимов YAML, как в «бомбе» из псевдонимов; запишите данные полностью.`,
    yamlTooDeepHere: 'списки или словари вложены слишком глубоко, чтобы их прочитать (тысячи уровней), а в файлах vetted их вложено лишь несколько',
    yamlAliasesHere: 'слишком много псевдонимов YAML, как в «бомбе» из псевдонимов; запишите данные полностью',
    configNotFolder: (dir, from) =>
      `${dir}, папка ваших настроек (политика, чек-листы, письма)${from === 'default' ? '' : `, заданная в ${from}`}, — это файл; ${from === 'default' ? 'уберите этот файл' : `укажите в ${from} папку`}.`,
    yamlAliasToNothing: (name) => `псевдоним YAML *${name} не называет никакой метки перед собой (метку &${name} ставят на значение раньше первого его псевдонима); поставьте метку на это значение или запишите его здесь полностью.`,
    yamlAliasInItself: (name) => `псевдоним YAML *${name} стоит внутри того значения, которое он называет, и значение содержало бы само себя без конца; запишите это значение полностью.`,
    cannotYaml: (file, detail) => `${file} не читается как YAML: ${detail}.`,
    blankDbVariable: 'в VETTED_DB одни пробелы; укажите в ней путь к файлу или оставьте её пустой (или не задавайте), чтобы использовать базу данных по умолчанию.',
    noHome: 'HOME пуста или не абсолютный путь, а домашней папки у этой учётной записи в системе нет, поэтому данные негде хранить по умолчанию; укажите в HOME свою домашнюю папку или задайте VETTED_DB и VETTED_CONFIG.',
    configUnderFile: (dir, from) =>
      `${dir}, папка ваших настроек (политика, чек-листы, письма)${from === 'default' ? '' : `, заданная в ${from}`}, не может там быть: одна из папок над ней — это файл; ${from === 'default' ? 'уберите этот файл или укажите папку в VETTED_CONFIG' : `укажите в ${from} папку`}.`,
  },

  db: {
    notThere: (path) => `базы данных ${path} нет, так что там ничего не записано; проверьте путь, заданный в --db или VETTED_DB (первая команда, которая что-то записывает, например \`vetted incident add\`, создаст базу там).`,
    notFolder: (dir, by) => `${dir} — не папка; ${by === 'XDG_DATA_HOME' ? 'укажите в XDG_DATA_HOME папку или в --db путь внутри папки' : `укажите в ${dbIn(by)} путь внутри папки`}.`,
    noFolder: (dir, by) => `папки ${dir} нет; сначала создайте её или укажите в ${dbIn(by)} путь в существующей папке.`,
    danglingLink: (path, by) => `${path} — символическая ссылка на несуществующий файл; удалите ссылку или укажите в ${dbIn(by)} другой путь.`,
    linkLoop: (path, by) => `${path} — петля символических ссылок; удалите ссылку или укажите в ${dbIn(by)} другой путь.`,
    isFolder: (path, by) => `${path} — папка, а не файл базы данных; укажите в ${dbIn(by)} путь к файлу.`,
    notRegular: (path, by) => `${path} — не обычный файл (это устройство, канал или сокет), поэтому базой данных быть не может; укажите в ${dbIn(by)} путь к файлу.`,
    hardLinked: (path, names) =>
      `${path} — один файл с ${fmt.plural(names, { one: 'именем', few: 'именами', many: 'именами', other: 'именами' })} (жёсткими ссылками): журнал базы ведётся рядом с каждым именем, и записи, сделанные одновременно через два имени, теряются; дайте ей собственное имя командой \`cp ${path} ${path}.new && mv ${path}.new ${path}\` (под другими именами останется прежняя копия) и открывайте её только по нему.`,
    cannotRead: (path, code, by) => `не удаётся прочитать ${path} (${code}); проверьте права доступа или укажите в ${dbIn(by)} другой путь.`,
    cannotWrite: (path, code, by) => `не удаётся записать в ${path} (${code}); проверьте права доступа или укажите в ${dbIn(by)} другой путь.`,
    upgradeUnwritable: (path, has, knows) =>
      `${path} записана более старой версией vetted (схема ${has}; эта читает ${knows}) и обновляется при первом открытии, а для этого она, её папка и файлы -wal и -shm рядом с ней должны быть доступны для записи; дайте себе права на запись или откройте её версией, которая её записала.`,
    upgradeNoCopy: (path, has, knows, dir) =>
      `${path} записана более старой версией vetted (схема ${has}; эта читает ${knows}) и при первом открытии обновляется, а перед этим vetted сохраняет её копию в ${dir}, но в этой папке нельзя создать файл; дайте себе права на запись в неё или откройте базу версией, которая её записала.`,
    cannotOpen: (path, detail) => `не удаётся открыть ${path}: ${detail}; проверьте путь и права доступа.`,
    notSqlite: (path, by) => `${path} — не база данных vetted (это не файл SQLite); укажите в ${dbIn(by)} другой путь или уберите этот файл.`,
    cut: (path, size, by) =>
      `${path} — неполная копия базы данных SQLite (${cutShort(size)}): копия, записанная не до конца, повреждена, и её ничто не прочитает. Восстановите резервную копию (\`vetted restore FILE\`) или укажите в ${dbIn(by)} другой путь.`,
    companionName: (path, kind, database) =>
      `${path} — так SQLite называет ${SQLITE_PART[kind]} базы данных ${database}: базу, созданную здесь, примут за этот файл и сотрут, как только ${database} будет создана и открыта. Выберите другое имя.`,
    besideNew: (path, file) =>
      `${file} уже есть там, где SQLite держит свой файл для базы данных ${path} (журнал или общую память): его примут за этот файл и сотрут. Сначала уберите его или выберите для базы другой путь.`,
    misplaced: (path, database) =>
      `${path} — отдельная база данных под именем, которое SQLite даёт файлу базы ${database} (её журналу или общей памяти): при следующем открытии ${database} её примут за этот файл и сотрут. Сначала переименуйте её (\`mv ${sh(path)} ${sh(`${path}.db`)}\`) и указывайте под новым именем.`,
    companion: (path, kind, database, by) =>
      `${path} — ${SQLITE_PART[kind]} ${database ? `базы данных ${database}` : 'базы данных SQLite'}, который SQLite держит рядом с ней, а не отдельная база; укажите в ${dbIn(by)} ${database ? 'саму базу' : 'путь к базе данных'}.`,
    otherProgram: (path, by) => `${path} — база данных SQLite другой программы, не vetted; укажите в ${dbIn(by)} другой путь.`,
    newer: (path, has, knows) => `${path} записана более новой версией vetted (схема ${has}, эта версия знает ${knows}); обновите vetted, чтобы работать с ней.`,
    noVersion: (path, by) => `${path} называет себя базой данных vetted, но в ней нет версии схемы, так что прочитать её нельзя; восстановите резервную копию (\`vetted restore FILE\`) или укажите в ${dbIn(by)} другой путь.`,
    lacks: (path, first, more, by) =>
      `${path} называет себя базой данных vetted, но в ней нет ${first}${more ? ` (и ещё ${more})` : ''}; восстановите резервную копию (\`vetted restore FILE\`) или укажите в ${dbIn(by)} другой путь.`,
    damaged: (path, detail) => `${path} повреждена (${detail}); восстановите резервную копию: \`vetted restore FILE\`.`,
    exists: (path) => `${path} уже есть; укажите другой --out или уберите этот файл.`,
    emptyBackup: (file) => `${file} пуст — это не резервная копия vetted.`,
    notOurs: (file) => `${file} — не база данных vetted, поэтому она не восстановлена.`,
    badBackup: (file, what) =>
      `${file} — не резервная копия vetted (${{ dangling: 'это символическая ссылка на несуществующий файл', loop: 'это петля символических ссылок', folder: 'это папка', special: 'это устройство, канал или сокет', 'not-sqlite': 'это не файл SQLite', 'other-program': 'это база данных SQLite другой программы', wal: 'это журнал предварительной записи, который SQLite держит рядом с базой: укажите саму базу', shm: 'это файл общей памяти, который SQLite держит рядом с базой: укажите саму базу', journal: 'это журнал отката, который SQLite держит рядом с базой: укажите саму базу', cut: 'это неполная копия базы данных SQLite, короче, чем сказано в её заголовке: копия, записанная не до конца; скопируйте её заново, целиком' }[what]}), поэтому ничего не восстановлено.`,
    notUpgraded: (file, problem) => `${file} не удаётся привести к этой версии vetted (${problem}), поэтому он не восстановлен; восстановите другую резервную копию или копию этой, сделанную той версией, что её записала.`,
    newerBackup: (file) => `${file} записан более новой версией vetted; обновите vetted, чтобы восстановить его.`,
    damagedBackup: (file, detail) => `${file} повреждён (${detail}), поэтому не восстановлен.`,
    lacksBackup: (file, first) => `${file} называет себя базой данных vetted, но в нём нет ${first === null ? 'версии схемы' : first}, поэтому он не восстановлен.`,
  },

  data: {
    cannotWriteFormat: (format) => `export пока не умеет писать файлы ${format}; укажите --format md, json или csv (или файл --out с расширением .md, .json или .csv).`,
    unknownExtension: (ext, out) => `по расширению .${ext} файла ${out} не понять формат; укажите --format md, json или csv.`,
    shareTooBig: (containers, values, evidence) =>
      `в файле для обмена было бы больше ${containersOf(containers)} или ${valuesOf(values)} — больше, чем \`vetted source add\` принимает в таком файле, поэтому он не записан${evidence ? '; поделитесь им без --with-evidence — тогда в нём будут одни списки' : ': ваши списки больше, чем вмещает один файл для обмена'}.`,
    shareLeftOut: (names) =>
      `в файл для обмена не вошли ${names === 1 ? 'компания, чьё имя —' : `компании (${fmt.number(names)}), чьи имена —`} адрес электронной почты или номер (скорее всего, чей-то личный): опубликованная страница их скрывает; чтобы поделиться и ${names === 1 ? 'ею' : 'ими'}, укажите --no-redact.`,
    detailNeedsMd: '--detail добавляет на страницу markdown полный вердикт и хронологию каждой компании; укажите его вместе с --format md (строка CSV и файл данных с ним не становятся полнее).',
    attachmentsNeedJson: '--with-attachments вкладывает файлы в файл данных; укажите его вместе с --format json.',
    shareFlags: '--source и --with-evidence указываются вместе с --share; добавьте --share --format json.',
    noRedactFor: '--no-redact указывается с --format md или csv либо с --share --with-evidence: JSON-выгрузка ваших собственных записей и так сохраняет всё как есть.',
    shareNeedsJson: '--share пишет файл данных vetted/1; добавьте --format json.',
    shareNoAttachments: '--with-attachments — для вашего собственного экспорта; в файл, которым делятся, вложения не попадают никогда (--with-evidence передаёт ваши проверки и обращения, обезличенные). Уберите один из двух флагов.',
    longSource: (max) => `--source — не длиннее ${fmt.plural(max, { one: 'знака', few: 'знаков', many: 'знаков', other: 'знака' })}; сократите.`,
    companyTakenFor: (name, here, by, dryRun) =>
      `компания ${q(name)}: здесь нет компании с таким названием, поэтому она ${dryRun ? 'была бы принята' : 'принята'} за ${q(here)}, которую зовут и ${q(by)}, а её название ${dryRun ? 'стало бы' : 'стало'} ещё одним названием ${q(here)}; если это две разные компании, ${dryRun ? '' : 'отмените импорт и '}уберите ${q(by)} у компании в файле`,
    parentLeftOut: (name, parent, here, dryRun) =>
      `компания ${q(name)}: она и её материнская компания ${q(parent)} здесь одна компания, ${q(here)}, поэтому эта связь ${dryRun ? 'была бы пропущена' : 'пропущена'}`,
    eventRenumbered: (from, to, dryRun) => `событие ${q(from)}: этот id у другого события, поэтому оно ${dryRun ? 'было бы добавлено' : 'добавлено'} как ${to}`,
    checkRenumbered: (from, to, dryRun) => `проверка ${q(from)}: этот id здесь у другой проверки, поэтому она ${dryRun ? 'была бы добавлена' : 'добавлена'} как ${to}`,
    keptAsTheyWere: (counts, records, dryRun) => {
      const kinds = keptKinds(counts);
      const shown = keptRecords(records);
      return `примечание: ${dryRun ? 'было бы принято' : 'принято'} так, как хранил vetted, хотя новые такие данные отклоняются: ${kinds.join(', ')} (${shown}); посмотреть их — \`vetted incident show ID\`, исправить ошибку — \`vetted incident edit ID\``;
    },
    attachmentsLeftOut: (n) =>
      `вложения: ${fmt.plural(n, { one: 'файл указан', few: 'файла указаны', many: 'файлов указаны', other: 'файла указаны' })} без содержимого и пропущены; экспортируйте с --with-attachments, чтобы перенести файлы`,
    stdin: STDIN,
    restoreWould: (db, source, keep) =>
      `restore ${keep ? `заменит базу данных ${db} файлом ${source} (текущая будет сохранена в ${keep})` : `восстановит ${source} как базу данных ${db}`}; добавьте --yes, чтобы сделать это без подтверждения в терминале.`,
    restoreAsk: (db, source, keep, n) =>
      keep
        ? `Заменить базу данных ${db}${n ? ` (${fmt.plural(n.companies, { one: 'компания', few: 'компании', many: 'компаний', other: 'компании' })}, ${incidentsOf(n.incidents)}, ${checksOf(n.checks)}, ${fmt.plural(n.pins, { one: 'закрепление', few: 'закрепления', many: 'закреплений', other: 'закрепления' })})` : ''} файлом ${source}? Текущая будет сохранена в ${keep}.`
        : `Восстановить ${source} как базу данных ${db}?`,
    notRestored: (db) => `ничего не восстановлено; база данных ${db} осталась как была.`,
    emptyRestore: 'для restore нужен путь к резервной копии.',
    folder: (file) => `${file} — папка, а не файл данных; укажите путь к файлу JSON или YAML.`,
    noFile: (file) => `файла ${file} нет; проверьте путь.`,
    tooBig: (file, mb, max) => `${file} занимает ${mb} МБ; vetted читает файлы данных до ${max} МБ, разделите его на части.`,
    sections: { companies: 'компании', aliases: 'другие названия', checks: 'проверки', incidents: 'обращения', events: 'события', pins: 'закрепления' },
    counts: (label, added, dryRun, existing, changed = 0) =>
      `${label}: ${dryRun ? 'добавится' : 'добавлено'} ${added}${existing ? `, уже было ${existing}` : ''}${changed ? `, из них ${dryRun ? 'изменится' : 'изменено'} ${changed}` : ''}`,
    dryRunHead: (file) => `${file} (пробный прогон, ничего не записано)`,
    importedHead: (file) => `загружено: ${file}`,
    moreLookalikes: (n, listed, count) =>
      `и ещё ${fmt.plural(n, { one: 'новая компания, похожая', few: 'новые компании, похожие', many: 'новых компаний, похожих', other: 'новой компании, похожей' })} на имеющиеся (--json перечисляет ${listed < count ? `первые ${listed} из ${count}` : 'их'})`,
    nothing: 'в нём ничего нет',
    invalid: (file, problems) => `${file} — не файл данных vetted/1: ${problems}; ничего не загружено.`,
    databaseInUse: (file) => `${file} — база данных, которая сейчас используется, то есть сами записи, а не файл данных: загружать из неё нечего. Ничего не загружено.`,
    sharedDatabase: (file, once = false) =>
      `${file} — база данных (резервная копия vetted?), а не файл, которым поделились: сделайте такой файл из ${once ? 'этой базы, указав путь к ней' : 'неё'} (\`vetted --db ${once ? 'ФАЙЛ' : sh(file)} export --share --out shared.json\`) и добавьте его.`,
    sharedCut: (file, size, expected) =>
      `${file} — неполная копия базы данных SQLite (${cutShort(size, expected)}), а не файл, которым поделились: копия, записанная не до конца, повреждена, и её ничто не прочитает. Скопируйте её заново, целиком, оттуда, откуда она взялась, и сделайте из неё такой файл (\`vetted --db ФАЙЛ export --share --out shared.json\`).`,
    sharedCompanion: (file, kind, database) =>
      `${file} — ${SQLITE_PART[kind]} ${database ? `базы данных ${database}` : 'базы данных SQLite'}, а не файл, которым поделились: сделайте такой файл из самой базы (\`vetted --db ${database ? sh(database) : 'ФАЙЛ'} export --share --out shared.json\`) и добавьте его.`,
    databaseGiven: (file, fromStdin = false) =>
      fromStdin
        ? `${file} — база данных (резервная копия vetted?), а не файл данных: передайте её файл \`vetted restore\`, и копия вернётся на место ваших записей, или сначала выгрузите её записи в файл данных (\`vetted --db ФАЙЛ export --format json\`) и загрузите его. Ничего не загружено.`
        : `${file} — база данных (резервная копия vetted?), а не файл данных: \`vetted restore ${sh(file)}\` вернёт копию на место ваших записей; чтобы добавить её записи к вашим, сначала выгрузите их (\`vetted --db ${sh(file)} export --format json --out record.json\`) и загрузите этот файл. Ничего не загружено.`,
    databaseCut: (file, size, expected) =>
      `${file} — неполная копия базы данных SQLite (${cutShort(size, expected)}): копия, записанная не до конца, повреждена, и её не прочитают ни \`vetted import\`, ни \`vetted restore\`. Скопируйте её заново, целиком, оттуда, откуда она взялась, или укажите другую резервную копию. Ничего не загружено.`,
    companionGiven: (file, kind, database, inUse = false) => {
      const what = SQLITE_PART[kind];
      if (database && inUse) return `${file} — ${what} базы данных, которая сейчас используется (${database}), то есть часть самих записей, а не файл данных: загружать из него нечего. Ничего не загружено.`;
      if (database)
        return `${file} — ${what} базы данных ${database}, который SQLite держит рядом с ней: это не файл данных и не резервная копия, и без самой базы его не прочитать. Чтобы вернуть эту базу на место ваших записей, укажите её саму: \`vetted restore ${sh(database)}\`; чтобы добавить её записи к вашим, сначала выгрузите их (\`vetted --db ${sh(database)} export --format json --out record.json\`) и загрузите этот файл. Ничего не загружено.`;
      return `${file} — ${what} базы данных SQLite: это не файл данных и не резервная копия, и без самой базы его не прочитать. Укажите вместо него саму базу: передайте её файл \`vetted restore\`, и копия вернётся на место ваших записей, или выгрузите её записи в файл данных (\`vetted --db ФАЙЛ export --format json\`) и загрузите его. Ничего не загружено.`;
    },
    sharedFile: (file, source) =>
      `${file} — файл, которым поделились${source ? ` (${q(source)})` : ''}: чужие списки, которые хранятся отдельно от ваших собственных доказательств; смотрите их рядом со своими записями через \`vetted source add ${sh(file)} --name ${source && /^[\w.-]+$/.test(source) ? source : 'ИМЯ'}\`. Импорт принимает только ваши собственные записи (\`vetted export --format json\`); ничего не загружено.`,
    top: '(верхний уровень)',
    problemAt: (line, path, problem, strayKey) =>
      `${line !== undefined ? `строка ${line}: ` : ''}${path}: ${problem}${
        strayKey ? ' (запятая внутри { } завершает текст, а всё после неё читается как отдельный ключ: возьмите текст с запятой в кавычки)' : ''
      }`,
    problems: (list, more, atLeast = false) => `${list.join('; ')}${more ? ` (и ещё ${atLeast ? 'не меньше ' : ''}${more})` : ''}`,
    fault: dataFault,
    recordProblem: (path, field, problem) => `${path}: ${field ? `${field}: ` : ''}${problem}; ничего не загружено.`,
    importFault: (f) => {
      switch (f.kind) {
        case 'own-parent':
          return `${f.company} не может быть материнской компанией для самой себя`;
        case 'parent-loop':
          return `${f.parent} не может быть материнской компанией для ${f.company}: это одна из её дочерних компаний`;
        case 'no-checklist':
          return `чек-листа ${q(f.checklist)} нет (известные: ${f.known.join(', ')}); сначала положите его файл в папку ваших чек-листов`;
        case 'unanswered':
          return `нет ответа на ${f.questions.join(', ')}`;
        case 'not-a-question':
          return `не вопрос чек-листа ${f.checklist}`;
        case 'unscored':
          return `у ответа на ${f.question} здесь нет оценки; укажите оценку каждого ответа или ни одной (тогда их оценит чек-лист)`;
        case 'not-answered':
          return `на ${f.question} в этой проверке нет ответа`;
        case 'question-id':
          return `${q(f.question)} — не id вопроса (строчные латинские слова через дефис)`;
        case 'dealbreaker-twice':
          return 'вопрос назван дважды';
        case 'nothing-scored':
          return 'ни один ответ не учитывается в оценке (каждый говорит, что вопрос неприменим), так что оценки у проверки нет; проверка сохраняется только с оценкой';
        case 'verdict-of-score':
          return `указан вердикт ${f.given}, а у проверки с такой оценкой вердикт ${f.verdict} (CHECKLISTS.md); укажите вердикт, который следует из оценки и критичных ответов`;
        case 'score-of-scores':
          return `указана оценка ${f.score}, а оценки ответов при любых весах дают ${f.low === f.high ? f.low : `от ${f.low} до ${f.high}`} (CHECKLISTS.md); укажите оценку, которая из них следует, или уберите оценку, вердикт и оценки ответов, чтобы проверку оценил чек-лист`;
        case 'scored-otherwise':
          return `указано ${f.found} (${f.verdict}${f.dealbreakers ? `, неприемлемые ответы: ${f.dealbreakers[0].join(', ') || 'нет'}` : ''}), а чек-лист ${f.checklist} версии ${f.version}, который есть здесь, оценивает её ответы в ${f.now} (${f.verdictNow}${f.dealbreakers ? `, неприемлемые ответы: ${f.dealbreakers[1].join(', ') || 'нет'}` : ''}); проверка загружается только с той оценкой, которую даёт её чек-лист: если ваш чек-лист изменился с тех пор, как проверка была сделана, под той же версией, дайте его файлу новую версию (\`version: ${f.version + 1}\`) и импортируйте снова — проверка вернётся такой, какой была`;
        case 'partial-result':
          return 'проверка, которая сообщает свой результат, указывает оценку, вердикт и оценки ответов — все три (или ни одного, чтобы её оценил чек-лист)';
        case 'id-taken':
          return `id ${q(f.id)} уже занят обращением компании ${f.company}; дайте этому обращению другой id`;
        case 'id-other-incident':
          return `id ${q(f.id)} уже занят другим обращением этой компании, открытым ${fmt.dateTime(f.opened)}: ${q(f.title)}; дайте этому обращению другой id или уберите id, чтобы он был создан`;
        case 'timeline':
          return f.fault.kind === 'before-opening'
            ? `его события оказались бы раньше открытия обращения ${f.id}, как оно записано здесь (событие ${fmt.dateTime(f.fault.at)}); сначала перенесите открытие (\`vetted incident edit ${f.id} --opened ${f.fault.at}\`)`
            : f.fault.kind === 'closed-before-opening'
              ? `обращение ${f.id} оказалось бы закрыто (${fmt.dateTime(f.fault.closed)}) раньше своего открытия, как оно записано здесь`
              : `обращение ${f.id} было бы закрыто второй раз: здесь оно уже закрыто; уберите его закрытие из файла или сначала откройте обращение заново (\`vetted incident reopen ${f.id}\`)`;
        case 'parts-opening':
          return `части обращения ${f.id} в этом файле расходятся: открытие из одной части позже события или закрытия из другой (${fmt.dateTime(f.at)}); дайте всем частям одно открытие, раньше их событий и закрытия, или не указывайте его ни в одной`;
        case 'no-event':
          return `в этом обращении ${fmt.plural(f.events, { one: 'событие', few: 'события', many: 'событий', other: 'события' })}, так что события ${f.event} в нём нет`;
        case 'content-mismatch':
          return 'не совпадает с его sha256 и размером: файл изменён или обрезан';
        case 'event-changed':
          return `событие ${f.event} в файле не такое, как здесь (тип тот же, а время или подробности другие); импорт добавляет новое и ничего не меняет в том, что есть: измените его командой \`vetted event edit ${f.event}\` или уберите его id в файле, чтобы добавить как другое событие`;
        case 'twice-in-file':
          return f.section === 'companies'
            ? f.here !== undefined
              ? `здесь это та же компания, что и ${f.section}[${f.first}], но с другими сведениями: в этой базе данных оба названия — одна компания, ${q(f.here)} (их объединили или так назвали), так что одна из двух записей пропала бы; оставьте в файле одну или импортируйте его в другую базу (--db)`
              : `это та же компания, что и ${f.section}[${f.first}] (под этим или другим её названием), но с другими сведениями: одна из двух записей пропала бы; оставьте одну`
            : f.section === 'incidents'
              ? `его id тот же, что у ${f.section}[${f.first}] (с точностью до регистра), а компания, дата открытия, название или вина другие: одно из двух обращений пропало бы; дайте каждому обращению свой id`
              : f.here !== undefined
                ? `здесь закрепляет ту же компанию, что и ${f.section}[${f.first}], но иначе: в этой базе данных оба названия — одна компания, ${q(f.here)} (их объединили или так назвали), так что одна из двух записей пропала бы; оставьте в файле одну или импортируйте его в другую базу (--db)`
                : `закрепляет ту же компанию, что и ${f.section}[${f.first}], но иначе: одна из двух записей пропала бы; оставьте одну`;
        case 'event-of-other':
          return `событие ${q(f.event)} — событие другого обращения, не ${f.id}; уберите его id, чтобы добавить его к ${f.id}`;
        case 'numbers-used-up':
          return `его события пронумерованы до #${f.max}, больше номер события быть не может: событиям без id номеров не осталось; дайте его событиям номера поменьше`;
        case 'shared-alias':
          return `у неё общее название ${q(f.alias)} с companies[${f.first}], ${q(f.name)}, и ни одна не называет другую её названием: как одна компания, одна из двух пропала бы; уберите ${q(f.alias)} у одной из них или, если это одна компания, добавьте название другой к её названиям`;
      }
    },
    progress: (pct, done, total) => `загрузка… ${pct}% (${done} из ${fmt.plural(total, { one: 'записи', few: 'записей', many: 'записей', other: 'записи' })})`,
    note: (file, n) => `заметьте: ${file}: ${n}`,
    noDatabase: (path) => `базы данных ${path} ещё нет, копировать нечего.`,
    backedUp: (from, to) => `копия ${from} сохранена в ${to}`,
    backedUpToStdout: (from) => `копия ${from} записана в стандартный вывод`,
    backupNotToTerminal: 'резервная копия — файл базы данных, а не текст для терминала; запишите её в файл через --out ФАЙЛ или передайте по конвейеру (--out - | …).',
    backedUpDamaged: (db, to, detail, earlier, more, dir) =>
      `${db} повреждена (SQLite: ${detail}), а значит, повреждена и только что записанная ${to ? `в ${to} копия (она всё же сохранена ради того, что из неё ещё можно прочитать)` : 'в стандартный вывод копия'}; восстановите копию, сделанную до повреждения (\`vetted restore FILE\` повреждённую не примет; ${earlier.length ? `копии в ${dir}, от новых к старым: ${fmt.list([...earlier, ...(more > 0 ? [`ещё ${fmt.number(more)}`] : [])])}` : `в ${dir} копий нет`}), или спасите то, что ещё читается: \`sqlite3 ${sh(db)} .recover | sqlite3 salvaged.db\`, и восстановите salvaged.db.`,
    copyFolderTaken: (dir) => `${dir} — не папка (это имя занято файлом или ссылкой в никуда), поэтому копию базы в ней не сделать; уберите его.`,
    isItself: 'это и есть сама база данных; укажите путь к копии.',
    keptAs: (path) => `прежняя база данных сохранена в ${path}`,
    restored: (path, from) => `${path} восстановлена из ${from}`,
    badFormat: (given) => `--format принимает md, json или csv, а не ${q(given)}.`,
    wrote: (file) => `записано: ${file}`,
  },

  sources: {
    countOn,
    noSource: (name) => `источника ${q(name)} нет; список: \`vetted source list\`.`,
    recordHasNoLists: (name) => `${q(name)} — публичный реестр жалоб, он не вносит компании в списки; что в нём есть, покажет \`vetted source show ${sh(name)}\`, а что он говорит о компании — \`vetted company show НАЗВАНИЕ\`.`,
    listsOf: (name, label, exportedAt) => `Списки источника ${q(name)}${label ? ` (${label})` : ''}${exportedAt ? `, переданные ${fmt.dateTime(exportedAt)}` : ''}, как он их дал:`,
    sourcesSay: (text) => `источники: ${text}`,

    needsName: 'у источника должно быть имя: укажите его в --name, например --name dmitry.',
    namesSeveral: (name, yours, owner) =>
      `его ${q(name)} называет ${fmt.plural(yours.length, { one: 'вашу компанию', few: 'ваши компании', many: 'ваших компаний', other: 'ваших компании' })} (${fmt.list(yours)}): учитывается только как ${owner}; \`vetted company merge\`, если это одна компания`,
    namesSeveralMore: (n) => `и ещё ${fmt.plural(n, { one: 'компания', few: 'компании', many: 'компаний', other: 'компании' })} источника называют несколько ваших (\`vetted source show\`)`,
    unsafeName: 'имя источника набирают в каждой команде, которая его называет: укажите имя без управляющих и невидимых символов, например --name dmitry.',
    longName: (max) => `имя источника — не длиннее ${fmt.plural(max, { one: 'знака', few: 'знаков', many: 'знаков', other: 'знака' })}; сократите его.`,
    badKind: (kinds, given) => `--kind принимает ${kinds.join(' или ')}, а не ${q(given)}.`,
    noFile: (file) => `файла ${file} нет; проверьте путь.`,
    folder: (file) => `${file} — папка; укажите путь к файлу источника.`,
    unknown: (name, known) => `источника ${q(name)} нет; ${known.length ? `источники: ${known.map(q).join(', ')}` : 'добавьте источник: `vetted source add ФАЙЛ --name ИМЯ`'}.`,
    notAList: (file) => `${file} — файл CSV или ZIP, а не общий список (файл vetted/1, JSON или YAML); публичный реестр жалоб — отдельный источник: \`vetted source add ${sh(file)} --name ИМЯ --kind cfpb\`.`,
    sameFile: (name, how) =>
      `этот файл уже добавлен как источник ${q(name)} (${{ bytes: 'те же байты', export: 'та же выгрузка: та же подпись, тот же момент выгрузки и то же содержание', csv: 'тот же CSV, в архиве или без него' }[how]}); добавленный снова, он посчитал бы ${how === 'csv' ? 'его жалобы' : 'его списки'} дважды. Чтобы прочитать его заново: \`vetted source update ${sh(name)} ФАЙЛ\`.`,
    goneMeanwhile: (name) => `источник ${q(name)} удалён другой командой, пока читался его новый файл; ничего не изменено (добавить его снова: \`vetted source add\`).`,
    taken: (name) => `источник ${q(name)} уже есть; выберите другое имя в --name или замените его данные: \`vetted source update ${sh(name)} ФАЙЛ\`.`,
    noCompany: (name) => `компании ${q(name)} нет; список: \`vetted company list\`.`,
    progress: (file, rows, perSecond) => `чтение ${file}: ${fmt.plural(rows, rowForms)} (${fmt.number(perSecond)} в секунду)…`,
    keptAsTheyWere: (counts, records) =>
      `примечание: принято так, как хранил vetted, из которого выгружен файл, хотя новые такие данные отклоняются: ${keptKinds(counts).join(', ')} (${keptRecords(records)})`,
    added: (name, kind, companies, known) => `источник ${q(name)} (${kind}) добавлен: ${fmt.plural(companies, companyForms)}, из них ваших — ${fmt.number(known)}`,
    replaced: (name, kind, companies, known) => `источник ${q(name)} (${kind}) заменён: ${fmt.plural(companies, companyForms)}, из них ваших — ${fmt.number(known)}`,
    rowsRead: (read, skipped, from, to) => `прочитано строк: ${fmt.number(read)}, пропущено: ${fmt.number(skipped)}; жалобы поступили с ${day(from)} по ${day(to)}`,
    matchHint: (name) => `свяжите свои компании с его названиями: vetted source match ${sh(name)}`,
    onItsLists: (listed, label, exportedAt) =>
      `в его списках: ${fmt.plural(listed, companyForms)}${label ? `; он называет себя ${q(label)}` : ''}${exportedAt ? `; передан ${fmt.dateTime(exportedAt)}` : ''}`,
    listsChanged: (moved, left, came) =>
      moved + left + came === 0
        ? 'ни одна компания не перешла в другой список'
        : [
            moved && `${fmt.plural(moved, { one: 'компания', few: 'компании', many: 'компаний', other: 'компании' })} в другом списке, чем прежде`,
            left && `${fmt.number(left)} больше не в его списках`,
            came && `${fmt.number(came)} впервые в них`,
          ]
            .filter(Boolean)
            .join(', '),
    movedList: (company, from, to) => `${company}: ${LIST_NAMES[from]} → ${LIST_NAMES[to]}`,
    movedMore: (n) => `и ещё ${fmt.plural(n, { one: 'компания', few: 'компании', many: 'компаний', other: 'компании' })}`,
    sharedBefore: (now, was) => `внимание: этот файл передан ${fmt.dateTime(now)}, раньше, чем тот, который он заменяет (${fmt.dateTime(was)}): теперь вы читаете более старый из двух.`,
    labelChanged: (now, was) => `внимание: теперь он ${now ? `называет себя ${q(now)}` : 'никак себя не называет'}; заменённый им файл ${was ? `называл себя ${q(was)}` : 'никак себя не называл'}.`,
    removed: (name) => `источник ${q(name)} удалён вместе со всем, что из него прочитано (источников нет в истории, поэтому \`vetted undo\` его не вернёт; чтобы вернуть источник, добавьте его файл снова)`,
    cfpbLabel: 'база данных жалоб CFPB (США)',

    none: 'Источников пока нет. Добавьте присланный список: `vetted source add ФАЙЛ --name ИМЯ` — или файл жалоб CFPB, указав --kind cfpb.',
    listHeaders: ['ИМЯ', 'ВИД', 'ПОДПИСЬ', 'ДАТА', 'КОМПАНИЙ', 'ИЗВЕСТНЫ ВАМ', 'ДОБАВЛЕН'],
    dateRange: (from, to) => `с ${day(from)} по ${day(to)}`,
    day: (date) => fmt.date(date),
    file: (file, sha) => `файл: ${file} · sha256 ${sha}…`,
    dates: (added, replaced, shared) =>
      `добавлен ${fmt.dateTime(added)}${replaced ? ` · заменён ${fmt.dateTime(replaced)}` : ''}${shared ? ` · передан ${fmt.dateTime(shared)}` : ''}`,
    rowsLine: (read, skipped, from, to) => `прочитано строк: ${fmt.number(read)}, пропущено: ${fmt.number(skipped)} · жалобы поступили с ${day(from)} по ${day(to)}`,
    cfpbHeaders: ['ИХ НАЗВАНИЕ', 'У ВАС', 'ЖАЛОБ'],
    vettedHeaders: ['ИХ НАЗВАНИЕ', 'У ВАС', 'СПИСОК', 'С КАКОГО ДНЯ'],
    known: (n) => `Известные вам компании (${fmt.number(n)})`,
    noneKnown: '  пока нет: свяжите названия командами `vetted source match` и `vetted company alias`',
    unknownCompanies: (n) => `Незнакомые вам компании (${fmt.number(n)})`,
    more: (n) => `  … и ещё ${fmt.number(n)} (--all покажет все)`,

    nothingLike: (source) => `  в источнике ${q(source)} похожих названий нет`,
    complaints: (n) => ` (${fmt.plural(n, complaintForms)})`,
    linked: 'связано',
    alike: (percent) => `сходство ${fmt.number(percent)} %`,
    linkIt: (command) => `    связать: ${command}`,
    noneAlike: (source) => `В источнике ${q(source)} нет названий, похожих на ваши компании.`,

    skipped: (count, reason, lines, more) =>
      `  ${fmt.pluralWord(count, { one: 'пропущена', few: 'пропущены', many: 'пропущено', other: 'пропущено' })} ${fmt.plural(count, rowForms)}: ${
        ({ 'no-company': 'не указана компания', 'bad-date': 'в поле даты не дата', 'future-date': 'дата ещё не наступила', 'short-row': 'столбцов меньше, чем в заголовке', 'too-long': 'название компании, продукта или проблемы длиннее 200 знаков' } as const)[reason]
      } (${lines.length === 1 ? 'строка' : 'строки'} ${lines.join(', ')}${more ? ', …' : ''})`,

    noColumn: (file, column, columns) => `в ${file} нет столбца ${q(column)}, так что это не файл жалоб CFPB (его столбцы: ${columns}); ничего не сохранено.`,
    notText: (file, database) =>
      `${file} — ${database ? 'база данных SQLite' : 'не текст (в нём двоичные данные)'}, а не файл жалоб CFPB; укажите файл CSV или .zip, который публикует CFPB; ничего не сохранено.`,
    columnTwice: (file, column) => `в ${file} два столбца ${q(column)}, и какой из них имеется в виду, не понять; оставьте один и повторите; ничего не сохранено.`,
    notUtf8At: (file, line) => `${file}: строка ${fmt.number(line)} — не текст в UTF-8; сохраните файл в UTF-8 и повторите; ничего не сохранено.`,
    quoteNeverClosed: (file, line) => `${file}: кавычка, открытая в строке ${fmt.number(line)}, так и не закрывается, и весь остаток файла стал бы одним текстом; закройте её или скачайте файл заново; ничего не сохранено.`,
    cfpbNotFile: (file) => `${file} — канал или устройство, а не файл; файл жалоб CFPB читается как файл (архив — с конца), поэтому сначала сохраните его в файл и добавьте этот файл.`,
    notZip: (file, problem) => `${file} не читается как zip-архив: ${zipProblem(problem)}; укажите файл CSV или архив в том виде, в каком его публикует CFPB.`,
    damagedZip: (file, detail) => `${file} — повреждённый zip-архив (${detail}); скачайте его заново.`,
    empty: (file) => `${file} пуст; укажите файл жалоб CFPB.`,
    cfpbNotStdin: 'записи жалоб CFPB читаются из файла (CSV или архива в том виде, в каком их публикует CFPB), а не со стандартного ввода; укажите путь к нему.',
    tooManyNames: (file, what, max) =>
      `в ${file} больше ${fmt.number(max)} ${({ companies: 'компаний', months: 'месяцев', products: 'продуктов', issues: 'проблем' } as const)[what]} — больше, чем vetted различает, и больше, чем в любой выгрузке CFPB; ничего не добавлено. Разделите файл или укажите выгрузку в том виде, в каком её публикует CFPB.`,
    recordTooLong: (file, line, mb) =>
      `${file}: запись в строке ${fmt.number(line)} длиннее ${fmt.number(mb)} МБ и не кончается; укажите файл жалоб CFPB (CSV или .zip с ним).`,
    invalid: (file, problems) => `${file} — не файл vetted/1: ${problems}; ничего не сохранено.`,
    listedTwice: (company, first) =>
      `${company.trim() === first.trim() ? `${q(company)} указана в списках второй раз` : `${q(company)} — та же компания, что ${q(first)} выше (по названию или другому названию)`}; в файле каждая компания указывается в списках один раз`,

    othersTitle: 'Что говорят другие',
    othersApart: ' (их данные, отдельно от ваших; на ваш вердикт они не влияют)',
    reasonText: (r) => r.text_ru ?? r.text,
    as: (names) => ` под названием ${names.join(', ')}`,
    pinned: 'закреплено: ',
    since: (date) => ` с ${fmt.date(date)}`,
    onNone: 'нет ни в одном из их списков',
    theySay: (list) => `у них — ${ru.words.list[list]}; `,
    byYourPolicy: 'по вашей политике: ',
    placement: (p) => (p === 'unlisted' ? 'ни в одном списке' : ru.words.list[p]),
    theirEvidence: (checks, incidents) =>
      `(их ${checksOf(checks)} и ${incidentsOf(incidents)})`,
    publicRecordOf: (names, through) => `(публичные записи жалоб, под названием ${names.join(', ')}, по ${through ? fmt.date(through) : '—'})`,
    briefRecord: (source, complaints, from, to, anyRelief) =>
      `${source}: ${fmt.plural(complaints, { one: 'публичная жалоба', few: 'публичные жалобы', many: 'публичных жалоб', other: 'публичной жалобы' })} за ${month(from)} — ${month(to)}, закрыто с каким-либо возмещением: ${anyRelief === null ? '—' : wholePercent.format(anyRelief)}`,
    notNormalised: '(без поправки на размер компании)',

    record: {
      complaints: (from, to, last, previous, all) =>
        `жалоб за ${month(from)} — ${month(to)}: ${fmt.number(last)} · за 12 месяцев до того: ${previous === null ? 'в этом источнике их нет' : fmt.number(previous)} · всего в этом источнике: ${fmt.number(all)}`,
      monetary: (rate) => `закрыто с денежным возмещением: ${rate}`,
      anyRelief: (rate) => `закрыто с каким-либо возмещением: ${rate}`,
      untimely: (rate) => `ответы не в срок: ${rate}`,
      disputed: (rate) => `ответы, оспоренные потребителем, среди всех жалоб до апреля 2017 года (позже оспорить было нельзя): ${rate}`,
      rate: (s, min) =>
        s.rate === null
          ? `— (меньше ${fmt.plural(min, { one: 'жалобы', few: 'жалоб', many: 'жалоб', other: 'жалобы' })})`
          : `${percent.format(s.rate)} (${fmt.number(s.count)} из ${fmt.number(s.of)})`,
      topProducts: (items) => `чаще всего жалуются на продукты: ${items}`,
      topIssues: (items) => `чаще всего жалуются на проблемы: ${items}`,
      item: (name, complaints) => `${name} (${fmt.number(complaints)})`,
      noProduct: '(не указан)',
      caveat:
        'Числа не приведены к размеру компании (на большой банк жалуются чаще, чем на маленький), а категорию своего ответа компания выбирает сама. Публичные записи жалоб никогда не решают вердикт.',
    },
  },

  answers: {
    problem: (p) =>
      p.kind === 'unknown-question'
        ? `${q(p.given)} — не вопрос чек-листа ${p.checklist}; его вопросы: ${p.questions.join(', ')}`
        : `${q(p.given)} — не ответ на ${p.question}; ответы: ${p.values.join(', ')}`,
    notQuestions: (given, checklist, questions, more = false) => `${given.map((g, k) => (more && k === given.length - 1 ? g : q(g))).join(', ')} — не вопросы чек-листа ${checklist}; его вопросы: ${questions.join(', ')}`,
    andMore: (n) => `и ещё ${fmt.number(n)}`,
  },

  correct: {
    takeBack: 'отменить: vetted undo',
    bringBack: 'вернуть: vetted undo',
    sameName: (name) => `${name} уже так называется; менять нечего.`,
    nameTaken: (given, owner, company) =>
      `${q(given)} — уже одно из названий компании ${owner}; чтобы сделать их одной компанией, используйте \`vetted company merge ${sh(company)} ${sh(owner)}\`.`,
    renamed: (from, to, aliasKept) => `компания ${from} теперь называется ${to}${aliasKept ? `; прежнее название ${q(from)} сохранено как другое название` : ''}`,
    oneAlready: (from, into, name) => `${q(from)} и ${q(into)} — уже одна компания (${name}); объединять нечего.`,
    merged: (from, into, checks, incidents) =>
      `компания ${from} объединена с компанией ${into} (перенесено: ${checksOf(checks)} и ${incidentsOf(incidents)}), ${q(from)} теперь другое название компании ${into}`,
    mergeKeptOwn: (from, into, lost) => {
      const fields = Object.keys(lost) as (keyof typeof lost)[];
      const word = { parent: 'материнская компания', website: 'сайт', category: 'категория' };
      const valued = fields.map((k) => `${word[k]} ${k === 'category' ? q(lost[k]!) : lost[k]}`);
      return `примечание: у компании ${into} остались свои данные, а другие данные ${from} не перенесены: ${fmt.list(valued)} (взять их вместо своих: vetted company edit ${sh(into)} --${fields[0]} …).`;
    },
    companyEditWhat: 'скажите, что изменить: --category ТЕКСТ, --website АДРЕС или --parent КОМПАНИЯ ("" очищает поле).',
    tooLong: (flag, max) => `${flag} — не длиннее ${fmt.plural(max, { one: 'знака', few: 'знаков', many: 'знаков', other: 'знака' })}; сократите.`,
    parentLoop: (parent, company, itself) => `${parent} не может быть материнской компанией для ${company}: это ${itself ? 'та же самая компания' : 'одна из её дочерних компаний'}.`,
    eventTwice: (id, other) => `${id} стало бы таким же, как ${other} (то же время, тип и подробности), а в хронологии каждое событие бывает один раз (при загрузке её выгрузки одно приняли бы за другое); различите их (например, заметкой) или удалите одно из них.`,
    newEvent: (type, at) => `новое событие (${ru.words.event[type as EventType] ?? type}, ${fmt.dateTime(at)})`,
    sameEvent: (id) => `событие ${id} уже такое; ничего не изменено.`,
    sameIncident: (id) => `обращение ${id} уже такое; ничего не изменено.`,
    sameDetails: (name) => `у компании ${name} уже такие данные; ничего не изменено.`,
    companyUpdated: (name) => `данные компании ${name} изменены (см. \`vetted company show ${sh(name)}\`; отменить: vetted undo)`,
    evidence: (e) => ('check' in e ? `проверка ${e.check}` : 'incident' in e ? `обращение ${e.incident}` : `закрепление ${listIn[e.pin]}`),
    hasEvidence: (name, shown, more) =>
      `у компании ${name} есть факты (${shown.join(', ')}${more ? ` и ещё ${more}` : ''}); удалите их вместе с ней (--with-evidence) или сначала перенесите их к другой компании (\`vetted company merge\`).`,
    noLongerParent: (names) => `; ${names.length === 1 ? `компания ${names[0]} остаётся, но больше не дочерняя` : `компании ${names.join(', ')} остаются, но больше не дочерние`}`,
    companyRemoved: (name, evidence) =>
      `компания ${name} удалена${evidence ? ` вместе с ${fmt.plural(evidence, { one: 'фактом', few: 'фактами', many: 'фактами', other: 'фактами' })}` : ''}`,
    incidentEditWhat: (id) =>
      `скажите, что изменить: --title ЗАГОЛОВОК, --fault ЧЬЯ-ВИНА, --opened КОГДА или --company КОМПАНИЯ (в терминале \`vetted incident edit ${id}\` без параметров открывает обращение в редакторе).`,
    parentAdded: (name) => `компании ${q(name)} не было в ваших записях; она добавлена как материнская.`,
    incidentUpdated: (id, changes, from, to, added = false) => `обращение ${id} изменено${changes ? `: ${changes}` : ''}${from !== null && to !== null ? `; перенесено от компании ${from} к компании ${to}${added ? ' (она добавлена в ваши записи)' : ''}` : ''}`,
    openAfterClosing: (id, opened, closed) =>
      `обращение ${id} не может быть открыто ${fmt.dateTime(opened)}: оно закрыто ${fmt.dateTime(closed)}, раньше; укажите более раннее открытие или сначала откройте его заново (\`vetted incident reopen ${id}\`).`,
    cannotOpen: (id, opened, first, type, at) =>
      `обращение ${id} не может быть открыто ${fmt.dateTime(opened)}: его первое событие, ${first} (${words.event[type]}), раньше (${fmt.dateTime(at)}); сначала перенесите или удалите это событие.`,
    incidentRemoved: (id, company, events) =>
      `обращение ${id} (${company}) удалено${events === 1 ? ' вместе с его единственным событием' : events ? ` вместе с ${fmt.plural(events, { one: 'событием', few: 'событиями', many: 'событиями', other: 'событиями' })}` : ''}`,
    openAlready: (id) => `обращение ${id} уже открыто; открывать заново нечего.`,
    reopened: (id) => `обращение ${id} открыто заново: его закрытие удалено`,
    reopenedTime: (id, closed) => `обращение ${id} открыто заново: время его закрытия (${fmt.dateTime(closed)}) снято`,
    noSuchEvent: (incident, number, ids) =>
      `в обращении ${incident} нет события ${q(number)}; ${ids.length ? `его события: ${ids.join(', ')}` : 'событий в нём пока нет'} (см. \`vetted incident show ${incident}\`).`,
    notEventId: (given) =>
      `${q(given)} — не номер события; номер события — это номер обращения, знак # и порядковый номер, например volga-1#4 (см. \`vetted incident show\`).`,
    noEvent: (given) => `события ${q(given)} нет.`,
    eventEditWhat: (type, flags) => `скажите, что изменить: --at КОГДА${flags.length ? ` или ${flags.join(', ')}` : ''} (поля события ${q(words.event[type])}).`,
    changes: (changes) => {
      const name: Record<string, string> = {
        at: 'время',
        level: 'уровень',
        note: 'заметка',
        channel: 'канал',
        reached_human: 'ответил человек',
        wait_minutes: 'ожидание, минут',
        robot: 'мешал робот',
        queue_position: 'место в очереди',
        dropped: 'связь оборвалась',
        text: 'слова',
        due: 'срок',
        kept: 'сдержано',
        amount: 'сумма',
        currency: 'валюта',
        kind: 'вид',
        proactive: 'без просьбы',
        effort: 'чего стоило',
        policy: 'политика компании',
        outcome: 'итог',
        title: 'заголовок',
        fault: 'вина',
        opened: 'открыто',
      };
      const vocabulary: Record<string, Record<string, string>> = { level, channel, kind, effort, outcome, fault };
      const value = (field: string, v: string | number | boolean) =>
        typeof v === 'boolean' ? (v ? 'да' : 'нет')
        : typeof v === 'number' ? fmt.number(v)
        : field === 'at' || field === 'due' || field === 'opened' ? fmt.dateTime(v)
        : vocabulary[field] ? (vocabulary[field][v] ?? v)
        : field === 'text' || field === 'note' || field === 'title' ? quoted(v)
        : v;
      return changes.map((c) => `${name[c.field] ?? c.field}: ${c.value === undefined ? 'очищено' : value(c.field, c.value)}`).join(', ') || 'без изменений';
    },
    eventUpdated: (id, changes) => `событие ${id} изменено: ${changes}`,
    deadlineFollows: (id) => `; срок ответа ${id} перенесён вместе с ним`,
    deadlineGoes: (id) => `, вместе со сроком ответа ${id}`,
    deadlineOrphaned: (id, letter) =>
      `  обратите внимание: ${letter} теперь не письмо, поэтому ${id}, срок ответа на него, читается как обещание компании; если она ничего не обещала, удалите его: \`vetted event remove ${id}\`.`,
    deadlineNeedsTime: (deadline, letter, day) =>
      `у ${letter} осталась бы одна дата, и срок ответа на это письмо ${deadline} читался бы тогда как обещание компании: без времени срок ответа на письмо узнаётся только по словам, которые пишет \`letter --sent\`. Укажите и время письма, например --at "${day} 09:00". Ничего не изменено.`,
    deadlineWordsNeedTime: (deadline, letter) =>
      `${deadline} — срок ответа на ваше письмо ${letter}, и у обоих только дата: если изменить слова, он читался бы как обещание компании, ведь без времени срок ответа узнаётся только по словам, которые пишет \`letter --sent\`. Сначала укажите время письма (\`vetted event edit ${letter} --at "ДАТА ЧЧ:ММ"\`: срок переедет вместе с ним), потом меняйте слова. Ничего не изменено.`,
    deadlineLeft: (id, letter) =>
      `  обратите внимание: ${id} больше не стоит в моменте письма ${letter}, поэтому читается как обещание компании, а не как срок ответа на письмо; чтобы перенести письмо вместе со сроком, измените письмо (\`vetted event edit ${letter} --at КОГДА\`).`,
    eventRemoved: (id, type, at, incident) => `событие ${id} (${words.event[type]}, ${fmt.dateTime(at)}) удалено из обращения ${incident}`,
    noEvents: 'Событий пока нет. Запишите первое: `vetted incident event НОМЕР ТИП`.',
    eventHeaders: ['№', 'КОГДА', 'ТИП', 'КОМПАНИЯ', 'ЧТО'],
    beforeOpening: (type, at, id, opened) =>
      `это событие (${words.event[type]}, ${fmt.dateTime(at)}) раньше, чем открыто обращение ${id} (${fmt.dateTime(opened)}); если оно открыто раньше, сначала перенесите открытие: \`vetted incident edit ${id} --opened ${at}\`.`,
    dueBeforeMade: (due, at) => `срок обещания (${fmt.dateTime(due)}) не может быть раньше, чем оно дано (${fmt.dateTime(at)}); проверьте --due и --at.`,
    closedAlready: (id, other) =>
      `обращение ${id} уже закрыто${other ? ` (${other.id}${other.outcome ? `, ${outcome[other.outcome]}` : ''})` : ''}; чтобы закрыть его снова, сначала откройте его заново: \`vetted incident reopen ${id}\`.`,
    whenForms: '2026-07-12, 2026-07-12 09:30, 12.07.2026 09:30, 12 июля 2026 09:30, сейчас, сегодня 18:00 или вчера 18:00',
    comingForms: '2026-07-12, 2026-07-12 09:30, 12.07.2026 09:30, 12 июля 2026 09:30, сейчас, сегодня 18:00, вчера 18:00 или завтра 18:00',
    badWhen: (flag, given, forms) => `${flag} принимает дату, например ${forms}; ${q(given)} — не такая дата (или такой даты нет).`,
    badYear: (flag, given, year, first, last) => `${flag} ${given}: это ${year} год; укажите дату с ${first} по ${last} год.`,
    future: (flag, given, now) => `${flag} ${given} — это ещё не наступило (сейчас ${fmt.dateTime(now)}); укажите время, когда это случилось.`,
    pruneFuture: (given, now) => `--before ${given} — это позже завтрашнего дня (сейчас ${fmt.dateTime(now)}), скорее всего, дата набрана с ошибкой: history prune навсегда забывает изменения, сделанные до указанной даты; укажите дату не позже конца завтрашнего дня (\`--before завтра\` забывает их все).`,
    closingAhead: (flag, given, now) =>
      `${flag} ${given} — это ещё не наступило (сейчас ${fmt.dateTime(now)}), а по времени закрытия судят об обещаниях, данных до него; укажите время не позже текущего или закройте обращение, когда это время придёт.`,
    badOffset: (flag, given, offset) =>
      `${flag} ${given}: сдвига ${offset} от UTC нет ни у одних часов (сдвиги — от -12:00 до +14:00); укажите время с настоящим сдвигом или без него для местного времени.`,
    skippedTime: (flag, given, reads, zoned) =>
      `${flag} ${given} — такого времени здесь не было: часы перевели вперёд (оно читалось бы как ${fmt.dateTime(reads)}); укажите время, которое показывали часы, или время со сдвигом от UTC (например, ${zoned}).`,
    editorHeader: (id) => [
      `# Обращение ${id}. Исправьте то, что неверно, затем сохраните файл и закройте редактор.`,
      '# События сохраняют свои номера (id): удалите строки события, чтобы удалить его; добавьте событие без id, чтобы добавить.',
      '# `company` переносит обращение к другой вашей компании. Строки, начинающиеся с #, не учитываются.',
      '# Чтобы ничего не менять, закройте редактор без сохранения или очистите файл.',
    ],
    errorMark: 'ОШИБКА',
    errorAt: (line) => `ОШИБКА${line ? ` (строка ${line})` : ''}`,
    theIncident: '(обращение)',
    editorFailed: (editor, status) =>
      `редактор (${editor}) завершился с ошибкой${status ? ` (код выхода ${status})` : ''}; ничего не изменено. Укажите свой редактор в $VISUAL или $EDITOR.`,
    notChanged: (id) => `обращение ${id} не изменено.`,
    stoodAsKept: (problem) => `примечание: ${problem} (так это хранил vetted; оставлено как есть)`,
    leftWithProblems: (id) => `редактор закрыт без сохранения; обращение ${id} не изменено.`,
    emptied: (id) => `файл очищен; обращение ${id} не изменено.`,
    idChanged: (id) => `id: номер обращения менять нельзя (это ${id}); верните его`,
    attachmentsHere: (id) => `attachments: файлы через редактор не прикладываются; удалите эти строки, а файл приложите командой \`vetted incident attach ${id} ФАЙЛ\` (\`vetted attachment remove\` убирает приложенный)`,
    companyProblem: (message) => `company: ${message}`,
    notEventOf: (event, id) => `events: ${event} — не событие обращения ${id}; не меняйте номера событий, а новому событию номер не давайте`,
    idOfTwo: (event) => `events: номер ${event} стоит у двух событий; оставьте каждому событию его номер, а новому событию номер не давайте`,
    typeChanged: (event, from, to) =>
      `events: ${event} — событие типа ${from}, и тип события не меняется (всё, что ссылается на ${event}, ссылается на это событие типа ${from}); чтобы записать событие типа ${to}, добавьте его как новое, без номера, а ${event} удалите, если оно было ошибкой`,
    removedMeanwhile: (id, file) =>
      `обращение ${id} удалила другая команда vetted, пока оно было открыто в редакторе, поэтому ничего не сохранено. Набранное вами сохранено в ${file}; \`vetted undo\` вернёт обращение, если то удаление было последним изменением, а \`vetted incident edit ${id}\` позволит затем внести изменения.`,
    changedMeanwhile: (id, file) =>
      `обращение ${id} изменила другая команда vetted, пока оно было открыто в редакторе, поэтому ничего не сохранено (ваша правка отменила бы то изменение). Набранное вами сохранено в ${file}: запустите \`vetted incident edit ${id}\` снова и внесите изменения там.`,
    editorApplied: (s) => `обращение ${s.id} изменено: ${editorChanges(s)}`,
    closedNotResolution: (closed, event, at) => `closed: указано ${closed}, а закрыло обращение событие ${event} в ${at}; измените время этого события или укажите в closed: его время`,
  },

  history: {
    headers: ['№', 'когда', 'что', 'отмена'],
    none: 'Изменений пока нет.',
    newest: (limit) => `(последние ${limit}; --limit N покажет больше)`,
    undoneBy: (op) => `отменено операцией #${op}`,
    undid: (op) => `отменяет #${op}`,
    positive: (flag, given) => `${flag} принимает целое число, 1 или больше, а не ${q(given)}.`,
    notScrubbed: 'примечание: базу сейчас не удалось переписать заново (её использует другой процесс vetted или диск заполнен), поэтому байты забытого могут остаться в её свободном месте; позже запустите ту же команду `vetted history prune` ещё раз, чтобы их стереть.',
    pruned: (n, before) => `забыты операции до ${before} (${fmt.number(n)}): их больше нельзя отменить.`,
    nothingBefore: (before) => `до ${before} ничего не записано.`,
    laterChanges: (op, later, reopen) =>
      `операцию #${op} нельзя отменить отдельно: ${later.map((n) => `#${n}`).join(', ')}, ${later.length === 1 ? 'сделанная позже, зависит' : 'сделанные позже, зависят'} от неё или ${later.length === 1 ? 'изменила' : 'изменили'} то, что вернула бы её отмена; сначала отмените ${later.length === 1 ? 'её' : 'их'} (см. \`vetted history\`)${reopen ? ` или откройте обращение снова как есть: vetted incident reopen ${reopen}` : ''}.`,
    taken: (op, what) =>
      `операцию #${op} сейчас нельзя отменить: ${{ incident: 'номер обращения', check: 'номер проверки', company: 'название компании', alias: 'другое название', other: 'название или номер' }[what]}, который она вернула бы, с тех пор получила другая запись; сначала отмените то изменение${what === 'company' || what === 'alias' ? ' или переименуйте ту запись' : ''} (см. \`vetted history\`).`,
    nameTaken: (op, n, summary) => {
      const ways = [
        n.by !== undefined && `сначала отмените #${n.by} (\`vetted undo --op ${n.by}\`)`,
        n.alias === undefined && `переименуйте ${q(n.holder)}, не сохраняя прежнее название среди других названий (\`vetted company rename ${sh(n.holder)} НОВОЕ-НАЗВАНИЕ --no-alias\`)`,
      ].filter(Boolean);
      return `операцию #${op} сейчас нельзя отменить: она вернула бы ${n.what === 'company' ? 'название компании' : 'другое название'} ${q(n.name)}, а ${
        n.alias === undefined ? `это название теперь у компании ${q(n.holder)}` : `${q(n.alias)} теперь другое название компании ${q(n.holder)}`
      }${n.by !== undefined ? ` (его присвоила операция #${n.by}: ${summary})` : ''}; ${ways.length ? ways.join(' или ') : 'см. `vetted history`'}.`;
    },
    idTaken: (op, what, id, holder, by) =>
      `операцию #${op} сейчас нельзя отменить: она вернула бы ${what === 'incident' ? 'обращение' : 'проверку'} ${id}, а этот номер (без учёта регистра букв) с тех пор у ${id === holder ? (what === 'incident' ? 'другого обращения' : 'другой проверки') : holder}${by ? ` (#${by})` : ''}; ${by ? `сначала отмените #${by} (\`vetted undo --op ${by}\`)` : 'см. `vetted history`'}.`,
    parentLoop: (op, company, parent) =>
      `операцию #${op} сейчас нельзя отменить: компания стала бы дочерней компанией своей же дочерней, так как с тех пор ${q(company)} сделана дочерней компанией ${q(parent)}; сначала отмените это (\`vetted company edit ${sh(company)} --parent ""\`).`,
    breaksTimeline: (op, id, f, putBack) =>
      `#${op} сейчас не отменить: ${
        putBack !== undefined && f.kind !== 'closes-twice'
          ? f.kind === 'before-opening'
            ? `открытие обращения ${id} вернулось бы к ${fmt.dateTime(putBack)}, позже события ${f.event} (${fmt.dateTime(f.at)}), записанного или перенесённого с тех пор; сначала перенесите это событие (\`vetted event edit ${f.event} --at …\`)`
            : `открытие обращения ${id} вернулось бы к ${fmt.dateTime(putBack)}, позже его закрытия (${fmt.dateTime(f.closed)})`
          : f.kind === 'before-opening'
            ? `событие ${f.event} (${fmt.dateTime(f.at)}) вернулось бы раньше открытия обращения ${id}, которое с тех пор перенесено; сначала перенесите открытие (\`vetted incident edit ${id} --opened ${f.at}\`)`
            : f.kind === 'closed-before-opening'
              ? `обращение ${id} оказалось бы закрыто (${fmt.dateTime(f.closed)}) раньше своего открытия, которое с тех пор перенесено; сначала перенесите открытие`
              : `обращение ${id} было бы закрыто второй раз (${f.event}); сначала откройте его заново (\`vetted incident reopen ${id}\`)`
      }.`,
    countOrOp: 'укажите либо число (undo N), либо --op НОМЕР, но не то и другое сразу.',
    noOperation: (op) => `операции #${op} нет; номера операций: \`vetted history\`.`,
    undoneAlready: (op, by) => `операция #${op} уже отменена операцией #${by}; чтобы вернуть её, отмените ту: \`vetted undo --op ${by}\`.`,
    nothingToUndo: 'отменять нечего: изменений не записано (см. `vetted history`).',
    allUndone: 'отменять нечего: все записанные изменения уже отменены; чтобы вернуть одно из них, выполните `vetted undo --op N` с номером его отмены (см. `vetted history`).',
    undone: (op, summary, by) => `отменено #${op}: ${summary}${by === undefined ? '' : ` (вернуть: vetted undo --op ${by})`}`,
    foundUndone: (op) => `менять для этого ничего не пришлось: записи уже были такими, как до #${op}.`,
    redoAll: (undos) =>
      `чтобы вернуть ${undos.length === 2 ? 'оба изменения' : 'их'}, отмените их отмены, начиная с последней: ${
        undos.length <= 3
          ? undos.map((u) => `vetted undo --op ${u}`).join(', затем ')
          : `vetted undo --op ${undos[0]}, затем vetted undo --op ${undos[1]} и так далее, до vetted undo --op ${undos[undos.length - 1]}`
      }`,
    sourceSince: (source, updated, op, summary) =>
      `последнее изменение — ${updated ? 'обновлён' : 'добавлен'} источник ${q(source)}, а источников нет в истории, поэтому ничего не отменено: источник убирает \`vetted source remove ${sh(source)}\`. Последнее изменение, которое отменяет undo, — #${op}, ${summary}; отменить его: vetted undo --op ${op}`,
    pastSource: (source, updated, since) =>
      `источник ${q(source)} ${updated ? 'обновлён' : 'добавлен'} после изменений, которые это отменило бы, а источников нет в истории, поэтому ничего не отменено; отменить сделанное после него (${fmt.plural(since, { one: 'изменение', few: 'изменения', many: 'изменений', other: 'изменения' })}): vetted undo${since === 1 ? '' : ` ${since}`}`,
    onlyLeft: (asked, left) =>
      `отменить можно только ${fmt.plural(left, { one: 'изменение', few: 'изменения', many: 'изменений', other: 'изменения' })}, а не ${asked}, поэтому ничего не отменено; чтобы отменить ${left === 1 ? 'его' : 'их все'}: vetted undo${left === 1 ? '' : ` ${left}`}`,
    summary: function summary(s): string {
      if (typeof s === 'string') return s;
      const letterKind: Record<string, string> = { complaint: 'жалоба', escalation: 'эскалация', claim: 'претензия', regulator: 'жалоба регулятору' };
      const events = (n: number) => fmt.plural(n, { one: 'событие', few: 'события', many: 'событий', other: 'события' });
      switch (s.k) {
        case 'check':
          return `проверка ${s.id} компании ${s.company} (${s.checklist}): ${s.score} из 100, ${checkVerdict[s.verdict]}`;
        case 'check-remove':
          return `удалена проверка ${s.id} компании ${s.company} (${s.checklist}, ${fmt.date(s.date)})`;
        case 'incident':
          return `открыто обращение ${s.id} к компании ${s.company}: ${s.title}`;
        case 'incident-edit':
          return `изменено обращение ${s.id}: ${incidentFields(s).join(', ')}`;
        case 'incident-editor':
          return `обращение ${s.id} изменено в редакторе: ${editorChanges(s)}`;
        case 'incident-remove':
          return `удалено обращение ${s.id} компании ${s.company} (${events(s.events)})`;
        case 'reopen':
          return `обращение ${s.id} открыто заново`;
        case 'event':
          return `событие (${words.event[s.type]}) в обращении ${s.incident}, ${fmt.dateTime(s.at)}`;
        case 'event-edit':
          return `изменено событие ${s.id} (${words.event[s.type]}) обращения ${s.incident}: ${ru.correct.changes(s.changes)}`;
        case 'event-remove':
          return `удалено событие ${s.id} (${words.event[s.type]}, ${fmt.dateTime(s.at)}) обращения ${s.incident}`;
        case 'attach':
          return `к обращению ${s.incident} приложено: ${s.files.join(', ')}`;
        case 'attachment-remove':
          return `удалено вложение ${s.id} (${s.name}) обращения ${s.incident}`;
        case 'letter':
          return `отправлено письмо (${letterKind[s.kind] ?? s.kind}) компании ${s.company} по обращению ${s.incident}`;
        case 'alias':
          return `другое название ${q(s.alias)} компании ${s.company}`;
        case 'pin':
          return `компания ${s.company} закреплена ${listIn[s.list]}: ${s.reason}`;
        case 'unpin':
          return `компания ${s.company} откреплена`;
        case 'rename':
          return `компания ${s.from} переименована в ${s.to}${s.alias ? ' (прежнее название сохранено как другое название)' : ''}`;
        case 'merge':
          return `компания ${s.from} объединена с компанией ${s.into} (перенесено: ${checksOf(s.checks)}, ${incidentsOf(s.incidents)})`;
        case 'company-edit':
          return `изменены данные компании ${s.company}`;
        case 'company-remove':
          return `удалена компания ${s.company}${s.evidence ? ` вместе с ${fmt.plural(s.evidence, { one: 'фактом', few: 'фактами', many: 'фактами', other: 'фактами' })}` : ''}`;
        case 'import':
          return `импорт ${s.file === STDIN_FILE ? 'из стандартного ввода' : s.file}: добавлено компаний — ${s.companies}, проверок — ${s.checks}, обращений — ${s.incidents}, событий — ${s.events}, закреплений — ${s.pins}${s.aliases ? `, других названий — ${s.aliases}` : ''}${s.attachments ? `, вложений — ${s.attachments}` : ''}${s.changed ? `; изменено записей, уже бывших в базе, — ${s.changed}` : ''}`;
        case 'undo':
          return `отмена #${s.op}: ${summary(s.of)}`;
        default:
          return (s as { k: string }).k;
      }
    },
  },

  checks: {
    noCheck: (id, like) => `проверки ${q(id)} нет; ${like.length ? `может быть, ${like.map(q).join(' или ')}? ` : ''}номера: \`vetted checks list\`.`,
    none: 'Проверок пока нет. Проведите первую: `vetted check "Магазин"`.',
    noneOf: 'У этой компании проверок пока нет.',
    headers: ['№', 'КОМПАНИЯ', 'ДАТА', 'ЧЕК-ЛИСТ', 'ОЦЕНКА', 'ИТОГ'],
    title: (company, id) => `${company} — проверка ${id}`,
    line: (checklist, at, score, verdict, dealbreakers) =>
      `${checklist}, ${fmt.dateTime(at)}: ${score} из 100, ${checkVerdict[verdict]}${dealbreakers.length ? ` (неприемлемо: ${dealbreakers.join(', ')})` : ''}`,
    answerHeaders: ['ВОПРОС', 'ОТВЕТ', 'ОЦЕНКА', 'ФАКТЫ'],
    removed: (id, company) => `проверка ${id} компании ${company} удалена (вернуть: vetted undo)`,
  },

  checklists: {
    broken: (first, more, file) => `чек-лист ${brokenChecklist(first, more, file)}`,
    skippedBroken: (first, more, file) => `пропущен чек-лист ${brokenChecklist(first, more, file)}`,
    skipped: (message) => `пропущен файл чек-листа: ${message}`,
    folderIsFile: (dir) => `${dir} — файл, а на его месте должна быть папка ваших чек-листов; пока это не папка, читаются только встроенные чек-листы.`,
    notAFile: (file, folder) => `${file} — ${folder ? 'папка' : 'устройство, канал или сокет'}, а не файл; положите на его место файл чек-листа или уберите его из папки.`,
    sameIdOther: (file, id, version, source) =>
      `${file} называет себя ${id} v${version}, как и ${source === 'built-in' ? 'встроенный' : 'ваш'} чек-лист ${id}, но оценивается иначе (отличаются вопросы, ответы, веса или баллы); дайте ему собственный id (или новую версию), чтобы его проверки не читались как проверки того чек-листа.`,
    twoOfOneId: (id, a, b) => `два ваших файла чек-листов называют себя ${id}: ${a} и ${b}; дайте одному из них другой id и проверьте снова.`,
    sameIdTwice: (file, id, first) => `${file} называет себя ${id}, как и ${first}; он пропущен, пока одному из них не дан другой id.`,
    fault: checklistFault,
    noFile: (given) => `файла чек-листа ${given} нет; проверьте путь или укажите id чек-листа (см. \`vetted checklists list\`).`,
    brokenCopy: (id, file, detail) =>
      `ваш собственный чек-лист ${q(id)} не читается, а встроенный вместо него не берётся; ничего не записано. ${detail} Чтобы взять встроенный ${q(id)}, уберите этот файл из папки чек-листов.`,
    brokenDetail: (first, more, file) => brokenChecklist(first, more, file),
    noChecklist: (given, ids, broken, first, named = false) =>
      `чек-листа ${q(given)} нет; чек-листы: ${ids.join(', ')}${broken ? ` (не удалось прочитать ваших файлов чек-листов: ${broken}; ${named ? 'файл с таким именем' : 'первый'}: ${first})` : ''}.`,
    warning: (m) => `внимание: ${m}`,
    headers: ['ИМЯ', 'ВЕРСИЯ', 'ВОПРОСОВ', 'ОТКУДА', 'НАЗВАНИЕ'],
    source: { 'built-in': 'встроенный', user: 'ваш', file: 'файл' },
    ownGoIn: (dir) => `Ваши чек-листы кладите в ${dir} (формат: \`vetted checklists show general\`).`,
    weight: (w) => `вес ${fmt.number(w)}`,
    notCounted: 'не учитывается',
    dealbreaker: 'неприемлемо',
    valid: (file, id, version, n) => `${file}: в порядке — ${id} v${version}, ${fmt.plural(n, { one: 'вопрос', few: 'вопроса', many: 'вопросов', other: 'вопроса' })}`,
    problems: (n) => `${fmt.plural(n, { one: 'ошибка', few: 'ошибки', many: 'ошибок', other: 'ошибки' })}; исправьте и проверьте снова.`,
    cannotRead: (file) => `не удаётся прочитать ${file}; проверьте путь.`,
  },

  page: {
    title: 'Чёрный и белый списки компаний',
    exported: (date) => `Выгружено ${fmt.date(date)} программой vetted.`,
    counts: (b, w, x) => `В чёрном списке: ${b}, в белом: ${w}, под наблюдением: ${x}.`,
    method:
      'Каждое решение следует из записанных фактов (проверок перед покупкой и журналов обращений) по открытой политике: один грубый сотрудник — ещё не компания, но ошибка, которую не исправила сама компания, — это уже компания; хорошо исправленная ошибка вызывает доверие; сделанное компанией важнее того, что обещает проверка. Закрепление — решение автора, и оно показано как таковое.',
    lists: { black: 'Чёрный список', white: 'Белый список', watch: 'Под наблюдением' },
    columns: ['Компания', 'С', 'Почему', 'Доказательства'],
    nobody: 'Никого.',
    companies: 'Компании подробно',
    verdictLine: (list, since) => `${listIn[list][0].toUpperCase()}${listIn[list].slice(1)}${since ? ` с ${fmt.date(since)}` : ''}.`,
    findings: 'Выводы',
    setAsideWhy: 'Проверка говорит, что компания обещает; записанные здесь обращения — что она сделала, а дела важнее слов.',
    timeline: (id, title) => `Обращение ${id}: ${title}`,
    pinnedByAuthor: (reason) => `закреплено автором: ${reason}`,
    csvColumns: ['список', 'компания', 'с', 'закреплено', 'правила', 'почему', 'доказательства'],
    yes: 'да',
    no: 'нет',
  },

  // ---- письма: `letter`, `letters list`, `letters check`, шаблоны и своды норм ----
  letter: {
    notVerifiedAt: (source) => `норма не проверена: её ещё никто не сверил с источником (${source})`,
    notVerified: (article, source, toCheck) =>
      `примечание: НЕ ПРОВЕРЕНО: текст нормы (${article}) не сверен с источником. Перед отправкой проверьте на ${source}: ${toCheck ?? 'норму в том виде, в каком её приводит письмо'}.`,
    caseWord: { goods: 'товары', services: 'услуги', telecom: 'связь', finance: 'финансы' },
    demandWord: { refund: 'возврат денег', repair: 'ремонт', replacement: 'замена', recalculation: 'перерасчёт', compensation: 'компенсация' },
    question: {
      '--from': 'Ваше имя, как вы подписываете письмо',
      '--case': 'О чём речь: товары (goods), услуги (services), связь (telecom) или финансы (finance)',
      '--account': 'Номер вашего лицевого счёта или договора с компанией',
      '--demand': 'Ваше требование: возврат денег (refund), ремонт (repair), замена (replacement), перерасчёт (recalculation) или компенсация (compensation)',
      '--amount': 'Сумма требования, числом',
      '--currency': 'Её валюта, код ISO 4217, например RUB или EUR',
      '--to': 'Название регулятора или омбудсмена, которому вы пишете',
    },
    ask: (question, flag) => `${question} (${flag})`,
    neededAnswer: 'без этого письмо не написать',
    claimFirst: (id, note = false) => `${note ? 'примечание: ' : ''}\`vetted due\` называет следующим шагом регулятора, но письмо регулятору говорит, что компании уже писали, поэтому это претензия компании (когда её отправят и она останется без ответа, \`vetted letter ${id}\` напишет регулятору)${note ? '.' : ''}`,
    needs: (kind, missing, stdinTemplate = false) => {
      const fact = (m: { flag: string; question: string }) => `${m.flag} (${lowerFirst(m.question)})`;
      const later = neededWith(missing).map((g) => `, а при ${g.flag} ${either(g.values, 'или')} ещё ${fmt.list(g.facts.map(fact))}`);
      return `для ${kindGen[kind]} нужно: ${missing.filter((m) => !m.onlyWith).map(fact).join(', ')}${later.join('')}; укажите ${missing.length === 1 ? 'его флагом' : 'их флагами'}${
        stdinTemplate ? ' в командной строке: стандартный ввод занят шаблоном, и спросить через него нельзя.' : ' или запустите команду в терминале, чтобы ответить на вопросы.'
      }`;
    },
    empty: (flag) => `${flag} не может быть пустым.`,
    tooLong: (flag, max) => `${flag} — не длиннее ${fmt.plural(max, { one: 'знака', few: 'знаков', many: 'знаков', other: 'знака' })}; сократите.`,
    badAmount: (given) => `--amount принимает сумму больше 0, например 500 или 12,50, без разделителей тысяч (1000, а не 1.000; не больше 999999999999,99), а не ${q(given)}.`,
    badCurrency: (given) => `--currency принимает трёхбуквенный код ISO 4217, например RUB или EUR, а не ${q(given)}.`,
    sentOnly: '--at и --channel говорят, когда и как письмо отправлено; указывайте их вместе с --sent.',
    badFormat: (given) => `--format принимает md или txt, а не ${q(given)}.`,
    inFuture: (at) => `--at ${at} — в будущем; письмо записывается, когда оно уже отправлено.`,
    currencyNeedsAmount: '--currency указывается вместе с --amount; укажите и сумму, например --amount 500 --currency RUB.',
    writeFirst: (id) =>
      `в жалобе регулятору говорится, что сначала вы написали компании, а в хронологии ${id} нет ни письма, ни электронного письма ей; сначала отправьте претензию (\`vetted letter ${id} --kind claim --sent\`: в терминале она спросит, чего не хватает, иначе назовёт это) или запишите уже отправленное письмо (\`vetted incident event ${id} contact --channel letter\`).`,
    inTemplate: (file, problem) => `шаблон ${file}: ${problem}.`,
    alreadySent: (kind, id, at) => `эта ${kindNom[kind]} уже есть в хронологии ${id} (отправлена ${fmt.dateTime(at)}); ничего не записано.`,
    skipWhy: {
      indicative: 'норма не проверена: её ещё никто не сверил с источником',
      'no-first-letter': 'в записях пока нет письма компании',
      'no-purchase-date': 'срок считается от даты покупки, а она не указана',
      'no-statement-date': 'срок считается от даты выписки, а она не указана',
      'term-not-passed': 'её срок ещё не истёк',
      'term-passed': 'её срок уже истёк',
      'company-term-not-passed': 'срок, в который компания должна ответить на ваше первое письмо, ещё не истёк',
    },
    article: (a) => a.ru,
    toCheck: (c) => (typeof c === 'string' ? c : c.ru),
    notCited: (article, why, flag) => `примечание: не упомянуто: ${article} — ${why}${flag ? ` (${flag})` : ''}.`,
    resolvedAlready: (id, kind) =>
      `примечание: обращение ${id} закрыто как решённое, а ${kind === 'complaint' ? 'эта жалоба' : 'это письмо'} говорит, что проблема не решена; чтобы потребовать то, что ещё причитается (извинения, компенсацию), напишите претензию (--kind claim), а если проблема вернулась, откройте обращение снова (vetted incident reopen ${id}).`,
    noTimeline: (id) =>
      `примечание: в обращении ${id} пока ничего не записано, поэтому рассказ письма о том, что произошло, пуст; сначала запишите каждый звонок, чат или письмо (\`vetted incident event ${id} contact --channel phone --at КОГДА\`), потом напишите письмо снова.`,
    citesNoLaw: 'примечание: в письме нет ссылок на закон; добавьте --jurisdiction ru, uk, eu или us, чтобы сослаться на нормы, которые применимы.',
    stillAwaiting: (sent, due, kind, id, at, passed) =>
      `на письмо, которое вы отправили ${fmt.date(sent)}, ${passed ? `ещё ждали ответа (срок — до ${fmt.date(due)}), когда было отправлено это` : `ответ ждут до ${fmt.date(due)} (тогда о нём напомнит \`vetted due\`)`}, поэтому ничего не записано; чтобы записать ещё одно, отправленное до этого срока, назовите его вид: vetted letter ${id} --kind ${kind} --sent${at === undefined ? '' : ` --at ${sh(at)}`}`,
    awaitingAnswer: (sent, due) => `примечание: компания должна ответить на ваше письмо от ${fmt.date(sent)} до ${fmt.date(due)}; регулятор может ожидать, что вы дождётесь этого ответа.`,
    citesIndicative: 'примечание: письмо ссылается на нормы, помеченные как ориентировочные (--allow-unverified); сначала сверьте их с источником.',
    recorded: (kind, at, attachment, replyBy, chased, id) =>
      `${cap(kindNom[kind])} записана как отправленная ${fmt.dateTime(at)} (её текст — вложение ${attachment}); ответ ожидается до ${fmt.date(replyBy)}, ${chased === 'open' ? 'и `vetted due` напомнит о нём.' : chased === 'after-fix' ? `и, хотя обращение ${id} закрыто, письмо отправлено после устранения проблемы, поэтому \`vetted due\` напомнит о нём.` : `но обращение ${id} закрыто, поэтому \`vetted due\` не напомнит о нём, пока обращение не откроют снова.`}`,
    wrote: (kind, file) => `${cap(kindNom[kind])} записана в ${file}`,
    listHeaders: ['ЯЗЫК', 'ВИД', 'ИСТОЧНИК', 'ФАЙЛ'],
    unusable: 'ваш, непригоден',
    source: { 'built-in': 'встроенный', user: 'ваш', file: 'файл' },
    valid: (file) => `${file}: шаблон письма в порядке`,
    problemAt: (file, line, problem) => `${file}:${line}: ${problem}`,
    templateFault: (f, line) => {
      switch (f.kind) {
        case 'stray':
          return `${q(f.text)} не открывает и не закрывает подстановку; подстановка пишется так: {{имя}}`;
        case 'bad-name':
          return `${q(f.tag)} — не подстановка: имя состоит из строчных латинских букв, цифр и _`;
        case 'never-opened':
          return `{{/${f.name}}} закрывает раздел, который не был открыт`;
        case 'crossed':
          return `{{/${f.name}}} закрывает {{#${f.open}}} из строки ${f.openLine}; сначала закройте его`;
        case 'never-closed':
          return `${f.tag} нигде не закрыт: нет {{/${f.name}}}`;
        case 'unknown':
          return `неизвестная подстановка ${f.tag}`;
        case 'is-list':
          return `{{${f.name}}} — список; повторяйте текст для каждого элемента: {{#${f.name}}} … {{/${f.name}}}`;
        case 'not-in-letter':
          return `шаблон называет {{${f.name}}} (строка ${line}), а в письме такого значения нет`;
        case 'no-value':
          return f.flag
            ? `в этом письме нет значения ${f.name} для {{${f.name}}} (строка ${line}); укажите его (${f.flag}) или поместите строку внутрь {{#${f.name}}} … {{/${f.name}}}`
            : `в этом письме нет значения ${f.name} для {{${f.name}}} (строка ${line}): его не задаёт ни один параметр, оно есть в письме, только когда его дают записи или закон, на который письмо ссылается; поместите строку внутрь {{#${f.name}}} … {{/${f.name}}}`;
        case 'unguarded':
          return `{{${f.name}}} стоит вне {{#${f.name}}} … {{/${f.name}}}: это значение не задаёт ни один параметр, оно есть в письме, только когда его дают записи или закон, на который письмо ссылается, а письмо без него не будет составлено; поместите строку внутрь этого раздела`;
        case 'not-of-item':
          return `${f.tag} внутри {{#${f.list}}} … {{/${f.list}}} — не поле его элементов (${f.fields.join(', ')}): это было бы значение всего письма, показанное у каждого элемента как его собственное; используйте одно из этих полей или вынесите его из раздела`;
        case 'not-single':
          return `{{${f.name}}} (строка ${line}) — не одно значение; используйте {{#${f.name}}} … {{/${f.name}}}`;
        case 'too-deep':
          return `разделы вложены здесь глубже ${fmt.plural(f.max, { one: 'уровня', few: 'уровней', many: 'уровней', other: 'уровня' })}; ни одному письму столько не нужно`;
        case 'empty':
          return 'шаблон пуст: по нему получилось бы письмо ни о чём';
        case 'repeats-itself':
          return `{{#${f.name}}} стоит внутри {{#${f.name}}}: весь список повторился бы для каждого своего элемента; сначала закройте внешний`;
        case 'too-large':
          return 'письмо при составлении разрослось далеко за пределы любого письма (списки повторяются друг внутри друга); упростите шаблон';
      }
    },
    noTemplate: (file) => `шаблона ${file} нет; проверьте путь.`,
    templateFolder: (file) => `${file} — папка; укажите путь к файлу шаблона.`,
    badTemplate: (file, line, problem, more, checkArg = file) => {
      const check = `\`vetted letters check ${checkArg === '-' ? '-\` с тем же вводом' : `${sh(checkArg)}\``}`;
      return more
        ? `шаблон ${file}:${line}: ${problem} (и ещё ${more}); все ошибки покажет ${check}.`
        : `шаблон ${file}:${line}: ${problem}; исправьте это и проверьте шаблон снова: ${check}.`;
    },
    badJurisdiction: (ids, given) => `--jurisdiction принимает ${ids.join(', ')}, а не ${q(given)}.`,
    top: '(верхний уровень)',
    problems: (list, more) => `${list.join('; ')}${more ? ` (и ещё ${more})` : ''}`,
    badPack: (file, problems) => `свод норм ${file}: ${problems}; исправьте его.`,
    badOverrides: (file, problems) => `ваши уточнения норм ${file}: ${problems}; исправьте их или удалите файл.`,
    lawFault: (f) => {
      switch (f.kind) {
        case 'text':
          return 'должно быть непустым текстом';
        case 'words':
          return `должно быть словарём с текстом на языках ${f.langs.join(' и ')}`;
        case 'text-or-words':
          return `должно быть непустым текстом или словарём с текстом на языках ${f.langs.join(' и ')}`;
        case 'language':
          return `неизвестный язык (${f.langs.join(' или ')})`;
        case 'one-of':
          return `должно быть одним из: ${f.values.join(', ')}`;
        case 'list-of':
          return `должно быть списком из: ${f.values.join(', ')}`;
        case 'days':
          return 'должно быть целым числом дней от 1 до 3650';
        case 'date':
          return 'должно быть датой, например 2026-12-02';
        case 'url':
          return 'должно быть адресом (http или https) текста, из которого взята норма';
        case 'id':
          return 'допустимы строчные латинские буквы, цифры и дефисы';
        case 'unknown-field':
          return 'неизвестное поле';
        case 'required':
          return 'обязательное поле';
        case 'verified-needs-date':
          return 'обязательно для проверенной нормы: дата, когда её прочитали в источнике';
        case 'date-ahead':
          return 'этот день ещё не наступил: укажите день, когда норму прочитали в источнике';
        case 'date-year':
          return `это день раньше ${f.first} года, когда ни одну норму сегодняшнего закона не читали: укажите день, когда норму прочитали в источнике`;
        case 'verified-needs-source':
          return 'обязательно для проверенной нормы: адрес текста, в котором её прочитали';
        case 'indicative-no-date':
          return 'только для проверенной нормы; ориентировочную ещё не сверяли с источником';
        case 'indicative-needs-to-check':
          return 'обязательно для ориентировочной нормы: что нужно сверить в источнике, прежде чем пометить её проверенной';
        case 'term-needs-both':
          return 'у нормы со сроком должны быть и value, и unit';
        case 'value-with-unit':
          return 'value и unit указываются вместе';
        case 'escalation-since':
          return 'срок эскалации считается от первого письма: since: first-letter';
        case 'pack-map':
          return 'свод норм должен быть словарём';
        case 'rule-map':
          return 'должно быть словарём';
        case 'regulators-map':
          return `должно быть словарём: вид дела (${f.cases.join(', ')}) → название на en и ru`;
        case 'not-case':
          return `не вид дела (${f.cases.join(', ')})`;
        case 'rules-list':
          return 'должно быть списком норм';
        case 'duplicate-id':
          return `${q(f.id)} уже занят другой нормой этого свода`;
        case 'overrides-map':
          return 'должно быть словарём: юрисдикция → уточнения норм';
        case 'not-jurisdiction':
          return `не юрисдикция (${f.ids.join(', ')})`;
        case 'overrides-of':
          return 'должно быть словарём: id нормы → поля, которые вы меняете';
        case 'not-rule':
          return `нет такой нормы в своде ${f.jurisdiction} (${f.ids.join(', ') || 'в нём нет норм'})`;
        case 'fields-map':
          return 'должно быть словарём полей, которые вы меняете';
      }
    },
  },

  prompts: {
    title: 'Что случилось? (коротко)',
    titleNeeded: 'С заголовком обращение легче найти потом.',
    fault: 'Чья это, похоже, вина?',
    faultLabel: {
      company: 'компании (подвели их товар, услуга или сотрудники)',
      'third-party': 'кого-то ещё (перевозчик, отключение света, поставщик)',
      customer: 'моя (я ошибся или просто передумал)',
      unknown: 'пока неясно',
    },
    firstContact: 'Записать первый контакт с ними сейчас?',
    firstContactAt: 'Когда это было? (например, 23.11.2026 18:00 или 2026-11-23 18:00)',
    notYet: (now) => `Это ещё не наступило (сейчас ${fmt.dateTime(now)}); укажите время, когда это было.`,
    skipped: (reads, zoned) =>
      `Такого времени здесь не было: часы перевели вперёд (оно читалось бы как ${fmt.dateTime(reads)}); укажите время, которое показывали часы, или время со сдвигом от UTC (например, ${zoned}).`,
    beforeOpened: (opened) => `Это раньше, чем открыто обращение (${fmt.dateTime(opened)}); укажите время не раньше.`,
    question: {
      channel: 'Как вы связались?',
      reached_human: 'Ответил живой человек?',
      wait_minutes: 'Сколько минут прошло до ответа человека (или пока вы не сдались)?',
      robot: 'Мешало голосовое меню или бот?',
      queue_position: 'Какое у вас было место в очереди, если его назвали? (Enter — пропустить)',
      dropped: 'Связь оборвалась или никто не ответил?',
      level: 'Кто это был? (насколько высоко в компании)',
      note: 'Заметка (имена, что сказали; Enter — пропустить)',
      text: 'Что именно сказали? (их словами)',
      due: 'К какому сроку? (например, 23.11.2026 18:00 или 2026-11-23 18:00)',
      kept: 'Сдержали?',
      amount: 'Сколько? (Enter — пропустить)',
      currency: 'Валюта (код ISO, например RUB или EUR; Enter — пропустить)',
      kind: 'Какая компенсация?',
      proactive: 'Предложили сами, без просьбы?',
      effort: 'Чего вам стоило её добиться?',
      policy: 'Сказали, что это политика компании?',
      outcome: 'Чем закончилось?',
    },
    needed: 'Это обязательно.',
    wholeNumber: (max) => `Целое число от 0 до ${fmt.number(max)}, пожалуйста.`,
    aNumber: 'Число, пожалуйста, например 50 или 12,5.',
    aDate: 'Дата, например 23.11.2026 18:00, 2026-11-23 18:00 или сегодня 18:00.',
    anOffset: (offset) => `Сдвига ${offset} от UTC нет ни у одних часов (сдвиги — от -12:00 до +14:00); нужен настоящий сдвиг или никакого для местного времени.`,
    aYear: (year, first, last) => `Это ${year} год; нужна дата с ${first} по ${last} год.`,
    dueBeforeMade: (at) => `Срок обещания не может быть раньше, чем оно дано (${fmt.dateTime(at)}); укажите более позднее время.`,
    aCurrency: 'Трёхбуквенный код, например RUB.',
  },
};
