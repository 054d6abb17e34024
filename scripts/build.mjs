// Bundles src/ into dist/ with one chunk per lazily loaded command, so that each command
// loads only what it uses. better-sqlite3 stays external (a native addon).
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: ['src/main.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['better-sqlite3'],
  define: { __VETTED_VERSION__: JSON.stringify(pkg.version) },
  banner: { js: "import { createRequire as __vettedCreateRequire } from 'node:module'; const require = __vettedCreateRequire(import.meta.url);" },
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: false,
  logLevel: 'warning',
});
