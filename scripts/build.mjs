// npm run build: dist/ from src/. The command line as one CommonJS bundle (no ES module
// loader to start) with the page's script in a file beside it, the library as an ES module
// with its type declarations and the script built in (scripts/live-script.mjs), then V8's
// code cache for the bundle.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { liveScript, liveScriptFilePlugin, liveScriptPlugin } from './live-script.mjs';

const run = (command, args, env = {}, output = 'inherit') => {
  const { status } = spawnSync(command, args, { stdio: ['ignore', output, 'inherit'], env: { ...process.env, ...env } });
  if (status !== 0) process.exit(status ?? 1);
};

/**
 * Commander requires node:child_process for subcommands that are programs of their own, which
 * backprop has none of: loading it, and the modules it brings, cost every start for nothing.
 */
const noSubcommands = {
  name: 'no-subcommands',
  setup(plugins) {
    plugins.onResolve({ filter: /^node:child_process$/ }, ({ importer }) => (/[\\/]commander[\\/]/.test(importer) ? { path: 'child_process', namespace: 'none' } : undefined));
    plugins.onLoad({ filter: /.*/, namespace: 'none' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};

/**
 * The bundle in ASCII: one character past it, and Node decodes the whole file the slow way on
 * every start. esbuild escapes strings but not regular expressions, whose characters (× ─ 가-힣)
 * are escaped here: \uXXXX means the same in a pattern, a string or a template, but not in
 * String.raw's, which none may then hold.
 */
function asciiOnly(path) {
  const source = readFileSync(path, 'utf8');
  const raw = /String\.raw`[^`]*[^\0-\x7f][^`]*`/.exec(source);
  if (raw !== null) throw new Error(`${path}: String.raw holds a character past ASCII, which cannot be escaped: ${raw[0].slice(0, 80)}`);
  writeFileSync(path, source.replace(/[^\0-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

rmSync('dist', { recursive: true, force: true });
/** The live page's script, a file beside the command line's bundle. */
const LIVE_FILE = 'live.js';
const node = { bundle: true, platform: 'node', target: 'node20', external: ['@viz-js/viz'], plugins: [liveScriptPlugin], logLevel: 'warning' };
await Promise.all([
  // Minified: the bundle and its code cache are read and decoded on every start, the smaller
  // the sooner. BACKPROP_DEBUG's stack traces then name minified functions; `npm run dev` runs
  // the source with its own names.
  build({
    ...node,
    entryPoints: ['src/main.ts'],
    format: 'cjs',
    outfile: 'dist/cli.cjs',
    supported: { 'dynamic-import': false },
    plugins: [liveScriptFilePlugin(LIVE_FILE), noSubcommands],
    minify: true,
    legalComments: 'none',
    charset: 'ascii',
  }),
  build({ ...node, entryPoints: ['src/index.ts'], format: 'esm', outfile: 'dist/index.js' }),
]);
writeFileSync(`dist/${LIVE_FILE}`, await liveScript());
asciiOnly('dist/cli.cjs');
// Type declarations of the library, then a check of the tests' types.
run('npx', ['tsc', '-p', '.']);
run('npx', ['tsc', '-p', 'test']);
// Only the build writes the code caches: an installed package never writes into itself. The
// book's receipt as a table, then as JSON, each writing the cache of its form (bin/backprop.js).
for (const form of [[], ['--json']]) {
  run('node', ['bin/backprop.js', 'apple=100x2', 'orange=150x3', 'tax=1.1', ...form], { BACKPROP_CODE_CACHE: 'write' }, 'ignore');
}
