// Text that is not Unicode text is found wherever it is, by its path; JSON without a
// surrogate escape is not walked at all, and one with it is.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findBrokenText, parseDataDocument, parseDataText, scanJson } from '../../src/formats/data-text.js';
import { parseChecklistText } from '../../src/formats/checklist-file.js';
import { readEdited } from '../../src/commands/edit-incident.js';
import { useLanguage } from '../../src/i18n/index.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

describe('text that is not text', () => {
  it('gives the path of the first lone surrogate, in a value or a key, however deep', () => {
    expect(findBrokenText({ a: ['ok', { b: 'x\uD800' }] })).toEqual(['a', 1, 'b']);
    expect(findBrokenText({ a: [{ ['k\uDC00']: 1 }] })).toEqual(['a', 0, 'k\uDC00']);
    expect(findBrokenText(['\uD83D\uDE00', 'fine'])).toBeUndefined();
    expect(findBrokenText({ a: 'b' }, ['top'])).toBeUndefined();
    expect(findBrokenText('\uDFFF', ['top'])).toEqual(['top']);
  });

  it('walks lists nested 100,000 deep without running out of stack, and gives the path out of them', () => {
    const depth = 100_000;
    let deep: unknown = ['x\uD800'];
    for (let i = 1; i < depth; i++) deep = [deep];
    const path = findBrokenText({ a: 'ok', b: [1, deep] });
    expect(path).toHaveLength(depth + 2);
    expect(path!.slice(0, 3)).toEqual(['b', 1, 0]);
    let fine: unknown = ['\uD83D\uDE00'];
    for (let i = 1; i < depth; i++) fine = [fine, 'x'];
    expect(findBrokenText({ fine, after: ['y', { z: '\uDC00' }] })).toEqual(['after', 1, 'z']);
  });

  it('reads lists nested 20,000 deep beside an emoji (for the checks of the file to refuse): the look for lone surrogates ran out of stack', () => {
    const d = 20_000;
    const text = `{"format":"vetted/1","companies":[{"name":"Café 😀"}],"checks":[${'['.repeat(d)}${']'.repeat(d)}]}`;
    expect((parseDataText(text, 'deep.json') as { companies: unknown }).companies).toEqual([{ name: 'Café 😀' }]);
  });

  it('refuses a lone surrogate escaped in JSON, and takes an escaped backslash before "ud800" as the text it is', () => {
    expect(() => parseDataDocument('{"companies":[{"name":"A\\ud800"}]}', 'f.json')).toThrow(/companies\[0\]\.name/);
    expect(() => parseDataDocument('{"companies":[{"name":"A\\uD83D\\uDE00"}]}', 'f.json')).not.toThrow();
    const { data } = parseDataDocument('{"note":"C:\\\\ud800"}', 'f.json');
    expect(data).toEqual({ note: 'C:\\ud800' });
  });
});

describe('YAML nested thousands of levels deep', () => {
  it('is refused as nested too deeply, not with the engine\'s words', () => {
    const deep = `format: vetted/1\nlists: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`;
    expect(() => parseDataText(deep, 'deep.yaml')).toThrow(/^deep\.yaml nests lists or maps too deeply to be read/);
  });
});

