// The words of letters, per language. Code decides what a letter says; these say it.

import { LETTER_KINDS, type Case, type Demand, type LetterKind, type Unit } from './law.js';
import type { CompensationKind, Effort, Level, Outcome } from './types.js';
import { formatLocalDate, msOf, roundedSpan } from './dates.js';

export type LetterLang = 'en' | 'ru';

/**
 * A text in Russian quotes: «…», with quotes of its own made the inner „…“ (as Russian
 * typography nests them), and a text typed in quotes («», “”, "") quoted once, not twice
 * («««…»»» before).
 */
export function guillemets(s: string): string {
  return `«${insideGuillemets(s)}»`;
}

/** A text as it stands inside «»: a template's «{{text}}» quotes it as guillemets() does. */
export function insideGuillemets(s: string): string {
  const inner = /^(«[^«»]*»|“[^“”]*”|"[^"]*")$/u.test(s) ? s.slice(1, -1) : s;
  return inner.replace(/«/gu, '„').replace(/»/gu, '“').replace(/"([^"]*)"/gu, '„$1“');
}

/** A text as it stands inside English quotes (a template's “{{text}}”): one typed in quotes is not quoted twice. */
function insideQuotes(s: string): string {
  return /^(“[^“”]*”|"[^"]*")$/u.test(s) ? s.slice(1, -1) : s;
}

/** Where the customer goes when a letter is not answered. */
export type NextStep = 'quality' | 'management' | 'claim' | 'regulator' | 'court';

export interface LetterWords {
  date(y: number, m: number, d: number): string;
  quote(s: string): string;
  /** A quoted text as it stands inside the templates' quotes around it («{{text}}», “{{text}}”). */
  inQuotes(s: string): string;
  kindTitle: Record<LetterKind, string>;
  /** Where the problem stands, as the record shows it: put right or not, as promised or not (`fixedOn`: the day it was). */
  /** Where the problem stands: not put right, put right (late, if a promise was broken), or only in part (`partial`). */
  standing(o: { broken: number; fixedOn: string | null; partial?: boolean }): string;
  subject(kind: LetterKind, title: string, incident: string): string;
  defaultTo(kind: LetterKind, company: string, level: Level): string;
  channel(c: string | undefined): string;
  level: Record<Level, string>;
  contact(o: { channel: string; level?: string; robot?: boolean; queue?: number; human?: boolean; wait?: number; dropped?: boolean }): string;
  promise(o: { text?: string; due: string; state: 'kept' | 'broken' | 'pending'; lateMs?: number; open: boolean; answered?: boolean; partial?: boolean }): string;
  escalation(level: string): string;
  apology(level?: string): string;
  explanation(level?: string): string;
  compensation(o: { kind?: CompensationKind; amount?: string; proactive?: boolean; effort?: Effort; you?: boolean }): string;
  refusal(o: { policy?: boolean; level?: string; text?: string }): string;
  resolution(o: Outcome): string;
  note: string;
  noteOn(s: string): string;
  /** `open`: the problem is not fixed (the incident still open, or closed without a fix); `answered`: the promise was the reply to a letter, and it came this late. */
  lateBy(lateMs: number, open: boolean, answered?: boolean, partial?: boolean): string;
  costs: {
    days(n: number, open: boolean, partial?: boolean): string;
    contacts(n: number, minutes: number, you?: boolean): string;
    effort(e: Effort, you?: boolean): string;
  };
  owed: { fix: string; restOfFix: string; apology: string; explanation: string; compensation: string };
  demand(d: Demand, amount?: string): string;
  term(value: number, unit: Unit): string;
  override: string;
  /** Beside a cited rule nobody has checked against its source. */
  notVerified: string;
  /** Below the legal basis when it holds such a rule: plain words to the sender. */
  notVerifiedNotice: string;
  replyHow(to?: string): string;
  nextStep(step: NextStep, regulator?: string): string;
  letterSent(date: string, channel: string): string;
  answered(date: string): string;
  /** A letter not answered, its deadline settled by the fix that came after it (`partial`: a fix in part). */
  fixedUnanswered(date: string, partial: boolean): string;
  unanswered(due: string): string;
  replyDue(due: string): string;
  noAnswerYet: string;
  caseName: Record<Case, string>;
  replyPromise(kind: LetterKind, date: string): string;
  sentNote(kind: LetterKind): string;
}


