// The letter template language: insertion, lists, sections shown when a value is present,
// values never expanded twice, and every problem named with its line.
import { describe, expect, it } from 'vitest';
import { checkTemplate, parseTemplate, renderTemplate, TemplateError, type TemplateProblem, type TemplateScope } from '../../src/domain/template.js';
import { t } from '../../src/i18n/index.js';

/** A problem as the English catalog words it. */
const words = (p: TemplateProblem) => t().letter.templateFault(p.fault, p.line);

const id = (s: string) => s;

function render(src: string, data: TemplateScope, escape: (s: string) => string = id): string {
  const parsed = parseTemplate(src);
  if ('errors' in parsed) throw new Error(parsed.errors.map((e) => `${e.line}: ${words(e)}`).join('; '));
  return renderTemplate(parsed.nodes, data, escape);
}

describe('renderTemplate', () => {
  it.each([
    ['a value', 'Dear {{to}},', { to: 'Ms Smith' }, 'Dear Ms Smith,'],
    ['a number', '{{n}} days', { n: 30 }, '30 days'],
    ['a list, once per item', '{{#items}}[{{text}}]{{/items}}', { items: [{ text: 'a' }, { text: 'b' }] }, '[a][b]'],
    ['an empty list', 'x{{#items}}[{{text}}]{{/items}}y', { items: [] }, 'xy'],
    ['a section shown when a value is present', '{{#account}}No. {{account}}{{/account}}', { account: '42' }, 'No. 42'],
    ['a section left out when the value is absent', 'a{{#account}}No. {{account}}{{/account}}b', { account: null }, 'ab'],
    ['an inverted section when absent', '{{^account}}no account{{/account}}', { account: null }, 'no account'],
    ['an inverted section when present', '{{^account}}no account{{/account}}', { account: '1' }, ''],
    ['an outer value inside a list', '{{#items}}{{text}}/{{company}} {{/items}}', { company: 'Acme', items: [{ text: 'a' }, { text: 'b' }] }, 'a/Acme b/Acme '],
    ['a comment', 'a{{! not shown }}b', {}, 'ab'],
    ['section tags alone on a line leave no blank line', 'top\n{{#items}}\n- {{text}}\n{{/items}}\nend', { items: [{ text: 'a' }, { text: 'b' }] }, 'top\n- a\n- b\nend'],
  ])('%s', (_name, src, data, expected) => {
    expect(render(src, data as TemplateScope)).toBe(expected);
  });

  it('inserts a value once: template syntax inside it stays literal text', () => {
    const note = '{{from}} {{#items}}boom{{/items}} {{! hidden }}';
    expect(render('note: {{note}}', { note, from: 'SHOULD NOT APPEAR', items: [{}] })).toBe(`note: ${note}`);
  });

  it('passes every value through the escape function, and tells it whether the value starts a line', () => {
    const seen: [string, boolean][] = [];
    const parsed = parseTemplate('{{a}} and {{b}}\n{{c}}');
    if ('errors' in parsed) throw new Error('parse');
    const out = renderTemplate(parsed.nodes, { a: '1', b: '2', c: '3' }, (s, start) => {
      seen.push([s, start]);
      return `<${s}>`;
    });
    expect(out).toBe('<1> and <2>\n<3>');
    expect(seen).toEqual([
      ['1', true],
      ['2', false],
      ['3', true],
    ]);
  });

  it.each([
    ['a name the letter does not have', 'Dear {{nobody}}', {}, /names \{\{nobody\}\} \(line 1\)/],
    ['a value the letter lacks', 'line one\nNo. {{account}}', { account: null }, /no account for \{\{account\}\} \(line 2\)/],
    ['a list inserted as a value', '{{items}}', { items: [] }, /not a single value/],
    ['an unknown name inside a section', '{{#items}}{{oops}}{{/items}}', { items: [{ text: 'a' }] }, /\{\{oops\}\}/],
  ])('refuses %s: an error, never an empty gap', (_name, src, data, message) => {
    expect(() => render(src, data as TemplateScope)).toThrow(TemplateError);
    try {
      render(src, data as TemplateScope);
    } catch (err) {
      const e = err as TemplateError;
      expect(words({ line: e.line, fault: e.fault })).toMatch(message);
    }
  });
});