describe('a YAML alias', () => {
  it('to no anchor is said as the parser says it, not as too many aliases; a bomb is', () => {
    expect(() => parseDataText('a: 1\nb: *nope\n', 'un.yaml')).toThrow(/^un\.yaml:2: the YAML alias \*nope names no anchor before it/);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdef'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdef'[i]}`).join(', ')}]`), `g: [${Array(9).fill('*f').join(', ')}]`].join('\n');
    expect(() => parseDataText(bomb, 'bomb.yaml')).toThrow(/^bomb\.yaml uses too many YAML aliases/);
  });

  it('named many times over, as an honest file names one company in each of its incidents, is taken: a count of aliases is no bomb', () => {
    const incidents = (n: number) =>
      ['format: vetted/1', 'incidents:', '  - {company: &s Shop, title: t0, opened: 2026-01-01}', ...Array.from({ length: n }, (_, i) => `  - {company: *s, title: t${i + 1}, opened: 2026-01-01}`)].join('\n');
    const read = parseDataText(incidents(101), 'ref101.yaml') as { incidents: { company: string }[] };
    expect(read.incidents).toHaveLength(102);
    expect(read.incidents.every((i) => i.company === 'Shop')).toBe(true);
    // Each alias found once: ten thousand took minutes, the parser looking for every one's anchor anew.
    const started = performance.now();
    expect((parseDataText(incidents(10_000), 'ref.yaml') as { incidents: unknown[] }).incidents).toHaveLength(10_001);
    expect(performance.now() - started).toBeLessThan(5_000);
    // A merge key named as often.
    const merged = ['base: &b {company: Shop, opened: 2026-01-01}', 'incidents:', ...Array.from({ length: 500 }, (_, i) => `  - {<<: *b, title: t${i}}`)].join('\n');
    expect((parseDataText(merged, 'merge.yaml') as { incidents: { company: string }[] }).incidents[499]).toEqual({ company: 'Shop', opened: '2026-01-01', title: 't499' });
  });

  it('naming a large list many times over is a bomb too, said in the reader\'s words in the incident editor', async () => {
    const amplified = [`title: &a [${Array(20_000).fill('{}').join(',')}]`, ...Array.from({ length: 60 }, (_, i) => `b${i}: *a`)].join('\n');
    await useLanguage('ru');
    try {
      expect(readEdited(amplified, Date.now())).toEqual({ problems: [{ message: 'слишком много псевдонимов YAML, как в «бомбе» из псевдонимов; запишите данные полностью' }] });
    } finally {
      await useLanguage('en');
    }
  });

  it('inside the value it names, or naming nothing, is said in the incident editor at its line, as its other problems are, in either language', async () => {
    const edited = 'company: Shop\ntitle: Late\nopened: 2026-01-01T10:00\nfault: company\na: &x [*x]\nb: *nope\n';
    const now = Date.parse('2026-06-01T00:00:00Z');
    expect(readEdited(edited, now)).toEqual({ problems: [{ line: 5, message: 'the YAML alias *x stands inside the value it names, which would contain itself without end; write that value out in full.' }] });
    expect(readEdited(edited.replace('a: &x [*x]\n', ''), now)).toEqual({ problems: [{ line: 5, message: expect.stringMatching(/^the YAML alias \*nope names no anchor before it/) }] });
    await useLanguage('ru');
    try {
      expect(readEdited(edited, now)).toEqual({ problems: [{ line: 5, message: 'псевдоним YAML *x стоит внутри того значения, которое он называет, и значение содержало бы само себя без конца; запишите это значение полностью.' }] });
    } finally {
      await useLanguage('en');
    }
  });

  it('naming a large list many times over is a bomb too: refused before its value is made', () => {
    const amplified = [`a: &a [${Array(20_000).fill('{}').join(',')}]`, ...Array.from({ length: 60 }, (_, i) => `b${i}: *a`)].join('\n');
    expect(() => parseDataText(amplified, 'amp.yaml')).toThrow(/^amp\.yaml uses too many YAML aliases, as an alias bomb does/);
    // Below the budget, aliases are written out as ever.
    expect(parseDataText('a: &a [1, 2]\nb: *a\n', 'ok.yaml')).toEqual({ a: [1, 2], b: [1, 2] });
  });
});

