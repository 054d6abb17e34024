// Bundles src/ into dist/ so that a command loads as few files as possible, and only
// what it uses:
//   dist/main.js            the entry: argument checks, --version, error mapping
//   dist/program.js         the command tree (commander); loaded for every command
//   dist/commands/<name>.js one self-contained file per command
//   dist/lazy/<module>.js   what a command imports only when it needs it (prompts, renderers…)
//   dist/vendor/<lib>.js    the heavy libraries (YAML, prompts, markdown), loaded on first use
// The SQLite driver's compiled addon is the only file read from node_modules at run time.
// The bundles are CommonJS, so that bin/code-cache.js can compile each through the V8 code
// cache trained here (`<file>.cache`): a command then neither parses nor compiles them.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// Build beside dist/ and swap it in, so that a running binary never sees half a build.
const dist = `${root}dist`;
const next = `${root}dist.${process.pid}.tmp`;
const old = `${root}dist.${process.pid}.old`;
rmSync(next, { recursive: true, force: true });
// A build that fails (a syntax error, say) leaves no half-built folder behind.
process.on('exit', (code) => {
  if (code !== 0) rmSync(next, { recursive: true, force: true });
});

const VENDOR = {
  // yaml is CommonJS under Node: its names are listed, so that they can be imported by name.
  yaml: "import * as Y from 'yaml';\nexport const { Lexer, LineCounter, YAMLParseError, isAlias, isCollection, isMap, isNode, isPair, isScalar, parse, parseDocument, stringify, visit } = Y;",
  prompts: "export { confirm, input, select } from '@inquirer/prompts';",
  markdown: "export { defaultHandlers, toMarkdown } from 'mdast-util-to-markdown';\nexport { gfmTableToMarkdown } from 'mdast-util-gfm-table';",
};
const VENDOR_OF = {
  yaml: 'yaml',
  '@inquirer/prompts': 'prompts',
  'mdast-util-to-markdown': 'markdown',
  'mdast-util-gfm-table': 'markdown',
};

/**
 * Runs `use` on the modules of src/ that `exports` re-exports (`export { a } from './src/x.ts'`),
 * bundled once into a file of the build's own, removed after: for what the build works out with
 * the program's own code.
 */
async function withSources(name, exports, use) {
  const probe = `${root}dist.${process.pid}.${name}.mjs`;
  await build({
    stdin: { contents: exports, resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outfile: probe,
    logLevel: 'warning',
  });
  try {
    return await use(await import(probe));
  } finally {
    rmSync(probe, { force: true });
  }
}

/**
 * The tables, indexes and triggers a database of the current schema has, worked out here by
 * running the migrations on a database in memory: opening a database then checks it against
 * this list without running them again at every start.
 */
const schemaObjects = () =>
  withSources(
    'schema',
    "export { objectsOfVersion } from './src/store/open.ts'; export { SCHEMA_VERSION } from './src/store/schema.ts';",
    ({ objectsOfVersion, SCHEMA_VERSION }) => ({ version: SCHEMA_VERSION, objects: objectsOfVersion(SCHEMA_VERSION) }),
  );

/**
 * What this build is, as a short hash of its version, its sources and the versions of the
 * libraries bundled with them (the lock file): what the database caches (verdicts, markdown
 * rows) is keyed by it, so that a new build judging or wording anything differently never
 * shows what an older one cached.
 */
function buildId() {
  const hash = createHash('sha256').update(pkg.version);
  const add = (file) => hash.update(`\0${relative(root, file)}\0`).update(readFileSync(file));
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const file = `${dir}/${name}`;
      if (statSync(file).isDirectory()) walk(file);
      else add(file);
    }
  };
  walk(`${root}src`);
  if (existsSync(`${root}package-lock.json`)) add(`${root}package-lock.json`);
  return hash.digest('hex').slice(0, 16);
}

const common = {
  bundle: true,
  splitting: false,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // import() of a separate file becomes require(): loaded the same, lazily, through the cache.
  supported: { 'dynamic-import': false },
  define: {
    __VETTED_VERSION__: JSON.stringify(pkg.version),
    __VETTED_BUILD__: JSON.stringify(buildId()),
    __VETTED_SCHEMA_OBJECTS__: JSON.stringify(await schemaObjects()),
    // The module's own path, without a URL: the first URL a process makes costs it some
    // milliseconds, and the bundles need only the path.
    'import.meta.filename': '__filename',
    'import.meta.dirname': '__dirname',
  },
  logLevel: 'warning',
  // Russian text as UTF-8, not \u escapes: a third of the bytes to read at start-up.
  charset: 'utf8',
};

