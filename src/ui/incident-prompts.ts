// Prompts for logging incidents and events, drawn on stderr. Loaded only on a terminal.

import { askConfirm, askLine, askSelect, askingThroughSignals, type Ask } from './asking.js';
import { EVENT_FIELDS, FIELD_SPECS, MAX_COUNT, fieldFits, requiredWhenLogged } from '../domain/events.js';
import { FAULTS, type EventType, type Fault } from '../domain/types.js';
import { parseAmount, parseHumanWhen } from '../domain/dates.js';
import { timeAnswerProblem } from './time-answer.js';
import { promptTheme } from './prompt-theme.js';
import { readerLang, t } from '../i18n/index.js';

/** What is wrong with an answer typed (too long, not a sum): said under it, to be mended there. */
type Problem = (value: string) => string | undefined;

/** Asks for the title and the fault of an incident; `titleProblem` says what is wrong with a title. */
export function askIncident(missing: { title: boolean; fault: boolean }, colour: boolean, titleProblem: Problem = () => undefined): Promise<{ title?: string; fault?: Fault }> {
  return askingThroughSignals((ask) => askIncidentThrough(ask, missing, colour, titleProblem));
}

async function askIncidentThrough(ask: Ask, missing: { title: boolean; fault: boolean }, colour: boolean, titleProblem: Problem): Promise<{ title?: string; fault?: Fault }> {
  const theme = promptTheme(colour, readerLang());
  const out: { title?: string; fault?: Fault } = {};
  if (missing.title) {
    out.title = (
      await askLine(ask, { message: t().prompts.title, validate: (v) => (v.trim() ? (titleProblem(v.trim()) ?? true) : t().prompts.titleNeeded), theme })
    ).trim();
  }
  if (missing.fault) {
    out.fault = await askSelect(ask, { message: t().prompts.fault, choices: FAULTS.map((f) => ({ name: t().prompts.faultLabel[f], value: f })), default: 'unknown', theme });
  }
  return out;
}

export function askFirstContact(colour: boolean): Promise<boolean> {
  return askingThroughSignals((ask) => askConfirm(ask, { message: t().prompts.firstContact, default: true, theme: promptTheme(colour, readerLang()) }));
}

/** Asks when something was, `offered` taken when nothing is typed; `problem` says what is wrong with a time typed. */
export function askWhen(message: string, offered: string, colour: boolean, problem: Problem): Promise<string> {
  const plain = promptTheme(colour, readerLang());
  // The time offered in brackets, as it is drawn in colour: without them it read as one typed.
  const theme = colour ? plain : { ...plain, style: { ...plain.style, defaultAnswer: (s: string) => `(${s})` } };
  return askingThroughSignals(async (ask) => (await askLine(ask, { message, default: offered, validate: (v) => problem(v) ?? true, theme })).trim());
}

/**
 * Asks for the fields of an event type that were not given; optional ones may be skipped.
 * `textProblem` says what is wrong with a text typed for a field (too long); `at`: the event's
 * time, which a promise's deadline may not come before.
 */
export function askEventFields(
  type: EventType,
  given: Record<string, unknown>,
  colour: boolean,
  textProblem: (name: string, value: string) => string | undefined = () => undefined,
  at?: string,
): Promise<Record<string, unknown>> {
  return askingThroughSignals((ask) => askEventFieldsThrough(ask, type, given, colour, textProblem, at));
}

async function askEventFieldsThrough(
  ask: Ask,
  type: EventType,
  given: Record<string, unknown>,
  colour: boolean,
  textProblem: (name: string, value: string) => string | undefined,
  at: string | undefined,
): Promise<Record<string, unknown>> {
  const theme = promptTheme(colour, readerLang());
  const out: Record<string, unknown> = {};
  const spec = EVENT_FIELDS[type];
  for (const name of spec.fields) {
    if (given[name] !== undefined) continue;
    if (name === 'kept') continue; // worked out from the dates unless the user says otherwise later
    const f = FIELD_SPECS[name];
    const required = requiredWhenLogged(type).includes(name);
    // What was answered so far: a question that no longer makes sense after it is not asked.
    const so = { ...given, ...out };
    // Nobody answered: there is no one whose place in the company to ask about.
    if (name === 'level' && type === 'contact' && so.reached_human === false) continue;
    const message = t().prompts.question[name] ?? f.describe;
    switch (f.kind) {
      case 'bool':
        out[name] = await askConfirm(ask, { message, default: name === 'reached_human', theme });
        break;
      case 'enum': {
        const words = (t().words as unknown as Record<string, Record<string, string>>)[name] ?? {};
        // An escalation goes above the front line; compensation asked for took at least the asking.
        const left = f.values!.filter((v) => !(name === 'level' && type === 'escalation' && v === 'frontline') && !(name === 'effort' && so.proactive === false && v === 'none'));
        const choices = left.map((v) => ({ name: words[v] ?? v, value: v }));
        const preferred = name === 'level' ? (type === 'escalation' ? 'supervisor' : 'frontline') : name === 'effort' ? (so.proactive === false ? 'asked' : 'none') : undefined;
        out[name] = await askSelect(ask, { message, choices, default: preferred, theme });
        break;
      }
      default: {
        const answer = (
          await askLine(
            ask,
            {
              message,
              validate: (v) => {
                const x = v.trim();
                const say = t().prompts;
                if (!x) return required ? say.needed : true;
                if (f.kind === 'text' && textProblem(name, x)) return textProblem(name, x)!;
                if (f.kind === 'count' && (!/^\d+$/.test(x) || !fieldFits(f, Number(x)))) return say.wholeNumber(MAX_COUNT);
                if (f.kind === 'number' && !fieldFits(f, parseAmount(x))) return say.aNumber;
                if (f.kind === 'when') return timeAnswerProblem(x, Date.now(), name === 'due' && at ? { notBefore: { at, say: say.dueBeforeMade } } : {}) ?? true;
                if (f.kind === 'currency' && !/^[A-Za-z]{3}$/.test(x)) return say.aCurrency;
                return true;
              },
              theme,
            },
          )
        ).trim();
        if (!answer) break;
        if (f.kind === 'count') out[name] = Number(answer);
        else if (f.kind === 'number') out[name] = parseAmount(answer);
        else if (f.kind === 'when') out[name] = parseHumanWhen(answer, Date.now())!.text;
        else if (f.kind === 'currency') out[name] = answer.toUpperCase();
        else out[name] = answer;
      }
    }
  }
  return out;
}

/** Asks which of some choices the user meant. */
export function askChoice(message: string, choices: { name: string; value: string }[], colour: boolean): Promise<string> {
  return askingThroughSignals((ask) => askSelect(ask, { message, choices, theme: promptTheme(colour, readerLang()) }));
}
