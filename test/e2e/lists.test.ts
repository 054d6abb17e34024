// The lists judged from the seeds: the scenario checker, the --json shapes, `why`, pins,
// the policy and its override, company profiles, and the markdown and CSV exports.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, SHARED, sandbox, type RunResult, type Sandbox } from '../helpers/cli.js';
import { STACK_FRAME, expectOneLineError, json, ok } from '../helpers/expect.js';

const SEEDS = join(SHARED, 'scenarios', 'seeds.yaml');

type ListName = 'black' | 'white' | 'watch';
interface Reason {
  rule: string;
  text: string;
  evidence: string[];
}
interface Entry {
  company: string;
  since: string | null;
  pinned: boolean;
  reasons: Reason[];
}
type Lists = Record<ListName, Entry[]>;

/** seeds.expected.yaml, as data. */
const EXPECTED: Record<string, { list: ListName | 'unlisted'; rules?: string[]; pinned?: boolean }> = {
  Volgatelecom: { list: 'black', rules: ['B2'] },
  Wildberries: { list: 'black', rules: ['B1'] },
  'United Airlines': { list: 'black', rules: ['B1'] },
  'Cool Air Installations': { list: 'black', rules: ['B4'] },
  Masterhost: { list: 'white', rules: ['W1', 'W2'] },
  AKU: { list: 'white', rules: ['W1'] },
  VkusVill: { list: 'white', rules: ['W2'] },
  Logitech: { list: 'white', rules: ['W2'] },
  Amazon: { list: 'white', rules: ['W3'] },
  Zappos: { list: 'white', pinned: true },
  Beeline: { list: 'watch' },
  MTS: { list: 'watch' },
  PrivatBank: { list: 'watch' },
  'Elefant.ro': { list: 'watch' },
  Rostelecom: { list: 'unlisted' },
};
const LISTED = Object.entries(EXPECTED).filter(([, e]) => e.list !== 'unlisted');

function seeded(): Sandbox {
  const s = sandbox();
  ok(s.run(['import', SEEDS]));
  return s;
}

const listOf = (lists: Lists, company: string): ListName | 'unlisted' =>
  (Object.keys(lists) as ListName[]).find((l) => lists[l].some((e) => e.company === company)) ?? 'unlisted';
const entryOf = (lists: Lists, company: string): Entry | undefined => Object.values(lists).flat().find((e) => e.company === company);

