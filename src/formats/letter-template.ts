// Finding and checking letter templates: --template FILE, the user's
// <config>/letters/<lang>/<kind>.md, or the built-in one.

import { statSync } from 'node:fs';
import { join } from 'node:path';
import { checkTemplate, namesUnknownAnywhere, type TemplateNode, type TemplateProblem } from '../domain/template.js';
import { parseLetterTemplate, type LetterFormat } from '../domain/letter-format.js';
import { LETTER_SCHEMA } from '../domain/letter.js';
import type { LetterKind } from '../domain/law.js';
import { UserError } from '../errors.js';
import { t } from '../i18n/index.js';
import { projectDir } from './project-files.js';
import { INPUT_LIMITS, entryOf, readInputText } from './read-input.js';

export interface LoadedTemplate {
  nodes: TemplateNode[];
  file: string;
  source: 'built-in' | 'user' | 'file';
}

/**
 * A template's text, at most 1 MB. One named on the command line (--template, `letters check`)
 * is read as any input named there is, a pipe too (`<(…)`); one found in the config folder
 * (`given` false) is never a pipe waited on nor a device read without end.
 */
export function readTemplateText(file: string, { given = true } = {}): string {
  // `-`, standard input, as every other input of the command line reads it.
  if (file === '-' && given) return readInputText(file, { what: 'template', maxBytes: INPUT_LIMITS.small });
  let st;
  try {
    st = statSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') throw new UserError(t().files.loop(file));
    throw new UserError(t().letter.noTemplate(file));
  }
  if (st.isDirectory()) throw new UserError(t().letter.templateFolder(file));
  if (!given && !st.isFile()) throw new UserError(t().files.special(file, 'template'));
  return readInputText(file, { what: 'template', maxBytes: INPUT_LIMITS.small });
}

/**
 * Every problem of a template: its syntax, and the placeholders a letter does not have (with
 * its syntax wrong, those no letter has anywhere), in the order of their lines.
 */
export function templateProblems(text: string, format: LetterFormat = 'md'): TemplateProblem[] {
  if (!text.trim()) return [{ line: 1, fault: { kind: 'empty' } }];
  const parsed = parseLetterTemplate(text, format);
  if ('errors' in parsed) return [...parsed.errors, ...namesUnknownAnywhere(parsed.partial, LETTER_SCHEMA)].sort((a, b) => a.line - b.line);
  return checkTemplate(parsed.nodes, LETTER_SCHEMA);
}

export function loadTemplate(opts: { template?: string; configDir: string; lang: 'en' | 'ru'; kind: LetterKind; format: LetterFormat }): LoadedTemplate {
  let file: string;
  let source: LoadedTemplate['source'];
  if (opts.template !== undefined) {
    file = opts.template;
    source = 'file';
  } else {
    const mine = join(opts.configDir, 'letters', opts.lang, `${opts.kind}.md`);
    // Any entry of that name, a link to nothing or a folder too: the letter then says what is
    // wrong with it, rather than writing from the built-in template without a word.
    if (entryOf(mine)) {
      file = mine;
      source = 'user';
    } else {
      file = join(projectDir('templates', 'letters/en/claim.md'), 'letters', opts.lang, `${opts.kind}.md`);
      source = 'built-in';
    }
  }
  return readTemplate(file, source, opts.format);
}

/** A template read and checked: its first problem refuses it, with the count of the others. */
function readTemplate(path: string, source: LoadedTemplate['source'], format: LetterFormat): LoadedTemplate {
  const text = readTemplateText(path, { given: source === 'file' });
  const file = path === '-' && source === 'file' ? t().data.stdin : path;
  const parsed = parseLetterTemplate(text, format);
  // With its syntax wrong, every problem as `letters check` counts them (its names unknown anywhere too).
  const problems = !text.trim() || 'errors' in parsed ? templateProblems(text, format) : checkTemplate(parsed.nodes, LETTER_SCHEMA);
  if (problems.length || 'errors' in parsed) {
    const p = problems[0];
    throw new UserError(t().letter.badTemplate(file, p.line, t().letter.templateFault(p.fault, p.line), problems.length - 1, path));
  }
  return { nodes: parsed.nodes, file, source };
}

/** A template of the user's as the letter would find it: the first problem that keeps it from being used, or null. */
function problemOf(file: string): string | null {
  try {
    readTemplate(file, 'user', 'md');
    return null;
  } catch (err) {
    if (err instanceof UserError) return err.message;
    throw err;
  }
}

export interface ListedTemplate {
  lang: 'en' | 'ru';
  kind: LetterKind;
  source: 'user' | 'built-in';
  file: string;
  /** Yours, and what keeps a letter from being written with it (it is not passed over for the built-in one). */
  problem?: string;
}

/** Every template a letter may use: for each language and kind, yours when you have one, else the built-in one. */
export function listTemplates(configDir: string, kinds: readonly LetterKind[]): ListedTemplate[] {
  const out: ListedTemplate[] = [];
  for (const lang of ['en', 'ru'] as const) {
    for (const kind of kinds) {
      const mine = join(configDir, 'letters', lang, `${kind}.md`);
      const problem = entryOf(mine) ? problemOf(mine) : undefined;
      out.push(
        problem !== undefined
          ? { lang, kind, source: 'user', file: mine, ...(problem !== null ? { problem } : {}) }
          : { lang, kind, source: 'built-in', file: join(projectDir('templates', 'letters/en/claim.md'), 'letters', lang, `${kind}.md`) },
      );
    }
  }
  return out;
}
