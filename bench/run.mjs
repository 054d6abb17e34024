// The benchmark: times each command against a bare `node -e 0` measured in the same run,
// alternating, and reports medians as NU (multiples of bare node), with peak memory.
// usage: npm run bench [-- --quick] [-- --sources] [-- --only TEXT]
//   (writes bench/results.md; --sources: only the sources rows; --only: only the rows whose
//   label contains TEXT, repeatable; the rows that set up a database still run, untimed, and
//   the 100,000-company rows run in a quick run too when named; the table is then printed, not written)

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';
import { sourceRows } from './sources.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, 'bench', 'data');
const bin = join(root, 'bin', 'vetted.js');
const quick = process.argv.includes('--quick');
const onlySources = process.argv.includes('--sources');
const only = process.argv.flatMap((a, i) => (process.argv[i - 1] === '--only' ? [a] : []));
const wanted = (label) => only.length === 0 || only.some((o) => label.includes(o));
const hasTime = existsSync('/usr/bin/time');
mkdirSync(dataDir, { recursive: true });

function dataFile(companies) {
  const file = join(dataDir, `companies-${companies}.json`);
  if (!existsSync(file)) {
    process.stderr.write(`generating ${file}…\n`);
    const doc = generate(companies, 42);
    writeFileSync(file, JSON.stringify(doc));
  }
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  const events = doc.incidents.reduce((n, i) => n + i.events.length, 0);
  return { file, size: { companies: doc.companies.length, incidents: doc.incidents.length, events } };
}

