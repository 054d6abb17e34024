// Validating checklists: every kind of problem with its path; the YAML reader's lines and
// columns; and the built-in checklists, with `general` held to the table in CHECKLISTS.md.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateChecklist, formatPath, localize, type Checklist, type ChecklistProblem, type LocalText, type Path } from '../../src/domain/checklist.js';
import { checklistsDataOf, parseChecklistText, type LocatedProblem } from '../../src/formats/checklist-file.js';
import { en } from '../../src/i18n/en.js';
import { ru } from '../../src/i18n/ru.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BUILT_IN = resolve(ROOT, 'checklists');

// ---- a small valid document to break one thing at a time ----

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- documents are deliberately broken in every way
type Doc = Record<string, any>;

function validDoc(): Doc {
  return {
    id: 'tiny',
    version: 1,
    title: { en: 'Tiny', ru: 'Крошечный' },
    description: 'A checklist for tests.',
    questions: [
      {
        id: 'q1',
        text: { en: 'First?', ru: 'Первый?' },
        help: 'Ask.',
        weight: 2,
        answers: [
          { value: 'good', label: 'Good', score: 1 },
          { value: 'bad', label: { en: 'Bad', ru: 'Плохо' }, score: 0, dealbreaker: true },
        ],
      },
      {
        id: 'q2',
        text: 'Second?',
        answers: [
          { value: 'yes', label: 'Yes', score: 0.5 },
          { value: 'not-applicable', label: 'N/A', score: null },
        ],
      },
    ],
  };
}

/** The problems of a document, in the English catalog's words. */
function errorsOf(doc: unknown): { path: Path; message: string }[] {
  const result = validateChecklist(doc);
  if ('value' in result) throw new Error('expected problems, got a valid checklist');
  return result.errors.map((e: ChecklistProblem) => ({ path: e.path, message: en.checklists.fault(e.fault) }));
}

/** A file's problems, each with its message in the English catalog's words. */
function inWords(problems: LocatedProblem[]): { line: number; col: number; path: string; message: string }[] {
  return problems.map(({ line, col, path, fault }) => ({ line, col, path, message: en.checklists.fault(fault) }));
}

