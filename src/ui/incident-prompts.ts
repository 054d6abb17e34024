// Prompts for logging incidents and events, drawn on stderr. Loaded only on a terminal.

import { confirm, input, select } from '@inquirer/prompts';
import { EVENT_FIELDS, FIELD_SPECS, MAX_COUNT, fieldFits, requiredWhenLogged } from '../domain/events.js';
import { FAULTS, type EventType, type Fault } from '../domain/types.js';
import { parseAmount, parseHumanWhen, parseWhen, skippedLocalTime } from '../domain/dates.js';
import { YEARS, isBefore, yearProblem } from '../domain/date-rules.js';
import { LIMITS } from '../formats/data-file.js';
import { promptTheme } from './prompt-theme.js';
import { readerLang, t } from '../i18n/index.js';

const context = { output: process.stderr, clearPromptOnDone: false } as const;

export async function askIncident(missing: { title: boolean; fault: boolean }, colour: boolean): Promise<{ title?: string; fault?: Fault }> {
  const theme = promptTheme(colour, readerLang());
  const out: { title?: string; fault?: Fault } = {};
  if (missing.title) {
    out.title = (
      await input({ message: t().prompts.title, validate: titleProblem, theme }, context)
    ).trim();
  }
  if (missing.fault) {
    out.fault = await select(
      { message: t().prompts.fault, choices: FAULTS.map((f) => ({ name: t().prompts.faultLabel[f], value: f })), default: 'unknown', theme },
      context,
    );
  }
  return out;
}

export async function askFirstContact(colour: boolean): Promise<boolean> {
  return confirm({ message: t().prompts.firstContact, default: true, theme: promptTheme(colour, readerLang()) }, context);
}

/** What is wrong with a title typed, as `incident add --title` would refuse it, asked again at once; true where nothing is. */
function titleProblem(v: string): string | true {
  const x = v.trim();
  if (!x) return t().prompts.titleNeeded;
  if ([...x].length > LIMITS.name * 2) return t().errors.longTitle(LIMITS.name * 2);
  return true;
}

/**
 * What is wrong with a time typed at a question, by the rules a flag's time is held to (a real
 * date, a year in range, a moment the clocks did not skip) and, for a promise's deadline, not
 * before the promise was made (`made`); true where nothing is. Said at the question, and asked
 * again: found after the last question, it lost every answer.
 */
function whenProblem(x: string, now: number, made?: string): string | true {
  const say = t().prompts;
  const w = parseHumanWhen(x, now);
  if (!w) return say.aDate;
  if (yearProblem(w)) return say.aYear(new Date(w.ms).getFullYear(), YEARS.first, YEARS.last);
  const skipped = skippedLocalTime(w);
  if (skipped) return say.skippedTime(skipped.reads, skipped.zoned);
  if (made !== undefined && isBefore(w, parseWhen(made)!)) return say.dueBeforeMade(made);
  return true;
}

/**
 * Asks for the fields of an event type that were not given; optional ones may be skipped. `at`:
 * the event's time, which a promise's deadline may not come before.
 */
export async function askEventFields(type: EventType, given: Record<string, unknown>, colour: boolean, at?: string): Promise<Record<string, unknown>> {
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
        out[name] = await confirm({ message, default: name === 'reached_human', theme }, context);
        break;
      case 'enum': {
        const words = (t().words as unknown as Record<string, Record<string, string>>)[name] ?? {};
        // An escalation goes above the front line; compensation asked for took at least the asking.
        const left = f.values!.filter((v) => !(name === 'level' && type === 'escalation' && v === 'frontline') && !(name === 'effort' && so.proactive === false && v === 'none'));
        const choices = left.map((v) => ({ name: words[v] ?? v, value: v }));
        const preferred = name === 'level' ? (type === 'escalation' ? 'supervisor' : 'frontline') : name === 'effort' ? (so.proactive === false ? 'asked' : 'none') : undefined;
        out[name] = await select({ message, choices, default: preferred, theme }, context);
        break;
      }
      default: {
        const answer = (
          await input(
            {
              message,
              validate: (v) => {
                const x = v.trim();
                const say = t().prompts;
                if (!x) return required ? say.needed : true;
                if (f.kind === 'count' && (!/^\d+$/.test(x) || !fieldFits(f, Number(x)))) return say.wholeNumber(MAX_COUNT);
                if (f.kind === 'number' && !fieldFits(f, parseAmount(x))) return say.aNumber;
                if (f.kind === 'when') return whenProblem(x, Date.now(), name === 'due' ? at : undefined);
                if (f.kind === 'currency' && !/^[A-Za-z]{3}$/.test(x)) return say.aCurrency;
                return true;
              },
              theme,
            },
            context,
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
export async function askChoice(message: string, choices: { name: string; value: string }[], colour: boolean): Promise<string> {
  return select({ message, choices, theme: promptTheme(colour, readerLang()) }, context);
}
