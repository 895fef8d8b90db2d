#!/bin/sh
":" //; true 2>/dev/null 3>&1 || export BACKPROP_STDOUT=closed; exec node "$0" "$@"
// The line above is shell to sh and a string and a comment to Node. Node opens a closed
// standard output on /dev/null before any script runs, so only the shell can tell `>&-` from
// /dev/null, which a caller may give on purpose: it says so in BACKPROP_STDOUT for cli.ts.
// Starting sh costs what starting env did.
// Runs the CLI bundled from src/ by `npm run build` (dist/cli.cjs), with V8's code cache that
// the build writes beside it. Start-up is most of what one calculation costs, and the cache
// spares V8 compiling the bundle afresh on every run (README, Performance). A cache older than
// the bundle is ignored; one from another Node version is rejected by V8 itself, and the
// bundle is then simply compiled.
'use strict';
const { readFileSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');

const dist = join(__dirname, '..', 'dist');
const bundle = join(dist, 'cli.cjs');
// A cache a form: a run as JSON compiles commander and the JSON writer, a table run neither,
// and a cache holds what its run compiled, which a start pays to read (about 300 KB each).
const cache = `${bundle}${process.argv.includes('--json') ? '.json' : ''}.cache`;
let cachedData;
try {
  if (statSync(cache).mtimeMs >= statSync(bundle).mtimeMs) cachedData = readFileSync(cache);
} catch {
  // no cache yet: compile
}
let source;
try {
  source = readFileSync(bundle, 'utf8');
} catch {
  process.stderr.write('error: backprop is not built yet: run npm install (or npm run build) in its folder\n');
  process.exit(1);
}
// Wrapped as Node wraps a CommonJS module (node:module's wrap, whose loading costs a start more).
const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n});`, { filename: bundle, cachedData });
// Only the build asks for the cache to be written (BACKPROP_CODE_CACHE=write): an installed
// package never writes into itself. If it cannot, say so in one line, as any failure.
if (process.env.BACKPROP_CODE_CACHE === 'write') {
  process.on('exit', () => {
    try {
      writeFileSync(cache, script.createCachedData());
    } catch (error) {
      const why = { EACCES: 'permission denied', EPERM: 'permission denied', EROFS: 'read-only file system' }[error.code];
      process.stderr.write(`error: cannot write the code cache ${JSON.stringify(cache)}: ${why ?? error.message}\n`);
      process.exitCode = 1;
    }
  });
}
script.runInThisContext()(exports, require, module, bundle, dist);