/** RFC 4180: rows of cells, quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

describe('the scenario checker', () => {
  it('python3 ../shared/tools/check-scenarios.py from the project root: exit 0, 15 of 15', () => {
    const r = spawnSync('python3', [join(SHARED, 'tools', 'check-scenarios.py')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      input: '',
      timeout: 60_000,
    });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(r.stdout).toContain('15 of 15');
  });
});

describe('the lists of the seeds', () => {
  let s: Sandbox;
  beforeAll(() => {
    s = seeded();
  });
  afterAll(() => s.cleanup());

  it('lists --json has the shape {black, white, watch} of {company, since, pinned, reasons[{rule, text, evidence}]}', () => {
    const lists = json<Lists>(s, ['lists', '--json']);
    expect(Object.keys(lists).sort()).toEqual(['black', 'watch', 'white']);
    for (const l of ['black', 'white', 'watch'] as ListName[]) {
      expect(Array.isArray(lists[l])).toBe(true);
      for (const e of lists[l]) {
        expect(typeof e.company).toBe('string');
        expect(e.since, e.company).toMatch(/^\d{4}-\d\d-\d\d$/);
        expect(typeof e.pinned).toBe('boolean');
        expect(e.reasons.length, e.company).toBeGreaterThan(0);
        for (const r of e.reasons) {
          expect(typeof r.rule).toBe('string');
          expect(r.text.trim()).not.toBe('');
          expect(Array.isArray(r.evidence)).toBe(true);
          for (const ev of r.evidence) expect(ev).toMatch(/^(incident|check):\S+$/);
        }
        // every reason but a pin cites its evidence
        if (!e.pinned) for (const r of e.reasons) expect(r.evidence.length, `${e.company} ${r.rule}`).toBeGreaterThan(0);
      }
    }
  });

  it('every company is on its list of seeds.expected.yaml, with its rules', () => {
    const lists = json<Lists>(s, ['lists', '--json']);
    for (const [company, e] of Object.entries(EXPECTED)) {
      expect(listOf(lists, company), company).toBe(e.list);
      const entry = entryOf(lists, company);
      if (e.rules) expect(entry!.reasons.map((r) => r.rule), company).toEqual(expect.arrayContaining(e.rules));
      if (e.list !== 'unlisted') expect(entry!.pinned, company).toBe(!!e.pinned);
    }
    expect(lists.black).toHaveLength(4);
    expect(lists.white).toHaveLength(6);
    expect(lists.watch).toHaveLength(4);
    expect(entryOf(lists, 'Volgatelecom')!.reasons.find((r) => r.rule === 'B2')!.evidence).toEqual(['incident:volga-2012-07']);
    expect(entryOf(lists, 'Volgatelecom')!.since).toBe('2012-07-20');
  });

  it('lists black (text) shows each black company on one line with its rule', () => {
    const out = ok(s.run(['lists', 'black'])).stdout;
    const lines = out.split('\n').filter((l) => l.trim());
    expect(lines[0]).toMatch(/Black list \(4\)/);
    const rows = lines.slice(1);
    expect(rows, out).toHaveLength(4);
    for (const [company, e] of LISTED.filter(([, x]) => x.list === 'black')) {
      const mine = rows.filter((l) => l.includes(company));
      expect(mine, company).toHaveLength(1);
      expect(mine[0]).toContain(e.rules![0]);
      expect(mine[0]).toMatch(/since \d{4}-\d\d-\d\d/);
    }
    expect(out).not.toMatch(/White list|Watch list/);
    expect(out).not.toMatch(/\u001b\[/);
  });

  it('lists (text) shows the three lists', () => {
    const out = ok(s.run(['lists'])).stdout;
    expect(out).toMatch(/Black list \(4\)/);
    expect(out).toMatch(/White list \(6\)/);
    expect(out).toMatch(/Watch list \(4\)/);
    expect(out).toMatch(/Zappos.*pinned by you: people call them just to talk/);
    expect(out).not.toContain('Rostelecom');
  });

  it('lists white --json and lists watch --json give only that list', () => {
    expect(Object.keys(json<Lists>(s, ['lists', 'white', '--json']))).toEqual(['white']);
    expect(json<Partial<Lists>>(s, ['lists', 'watch', '--json']).watch!.map((e) => e.company).sort()).toEqual(['Beeline', 'Elefant.ro', 'MTS', 'PrivatBank']);
  });

  it('lists bogus: exit 2 naming the lists there are', () => {
    const line = expectOneLineError(s.run(['lists', 'bogus']));
    expect(line).toContain('bogus');
    expect(line).toMatch(/black.*white.*watch/);
  });

  it.each([['Volgatelecom'], ['Волгателеком'], ['  volgatelecom ']])('why %s (text) names B2 and the incident', (name) => {
    const out = ok(s.run(['why', name])).stdout;
    expect(out).toMatch(/^Volgatelecom is on the black list/);
    expect(out).toContain('B2');
    expect(out).toContain('volga-2012-07');
    expect(out).toMatch(/What would change it/);
  });

  it('why --json is one entry plus list: black', () => {
    const w = json<Entry & { list: string }>(s, ['why', 'Волгателеком', '--json']);
    expect(w.list).toBe('black');
    expect(w.company).toBe('Volgatelecom');
    expect(w.pinned).toBe(false);
    expect(w.since).toBe('2012-07-20');
    expect(w.reasons.map((r) => r.rule)).toContain('B2');
    expect(w.reasons.flatMap((r) => r.evidence)).toContain('incident:volga-2012-07');
  });

  it.each([
    ['Masterhost', 'white', ['W1', 'W2']],
    ['Cool Air Installations', 'black', ['B4']],
    ['MTS', 'watch', []],
  ])('why %s --json: list %s', (company, list, rules) => {
    const w = json<Entry & { list: string }>(s, ['why', company, '--json']);
    expect(w.list).toBe(list);
    expect(w.reasons.map((r) => r.rule)).toEqual(expect.arrayContaining(rules));
  });

  it('why Rostelecom: unlisted, with no reasons', () => {
    const w = json<Entry & { list: string }>(s, ['why', 'Rostelecom', '--json']);
    expect(w.list).toBe('unlisted');
    expect(w.reasons).toEqual([]);
    expect(w.pinned).toBe(false);
    expect(ok(s.run(['why', 'Rostelecom'])).stdout).toMatch(/Rostelecom is on no list/);
  });

  it('why of a company never recorded: exit 2 naming it', () => {
    expect(expectOneLineError(s.run(['why', 'Nobody Inc']))).toContain('Nobody Inc');
  });

  it('company show Rostelecom --json lists its subsidiary Volgatelecom on the black list', () => {
    const c = json<{ name: string; list: string; subsidiaries: { name: string; list: string }[] }>(s, ['company', 'show', 'Rostelecom', '--json']);
    expect(c.name).toBe('Rostelecom');
    expect(c.list).toBe('unlisted');
    expect(c.subsidiaries).toEqual([expect.objectContaining({ name: 'Volgatelecom', list: 'black' })]);
  });

  it('company show MTS --json has its service figures', () => {
    const c = json<{ name: string; list: string; figures: Record<string, unknown>; incidents: { id: string }[] }>(s, ['company', 'show', 'МТС', '--json']);
    expect(c.name).toBe('MTS');
    expect(c.list).toBe('watch');
    expect(c.incidents.map((i) => i.id)).toEqual(['mts-network']);
    // two contacts reached a person, one after 2 minutes logged; 3 of 4 contacts had a robot or were dropped;
    // "a call back" kept, "solved within the day" broken
    expect(c.figures).toMatchObject({
      incidents: 1,
      contacts: 4,
      contacts_reached_human: 2,
      median_minutes_to_human: 2,
      blocked_share: 0.75,
      promises_kept: 1,
      promises_broken: 1,
      highest_level: 'frontline',
    });
  });

  describe('export --format md', () => {
    const md = new MarkdownIt();
    const tableBodies = (html: string) => [...html.matchAll(/<tbody>([\s\S]*?)<\/tbody>/g)].map((m) => (m[1].match(/<tr>/g) ?? []).length);

    it('has the three section headings and a GFM table per list', () => {
      const out = ok(s.run(['export', '--format', 'md'])).stdout;
      const headings = out.split('\n').filter((l) => /^#{1,2} /.test(l));
      expect(headings).toEqual(['# Black and white lists of companies', '## Black list', '## White list', '## Watch list']);
      expect(out).toMatch(/^\| Company +\| Since +\| Why +\| Evidence +\|$/m);
      expect(out).toMatch(/^\| *:?-+:? *\| *:?-+:? *\| *:?-+:? *\| *:?-+:? *\|$/m);
      const html = md.render(out);
      expect((html.match(/<table>/g) ?? []).length).toBe(3);
      expect(tableBodies(html)).toEqual([4, 6, 4]);
      for (const [company] of LISTED) expect(html, company).toMatch(new RegExp(`<td[^>]*>${company.replace('.', '\\.')}</td>`));
      expect(html).not.toContain('Rostelecom');
      expect(out).toContain('incident:volga-2012-07');
      expect(out).toMatch(/\| Volgatelecom +\| 2012-07-20 +\| B2: /);
    });

    it('--detail adds a section per company with its findings and timelines', () => {
      const plain = ok(s.run(['export', '--format', 'md'])).stdout;
      const out = ok(s.run(['export', '--format', 'md', '--detail'])).stdout;
      expect(out.startsWith(plain.split('## Watch list')[0])).toBe(true);
      expect(out).toMatch(/^## Companies in detail$/m);
      for (const [company] of LISTED) expect(out, company).toMatch(new RegExp(`^### ${company.replace('.', '\\.')}$`, 'm'));
      expect(out).not.toMatch(/^### Rostelecom$/m);
      expect(out).toMatch(/^#### Incident volga-2012-07: Internet down for five days/m);
      expect(out).toMatch(/^- 2012-07-12 09:10 — promise "fixed within 24 hours".*broken/m);
      expect(out.length).toBeGreaterThan(plain.length * 1.5);
      expect((md.render(out).match(/<table>/g) ?? []).length).toBe(3);
    });

    it('--detail says which list each company is on in plain words ("On the black list since …")', () => {
      const out = ok(s.run(['export', '--format', 'md', '--detail'])).stdout;
      expect(out).not.toMatch(/list list/i);
      expect(out).toMatch(/On the black list since 2012-07-20\./i);
    });

    it('--lang ru has Russian headings', () => {
      const out = ok(s.run(['export', '--format', 'md', '--lang', 'ru', '--detail'])).stdout;
      const headings = out.split('\n').filter((l) => /^#{1,2} /.test(l));
      expect(headings).toEqual(['# Чёрный и белый списки компаний', '## Чёрный список', '## Белый список', '## Под наблюдением', '## Компании подробно']);
      expect(out).toMatch(/^\| Компания +\|/m);
      expect(out).not.toMatch(/^## (Black|White|Watch) list$/m);
      expect(tableBodies(md.render(out))).toEqual([4, 6, 4]);
    });

    it('LANG=ru_RU.UTF-8 gives Russian headings too', () => {
      const r = ok(s.run(['export', '--format', 'md'], { env: { LANG: 'ru_RU.UTF-8', LC_ALL: '', LC_MESSAGES: '' } }));
      expect(r.stdout).toMatch(/^## Чёрный список$/m);
    });
  });

  it('export --format csv in Russian: its header, list names and yes/no in Russian, its rules as they are', () => {
    const rows = parseCsv(ok(s.run(['--lang', 'ru', 'export', '--format', 'csv'])).stdout);
    expect(rows[0]).toEqual(['список', 'компания', 'с', 'закреплено', 'правила', 'почему', 'доказательства']);
    const byCompany = new Map(rows.slice(1).map((r) => [r[1], r]));
    const names = { black: 'чёрный', white: 'белый', watch: 'наблюдение' } as Record<string, string>;
    for (const [company, e] of LISTED) {
      const r = byCompany.get(company)!;
      expect(r[0], company).toBe(names[e.list]);
      expect(r[3], company).toBe(e.pinned ? 'да' : 'нет');
      for (const rule of e.rules ?? []) expect(r[4].split(' '), company).toContain(rule);
    }
  });

  it('export --format csv has a header row and one row per listed company (14)', () => {
    const out = ok(s.run(['export', '--format', 'csv'])).stdout;
    const rows = parseCsv(out);
    expect(rows[0]).toEqual(['list', 'company', 'since', 'pinned', 'rules', 'why', 'evidence']);
    const body = rows.slice(1);
    expect(body).toHaveLength(14);
    for (const r of body) expect(r, r.join('|')).toHaveLength(7);
    const byCompany = new Map(body.map((r) => [r[1], r]));
    expect(byCompany.size).toBe(14);
    const lists = json<Lists>(s, ['lists', '--json']);
    for (const [company, e] of LISTED) {
      const r = byCompany.get(company);
      expect(r, company).toBeDefined();
      expect(r![0], company).toBe(e.list);
      expect(r![2], company).toBe(entryOf(lists, company)!.since);
      expect(r![3], company).toBe(e.pinned ? 'yes' : 'no');
      for (const rule of e.rules ?? []) expect(r![4].split(' '), company).toContain(rule);
    }
    expect(byCompany.has('Rostelecom')).toBe(false);
    // the B2 reason holds commas and quotes, and still is one cell
    expect(byCompany.get('Volgatelecom')![5]).toContain('"fixed within 24 hours"');
    expect(byCompany.get('Volgatelecom')![6]).toBe('incident:volga-2012-07');
  });
});

describe('pins', () => {
  let s: Sandbox;
  beforeEach(() => {
    s = seeded();
  });
  afterEach(() => s.cleanup());

  it('a reason is at most 10,000 characters, as a data file holds it, and the error names --reason in either language', () => {
    const long = 'r'.repeat(10_001);
    expect(expectOneLineError(s.run(['pin', 'Beeline', 'black', '--reason', long]))).toBe('vetted: --reason can be at most 10000 characters; shorten it.');
    expect(expectOneLineError(s.run(['--lang', 'ru', 'pin', 'Beeline', 'black', '--reason', long]))).toBe('vetted: --reason — не длиннее 10\u00a0000 знаков; сократите.');
    ok(s.run(['pin', 'Beeline', 'black', '--reason', long.slice(1)]));
  });

  it('pin Beeline black --reason x moves Beeline from watch to black, pinned, "pinned by you: x"; unpin returns it to watch', () => {
    expect(listOf(json<Lists>(s, ['lists', '--json']), 'Beeline')).toBe('watch');
    const r = ok(s.run(['pin', 'Beeline', 'black', '--reason', 'x']));
    expect(r.stdout).toBe('');
    let lists = json<Lists>(s, ['lists', '--json']);
    expect(listOf(lists, 'Beeline')).toBe('black');
    const e = entryOf(lists, 'Beeline')!;
    expect(e.pinned).toBe(true);
    expect(e.reasons.map((x) => x.text)).toContain('pinned by you: x');
    expect(ok(s.run(['lists', 'black'])).stdout).toMatch(/Beeline.*pinned by you: x/);
    const why = ok(s.run(['why', 'Билайн'])).stdout;
    expect(why).toMatch(/Beeline is on the black list/);
    expect(why).toContain('pinned by you: x');
    expect(json<{ list: string; pinned: boolean }>(s, ['why', 'Beeline', '--json'])).toMatchObject({ list: 'black', pinned: true });
    // On the published page, whose reader is not the one who pinned it, the pin is the author's.
    const page = ok(s.run(['export', '--format', 'md'])).stdout;
    expect(page).toMatch(/\| Beeline +\|.*pinned by the author: x/);
    expect(page).not.toMatch(/pinned by you/);
    expect(ok(s.run(['--lang', 'ru', 'export', '--format', 'md'])).stdout).toMatch(/\| Beeline +\|.*закреплено автором: x/);

    ok(s.run(['unpin', 'Beeline']));
    lists = json<Lists>(s, ['lists', '--json']);
    expect(listOf(lists, 'Beeline')).toBe('watch');
    expect(entryOf(lists, 'Beeline')!.pinned).toBe(false);
    expect(JSON.stringify(lists)).not.toContain('pinned by you: x');
  });

  it('the same pin again changes nothing, journals nothing, and says so; a pin replaced is named', () => {
    const historyLength = () => json<unknown[]>(s, ['history', '--json']).length;
    ok(s.run(['pin', 'Beeline', 'black', '--reason', 'x']));
    const ops = historyLength();
    const again = ok(s.run(['pin', 'Beeline', 'black', '--reason', 'x']));
    expect(again.stderr).toMatch(/^Beeline is pinned to the black list for this reason already, since \d{4}-\d{2}-\d{2}: x; nothing changed\.\n$/);
    expect(ok(s.run(['--lang', 'ru', 'pin', 'Beeline', 'black', '--reason', 'x'])).stderr).toMatch(/^компания Beeline уже закреплена в чёрном списке по этой причине, с \d{2}\.\d{2}\.\d{4}: x; ничего не изменено\.\n$/);
    expect(historyLength()).toBe(ops);
    expect(ok(s.run(['pin', 'Beeline', 'white', '--reason', 'x'])).stderr).toBe('pinned Beeline to the white list (was black): x\n');
    expect(ok(s.run(['pin', 'Beeline', 'white', '--reason', 'y'])).stderr).toBe('pinned Beeline to the white list: y (the reason was: x)\n');
    expect(ok(s.run(['--lang', 'ru', 'pin', 'Beeline', 'black', '--reason', 'y'])).stderr).toBe('компания Beeline закреплена в чёрном списке (была в белом списке): y\n');
    // Another list for another reason: both are named.
    expect(ok(s.run(['pin', 'Beeline', 'white', '--reason', 'z'])).stderr).toBe('pinned Beeline to the white list (was black): z (the reason was: y)\n');
    expect(ok(s.run(['--lang', 'ru', 'pin', 'Beeline', 'black', '--reason', 'w'])).stderr).toBe('компания Beeline закреплена в чёрном списке (была в белом списке): w (прежняя причина: z)\n');
    expect(historyLength()).toBe(ops + 5);
  });

  it('a pin overrides the evidence the other way too: Volgatelecom pinned white', () => {
    ok(s.run(['pin', 'Volgatelecom', 'white', '--reason', 'they apologised in the end']));
    const w = json<Entry & { list: string }>(s, ['why', 'Volgatelecom', '--json']);
    expect(w).toMatchObject({ list: 'white', pinned: true });
    expect(w.reasons[0].text).toBe('pinned by you: they apologised in the end');
  });

  it('pin of a new company creates it and puts it on the list', () => {
    ok(s.run(['pin', 'Some New Shop', 'black', '--reason', 'never again']));
    expect(listOf(json<Lists>(s, ['lists', '--json']), 'Some New Shop')).toBe('black');
  });

  it('unpin of a company that is not pinned: exit 2, nothing changes', () => {
    const before = ok(s.run(['export', '--format', 'json'])).stdout.replace(/"exported_at": "[^"]*"/, '');
    const line = expectOneLineError(s.run(['unpin', 'Beeline']));
    expect(line).toContain('Beeline');
    expect(line).toMatch(/is not pinned; nothing to unpin\.$/);
    expect(ok(s.run(['export', '--format', 'json'])).stdout.replace(/"exported_at": "[^"]*"/, '')).toBe(before);
  });

  it('unpin of an unknown company: exit 2', () => {
    expect(expectOneLineError(s.run(['unpin', 'Nobody Inc']))).toContain('Nobody Inc');
  });

  it('pin without --reason: exit 2 naming --reason, nothing pinned', () => {
    const r = s.run(['pin', 'Beeline', 'black']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--reason');
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(listOf(json<Lists>(s, ['lists', '--json']), 'Beeline')).toBe('watch');
  });

  it.each([
    ['an empty --reason', ['pin', 'Beeline', 'black', '--reason', '  '], /--reason/],
    ['the watch list', ['pin', 'Beeline', 'watch', '--reason', 'x'], /black or white/],
  ])('pin with %s: exit 2, nothing pinned', (_name, args, msg) => {
    expect(expectOneLineError(s.run(args))).toMatch(msg);
    expect(entryOf(json<Lists>(s, ['lists', '--json']), 'Beeline')!.pinned).toBe(false);
  });
});

describe('exports keep what users typed as plain text', () => {
  let s: Sandbox;
  beforeEach(() => {
    s = sandbox();
  });
  afterEach(() => s.cleanup());

  it('pipes, HTML and links in a name or reason neither split a markdown cell nor become markup; a CSV formula is defused', () => {
    ok(s.run(['pin', 'A | B <script>alert(1)</script>', 'black', '--reason', 'x | y [l](http://evil.example) <img src=x onerror=alert(1)>']));
    ok(s.run(['pin', '=HYPERLINK("http://evil.example")', 'white', '--reason', 'fine']));
    const out = ok(s.run(['export', '--format', 'md'])).stdout;
    const html = new MarkdownIt().render(out);
    expect(html).not.toMatch(/<script|<img|<a /);
    const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => (m[1].match(/<t[dh][ >]/g) ?? []).length);
    expect(rows.length).toBe(4); // a header and one row per list
    for (const n of rows) expect(n).toBe(4);
    expect(html).toContain('A | B &lt;script&gt;alert(1)&lt;/script&gt;');

    const csv = parseCsv(ok(s.run(['export', '--format', 'csv'])).stdout);
    expect(csv).toHaveLength(3);
    const white = csv.find((r) => r[0] === 'white')!;
    expect(white[1].startsWith('=')).toBe(false);
    expect(white[1]).toContain('HYPERLINK');
    expect(csv.find((r) => r[0] === 'black')![1]).toBe('A | B <script>alert(1)</script>');
  });
});

describe('the policy', () => {
  let s: Sandbox;
  beforeEach(() => {
    s = seeded();
  });
  afterEach(() => s.cleanup());

  const writePolicy = (text: string) => {
    mkdirSync(s.config, { recursive: true });
    writeFileSync(join(s.config, 'policy.yaml'), text);
  };

  it('policy show prints the defaults of PRODUCT.md', () => {
    const out = ok(s.run(['policy', 'show'])).stdout;
    expect(out).toMatch(/defaults/);
    for (const line of [
      'broken_promises: 3',
      'repeat_unresolved: 2',
      'repeat_window_months: 24',
      'institutional_levels: [quality, management, regulator, court]',
      'check_avoid_below: 50',
      'check_go_from: 80',
      'recovery_max_level: supervisor',
      'recovery_max_effort: asked',
    ]) {
      expect(out.split('\n'), line).toContain(line);
    }
    for (const rule of ['B1', 'B2', 'B3', 'B4', 'W1', 'W2', 'W3']) expect(out).toContain(rule);
    const j = json<{ source: string | null; policy: Record<string, unknown> }>(s, ['policy', 'show', '--json']);
    expect(j.source).toBeNull();
    expect(j.policy).toMatchObject({ broken_promises: 3, repeat_unresolved: 2, repeat_window_months: 24, check_avoid_below: 50, check_go_from: 80 });
  });

  it('broken_promises: 5 in $VETTED_CONFIG/policy.yaml moves Volgatelecom (4 broken) from black to watch', () => {
    writePolicy('broken_promises: 5\n');
    const out = ok(s.run(['policy', 'show'])).stdout;
    expect(out).toContain('policy.yaml');
    expect(out).toMatch(/^broken_promises: 5 .*default: 3/m);
    const lists = json<Lists>(s, ['lists', '--json']);
    expect(listOf(lists, 'Volgatelecom')).toBe('watch');
    expect(JSON.stringify(lists.black)).not.toContain('"B2"');
    expect(json<{ list: string }>(s, ['why', 'Volgatelecom', '--json']).list).toBe('watch');
    // the other verdicts do not move
    for (const [company, e] of LISTED.filter(([c]) => c !== 'Volgatelecom')) expect(listOf(lists, company), company).toBe(e.list);
  });

  it('broken_promises: 4 keeps Volgatelecom black (four broken is "or more")', () => {
    writePolicy('broken_promises: 4\n');
    expect(listOf(json<Lists>(s, ['lists', '--json']), 'Volgatelecom')).toBe('black');
  });

  it('institutional_levels with a supervisor: why and policy show explain B1 by the levels the policy counts', () => {
    writePolicy('institutional_levels: [supervisor, quality, management, regulator, court]\n');
    ok(s.run(['incident', 'add', 'RudeSup', '--title', 'rude supervisor', '--fault', 'company', '--opened', '2025-01-01']));
    ok(s.run(['incident', 'event', 'rudesup-1', 'refusal', '--level', 'supervisor', '--text', 'go away', '--at', '2025-01-02']));
    const why = ok(s.run(['why', 'RudeSup'])).stdout;
    expect(why).toContain('a supervisor refused: "go away"');
    expect(why).toContain('(B1: one rude employee is not the company, but when a failure reached a supervisor, the quality department, management, the regulator or a court and');
    expect(ok(s.run(['policy', 'show'])).stdout).toMatch(/^# {3}B1 \(black\) institutional failure: .*reached a supervisor, the quality department/m);
    expect(ok(s.run(['--lang', 'ru', 'why', 'RudeSup'])).stdout).toContain('ошибка дошла до старшего смены, отдела качества, руководства, регулятора или суда');
  });

  it('names every problem of a policy.yaml with its line, in the order of the file', () => {
    writePolicy('broken_promises: 3\nfoo: 1\nrecovery_max_level: boss\n');
    const line = expectOneLineError(s.run(['lists']));
    expect(line).toMatch(/policy\.yaml: line 2: foo: unknown setting .*; line 3: recovery_max_level: must be one of frontline, .*; fix it, or remove the file to use the defaults\.$/);
  });

  it.each([
    ['broken_promises: many', 'broken_promises: many\n', /broken_promises/],
    ['a misspelt setting', 'broken_promise: 5\n', /broken_promise\b/],
    ['a level that does not exist', 'recovery_max_level: boss\n', /recovery_max_level/],
    ['malformed YAML', 'broken_promises: [5\n', /policy\.yaml/],
  ])('an invalid policy.yaml (%s): exit 2 naming the setting, for lists and policy show alike', (_name, text, msg) => {
    writePolicy(text);
    for (const args of [['lists'], ['lists', '--json'], ['why', 'Volgatelecom'], ['policy', 'show']]) {
      const line = expectOneLineError(s.run(args));
      expect(line, args.join(' ')).toMatch(msg);
      expect(line).toContain('policy.yaml');
    }
  });
});

describe('the cached lists and the local time zone', () => {
  it('a promise due at a local time is judged in the zone of each listing, cached or not', () => {
    const s = sandbox();
    try {
      // Due two hours from now on a UTC clock: still coming in UTC, broken seven hours ago in Tokyo.
      const due = new Date(Date.now() + 2 * 3_600_000).toISOString().slice(0, 16);
      const promise = (at: string, d: string) => `      - {at: ${at}, type: promise, text: fixed tomorrow, due: ${d}}\n`;
      const file = join(s.dir, 'tz.yaml');
      writeFileSync(
        file,
        'format: vetted/1\nincidents:\n  - id: kappa-1\n    company: Kappa\n    title: Slow fix\n    opened: 2026-01-01T09:00\n    fault: company\n    events:\n' +
          promise('2026-01-01T09:05', '2026-01-02T09:00') +
          promise('2026-01-02T09:05', '2026-01-03T09:00') +
          promise('2026-01-03T09:05', due),
      );
      const utc = { env: { TZ: 'UTC' } };
      const tokyo = { env: { TZ: 'Asia/Tokyo' } };
      ok(s.run(['import', file], utc));
      const listOf = (lists: Lists) => (['black', 'white', 'watch'] as const).find((l) => lists[l].some((e) => e.company === 'Kappa'));
      const lists = (opts: { env: NodeJS.ProcessEnv }) => JSON.parse(ok(s.run(['lists', '--json'], opts)).stdout) as Lists;
      expect(listOf(lists(utc))).toBe('watch');
      expect(listOf(lists(tokyo))).toBe('black');
      expect(JSON.parse(ok(s.run(['why', 'Kappa', '--json'], tokyo)).stdout).list).toBe('black');
      expect(ok(s.run(['export', '--format', 'md'], tokyo)).stdout).toMatch(/## Black list[\s\S]*Kappa[\s\S]*## White list/);
      expect(listOf(lists(utc))).toBe('watch');
    } finally {
      s.cleanup();
    }
  });
  it('what was worked out of a timeline in one zone is not read in another, where a time given with its offset comes in another order', () => {
    const s = sandbox();
    try {
      const utc = { env: { TZ: 'UTC' } };
      const moscow = { env: { TZ: 'Europe/Moscow' } };
      // A note given with its offset (01:00 at UTC+3) is at 22:00 on the 5th in UTC, before the
      // close at 23:00: the failed incident's last event comes before the second incident was put
      // right (00:30 on the 6th), and the company is white. In Moscow the note is at 01:00 on the
      // 6th, after that: the failure at the quality department has the last word, and it is black.
      ok(s.run(['incident', 'add', 'Acme', '--title', 'Broken router', '--fault', 'company', '--opened', '2026-10-01 10:00'], utc));
      ok(s.run(['incident', 'event', 'acme-1', 'escalation', '--level', 'quality', '--at', '2026-10-02 10:00'], utc));
      ok(s.run(['incident', 'close', 'acme-1', '--outcome', 'unresolved', '--at', '2026-10-05 23:00'], utc));
      ok(s.run(['incident', 'event', 'acme-1', 'note', '--text', 'letter filed', '--at', '2026-10-06T01:00+03:00'], utc));
      ok(s.run(['incident', 'add', 'Acme', '--title', 'Late parcel', '--fault', 'company', '--opened', '2026-10-06 00:10'], utc));
      ok(s.run(['incident', 'close', 'acme-2', '--outcome', 'resolved', '--at', '2026-10-06 00:30'], utc));
      const listOf = (opts: { env: NodeJS.ProcessEnv }) => {
        const lists = JSON.parse(ok(s.run(['lists', '--json'], opts)).stdout) as Lists;
        return (['black', 'white', 'watch'] as const).find((l) => lists[l].some((e) => e.company === 'Acme'));
      };
      const why = (opts: { env: NodeJS.ProcessEnv }) => JSON.parse(ok(s.run(['why', 'Acme', '--json'], opts)).stdout).list;
      // Listed in UTC first: the digests of both timelines are kept, worked out in UTC.
      expect(listOf(utc)).toBe('white');
      expect(why(utc)).toBe('white');
      expect(listOf(moscow)).toBe('black');
      expect(why(moscow)).toBe('black');
      expect(ok(s.run(['lists'], moscow)).stdout).toMatch(/Black list \(1\)\n  Acme .*Broken router/);
      expect(ok(s.run(['export', '--format', 'md'], moscow)).stdout).toMatch(/## Black list[\s\S]*Acme[\s\S]*## White list/);
      // And back: each zone lists as it judges.
      expect(listOf(utc)).toBe('white');
    } finally {
      s.cleanup();
    }
  });
});

describe('line breaks in what the user typed', () => {
  it('are spaces on a page to publish and in its CSV, in the lists and in each timeline alike (not ␊ in some places)', () => {
    const t = sandbox();
    try {
      ok(t.run(['incident', 'add', 'Acme', '--title', 'late\nparcel', '--opened', '2026-11-01 10:00']));
      for (const [n, text] of [[1, 'ship\ntomorrow'], [2, 'ship\r\nsoon'], [3, 'again']] as const) {
        ok(t.run(['incident', 'event', 'acme-1', 'promise', '--text', text, '--due', `2026-11-0${n + 1} 10:00`, '--at', `2026-11-01 1${n}:00`]));
      }
      ok(t.run(['incident', 'close', 'acme-1', '--outcome', 'unresolved', '--at', '2026-11-10 10:00']));
      const page = ok(t.run(['export', '--format', 'md', '--detail'])).stdout;
      const csv = ok(t.run(['export', '--format', 'csv'])).stdout;
      for (const out of [page, csv]) {
        expect(out).not.toMatch(/[␊␍]/);
        expect(out).toContain('ship tomorrow');
        expect(out).toContain('ship soon');
      }
      expect(page).toContain('#### Incident acme-1: late parcel');
      expect(page).toMatch(/^- 2026-11-01 11:00 — promise "ship tomorrow", due 2026-11-02 10:00: broken$/m);
      // On the terminal a line break is still shown as one.
      expect(ok(t.run(['lists'])).stdout).toContain('"ship␊tomorrow"');
    } finally {
      t.cleanup();
    }
  });
});

describe('an incident closed without a resolution (a file may say so)', () => {
  it('is closed in why, as in every listing, in English and in Russian (why said "still open")', () => {
    const t = sandbox();
    try {
      const file = join(t.dir, 'closed.yaml');
      writeFileSync(file, 'format: vetted/1\nincidents:\n  - company: Acme\n    title: t\n    fault: company\n    opened: 2020-01-01T10:00\n    closed: 2020-01-03T10:00\n    events:\n      - {at: 2020-01-01T11:00, type: escalation, level: quality}\n');
      ok(t.run(['import', file]));
      expect(ok(t.run(['why', 'Acme'])).stdout).toMatch(/^ {4}2020-01-01 to 2020-01-03, closed · fault: company/m);
      expect(ok(t.run(['--lang', 'ru', 'why', 'Acme'])).stdout).toMatch(/^ {4}01\.01\.2020 — 03\.01\.2020, закрыто · вина: компания/m);
      expect(ok(t.run(['why', 'Acme'])).stdout).not.toMatch(/still open/);
    } finally {
      t.cleanup();
    }
  });
});
