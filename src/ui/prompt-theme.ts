// How the prompts look: no colour when colour is off (--no-color as well as NO_COLOR),
// and the key hints in the user's language.

import type { Lang } from '../domain/checklist.js';

const plain = (s: string) => s;

const ACTIONS: Record<Lang, Record<string, string>> = {
  en: {},
  ru: { navigate: 'выбрать', select: 'ответить', submit: 'ответить' },
};

export function promptTheme(colour: boolean, lang: Lang) {
  const keysHelpTip = (keys: [key: string, action: string][]) => keys.map(([key, action]) => `${key} ${ACTIONS[lang][action] ?? action}`).join(' • ');
  if (colour) return { style: { keysHelpTip } };
  return {
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
