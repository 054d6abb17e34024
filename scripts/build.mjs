// Bundles src/ into dist/ with one chunk per lazily loaded command, so that each command
// loads only what it uses. The SQLite driver's compiled addon is the only file read from node_modules.
import { build } from 'esbuild';
import { readFileSync, renameSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// Build beside dist/ and swap it in, so that a running binary never sees half a build.
const dist = new URL('../dist', import.meta.url);
const next = new URL(`../dist.${process.pid}.tmp`, import.meta.url);
const old = new URL(`../dist.${process.pid}.old`, import.meta.url);
rmSync(next, { recursive: true, force: true });
await build({
  entryPoints: ['src/main.ts'],
  outdir: next.pathname,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // better-sqlite3's JavaScript is bundled too; its compiled addon is loaded from node_modules by path.
  external: [],
  define: { __VETTED_VERSION__: JSON.stringify(pkg.version) },
  banner: { js: "import { createRequire as __vettedCreateRequire } from 'node:module'; const require = __vettedCreateRequire(import.meta.url);" },
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: false,
  logLevel: 'warning',
});
try {
  renameSync(dist, old);
} catch {
  // no previous build
}
renameSync(next, dist);
rmSync(old, { recursive: true, force: true });
