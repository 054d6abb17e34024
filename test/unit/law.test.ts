// Jurisdiction packs: every built-in pack is valid and honest, the validator names problems,
// the user's overrides are marked, and only rules the user can invoke are chosen.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addTerm, applyOverrides, basisAsOf, caseFromCategory, chooseRules, validateOverrides, validatePack, type JurisdictionPack } from '../../src/domain/law.js';
import { loadPacks, packsDataOf } from '../../src/formats/law-file.js';
import { projectDir } from '../../src/formats/project-files.js';
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

  it('give every rule an address and a status, and claim a check only with the date it was made', () => {
    for (const p of packs.values()) {
      for (const r of p.rules) {
        const name = `${p.id}/${r.id}`;
        expect(r.source, name).toMatch(/^https?:\/\/\S+$/);
        expect(['verified', 'indicative'], name).toContain(r.status);
        if (r.status === 'verified') {
          // Verified means read in its source: when, and where.
          expect(r.verified_on, `${name} is marked verified: on what date?`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        } else {
          expect(r.verified_on, `${name} was never checked, so it has no date of checking`).toBeUndefined();
          // What to check, in every language of the interface: the reader's comes on stderr.
          const toCheck = r.to_check as { en: string; ru: string };
          expect(toCheck.en, `${name} says what must be checked in its source`).toMatch(/\S{3}/);
          expect(toCheck.ru, `${name} says it in Russian too`).toMatch(/[а-яё]{3}/i);
        }
      }
    }
  });

  it('say in their own files whether each rule was checked, so a YAML edit cannot drop the date of a check', async () => {
    const { parseDataText } = await import('../../src/formats/data-text.js');
    const dir = projectDir('jurisdictions', 'none.yaml');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.yaml'))) {
      const r = validatePack(parseDataText(readFileSync(join(dir, f), 'utf8'), f));
      expect('errors' in r ? r.errors.map((e) => `${formatPath(e.path)}: ${e.fault.kind}`) : [], f).toEqual([]);
    }
  });

  it('hold the terms of the law as the packs state them', () => {
    const term = (j: string, id: string) => {
      const r = packs.get(j)!.rules.find((x) => x.id === id)!;
      return [r.value, r.unit];
    };
    expect(term('ru', 'goods-refund-10-days')).toEqual([10, 'calendar-days']);
    expect(term('ru', 'services-refund-10-days')).toEqual([10, 'calendar-days']);
    expect(term('ru', 'goods-repair-45-days')).toEqual([45, 'calendar-days']);
    expect(term('ru', 'goods-replacement-7-days')).toEqual([7, 'calendar-days']);
    expect(term('ru', 'telecom-claim-30-days')).toEqual([30, 'calendar-days']);
    expect(term('uk', 'short-term-right-to-reject')).toEqual([30, 'calendar-days']);
    expect(term('eu', 'distance-withdrawal-14-days')).toEqual([14, 'calendar-days']);
    expect(term('us', 'cfpb-response-15-days')).toEqual([15, 'calendar-days']);
    expect(term('us', 'fcba-dispute-60-days')).toEqual([60, 'calendar-days']);
  });

  it('never mention the EU online dispute resolution platform, which closed in 2025', () => {
    const dirs = [projectDir('jurisdictions', 'none.yaml'), join(projectDir('templates', 'letters/en/claim.md'), 'letters', 'en'), join(projectDir('templates', 'letters/en/claim.md'), 'letters', 'ru')];
    for (const dir of dirs) {
      for (const f of readdirSync(dir)) expect(readFileSync(join(dir, f), 'utf8'), f).not.toMatch(/\bODR\b|online dispute resolution|ec\.europa\.eu\/consumers\/odr/i);
    }
  });
});

