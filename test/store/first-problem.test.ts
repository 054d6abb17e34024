// The problem a damaged database is refused with is SQLite's first finding, not the heading
// its report starts with.
import { describe, expect, it } from 'vitest';
import { firstProblem } from '../../src/store/open.js';

describe('firstProblem', () => {
  it.each([
    ['*** in database main ***\nTree 3 page 3 cell 0: Offset 7776 out of range\nPage 5: never used', 'Tree 3 page 3 cell 0: Offset 7776 out of range'],
    ['row 3 missing from index companies_skeleton\nwrong # of entries in index', 'row 3 missing from index companies_skeleton'],
    ['*** in database main ***', '*** in database main ***'],
  ])('%j → %j', (report, said) => {
    expect(firstProblem(report)).toBe(said);
  });
});