describe('a YAML merge key (<<)', () => {
  it('gives a map the keys of the one it names, its own keys winning, as YAML writers expect: not an unknown field "<<"', () => {
    const text = 'companies:\n  - &shop {name: A, category: shop, website: https://a.example}\n  - <<: *shop\n    name: B\n  - <<: [*shop]\n    name: C\n    category: bank\n';
    expect(parseDataText(text, 'merge.yaml')).toEqual({
      companies: [
        { name: 'A', category: 'shop', website: 'https://a.example' },
        { name: 'B', category: 'shop', website: 'https://a.example' },
        { name: 'C', category: 'bank', website: 'https://a.example' },
      ],
    });
    expect(() => parseDataText('a: &a {x: 1}\nb:\n  <<: 5\n', 'bad.yaml')).toThrow(/^bad\.yaml cannot be read as YAML: Merge sources must be maps/);
  });

  it('is taken in a checklist too: two questions sharing their answers', () => {
    const general = readFileSync(join(import.meta.dirname, '..', '..', 'checklists', 'general.yaml'), 'utf8');
    const { checklist, problems } = parseChecklistText(general, 'general.yaml');
    expect(problems).toEqual([]);
    const q = checklist!.questions[0] as unknown as Record<string, unknown>;
    // The first question again under another id, its fields taken by a merge key.
    const doubled = `${general.trimEnd()}\n  - <<: *first\n    id: again\n`.replace(/^(\s*)- id: (\S+)/m, '$1- &first\n$1  id: $2');
    const merged = parseChecklistText(doubled, 'doubled.yaml');
    expect(merged.problems).toEqual([]);
    const again = merged.checklist!.questions.find((x) => x.id === 'again') as unknown as Record<string, unknown>;
    expect({ ...again, id: q.id }).toEqual(q);
  });

  it('given twice in one map is refused, as any key given twice, by every reader that takes it; several maps merge under one', () => {
    // A data file: the second key's map was merged under the first's without a word.
    const data = 'companies:\n  - &a {name: A}\n  - &b {website: https://b.example}\n  - <<: *a\n    <<: *b\n    category: shop\n';
    expect(() => parseDataText(data, 'two.yaml')).toThrow(/^two\.yaml:5:5 is not valid YAML: a key is given twice in one map; keep one of them/);
    expect(() => parseDataText('a: {<<: {x: 1}, <<: {y: 2}}\n', 'flow.yaml')).toThrow(/^flow\.yaml:1:17 is not valid YAML: a key is given twice in one map/);
    expect(parseDataText('a: &a {x: 1}\nb: &b {y: 2}\nc:\n  <<: [*a, *b]\n  z: 3\n', 'one.yaml')).toEqual({ a: { x: 1 }, b: { y: 2 }, c: { x: 1, y: 2, z: 3 } });
    // A quoted "<<" is a key like any other, not a merge key: beside one, it is no key given twice.
    expect(parseDataText('c:\n  <<: {x: 1}\n  "<<": 2\n', 'quoted.yaml')).toEqual({ c: { x: 1, '<<': 2 } });
    // A checklist: its line and column, as any problem of it.
    const general = readFileSync(join(import.meta.dirname, '..', '..', 'checklists', 'general.yaml'), 'utf8');
    const doubled = `${general.trimEnd()}\n  - <<: *first\n    <<: {weight: 1}\n    id: again\n`.replace(/^(\s*)- id: (\S+)/m, '$1- &first\n$1  id: $2');
    const line = doubled.split('\n').indexOf('    <<: {weight: 1}') + 1;
    expect(parseChecklistText(doubled, 'doubled.yaml').problems).toEqual([{ line, col: 5, path: '', fault: { kind: 'yaml', detail: 'Map keys must be unique', code: 'DUPLICATE_KEY' } }]);
    // The incident editor: its line, written back into the file.
    const edited = 'company: Shop\ntitle: Late\nopened: 2026-01-01T10:00\nfault: company\nevents:\n  - &e {at: 2026-01-01T10:00, type: note}\n  - <<: *e\n    <<: {text: again}\n';
    expect(readEdited(edited, Date.parse('2026-06-01T00:00:00Z'))).toEqual({ problems: [{ line: 8, message: 'a key is given twice in one map; keep one of them' }] });
  });
});