describe('parseTemplate', () => {
  it.each([
    ['an unclosed section', 'a\n{{#items}}\nb', 2, /never closed/],
    ['a close without an open', 'a\n\n{{/items}}', 3, /never opened/],
    ['crossed sections', '{{#a}}{{#b}}\n{{/a}}{{/b}}', 2, /closes \{\{#b\}\} of line 1/],
    ['a bad name', 'x\n{{Bad Name}}', 2, /not a placeholder/],
    ['a stray brace pair', 'a }} b', 1, /does not open or close/],
    ['a value in triple braces', 'a\n{{{to}}}', 2, /"\{\{\{" does not open or close a placeholder/],
    ['a brace after a placeholder', 'a {{to}}} b', 1, /"\}\}\}" does not open or close/],
    ['a section in triple braces', '{{{#items}}}x{{/items}}', 1, /"\{\{\{" does not open/],
  ])('names %s with its line', (_name, src, line, message) => {
    const parsed = parseTemplate(src);
    expect('errors' in parsed).toBe(true);
    if (!('errors' in parsed)) return;
    expect(parsed.errors[0].line).toBe(line);
    expect(words(parsed.errors[0])).toMatch(message);
  });
});

describe('checkTemplate', () => {
  const schema = { to: 'text', account: 'optional', items: { text: 'text' } } as const;
  it('names each unknown placeholder with its line, in and out of sections', () => {
    const parsed = parseTemplate('{{to}}\n{{too}}\n{{#items}}\n{{text}} {{txt}}\n{{/items}}\n{{#acount}}x{{/acount}}');
    if ('errors' in parsed) throw new Error('parse');
    expect(checkTemplate(parsed.nodes, schema).map((p) => [p.line, p.name])).toEqual([
      [2, 'too'],
      [4, 'txt'],
      [6, 'acount'],
    ]);
  });
  it('accepts a template that uses only known names, and knows a list is not a value', () => {
    const ok = parseTemplate('{{to}}{{#account}}{{account}}{{/account}}{{#items}}{{text}}{{/items}}');
    const bad = parseTemplate('{{items}}');
    if ('errors' in ok || 'errors' in bad) throw new Error('parse');
    expect(checkTemplate(ok.nodes, schema)).toEqual([]);
    expect(words(checkTemplate(bad.nodes, schema)[0])).toMatch(/is a list/);
  });
});

describe('checkTemplate: names a letter would fill otherwise than they read', () => {
  const schema = { date: 'text', account: 'given', legal_as_of: 'optional', broken: { made: 'text', note: 'optional' } } as const;
  const problems = (src: string) => {
    const parsed = parseTemplate(src);
    if ('errors' in parsed) throw new Error('parse');
    return checkTemplate(parsed.nodes, schema).map((p) => [p.line, words(p)]);
  };
  it("refuses a name inside a list's section that is no field of its items: the letter's date beside each promise", () => {
    expect(problems('{{#broken}}[{{date}}|{{made}}]{{/broken}}\n')).toEqual([
      [1, "{{date}} inside {{#broken}} … {{/broken}} is not a field of its items (made, note): it would be the letter's, shown beside each item as if it were the item's; use one of those fields, or move it out of the section"],
    ]);
  });
  it('refuses a value a letter has only at times, which no option gives, outside its own section; one an option gives may stand anywhere', () => {
    expect(problems('x {{legal_as_of}}\n{{#broken}}{{note}}{{/broken}}\n')).toEqual([
      [1, '{{legal_as_of}} stands outside {{#legal_as_of}} … {{/legal_as_of}}: no option gives it, a letter has one only where its record or the law it cites does, and a letter without it would be refused; put the line inside that section'],
      [2, '{{note}} stands outside {{#note}} … {{/note}}: no option gives it, a letter has one only where its record or the law it cites does, and a letter without it would be refused; put the line inside that section'],
    ]);
    expect(problems('{{date}} {{account}}\n{{#legal_as_of}}as of {{legal_as_of}}{{/legal_as_of}}\n{{#broken}}{{made}}{{#note}} {{note}}{{/note}}{{/broken}}\n')).toEqual([]);
  });
});

describe('templates that would exhaust the machine', () => {
  it('refuses sections nested deeper than 16, without exhausting the stack however deep', () => {
    const deep = (n: number) => `${'{{#a}}'.repeat(n)}x${'{{/a}}'.repeat(n)}`;
    expect('nodes' in parseTemplate(deep(16))).toBe(true);
    for (const n of [17, 20_000]) {
      const parsed = parseTemplate(deep(n));
      expect('errors' in parsed && parsed.errors.map(words)).toEqual(['sections nest more than 16 deep here; no letter needs so many']);
    }
  });

  it('names a list repeated inside itself, which would repeat the whole list for each of its items', () => {
    const parsed = parseTemplate('{{#items}}\n{{^items}}none{{/items}}\n{{#items}}{{name}}{{/items}}\n{{/items}}');
    if (!('nodes' in parsed)) throw new Error('did not parse');
    const problems = checkTemplate(parsed.nodes, { items: { name: 'text' } });
    expect(problems.map((p) => [p.line, words(p)])).toEqual([[3, '{{#items}} stands inside {{#items}}: the whole list would be repeated for each of its items; close the outer one first']]);
  });

  it('stops a letter that grows past a million pieces as it is made, lists inside other lists', () => {
    const items = Array.from({ length: 1000 }, () => ({ x: 'x' }));
    expect(() => render('{{#a}}{{#b}}{{x}}{{/b}}{{/a}}', { a: items, b: items })).toThrow(TemplateError);
    expect(render('{{#a}}{{x}}{{/a}}', { a: items })).toBe('x'.repeat(1000));
  });

  it('finds the lines of a hundred thousand placeholders at once, not one scan of the text each', () => {
    const src = '{{date}}\n'.repeat(100_000);
    const started = performance.now();
    const parsed = parseTemplate(src);
    expect(performance.now() - started).toBeLessThan(2000);
    if (!('nodes' in parsed)) throw new Error('did not parse');
    const values = parsed.nodes.filter((n) => n.type === 'value');
    expect(values.length).toBe(100_000);
    expect(values[99_999]).toMatchObject({ line: 100_000 });
  });
});

describe('renderTemplate on a long line', () => {
  it('still tells a heading by its start, however long the line grows', () => {
    const parsed = parseTemplate(`## ${'{{t}} '.repeat(5)}{{v}}\n`);
    if ('errors' in parsed) throw new Error('parse');
    const seen: string[] = [];
    renderTemplate(parsed.nodes, { t: 'x'.repeat(400), v: 'y' }, (s, _atStart, line) => {
      seen.push(line.slice(0, 3));
      return s;
    });
    expect(seen).toEqual(Array(6).fill('## '));
  });
});