describe('the data the build keeps of the packs (packsDataOf)', () => {
  it("is each file's data by id, the packs as they load; a file with a problem stops it, named", async () => {
    const data = await packsDataOf(projectDir('jurisdictions', 'none.yaml'));
    expect(Object.keys(data)).toEqual(['eu', 'none', 'ru', 'uk', 'us']);
    for (const [id, pack] of packs) expect(validatePack(JSON.parse(JSON.stringify(data[id])))).toEqual({ value: pack });
    const dir = mkdtempSync(join(tmpdir(), 'vetted-packs-'));
    try {
      writeFileSync(join(dir, 'zz.yaml'), 'id: zz\nrules: 1\n');
      await expect(packsDataOf(dir)).rejects.toThrow(/zz\.yaml/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
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
    ['a rule marked verified without the date it was checked', (p: ReturnType<typeof base>) => ((p.rules[0].status = 'verified'), delete p.rules[0].to_check), 'rules[0].verified_on', /required of a verified rule/],
    ['a rule marked verified without its source', (p: ReturnType<typeof base>) => ((p.rules[0].status = 'verified'), (p.rules[0].verified_on = '2026-12-01'), delete p.rules[0].source), 'rules[0].source', /required/],
    ['a date of checking on a rule not checked', (p: ReturnType<typeof base>) => (p.rules[0].verified_on = '2026-12-01'), 'rules[0].verified_on', /only for a verified rule/],
    ['an unchecked rule that does not say what to check', (p: ReturnType<typeof base>) => delete p.rules[0].to_check, 'rules[0].to_check', /what must be checked/],
    ['a reply rule without its term', (p: ReturnType<typeof base>) => delete p.rules[0].value, 'rules[0]', /value and unit/],
    ['a rule id used twice', (p: ReturnType<typeof base>) => (p.rules[1].id = p.rules[0].id), 'rules[1].id', /another rule/],
    ['an article in one language only', (p: ReturnType<typeof base>) => (p.rules[0].article = { en: 'x' }), 'rules[0].article.ru', /non-empty/],
    ['what to check in one language only', (p: ReturnType<typeof base>) => (p.rules[0].to_check = { en: 'x' }), 'rules[0].to_check.ru', /non-empty/],
    ['what to check as plain text, which a reader of another language could not read', (p: ReturnType<typeof base>) => (p.rules[0].to_check = 'x'), 'rules[0].to_check', /en and ru/],
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
  const overridden = (fields: Record<string, unknown>) => {
    const o = validateOverrides({ ru: { 'telecom-claim-30-days': fields } }, packs);
    if (!('value' in o)) throw new Error(JSON.stringify(o.errors));
    return applyOverrides(ru, o.value).rules.find((r) => r.id === 'telecom-claim-30-days')!;
  };
  it('change a rule and mark it as the user’s, still unverified until the user says when they read it', () => {
    const rule = overridden({ value: 20 });
    expect([rule.value, rule.override, rule.status, rule.verified_on]).toEqual([20, true, 'indicative', undefined]);
    expect(ru.rules.find((r) => r.id === 'telecom-claim-30-days')!.value).toBe(30);
  });
  it('take what to check in the user’s own words, or in every language', () => {
    expect(overridden({ to_check: 'my note' }).to_check).toBe('my note');
    expect(overridden({ to_check: { en: 'mine', ru: 'моё' } }).to_check).toEqual({ en: 'mine', ru: 'моё' });
  });
  it('make a rule verified when the user gives the date they read it in its source', () => {
    const rule = overridden({ value: 30, verified_on: '2026-11-30' });
    expect([rule.status, rule.verified_on, rule.override]).toEqual(['verified', '2026-11-30', true]);
  });
  it.each([
    [{ xx: {} }, 'xx', /not a jurisdiction/],
    [{ ru: { 'no-such-rule': { value: 1 } } }, 'ru.no-such-rule', /not a rule of ru/],
    [{ ru: { 'telecom-claim-30-days': { value: -3 } } }, 'ru.telecom-claim-30-days.value', /whole number/],
    [{ ru: { 'telecom-claim-30-days': { applies_to: ['goods'] } } }, 'ru.telecom-claim-30-days.applies_to', /unknown field/],
    [{ ru: { 'telecom-claim-30-days': { status: 'verified' } } }, 'ru.telecom-claim-30-days.verified_on', /required of a verified rule/],
    [{ ru: { 'telecom-claim-30-days': { to_check: 5 } } }, 'ru.telecom-claim-30-days.to_check', /non-empty text, or a map with en and ru text/],
  ])('refuses %j', (data, path, message) => {
    const r = validateOverrides(data, packs);
    expect('errors' in r && r.errors.some((e) => formatPath(e.path) === path && message.test(t().letter.lawFault(e.fault)))).toBe(true);
  });
});

describe('chooseRules', () => {
  // Selection by case, kind and demand, apart from verification: every rule allowed.
  const facts = { kind: 'claim' as const, case: 'goods' as const, now, allowUnverified: true };
  it('cites the rule of the case and the demand', () => {
    expect(chooseRules(ru, { ...facts, demand: 'repair' }).cited.map((r) => r.id)).toEqual(['goods-repair-45-days', 'goods-refund-penalty-1-percent']);
    expect(chooseRules(ru, { ...facts, case: 'telecom', demand: 'recalculation' }).cited.map((r) => r.id)).toEqual(['telecom-claim-30-days']);
    expect(chooseRules(ru, { ...facts, demand: 'refund' }).cited.map((r) => r.id)).toEqual(['goods-refund-10-days', 'goods-refund-penalty-1-percent']);
    expect(chooseRules(ru, { ...facts, kind: 'complaint', demand: 'refund' }).cited).toEqual([]);
  });
  it('leaves out rules nobody has checked unless they are allowed, and says why and where to check', () => {
    const strict = chooseRules(ru, { ...facts, demand: 'refund', allowUnverified: false });
    expect(strict.cited).toEqual([]);
    expect(strict.skipped.map((s) => [s.rule.id, s.flag])).toEqual([
      ['goods-refund-10-days', '--allow-unverified'],
      ['goods-refund-penalty-1-percent', '--allow-unverified'],
    ]);
    expect(strict.skipped[0].why).toBe('indicative');
    expect(strict.skipped[0].rule.source).toMatch(/^https?:\/\//);
    // A rule read in its source is cited without being allowed.
    const checked = { ...ru, rules: ru.rules.map((r) => (r.id === 'goods-refund-10-days' ? { ...r, status: 'verified' as const, verified_on: '2026-11-30' } : r)) };
    expect(chooseRules(checked, { ...facts, demand: 'refund', allowUnverified: false }).cited.map((r) => r.id)).toEqual(['goods-refund-10-days']);
  });
  it('cites a right only within its term, and only when its start is known', () => {
    const uk = packs.get('uk')!;
    const f = { ...facts, demand: 'refund' as const };
    expect(chooseRules(uk, f).skipped[0]).toMatchObject({ flag: '--bought' });
    expect(chooseRules(uk, { ...f, purchase: now - 10 * day }).cited.map((r) => r.id)).toEqual(['short-term-right-to-reject']);
    expect(chooseRules(uk, { ...f, purchase: now - 40 * day }).skipped[0].why).toMatch(/passed/);
  });
  it("cites the company's term to answer in a regulator letter only once it has passed", () => {
    const f = { kind: 'regulator' as const, case: 'telecom' as const, now, allowUnverified: true };
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

describe('basisAsOf', () => {
  const rule = ru.rules[0];
  it.each([
    ['no rule', [], null],
    ['rules nobody checked', [rule, ru.rules[1]], null],
    ['the oldest date of the checked ones', [{ ...rule, status: 'verified' as const, verified_on: '2026-11-30' }, { ...rule, status: 'verified' as const, verified_on: '2026-10-01' }, rule], '2026-10-01'],
  ])('of %s', (_name, rules, expected) => {
    expect(basisAsOf(rules)).toBe(expected);
  });
});

describe('the case a company category names (caseFromCategory)', () => {
  it.each([
    ['internet provider', 'telecom'],
    ['Mobile operator', 'telecom'],
    ['оператор связи', 'telecom'],
    ['интернет-провайдер', 'telecom'],
    ['bank', 'finance'],
    ['credit cards', 'finance'],
    ['страховая компания', 'finance'],
    ['marketplace', 'goods'],
    ['электроника', undefined],
    ['airline', 'services'],
    ['delivery service', 'services'],
    ['хостинг', 'services'],
    // A shop sells goods, whatever it sells.
    ['интернет-магазин', 'goods'],
    ['online shop', 'goods'],
    ['phone shop', 'goods'],
    ['Mobile phones store', 'goods'],
    ['магазин телефонов', 'goods'],
    ['postcard shop', 'goods'],
    // Parts of other words name nothing: these went to the communications regulator, or a bank's.
    ['crispy bakery', undefined],
    ['Display store', 'goods'],
    ['headphones', undefined],
    ['postcards', undefined],
    ['marketing agency', undefined],
    // Services as such, beside a case that is more than that: that case.
    ['Internet service provider', 'telecom'],
    ['Услуги связи', 'telecom'],
    ['Financial services', 'finance'],
    ['Банковские услуги', 'finance'],
    ['Страховые услуги', 'finance'],
    ['Telecommunication services', 'telecom'],
    ['Mobile services', 'telecom'],
    ['hosting services', 'services'],
    ['services', 'services'],
    ['сервисный центр', 'services'],
    // Words that begin as a case's do, and are other words.
    ['Банкетный зал', undefined],
    ['товарищество собственников жилья', undefined],
    // Two cases named, and no shop: asked for, not guessed.
    ['phone repair', undefined],
    ['bank insurance and telecom', undefined],
    ['', undefined],
    [null, undefined],
  ])('%j → %s', (category, expected) => {
    expect(caseFromCategory(category)).toBe(expected);
  });
});
