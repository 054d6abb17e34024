// Jurisdiction packs: every built-in pack is valid and honest, the validator names problems,
// the user's overrides are marked, and only rules the user can invoke are chosen.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addTerm, applyOverrides, chooseRules, validateOverrides, validatePack, type JurisdictionPack } from '../../src/domain/law.js';
import { loadPacks, projectDir } from '../../src/formats/law-file.js';
import { formatPath } from '../../src/domain/validation.js';
import { t } from '../../src/i18n/index.js';

const packs = await loadPacks();
const ru = packs.get('ru')!;
const now = new Date(2026, 11, 2, 12).getTime();
const day = 86_400_000;

describe('the built-in packs', () => {
  it('are the five jurisdictions, each valid', () => {
    expect([...packs.keys()]).toEqual(['eu', 'none', 'ru', 'uk', 'us']);
    for (const p of packs.values()) expect(validatePack(JSON.parse(JSON.stringify(p)))).toHaveProperty('value');
  });

  it('give every rule an article in both languages, an address, a date checked and a status', () => {
    for (const p of packs.values()) {
      for (const r of p.rules) {
        expect(r.source, r.id).toMatch(/^https?:\/\//);
        expect(r.verified_on, r.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(['verified', 'indicative'], r.id).toContain(r.status);
        if (r.status === 'indicative') expect(r.note, `${p.id}/${r.id} says why it is indicative`).toBeTruthy();
      }
    }
  });

  it('hold the terms of the law as the packs state them', () => {
    const term = (j: string, id: string) => {
      const r = packs.get(j)!.rules.find((x) => x.id === id)!;
      return [r.value, r.unit, r.status];
    };
    expect(term('ru', 'goods-refund-10-days')).toEqual([10, 'calendar-days', 'verified']);
    expect(term('ru', 'services-refund-10-days')).toEqual([10, 'calendar-days', 'verified']);
    expect(term('ru', 'goods-repair-45-days')).toEqual([45, 'calendar-days', 'verified']);
    expect(term('ru', 'goods-replacement-7-days')).toEqual([7, 'calendar-days', 'verified']);
    expect(term('ru', 'telecom-claim-30-days')).toEqual([30, 'calendar-days', 'verified']);
    expect(term('uk', 'short-term-right-to-reject')).toEqual([30, 'calendar-days', 'verified']);
    expect(term('eu', 'distance-withdrawal-14-days')).toEqual([14, 'calendar-days', 'verified']);
    expect(term('us', 'cfpb-response-15-days')).toEqual([15, 'calendar-days', 'verified']);
    expect(term('us', 'fcba-dispute-60-days')).toEqual([60, 'calendar-days', 'verified']);
  });

  it('never mention the EU online dispute resolution platform, which closed in 2025', () => {
    const dirs = [projectDir('jurisdictions', 'none.yaml'), join(projectDir('templates', 'letters/en/claim.md'), 'letters', 'en'), join(projectDir('templates', 'letters/en/claim.md'), 'letters', 'ru')];
    for (const dir of dirs) {
      for (const f of readdirSync(dir)) expect(readFileSync(join(dir, f), 'utf8'), f).not.toMatch(/\bODR\b|online dispute resolution|ec\.europa\.eu\/consumers\/odr/i);
    }
  });
});

describe('validatePack', () => {
  const base = () => JSON.parse(JSON.stringify(ru)) as Record<string, unknown> & { rules: Record<string, unknown>[] };
  it.each([
    ['an unknown field', (p: ReturnType<typeof base>) => (p.rules[0].artcle = 'x'), 'rules[0].artcle', /unknown field/],
    ['a status that is neither', (p: ReturnType<typeof base>) => (p.rules[0].status = 'probably'), 'rules[0].status', /verified, indicative/],
    ['a unit that is not one', (p: ReturnType<typeof base>) => (p.rules[0].unit = 'weeks'), 'rules[0].unit', /calendar-days, working-days/],
    ['an address that is not one', (p: ReturnType<typeof base>) => (p.rules[0].source = 'the law'), 'rules[0].source', /address/],
    ['a case that is not one', (p: ReturnType<typeof base>) => (p.rules[0].applies_to = ['cars']), 'rules[0].applies_to[0]', /goods, services, telecom, finance/],
    ['a missing verified_on', (p: ReturnType<typeof base>) => delete p.rules[0].verified_on, 'rules[0].verified_on', /required/],
    ['a reply rule without its term', (p: ReturnType<typeof base>) => delete p.rules[0].value, 'rules[0]', /value and unit/],
    ['a rule id used twice', (p: ReturnType<typeof base>) => (p.rules[1].id = p.rules[0].id), 'rules[1].id', /another rule/],
    ['an article in one language only', (p: ReturnType<typeof base>) => (p.rules[0].article = { en: 'x' }), 'rules[0].article.ru', /non-empty/],
  ])('names %s with its path', (_name, spoil, path, message) => {
    const p = base();
    spoil(p);
    const r = validatePack(p);
    expect('errors' in r).toBe(true);
    if (!('errors' in r)) return;
    expect(r.errors.map((e) => formatPath(e.path))).toContain(path);
    expect(t().letter.lawFault(r.errors.find((e) => formatPath(e.path) === path)!.fault)).toMatch(message);
  });
});

describe('overrides', () => {
  it('change a rule and mark it as the user’s', () => {
    const o = validateOverrides({ ru: { 'telecom-claim-30-days': { value: 20 } } }, packs);
    if (!('value' in o)) throw new Error('invalid');
    const pack = applyOverrides(ru, o.value);
    const rule = pack.rules.find((r) => r.id === 'telecom-claim-30-days')!;
    expect([rule.value, rule.override, rule.status]).toEqual([20, true, 'verified']);
    expect(ru.rules.find((r) => r.id === 'telecom-claim-30-days')!.value).toBe(30);
  });
  it.each([
    [{ xx: {} }, 'xx', /not a jurisdiction/],
    [{ ru: { 'no-such-rule': { value: 1 } } }, 'ru.no-such-rule', /not a rule of ru/],
    [{ ru: { 'telecom-claim-30-days': { value: -3 } } }, 'ru.telecom-claim-30-days.value', /whole number/],
    [{ ru: { 'telecom-claim-30-days': { applies_to: ['goods'] } } }, 'ru.telecom-claim-30-days.applies_to', /unknown field/],
  ])('refuses %j', (data, path, message) => {
    const r = validateOverrides(data, packs);
    expect('errors' in r && r.errors.some((e) => formatPath(e.path) === path && message.test(t().letter.lawFault(e.fault)))).toBe(true);
  });
});

describe('chooseRules', () => {
  const facts = { kind: 'claim' as const, case: 'goods' as const, now, allowUnverified: false };
  it('cites the rule of the case and the demand', () => {
    expect(chooseRules(ru, { ...facts, demand: 'refund' }).cited.map((r) => r.id)).toEqual(['goods-refund-10-days']);
    expect(chooseRules(ru, { ...facts, demand: 'repair' }).cited.map((r) => r.id)).toEqual(['goods-repair-45-days']);
    expect(chooseRules(ru, { ...facts, case: 'telecom', demand: 'recalculation' }).cited.map((r) => r.id)).toEqual(['telecom-claim-30-days']);
    expect(chooseRules(ru, { ...facts, kind: 'complaint', demand: 'refund' }).cited).toEqual([]);
  });
  it('leaves out indicative rules unless they are allowed, and says why', () => {
    const strict = chooseRules(ru, { ...facts, demand: 'refund' });
    expect(strict.skipped.map((s) => [s.rule.id, s.flag])).toEqual([['goods-refund-penalty-1-percent', '--allow-unverified']]);
    expect(chooseRules(ru, { ...facts, demand: 'refund', allowUnverified: true }).cited.map((r) => r.id)).toContain('goods-refund-penalty-1-percent');
  });
  it('cites a right only within its term, and only when its start is known', () => {
    const uk = packs.get('uk')!;
    const f = { ...facts, demand: 'refund' as const };
    expect(chooseRules(uk, f).skipped[0]).toMatchObject({ flag: '--bought' });
    expect(chooseRules(uk, { ...f, purchase: now - 10 * day }).cited.map((r) => r.id)).toEqual(['short-term-right-to-reject']);
    expect(chooseRules(uk, { ...f, purchase: now - 40 * day }).skipped[0].why).toMatch(/passed/);
  });
  it("cites the company's term to answer in a regulator letter only once it has passed", () => {
    const f = { kind: 'regulator' as const, case: 'telecom' as const, now, allowUnverified: false };
    expect(chooseRules(ru, { ...f, firstLetter: now - 10 * day }).cited).toEqual([]);
    expect(chooseRules(ru, { ...f, firstLetter: now - 31 * day }).cited.map((r) => r.id)).toEqual(['telecom-claim-30-days']);
  });
  it('counts working days without weekends', () => {
    const friday = new Date(2026, 11, 4, 12).getTime();
    expect(new Date(addTerm(friday, 1, 'working-days')).getDay()).toBe(1);
    expect((addTerm(friday, 5, 'working-days') - friday) / day).toBe(7);
    expect((addTerm(friday, 5, 'calendar-days') - friday) / day).toBe(5);
  });
  it('has nothing to cite without a jurisdiction', () => {
    const none = packs.get('none') as JurisdictionPack;
    expect(chooseRules(none, { ...facts, demand: 'refund' })).toEqual({ cited: [], skipped: [] });
  });
});