/** How late, rounded as `due` and `incident show` say it (roundedSpan); a minute at the least. */
const lateSpan = (ms: number) => roundedSpan(Math.max(ms, 60_000));
const pad = (n: number) => String(n).padStart(2, '0');
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A count as the rest of the output writes it: digits grouped by thousands from 1,000 (English) or 1 000 (Russian). */
function grouped(n: number, separator: string): string {
  const digits = String(n);
  if (!Number.isSafeInteger(n) || n < 1000) return digits;
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let k = out.length; k < digits.length; k += 3) out += separator + digits.slice(k, k + 3);
  return out;
}

const plEn = (n: number, one: string, many = `${one}s`) => `${grouped(n, ',')} ${n === 1 ? one : many}`;
/** Russian plural: 1 день, 2 дня, 5 дней. */
const plRu = (n: number, one: string, few: string, many: string) => {
  const m10 = n % 10;
  const m100 = n % 100;
  const w = m10 === 1 && m100 !== 11 ? one : m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14) ? few : many;
  return `${grouped(n, '\u00a0')} ${w}`;
};

export const EN: LetterWords = {
  date: (y, m, d) => `${d} ${EN_MONTHS[m - 1]} ${y}`,
  quote: (s) => `“${insideQuotes(s)}”`,
  inQuotes: insideQuotes,
  kindTitle: { complaint: 'Complaint', escalation: 'Escalated complaint', claim: 'Formal claim', regulator: 'Complaint' },
  standing: ({ broken, fixedOn, partial }) =>
    fixedOn === null
      ? broken ? 'It was not put right as promised.' : 'It has not been put right.'
      : partial
        ? broken ? `It was not put right as promised: only in part, on ${fixedOn}.` : `It was put right only in part, on ${fixedOn}.`
        : broken ? `It was not put right as promised: only on ${fixedOn}.` : `It was put right on ${fixedOn}.`,
  subject: (kind, title, incident) =>
    `${{ complaint: 'Complaint', escalation: 'Escalated complaint', claim: 'Formal claim', regulator: 'Complaint about a company' }[kind]}: ${title} (my reference ${incident})`,
  defaultTo: (kind, company, level) =>
    // A complaint is recorded at a supervisor's level (letterLevel): it is addressed to one.
    kind === 'complaint'
      ? `${company}, head of customer service`
      : kind === 'escalation'
        ? level === 'management'
          ? `${company}, management`
          : `${company}, complaints (quality) department`
        : `${company}, management`,
  channel: (c) => ({ phone: 'phone call', chat: 'online chat', email: 'email', app: 'message in their app', web: 'form on their website', 'in-person': 'visit in person', letter: 'letter', social: 'message on social media' })[c ?? ''] ?? 'contact',
  level: { frontline: 'the front line', supervisor: 'a supervisor', quality: 'the complaints (quality) department', management: 'management', regulator: 'the regulator', court: 'the court' },
  contact: (o) => {
    const parts = [`${o.channel[0].toUpperCase()}${o.channel.slice(1)}${o.level ? ` (${o.level})` : ''}`];
    if (o.robot) parts.push(`a robot answered first${o.queue ? `, place ${o.queue} in the queue` : ''}`);
    else if (o.queue) parts.push(`place ${o.queue} in the queue`);
    if (o.human) parts.push(`a person answered${o.wait !== undefined ? ` after ${plEn(o.wait, 'minute')}` : ''}`);
    else if (o.human === false) parts.push(`no person answered${o.wait !== undefined ? ` in ${plEn(o.wait, 'minute')}` : ''}`);
    if (o.dropped) parts.push('the call or chat was cut off or went unanswered');
    return parts.join('; ');
  },
  promise: (o) =>
    `Promised ${o.text ? `“${insideQuotes(o.text)}”` : 'a fix'}, due ${o.due}: ${o.state === 'kept' ? 'kept' : o.state === 'pending' ? 'not yet due' : `broken${o.lateMs !== undefined ? ` (${EN.lateBy(o.lateMs, o.open, o.answered, o.partial)})` : ''}`}`,
  escalation: (level) => `Escalated to ${level}`,
  apology: (level) => `An apology${level ? ` from ${level}` : ''}`,
  explanation: (level) => `An explanation${level ? ` from ${level}` : ''}`,
  compensation: (o) => {
    const what = `${{ refund: 'A refund', credit: 'A credit', replacement: 'A replacement', repair: 'A repair', other: 'Compensation' }[o.kind ?? 'other']}${o.amount ? ` of ${o.amount}` : ''}`;
    const how = [o.proactive ? 'offered without my asking' : o.proactive === false ? 'only after I asked' : '', o.effort && o.effort !== 'none' ? EN.costs.effort(o.effort, o.you) : ''].filter(Boolean);
    return `${what}${how.length ? `, ${how.join(', ')}` : ''}`;
  },
  refusal: (o) => `Refused${o.policy ? ', stating it as company policy' : ''}${o.level ? ` (${o.level})` : ''}${o.text ? `: “${insideQuotes(o.text)}”` : ''}`,
  resolution: (o) => ({ resolved: 'The problem was resolved', partial: 'The problem was partly resolved', unresolved: 'The matter ended unresolved', abandoned: 'I gave up on this channel' })[o],
  note: 'Note',
  noteOn: (s) => ` (my note: “${insideQuotes(s)}”)`,
  lateBy: (ms, open, answered, partial) => {
    if (ms <= 0) return 'marked as not kept before its deadline';
    const late = lateSpan(ms);
    const span = late.unit === 'day' ? plEn(late.n, 'day') : late.unit === 'hour' ? plEn(late.n, 'hour') : plEn(late.n, 'minute');
    return answered ? `answered only ${span} after this deadline` : open ? `${span} overdue so far` : `${partial ? 'fixed in part' : 'fixed'} only ${span} after this deadline`;
  },
  costs: {
    days: (n, open, partial) => (open ? `${plEn(n, 'day')} without a fix so far` : `${plEn(n, 'day')} from my first report to the ${partial ? 'partial fix' : 'fix'}`),
    contacts: (n, minutes, you = true) => `${plEn(n, 'contact')} with ${you ? 'your company' : 'the company'}${minutes ? `, ${plEn(minutes, 'minute')} of waiting for a person` : ''}`,
    effort: (e, you = true) => ({ none: 'no effort', asked: 'after I asked', paperwork: 'only after paperwork', 'in-person': `only after I went to ${you ? 'your' : 'their'} office in person`, legal: 'only after legal action' })[e],
  },
  owed: { fix: 'a fix of the problem', restOfFix: 'a fix of what is still not put right', apology: 'an apology', explanation: 'a written explanation of what went wrong', compensation: 'compensation for the failure' },
  demand: (d, amount) =>
    ({
      refund: `a refund${amount ? ` of ${amount}` : ''}`,
      repair: 'a repair of the defect',
      replacement: 'a replacement with goods of proper quality',
      recalculation: `a recalculation of my bill for the time the service failed${amount ? `: a reduction of ${amount}` : ''}`,
      compensation: `compensation${amount ? ` of ${amount}` : ''}`,
    })[d],
  term: (value, unit) => `${plEn(value, unit === 'working-days' ? 'working day' : 'day')}`,
  override: '(your override)',
  notVerified: '(not verified)',
  notVerifiedNotice:
    'NOT VERIFIED: the legal references marked "(not verified)" have not been checked against their official texts. Before you send this letter, read each one at the source given, correct it if need be, and delete this paragraph.',
  replyHow: (to) => (to ? `Please reply in writing to ${to}.` : 'Please reply in writing, to me by name, quoting my reference.'),
  nextStep: (kind, regulator) =>
    ({
      quality: 'I will write to your complaints (quality) department.',
      management: 'I will raise the matter with your management.',
      claim: 'I will send you a formal claim.',
      regulator: `I will complain to ${regulator ?? 'the regulator'}, enclosing this letter and the timeline.`,
      court: 'I will consider taking the matter to court, with this correspondence as evidence.',
    })[kind],
  letterSent: (date, channel) => `I wrote to you on ${date} (${channel})`,
  answered: (date) => `answered on ${date}`,
  fixedUnanswered: (date, partial) => `not answered, but the problem was put right${partial ? ' in part' : ''} on ${date}`,
  unanswered: (due) => `no answer by ${due}`,
  replyDue: (due) => `the answer is due by ${due}`,
  noAnswerYet: 'no answer so far',
  caseName: { goods: 'goods', services: 'services', telecom: 'telecommunications services', finance: 'financial services' },
  replyPromise: (kind, date) => `a reply to my ${kind === 'claim' ? 'formal claim' : kind === 'regulator' ? 'complaint to the regulator' : kind === 'escalation' ? 'escalated complaint' : 'complaint'} of ${date}`,
  sentNote: (kind) => ({ complaint: 'sent a complaint', escalation: 'sent an escalated complaint', claim: 'sent a formal claim', regulator: 'sent a complaint to the regulator' })[kind],
};

