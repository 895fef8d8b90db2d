import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, test } from 'vitest';
import { temporaryFolder } from './folder.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = temporaryFolder('backprop-package-');
const npm = (args: string[], cwd: string) => {
  const run = spawnSync('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`npm ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
};
let tarball: string;
const { name, dependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

// `npm test` has just built dist/, so the tarball is packed as it stands.
beforeAll(() => {
  const [{ filename }] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], root));
  tarball = join(work, filename);
}, 60_000);

test('the tarball holds only what a user needs', () => {
  const [{ files }] = JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts'], root));
  const paths: string[] = files.map((file: { path: string }) => file.path);
  expect(paths.filter((path) => !path.startsWith('dist/')).sort()).toEqual(['LICENSE', 'README.md', 'bin/backprop.js', 'bin/package.json', 'package.json', 'schema/backprop.schema.json']);
  expect(paths).toContain('dist/cli.cjs');
  expect(paths).toContain('dist/index.js');
  expect(paths).toContain('dist/index.d.ts');
});

test('npm install -g of the tarball gives a working backprop with only the runtime dependencies', () => {
  const prefix = join(work, 'global');
  npm(['install', '-g', '--prefix', prefix, tarball], work);
  const run = spawnSync(join(prefix, 'bin', 'backprop'), ['apple=100x2', 'orange=150x3', 'tax=1.1', '--json'], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(JSON.parse(run.stdout).gradients).toEqual({ apple: 2.2, apple_num: 110, orange: 3.3, orange_num: 165, tax: 650 });
  const installed = join(prefix, 'lib', 'node_modules', name);
  // Running it changes nothing in the package: it never writes into itself.
  const files = () => (readdirSync(installed, { recursive: true }) as string[]).map((path) => `${path} ${statSync(join(installed, path)).mtimeMs}`);
  const before = files();
  spawnSync(join(prefix, 'bin', 'backprop'), ['x*2', 'x=3'], { encoding: 'utf8' });
  expect(files()).toEqual(before);
  // The live page's script is a file of its own beside the bundle, read for a page only.
  const page = spawnSync(join(prefix, 'bin', 'backprop'), ['apple=100x2', 'tax=1.1', '--format', 'html'], { encoding: 'utf8' });
  expect(page.stderr).toBe('');
  expect(/<script>([^]*?)<\/script>/.exec(page.stdout)![1].length).toBeGreaterThan(100_000);
  const modules = readdirSync(join(installed, 'node_modules')).filter((name) => !name.startsWith('.'));
  for (const dependency of Object.keys(dependencies)) expect(existsSync(join(installed, 'node_modules', dependency)), dependency).toBe(true);
  for (const tool of ['typescript', 'vitest', 'esbuild', 'tsx', 'fast-check']) expect(modules).not.toContain(tool);
  // --help's pointer to the README is where npm put it.
  const help = spawnSync(join(prefix, 'bin', 'backprop'), ['--help'], { encoding: 'utf8' }).stdout;
  const globalRoot = npm(['root', '-g', '--prefix', prefix], work).trim();
  const [readme] = /\$\(npm root -g\)\S*/.exec(help)!;
  expect(readFileSync(readme.replace('$(npm root -g)', globalRoot), 'utf8')).toContain('## Quick start');
}, 120_000);

test('the library imports from the installed package, and its types check', () => {
  const project = join(work, 'project');
  mkdirSync(project);
  npm(['init', '-y'], project);
  npm(['install', tarball], project);
  const use = `import { evaluate, parseReceipt } from '${name}';\nconst r = evaluate(parseReceipt(['apple=100x2', 'tax=1.1']));\nconsole.log(r.value.toFixed(2));\n`;
  writeFileSync(join(project, 'use.mjs'), use);
  expect(spawnSync('node', ['use.mjs'], { cwd: project, encoding: 'utf8' }).stdout).toBe('220.00\n');
  writeFileSync(join(project, 'use.mts'), `${use}const wrong: string = r.value;\n`);
  const tsc = spawnSync(join(root, 'node_modules', '.bin', 'tsc'), ['--noEmit', '--strict', '--module', 'nodenext', 'use.mts'], { cwd: project, encoding: 'utf8' });
  // The types are found, and they are the real ones: a number is not a string.
  expect(tsc.stdout).toContain("use.mts(4,7): error TS2322: Type 'number' is not assignable to type 'string'.");
  expect(tsc.stdout.trim().split('\n')).toHaveLength(1);
}, 120_000);

test('BACKPROP_CODE_CACHE=write where the cache cannot be written: one error line, no stack trace', () => {
  const copy = temporaryFolder('backprop-cache-');
  mkdirSync(join(copy, 'bin'));
  mkdirSync(join(copy, 'dist'));
  for (const file of ['bin/backprop.js', 'bin/package.json', 'dist/cli.cjs']) copyFileSync(join(root, file), join(copy, file));
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
  // A folder where the cache file would go: as good as a dist/ the user cannot write, even for root.
  for (const cache of ['cli.cjs.cache', 'cli.cjs.json.cache']) mkdirSync(join(copy, 'dist', cache));
  const run = spawnSync(join(copy, 'bin', 'backprop.js'), ['x*2', 'x=3', '--json'], { encoding: 'utf8', env: { ...process.env, BACKPROP_CODE_CACHE: 'write' } });
  expect(JSON.parse(run.stdout).value).toBe(6);
  expect(run.stderr).toMatch(/^error: cannot write the code cache ".*cli\.cjs(\.json)?\.cache": .*\n$/);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.status).toBe(1);
});