function valueOf(doc: unknown): Checklist {
  const result = validateChecklist(doc);
  if ('errors' in result) throw new Error(`expected a valid checklist, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

const A0: Path = ['questions', 0, 'answers', 0];

describe('validateChecklist: one problem at a time', () => {
  const cases: [name: string, change: (d: Doc) => void, path: Path, message: RegExp][] = [
    // the checklist
    ['missing id', (d) => delete d.id, ['id'], /lower-case words and dashes/],
    ['id with capitals', (d) => (d.id = 'General'), ['id'], /lower-case words and dashes/],
    ['id with an underscore', (d) => (d.id = 'my_list'), ['id'], /lower-case words and dashes/],
    ['id with a leading dash', (d) => (d.id = '-tiny'), ['id'], /lower-case words and dashes/],
    ['id with a double dash', (d) => (d.id = 'a--b'), ['id'], /lower-case words and dashes/],
    ['id with a space', (d) => (d.id = 'my list'), ['id'], /lower-case words and dashes/],
    ['empty id', (d) => (d.id = ''), ['id'], /lower-case words and dashes/],
    ['numeric id', (d) => (d.id = 42), ['id'], /lower-case words and dashes/],
    ['missing version', (d) => delete d.version, ['version'], /whole number from 1 up/],
    ['version 0', (d) => (d.version = 0), ['version'], /whole number from 1 up/],
    ['negative version', (d) => (d.version = -1), ['version'], /whole number from 1 up/],
    ['fractional version', (d) => (d.version = 1.5), ['version'], /whole number from 1 up/],
    ['version as a string', (d) => (d.version = '1'), ['version'], /whole number from 1 up/],
    ['missing title', (d) => delete d.title, ['title'], /^is required$/],
    ['null title', (d) => (d.title = null), ['title'], /^is required$/],
    ['blank title', (d) => (d.title = '   '), ['title'], /must not be empty/],
    ['numeric title', (d) => (d.title = 5), ['title'], /string or a map of language to string/],
    ['title as a list', (d) => (d.title = ['Tiny']), ['title'], /string or a map of language to string/],
    ['title with no language', (d) => (d.title = {}), ['title'], /at least one language/],
    ['title with an empty translation', (d) => (d.title.ru = ''), ['title', 'ru'], /non-empty string/],
    ['title with a numeric translation', (d) => (d.title.ru = 7), ['title', 'ru'], /non-empty string/],
    ['title with an upper-case language code', (d) => (d.title.EN = 'Tiny'), ['title', 'EN'], /"EN" is not a language code/],
    ['title with a language name for a code', (d) => (d.title.english = 'Tiny'), ['title', 'english'], /"english" is not a language code/],
    ['title with a region in the code', (d) => (d.title['en-GB'] = 'Tiny'), ['title', 'en-GB'], /"en-GB" is not a language code/],
    ['description with a bad language code', (d) => (d.description = { russian: 'Для тестов' }), ['description', 'russian'], /not a language code/],
    ['blank description', (d) => (d.description = ''), ['description'], /must not be empty/],
    ['missing questions', (d) => delete d.questions, ['questions'], /at least one question/],
    ['empty questions', (d) => (d.questions = []), ['questions'], /at least one question/],
    ['questions as a map', (d) => (d.questions = { q1: d.questions[0] }), ['questions'], /at least one question/],
    ['unknown field in the checklist', (d) => (d.name = 'Tiny'), ['name'], /^unknown field \(expected one of: id, version, title, description, questions\)$/],
    // a question
    ['question that is not a map', (d) => (d.questions[0] = 'q1'), ['questions', 0], /map with id, text and answers/],
    ['question without id', (d) => delete d.questions[0].id, ['questions', 0, 'id'], /lower-case words and dashes/],
    ['question with a bad id', (d) => (d.questions[1].id = 'Q2'), ['questions', 1, 'id'], /lower-case words and dashes/],
    ['question without text', (d) => delete d.questions[0].text, ['questions', 0, 'text'], /^is required$/],
    ['question with a bad language code', (d) => (d.questions[0].text.english = 'First?'), ['questions', 0, 'text', 'english'], /not a language code/],
    ['question with blank help', (d) => (d.questions[0].help = { en: ' ' }), ['questions', 0, 'help', 'en'], /non-empty string/],
    ['weight 0', (d) => (d.questions[0].weight = 0), ['questions', 0, 'weight'], /positive number/],
    ['negative weight', (d) => (d.questions[0].weight = -2), ['questions', 0, 'weight'], /positive number/],
    ['weight as a string', (d) => (d.questions[0].weight = '2'), ['questions', 0, 'weight'], /positive number/],
    ['infinite weight', (d) => (d.questions[0].weight = Infinity), ['questions', 0, 'weight'], /positive number/],
    ['NaN weight', (d) => (d.questions[0].weight = NaN), ['questions', 0, 'weight'], /positive number/],
    ['a weight too small to count', (d) => (d.questions[0].weight = 5e-324), ['questions', 0, 'weight'], /positive number, from 0\.01 to 100/],
    ['an unknown answer scored otherwise', (d) => d.questions[1].answers.push({ value: 'unknown', label: 'no idea', score: 1 }), ['questions', 1, 'answers', 2, 'score'], /scores 0\.2 in every checklist/],
    ['an unknown answer as a dealbreaker', (d) => d.questions[1].answers.push({ value: 'unknown', label: 'no idea', score: 0.2, dealbreaker: true }), ['questions', 1, 'answers', 2, 'dealbreaker'], /is no dealbreaker/],
    ['question without answers', (d) => delete d.questions[1].answers, ['questions', 1, 'answers'], /at least one answer/],
    ['question with an empty answer list', (d) => (d.questions[1].answers = []), ['questions', 1, 'answers'], /at least one answer/],
    ['question with answers as a map', (d) => (d.questions[1].answers = { yes: 1 }), ['questions', 1, 'answers'], /at least one answer/],
    ['duplicate question id', (d) => (d.questions[1].id = 'q1'), ['questions', 1, 'id'], /"q1" appears twice in this checklist/],
    ['unknown field in a question', (d) => (d.questions[1].scores = [1]), ['questions', 1, 'scores'], /^unknown field \(expected one of: id, text, help, weight, answers\)$/],
    // an answer
    ['answer that is not a map', (d) => (d.questions[0].answers[0] = 'good'), A0, /map with value, label and score/],
    ['answer without value', (d) => delete d.questions[0].answers[0].value, [...A0, 'value'], /lower-case words and dashes/],
    ['answer with a bad value', (d) => (d.questions[0].answers[0].value = 'Good'), [...A0, 'value'], /lower-case words and dashes/],
    ['answer without label', (d) => delete d.questions[0].answers[0].label, [...A0, 'label'], /^is required$/],
    ['answer label with a bad language code', (d) => (d.questions[0].answers[1].label.RU = 'Плохо'), ['questions', 0, 'answers', 1, 'label', 'RU'], /not a language code/],
    ['duplicate answer value', (d) => (d.questions[1].answers[1].value = 'yes'), ['questions', 1, 'answers', 1, 'value'], /"yes" appears twice in this question/],
    ['score missing', (d) => delete d.questions[0].answers[0].score, [...A0, 'score'], /^is required \(a number from 0 to 1, or null\)$/],
    ['score above 1', (d) => (d.questions[0].answers[0].score = 1.5), [...A0, 'score'], /^must be a number from 0 to 1, or null$/],
    ['score of 100 (a percentage)', (d) => (d.questions[0].answers[0].score = 100), [...A0, 'score'], /number from 0 to 1/],
    ['negative score', (d) => (d.questions[0].answers[0].score = -0.1), [...A0, 'score'], /number from 0 to 1/],
    ['score as a string', (d) => (d.questions[0].answers[0].score = '0.5'), [...A0, 'score'], /number from 0 to 1/],
    ['score as a boolean', (d) => (d.questions[0].answers[0].score = true), [...A0, 'score'], /number from 0 to 1/],
    ['NaN score', (d) => (d.questions[0].answers[0].score = NaN), [...A0, 'score'], /number from 0 to 1/],
    ['dealbreaker as a string', (d) => (d.questions[0].answers[1].dealbreaker = 'yes'), ['questions', 0, 'answers', 1, 'dealbreaker'], /^must be true or false$/],
    ['dealbreaker as a number', (d) => (d.questions[0].answers[1].dealbreaker = 1), ['questions', 0, 'answers', 1, 'dealbreaker'], /true or false/],
    ['dealbreaker null', (d) => (d.questions[0].answers[1].dealbreaker = null), ['questions', 0, 'answers', 1, 'dealbreaker'], /true or false/],
    ['a dealbreaker left out of the score', (d) => (d.questions[1].answers[1].dealbreaker = true), ['questions', 1, 'answers', 1, 'dealbreaker'], /left out of the score .* cannot fail the check; give it a score of 0/],
    [
      'unknown field in an answer',
      (d) => (d.questions[0].answers[0].points = 1),
      [...A0, 'points'],
      /^unknown field \(expected one of: value, label, score, dealbreaker\)$/,
    ],
  ];

  it('the base document is valid', () => {
    expect(valueOf(validDoc()).id).toBe('tiny');
  });

  it.each(cases)('%s', (_name, change, path, message) => {
    const doc = validDoc();
    change(doc);
    const errors = errorsOf(doc);
    expect(errors.map((e) => e.path)).toEqual([path]);
    expect(errors[0].message).toMatch(message);
  });
});

describe('validateChecklist: the whole document', () => {
  it.each([null, undefined, 'general', 42, [], [{ id: 'x' }]])('refuses %j as a document', (doc) => {
    expect(errorsOf(doc)).toEqual([{ path: [], message: 'a checklist must be a map with id, version, title and questions' }]);
  });

  it('reports every problem at once, each with its path', () => {
    const doc = validDoc();
    doc.id = 'Bad Id';
    doc.version = 0;
    delete doc.title;
    doc.extra = true;
    doc.questions[0].weight = 0;
    doc.questions[0].answers[0].score = 2;
    doc.questions[1].id = 'q1';
    doc.questions[1].answers[1].value = 'yes';
    const paths = errorsOf(doc).map((e) => formatPath(e.path));
    expect(paths.sort()).toEqual(
      [
        'extra',
        'id',
        'version',
        'title',
        'questions[0].weight',
        'questions[0].answers[0].score',
        'questions[1].id',
        'questions[1].answers[1].value',
      ].sort(),
    );
  });

  it('fills in weight 1 and the unknown answer, without touching the input', () => {
    const doc = validDoc();
    const before = structuredClone(doc);
    const c = valueOf(doc);
    expect(doc).toEqual(before);
    expect(c.questions.map((q) => q.weight)).toEqual([2, 1]);
    expect(c.questions.map((q) => q.answers.map((a) => a.value))).toEqual([
      ['good', 'bad', 'unknown'],
      ['yes', 'not-applicable', 'unknown'],
    ]);
    expect(c.questions[0].answers[2]).toEqual({ value: 'unknown', label: { en: 'Could not find out', ru: 'Не удалось выяснить' }, score: 0.2 });
  });

  it('keeps a question\'s own unknown answer and does not add a second', () => {
    const doc = validDoc();
    doc.questions[1].answers.push({ value: 'unknown', label: 'No idea', score: 0.2 });
    const q2 = valueOf(doc).questions[1];
    expect(q2.answers.filter((a) => a.value === 'unknown')).toEqual([{ value: 'unknown', label: 'No idea', score: 0.2 }]);
  });

  it.each([
    ['a plain-string title', (d: Doc) => (d.title = 'Tiny')],
    ['score 0 and score 1', (d: Doc) => (d.questions[1].answers[0].score = 0)],
    ['a null score', (d: Doc) => (d.questions[0].answers[0].score = null)],
    ['dealbreaker false', (d: Doc) => (d.questions[0].answers[0].dealbreaker = false)],
    ['a fractional weight', (d: Doc) => (d.questions[0].weight = 0.5)],
    ['a three-letter language code', (d: Doc) => (d.title.ukr = 'Крихітний')],
    ['no description and no help', (d: Doc) => (delete d.description, delete d.questions[0].help)],
    ['digits in ids', (d: Doc) => ((d.id = 'v2-list'), (d.questions[0].id = 'q-1'))],
  ])('accepts %s', (_name, change) => {
    const doc = validDoc();
    change(doc);
    expect('value' in validateChecklist(doc)).toBe(true);
  });
});

describe('formatPath', () => {
  it.each([
    [[], ''],
    [['id'], 'id'],
    [['questions', 2, 'answers', 0, 'score'], 'questions[2].answers[0].score'],
    [['title', 'ru'], 'title.ru'],
  ] as [Path, string][])('%j -> %s', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});

describe('localize', () => {
  it.each([
    ['a plain string', 'Hello', 'ru', 'Hello'],
    ['the asked language', { en: 'Hello', ru: 'Привет' }, 'ru', 'Привет'],
    ['English when the language is missing', { en: 'Hello', de: 'Hallo' }, 'ru', 'Hello'],
    ['any language when English is missing too', { de: 'Hallo' }, 'ru', 'Hallo'],
    ['nothing for no text', undefined, 'en', ''],
  ] as [string, LocalText | undefined, 'en' | 'ru', string][])('%s', (_name, text, lang, out) => {
    expect(localize(text, lang)).toBe(out);
  });
});

describe('an optional text left empty in YAML (null)', () => {
  // `description:` or `help:` with nothing after the colon is null in YAML: read as absent.
  it('is either refused or read as absent, so that it can be shown', () => {
    const text = [
      'id: empty-texts',
      'version: 1',
      'title: Empty optional texts',
      'description:',
      'questions:',
      '  - id: q',
      '    text: A question?',
      '    help:',
      '    answers:',
      '      - { value: yes, label: Yes, score: 1 }',
    ].join('\n');
    const { checklist } = parseChecklistText(text);
    expect(checklist).toBeDefined();
    expect(localize(checklist!.description, 'en')).toBe('');
    expect(localize(checklist!.questions[0].help, 'en')).toBe('');
  });
});

// ---- the YAML reader ----

const DEEP = `id: deep
version: 1
title:
  en: Deep
  ru: Глубокий
questions:
  - id: first
    text: First?
    answers:
      - value: good
        label: Good
        score: 1
  - id: second
    text: Second?
    weight: 2
    answers:
      - value: fine
        label: Fine
        score: 0.5
      - value: awful
        label: Awful
        score: 1.5
`;

describe('parseChecklistText', () => {
  it('reads a valid checklist', () => {
    const { checklist, problems } = parseChecklistText(DEEP.replace('score: 1.5', 'score: 0'));
    expect(problems).toEqual([]);
    expect(checklist?.questions.map((q) => [q.id, q.weight, q.answers.map((a) => a.value)])).toEqual([
      ['first', 1, ['good', 'unknown']],
      ['second', 2, ['fine', 'awful', 'unknown']],
    ]);
  });

  it('points at the line and column of a bad value deep in the file', () => {
    const { checklist, problems } = parseChecklistText(DEEP);
    expect(checklist).toBeUndefined();
    expect(inWords(problems)).toEqual([
      { line: 22, col: 16, path: 'questions[1].answers[1].score', message: 'must be a number from 0 to 1, or null' },
    ]);
  });

  it('says in words of its own a key given twice, nesting too deep for the parser, and an alias bomb', () => {
    expect(inWords(parseChecklistText('id: x\nid: y\n').problems)).toEqual([{ line: 2, col: 1, path: '', message: 'a key is given twice in one map; keep one of them' }]);
    const deep = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    expect(inWords(parseChecklistText(deep, 'deep.json').problems).map((p) => p.message)).toEqual([expect.stringMatching(/^lists or maps nest too deeply to be read/)]);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdef'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdef'[i]}`).join(', ')}]`), `g: [${Array(9).fill('*f').join(', ')}]`].join('\n');
    expect(inWords(parseChecklistText(bomb, 'bomb.yaml').problems).map((p) => p.message)).toEqual(['too many YAML aliases, as an alias bomb has; write the data out in full']);
    // An alias to no anchor is said at its line, in the catalog's words (the parser's were English, at the top of the file).
    expect(inWords(parseChecklistText('id: w\nversion: 1\ntitle: *nope\n', 'un.yaml').problems)).toEqual([
      { line: 3, col: 1, path: '', message: expect.stringMatching(/^the YAML alias \*nope names no anchor before it/) },
    ]);
  });

  it('reads a score of -0 as 0 (it was shown as "-0")', () => {
    const { checklist } = parseChecklistText('id: z\nversion: 1\ntitle: x\nquestions:\n  - id: q\n    text: t\n    answers:\n      - {value: a, label: A, score: -0}\n');
    expect(Object.is(checklist!.questions[0].answers[0].score, 0)).toBe(true);
  });

  it('reads a key that is a list as its text, and says it is no field, without a warning of the engine on the terminal', async () => {
    const warnings: string[] = [];
    const listen = (w: Error) => warnings.push(w.message);
    process.on('warning', listen);
    try {
      const text = 'id: w\nversion: 1\ntitle: x\nquestions:\n  - id: q\n    text: t\n    answers:\n      - value: a\n        label: A\n        score: 1\n        ? [x]\n        : y\n';
      expect(inWords(parseChecklistText(text).problems).map((p) => `${p.path}: ${p.message}`)).toEqual(['questions[0].answers[0].[ x ]: unknown field (expected one of: value, label, score, dealbreaker)']);
      // A warning is emitted on a later turn.
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      process.off('warning', listen);
    }
    expect(warnings).toEqual([]);
  });

  it('refuses a list aliased many times over as an alias bomb, though the parser counts few aliases (33 KB of text, a million maps)', () => {
    const amplified = ['id: amp', 'version: 1', 'title: x', 'questions:', `  - {id: q, text: t, answers: &a [${Array(10_000).fill('{}').join(',')}]}`];
    for (let i = 0; i < 99; i++) amplified.push(`  - {id: q${i}, text: t, answers: *a}`);
    const started = performance.now();
    expect(inWords(parseChecklistText(amplified.join('\n'), 'amp.yaml').problems).map((p) => p.message)).toEqual(['too many YAML aliases, as an alias bomb has; write the data out in full']);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('takes at most 300 questions of 30 answers each, and says so once rather than the problems of each answer (45,000 ran out of stack)', () => {
    const answers = (n: number) => `[${Array(n).fill('{}').join(',')}]`;
    const one = (n: number) => `id: flat\nversion: 1\ntitle: x\nquestions:\n  - {id: q, text: t, answers: ${answers(n)}}\n`;
    expect(inWords(parseChecklistText(one(45_000)).problems)).toEqual([{ line: 5, col: 31, path: 'questions[0].answers', message: 'offers 45,000 answers, where a question offers at most 30' }]);
    expect(inWords(parseChecklistText(one(30)).problems).map((p) => p.message)).not.toContain('offers 30 answers, where a question offers at most 30');
    const questions = Array.from({ length: 301 }, (_, i) => `  - {id: q${i}, text: t, answers: [{value: a, label: A, score: 1}]}`).join('\n');
    expect(inWords(parseChecklistText(`id: many\nversion: 1\ntitle: x\nquestions:\n${questions}\n`).problems).map((p) => p.message)).toEqual(['asks 301 questions, where a checklist asks at most 300']);
    expect(parseChecklistText(`id: many\nversion: 1\ntitle: x\nquestions:\n${questions.split('\n').slice(0, 300).join('\n')}\n`).checklist?.questions).toHaveLength(300);
    // In Russian, each count with its own form of the word.
    expect(ru.checklists.fault({ kind: 'too-many', what: 'questions', count: 301, max: 300 })).toBe('301 вопрос, а в чек-листе их может быть не больше 300');
    expect(ru.checklists.fault({ kind: 'too-many', what: 'answers', count: 32, max: 30 })).toBe('32 ответа, а у вопроса их может быть не больше 30');
  });

  it('points at the answer when its score is missing', () => {
    const { problems } = parseChecklistText(DEEP.replace('        score: 1.5\n', ''));
    expect(inWords(problems)).toEqual([
      { line: 20, col: 9, path: 'questions[1].answers[1].score', message: 'is required (a number from 0 to 1, or null)' },
    ]);
  });

  it('points at the line of an unknown field', () => {
    const { problems } = parseChecklistText(DEEP.replace('    weight: 2\n', '    weight: 2\n    wieght: 3\n'));
    expect(problems).toHaveLength(2);
    const p = inWords(problems).find((x) => x.path === 'questions[1].wieght');
    expect(p).toMatchObject({ line: 16, message: expect.stringMatching(/^unknown field/) });
    // the key (col 5) or its value (col 13)
    expect([5, 13]).toContain(p!.col);
    // and the score problem is still there, on its own line
    expect(problems.find((x) => x.path === 'questions[1].answers[1].score')?.line).toBe(23);
  });

  it('reports several problems at once, each on its own line', () => {
    const text = `id: Many_Problems
