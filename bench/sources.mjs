// The benchmark of sources: shared lists of many companies, and CFPB complaint files of a
// million rows and more, read against `sqlite3`'s own `.import` of the same file in the same run.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCfpb } from './cfpb-generate.mjs';

/** A shared vetted/1 file of `count` companies; the first `known` are named as in the user's data. */
function sharedFile(dataDir, names, count, seed) {
  const file = join(dataDir, `shared-${count}-${seed}.json`);
  if (existsSync(file)) return file;
  const lists = ['black', 'white', 'watch'];
  const entries = [];
  const companies = [];
  for (let i = 0; i < count; i++) {
    const company = i < names.length ? names[(i * 7 + seed) % names.length] : `Shared Company ${seed}-${i}`;
    companies.push({ name: company });
    const list = lists[(i + seed) % 3];
    entries.push({
      company,
      list,
      since: `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`,
      pinned: i % 50 === 0,
      reasons: [{ rule: list === 'black' ? 'B2' : list === 'white' ? 'W1' : 'watch', text: `reason number ${i} of source ${seed}`, date: '2024-01-01', evidence: [`incident:x-${i}`] }],
    });
  }
  const seen = new Set();
  const unique = (xs) => xs.filter((x) => (seen.has(x.company ?? x.name) ? false : seen.add(x.company ?? x.name)));
  const doc = { format: 'vetted/1', exported_at: '2026-11-30T10:00:00Z', source: `bench ${seed}`, companies: unique(companies) };
  seen.clear();
  doc.lists = unique(entries);
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

function quiet(bin, args, env) {
  spawnSync(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, stdio: 'ignore' });
}

export async function sourceRows({ measure, once, work, envFor, dataDir, bin, quick, midFile }) {
  const rows = [];

  // Many voices: a shared file of 50,000 companies; three sources beside 10,000 companies.
  const env = envFor('voices');
  once(process.execPath, [bin, 'import', midFile], env);
  const names = JSON.parse(readFileSync(midFile, 'utf8')).companies.map((c) => c.name);
  const big = sharedFile(dataDir, names, 50_000, 1);
  rows.push(
    measure('vetted source add (a shared file of 50,000 companies)', ['source', 'add', big, '--name', 'big'], env, {
      runs: quick ? 1 : 3,
      before: () => quiet(bin, ['source', 'remove', 'big'], env),
      target: 15,
      memory: 300,
    }),
  );
  // Every company against the source's names: it took two minutes when each company went through all of them.
  rows.push(measure('vetted source match (10,000 companies, a shared file of 50,000)', ['source', 'match', 'big'], env, { runs: quick ? 1 : 3 }));
  quiet(bin, ['source', 'remove', 'big'], env);
  for (const seed of [2, 3, 4]) once(process.execPath, [bin, 'source', 'add', sharedFile(dataDir, names, 10_000, seed), '--name', `s${seed}`], env);
  rows.push(measure('vetted company show <one> (three sources)', ['company', 'show', names[9]], env, { runs: quick ? 5 : 11, target: 2 }));
  once(process.execPath, [bin, 'lists'], env);
  rows.push(measure('vetted lists --sources (10,000 companies, three sources)', ['lists', '--sources'], env, { runs: quick ? 3 : 7, target: 6 }));

  // CFPB: a synthetic file in today's 16-column layout, against sqlite3's own .import.
  const sizes = quick ? [1_000_000] : [1_000_000, 4_000_000];
  for (const size of sizes) {
    const file = join(dataDir, `cfpb-${size}.csv`);
    if (!existsSync(file)) {
      process.stderr.write(`generating ${file}…\n`);
      generateCfpb(size, file, 7);
    }
    const sqliteDb = join(work, 'sqlite-import.db');
    const vettedEnv = envFor(`cfpb-${size}`);
    const wipeVetted = () => {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${vettedEnv.VETTED_DB}${suffix}`, { force: true });
    };
    const runs = quick || size > 1_000_000 ? 1 : 3;
    const sqliteMs = [];
    const vettedMs = [];
    let mb = 0;
    for (let i = 0; i < runs; i++) {
      rmSync(sqliteDb, { force: true });
      sqliteMs.push(once('sqlite3', [sqliteDb, '-cmd', '.mode csv', `.import ${file} complaints`], {}).ms);
      wipeVetted();
      const r = once(process.execPath, [bin, 'source', 'add', file, '--name', 'cfpb', '--kind', 'cfpb'], vettedEnv);
      vettedMs.push(r.ms);
      mb = Math.max(mb, r.mb || 0);
    }
    rmSync(sqliteDb, { force: true });
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const s = median(sqliteMs);
    const v = median(vettedMs);
    const ratio = s / v;
    const label = `vetted source add --kind cfpb (${size.toLocaleString('en-US')} rows) vs sqlite3 .import`;
    const target = size === 1_000_000 ? 0.8 : undefined;
    const ok = target === undefined || (ratio >= target && mb <= 200);
    process.stderr.write(`${label}: ${v.toFixed(0)} ms (${Math.round(size / (v / 1000)).toLocaleString('en-US')} rows/s), sqlite3 ${s.toFixed(0)} ms (${Math.round(size / (s / 1000)).toLocaleString('en-US')} rows/s), ${ratio.toFixed(2)}× its rate, ${mb.toFixed(0)} MB\n`);
    rows.push({ label, cmdMs: v, nodeMs: s, nu: ratio, mb, target, ok, kind: 'rate' });
    if (size === 1_000_000) {
      quiet(bin, ['incident', 'add', 'TransUnion', '--title', 'bench', '--fault', 'company', '--opened', '2026-11-01'], vettedEnv);
      quiet(bin, ['company', 'alias', 'TransUnion', 'TRANSUNION INTERMEDIATE HOLDINGS, INC.'], vettedEnv);
      rows.push(measure('vetted company show <linked> (public record of 1,000,000 rows)', ['company', 'show', 'TransUnion'], vettedEnv, { runs: quick ? 5 : 11, target: 2 }));
    }
    wipeVetted();
  }
  return rows;
}
