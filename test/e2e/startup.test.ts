// Each command loads only what it uses: the modules a run of the built binary loads are
// recorded by a module hook, and the libraries it must not touch are looked for in them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { BIN, sandbox, type Sandbox } from '../helpers/cli.js';

let s: Sandbox;
let hooks: string;

beforeAll(() => {
  s = sandbox();
  const hook = join(s.dir, 'hook.mjs');
  writeFileSync(
    hook,
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  appendFileSync(process.env.VETTED_LOADED, r.url + '\\n');
  return r;
}
`,
  );
  hooks = join(s.dir, 'register.mjs');
  writeFileSync(hooks, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hook).href)});\n`);
});

afterAll(() => s.cleanup());

/** The files a run loads, with their text (for the bundled chunks). */
function loaded(args: string[]): { urls: string[]; text: string } {
  const log = join(s.dir, 'loaded.txt');
  rmSync(log, { force: true });
  const r = spawnSync(process.execPath, ['--import', hooks, BIN, ...args], {
    env: { ...s.env, VETTED_LOADED: log },
    encoding: 'utf8',
    input: '',
  });
  expect(r.status, r.stderr).toBe(0);
  const urls = existsSync(log) ? [...new Set(readFileSync(log, 'utf8').trim().split('\n'))] : [];
  const text = urls
    .filter((u) => u.startsWith('file:') && u.endsWith('.js'))
    .map((u) => readFileSync(fileURLToPath(u), 'utf8'))
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