describe('a YAML 1.1 type named by its tag (!!binary, !!timestamp, !!set, !!omap, !!pairs)', () => {
  it('is not made: its text is read as plain YAML, as any other tag is, by every reader', () => {
    // A data file: a !!timestamp date was a Date, said to be "not a map"; a !!binary text a list of bytes.
    expect(parseDataText('a: !!timestamp 2024-03-01\nb: !!binary aGVsbG8=\nc: !!set {x, y}\nd: !!omap [x: 1]\n', 'tags.yaml')).toEqual({
      a: '2024-03-01',
      b: 'aGVsbG8=',
      c: { x: null, y: null },
      d: [{ x: 1 }],
    });
    // Nor under a %YAML 1.1 directive, which made them again.
    expect(parseDataText('%YAML 1.1\n---\na: !!timestamp 2024-03-01\nb: !!binary aGVsbG8=\nc: on\n', 'yaml11.yaml')).toEqual({ a: '2024-03-01', b: 'aGVsbG8=', c: 'on' });
    // A checklist: a !!binary title was one problem for each of its bytes, each said to be no language code.
    const checklist = 'id: bin\nversion: 1\ntitle: !!binary aGVsbG8=\nquestions:\n  - id: q1\n    text: Asked?\n    answers:\n      - { value: y, label: Y, score: 1 }\n';
    const read = parseChecklistText(checklist, 'bin.yaml');
    expect(read.problems).toEqual([]);
    expect(read.checklist!.title).toBe('aGVsbG8=');
    // The incident editor.
    const edited = readEdited('company: Shop\ntitle: !!binary aGVsbG8=\nopened: !!timestamp 2026-01-01\nfault: company\nevents: []\n', Date.parse('2026-06-01T00:00:00Z'));
    expect(edited).toMatchObject({ entry: { title: 'aGVsbG8=', opened: '2026-01-01' } });
  });
});

describe('a key given twice in a YAML map', () => {
  it('is one where the map made of it has one key: 1 and "1", true and "true", null and "" (the last value was taken without a word)', () => {
    for (const [a, b] of [['1', '"1"'], ['true', '"true"'], ['~', '""'], ['1.0', '1']]) {
      expect(() => parseDataText(`answers:\n  ${a}: "no"\n  ${b}: "yes"\n`, 'twice.yaml'), `${a} ${b}`).toThrow(/^twice\.yaml:3:3 is not valid YAML: a key is given twice in one map; keep one of them/);
    }
    // A quoted "<<" is no merge key, and a key that is a list is told apart by nothing.
    expect(parseDataText('a:\n  <<: {x: 1}\n  "<<": 2\n', 'quoted.yaml')).toEqual({ a: { x: 1, '<<': 2 } });
    // A plain << tagged as text is a merge key to the parser: beside another, it is one given twice.
    expect(() => parseDataText('a:\n  <<: {x: 1}\n  !!str <<: {y: 2}\n', 'tagged.yaml')).toThrow(/^tagged\.yaml:3:9 is not valid YAML: a key is given twice in one map/);
  });

  it('is said before a fault further on, in the order of the text, as the parser said it', () => {
    expect(() => parseDataText('a: 1\na: 2\nb: [1, 2\n', 'order.yaml')).toThrow(/^order\.yaml:2:1 is not valid YAML: a key is given twice in one map/);
  });

  it('is looked for in time in proportion to the map: 40,000 keys (they took 54 s)', () => {
    const keys = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `  k${from + i}: v\n`).join('');
    const time = (n: number) => {
      const text = `answers:\n${keys(n)}`;
      const started = performance.now();
      expect(Object.keys((parseDataText(text, 'wide.yaml') as { answers: object }).answers)).toHaveLength(n);
      return performance.now() - started;
    };
    time(4_000);
    const small = Math.min(time(4_000), time(4_000));
    const large = time(40_000);
    // Ten times the keys: well under the hundred times of a comparison of each with each before it.
    expect(large / small).toBeLessThan(35);
    expect(() => parseDataText(`answers:\n${keys(40_000)}  k39999: again\n`, 'wide.yaml')).toThrow(/^wide\.yaml:40002:3 is not valid YAML: a key is given twice/);
  });
});

