'use strict';
// Trains the V8 code caches of dist/ (see bin/code-cache.js): runs the everyday commands in
// one process, on a throwaway database, then saves for each bundle the code of all that ran.
// A command that fails here is reported and the build goes on: without a cache a command
// only starts more slowly.

const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'vetted-train-'));
Object.assign(process.env, {
  VETTED_DB: join(work, 'train.db'),
  VETTED_CONFIG: join(work, 'config'),
  NO_COLOR: '1',
  LANG: 'C.UTF-8',
});
delete process.env.LC_ALL;
delete process.env.LC_MESSAGES;
delete process.env.VETTED_LANG;

// The first answer of each question of the built-in general checklist, as it stands.
const general = require('yaml').parse(readFileSync(join(root, 'checklists', 'general.yaml'), 'utf8'));
const answers = join(work, 'answers.json');
writeFileSync(answers, JSON.stringify(Object.fromEntries(general.questions.map((q) => [q.id, q.answers[0].value]))));
const shared = join(work, 'shared.json');
const mine = join(work, 'mine.json');
// A file with nothing in it: its import makes the database empty (a command that only reads makes none).
const nothing = join(work, 'nothing.json');
writeFileSync(nothing, '{"format": "vetted/1"}');

const RUNS = [
  ['--help'],
  ['incident', '--help'],
  ['import', nothing],
  ['lists'],
  ['incident', 'add', 'Acme', '--title', 'Late delivery', '--opened', '2024-01-01 10:00'],
  ['incident', 'event', 'acme-1', 'contact', '--channel', 'phone', '--at', '2024-01-01 11:00'],
  ['incident', 'event', 'acme-1', 'promise', '--text', 'a call back', '--due', '2024-01-02', '--at', '2024-01-01 11:05'],
  ['incident', 'event', 'acme-1', 'note', '--text', 'waiting'],
  ['event', 'edit', 'acme-1#2', '--kept'],
  ['event', 'edit', 'acme-1#3', '--text', 'still waiting'],
  ['incident', 'edit', 'acme-1', '--title', 'A late delivery'],
  ['company', 'rename', 'Acme', 'Acme Ltd'],
  ['company', 'edit', 'Acme Ltd', '--category', 'shop'],
  ['pin', 'Acme Ltd', 'white', '--reason', 'they made it right'],
  ['unpin', 'Acme Ltd'],
  ['undo'],
  ['history'],
  ['lists'],
  ['lists', '--json'],
  ['lists', 'black'],
  ['why', 'Acme Ltd'],
  ['company', 'show', 'Acme Ltd'],
  ['company', 'list'],
  ['incident', 'list'],
  ['incident', 'show', 'acme-1'],
  ['event', 'list', 'acme-1'],
  ['checks', 'list'],
  ['checklists', 'list'],
  ['due'],
  ['due', '--format', 'ics'],
  ['letter', 'acme-1', '--kind', 'complaint', '--from', 'A. Person'],
  ['policy', 'show'],
  ['paths'],
  ['source', 'list'],
  ['attachment', 'list'],
  ['export', '--format', 'md'],
  ['check', 'Acme Ltd', '--answers', answers],
  ['checks', 'list'],
  ['export', '--format', 'json', '--out', mine],
  ['export', '--format', 'json', '--share', '--out', shared],
  ['import', mine, '--dry-run'],
  ['--db', join(work, 'other.db'), 'import', mine],
  ['source', 'add', shared, '--name', 'a friend'],
  ['lists', '--sources'],
  ['backup', '--out', join(work, 'train.backup')],
  ['letters', 'list'],
  ['incident', 'close', 'acme-1', '--outcome', 'resolved'],
  ['incident', 'reopen', 'acme-1'],
  ['__complete', 'company', 'A'],
  ['__complete', 'incident'],
  ['--lang', 'ru', '--help'],
  ['--lang', 'ru', 'lists'],
  ['--lang', 'ru', 'company', 'show', 'Acme Ltd'],
];

async function train() {
  const cache = require(join(root, 'bin', 'code-cache.js')).install(join(root, 'dist'), { train: true });
  const { main } = require(join(root, 'dist', 'main.js'));
  process.stdout.setMaxListeners(0);
  const failed = [];
  const write = process.stderr.write;
  for (const argv of RUNS) {
    // What a command says on stderr is kept, and shown only when it fails.
    let said = '';
    process.stderr.write = (chunk) => {
      said += String(chunk);
      return true;
    };
    let code;
    try {
      code = await main(['node', 'vetted', ...argv]);
    } finally {
      process.stderr.write = write;
    }
    if (code !== 0) failed.push(`vetted ${argv.join(' ')} (exit ${code}): ${said.trim()}`);
  }
  const saved = cache.save();
  if (failed.length) process.stderr.write(`code cache: these training commands failed, their code is compiled at run time:\n  ${failed.join('\n  ')}\n`);
  return saved;
}

train()
  .catch((err) => {
    process.stderr.write(`code cache: training stopped: ${err?.stack ?? err}\n`);
    process.exitCode = 1;
  })
  .finally(() => rmSync(work, { recursive: true, force: true }));
