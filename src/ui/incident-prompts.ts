// Prompts for logging incidents and events, drawn on stderr. Loaded only on a terminal.

import { confirm, input, select } from '@inquirer/prompts';
import { EVENT_FIELDS, FIELD_SPECS } from '../domain/events.js';
import { FAULTS, type EventType, type Fault } from '../domain/types.js';
import { parseAmount, parseHumanWhen } from '../domain/dates.js';
import { promptTheme } from './prompt-theme.js';

const context = { output: process.stderr, clearPromptOnDone: false } as const;

const FAULT_LABELS: Record<Fault, string> = {
  company: "the company's (their product, service or staff failed)",
  'third-party': "someone else's (a carrier, a power cut, a supplier)",
  customer: 'mine (I made a mistake, or simply changed my mind)',
  unknown: 'not clear yet',
};

const QUESTIONS: Record<string, string> = {
  channel: 'How did you get in touch?',
  reached_human: 'Did a live person answer?',
  wait_minutes: 'Minutes until a person answered (or until you gave up)',
  robot: 'Did a voice menu or a bot stand in the way?',
  queue_position: 'Your place in the queue, if they said (Enter to skip)',
  dropped: 'Was the call or chat cut off, or left unanswered?',
  level: 'Who was it? (how far up the company)',
  note: 'Note (names, what was said; Enter to skip)',
  text: 'What exactly did they say? (their words)',
  due: 'By when? (such as 2026-11-23 18:00 or 23.11.2026 18:00)',
  kept: 'Was it kept?',
  amount: 'How much? (Enter to skip)',
  currency: 'Currency (ISO code such as EUR or RUB; Enter to skip)',
  kind: 'What kind of compensation?',
  proactive: 'Did they offer it without being asked?',
  effort: 'What did you have to do to get it?',
  policy: 'Did they say it was company policy?',
  outcome: 'How did it end?',
};

export async function askIncident(missing: { title: boolean; fault: boolean }, colour: boolean): Promise<{ title?: string; fault?: Fault }> {
  const theme = promptTheme(colour, 'en');
  const out: { title?: string; fault?: Fault } = {};
  if (missing.title) {
    out.title = (
      await input({ message: 'What went wrong? (a short title)', validate: (v) => (v.trim() ? true : 'A title helps you find it later.'), theme }, context)
    ).trim();
  }
  if (missing.fault) {
    out.fault = await select(
      { message: 'Whose fault does it look like?', choices: FAULTS.map((f) => ({ name: FAULT_LABELS[f], value: f })), default: 'unknown', theme },
      context,
    );
  }
  return out;
}

export async function askFirstContact(colour: boolean): Promise<boolean> {
  return confirm({ message: 'Log the first contact with them now?', default: true, theme: promptTheme(colour, 'en') }, context);
}

/** Asks for the fields of an event type that were not given; optional ones may be skipped. */
export async function askEventFields(type: EventType, given: Record<string, unknown>, colour: boolean): Promise<Record<string, unknown>> {
  const theme = promptTheme(colour, 'en');
  const out: Record<string, unknown> = {};
  const spec = EVENT_FIELDS[type];
  for (const name of spec.fields) {
    if (given[name] !== undefined) continue;
    if (name === 'kept') continue; // worked out from the dates unless the user says otherwise later
    const f = FIELD_SPECS[name];
    const required = spec.required.includes(name);
    const message = QUESTIONS[name] ?? f.describe;
    switch (f.kind) {
      case 'bool':
        out[name] = await confirm({ message, default: name === 'reached_human', theme }, context);
        break;
      case 'enum': {
        const choices = f.values!.map((v) => ({ name: v, value: v }));
        out[name] = await select({ message, choices, default: name === 'level' ? 'frontline' : undefined, theme }, context);
        break;
      }
      default: {
        const answer = (
          await input(
            {
              message,
              validate: (v) => {
                const t = v.trim();
                if (!t) return required ? 'This one is needed.' : true;
                if (f.kind === 'count' && !/^\d+$/.test(t)) return 'A whole number, please.';
                if (f.kind === 'number' && parseAmount(t) === undefined) return 'A number, please, such as 50 or 12,5.';
                if (f.kind === 'when' && !parseHumanWhen(t, Date.now())) return 'A date such as 2026-11-23 18:00, 23.11.2026 18:00 or today 18:00.';
                if (f.kind === 'currency' && !/^[A-Za-z]{3}$/.test(t)) return 'A three-letter code such as EUR.';
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
  return select({ message, choices, theme: promptTheme(colour, 'en') }, context);
}