/** The scan of JSON as it was before it searched for each string's end: one character at a time. */
function scanOneByOne(text: string, file: string, limits: { containers: number; values: number }): void {
  const keys: (Set<string> | null)[] = [];
  let line = 1;
  let containers = 0;
  let values = 0;
  let expectKey = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) line++;
    else if (c === 0x22) {
      let j = i + 1;
      let escaped = false;
      for (; j < n; j++) {
        const d = text.charCodeAt(j);
        if (d === 0x5c) {
          escaped = true;
          j++;
        } else if (d === 0x22) break;
      }
      const top = keys[keys.length - 1];
      if (expectKey && top) {
        const raw = text.slice(i + 1, j);
        const key = escaped ? (JSON.parse(`"${raw}"`) as string) : raw;
        if (top.has(key)) throw new Error(`${file}:${line}: twice ${JSON.stringify(key)}`);
        top.add(key);
        expectKey = false;
      } else values++;
      i = j;
    } else if (c === 0x7b || c === 0x5b) {
      containers++;
      keys.push(c === 0x7b ? new Set() : null);
      expectKey = c === 0x7b;
    } else if (c === 0x7d || c === 0x5d) {
      keys.pop();
      expectKey = false;
    } else if (c === 0x2c) {
      expectKey = keys[keys.length - 1] !== null && keys.length > 0;
    } else if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x3a) {
      const p = text.charCodeAt(i - 1);
      if (p === 0x2c || p === 0x3a || p === 0x5b || p === 0x20 || p === 0x0a || p === 0x09 || p === 0x0d) values++;
    }
    if (containers > limits.containers || values > limits.values) throw new Error('too big');
  }
}

describe('the scan of JSON before it is parsed', () => {
  useLanguage('en');
  const outcome = (scan: () => void): string => {
    try {
      scan();
      return 'ok';
    } catch (err) {
      const m = (err as Error).message;
      const twice = /:(\d+): the key (".*") is given twice/.exec(m) ?? /:(\d+): twice (".*")$/.exec(m);
      if (twice) return `twice ${twice[1]} ${twice[2]}`;
      if (/too big|too large|more than/i.test(m)) return 'too big';
      return `other: ${m}`;
    }
  };
  const limits = { containers: 40, values: 60 };
  const tryParse = (text: string): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  };

  it('finds what the scan one character at a time found, in JSON and in any text (keys given twice, escapes, cut texts, the budget)', () => {
    const piece = fc.oneof(
      fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', '\\"', '\\\\', '\\n', '\\u0061', ' ', '\n', '\r', '\t', '1', '-2', 'true', 'null', 'a', 'b', 'é', '😀'),
      fc.json().map((j) => j),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const before = outcome(() => scanOneByOne(text, 'f.json', limits));
        // The scan before stopped at a key with a bad escape with the parser's error (an unexpected one).
        fc.pre(!before.startsWith('other:'));
        expect(outcome(() => scanJson(text, 'f.json', limits))).toBe(before);
      }),
      { numRuns: 3000 },
    );
  });

  it('stops at a key that is no JSON text, so that the parse names the bad escape: it was an unexpected error', () => {
    expect(() => scanJson('{"format":"vetted/1", "\\q": 1}', 'f.json')).not.toThrow();
    expect(() => parseDataDocument('{"format":"vetted/1", "\\q": 1}', 'f.json')).toThrow(/f\.json is not valid JSON.*escaped character/s);
    expect(() => parseDataDocument('{"a\\u12": 1}', 'policy.yaml')).toThrow(/policy\.yaml is not valid JSON.*Unicode escape/s);
    // A key given twice before it is still found.
    expect(() => scanJson('{"a": 1, "a": 2, "\\q": 3}', 'f.json')).toThrow(/f\.json:1: the key "a" is given twice/);
  });

  it('is linear in a text of many escapes, or of one long string without its closing quote: within ten times the parse of the same text', () => {
    const texts = [`{"a": "${'\\n'.repeat(1_000_000)}", "b": 1}`, `{"a": "${'x'.repeat(2_000_000)}`, `[${'"a\\\\",'.repeat(500_000)}1]`];
    const time = (f: () => void) => {
      const t0 = performance.now();
      f();
      return performance.now() - t0;
    };
    for (const text of texts) {
      // (The one without its closing quote is read to its end before the parse says so.)
      const parse = Math.min(...[1, 2, 3].map(() => time(() => void tryParse(text))));
      const scan = Math.min(...[1, 2, 3].map(() => time(() => scanJson(text, 'f.json'))));
      expect(scan).toBeLessThan(10 * Math.max(parse, 1));
    }
  });
});