const RU_KIND_GEN: Record<LetterKind, string> = { complaint: 'жалобу', escalation: 'жалобу', claim: 'претензию', regulator: 'жалобу в надзорный орган' };

export const RU: LetterWords = {
  date: (y, m, d) => `${pad(d)}.${pad(m)}.${y}`,
  quote: guillemets,
  inQuotes: insideGuillemets,
  kindTitle: { complaint: 'Жалоба', escalation: 'Жалоба', claim: 'Претензия', regulator: 'Жалоба' },
  standing: ({ broken, fixedOn, partial }) =>
    fixedOn === null
      ? broken ? 'В обещанные сроки она устранена не была.' : 'Она до сих пор не устранена.'
      : partial
        ? broken ? `В обещанные сроки она устранена не была: лишь частично, ${fixedOn}.` : `Она была устранена лишь частично, ${fixedOn}.`
        : broken ? `В обещанные сроки она устранена не была: лишь ${fixedOn}.` : `Она была устранена ${fixedOn}.`,
  subject: (kind, title, incident) =>
    `${{ complaint: 'Жалоба', escalation: 'Повторная жалоба', claim: 'Претензия', regulator: 'Жалоба на действия компании' }[kind]}: ${title} (моё обращение ${incident})`,
  defaultTo: (kind, company, level) =>
    // «Кому» asks the dative, and a company's name stays as it is written (not declined) after «компании».
    kind === 'complaint'
      ? `руководителю службы поддержки клиентов компании ${company}`
      : kind === 'escalation'
        ? level === 'management'
          ? `руководству компании ${company}`
          : `отделу по работе с жалобами (контроля качества) компании ${company}`
        : `руководству компании ${company}`,
  channel: (c) => ({ phone: 'звонок', chat: 'онлайн-чат', email: 'электронное письмо', app: 'сообщение в приложении', web: 'форма на сайте', 'in-person': 'личное обращение', letter: 'письмо', social: 'сообщение в соцсети' })[c ?? ''] ?? 'обращение',
  level: { frontline: 'первая линия поддержки', supervisor: 'старший смены (руководитель группы)', quality: 'отдел по работе с жалобами', management: 'руководство', regulator: 'надзорный орган', court: 'суд' },
  contact: (o) => {
    const parts = [`${o.channel[0].toUpperCase()}${o.channel.slice(1)}${o.level ? ` (${o.level})` : ''}`];
    if (o.robot) parts.push(`сначала ответил автоответчик${o.queue ? `, ${o.queue}-й в очереди` : ''}`);
    else if (o.queue) parts.push(`${o.queue}-й в очереди`);
    if (o.human) parts.push(`сотрудник ответил${o.wait !== undefined ? ` через ${plRu(o.wait, 'минуту', 'минуты', 'минут')}` : ''}`);
    else if (o.human === false) parts.push(`сотрудник не ответил${o.wait !== undefined ? ` за ${plRu(o.wait, 'минуту', 'минуты', 'минут')}` : ''}`);
    if (o.dropped) parts.push('звонок или чат прервался либо остался без ответа');
    return parts.join('; ');
  },
  promise: (o) =>
    `Обещано ${o.text ? guillemets(o.text) : 'устранить проблему'}, срок — ${o.due}: ${o.state === 'kept' ? 'выполнено' : o.state === 'pending' ? 'срок ещё не наступил' : `не выполнено${o.lateMs !== undefined ? ` (${RU.lateBy(o.lateMs, o.open, o.answered, o.partial)})` : ''}`}`,
  escalation: (level) => `Обращение передано: ${level}`,
  apology: (level) => `Принесены извинения${level ? ` (${level})` : ''}`,
  explanation: (level) => `Дано объяснение причин${level ? ` (${level})` : ''}`,
  compensation: (o) => {
    const what = `${{ refund: 'Возврат денег', credit: 'Зачисление на счёт', replacement: 'Замена', repair: 'Ремонт', other: 'Компенсация' }[o.kind ?? 'other']}${o.amount ? ` в размере ${o.amount}` : ''}`;
    const how = [o.proactive ? 'предложено без моей просьбы' : o.proactive === false ? 'только по моему требованию' : '', o.effort && o.effort !== 'none' ? RU.costs.effort(o.effort, o.you) : ''].filter(Boolean);
    return `${what}${how.length ? `, ${how.join(', ')}` : ''}`;
  },
  refusal: (o) => `Отказ${o.policy ? ' со ссылкой на политику компании' : ''}${o.level ? ` (${o.level})` : ''}${o.text ? `: ${guillemets(o.text)}` : ''}`,
  resolution: (o) => ({ resolved: 'Проблема устранена', partial: 'Проблема устранена частично', unresolved: 'Дело закончилось без решения', abandoned: 'Обращения по этому каналу прекращены без результата' })[o],
  note: 'Заметка',
  noteOn: (s) => ` (моя заметка: ${guillemets(s)})`,
  lateBy: (ms, open, answered, partial) => {
    if (ms <= 0) return 'отмечено как невыполненное до срока';
    const late = lateSpan(ms);
    // «просрочка уже 21 минута» (nominative), «через 21 минуту» (accusative): days and hours read the same in both.
    const span = (accusative: boolean) =>
      late.unit === 'day'
        ? plRu(late.n, 'день', 'дня', 'дней')
        : late.unit === 'hour'
          ? plRu(late.n, 'час', 'часа', 'часов')
          : plRu(late.n, accusative ? 'минуту' : 'минута', 'минуты', 'минут');
    return answered ? `ответ пришёл лишь через ${span(true)} после этого срока` : open ? `просрочка уже ${span(false)}` : `${partial ? 'устранено лишь частично и лишь' : 'устранено лишь'} через ${span(true)} после этого срока`;
  },
  costs: {
    days: (n, open, partial) =>
      open ? `${plRu(n, 'день', 'дня', 'дней')} без устранения проблемы на сегодня` : `${plRu(n, 'день', 'дня', 'дней')} от моего первого обращения до ${partial ? 'частичного устранения' : 'устранения'} проблемы`,
    contacts: (n, minutes, you = true) => `${plRu(n, 'обращение', 'обращения', 'обращений')} в ${you ? 'вашу компанию' : 'компанию'}${minutes ? `, ${plRu(minutes, 'минута', 'минуты', 'минут')} ожидания ответа сотрудника` : ''}`,
    effort: (e, you = true) => ({ none: 'без усилий с моей стороны', asked: 'после моей просьбы', paperwork: 'только после оформления документов', 'in-person': `только после личного визита в ${you ? 'ваш офис' : 'офис компании'}`, legal: 'только после обращения к юристу' })[e],
  },
  owed: { fix: 'устранить проблему', restOfFix: 'устранить то, что до сих пор не устранено', apology: 'принести извинения', explanation: 'письменно объяснить причины произошедшего', compensation: 'возместить ущерб от некачественного обслуживания' },
  demand: (d, amount) =>
    ({
      refund: `вернуть уплаченные денежные средства${amount ? ` в размере ${amount}` : ''}`,
      repair: 'безвозмездно устранить недостатки',
      replacement: 'заменить товар на товар надлежащего качества',
      recalculation: `произвести перерасчёт платы за период, когда услуга не оказывалась${amount ? `, на сумму ${amount}` : ''}`,
      compensation: `выплатить компенсацию${amount ? ` в размере ${amount}` : ''}`,
    })[d],
  term: (value, unit) => (unit === 'working-days' ? plRu(value, 'рабочий день', 'рабочих дня', 'рабочих дней') : plRu(value, 'день', 'дня', 'дней')),
  override: '(ваше уточнение)',
  notVerified: '(не проверено)',
  notVerifiedNotice:
    'НЕ ПРОВЕРЕНО: ссылки на закон с пометкой «(не проверено)» не сверены с официальными текстами. Перед отправкой письма прочитайте каждую по указанному источнику, при необходимости исправьте и удалите этот абзац.',
  replyHow: (to) => (to ? `Ответ прошу направить в письменной форме: ${to}.` : 'Ответ прошу направить мне в письменной форме, со ссылкой на номер обращения.'),
  nextStep: (kind, regulator) =>
    ({
      quality: 'я обращусь в ваш отдел по работе с жалобами.',
      management: 'я обращусь к руководству компании.',
      claim: 'я направлю вам официальную претензию.',
      regulator: `я обращусь с жалобой в ${regulator ?? 'надзорный орган'}, приложив это письмо и хронологию.`,
      court: 'мне придётся обратиться в суд; эта переписка будет представлена как доказательство.',
    })[kind],
  letterSent: (date, channel) => `${date} вам было направлено ${channel === 'электронное письмо' ? 'электронное письмо' : 'письмо'}`,
  answered: (date) => `ответ получен ${date}`,
  fixedUnanswered: (date, partial) => `ответа не последовало, но ${date} проблема была ${partial ? 'частично ' : ''}устранена`,
  unanswered: (due) => `ответа к ${due} не последовало`,
  replyDue: (due) => `срок ответа — до ${due}`,
  noAnswerYet: 'ответа пока нет',
  caseName: { goods: 'товары', services: 'услуги', telecom: 'услуги связи', finance: 'финансовые услуги' },
  replyPromise: (kind, date) => `ответ на мою ${RU_KIND_GEN[kind]} от ${date}`,
  sentNote: (kind) => ({ complaint: 'отправлена жалоба', escalation: 'отправлена повторная жалоба', claim: 'отправлена претензия', regulator: 'отправлена жалоба в надзорный орган' })[kind],
};

