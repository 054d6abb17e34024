// Looking up a company by the name a user typed: the typo search reads every name and alias of
// the record (at 10,000 companies, half again the time of a company edit), and runs only when
// no company has the name and none looks like it in letters of another script; each search
// runs once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Store } from '../../src/store/store.js';
import { companyOrNew, requireCompany } from '../../src/commands/shared.js';
import { journaled } from '../helpers/store.js';

let dir: string;
let store: Store;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vetted-lookup-'));
  store = journaled(Store.open(join(dir, 'v.db')));
  for (const name of ['Metro Books 100', 'Metro Books 101', 'Acme UK']) store.createCompany(name, '2024-01-01');
});

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What `look` finds, and how many times it ran each search. */
function searches<T>(look: () => T): { lookalike: number; typo: number; result: T | string } {
  const lookalike = vi.spyOn(store, 'lookalikesOf');
  const typo = vi.spyOn(store, 'allKeys');
  let result: T | string;
  try {
    result = look();
  } catch (err) {
    result = (err as Error).message;
  }
  const counts = { lookalike: lookalike.mock.calls.length, typo: typo.mock.calls.length, result };
  lookalike.mockRestore();
  typo.mockRestore();
  return counts;
}

describe('a name no company has', () => {
  it('is settled by a lookalike without the typo search', () => {
    const self = store.findCompany('Metro Books 100')!;
    // о, о Cyrillic: like the company itself alone, and a typo away from Metro Books 101.
    const parent = searches(() => companyOrNew(store, 'Metro Bооks 100', self));
    expect(parent).toMatchObject({ lookalike: 1, typo: 0 });
    expect(parent.result).toEqual({ warning: expect.stringMatching(/looks like "Metro Books 100"/) });
    const other = searches(() => companyOrNew(store, 'Metro Bооks 101'));
    expect(other).toMatchObject({ lookalike: 1, typo: 0, result: expect.stringMatching(/did you mean "Metro Books 101"\?/) });
  });

  it('is looked for once by each search where no lookalike settles it', () => {
    expect(searches(() => companyOrNew(store, 'Acme UX'))).toMatchObject({ lookalike: 1, typo: 1, result: expect.stringMatching(/did you mean "Acme UK"\?/) });
    expect(searches(() => requireCompany(store, 'Acme UX'))).toMatchObject({ lookalike: 1, typo: 1, result: expect.stringMatching(/did you mean "Acme UK"\?/) });
    expect(searches(() => companyOrNew(store, 'Quite Another'))).toMatchObject({ lookalike: 1, typo: 1, result: {} });
    // A name on record: no search.
    expect(searches(() => companyOrNew(store, 'acme uk'))).toMatchObject({ lookalike: 0, typo: 0 });
  });
});
