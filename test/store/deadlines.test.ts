// The deadlines of the calendar, read as it reads them: the incidents that may owe a promise,
// with their digests, and of each the promises still owed (owedDeadlines).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { isReplyDeadline } from '../../src/domain/incident.js';
import { owedDeadlines } from '../../src/domain/digest.js';

let dir: string;
let store: Store;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vetted-deadlines-'));
  store = Store.open(join(dir, 'v.db'));
  store.write(() => {
    const zed = store.createCompany('Zed', '2024-01-01');
    const acme = store.createCompany('Acme', '2024-01-01');
    const open = store.insertIncident({ ref: 'zed-1', companyId: zed.id, title: 'open', opened: '2024-01-01T09:00', fault: 'company' });
    store.addEvent(open, { at: '2024-01-03T10:00', type: 'promise', text: 'second', due: '2024-01-10' });
    store.addEvent(open, { at: '2024-01-02T10:00', type: 'promise', text: 'first', due: '2024-01-05T12:00' });
    store.addEvent(open, { at: '2024-01-02T11:00', type: 'promise', text: 'kept', due: '2024-01-06', kept: true });
    store.addEvent(open, { at: '2024-01-02T12:00', type: 'promise', text: 'no deadline' });
    store.addEvent(open, { at: '2024-01-02T13:00', type: 'promise', text: 'marked broken', due: '2099-01-01', kept: false });
    store.addEvent(open, { at: '2024-01-04T10:00', type: 'escalation', level: 'quality' });
    store.addEvent(open, { at: '2024-01-04T11:00', type: 'refusal', level: 'supervisor', text: 'no' });
    const other = store.insertIncident({ ref: 'acme-1', companyId: acme.id, title: 'frontline only', opened: '2024-02-01T09:00', fault: 'company' });
    store.addEvent(other, { at: '2024-02-02T10:00', type: 'promise', due: '2024-02-03' });
    const closed = store.insertIncident({ ref: 'acme-2', companyId: acme.id, title: 'closed', opened: '2024-01-01T09:00', fault: 'company' });
    store.addEvent(closed, { at: '2024-01-02T10:00', type: 'promise', text: 'of a closed incident', due: '2024-01-05' });
    store.addEvent(closed, { at: '2024-01-06T10:00', type: 'resolution', outcome: 'resolved' });
  }, { summary: 'test' });
});

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});


const NOW = Date.parse('2024-06-01T12:00:00Z');

/** Each deadline the calendar gives, as [incident, text, due, broken, reply, whose reply] (both reads of the store: digests worked out, then kept). */
function deadlines(): { incident: string; text: string | undefined; due: string; broken: boolean; reply: boolean; replyOf: string | null; step: string | null }[] {
  const read = () =>
    [...store.digestedIncidentsInBatches(100, 'promises-owed')].flat().flatMap((i) =>
      owedDeadlines(i, NOW).map(({ promise: p, step }) => ({
        incident: i.id,
        text: p.event.text,
        due: p.event.due!,
        broken: p.state === 'broken',
        reply: p.event.reply === true,
        replyOf: p.event.replyOf ?? null,
        step: step && (step.kind === 'escalate' ? `escalate from ${step.from}` : step.kind),
      })),
    );
  const first = read();
  expect(read()).toEqual(first);
  return first;
}

it('gives each promise still owed, by company name, then opening, then as made: of a closed incident, only one made after its fix', () => {
  store.write(() => {
    store.addEvent(store.incidentRowId('acme-2')!, { at: '2024-01-07T10:00', type: 'promise', text: 'after the fix', due: '2024-01-09' });
    store.addEvent(store.incidentRowId('zed-1')!, { at: '2024-01-05T10:00', type: 'promise', text: 'still to come', due: '2099-02-01' });
  }, { summary: 'test' });
  // Each with the step its calendar event names: a closed incident's, a reminder; an open one's, the
  // rung above the level that failed (now, or once a deadline still to come is let pass).
  expect(deadlines().map((d) => [d.incident, d.text, d.due, d.broken, d.step])).toEqual([
    ['acme-2', 'after the fix', '2024-01-09', true, 'after-fix'],
    ['acme-1', undefined, '2024-02-03', true, 'escalate from frontline'],
    ['zed-1', 'first', '2024-01-05T12:00', true, 'escalate from quality'],
    ['zed-1', 'marked broken', '2099-01-01', true, 'escalate from quality'],
    ['zed-1', 'second', '2024-01-10', true, 'escalate from quality'],
    ['zed-1', 'still to come', '2099-02-01', false, 'escalate from quality'],
  ]);
});