export function lettersWords(lang: LetterLang): LetterWords {
  return lang === 'ru' ? RU : EN;
}

/** How the words of a reply deadline begin in a language, whatever the letter's kind. */
const REPLY_HEAD = new Map(
  [EN, RU].map((w) => [
    w,
    LETTER_KINDS.map((k) => w.replyPromise(k, '')).reduce((head, words) => {
      let n = 0;
      while (n < head.length && head[n] === words[n]) n++;
      return head.slice(0, n);
    }),
  ]),
);

/** A date as a language's letters write it (`21 November 2026`, `21.11.2026`), read back; undefined for any other text. */
function letterDateOf(w: LetterWords, text: string): [year: number, month: number, day: number] | undefined {
  const m = /^(\d{1,2})[ .](\d{2}|[A-Z][a-z]+)[ .](\d{4})$/.exec(text);
  if (!m) return undefined;
  const date: [number, number, number] = [Number(m[3]), /\d/.test(m[2]) ? Number(m[2]) : EN_MONTHS.indexOf(m[2]) + 1, Number(m[1])];
  // A day of the calendar (words changed by hand to `21.13.2026` are a person's own).
  const [y, mo, d] = date;
  const real = mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return real && w.date(...date) === text ? date : undefined;
}

/**
 * The words `letter --sent` kept for a letter's reply deadline, in either language and of any
 * kind, told in `lang`: the record keeps the words of the letter's language, and a person reading
 * it in another reads them in theirs. The date is read from the words themselves, so that they are
 * told alike in any time zone. Any other text (a person's own, or changed since) is given back as
 * it is. Russian says a complaint and an escalated one alike: told in English, both are a complaint.
 */