version: 0
title: { en: Many, english: Many }
colour: red
questions:
  - id: one
    text: One?
    weight: -1
    answers:
      - value: a
        label: A
        score: 1
      - value: a
        label: A again
        score: 0
        dealbreaker: yes please
  - id: one
    text: One again?
    answers: []
`;
    const { checklist, problems } = parseChecklistText(text);
    expect(checklist).toBeUndefined();
    const byPath = Object.fromEntries(problems.map((p) => [p.path, [p.line, p.col]]));
    expect(byPath).toEqual({
      colour: [4, 9],
      id: [1, 5],
      version: [2, 10],
      'title.english': [3, 29],
      'questions[0].weight': [8, 13],
      'questions[0].answers[1].value': [13, 16],
      'questions[0].answers[1].dealbreaker': [16, 22],
      'questions[1].id': [17, 9],
      'questions[1].answers': [19, 14],
    });
    expect(problems).toHaveLength(9);
  });

  it.each([
    ['a reserved character', '@first'],
    ['a backtick', '`first`'],
  ])('reports a YAML syntax error (%s) with its line and column', (_name, bad) => {
    const text = `id: broken
version: 1
title: Broken
questions:
  - id: q
    text: ${bad}
    answers: []
`;
    const { checklist, problems } = parseChecklistText(text);
    expect(checklist).toBeUndefined();
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ line: 6, col: 11, path: '' });
    expect(inWords(problems)[0].message).toMatch(/reserved character/);
  });

  it('reports an unclosed quote, at the end of the file where it is noticed', () => {
    const text = 'id: broken\nversion: 1\ntitle: "Broken\nquestions: []\n';
    const { checklist, problems } = parseChecklistText(text);
    expect(checklist).toBeUndefined();
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.path === '' && p.line >= 3)).toBe(true);
  });

  it('reports a bad indentation with its line', () => {
    const text = 'id: x\nversion: 1\ntitle: X\n  questions: []\n';
    const { problems } = parseChecklistText(text);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ line: 3, path: '' });
  });

  it('reports a duplicate key with its line and column', () => {
    const text = 'id: x\nversion: 1\ntitle: X\nversion: 2\nquestions: []\n';
    const { checklist, problems } = parseChecklistText(text);
    expect(checklist).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 4, col: 1, path: '' });
    expect(inWords(problems)[0].message).toMatch(/given twice/i);
  });

  it('reports an empty file', () => {
    expect(inWords(parseChecklistText('').problems)).toEqual([
      { line: 1, col: 1, path: '', message: 'a checklist must be a map with id, version, title and questions' },
    ]);
  });

  it('refuses a YAML list for a checklist', () => {
    const { problems } = parseChecklistText('- id: x\n- version: 1\n');
    expect(inWords(problems)).toEqual([{ line: 1, col: 1, path: '', message: 'a checklist must be a map with id, version, title and questions' }]);
  });
});

// ---- the built-in checklists ----

const builtInFiles = readdirSync(BUILT_IN)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();

function loadBuiltIn(file: string): Checklist {
  const { checklist, problems } = parseChecklistText(readFileSync(resolve(BUILT_IN, file), 'utf8'));
  expect(problems).toEqual([]);
  return checklist!;
}

function expectBilingual(text: LocalText | undefined, where: string): void {
  expect(text, where).toBeTypeOf('object');
  const map = text as Record<string, string>;
  expect(map.en?.trim(), `${where}.en`).toBeTruthy();
  expect(map.ru?.trim(), `${where}.ru`).toBeTruthy();
  // the Russian text is Russian, not an English copy
  expect(map.ru, `${where}.ru`).toMatch(/[а-яё]/i);
}

describe('the built-in checklists', () => {
  it('include general, online-order and subscription', () => {
    expect(builtInFiles).toEqual(expect.arrayContaining(['general.yaml', 'online-order.yaml', 'subscription.yaml']));
  });

  it('have distinct ids', () => {
    const ids = builtInFiles.map((f) => loadBuiltIn(f).id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  describe.each(builtInFiles)('%s', (file) => {
    it('is valid, and its id is its file name', () => {
      const c = loadBuiltIn(file);
      expect(c.id).toBe(basename(file).replace(/\.ya?ml$/, ''));
      expect(c.version).toBeGreaterThanOrEqual(1);
      expect(c.questions.length).toBeGreaterThan(0);
    });

    it('has English and Russian for every text', () => {
      const c = loadBuiltIn(file);
      expectBilingual(c.title, 'title');
      expectBilingual(c.description, 'description');
      for (const q of c.questions) {
        expectBilingual(q.text, `${q.id}.text`);
        if (q.help !== undefined) expectBilingual(q.help, `${q.id}.help`);
        for (const a of q.answers) expectBilingual(a.label, `${q.id}.${a.value}.label`);
      }
    });

    it('offers unknown (score 0.2, no dealbreaker) in every question, written in the file', () => {
      const c = loadBuiltIn(file);
      const raw = readFileSync(resolve(BUILT_IN, file), 'utf8');
      const written = (raw.match(/^\s*- value: unknown\s*$/gm) ?? []).length;
      expect(written).toBe(c.questions.length);
      for (const q of c.questions) {
        const unknown = q.answers.filter((a) => a.value === 'unknown');
        expect(unknown, q.id).toHaveLength(1);
        expect(unknown[0].score, q.id).toBe(0.2);
        expect(unknown[0].dealbreaker ?? false, q.id).toBe(false);
      }
    });

    it('lets every question be answered well: some answer scores 1', () => {
      const c = loadBuiltIn(file);
      for (const q of c.questions) expect(q.answers.some((a) => a.score === 1), q.id).toBe(true);
    });
  });
});

describe("the build's copy of the built-in checklists (dist/checklists.json, read by the built commands)", () => {
  // The tests run after a fresh build (test/global-setup.ts).
  const built = JSON.parse(readFileSync(resolve(ROOT, 'dist', 'checklists.json'), 'utf8')) as Record<string, unknown>;

  it('holds every built-in file, and nothing else', () => {
    expect(Object.keys(built).sort()).toEqual([...builtInFiles].sort());
  });

  it.each(builtInFiles)('%s: the checklist its file reads as, checked as a file is', (file) => {
    const copy = validateChecklist(built[file]);
    expect('value' in copy && copy.value).toEqual(loadBuiltIn(file));
  });
});

describe('the data the build keeps of a folder of checklists (checklistsDataOf)', () => {
  it("is each file's data as the program reads it, merge keys taken; a file with a problem stops it, named with its line", () => {
    const dir = mkdtempSync(join(tmpdir(), 'vetted-built-'));
    try {
      const text = [
        'id: repairs',
        'version: 1',
        'title: {en: "A repair shop", ru: "Мастерская"}',
        'questions:',
        '  - id: warranty',
        '    text: {en: "Warranty?", ru: "Гарантия?"}',
        '    weight: 1',
        '    answers: &yn',
        '      - {value: "yes", label: &y {en: "Yes", ru: "Да"}, score: 1}',
        '      - {value: "no", label: {en: "No", ru: "Нет"}, score: 0}',
        '  - id: quote',
        '    text: {<<: *y, en: "Price quoted first?"}',
        '    weight: 1',
        '    answers: *yn',
        '',
      ].join('\n');
      writeFileSync(join(dir, 'repairs.yaml'), text);
      const data = checklistsDataOf(dir);
      expect(Object.keys(data)).toEqual(['repairs.yaml']);
      expect(data['repairs.yaml']).toEqual(parseChecklistText(text).data);
      expect((data['repairs.yaml'] as { questions: { text: unknown }[] }).questions[1].text).toEqual({ en: 'Price quoted first?', ru: 'Да' });
      // The copy, checked, is the checklist the file reads as.
      const copy = validateChecklist(JSON.parse(JSON.stringify(data))['repairs.yaml']);
      expect('value' in copy && copy.value).toEqual(parseChecklistText(text).checklist);
      writeFileSync(join(dir, 'zz.yaml'), 'id: zz\nversion: 1\ntitle: {en: x, ru: y}\nquestions: []\n');
      expect(() => checklistsDataOf(dir)).toThrow(/zz\.yaml:4:\d+: questions: /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// The table of CHECKLISTS.md, "The built-in `general` checklist (version 1)".
// [question id, weight, [answer value, score (null for –), dealbreaker]]
const GENERAL_TABLE: [string, number, [string, number | null, boolean][]][] = [
  ['who-helps', 3, [['named-person', 1, false], ['live-support', 0.8, false], ['tickets-only', 0.4, false], ['bot-only', 0.1, false], ['nobody', 0, true], ['unknown', 0.2, false]]],
  ['who-repairs', 2, [['they-come', 1, false], ['ship-free', 0.8, false], ['bring-in', 0.3, false], ['not-covered', 0, true], ['not-applicable', null, false], ['unknown', 0.2, false]]],
  ['who-to-ask', 1, [['human-help', 1, false], ['docs-only', 0.5, false], ['nobody', 0, false], ['unknown', 0.2, false]]],
  ['returns', 2, [['free-return', 1, false], ['paid-return', 0.6, false], ['exchange-only', 0.4, false], ['no-returns', 0, false], ['not-applicable', null, false], ['unknown', 0.2, false]]],
  ['cancel', 3, [['self-service', 1, false], ['by-request', 0.6, false], ['with-penalty', 0.3, false], ['in-person-only', 0.1, false], ['cannot', 0, true], ['not-applicable', null, false], ['unknown', 0.2, false]]],
  ['after-leaving', 1, [['keep-everything', 1, false], ['partial', 0.5, false], ['nothing', 0, false], ['not-applicable', null, false], ['unknown', 0.2, false]]],
  ['lost-parcel', 2, [['seller-replaces', 1, false], ['claim-carrier', 0.4, false], ['buyer-pays', 0, true], ['not-applicable', null, false], ['unknown', 0.2, false]]],
  ['reach-human', 2, [['minutes', 1, false], ['within-hour', 0.6, false], ['within-day', 0.3, false], ['never', 0, false], ['unknown', 0.2, false]]],
  ['compensation', 1, [['automatic', 1, false], ['on-request', 0.6, false], ['paperwork', 0.2, false], ['never', 0, false], ['not-applicable', null, false], ['unknown', 0.2, false]]],
];

describe('general.yaml matches the table in CHECKLISTS.md', () => {
  const general = loadBuiltIn('general.yaml');

  it('is general, version 1', () => {
    expect([general.id, general.version]).toEqual(['general', 1]);
  });

  it('has the questions, weights, answers, scores and dealbreakers of the table, in its order', () => {
    const actual = general.questions.map((q) => [q.id, q.weight, q.answers.map((a) => [a.value, a.score, a.dealbreaker === true])]);
    expect(actual).toEqual(GENERAL_TABLE);
  });

  it('writes dealbreaker only as true, and only on the starred answers', () => {
    const flagged = general.questions.flatMap((q) => q.answers.filter((a) => a.dealbreaker !== undefined).map((a) => [q.id, a.value, a.dealbreaker]));
    expect(flagged).toEqual([
      ['who-helps', 'nobody', true],
      ['who-repairs', 'not-covered', true],
      ['cancel', 'cannot', true],
      ['lost-parcel', 'buyer-pays', true],
    ]);
  });

  it('has the English questions of the table', () => {
    expect(general.questions.map((q) => (q.text as Record<string, string>).en)).toEqual([
      'If something goes wrong, who will help?',
      'If a part breaks, who replaces it, and how?',
      "If I can't figure it out, whom do I ask?",
      "What if it doesn't fit or I don't like it?",
      'How do I cancel the contract?',
      'What am I left with when I stop using it?',
      'What if my parcel is lost or arrives damaged?',
      'How long does it take to reach a live person?',
      'If they fail you, do they compensate without being asked?',
    ]);
  });
});