it('names who owes the reply a letter to a regulator or a court awaits; the company owes the rest', () => {
  store.write(() => {
    const beta = store.createCompany('Beta', '2024-01-01');
    const i = store.insertIncident({ ref: 'beta-1', companyId: beta.id, title: 'letters', opened: '2024-01-01T09:00', fault: 'company' });
    // Each letter with its reply deadline, as `letter --sent` logs them: one moment, one level.
    store.addEvent(i, { at: '2024-01-02T10:00', type: 'contact', channel: 'email', level: 'supervisor' });
    store.addEvent(i, { at: '2024-01-02T10:00', type: 'promise', text: 'company reply', due: '2024-01-16', level: 'supervisor' });
    store.addEvent(i, { at: '2024-01-20T10:00', type: 'contact', channel: 'letter', level: 'regulator' });
    store.addEvent(i, { at: '2024-01-20T10:00', type: 'promise', text: 'regulator reply', due: '2024-02-20', level: 'regulator' });
    store.addEvent(i, { at: '2024-03-01T10:00', type: 'contact', channel: 'letter', level: 'court' });
    store.addEvent(i, { at: '2024-03-01T10:00', type: 'promise', text: 'court reply', due: '2024-04-01', level: 'court' });
    // A promise made at a regulator's level with no letter there is no letter's deadline.
    store.addEvent(i, { at: '2024-03-02T10:00', type: 'promise', text: 'said at the hearing', due: '2024-04-02', level: 'regulator' });
  }, { summary: 'test' });
  const got = deadlines().filter((d) => d.incident === 'beta-1');
  // Each letter's deadline is a reply it awaits, the company's too; the promise is none.
  expect(got.map((d) => [d.text, d.reply, d.replyOf])).toEqual([
    ['company reply', true, null],
    ['regulator reply', true, 'regulator'],
    ['court reply', true, 'court'],
    ['said at the hearing', false, null],
  ]);
});

it('takes a promise of a day alone, of the day the customer wrote, for the company’s, unless it is in the words of a letter’s reply deadline', () => {
  store.write(() => {
    const gamma = store.createCompany('Gamma', '2024-01-01');
    const i = store.insertIncident({ ref: 'gamma-1', companyId: gamma.id, title: 'by email', opened: '2024-03-01', fault: 'company' });
    // Two events of one day are not one moment: the company answered the email that day.
    store.addEvent(i, { at: '2024-03-01', type: 'contact', channel: 'email' });
    store.addEvent(i, { at: '2024-03-01', type: 'promise', text: 'fixed tomorrow', due: '2024-03-02' });
    // A letter sent with `letter --sent --at 2024-03-05`: its reply deadline in its words.
    store.addEvent(i, { at: '2024-03-05', type: 'contact', channel: 'letter' });
    store.addEvent(i, { at: '2024-03-05', type: 'promise', text: 'a reply to my complaint of 5 March 2024', due: '2024-03-19' });
    store.addEvent(i, { at: '2024-03-07', type: 'contact', channel: 'letter' });
    store.addEvent(i, { at: '2024-03-07', type: 'promise', text: 'ответ на мою претензию от 07.03.2024', due: '2024-03-17' });
    // At a time of day, the letter's minute is its reply deadline's, whatever its words.
    store.addEvent(i, { at: '2024-03-09T10:00', type: 'contact', channel: 'email' });
    store.addEvent(i, { at: '2024-03-09T10:00', type: 'promise', text: 'reply within a week', due: '2024-03-16' });
  }, { summary: 'test' });
  const got = deadlines().filter((d) => d.incident === 'gamma-1');
  expect(got.map((d) => [d.text, d.reply])).toEqual([
    ['fixed tomorrow', false],
    ['a reply to my complaint of 5 March 2024', true],
    ['ответ на мою претензию от 07.03.2024', true],
    ['reply within a week', true],
  ]);
  // The timeline's own reading agrees with the query's.
  const events = store.findIncident('gamma-1')!.events;
  expect(events.filter((e) => e.type === 'promise').map((e) => isReplyDeadline(events, e))).toEqual([false, true, true, true]);
});
