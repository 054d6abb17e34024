// Each command loads only what it uses: the modules a run of the built binary loads are
// recorded by a module hook, and the libraries it must not touch are looked for in them.
// The bundles are CommonJS, so the hook is a `--require` that notes each file loaded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, readFileSync, writeFileSync, existsSync, rmSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { BIN, sandbox, type Sandbox } from '../helpers/cli.js';
import { ok } from '../helpers/expect.js';

let s: Sandbox;
let hook: string;

beforeAll(() => {
  s = sandbox();
  s.makeDatabase();
  hook = join(s.dir, 'hook.cjs');
  writeFileSync(
    hook,
    `const Module = require('node:module');
const { appendFileSync } = require('node:fs');
const load = Module.prototype.load;
Module.prototype.load = function (filename) {
  appendFileSync(process.env.VETTED_LOADED, filename + '\\n');
  return load.call(this, filename);
};
`,
  );
});

afterAll(() => s.cleanup());

/** The files a run loads, with their text (for the bundled chunks). */
function loaded(args: string[]): { urls: string[]; text: string } {
  const log = join(s.dir, 'loaded.txt');
  rmSync(log, { force: true });
  const r = spawnSync(process.execPath, ['--require', hook, BIN, ...args], {
    env: { ...s.env, VETTED_LOADED: log },
    encoding: 'utf8',
    input: '',
  });
  expect(r.status, r.stderr).toBe(0);
  const urls = existsSync(log) ? [...new Set(readFileSync(log, 'utf8').trim().split('\n'))] : [];
  const text = urls
    .filter((u) => u.endsWith('.js'))
    .map((u) => readFileSync(u, 'utf8'))
    .join('\n');
  return { urls, text };
}

// Markers that only the library's own code holds.
const LIBRARIES: Record<string, (l: { urls: string[]; text: string }) => boolean> = {
  'the SQLite driver': (l) => l.text.includes('function SqliteError'),
  'the YAML parser': (l) => l.text.includes('YAMLParseError'),
  'the prompt library': (l) => l.text.includes('useKeypress'),
  'the markdown serialiser': (l) => l.text.includes('gfmTableToMarkdown') || l.text.includes('tableCellPadding'),
  'the command-line parser': (l) => l.text.includes('CommanderError'),
};

describe('start-up', () => {
  it.each([
    [['--version'], ['the SQLite driver', 'the YAML parser', 'the prompt library', 'the markdown serialiser', 'the command-line parser']],
    [['--help'], ['the SQLite driver', 'the YAML parser', 'the prompt library', 'the markdown serialiser']],
    [['check', '--help'], ['the SQLite driver', 'the YAML parser', 'the prompt library', 'the markdown serialiser']],
    [['lists', '--json'], ['the YAML parser', 'the prompt library', 'the markdown serialiser']],
    [['company', 'list', '--json'], ['the YAML parser', 'the prompt library', 'the markdown serialiser']],
  ] as [string[], string[]][])('`vetted %s` loads none of: %s', (args, absent) => {
    const l = loaded(args);
    expect(l.urls.length).toBeGreaterThan(0);
    for (const name of absent) expect(LIBRARIES[name](l), name).toBe(false);
  });

  it('the markers are real: `export --format md` loads the markdown serialiser and the driver', () => {
    const l = loaded(['export', '--format', 'md']);
    expect(LIBRARIES['the markdown serialiser'](l)).toBe(true);
    expect(LIBRARIES['the SQLite driver'](l)).toBe(true);
    expect(LIBRARIES['the command-line parser'](l)).toBe(true);
  });

  it('the markers are real: `checklists list` loads the YAML parser', () => {
    expect(LIBRARIES['the YAML parser'](loaded(['checklists', 'list']))).toBe(true);
  });
});

