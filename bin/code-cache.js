'use strict';
// Start-up without compiling: each bundle of dist/ is compiled with the V8 code cache that
// the build left beside it (`<file>.cache`), so that a command does not parse and compile
// its few hundred kilobytes of JavaScript again at every run. A cache that V8 does not
// accept (another Node version, flags, or a file changed by hand) is ignored: the file is
// then compiled as usual, only more slowly. Nothing is written here at run time; the build
// trains the caches (scripts/train-code-cache.cjs) with `install(dist, { train: true })`.

const Module = require('node:module');
const vm = require('node:vm');
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { dirname, join, sep } = require('node:path');

/**
 * Compiles every module under `dist` through its code cache. With `train`, no cache is read
 * and the returned `save()` writes, for every module compiled so far, a cache of all it has
 * compiled (the functions run by then included).
 */
function install(dist, { train = false } = {}) {
  const root = join(dist, sep);
  const compiled = [];
  const original = Module.prototype._compile;
  Module.prototype._compile = function compile(content, filename) {
    if (!filename.startsWith(root)) return original.call(this, content, filename);
    let cachedData;
    if (!train) {
      try {
        cachedData = readFileSync(`${filename}.cache`);
      } catch {
        // no cache: compile as usual
      }
    }
    const script = new vm.Script(Module.wrap(content), { filename, cachedData });
    if (train) compiled.push({ filename, script });
    const mod = this;
    const require = (id) => mod.require(id);
    require.resolve = (request, options) => Module._resolveFilename(request, mod, false, options);
    require.cache = Module._cache;
    const wrapper = script.runInThisContext({ displayErrors: true });
    return wrapper.call(mod.exports, mod.exports, require, mod, filename, dirname(filename));
  };
  return {
    save() {
      for (const { filename, script } of compiled) {
        const tmp = `${filename}.cache.${process.pid}.tmp`;
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, `${filename}.cache`);
      }
      return compiled.length;
    },
  };
}

module.exports = { install };
