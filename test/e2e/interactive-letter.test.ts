// Writing a letter on a terminal: the facts the record lacks are asked for, then the letter
// is written with them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Terminal, after } from '../helpers/tmux.js';
import { SHARED, sandbox, type Sandbox } from '../helpers/cli.js';
import { ok } from '../helpers/expect.js';

let s: Sandbox;
let term: Terminal | undefined;

beforeEach(() => {
  s = sandbox();
  ok(s.run(['import', `${SHARED}/scenarios/seeds.yaml`]));
});
afterEach(() => {
  term?.kill();
  term = undefined;
  s.cleanup();
});

describe('letter on a terminal', () => {
  it('asks for the sender, the contract number and the demand of a claim', async () => {
    const t = (term = Terminal.start({ dir: s.dir, args: ['letter', 'volga-2012-07', '--kind', 'claim', '--jurisdiction', 'ru'], env: { VETTED_DB: s.db, VETTED_CONFIG: s.config, NO_COLOR: '1', LANG: 'C.UTF-8' } }));
    await t.waitForText('Your name, as the letter is signed (--from)');
    t.type('Dmitry Ivanov');
    t.keys('Enter');
    await t.waitForText('Your account or contract number');
    t.type('0123456789');
    t.keys('Enter');
    await t.waitForText('What you demand');
    t.keys('Down', 'Down', 'Down', 'Enter'); // recalculation
    await t.waitForText('The sum you demand');
    t.type('500');
    t.keys('Enter');
    await t.waitForText('Its currency');
    t.type('RUB');
    t.keys('Enter');
    expect(await t.waitForExit()).toBe(0);
    const letter = t.stdout();
    expect(letter).toContain('Account or contract number: 0123456789');
    expect(letter).toContain('a recalculation of my bill for the time the service failed: a reduction of RUB 500.00');
    expect(letter).toMatch(/Yours faithfully, {2}\nDmitry Ivanov\n$/);
  });

  it('refuses a sum or a currency that is not one at its question, where it can be mended, not after the last', async () => {
    const t = (term = Terminal.start({ dir: s.dir, args: ['letter', 'volga-2012-07', '--kind', 'claim', '--jurisdiction', 'ru'], env: { VETTED_DB: s.db, VETTED_CONFIG: s.config, NO_COLOR: '1', LANG: 'C.UTF-8' } }));
    await t.waitForText('(--from)');
    t.type('Dmitry Ivanov');
    t.keys('Enter');
    await t.waitForText('Your account or contract number');
    t.type('0123456789');
    t.keys('Enter');
    await t.waitForText('What you demand');
    t.keys('Down', 'Down', 'Down', 'Enter'); // recalculation
    await t.waitForText('The sum you demand');
    t.type('much');
    t.keys('Enter');
    await t.waitForText('--amount takes a sum above 0 such as 500 or 12.50');
    expect(t.screen()).not.toContain('Its currency');
    t.keys('C-u');
    t.type('500');
    t.keys('Enter');
    await t.waitForText('Its currency');
    t.type('roubles');
    t.keys('Enter');
    await t.waitForText('--currency takes a three-letter ISO 4217 code such as RUB or EUR, not "roubles".');
    t.keys('C-u');
    t.type('RUB');
    t.keys('Enter');
    expect(await t.waitForExit()).toBe(0);
    expect(t.stdout()).toContain('a recalculation of my bill for the time the service failed: a reduction of RUB 500.00');
  });

  it('refuses a name longer than a flag takes at its question', async () => {
    const t = (term = Terminal.start({ dir: s.dir, args: ['letter', 'volga-2012-07', '--kind', 'complaint'], env: { VETTED_DB: s.db, VETTED_CONFIG: s.config, NO_COLOR: '1', LANG: 'C.UTF-8' } }));
    await t.waitForText('(--from)');
    t.type('z'.repeat(510));
    await t.waitFor('510 characters typed', (screen) => after(screen, '(--from)').replace(/[^z]/g, '').length === 510);
    t.keys('Enter');
    await t.waitForText('--from can be at most 500 characters');
    t.keys('C-u');
    t.type('Dmitry Ivanov');
    t.keys('Enter');
    expect(await t.waitForExit()).toBe(0);
    expect(t.stdout()).toMatch(/Dmitry Ivanov\n$/);
  });

  it('asks nothing where standard input is the template (--template -): it names the flags to give on the command line', async () => {
    const t = (term = Terminal.start({ dir: s.dir, args: ['letter', 'volga-2012-07', '--kind', 'complaint', '--template', '-'], env: { VETTED_DB: s.db, VETTED_CONFIG: s.config, NO_COLOR: '1', LANG: 'C.UTF-8' } }));
    await t.waitForText('[vetted exited]');
    expect(await t.waitForExit()).toBe(2);
    expect(t.screen()).toContain('needs --from (your name, as the letter is signed); give it as a flag on the command line: standard input is the template');
    expect(t.screen()).not.toContain('(--from)');
  });
});