describe('the code caches', () => {
  it('the build leaves a V8 code cache beside the bundles every command loads, and Node accepts each', () => {
    const dist = join(BIN, '..', '..', 'dist');
    const bundles = ['main.js', 'program.js', 'lazy/en.js', 'lazy/ru.js', 'commands/correct.js', 'commands/incident.js', 'commands/lists.js', 'commands/history.js', 'commands/company.js'];
    const check = `
const Module = require('node:module');
const vm = require('node:vm');
const { readFileSync } = require('node:fs');
const out = {};
for (const f of ${JSON.stringify(bundles.map((b) => join(dist, b)))}) {
  const script = new vm.Script(Module.wrap(readFileSync(f, 'utf8')), { filename: f, cachedData: readFileSync(f + '.cache') });
  out[f] = script.cachedDataRejected;
}
process.stdout.write(JSON.stringify(out));`;
    const r = spawnSync(process.execPath, ['-e', check], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const rejected = JSON.parse(r.stdout) as Record<string, boolean>;
    expect(Object.keys(rejected)).toHaveLength(bundles.length);
    for (const [file, no] of Object.entries(rejected)) expect(no, file).toBe(false);
  });

  it('a cache that does not fit its bundle is ignored: the module is compiled as usual and works', () => {
    const dir = join(s.dir, 'bundles');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'm.js'), "module.exports = { answer: require('node:path').basename(__filename) + ':' + (6 * 7) };");
    // Another file's cache, and bytes that are no cache at all.
    writeFileSync(join(dir, 'm.js.cache'), readFileSync(join(BIN, '..', '..', 'dist', 'program.js.cache')));
    writeFileSync(join(dir, 'n.js'), 'module.exports = 1;');
    writeFileSync(join(dir, 'n.js.cache'), 'not a cache');
    const script = `require(${JSON.stringify(join(BIN, '..', 'code-cache.js'))}).install(${JSON.stringify(dir)});
process.stdout.write(require(${JSON.stringify(join(dir, 'm.js'))}).answer + ' ' + require(${JSON.stringify(join(dir, 'n.js'))}));`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('m.js:42 1');
  });
});

describe("the build's JSON of the built-in checklists and law packs", () => {
  // A copy of the installation, its JSON files damaged as a disk, an editor or a half-copied
  // upgrade could leave them: every command reads the YAML files instead, and says the same.
  it('damaged, missing or of other files, is not taken: the files themselves are read, and the commands work', () => {
    const inst = join(s.dir, 'installation');
    const ROOT = join(BIN, '..', '..');
    for (const part of ['bin', 'dist', 'checklists', 'jurisdictions', 'templates', 'package.json']) cpSync(join(ROOT, part), join(inst, part), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(inst, 'node_modules'));
    const run = (args: string[]) => {
      const r = spawnSync(process.execPath, [join(inst, 'bin', 'vetted.js'), ...args], { env: s.env, encoding: 'utf8' });
      expect(r.stderr).not.toMatch(/unexpected error/);
      expect(r.status, r.stderr).toBe(0);
      return r.stdout;
    };
    ok(s.run(['incident', 'add', 'Acme', '--title', 'Late parcel', '--opened', '2026-11-01 10:00']));
    const outputs = () => ({
      checklists: run(['checklists', 'list', '--json']),
      general: run(['checklists', 'show', 'general']),
      letter: run(['letter', 'acme-1', '--kind', 'claim', '--jurisdiction', 'ru', '--case', 'goods', '--demand', 'refund', '--amount', '500', '--currency', 'RUB', '--account', '123456', '--from', 'Ivan Petrov']),
    });
    const good = outputs();
    expect(JSON.parse(good.checklists).map((c: { id: string }) => c.id)).toEqual(['general', 'online-order', 'subscription']);
    const copies = ['checklists.json', 'jurisdictions.json'].map((f) => join(inst, 'dist', f));
    const whole = copies.map((f) => readFileSync(f, 'utf8'));
    const damages: [string, (text: string) => string | undefined][] = [
      ['cut short', (text) => text.slice(0, 100)],
      ['null', () => 'null'],
      ['an empty object', () => '{}'],
      ['a list', () => '[]'],
      ['of other files', (text) => JSON.stringify({ ...JSON.parse(text), 'another.yaml': {} })],
      ['with an entry that is no checklist or pack', (text) => JSON.stringify(Object.fromEntries(Object.keys(JSON.parse(text)).map((k) => [k, { id: 'x' }])))],
      ['missing', () => undefined],
    ];
    for (const [what, damage] of damages) {
      copies.forEach((f, k) => {
        const text = damage(whole[k]);
        if (text === undefined) rmSync(f);
        else writeFileSync(f, text);
      });
      // One found above the installation is no copy of its files either.
      if (what === 'missing') writeFileSync(join(s.dir, 'checklists.json'), '{}');
      expect(outputs(), what).toEqual(good);
    }
  });
});
