// The language bar: every command's human output, help included, read by a Russian reader
// on a database whose user data is all Cyrillic shows no Latin word but ids, rule ids,
// flags, command names and a short written allowlist; read by an English reader, no
// Cyrillic outside the user's data. The commands come from the command tree itself, so a
// new command is covered without a line added here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Command } from 'commander';
import { buildProgram } from '../../src/program.js';
import { CHANNELS, COMPENSATION_KINDS, EFFORTS, EVENT_TYPES, FAULTS, LEVELS, LISTS, OUTCOMES, CHECK_VERDICTS } from '../../src/domain/types.js';
import { DEFAULT_POLICY, RULES } from '../../src/domain/policy.js';
import { CASES, DEMANDS, LETTER_KINDS } from '../../src/domain/law.js';
import { SOURCE_KINDS } from '../../src/domain/sources.js';
import { ROOT, sandbox, type Sandbox } from '../helpers/cli.js';

/** Every command of the tree, by its full path ('incident event'), with its arguments. */
function commandPaths(): { path: string; args: { name: string; required: boolean }[] }[] {
  const out: { path: string; args: { name: string; required: boolean }[] }[] = [];
  const walk = (c: Command, prefix: string[]) => {
    for (const sub of c.commands) {
      const path = [...prefix, sub.name()];
      out.push({ path: path.join(' '), args: sub.registeredArguments.map((a) => ({ name: a.name(), required: a.required })) });
      walk(sub, path);
    }
  };
  walk(buildProgram(async () => {}), []);
  return out;
}

const PATHS = commandPaths();
const COMMAND_WORDS = new Set(PATHS.flatMap((p) => p.path.split(' ')).concat(['help', 'vetted']));

/** Words that are ids, not language: values of the closed vocabularies, rules, settings, formats. */
const IDS = new Set<string>([
  ...LEVELS,
  ...FAULTS,
  ...CHANNELS,
  ...COMPENSATION_KINDS,
  ...EFFORTS,
  ...EVENT_TYPES,
  ...OUTCOMES,
  ...LISTS,
  ...CHECK_VERDICTS,
  ...RULES.map((r) => r.id),
  ...LETTER_KINDS,
  ...DEMANDS,
  ...CASES,
  ...Object.keys(DEFAULT_POLICY),
  ...SOURCE_KINDS,
  'unlisted',
]);

/**
 * The short written allowlist: names of things that are the same in Russian text (formats,
 * standards, the program, environment variables, the keys a terminal shows).
 */
const ALLOWED = new Set([
  'vetted',
  'SQLite',
  'JSON',
  'YAML',
  'CSV',
  'ISO',
  'IVR',
  'IP',
  'md',
  'json',
  'csv',
  'yaml',
  'en',
  'ru',
  'RUB',
  'EUR',
  'UTF',
  'Enter',
  'stdout',
  'general',
  'online-order',
  'subscription',
  'markdown',
  'FAQ',
  // the US agency whose complaint database a source can be
  'CFPB',
  // a folder and a file extension inside the default backup path
  'backups',
  'db',
  // formats and programs named in help: archive and attachment types, shells
  'SHA',
  'iCalendar',
  // base64
  'base',
  // a value of due --format
  'text',
  // jurisdictions of the law packs
  'uk',
  'eu',
  'us',
  'zip',
  'pdf',
  'm4a',
  'ics',
  'txt',
  'bash',
  'zsh',
  'fish',
  'fpath',
  'compinit',
  'VETTED_DB',
]);