/** Runs a command once; wall time in ms and peak memory in MB (when /usr/bin/time is there). */
function once(cmd, args, env) {
  const useTime = hasTime;
  const argv = useTime ? ['/usr/bin/time', ['-f', '%M', cmd, ...args]] : [cmd, args];
  const t0 = process.hrtime.bigint();
  // The output is read from a pipe, as a script reading it would, and kept as bytes: decoded
  // into a string here, the 21 MB of an export took this process 0.1 s more, counted as the command's.
  const r = spawnSync(argv[0], argv[1], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const stderr = r.stderr.toString('utf8');
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${stderr.slice(-500)}`);
  const lines = stderr.trim().split('\n');
  const rssKb = useTime ? Number(lines[lines.length - 1]) : NaN;
  return { ms, mb: rssKb / 1024 };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Alternates bare node and the command `runs` times; `before` runs untimed before each. A row
 * left out by --only is skipped, or run once untimed when later rows need what it makes (`setup`). */
function measure(label, args, env, { runs = 9, before, target, memory, setup } = {}) {
  if (!wanted(label)) {
    if (setup) {
      before?.();
      once(process.execPath, [bin, ...args], env);
    }
    return undefined;
  }
  const node = [];
  const cmd = [];
  let mb = 0;
  for (let i = 0; i < runs; i++) {
    node.push(once(process.execPath, ['-e', '0'], env).ms);
    before?.();
    const r = once(process.execPath, [bin, ...args], env);
    cmd.push(r.ms);
    mb = Math.max(mb, r.mb || 0);
  }
  // A row of few runs still has its bare node from five: one slow start of node (165 ms
  // against 105) once made a 100,000-company import read as meeting its bar.
  while (node.length < 5) node.push(once(process.execPath, ['-e', '0'], env).ms);
  const nodeMs = median(node);
  const cmdMs = median(cmd);
  const nu = cmdMs / nodeMs;
  const row = { label, cmdMs, nodeMs, nu, mb, target, memory, ok: (target === undefined || nu <= target) && (!memory || !mb || mb <= memory) };
  process.stderr.write(`${label}: ${cmdMs.toFixed(0)} ms, node ${nodeMs.toFixed(0)} ms, ${nu.toFixed(2)} NU${mb ? `, ${mb.toFixed(0)} MB` : ''}${target ? (row.ok ? ' ✓' : ` ✗ (target ${target})`) : ''}\n`);
  return row;
}

const work = join(dataDir, 'work');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const envFor = (name) => ({ VETTED_DB: join(work, `${name}.db`), VETTED_CONFIG: join(work, 'config'), NO_COLOR: '1' });
const wipe = (name) => () => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(join(work, `${name}.db${suffix}`), { force: true });
};

const rows = [];
rows.push = (...xs) => Array.prototype.push.apply(rows, xs.filter(Boolean));
const fast = quick ? 5 : 11;
if (!onlySources) {
rows.push(measure('vetted --version', ['--version'], envFor('empty'), { runs: fast, target: 1.3 }));
rows.push(measure('vetted --help', ['--help'], envFor('empty'), { runs: fast, target: 1.5 }));
rows.push(measure('vetted --lang ru --help', ['--lang', 'ru', '--help'], envFor('empty'), { runs: fast, target: 1.5 }));
// The empty database, made by the import of a file with nothing in it (a command that only reads makes none).
const nothing = join(work, 'nothing.json');
writeFileSync(nothing, '{"format": "vetted/1"}');
once(process.execPath, [bin, 'import', nothing], envFor('empty'));
rows.push(measure('vetted lists (empty database)', ['lists'], envFor('empty'), { runs: fast, target: 1.6 }));

const mid = dataFile(10_000);
const importRuns = quick ? 1 : 3;
rows.push(measure(`vetted import (${mid.size.companies} companies, ${mid.size.incidents} incidents, ${mid.size.events} events)`, ['import', mid.file], envFor('mid'), { runs: importRuns, before: wipe('mid'), target: 15, memory: 250, setup: true }));
const midDoc = JSON.parse(readFileSync(mid.file, 'utf8'));
const oneCompany = midDoc.incidents[0].company;
const oneIncident = midDoc.incidents[0].id;
rows.push(
  measure('vetted lists --json, first after an import (10,000 companies)', ['lists', '--json'], envFor('cold'), {
    runs: importRuns,
    before: () => {
      wipe('cold')();
      once(process.execPath, [bin, 'import', mid.file], envFor('cold'));
    },
    target: 5,
  }),
);
/** A `before` that undoes the change of the run before it (none before the first run). */
const undoAfterFirst = () => {
  let first = true;
  return () => {
    if (!first) once(process.execPath, [bin, 'undo'], envFor('mid'));
    first = false;
  };
};
// The first listing after the verdicts were dropped: by a change of policy (every company is
// judged again, as after an import), then by an undo and by a merge of two companies (only the
// companies they touched).
const policyFile = join(work, 'config', 'policy.yaml');
let policyTurn = 0;
const changePolicy = () => {
  mkdirSync(join(work, 'config'), { recursive: true });
  writeFileSync(policyFile, `broken_promises: ${3 + (policyTurn++ % 2)}\n`);
};
rows.push(measure('vetted lists --json, first after a policy change (10,000 companies)', ['lists', '--json'], envFor('mid'), { runs: fast, before: changePolicy, target: 5 }));
rmSync(policyFile, { force: true });
once(process.execPath, [bin, 'lists', '--json'], envFor('mid'));
rows.push(
  measure('vetted lists --json, first after an undo (10,000 companies)', ['lists', '--json'], envFor('mid'), {
    runs: fast,
    before: () => {
      once(process.execPath, [bin, 'incident', 'event', oneIncident, 'note', '--text', 'bench'], envFor('mid'));
      once(process.execPath, [bin, 'undo'], envFor('mid'));
    },
    target: 5,
  }),
);
// Each run merges the same two companies, the merge before it undone first; the last is undone after.
const [mergedFrom, mergedInto] = [midDoc.companies[1].name, midDoc.companies[2].name];
const undoneMerge = undoAfterFirst();
rows.push(
  measure('vetted lists --json, first after a company merge (10,000 companies)', ['lists', '--json'], envFor('mid'), {
    runs: fast,
    before: () => {
      undoneMerge();
      once(process.execPath, [bin, 'company', 'merge', mergedFrom, mergedInto], envFor('mid'));
    },
    target: 5,
  }),
);
if (wanted('first after a company merge')) once(process.execPath, [bin, 'undo'], envFor('mid'));
once(process.execPath, [bin, 'lists', '--json'], envFor('mid'));
rows.push(measure('vetted lists --json, warm (10,000 companies)', ['lists', '--json'], envFor('mid'), { runs: fast, target: 3 }));
rows.push(measure('vetted lists (10,000 companies)', ['lists'], envFor('mid'), { runs: fast }));
rows.push(measure('vetted --lang ru lists (10,000 companies)', ['--lang', 'ru', 'lists'], envFor('mid'), { runs: fast }));
rows.push(measure('vetted due (10,000 companies)', ['due'], envFor('mid'), { runs: fast, target: 3 }));
rows.push(measure('vetted incident list (10,000 companies)', ['incident', 'list'], envFor('mid'), { runs: fast, target: 3 }));
rows.push(measure('vetted checks list (10,000 companies)', ['checks', 'list'], envFor('mid'), { runs: fast, target: 3 }));
rows.push(measure('vetted company show <one> (10,000 companies)', ['company', 'show', oneCompany], envFor('mid'), { runs: fast, target: 1.6 }));
rows.push(measure('vetted why <one> (10,000 companies)', ['why', oneCompany], envFor('mid'), { runs: fast, target: 1.6 }));
// Completion asks for names at every Tab: a prefix that matches about a tenth of the names.
const prefix = oneCompany.slice(0, 1);
rows.push(measure(`vetted __complete company ${prefix} (10,000 companies)`, ['__complete', 'company', prefix], envFor('mid'), { runs: fast, target: 1.6 }));
rows.push(measure('vetted __complete incident (10,000 companies, every id)', ['__complete', 'incident'], envFor('mid'), { runs: fast, target: 1.6 }));
rows.push(measure('vetted export --format md (10,000 companies)', ['export', '--format', 'md'], envFor('mid'), { runs: quick ? 3 : 7, target: 4, memory: 250 }));
// The first export after every company was judged again: the table row of each listed company
// whose entry the change of policy changed is made anew (a warm export reads the rows the last
// one made; a company judged to the entry it had keeps its row).
rows.push(measure('vetted export --format md, first after a policy change (10,000 companies)', ['export', '--format', 'md'], envFor('mid'), { runs: quick ? 3 : 5, before: changePolicy, target: 4, memory: 250 }));
rmSync(policyFile, { force: true });
once(process.execPath, [bin, 'export', '--format', 'md'], envFor('mid'));
rows.push(measure('vetted export --format json (10,000 companies)', ['export', '--format', 'json'], envFor('mid'), { runs: quick ? 3 : 7, target: 6, memory: 250 }));
rows.push(measure('vetted letter <one> (10,000 companies)', ['letter', oneIncident, '--kind', 'claim', '--jurisdiction', 'ru', '--case', 'telecom', '--demand', 'refund', '--amount', '500', '--currency', 'RUB', '--account', '42', '--from', 'Bench Mark'], envFor('mid'), { runs: fast, target: 2 }));
rows.push(measure('vetted due --format ics (10,000 companies)', ['due', '--format', 'ics'], envFor('mid'), { runs: fast, target: 3 }));

// Correcting the record at 10,000 companies: each change is timed, then undone untimed
// before the next run (undoAfterFirst), so that every run meets the same database.
const editRuns = quick ? 3 : 7;
const edits = [
  ['vetted incident add (10,000 companies)', ['incident', 'add', oneCompany, '--title', 'bench', '--opened', '2024-01-01']],
  ['vetted incident event (10,000 companies)', ['incident', 'event', oneIncident, 'note', '--text', 'bench']],
  ['vetted event edit (10,000 companies)', ['event', 'edit', `${oneIncident}#1`, '--note', 'bench']],
  ['vetted incident edit (10,000 companies)', ['incident', 'edit', oneIncident, '--title', 'bench']],
  ['vetted company rename (10,000 companies)', ['company', 'rename', oneCompany, `${oneCompany} renamed`]],
  ['vetted pin (10,000 companies)', ['pin', oneCompany, 'white', '--reason', 'bench']],
];
for (const [label, args] of edits) rows.push(measure(label, args, envFor('mid'), { runs: editRuns, before: undoAfterFirst(), target: 1.6 }));
rows.push(measure('vetted history (10,000 companies)', ['history'], envFor('mid'), { runs: fast, target: 1.6 }));
rows.push(
  measure('vetted undo of one change (10,000 companies)', ['undo'], envFor('mid'), {
    runs: editRuns,
    before: () => once(process.execPath, [bin, 'incident', 'event', oneIncident, 'note', '--text', 'to undo'], envFor('mid')),
    target: 1.6,
  }),
);
rows.push(
  measure('vetted undo of the 10,000-company import', ['undo'], envFor('undo'), {
    runs: importRuns,
    before: () => {
      wipe('undo')();
      once(process.execPath, [bin, 'import', mid.file], envFor('undo'));
    },
    target: 10,
  }),
);

if (!quick || (only.length && ['100,000', '100000'].some((n) => only.some((o) => o.includes(n))))) {
  const big = dataFile(100_000);
  rows.push(measure(`vetted import (${big.size.companies} companies, ${big.size.incidents} incidents, ${big.size.events} events)`, ['import', big.file], envFor('big'), { runs: 1, before: wipe('big'), target: 120, memory: 300, setup: true }));
  rows.push(measure('vetted lists --json, first after an import (100,000 companies)', ['lists', '--json'], envFor('big'), { runs: 1, target: 30 }));
  rows.push(measure('vetted lists --json, warm (100,000 companies)', ['lists', '--json'], envFor('big'), { runs: 3, target: 10 }));
  rows.push(measure('vetted lists (100,000 companies)', ['lists'], envFor('big'), { runs: 3, target: 10 }));
  rows.push(measure('vetted due (100,000 companies)', ['due'], envFor('big'), { runs: 3, target: 10 }));
}
}
if (!only.length || onlySources) rows.push(...(await sourceRows({ measure, once, work, envFor, dataDir, bin, quick, midFile: dataFile(10_000).file })));

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const measured = rows.filter(Boolean);
const table = [
  '| what | median | bare node | NU | target | peak memory |',
  '|---|---:|---:|---:|---:|---:|',
  ...measured.filter((r) => r.kind !== 'rate').map((r) => `| ${r.label} | ${r.cmdMs.toFixed(0)} ms | ${r.nodeMs.toFixed(0)} ms | ${r.nu.toFixed(2)} | ${r.target ? `≤ ${r.target}${r.ok ? ' ✓' : ' ✗'}` : 'reported'} | ${r.mb ? `${r.mb.toFixed(0)} MB` : '—'} |`),
].join('\n');
const rates = measured.filter((r) => r.kind === 'rate');
const rateTable = [
  '| what | vetted | sqlite3 .import | vetted rows/s ÷ sqlite3 rows/s | target | peak memory |',
  '|---|---:|---:|---:|---:|---:|',
  ...rates.map((r) => `| ${r.label} | ${(r.cmdMs / 1000).toFixed(1)} s | ${(r.nodeMs / 1000).toFixed(1)} s | ${r.nu.toFixed(2)} | ${r.target ? `≥ ${r.target}, ≤ 200 MB${r.ok ? ' ✓' : ' ✗'}` : 'reported'} | ${r.mb ? `${r.mb.toFixed(0)} MB` : '—'} |`),
].join('\n');
const doc = `# Benchmark results\n\n${new Date().toISOString().slice(0, 10)} on ${machine}${quick ? ' (quick run)' : ''}.\nNU: the median wall time of the command divided by that of a bare \`node -e 0\` run alternately in the same session.\n\n${table}\n\nReading a CFPB complaint file against \`sqlite3\`'s own \`.import\` of the same file into a table, in the same run:\n\n${rateTable}\n`;
if (!only.length) writeFileSync(join(root, 'bench', onlySources ? 'results-sources.md' : 'results.md'), doc);
process.stdout.write(rates.length ? `${table}\n\n${rateTable}\n` : `${table}\n`);
rmSync(work, { recursive: true, force: true });
const failed = measured.filter((r) => !r.ok);
if (failed.length) {
  process.stderr.write(`${failed.length} target${failed.length === 1 ? '' : 's'} missed\n`);
  process.exitCode = 1;
}
