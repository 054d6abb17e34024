// The one place that picks the language of the interface. The catalog in use is kept on
// globalThis, because each command is bundled into a file of its own and all of them must
// see the catalog that the entry loaded. Only that language's catalog is loaded.

import type { Catalog } from './en.js';

export type { Catalog } from './en.js';

/** The languages with a catalog. A new language: one catalog file and one line here. */
const LOADERS: Record<string, () => Promise<Catalog>> = {
  en: async () => (await import('./en.js')).en,
  ru: async () => (await import('./ru.js')).ru,
};

export type UiLang = 'en' | 'ru';

const SLOT = Symbol.for('vetted.catalog');
type Slot = { [SLOT]?: Catalog };

/**
 * The language a user asked for: `ru`, `RU`, `ru-RU`, `ru_RU.UTF-8` all say Russian. The
 * flag first; without it LC_ALL, then LC_MESSAGES, then LANG (the POSIX order: the first
 * one set decides). Anything without a catalog is English, without an error.
 */
export function pickLang(flag: string | undefined, env: NodeJS.ProcessEnv): UiLang {
  const given = flag ?? (env.LC_ALL || env.LC_MESSAGES || env.LANG || '');
  const code = given.trim().toLowerCase().split(/[-_.@]/)[0];
  return Object.hasOwn(LOADERS, code) ? (code as UiLang) : 'en';
}

/** The value of --lang in argv, before the command line is parsed (help needs the language). */
export function langFlagOf(args: string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--') break;
    if (args[i] === '--lang' && i + 1 < args.length) found = args[i + 1];
    else if (args[i].startsWith('--lang=')) found = args[i].slice('--lang='.length);
  }
  return found;
}

/** Loads a language's catalog (for JSON that carries every language's text, say). */
export function loadCatalog(lang: string): Promise<Catalog> {
  return (Object.hasOwn(LOADERS, lang) ? LOADERS[lang] : LOADERS.en)();
}

/** Loads the catalog of `lang` and makes it the one `t()` gives. */
export async function useLanguage(lang: string): Promise<Catalog> {
  const catalog = await loadCatalog(lang);
  (globalThis as Slot)[SLOT] = catalog;
  return catalog;
}

/** The catalog in use: `t().why.decidedBy`, `t().finding(facts)`. */
export function t(): Catalog {
  const c = (globalThis as Slot)[SLOT];
  if (!c) throw new Error('no language catalog is loaded (useLanguage first)');
  return c;
}

/** The language of the catalog in use: the words the record keeps in another (a letter's, say) are told in it. */
export function readerLang(): UiLang {
  return t().lang === 'ru' ? 'ru' : 'en';
}

/** Every language a catalog exists for. */
export const UI_LANGS = Object.keys(LOADERS);

/** Makes a catalog the one in use at once (tests that render in several languages). */
export function setCatalog(catalog: Catalog): void {
  (globalThis as Slot)[SLOT] = catalog;
}
