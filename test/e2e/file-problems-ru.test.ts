// The problems of the files a user writes by hand, read by a Russian reader (--lang ru or
// LANG=ru_RU.UTF-8): a checklist (`checklists validate`, `check --checklist`, a broken file
// among the user's checklists), a policy.yaml, a data file given to `import` or `source add`
// (and a record `import` cannot merge), and what a law pack says must be checked before a
// letter cites an unverified rule. --json keeps its English messages, for scripts.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED, sandbox, type Sandbox } from '../helpers/cli.js';
import { expectOneLineError, ok } from '../helpers/expect.js';

const RU = { LANG: 'ru_RU.UTF-8' };

const BAD_CHECKLIST = `id: Bad_Id
version: 0
title: { en: Bad, english: Bad }
colour: red
questions:
  - id: one
    text: One?
    answers:
      - { value: a, label: A, score: 1.5 }
`;

let s: Sandbox;
let file: (name: string, text: string) => string;
beforeAll(() => {
  s = sandbox();
  file = (name, text) => {
    const path = join(s.dir, name);
    writeFileSync(path, text);
    return path;
  };
});
afterAll(() => s.cleanup());

describe('a hand-written checklist', () => {
  it('checklists validate names every problem in Russian, with its line and column', () => {
    const bad = file('bad.yaml', BAD_CHECKLIST);
    const r = s.run(['--lang', 'ru', 'checklists', 'validate', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      // In the file's order, as a person mends them.
      `${bad}:1:5: id: только строчные латинские буквы и цифры, слова через дефис, например general`,
      `${bad}:2:10: version: должно быть целым числом не меньше 1`,
      `${bad}:3:28: title.english: «english» — не код языка; пишите, например, en или ru`,
      `${bad}:4:9: colour: неизвестное поле (допустимы: id, version, title, description, questions)`,
      `${bad}:9:38: questions[0].answers[0].score: должно быть числом от 0 до 1 или null`,
      '5 ошибок; исправьте и проверьте снова.',
    ]);
  });

  it('--json keeps the English messages, whatever the language', () => {
    const bad = file('bad.yaml', BAD_CHECKLIST);
    const r = s.run(['checklists', 'validate', bad, '--json'], { env: RU });
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout) as { valid: boolean; problems: { line: number; col: number; path: string; message: string }[] };
    expect(out.valid).toBe(false);
    expect(out.problems[3]).toEqual({ line: 4, col: 9, path: 'colour', message: 'unknown field (expected one of: id, version, title, description, questions)' });
    expect(out.problems.map((p) => p.line)).toEqual([1, 2, 3, 4, 9]);
    expect(out.problems.map((p) => p.message).join(' ')).not.toMatch(/[а-яё]/i);
  });

  it('check --checklist FILE refuses it in Russian, naming the first problem and how many more', () => {
    const bad = file('bad.yaml', BAD_CHECKLIST);
    const line = expectOneLineError(s.run(['check', 'Магазин', '--checklist', bad, '--answer', 'one=a'], { env: RU }));
    expect(line).toBe(
      `vetted: чек-лист ${bad}:1:5: id: только строчные латинские буквы и цифры, слова через дефис, например general (и ещё 4 проблемы); запустите \`vetted checklists validate "${bad}"\`, чтобы увидеть все.`,
    );
  });

  it('a YAML mistake is said in Russian around the parser detail', () => {
    const broken = file('broken.yaml', 'id: x\nversion: 1\ntitle: "X\nquestions: []\n');
    const r = s.run(['--lang', 'ru', 'checklists', 'validate', broken]);
    expect(r.stderr).toContain(`${broken}:5:1: ошибка YAML: `);
  });

  it('a broken file among the user’s checklists is skipped with a warning in Russian', () => {
    mkdirSync(join(s.config, 'checklists'), { recursive: true });
    const broken = join(s.config, 'checklists', 'broken.yaml');
    writeFileSync(broken, 'id: broken\nversion: 1\n');
    try {
      const r = ok(s.run(['--lang', 'ru', 'checklists', 'list']));
      expect(r.stderr).toContain(`внимание: пропущен чек-лист ${broken}:1:1: title: обязательное поле (и ещё 1 проблема); запустите`);
    } finally {
      rmSync(broken);
    }
  });
});

describe('a policy.yaml', () => {
  it.each([
    ['an unknown setting', 'broken_promise: 5\n', 'broken_promise: неизвестная настройка (настройки: broken_promises, repeat_unresolved, repeat_window_months, institutional_levels, check_avoid_below, check_go_from, recovery_max_level, recovery_max_effort)'],
    ['a number out of range', 'broken_promises: 0\n', 'broken_promises: должно быть целым числом от 1 до 100'],
    ['a level that is not one', 'recovery_max_level: boss\n', 'recovery_max_level: должно быть одним из: frontline, supervisor, quality, management, regulator, court'],
    ['avoid above go', 'check_avoid_below: 90\n', 'check_avoid_below: не может быть больше check_go_from (80)'],
  ])('%s is refused in Russian, naming the setting', (_name, text, said) => {
    mkdirSync(s.config, { recursive: true });
    const policy = join(s.config, 'policy.yaml');
    writeFileSync(policy, text);
    try {
      for (const args of [['--lang', 'ru', 'lists'], ['policy', 'show']]) {
        const line = expectOneLineError(s.run(args, { env: RU }));
        expect(line).toBe(`vetted: ${policy}: строка 1: ${said}; исправьте файл или удалите его, чтобы действовали значения по умолчанию.`);
      }
    } finally {
      writeFileSync(policy, '{}\n');
    }
  });
});

