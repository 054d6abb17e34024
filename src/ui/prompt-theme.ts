// How the prompts look: no colour when colour is off (--no-color as well as NO_COLOR),
// and the key hints in the user's language.

import type { Lang } from '../domain/checklist.js';

const plain = (s: string) => s;

const ACTIONS: Record<Lang, Record<string, string>> = {
  en: {},
  ru: { navigate: 'выбрать', select: 'ответить', submit: 'ответить' },
};

/** The words a yes-or-no question takes (any beginning of them, and y, n, yes and no in any language), shows and says when neither was typed. */
const KEYWORDS: Record<Lang, { yes: string; no: string; error: (k: { yes: string; no: string }) => string }> = {
  en: { yes: 'Yes', no: 'No', error: ({ yes, no }) => `Answer ${yes} or ${no} (y or n)` },
  ru: { yes: 'Да', no: 'Нет', error: ({ yes, no }) => `Ответьте «${yes}» или «${no}» (д или н)` },
};

export function promptTheme(colour: boolean, lang: Lang) {
  const keysHelpTip = (keys: [key: string, action: string][]) => keys.map(([key, action]) => `${key} ${ACTIONS[lang][action] ?? action}`).join(' • ');
  const keywords = KEYWORDS[lang] ?? KEYWORDS.en;
  if (colour) return { keywords, style: { keysHelpTip } };
  return {
    keywords,
    prefix: { idle: '?', done: '✔' },
    style: {
      answer: plain,
      message: plain,
      error: plain,
      defaultAnswer: plain,
      help: plain,
      highlight: plain,
      key: plain,
      description: plain,
      disabled: plain,
      keysHelpTip,
    },
  };
}
