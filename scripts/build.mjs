// npm run build: dist/ from src/. The command line as one CommonJS bundle (no ES module
// loader to start), the library as an ES module with its type declarations, both with the
// page's script built in (scripts/live-script.mjs), then V8's code cache for the bundle.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { liveScriptPlugin } from './live-script.mjs';

const run = (command, args, env = {}, output = 'inherit') => {
  const { status } = spawnSync(command, args, { stdio: ['ignore', output, 'inherit'], env: { ...process.env, ...env } });
  if (status !== 0) process.exit(status ?? 1);
};

rmSync('dist', { recursive: true, force: true });
const node = { bundle: true, platform: 'node', target: 'node20', external: ['@viz-js/viz'], plugins: [liveScriptPlugin], logLevel: 'warning' };
await Promise.all([
  build({ ...node, entryPoints: ['src/main.ts'], format: 'cjs', outfile: 'dist/cli.cjs', supported: { 'dynamic-import': false } }),
  build({ ...node, entryPoints: ['src/index.ts'], format: 'esm', outfile: 'dist/index.js' }),
]);
// Type declarations of the library, then a check of the tests' types.
run('npx', ['tsc', '-p', '.']);
run('npx', ['tsc', '-p', 'test']);
// Only the build writes the code cache: an installed package never writes into itself.
run('node', ['bin/backprop.js', 'apple=100x2', 'orange=150x3', 'tax=1.1'], { BACKPROP_CODE_CACHE: 'write' }, 'ignore');