describe('a data file', () => {
  const BAD_DATA = 'format: vetted/1\ncompanies:\n  - { name: Acme, aliases: notalist }\npins:\n  - { company: Acme, list: grey, reason: slow, rude }\n';

  it('import names its problems in Russian, each with its line, and imports nothing', () => {
    const bad = file('bad-data.yaml', BAD_DATA);
    s.makeDatabase();
    const line = expectOneLineError(s.run(['--lang', 'ru', 'import', bad]));
    expect(line).toBe(
      `vetted: ${bad} — не файл данных vetted/1: строка 3: companies[0].aliases: должно быть списком, а не "notalist"; ` +
        'строка 5: pins[0].rude: неизвестное поле (запятая внутри { } завершает текст, а всё после неё читается как отдельный ключ: возьмите текст с запятой в кавычки); ' +
        'строка 5: pins[0].list: должно быть одним из: black, white, а не "grey"; ничего не загружено.',
    );
    expect(ok(s.run(['company', 'list', '--json'])).stdout.trim()).toBe('[]');
  });

  it('source add names them in Russian too, each with its line as import names it', () => {
    const bad = file('bad-data.yaml', BAD_DATA);
    const line = expectOneLineError(s.run(['source', 'add', bad, '--name', 'друг'], { env: RU }));
    expect(line).toBe(
      `vetted: ${bad} — не файл vetted/1: строка 3: companies[0].aliases: должно быть списком, а не "notalist"; ` +
        'строка 5: pins[0].rude: неизвестное поле (запятая внутри { } завершает текст, а всё после неё читается как отдельный ключ: возьмите текст с запятой в кавычки); ' +
        'строка 5: pins[0].list: должно быть одним из: black, white, а не "grey"; ничего не сохранено.',
    );
  });

  it('the rules of dates are said in Russian', () => {
    const dates = file('dates.yaml', 'format: vetted/1\nincidents:\n  - { company: Acme, title: T, opened: 2024-07-10, closed: 2024-07-01, events: [{ type: note, at: 2099-01-01 }] }\n');
    const line = expectOneLineError(s.run(['--lang', 'ru', 'import', dates]));
    expect(line).toContain('incidents[0].closed: раньше, чем открыто обращение (2024-07-10)');
    expect(line).toContain('incidents[0].events[0].at: в будущем; записывайте то, что уже случилось, и время, когда это случилось');
  });

  it('a newer format is said in Russian', () => {
    const newer = file('newer.yaml', 'format: vetted/2\n');
    expect(expectOneLineError(s.run(['--lang', 'ru', 'import', newer]))).toBe(
      `vetted: ${newer} — не файл данных vetted/1: строка 1: format: vetted/2 — более новый формат, чем читает эта версия vetted (vetted/1); обновите vetted, чтобы его загрузить; ничего не загружено.`,
    );
  });

  it.each([
    ['a checklist it does not know', 'checks:\n  - { company: Acme, checklist: laptop, at: 2024-01-01, answers: { a: b } }\n', 'checks[0]: чек-листа «laptop» нет (известные: general, online-order, subscription); сначала положите его файл в папку ваших чек-листов'],
    ['a check with questions unanswered', 'checks:\n  - { company: Acme, checklist: general, at: 2024-01-01, answers: { who-helps: live-support } }\n', 'checks[0]: answers: нет ответа на who-repairs, who-to-ask, returns, cancel, after-leaving, lost-parcel, reach-human, compensation'],
    ['a company its own parent', 'companies:\n  - { name: Acme, parent: Acme }\n', 'companies[0]: Acme не может быть материнской компанией для самой себя'],
  ])('a record import cannot merge (%s) is refused in Russian', (_name, records, said) => {
    const data = file('records.yaml', `format: vetted/1\n${records}`);
    expect(expectOneLineError(s.run(['import', data], { env: RU }))).toBe(`vetted: ${data}: ${said}; ничего не загружено.`);
  });
});

describe('what a law pack says must be checked', () => {
  it('comes in the reader’s language with --allow-unverified', () => {
    ok(s.run(['import', join(SHARED, 'scenarios', 'seeds.yaml')]));
    const args = ['letter', 'volga-2012-07', '--kind', 'claim', '--jurisdiction', 'ru', '--demand', 'recalculation', '--amount', '500', '--currency', 'RUB', '--account', '1', '--from', 'D', '--allow-unverified'];
    const ru = ok(s.run(args, { env: RU }));
    expect(ru.stderr).toContain(
      'Перед отправкой проверьте на http://pravo.gov.ru/proxy/ips/?docbody=&nd=102082530: в действующей редакции Федерального закона № 126-ФЗ — что статья 55 даёт оператору 30 дней со дня регистрации претензии на её рассмотрение и что адрес открывает этот закон.',
    );
    const en = ok(s.run(['--lang', 'en', ...args]));
    expect(en.stderr).toContain(
      'Before sending, check at http://pravo.gov.ru/proxy/ips/?docbody=&nd=102082530: in the current text of Federal Law No. 126-FZ, that article 55 gives an operator 30 days from registration to consider a claim, and that the address opens that law.',
    );
  });
});