/** Strips what is an id by its form: flags, paths and files, env variables, evidence, pairs. */
function stripForms(text: string): string {
  return text
    .replace(/(^|\s|\[|\(|«)-{1,2}[a-z][a-z-]*/g, ' ') // flags
    .replace(/\$[A-Z_]+/g, ' ') // environment variables
    .replace(/[~.]?[\w./-]*\/[\w./<>-]*/g, ' ') // paths
    .replace(/[\w-]+\.(ya?ml|json|db|md|csv)\b/g, ' ') // file names
    .replace(/\b(incident|check):[^\s,\]]+/g, ' ') // evidence ids
    .replace(/\b[a-z][a-z0-9-]*-(check-)?\d+(#\d+)?\b/g, ' ') // incident, event and check ids (volgatelekom-1, ozon-check-1)
    .replace(/[\w-]+=[\w-]+/g, ' ') // id=value
    .replace(/\{"black"[^}]*\}/g, ' ') // the JSON shape in the help of lists
    .replace(/\b\w+ v\d+\b/g, ' '); // a checklist and its version
}

function latinWords(text: string, extra: Set<string>): string[] {
  const words = stripForms(text).match(/[A-Za-z][\w-]*[A-Za-z]/g) ?? [];
  return [...new Set(words.filter((w) => !IDS.has(w) && !ALLOWED.has(w) && !COMMAND_WORDS.has(w) && !extra.has(w) && !extra.has(w.toLowerCase())))];
}

let s: Sandbox;
/** Ids the database gave (incident ids, answer values of the checklists). */
const dataIds = new Set<string>();
const FIXTURE = join(ROOT, 'test', 'fixtures', 'cyrillic.yaml');

/** Every text of the user's data, longest first, to be taken out of English output before looking for Cyrillic. */
function userData(): string[] {
  const out = new Set<string>(['Нетакой', 'починили', 'чёрный', 'позвонили']);
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.add(v);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  walk(parse(readFileSync(FIXTURE, 'utf8')));
  return [...out].sort((a, b) => b.length - a.length);
}
const USER_DATA = [...userData(), 'директор'];

beforeAll(() => {
  s = sandbox();
  const r = s.run(['import', FIXTURE]);
  expect(r.code, r.stderr).toBe(0);
  const list = JSON.parse(s.run(['incident', 'list', '--json']).stdout) as { id: string }[];
  for (const i of list) for (const part of [i.id, ...i.id.split('-')]) dataIds.add(part);
  for (const c of JSON.parse(s.run(['checks', 'list', '--json']).stdout) as { id: string }[]) dataIds.add(c.id.replace(/-\d+$/, ''));
  const cl = JSON.parse(s.run(['checklists', 'show', 'general', '--json']).stdout) as { questions: { id: string; answers: { value: string }[] }[] };
  for (const q of cl.questions) {
    dataIds.add(q.id);
    for (const a of q.answers) dataIds.add(a.value);
  }
  // What a user typed on the command line is theirs, whatever its script.
  dataIds.add('frobnicate');
});

afterAll(() => s.cleanup());

/** Sample arguments for each argument name a command takes: Cyrillic data, or ids. */
function sampleArgs(path: string, args: { name: string; required: boolean }[]): string[] | undefined {
  const value: Record<string, string> = { company: 'Волгателеком', id: path.startsWith('checklists') ? 'general' : 'волга-1', list: 'чёрный', alias: 'ВТК' };
  const out: string[] = [];
  for (const a of args) {
    if (!a.required) continue;
    if (!(a.name in value)) return undefined; // files and types: their help is read instead
    out.push(value[a.name]);
  }
  return out;
}

/** What each command says to a reader: its help, and its output where it can run on sample data. */
function runs(): { name: string; args: string[] }[] {
  const out: { name: string; args: string[] }[] = [{ name: 'vetted --help', args: ['--help'] }];
  for (const p of PATHS) {
    out.push({ name: `${p.path} --help`, args: [...p.path.split(' '), '--help'] });
    const sample = sampleArgs(p.path, p.args);
    // Commands that change the data or read files are left to their help; the rest run.
    // A removal and its undo run last, together, so the data stays as the others expect.
    if (sample && !/^(pin|unpin|company alias|backup|restore|import|check|incident remove|undo)$/.test(p.path) && !p.path.startsWith('incident add')) {
      out.push({ name: p.path, args: [...p.path.split(' '), ...sample] });
    }
  }
  out.push({ name: 'export --format md --detail', args: ['export', '--format', 'md', '--detail'] });
  out.push({ name: 'export --format csv', args: ['export', '--format', 'csv'] });
  out.push({ name: 'import --dry-run', args: ['import', FIXTURE, '--dry-run'] });
  out.push({ name: 'checklists validate', args: ['checklists', 'validate', join(ROOT, 'checklists', 'general.yaml')] });
  out.push({ name: 'a bad level in Russian words', args: ['incident', 'event', 'волга-1', 'escalation', '--level', 'директор'] });
  out.push({ name: 'an unknown company', args: ['why', 'Нетакой'] });
  out.push({ name: 'a bad outcome', args: ['incident', 'close', 'волга-1', '--outcome', 'починили'] });
  out.push({ name: 'an unknown option', args: ['lists', '--frobnicate'] });
  out.push({ name: 'an argument that begins with a dash', args: ['company', 'show', '-Волгателеком'] });
  out.push({ name: 'an option given twice', args: ['incident', 'close', 'волга-1', '--outcome', 'resolved', '--outcome', 'partial'] });
  out.push({ name: 'a flag and its negation', args: ['event', 'edit', 'волга-1#2', '--kept', '--no-kept'] });
  out.push({ name: 'history of a correction', args: ['event', 'edit', 'волга-1#2', '--kept', '--note', 'позвонили'] });
  out.push({ name: 'history after a correction', args: ['history'] });
  out.push({ name: 'undo of a correction', args: ['undo'] });
  out.push({ name: 'incident remove', args: ['incident', 'remove', 'волга-1'] });
  out.push({ name: 'undo of a removal', args: ['undo'] });
  return out;
}

describe('a Russian reader sees no English but ids and data', () => {
  it.each(runs().map((x) => [x.name, x.args] as const))('%s', (_name, args) => {
    const r = s.run(['--lang', 'ru', ...args]);
    const text = `${r.stdout}\n${r.stderr}`;
    expect(latinWords(text, dataIds), text).toEqual([]);
  });
});

describe('an English reader sees no Cyrillic outside the data', () => {
  it.each(runs().map((x) => [x.name, x.args] as const))('%s', (_name, args) => {
    const r = s.run(['--lang', 'en', ...args]);
    let text = `${r.stdout}\n${r.stderr}`;
    // User data is whatever the user typed: take it out, with the fixture's texts.
    for (const d of USER_DATA) text = text.split(d).join(' ');
    const cyrillic = text.match(/[А-Яа-яЁё]+/g) ?? [];
    expect(cyrillic, text).toEqual([]);
  });
});