/** Every module of src/ that some module imports with import(): each becomes a file of its own. */
function dynamicTargets() {
  const out = new Set();
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(file);
      else if (file.endsWith('.ts')) {
        for (const m of readFileSync(file, 'utf8').matchAll(/import\('(\.{1,2}\/[^']+)\.js'\)/g)) out.add(resolve(dirname(file), `${m[1]}.ts`));
      }
    }
  };
  walk(`${root}src`);
  return out;
}
const INLINE = new Set([`${root}src/context.ts`]);
const lazy = [...dynamicTargets()].filter((source) => !INLINE.has(source));
/** Where a separate module's file goes in dist/, by its source path. */
function outputOf(source) {
  const rel = relative(`${root}src`, source).replace(/\.ts$/, '.js');
  if (rel === 'program.js' || rel.startsWith('commands/') && !rel.startsWith('commands/export-lists')) return rel;
  return `lazy/${basename(rel)}`;
}
/** Imports that stay separate files: dynamically imported modules and the heavy libraries. */
function separate(outDir) {
  const from = (file) => {
    const r = relative(outDir, file);
    return r.startsWith('.') ? r : `./${r}`;
  };
  return {
    name: 'separate-files',
    setup(b) {
      b.onResolve({ filter: /^\.{1,2}\// }, (a) => {
        if (a.kind !== 'dynamic-import') return undefined;
        const source = resolve(a.resolveDir, a.path.replace(/\.js$/, '.ts'));
        if (INLINE.has(source)) return undefined;
        return { path: from(outputOf(source)), external: true };
      });
      b.onResolve({ filter: /^(yaml|@inquirer\/prompts|mdast-util-to-markdown|mdast-util-gfm-table)$/ }, (a) => ({
        path: from(`vendor/${VENDOR_OF[a.path]}.js`),
        external: true,
      }));
      // chalk is always given its colour level, so its terminal detection (which loads node:tty) is left out.
      b.onResolve({ filter: /^#supports-color$/ }, () => ({ path: `${root}node_modules/chalk/source/vendor/supports-color/browser.js` }));
      // `import process from 'node:process'` (env-paths) makes Node read every property of
      // process for the module's exports, standard input included, which sets up a stream
      // (and loads net and child_process) for commands that never read it: the global serves.
      // (A require() of it, as commander makes, gets the module itself: it reads no property.)
      b.onResolve({ filter: /^(node:)?process$/ }, (a) => (a.kind === 'import-statement' ? { path: 'process', namespace: 'global-process' } : undefined));
      b.onLoad({ filter: /.*/, namespace: 'global-process' }, () => ({ contents: 'export default globalThis.process;', loader: 'js' }));
      // commander requires node:child_process as it loads, for subcommands run as programs of
      // their own, which vetted has none of; with it came net and dgram, some 6 ms of every
      // command. Its module is loaded on first use instead.
      b.onResolve({ filter: /^(node:)?child_process$/ }, (a) => (/[\\/]node_modules[\\/]commander[\\/]/.test(a.importer) ? { path: 'child_process', namespace: 'lazy-child-process' } : undefined));
      b.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
        contents: "let m;\nmodule.exports = new Proxy({}, { get: (_, key) => (m ??= require('node:child_process'))[key] });",
        loader: 'js',
      }));
    },
  };
}

/** One self-contained file for one module of src/. */
const single = (source, output) =>
  build({ ...common, entryPoints: [source], outfile: `${next}/${output}`, plugins: [separate(dirname(output))] });

// Every build is let finish before a failure ends this one: a build still writing when the
// half-built folder was removed wrote it again, and left it behind.
const built = await Promise.allSettled([
  single(`${root}src/main.ts`, 'main.js'),
  ...lazy.map((source) => single(source, outputOf(source))),
  ...Object.entries(VENDOR).map(([name, contents]) =>
    build({ ...common, stdin: { contents, resolveDir: root, loader: 'js' }, outfile: `${next}/vendor/${name}.js` }),
  ),
]);
const failed = built.find((b) => b.status === 'rejected');
if (failed) throw failed.reason;

// The built-in checklists and the jurisdiction packs as JSON files of the build, each file's data
// under its name, read by the program's own readers (YAML merge keys taken, keys given twice
// refused, each checked as the program checks it): a command then reads JSON, where parsing the
// YAML files took some 55 ms at each run. A file with a problem stops the build, named with it.
const builtData = () =>
  withSources(
    'data',
    "export { checklistsDataOf } from './src/formats/checklist-file.ts'; export { packsDataOf } from './src/formats/law-file.ts'; export { useLanguage } from './src/i18n/index.ts';",
    async ({ checklistsDataOf, packsDataOf, useLanguage }) => {
      // A problem is said in English.
      await useLanguage('en');
      writeFileSync(`${next}/checklists.json`, JSON.stringify(checklistsDataOf(`${root}checklists`)));
      writeFileSync(`${next}/jurisdictions.json`, JSON.stringify(await packsDataOf(`${root}jurisdictions`)));
    },
  );
await builtData();

// The bundles are CommonJS whatever the project's own "type" says.
writeFileSync(`${next}/package.json`, '{ "type": "commonjs" }\n');

try {
  renameSync(dist, old);
} catch {
  // no previous build
}
renameSync(next, dist);
rmSync(old, { recursive: true, force: true });

// The code caches, trained on the build in place (a command run meanwhile compiles as before).
{
  const r = spawnSync(process.execPath, [`${root}scripts/train-code-cache.cjs`], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) process.stderr.write(`build: the code caches were not trained (exit ${r.status}); commands will compile at run time\n`);
}