export function replyPromiseIn(text: string, lang: LetterLang): string {
  const to = lettersWords(lang);
  for (const w of [EN, RU]) {
    // Most texts are the reader's own language's, or a company's words: only the other's heads are looked at.
    if (w === to || !text.startsWith(REPLY_HEAD.get(w)!)) continue;
    for (const kind of LETTER_KINDS) {
      const head = w.replyPromise(kind, '');
      const date = text.startsWith(head) ? letterDateOf(w, text.slice(head.length)) : undefined;
      if (date) return to.replyPromise(kind, to.date(...date));
    }
  }
  return text;
}

/** The name `letter --sent` gives the letter it keeps: its kind, the day it was sent, its format. */
const SENT_FILE = new RegExp(`^(?:${LETTER_KINDS.join('|')})-\\d{4}-\\d{2}-\\d{2}\\.(?:md|txt)$`);

/**
 * The note `letter --sent` kept on the contact that sent a letter (its kind's words, then its
 * file's name), told in `lang`; any other note as it is. The caller gives only the notes of
 * letters and emails the customer sent (isWritten): a person's own words on a call are theirs.
 */
export function sentNoteIn(note: string, lang: LetterLang): string {
  const to = lettersWords(lang);
  if (!note.endsWith(')')) return note;
  for (const w of [EN, RU]) {
    if (w === to) continue;
    for (const kind of LETTER_KINDS) {
      const head = `${w.sentNote(kind)} (`;
      if (note.startsWith(head) && SENT_FILE.test(note.slice(head.length, -1))) return `${to.sentNote(kind)} ${note.slice(head.length - 1)}`;
    }
  }
  return note;
}

/**
 * The words of a letter's reply deadline as `letter --sent` wrote them (in either language, of
 * any kind) for a letter sent at `from`, told again for one sent at `to`; undefined for words
 * that are not those (a person's own, or changed since).
 */
export function replyPromiseMoved(text: string, from: string, to: string): string | undefined {
  const [fy, fm, fd] = formatLocalDate(msOf(from)).split('-').map(Number);
  const [ty, tm, td] = formatLocalDate(msOf(to)).split('-').map(Number);
  for (const w of [EN, RU]) {
    const kind = LETTER_KINDS.find((k) => w.replyPromise(k, w.date(fy, fm, fd)) === text);
    if (kind) return w.replyPromise(kind, w.date(ty, tm, td));
  }
  return undefined;
}
